"""The 查阅登记 as a module of its own (app/policies/register.py): add with checks, list by period,
the period's figures, export .xlsx/.csv and print PDF with the optional names masked by app.privacy
(or left out), and ``gongkai doc register`` end to end. Real SQLite, real files read back."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.cli.main import main
from app.context import AppContext
from app.errors import InputError
from app.policies import values as v
from app.policies.register import Period
from app.users import Role, StaffUser
from db.models import AuditEntry, CatalogueDomain, PolicyReading
from tests.app.policy_files import make_folder
from tests.printing.pdfutil import needs_poppler, pdftotext, squash

ID = "370112199001011234"  # a valid-looking ID typed into a note by mistake
NOTICE = "关于调整城乡最低生活保障标准的通知"


@pytest.fixture
def lib(ctx: AppContext, tmp_path: Path) -> AppContext:
    with ctx.session_factory() as session, session.begin():
        for code, name in (("19", "社会救助"), ("20", "养老服务"), ("21", "就业")):
            session.add(CatalogueDomain(code=code, name=name))
    ctx.policies.import_path(make_folder(tmp_path / "docs"))
    ctx.users.add("admin", frozenset({Role.ADMIN, Role.CLERK}), "gongkai123")
    return ctx


@pytest.fixture
def clerk(lib: AppContext) -> StaffUser:
    return lib.users.add("clerk", frozenset({Role.CLERK}), "gongkai123")


@pytest.fixture
def filled(lib: AppContext, clerk: StaffUser) -> AppContext:
    reg = lib.policies.readings
    doc = next(r for r in lib.policies.list() if r.title == NOTICE)
    reg.add(clerk, doc.doc_number, reader_name="张三丰", note=f"代办，证件 {ID}", on=date(2025, 3, 2))
    reg.add(clerk, doc.uuid[:8], action=v.PRINT, pages=2, copies=3, on=date(2025, 6, 30))
    reg.add(clerk, doc.uuid, reader_name="欧阳小明", on=date(2025, 7, 1))
    reg.add(clerk, doc.uuid, on=date(2024, 12, 31))
    return lib


def test_add_checks_everything_and_writes_nothing_when_wrong(lib: AppContext, clerk: StaffUser) -> None:
    reg = lib.policies.readings
    doc = lib.policies.list()[0]
    with pytest.raises(InputError) as err:
        reg.add(
            clerk, doc.uuid, action="borrow", pages=-1, copies=0, reader_name="名" * 51, on=date(2025, 9, 27)
        )
    problems = "\n".join(err.value.problems)
    for expected in ("登记类型", "页数", "份数", "查阅人", "在今天之后"):
        assert expected in problems
    with lib.session_factory() as s:
        assert s.execute(select(PolicyReading)).first() is None


def test_an_interpretation_is_named_and_the_audit_names_no_reader(lib: AppContext, clerk: StaffUser) -> None:
    admin = lib.users.authenticate("admin", "gongkai123")
    doc = next(r for r in lib.policies.list() if r.title == NOTICE)
    interp = lib.policies.add_interpretation(
        admin, doc.uuid, v.InterpretationDraft("text", "低保新标准解读", body="…")
    )
    entry = lib.policies.readings.add(clerk, doc.uuid, interpretation=interp.uuid, reader_name="张三丰")
    assert entry.title == "低保新标准解读（文字解读）" and entry.on == date(2025, 9, 26)
    with lib.session_factory() as s:
        audit = s.execute(select(AuditEntry).where(AuditEntry.action == "policy.read")).scalar_one()
    assert "张三丰" not in audit.detail and audit.entity_uuid == doc.uuid


def test_list_and_figures_by_period(filled: AppContext) -> None:
    reg = filled.policies.readings
    assert [e.on for e in reg.entries(Period.year(2025))] == [
        date(2025, 7, 1),
        date(2025, 6, 30),
        date(2025, 3, 2),
    ]
    assert [e.on for e in reg.entries(Period(date(2025, 3, 2), date(2025, 6, 30)))] == [
        date(2025, 6, 30),
        date(2025, 3, 2),
    ]
    assert len(reg.entries()) == 4
    assert reg.figures(2025) == v.RegisterFigures(2025, readings=2, prints=1, printed_pages=6, documents=1)
    assert reg.entries(Period.year(2025))[0].reader_name == "欧阳小明"  # staff see what was entered
    today = date(2025, 9, 26)
    assert Period.of(None, None, None, today) == Period.year(2025)
    assert Period.of(None, date(2025, 3, 1), None, today) == Period(date(2025, 3, 1), today)
    assert Period.of(None, date(2025, 3, 1), date(2025, 6, 30), today).label == "2025年3月1日至2025年6月30日"
    with pytest.raises(InputError, match="早于开始日"):
        Period.of(None, date(2025, 6, 1), date(2025, 3, 1), today)
    with pytest.raises(InputError, match="只能选一种"):
        Period.of(2025, date(2025, 6, 1), None, today)


def test_exports_mask_names_and_numbers_or_leave_names_out(filled: AppContext, tmp_path: Path) -> None:
    reg = filled.policies.readings
    out = tmp_path / "查阅登记.xlsx"
    assert reg.export(out, Period.year(2025)) == 3
    ws = load_workbook(out).active
    assert ws is not None
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0] == ["日期", "类型", "文件或解读", "页数", "份数", "查阅人", "备注", "登记人"]
    text = json.dumps(rows, ensure_ascii=False, default=str)
    assert "张**" in text and "欧阳**" in text
    assert "张三丰" not in text and "欧阳小明" not in text and ID not in text
    omitted = tmp_path / "无姓名.csv"
    assert reg.export(omitted, Period.year(2025), names="omit") == 3
    table = list(csv.reader(io.StringIO(omitted.read_text(encoding="utf-8-sig"))))
    assert "查阅人" not in table[0] and len(table[0]) == 7
    assert "张" not in omitted.read_text(encoding="utf-8-sig")  # no name at all
    with pytest.raises(InputError, match="应为 .xlsx、.csv 或 .pdf"):
        reg.export(tmp_path / "x.txt", Period.year(2025))
    with pytest.raises(InputError, match="姓名"):
        reg.rows(Period.year(2025), names="clear")  # type: ignore[arg-type]


@needs_poppler
def test_the_printed_register(filled: AppContext, tmp_path: Path) -> None:
    pdf = filled.policies.readings.pdf(Period.year(2025))
    text = squash("".join(pdftotext(pdf, tmp_path)))
    assert squash("政策文件查阅登记（2025年）") in text and "历城区唐王街道" in text
    assert "张**" in text and "欧阳**" in text and "张三丰" not in text and "欧阳小明" not in text
    assert squash("合计：查阅 2 人次，打印 1 次、6 页，涉及政策文件 1 件。") in text
    empty = squash("".join(pdftotext(filled.policies.readings.pdf(Period.year(2023)), tmp_path)))
    assert "本时段没有查阅登记" in empty


def run(ctx: AppContext, *args: str) -> int:
    return main(["--data-dir", str(ctx.paths.root), "doc", "register", *args])


def test_cli_register(
    lib: AppContext,
    clerk: StaffUser,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = next(r for r in lib.policies.list() if r.title == NOTICE)
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.StringIO("gongkai123\n"))
    args = ["add", doc.doc_number, "--name", "张三丰", "--on", "2025-03-02", "--user", "clerk"]
    assert run(lib, *args) == 0
    assert f"已登记 2025-03-02 查阅《{NOTICE}》" in capsys.readouterr().out
    monkeypatch.setattr(sys, "stdin", io.StringIO("gongkai123\n"))
    args = [
        "add",
        doc.uuid[:8],
        "--print",
        "--pages",
        "4",
        "--copies",
        "2",
        "--on",
        "2025-05-01",
        "--user",
        "clerk",
    ]
    assert run(lib, *args) == 0
    assert "4 页 × 2 份" in capsys.readouterr().out
    monkeypatch.setattr(sys, "stdin", io.StringIO("gongkai123\n"))
    assert run(lib, "add", doc.uuid, "--pages", "4", "--user", "clerk") == 2  # pages only with --print
    assert "--print" in capsys.readouterr().err

    assert run(lib, "--year", "2025", "--json") == 0
    assert json.loads(capsys.readouterr().out) == {
        "year": 2025, "readings": 1, "prints": 1, "printed_pages": 8, "documents": 1
    }  # fmt: skip
    assert run(lib, "--from", "2025-03-01", "--to", "2025-03-31", "--list", "--json") == 0
    [line] = json.loads(capsys.readouterr().out)
    assert line["reader"] == "张**" and line["action"] == "查阅"
    assert run(lib, "--year", "2025", "--list", "--without-names") == 0
    listed = capsys.readouterr().out
    assert "张" not in listed and "2025-05-01" in listed
    for name in ("登记.xlsx", "登记.pdf"):
        assert run(lib, "--year", "2025", "-o", str(tmp_path / name)) == 0
        assert "查阅人姓名已脱敏" in capsys.readouterr().out and (tmp_path / name).stat().st_size > 0
    assert (tmp_path / "登记.pdf").read_bytes().startswith(b"%PDF")
    assert run(lib, "--year", "2025", "--from", "2025-01-01") == 2
    assert "只能选一种" in capsys.readouterr().err
    assert run(lib, "--from", "2025-06-01", "--to", "2025-03-01") == 2
