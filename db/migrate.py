"""Bring a database file to the current schema, safely.

Before migrating an existing file it is copied aside (``<name>.pre-<rev>.bak``); a database whose
revision this version of Gongkai does not know (written by a newer version) is refused and left
untouched.

Start-up speed: importing Alembic costs a few hundred milliseconds, so the common case (the
database is already at head) is decided without it, by reading ``alembic_version`` with sqlite3
and the revision graph from the revision files' text. Alembic is imported only to migrate.
"""

from __future__ import annotations

import ast
import logging
import os
import sqlite3
from contextlib import closing
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class NewerDatabaseError(RuntimeError):
    """The database was written by a newer Gongkai; we must not touch it."""


#: Tables Alembic does not manage: SQLite FTS5 virtual tables (made by a migration's raw DDL) and
#: the shadow tables SQLite keeps for them (``<name>_data``, ``_idx``, ``_docsize``, ``_config``).
FTS_TABLES = ("policy_fts",)


def include_name(name: str | None, type_: str, _parent_names: object) -> bool:
    """Alembic's filter for comparing models with the database: leave the FTS5 tables out."""
    if type_ == "table" and name:
        return not any(name == t or name.startswith(t + "_") for t in FTS_TABLES)
    return True


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@cache
def revision_graph() -> dict[str, tuple[str, ...]]:
    """revision → its down revisions, read from the revision files without importing Alembic."""
    graph: dict[str, tuple[str, ...]] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        values: dict[str, object] = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
                continue
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                values[target.id] = ast.literal_eval(node.value)
        if "revision" not in values:
            continue
        down = values.get("down_revision")
        downs = () if down is None else (tuple(down) if isinstance(down, tuple | list) else (str(down),))
        graph[str(values["revision"])] = downs
    return graph


def script_heads() -> set[str]:
    graph = revision_graph()
    referenced = {d for downs in graph.values() for d in downs}
    return set(graph) - referenced


def known_revisions() -> set[str]:
    return set(revision_graph())


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        exists = conn.execute(
            text("SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if exists is None:
            return set()
        return {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}


def check_not_newer(engine: Engine) -> None:
    unknown = current_revisions(engine) - known_revisions()
    if unknown:
        raise NewerDatabaseError(
            "数据库由更新版本的公开专区工作台写入（迁移版本 "
            + ", ".join(sorted(unknown))
            + "），本版本不会修改它。请升级程序后再打开。"
        )


def needs_upgrade(engine: Engine) -> bool:
    return current_revisions(engine) != script_heads()


def upgrade(engine: Engine, db_path: Path | None = None, *, target: str = "heads") -> Path | None:
    """Upgrade to ``target``; returns the path of the pre-migration copy, if one was made."""
    check_not_newer(engine)
    current = current_revisions(engine)
    if current == script_heads() and target == "heads":
        return None
    from alembic import command

    backup: Path | None = None
    if db_path is not None and db_path.exists() and current:
        backup = db_path.with_name(f"{db_path.name}.pre-{'-'.join(sorted(current))}.bak")
        _copy_consistently(db_path, backup)
        log.info("copied %s aside to %s before migrating", db_path, backup)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return backup


def _copy_consistently(src: Path, dst: Path) -> None:
    """Copy a live SQLite file with the backup API, so pages still in the WAL are included.

    The copy holds what the database holds (personal data), so it is created owner-only (0600).
    """
    if not dst.exists():
        os.close(os.open(dst, os.O_WRONLY | os.O_CREAT, 0o600))
    with closing(sqlite3.connect(src)) as source, closing(sqlite3.connect(dst)) as target:
        source.backup(target)


def downgrade(engine: Engine, target: str) -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, target)
