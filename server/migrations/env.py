"""Alembic environment of the platform database: runs on the connection server/store.py hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from server.models import ServerBase

config = context.config
target_metadata = ServerBase.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        # Dev-time use (alembic revision --autogenerate) with -x url=sqlite:///path.
        url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///platform-dev.sqlite")
        with create_engine(url).connect() as conn:
            _configure_and_run(conn)
    else:
        _configure_and_run(connection)


def _configure_and_run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite lacks most ALTER TABLE; batch mode copies and moves
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
