"""Migrations over a site's real data, not just an empty schema: a demo site's database (events with
registrations, notices, requests …) is taken down to the previous revision and back up to head, as the
first start of a newer program does after its backup copy (the package test does the same in the .deb)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app import bootstrap
from app.context import AppContext
from app.paths import DataPaths
from db import migrate
from db.session import make_engine


def counts(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def test_a_demo_site_goes_down_one_revision_and_up_again(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path).ensure()
    ctx = AppContext.open(paths)
    bootstrap.initialise(ctx, demo=True, **bootstrap.DEMO_SITE)
    ctx.close()
    before = counts(paths.database)
    assert before["event"] > 0
    (head,) = migrate.script_heads()
    (previous,) = migrate.revision_graph()[head]
    engine = make_engine(paths.database)
    try:
        migrate.downgrade(engine, previous)
        assert migrate.current_revisions(engine) == {previous}
        at_previous = counts(paths.database)  # tables the newest revision creates are gone here
        backup = migrate.upgrade(engine, paths.database)
        assert migrate.current_revisions(engine) == {head}
    finally:
        engine.dispose()
    assert backup is not None and backup.name == f"gongkai.sqlite.pre-{previous}.bak"
    after = counts(paths.database)
    kept = set(at_previous) - {"alembic_version"}
    changed = {t: (before[t], after[t]) for t in kept if t in before and after[t] != before[t]}
    assert changed == {}, "rows lost or duplicated by the round trip"
    with sqlite3.connect(paths.database) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_failing_migration_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path).ensure()
    AppContext.open(paths).close()
    (head,) = migrate.script_heads()
    (previous,) = migrate.revision_graph()[head]
    engine = make_engine(paths.database)
    try:
        migrate.downgrade(engine, previous)
        before = schema_objects(paths.database)
        # Something the newest revision creates late (a table or an index: they share one namespace
        # in SQLite) is in the way, so the upgrade fails after earlier DDL of the same revision ran.
        late = sorted(objects_at_head(tmp_path / "head") - before)[-1]
        with sqlite3.connect(paths.database) as conn:
            conn.execute(f'CREATE TABLE "{late}" (x INTEGER)')
        try:
            migrate.upgrade(engine, paths.database)
        except Exception:
            pass
        else:
            raise AssertionError("the upgrade should have failed")
        assert migrate.current_revisions(engine) == {previous}
        assert schema_objects(paths.database) == before | {late}
    finally:
        engine.dispose()


def schema_objects(database: Path) -> set[str]:
    """Names of the tables and the named indexes (not SQLite's automatic ones)."""
    with sqlite3.connect(database) as conn:
        rows = conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'index') "
            "AND name NOT LIKE 'sqlite_autoindex_%'"
        )
        return {r[0] for r in rows}


def objects_at_head(folder: Path) -> set[str]:
    paths = DataPaths(folder).ensure()
    AppContext.open(paths).close()
    return schema_objects(paths.database)
