"""Alembic environment: uses the connection the app hands over in ``config.attributes``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import db.models  # noqa: F401  (registers every table on Base.metadata)
from db.base import Base, UTCDateTime
from db.migrate import include_name

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        # Dev-time use (alembic revision --autogenerate) with -x url=sqlite:///path.
        url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///dev.sqlite")
        with create_engine(url).connect() as conn:
            _configure_and_run(conn)
    else:
        _configure_and_run(connection)


def _render_item(type_: str, obj: object, autogen_context: object) -> str | bool:
    """Render our UTC column type as a plain DateTime so revisions do not import app code."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


def _configure_and_run(connection: object) -> None:
    context.configure(
        render_item=_render_item,
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite lacks most ALTER TABLE; batch mode copies and moves
        compare_type=True,
        include_name=include_name,  # FTS5 tables are made by raw DDL, not from the models
    )
    with context.begin_transaction():
        context.run_migrations()


run()
