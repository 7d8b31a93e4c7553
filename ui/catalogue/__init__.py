"""Widgets and dialogs of the catalogue page (the page itself is ui/pages/catalogue_page.py)."""
