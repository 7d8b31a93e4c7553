"""Bundled fonts, translations and data, read through importlib.resources."""
