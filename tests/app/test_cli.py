"""The ``gongkai`` command line: init, user, workdays, holidays, backup, doctor, exit codes."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli.main import main

ROOT = Path(__file__).resolve().parents[2]


def run(argv: list[str], stdin: str = "", monkeypatch: pytest.MonkeyPatch | None = None) -> int:
    if monkeypatch is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(argv)


@pytest.fixture
def data_dir(tmp_path: Path) -> str:
    d = str(tmp_path / "gk")
    assert main(["--data-dir", d, "init", "--site-code", "370112-TW", "--site-name", "历城区唐王街道"]) == 0
    return d


def test_init_is_idempotent(data_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["--data-dir", data_dir, "init", "--site-code", "370112-TW", "--site-name", "历城区唐王街道"])
        == 0
    )
    assert (
        main(["--data-dir", data_dir, "init", "--if-missing", "--site-code", "370112-TW", "--site-name", "x"])
        == 0
    )
    assert "已存在" in capsys.readouterr().out


def test_init_refuses_another_site_code(data_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", data_dir, "init", "--site-code", "OTHER", "--site-name", "某镇"]) == 2
    assert "--site-code" in capsys.readouterr().err


def test_user_add_and_list(
    data_dir: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    init = ["--data-dir", data_dir, "init", "--site-code", "370112-TW", "--site-name", "历城区唐王街道"]
    assert run([*init, "--admin", "boss"], "boss-pw-1\n", monkeypatch) == 0
    assert (
        run(
            [
                "--data-dir",
                data_dir,
                "user",
                "add",
                "lixia",
                "--role",
                "clerk,first_reviewer",
                "--user",
                "boss",
            ],
            "boss-pw-1\npw-123456\n",
            monkeypatch,
        )
        == 0
    )
    capsys.readouterr()
    assert main(["--data-dir", data_dir, "user", "list", "--json"]) == 0
    users = json.loads(capsys.readouterr().out)
    assert users == [
        {"name": "boss", "display_name": "", "roles": ["admin", "clerk"], "active": True},
        {"name": "lixia", "display_name": "", "roles": ["clerk", "first_reviewer"], "active": True},
    ]


def test_user_add_bad_role_exits_2(
    data_dir: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        run(["--data-dir", data_dir, "user", "add", "x", "--role", "boss"], "pw-123456\n", monkeypatch) == 2
    )
    err = capsys.readouterr().err
    assert "--role" in err and len(err.strip().splitlines()) == 1


def test_workdays_add_json(data_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", data_dir, "workdays", "add", "2025-09-26", "20", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["date"] == "2025-10-30" and out["provisional"] is False
    assert {"date": "2025-10-01", "reason": "国庆节"} in [
        {"date": s["date"], "reason": s["reason"]} for s in out["skipped"]
    ] or any(s["date"] == "2025-10-01" for s in out["skipped"])


def test_workdays_provisional(data_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", data_dir, "workdays", "add", "2031-03-01", "5", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["provisional"] is True


def test_workdays_bad_date_exits_2(data_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", data_dir, "workdays", "add", "2025-13-01", "3"]) == 2
    assert "DATE" in capsys.readouterr().err


def test_holidays_import_and_list(data_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.app.test_holidays_import import complete_2031, csv_text

    f = tmp_path / "h2031.csv"
    f.write_text(csv_text(complete_2031()), encoding="utf-8")
    assert main(["--data-dir", data_dir, "holidays", "import", str(f)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", data_dir, "holidays", "list", "2031", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0] == {"date": "2031-01-01", "kind": "holiday", "name": "元旦"} and len(listed) == 24
    assert main(["--data-dir", data_dir, "workdays", "add", "2031-03-01", "5", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["provisional"] is False


def test_holidays_bad_file_changes_nothing(
    data_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "bad.csv"
    f.write_text("date,kind,name\n2031-01-01,holiday,元旦\n2031/02/30,holiday,春节\n", encoding="utf-8")
    assert main(["--data-dir", data_dir, "holidays", "import", str(f)]) == 2
    err = capsys.readouterr().err
    assert "bad.csv" in err and "3" in err
    assert main(["--data-dir", data_dir, "holidays", "list", "2031"]) == 2


def test_backup_keeps_14(data_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import datetime, timedelta

    from app.backup import backup
    from app.paths import DataPaths

    paths = DataPaths(Path(data_dir))
    for i in range(16):
        backup(paths, now=datetime(2025, 1, 1) + timedelta(minutes=i))
    assert len(list(paths.backups.glob("gongkai-*.sqlite"))) == 14
    assert main(["--data-dir", data_dir, "backup", "-o", str(paths.root / "one.sqlite")]) == 0
    import sqlite3

    with sqlite3.connect(paths.root / "one.sqlite") as conn:
        assert conn.execute("SELECT code FROM site").fetchone()[0] == "370112-TW"


def test_doctor_passes_then_finds_tampering(data_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", data_dir, "doctor"]) == 0
    import sqlite3

    with sqlite3.connect(Path(data_dir) / "gongkai.sqlite") as conn:
        conn.execute("UPDATE audit_entry SET action = 'forged' WHERE id = 1")
    capsys.readouterr()
    assert main(["--data-dir", data_dir, "doctor"]) == 1
    assert "审计链" in capsys.readouterr().out


def test_missing_database_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path / "none"), "user", "list"]) == 2
    assert "gongkai init" in capsys.readouterr().err


def test_usage_error_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["workdays", "add"])
    assert info.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_every_subcommand_has_help() -> None:
    from app.cli.main import build_parser

    parser = build_parser()
    stack = [parser]
    seen = 0
    while stack:
        p = stack.pop()
        assert p.format_help()
        seen += 1
        for action in p._actions:
            if hasattr(action, "choices") and isinstance(action.choices, dict):
                stack.extend(action.choices.values())
    assert seen > 8


def test_real_entry_point_runs(tmp_path: Path) -> None:
    """``python -m app`` as a user runs it, with the data dir from the environment."""
    env = dict(os.environ, GONGKAI_DATA_DIR=str(tmp_path / "env-dir"), PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-m", "app", "init", "--site-code", "X1", "--site-name", "测试镇"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "env-dir" / "gongkai.sqlite").exists()
    out = subprocess.run(
        [sys.executable, "-m", "app", "--version"], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0 and out.stdout.startswith("gongkai ")


def test_doctor_names_the_face_of_each_role(data_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--data-dir", data_dir, "doctor"]) == 0
    out = capsys.readouterr().out
    for role in ("标题（小标宋）", "正文（仿宋）", "一级标题（黑体）", "二级标题（楷体）", "表格", "生僻字"):
        assert f"字体：{role}" in out
    assert "Gongkai Ming" in out and "Gongkai Kai" in out  # bundled (tests print with bundled faces)


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig's fc-list not installed")
def test_official_face_installed_on_the_pc_is_preferred(data_dir: str, tmp_path: Path) -> None:
    """A face named 仿宋_GB2312 in a fontconfig directory becomes the body face (found by fc-list)."""
    from fontTools.ttLib import TTFont

    from printing.fonts import bundled_font_files

    fonts = tmp_path / "fonts"
    fonts.mkdir()
    face = TTFont(io.BytesIO(bundled_font_files()["kai"].read_bytes()))
    for rec in face["name"].names:
        if rec.nameID in (1, 4, 16):
            rec.string = "仿宋_GB2312"
        elif rec.nameID == 6:
            rec.string = "FangSong_GB2312"
    face.save(fonts / "fs_gb2312.ttf")
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>{fonts}</dir>'
        f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>"
    )
    env = {k: v for k, v in os.environ.items() if k != "GONGKAI_PRINT_FONTS"}
    env["FONTCONFIG_FILE"] = str(conf)
    done = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", data_dir, "doctor"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    body = next(line for line in done.stdout.splitlines() if "字体：正文（仿宋）" in line)
    assert "仿宋_GB2312" in body and str(fonts) in body


def test_command_table_matches_what_each_module_registers() -> None:
    """``COMMAND_MODULES`` names, for each CLI module, exactly the commands it registers (the table
    lets ``gongkai today`` import only app/cli/today.py)."""
    import argparse
    import importlib

    from app.cli.main import COMMAND_MODULES

    for name, commands in COMMAND_MODULES.items():
        sub = argparse.ArgumentParser().add_subparsers(dest="command")
        importlib.import_module(f"app.cli.{name}").register(sub)
        assert tuple(sub.choices) == commands, name


def test_command_of_skips_global_options() -> None:
    from app.cli.main import command_of

    assert command_of(["--data-dir", "today", "notice", "list"]) == "notice"
    assert command_of(["-v", "--user", "clerk", "today", "--json"]) == "today"
    assert command_of(["--data-dir=/x", "today"]) == "today"
    assert command_of(["--help"]) is None


def test_a_command_imports_only_its_own_module(tmp_path: Path) -> None:
    """`gongkai today` does not pay for printing, spreadsheets or the sync client (issue 16: the CLI
    spent over a second importing every subcommand's dependencies)."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from app.cli.main import main\n"
        f"main(['--data-dir', {str(tmp_path)!r}, 'holidays', 'list'])\n"
        "heavy = sorted(m for m in ('openpyxl', 'reportlab', 'httpx', 'qrcode', 'app.cli.catalogue',"
        " 'app.cli.sync', 'app.cli.report') if m in sys.modules)\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert "HEAVY []" in out, out
