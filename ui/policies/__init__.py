"""Widgets of the policy library other pages embed (choosing documents to link)."""
