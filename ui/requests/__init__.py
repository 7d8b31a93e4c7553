"""Widgets and dialogs of the requests page (依申请公开)."""
