"""Widgets of the notices page: the editor with the masking preview, review dialog, PDF preview and printing."""
