"""The Sync page's parts: the background worker and the conflict view."""
