"""Bring a database file to the current schema, safely.

Before migrating an existing file it is copied aside (``<name>.pre-<rev>.bak``); a database whose
revision this version of Gongkai does not know (written by a newer version) is refused and left
untouched.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class NewerDatabaseError(RuntimeError):
    """The database was written by a newer Gongkai; we must not touch it."""


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def script_heads() -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


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
    """Copy a live SQLite file with the backup API, so WAL contents are included."""
    with sqlite3.connect(src) as source, sqlite3.connect(dst) as target:
        source.backup(target)


def downgrade(engine: Engine, target: str) -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, target)
