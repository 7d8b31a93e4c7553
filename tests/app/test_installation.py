"""What an installation carries: the checks doctor runs, in the source tree and in a (fake) bundle."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import installation
from app.cli.main import main
from app.version import app_version


@pytest.fixture
def fake_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A frozen program's folder with two data files and a stamp naming them."""
    folder = tmp_path / "_internal"
    files = {"resources/fonts/a.ttf": b"font", "db/migrations/versions/0001_x.py": b"revision = '1'"}
    for rel, data in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    stamp = {"version": "9.8.7", "files": {rel: hashlib.sha256(d).hexdigest() for rel, d in files.items()}}
    (folder / installation.STAMP_NAME).write_text(json.dumps(stamp))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(folder), raising=False)
    installation.build_stamp.cache_clear()
    yield folder
    installation.build_stamp.cache_clear()


def by_name(checks: list[installation.FileCheck]) -> dict[str, installation.FileCheck]:
    return {c.name: c for c in checks}


def test_the_source_tree_has_every_kind() -> None:
    checks = by_name(installation.checks())
    assert set(checks) == {"字体文件", "界面翻译", "内置数据", "分词词典", "Qt 界面翻译", "迁移脚本"}
    assert all(c.ok for c in checks.values()), checks
    assert "安装包文件" not in checks  # only a bundle has a manifest


def test_a_bundle_reports_its_stamped_version_and_intact_files(fake_bundle: Path) -> None:
    assert app_version() == "9.8.7"
    check = by_name(installation.checks())["安装包文件"]
    assert check.ok and check.detail == "版本 9.8.7，2 个文件完好"


def test_a_missing_or_damaged_file_is_named(fake_bundle: Path) -> None:
    (fake_bundle / "resources/fonts/a.ttf").write_bytes(b"tampered")
    (fake_bundle / "db/migrations/versions/0001_x.py").unlink()
    check = by_name(installation.checks())["安装包文件"]
    assert not check.ok
    assert "已损坏 resources/fonts/a.ttf" in check.detail
    assert "缺少 db/migrations/versions/0001_x.py" in check.detail
    assert check.detail.endswith("请重新安装")


def test_doctor_shows_the_installation_first_even_without_a_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path / "none"), "doctor"]) == 1  # no database yet
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("[通过] 字体文件")
    assert any(line.startswith("[问题] 数据库") for line in lines)
