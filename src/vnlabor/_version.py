"""The package version (single source, read by the build backend)."""

__version__ = "0.2.0.dev0"
