"""The engine and session factory: SQLite in WAL mode, synchronous=FULL, foreign keys on.

The engine is made once by the composition root and handed down; nothing here is global.
A read-only engine (for the kiosk) opens the file with ``mode=ro`` so it can never write.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker


def _sqlite_pragmas(readonly: bool) -> Any:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if not readonly:
            # WAL lets the kiosk read while the staff window writes; FULL makes every commit durable
            # on power loss, which a hall PC on a shared socket does suffer.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    return on_connect


def make_engine(db_path: Path, *, readonly: bool = False) -> Engine:
    """An engine on the SQLite file at ``db_path`` with Gongkai's pragmas."""
    if readonly:
        url = f"sqlite:///file:{db_path.as_posix()}?mode=ro&uri=true"
    else:
        url = f"sqlite:///{db_path.as_posix()}"
    engine = create_engine(url, future=True)
    event.listen(engine, "connect", _sqlite_pragmas(readonly))
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions whose objects stay readable after commit (they are handed to views as values)."""
    return sessionmaker(engine, expire_on_commit=False)
