"""``gongkai doc`` end to end over a real data directory: import, list, search, retire, print, register."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli.main import main
from app.context import AppContext
from app.users import Role
from db.models import CatalogueDomain
from tests.app.policy_files import HEADER, make_folder, write_sheet


@pytest.fixture
def data_dir(ctx: AppContext) -> Path:
    """A migrated site with the catalogue's domains and an admin and a clerk (faster than ``init``)."""
    with ctx.session_factory() as session, session.begin():
        for code, name in (("19", "社会救助"), ("20", "养老服务")):
            session.add(CatalogueDomain(code=code, name=name))
    ctx.users.add("admin", frozenset({Role.ADMIN, Role.CLERK}), "gongkai123")
    ctx.users.add("clerk", frozenset({Role.CLERK}), "gongkai123")
    return ctx.paths.root


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), "doc", *args])


def test_import_list_search_retire_print_register(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_folder(tmp_path / "docs")
    capsys.readouterr()
    assert run(data_dir, "import", str(folder), "--dry-run") == 0
    assert "将导入 3 个文件" in capsys.readouterr().out
    assert run(data_dir, "import", str(folder)) == 0
    out = capsys.readouterr().out
    assert "已导入 3 个文件" in out and "扫描件" in out

    assert run(data_dir, "list", "--json") == 0
    docs = json.loads(capsys.readouterr().out)
    assert [d["number"] for d in docs] == [
        "历城政办发〔2024〕12号",
        "历城政发〔2023〕5号",
        "历城建发〔2019〕8号",
    ]
    assert {"uuid", "title", "number", "issuer", "published_on", "validity", "domain"} <= docs[0].keys()

    assert run(data_dir, "search", "zdshbz", "--json") == 0
    assert json.loads(capsys.readouterr().out)[0]["number"] == "历城政办发〔2024〕12号"
    assert run(data_dir, "search", "敬老传统") == 0
    assert "正文" in capsys.readouterr().out

    old, new = docs[1]["uuid"], docs[0]["uuid"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("gongkai123\n"))
    assert (
        run(data_dir, "retire", old[:8], "--replaced-by", new, "--user", "admin", "--on", "2025-01-01") == 0
    )
    assert "自 2025-01-01 起废止，替代文件：《关于调整城乡最低生活保障标准的通知》" in capsys.readouterr().out
    monkeypatch.setattr(sys, "stdin", io.StringIO("gongkai123\n"))
    assert run(data_dir, "retire", old, "--user", "clerk") == 2
    assert "（管理员）”角色" in capsys.readouterr().err
    assert run(data_dir, "list", "--validity", "current", "--json") == 0
    assert old not in {d["uuid"] for d in json.loads(capsys.readouterr().out)}

    pdf = tmp_path / "print.pdf"
    assert run(data_dir, "print", old, "-o", str(pdf)) == 0
    assert "3 页，原件" in capsys.readouterr().out and len(PdfReader(pdf).pages) == 3
    assert run(data_dir, "print", new, "-o", str(pdf)) == 0
    assert "排版" in capsys.readouterr().out
    assert "最低生活保障" in "".join(p.extract_text() for p in PdfReader(pdf).pages)

    assert run(data_dir, "register", "--year", "2025", "--json") == 0
    assert json.loads(capsys.readouterr().out)["readings"] == 0


def test_a_bad_folder_exits_2_naming_every_problem(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    write_sheet(folder / "目录.csv", HEADER, [["无.pdf", "甲"], ["也无.docx", "乙", "", "", "昨天"]])
    capsys.readouterr()
    assert run(data_dir, "import", str(folder)) == 2
    err = capsys.readouterr().err
    assert "有 3 处问题，未导入任何文件" in err
    assert "第 2 行，A 列（文件名）：文件夹中没有“无.pdf”" in err
    assert "第 3 行，E 列（成文日期）：应为日期" in err
    assert run(data_dir, "list", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []
    assert run(data_dir, "print", "nope", "-o", str(tmp_path / "x.pdf")) == 2
