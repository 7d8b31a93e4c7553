"""Widgets and dialogs of the event calendar page (ui/pages/calendar_page.py)."""
