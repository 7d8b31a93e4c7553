"""Alembic migrations, shipped inside the package and run programmatically at start-up."""
