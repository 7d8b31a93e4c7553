"""Migrations: from an empty database, from the previous revision, and refusing a newer database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from db import migrate
from db.base import Base
from db.session import make_engine


def test_upgrade_from_empty_creates_every_table(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "a.sqlite")
    migrate.upgrade(engine, tmp_path / "a.sqlite")
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert migrate.current_revisions(engine) == migrate.script_heads()


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    """Autogenerate finds nothing to do: the revisions and the models agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    engine = make_engine(tmp_path / "a.sqlite")
    migrate.upgrade(engine, tmp_path / "a.sqlite")
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": migrate.include_name})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_upgrade_from_each_previous_revision(tmp_path: Path) -> None:
    """Every revision upgrades to head from the one before it, and downgrades back."""
    script = ScriptDirectory.from_config(migrate.alembic_config())
    revisions = list(reversed(list(script.walk_revisions())))
    for i, rev in enumerate(revisions):
        path = tmp_path / f"r{i}.sqlite"
        engine = make_engine(path)
        if rev.down_revision:
            migrate.upgrade(engine, path, target=str(rev.down_revision))
        backup = migrate.upgrade(engine, path)
        assert migrate.current_revisions(engine) == migrate.script_heads()
        if rev.down_revision:
            assert backup is not None and backup.exists(), "a pre-migration copy is made"
        migrate.downgrade(engine, rev.down_revision or "base")
        engine.dispose()


def test_idempotent(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "a.sqlite")
    migrate.upgrade(engine, tmp_path / "a.sqlite")
    assert migrate.upgrade(engine, tmp_path / "a.sqlite") is None


def test_newer_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    engine = make_engine(path)
    migrate.upgrade(engine, path)
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = path.read_bytes()
    engine = make_engine(path)
    with pytest.raises(migrate.NewerDatabaseError, match="更新版本"):
        migrate.upgrade(engine, path)
    engine.dispose()
    assert path.read_bytes() == before


def test_pragmas(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "a.sqlite")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_fast_revision_graph_agrees_with_alembic() -> None:
    """The start-up fast path reads the same heads and revisions Alembic does."""
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.script_heads() == set(script.get_heads())
    assert migrate.known_revisions() == {r.revision for r in script.walk_revisions()}
