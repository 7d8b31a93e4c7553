"""``gongkai restore FILE``: put a backup back in place of the database, safely.

1. Refuse while another process has the database open (the staff window, the kiosk, a sync): SQLite
   cannot give an exclusive lock then (``database_in_use``), and replacing the file under an open
   connection would corrupt what that process writes next.
2. Decrypt an encrypted backup (app/backup_crypto.py) or copy a plain one, into a private temporary
   file beside the database.
3. Verify the copy before anything is replaced: ``PRAGMA integrity_check``, a migration level this
   version knows (an older one is migrated after the restore; a newer one is refused), a site in it,
   and an unbroken audit chain.
4. Keep the replaced database aside (``gongkai.sqlite.replaced-<time>``, owner-only), then move the
   verified copy into place and bring it to the current schema.

Nothing is changed unless every check passes.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app import audit
from app.backup_crypto import decrypt_file, is_encrypted
from app.errors import GongkaiError, InputError
from app.filemodes import database_files, private_file
from app.paths import DataPaths
from app.uow import read_only
from db import migrate
from db.session import make_engine, make_session_factory


class DatabaseInUseError(GongkaiError):
    """Another process has the database open."""


@dataclass(frozen=True)
class RestoreReport:
    restored_from: Path
    replaced_copy: Path | None
    site: str
    audit_entries: int
    revision_before: str
    revision_now: str


def _exclusive(database: Path) -> sqlite3.Connection | None:
    """A connection holding the database's exclusive lock until it is closed, or None if another
    connection (any process) has the database open.

    In WAL mode every open connection holds a shared lock, so the exclusive lock is granted only
    when no other connection exists. With ``locking_mode=EXCLUSIVE`` the lock stays after the
    (empty) transaction ends, so nobody can open the database while a restore is under way.
    """
    conn = sqlite3.connect(database, timeout=0, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError:
        conn.close()
        return None
    return conn


def database_in_use(database: Path) -> bool:
    """True if another connection (any process) has ``database`` open. Nothing is written."""
    if not database.exists():
        return False
    conn = _exclusive(database)
    if conn is None:
        return True
    conn.close()
    return False


def verify(path: Path, where: str) -> tuple[str, int, str]:
    """(site, audit entries, revision) of a database file that passes every check; InputError else."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise InputError(f"{where}：不是有效的数据库备份（{exc}）") from None
    if result != "ok":
        detail = "；".join(line.strip("* ") for line in str(result).splitlines() if line.strip("* "))
        raise InputError(f"{where}：完整性检查未通过（{detail[:200]}），未恢复")
    engine = make_engine(path, readonly=True)
    try:
        revisions = migrate.current_revisions(engine)
        if not revisions:
            raise InputError(f"{where}：不是公开专区工作台的数据库（没有迁移版本），未恢复")
        unknown = revisions - migrate.known_revisions()
        if unknown:
            raise InputError(
                f"{where}：备份来自更新版本的程序（迁移版本 {', '.join(sorted(unknown))}），请先升级程序，未恢复"
            )
        with read_only(make_session_factory(engine)) as session:
            chain = audit.verify(session)
            site = session.connection().exec_driver_sql("SELECT code, name FROM site LIMIT 1").first()
    except sqlite3.DatabaseError as exc:
        raise InputError(f"{where}：读取备份失败（{exc}），未恢复") from None
    finally:
        engine.dispose()
    if not chain.ok:
        raise InputError(f"{where}：审计链不完整（{chain.problems[0]}），备份可能被改动，未恢复")
    if site is None:
        raise InputError(f"{where}：备份中没有站点，未恢复")
    return f"{site[0]} {site[1]}", chain.entries, ", ".join(sorted(revisions))


def _rollback_journal(staged: Path, where: str) -> None:
    """Switch the staged copy out of WAL mode, so checking it leaves no -wal/-shm files behind."""
    try:
        with closing(sqlite3.connect(staged)) as conn:
            conn.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.DatabaseError as exc:
        raise InputError(f"{where}：不是有效的数据库备份（{exc}）") from None


def restore(
    paths: DataPaths, source: Path, *, passphrase: str | None = None, now: datetime | None = None
) -> RestoreReport:
    """Verify ``source`` and put it in place of the database (see the module docstring)."""
    where = str(source)
    if not source.is_file():
        raise InputError(f"{where}：文件不存在")
    encrypted = is_encrypted(source)
    if encrypted and passphrase is None:
        raise InputError(f"{where}：这是加密备份，需要口令（从标准输入读取）")
    paths.ensure()
    database = paths.database
    lock = _exclusive(database) if database.exists() else None
    if database.exists() and lock is None:
        raise DatabaseInUseError(
            f"数据库 {database} 正被其他程序使用（工作台窗口、触摸屏或同步）：请先关闭它们再恢复"
        )
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    staged = database.with_name(f".restore-{stamp}.sqlite")
    replaced: Path | None = None
    try:
        if encrypted:
            assert passphrase is not None
            decrypt_file(source, staged, passphrase)
        else:
            private_file(staged)
            # Read-only, WAL included: a copy of a live database may have committed pages in its -wal.
            try:
                with (
                    closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src,
                    closing(sqlite3.connect(staged)) as dst,
                ):
                    src.backup(dst)
            except sqlite3.DatabaseError as exc:
                raise InputError(f"{where}：不是有效的数据库备份（{exc}）") from None
        _rollback_journal(staged, where)
        site, entries, revision = verify(staged, where)
        if lock is not None:
            # Still holding the lock: fold the WAL into the file, and keep a consistent copy aside.
            lock.execute("PRAGMA journal_mode=DELETE")
            if database.stat().st_size > 0:
                replaced = database.with_name(f"{database.name}.replaced-{stamp}")
                private_file(replaced)
                with closing(sqlite3.connect(replaced)) as keep:
                    lock.backup(keep)
            lock.close()
            lock = None
        for leftover in database_files(database)[1:]:
            leftover.unlink(missing_ok=True)
        os.replace(staged, database)
    except BaseException:
        for path in database_files(staged):
            path.unlink(missing_ok=True)
        raise
    finally:
        if lock is not None:
            lock.close()
    engine = make_engine(database)
    try:
        migrate.upgrade(engine, database)
        now_revision = ", ".join(sorted(migrate.current_revisions(engine)))
    finally:
        engine.dispose()
    return RestoreReport(source, replaced, site, entries, revision, now_revision)
