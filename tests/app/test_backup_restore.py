"""Files at rest (issue #13): owner-only modes, encrypted backups, and ``gongkai restore`` that checks a
backup before it replaces the database and keeps the replaced one aside."""

from __future__ import annotations

import io
import os
import sqlite3
import stat
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from app import backup_crypto
from app.cli.main import main
from app.context import AppContext
from app.logsetup import PrivateRotatingFileHandler
from app.paths import DataPaths
from app.restore import database_in_use

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX (Windows: profile ACL)")

PASS = "长城脚下 2025 春"
SECRET_ID = "370112195603120413"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _run(argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(argv)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    d = ["--data-dir", str(tmp_path / "gk")]
    init = [*d, "init", "--site-code", "370112-TW", "--site-name", "历城区唐王街道", "--admin", "wang"]
    assert _run(init, "admin-pw-1\n", monkeypatch) == 0
    return d


def _paths(site: list[str]) -> DataPaths:
    return DataPaths(Path(site[1]))


def _add_user(site: list[str], name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    argv = [
        *site,
        "user",
        "add",
        name,
        "--role",
        "clerk",
        "--display-name",
        f"身份证{SECRET_ID}",
        "--user",
        "wang",
    ]
    assert _run(argv, "admin-pw-1\npw-123456\n", monkeypatch) == 0


def _users(site: list[str]) -> list[str]:
    ctx = AppContext.open(_paths(site))
    try:
        return [u.name for u in ctx.users.list()]
    finally:
        ctx.close()


# -- modes -----------------------------------------------------------------------------------------


def test_the_data_directory_is_owner_only(site: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _paths(site)
    assert _run([*site, "backup"], "", monkeypatch) == 0
    ctx = AppContext.open(paths)  # a writer: the -wal and -shm files exist while it is open
    try:
        ctx.users.list()
        for folder in (paths.root, paths.backups, paths.logs, paths.output, paths.blobs):
            assert mode(folder) == 0o700, folder
        wal = [p for p in paths.root.iterdir() if p.name.endswith(("-wal", "-shm"))]
        assert wal, "WAL mode keeps its files beside the database"
        for f in [paths.database, *wal, *paths.backups.iterdir(), *paths.logs.iterdir()]:
            assert mode(f) == 0o600, f
    finally:
        ctx.close()


def test_an_older_data_directory_is_tightened_on_open(site: list[str]) -> None:
    paths = _paths(site)
    os.chmod(paths.root, 0o755)
    os.chmod(paths.database, 0o644)
    (paths.root / "gongkai.sqlite.pre-0008_today.bak").write_bytes(b"x")
    os.chmod(paths.root / "gongkai.sqlite.pre-0008_today.bak", 0o644)
    AppContext.open(paths).close()
    assert mode(paths.root) == 0o700 and mode(paths.database) == 0o600
    assert mode(paths.root / "gongkai.sqlite.pre-0008_today.bak") == 0o600


def test_rotated_logs_stay_owner_only(tmp_path: Path) -> None:
    handler = PrivateRotatingFileHandler(tmp_path / "a.log", maxBytes=100, backupCount=2, encoding="utf-8")
    import logging

    record = logging.LogRecord("x", logging.INFO, __file__, 1, "x" * 80, None, None)
    for _ in range(5):
        handler.emit(record)
    handler.close()
    logs = list(tmp_path.iterdir())
    assert len(logs) == 3 and all(mode(p) == 0o600 for p in logs)


# -- encrypted backups -----------------------------------------------------------------------------


def test_an_encrypted_backup_hides_everything_and_restores(
    site: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_user(site, "lixia", monkeypatch)
    out = tmp_path / "usb" / "gongkai.sqlite.enc"
    capsys.readouterr()
    assert _run([*site, "backup", "--encrypt", "-o", str(out)], PASS + "\n", monkeypatch) == 0
    data = out.read_bytes()
    assert data.startswith(backup_crypto.MAGIC) and mode(out) == 0o600
    assert SECRET_ID.encode() not in data and b"lixia" not in data and b"SQLite format" not in data
    _add_user(site, "after_backup", monkeypatch)

    assert _run([*site, "restore", str(out)], "wrong passphrase\n", monkeypatch) == 2
    assert "口令不对" in capsys.readouterr().err
    assert "after_backup" in _users(site), "a failed restore changes nothing"

    assert _run([*site, "restore", str(out)], PASS + "\n", monkeypatch) == 0
    said = capsys.readouterr().out
    assert "已从" in said and "审计记录" in said and "另存为" in said
    assert _users(site) == ["lixia", "wang"]
    [kept] = _paths(site).root.glob("gongkai.sqlite.replaced-*")
    assert mode(kept) == 0o600
    with sqlite3.connect(kept) as conn:
        assert ("after_backup",) in conn.execute("SELECT name FROM user_account").fetchall()


def test_automatic_encrypted_backups_are_pruned_with_plain_ones(site: list[str]) -> None:
    from datetime import datetime, timedelta

    from app import backup as backup_mod

    paths = _paths(site)
    start = datetime(2026, 1, 1)
    for i in range(16):
        # two encrypted (scrypt costs half a second each): the oldest, which is pruned, and the newest
        encrypted = i in (0, 15)
        backup_mod.backup(paths, now=start + timedelta(days=i), passphrase=PASS if encrypted else None)
    kept = sorted(p.name for p in paths.backups.iterdir())
    assert len(kept) == backup_mod.KEEP and kept[0].startswith("gongkai-20260103")
    assert kept[-1].endswith(".sqlite.enc") and not any(k.startswith("gongkai-20260101") for k in kept)
    assert not [p for p in paths.backups.iterdir() if p.name.startswith(".")], "no plain copy left behind"


@pytest.mark.parametrize("damage", ["flip", "truncate", "cut_at_chunk", "header"])
def test_a_damaged_encrypted_backup_is_refused(tmp_path: Path, damage: str) -> None:
    src = tmp_path / "plain"
    src.write_bytes(os.urandom(backup_crypto.CHUNK * 2 + 100))
    enc = tmp_path / "enc"
    backup_crypto.encrypt_file(src, enc, PASS, n=2**10)
    data = bytearray(enc.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 1
    elif damage == "truncate":
        data = data[:-50]
    elif damage == "cut_at_chunk":
        head = len(data) - 2 * (backup_crypto.CHUNK + 16) - (100 + 16)
        data = data[: head + 2 * (backup_crypto.CHUNK + 16)]
    else:
        data = data.replace(b'"n": 1024', b'"n": 2048')
    enc.write_bytes(bytes(data))
    with pytest.raises(backup_crypto.BadPassphraseOrDamaged):
        backup_crypto.decrypt_file(enc, tmp_path / "out", PASS)
    assert not (tmp_path / "out").exists()


def test_a_hostile_header_cannot_ask_for_gigabytes(tmp_path: Path) -> None:
    src = tmp_path / "plain"
    src.write_bytes(b"x")
    enc = tmp_path / "enc"
    backup_crypto.encrypt_file(src, enc, PASS, n=2**10)
    data = enc.read_bytes()
    start = len(backup_crypto.MAGIC)
    size = int.from_bytes(data[start : start + 4], "big")
    header = data[start + 4 : start + 4 + size].replace(b'"n": 1024', b'"n": 1073741824')
    body = data[start + 4 + size :]
    enc.write_bytes(backup_crypto.MAGIC + len(header).to_bytes(4, "big") + header + body)
    with pytest.raises(backup_crypto.InputError, match="不受支持"):
        backup_crypto.decrypt_file(enc, tmp_path / "out", PASS)


def test_a_short_passphrase_is_refused(
    site: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run([*site, "backup", "--encrypt"], "1234\n", monkeypatch) == 2
    assert "至少 8 个字符" in capsys.readouterr().err
    assert not list(_paths(site).backups.iterdir())


# -- restore checks --------------------------------------------------------------------------------


def _backup(site: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    out = tmp_path / "copy.sqlite"
    assert _run([*site, "backup", "-o", str(out)], "", monkeypatch) == 0
    return out


@pytest.mark.parametrize("problem", ["not_a_database", "corrupt", "newer", "audit", "no_site"])
def test_restore_refuses_a_backup_that_fails_its_checks(
    site: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    problem: str,
) -> None:
    copy = _backup(site, tmp_path, monkeypatch)
    expected = {
        "not_a_database": "不是有效的数据库备份",
        "corrupt": "完整性检查未通过",
        "newer": "更新版本",
        "audit": "审计链",
        "no_site": "没有站点",
    }[problem]
    if problem == "not_a_database":
        copy.write_bytes(b"hello" * 1000)
    elif problem == "corrupt":
        # Overwrite the keys at the end of an index page: the table and its index disagree.
        with closing(sqlite3.connect(copy)) as conn:
            sql = "SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_audit_entry_1'"
            root = conn.execute(sql).fetchone()[0]
            size = conn.execute("PRAGMA page_size").fetchone()[0]
        data = bytearray(copy.read_bytes())
        data[root * size - 60 : root * size] = b"0" * 60
        copy.write_bytes(bytes(data))
    else:
        with closing(sqlite3.connect(copy)) as conn, conn:
            if problem == "newer":
                conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
            elif problem == "audit":
                conn.execute('UPDATE audit_entry SET detail = \'{"name": "forged"}\' WHERE id = 1')
            else:
                conn.execute("DELETE FROM site")
    before = _paths(site).database.read_bytes()
    capsys.readouterr()
    assert _run([*site, "restore", str(copy)], "", monkeypatch) == 2
    err = capsys.readouterr().err.strip()
    assert expected in err and len(err.splitlines()) == 1, err
    assert _paths(site).database.read_bytes() == before, "nothing replaced"
    assert not list(_paths(site).root.glob("gongkai.sqlite.replaced-*"))
    assert not list(_paths(site).root.glob(".restore-*"))


def test_restore_refuses_while_another_process_has_the_database_open(
    site: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = _backup(site, tmp_path, monkeypatch)
    db = _paths(site).database
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import sqlite3,time;c=sqlite3.connect({str(db)!r});c.execute('select count(*) from site').fetchall();print('open',flush=True);time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        assert database_in_use(db)
        capsys.readouterr()
        assert _run([*site, "restore", str(copy)], "", monkeypatch) == 2
        assert "正被其他程序使用" in capsys.readouterr().err
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.1)
    assert not database_in_use(db)
    assert _run([*site, "restore", str(copy)], "", monkeypatch) == 0


def test_restoring_an_older_backup_migrates_it(
    site: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from db import migrate
    from db.session import make_engine

    old = tmp_path / "old.sqlite"
    engine = make_engine(old)
    migrate.upgrade(engine, old, target="0008_today")
    engine.dispose()
    with sqlite3.connect(old) as conn:
        conn.execute(
            "INSERT INTO site (uuid, code, name, district, zone_location, supervision_phone, created_at, updated_at) "
            "VALUES ('00000000-0000-4000-8000-000000000001', '370112-TW', '历城区唐王街道', '', '', '', '2025-01-01', '2025-01-01')"
        )
    capsys.readouterr()
    assert _run([*site, "restore", str(old)], "", monkeypatch) == 0
    assert "0008_today →" in capsys.readouterr().out
    assert _users(site) == []


def test_a_backup_leaves_out_the_free_pages(site: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The outbox prune empties pages the file keeps (only VACUUM gives them back); a backup copies
    what the database holds, not the file's high-water mark, and restores to the same users."""
    paths = _paths(site)
    _add_user(site, "li", monkeypatch)
    with closing(sqlite3.connect(paths.database)) as con:  # 8 MB written, then emptied
        con.execute("CREATE TABLE scratch (x BLOB)")
        con.executemany("INSERT INTO scratch VALUES (?)", [(os.urandom(1 << 20),) for _ in range(8)])
        con.commit()
        con.execute("DROP TABLE scratch")
        con.commit()
    size = paths.database.stat().st_size
    assert size > 8 << 20
    assert main([*site, "backup"]) == 0
    (copy,) = paths.backups.glob("gongkai-*.sqlite")
    assert copy.stat().st_size < size - (7 << 20)
    assert mode(copy) == 0o600
    with closing(sqlite3.connect(copy)) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert {r[0] for r in con.execute("SELECT name FROM user_account")} >= {"wang", "li"}
