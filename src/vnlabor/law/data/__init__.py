"""Packaged national law data (TOML), one file per parameter family."""
