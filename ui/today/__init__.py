"""Widgets of the Today page: the grouped item list, the self-assessment view and its trend chart."""
