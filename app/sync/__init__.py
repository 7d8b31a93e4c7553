"""Sync with the city platform (outbox push, bucket pull). Importing this package imports nothing:
``server/`` imports ``app.sync.wire`` alone, so the service lives in ``app.sync.service``."""
