"""Consistent online backups of the database with SQLite's backup API; the last 14 are kept."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from app.errors import GongkaiError
from app.paths import DataPaths

KEEP = 14


def backup(paths: DataPaths, target: Path | None = None, *, now: datetime | None = None) -> Path:
    """Copy the live database to ``target`` (default: the backups folder), pruning old backups.

    The backup API copies a consistent snapshot even while the staff window is writing, WAL
    pages included, which a file copy would not.
    """
    if not paths.database.exists():
        raise GongkaiError(f"数据库不存在：{paths.database}（请先运行 gongkai init）")
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    auto = target is None
    out = target or paths.backups / f"gongkai-{stamp}.sqlite"
    out.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(paths.database) as source, sqlite3.connect(out) as dest:
        source.backup(dest)
    if auto:
        prune(paths.backups)
    return out


def prune(folder: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups; returns what was deleted."""
    backups = sorted(folder.glob("gongkai-*.sqlite"))
    doomed = backups[:-keep] if len(backups) > keep else []
    for path in doomed:
        path.unlink()
    return doomed
