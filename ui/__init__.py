"""Gongkai's PySide6 user interface: thin views over app/ services."""
