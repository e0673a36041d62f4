"""Bundled overlays: provincial standards and support levels (TOML)."""
