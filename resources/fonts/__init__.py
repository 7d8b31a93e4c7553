"""Bundled CJK font (WenQuanYi Micro Hei) with its licence."""
