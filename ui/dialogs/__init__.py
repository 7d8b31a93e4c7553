"""Dialogs of the staff window."""
