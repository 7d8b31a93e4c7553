"""The application icon (SVG source; PNG sizes are rendered from it by packaging/build.py)."""
