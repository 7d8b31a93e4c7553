"""Alembic migrations of the platform database (not the site database: that is db/migrations)."""
