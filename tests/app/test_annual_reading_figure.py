"""The annual report's supplementary reading figure: the year's 查阅登记 (documents read and printed
at the zone, pages printed) from the register, in both the .xlsx and the PDF, apart from section 3."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli.main import main
from app.context import AppContext
from app.policies import values as v
from app.requests.annual import READING_TITLE
from app.users import Role, StaffUser
from db.models import CatalogueDomain
from tests.app.policy_files import make_folder
from tests.printing.pdfutil import needs_poppler, pdftotext, squash


@pytest.fixture
def clerk(ctx: AppContext, tmp_path: Path) -> StaffUser:
    with ctx.session_factory() as session, session.begin():
        for code, name in (("19", "社会救助"), ("20", "养老服务"), ("21", "就业")):
            session.add(CatalogueDomain(code=code, name=name))
    ctx.policies.import_path(make_folder(tmp_path / "docs"))
    user = ctx.users.add("clerk", frozenset({Role.CLERK}), "gongkai123")
    docs = ctx.policies.list()
    lib = ctx.policies
    # 2025: two documents read (three readings), one printed twice (4 pages × 2 copies, then 3 pages).
    lib.record_reading(user, docs[0].uuid, reader_name="张三", on=date(2025, 3, 2))
    lib.record_reading(user, docs[0].uuid, on=date(2025, 6, 9))
    lib.record_reading(user, docs[1].uuid, on=date(2025, 9, 26))
    lib.record_reading(user, docs[1].uuid, action=v.PRINT, pages=4, copies=2, on=date(2025, 7, 1))
    lib.record_reading(user, docs[1].uuid, action=v.PRINT, pages=3, on=date(2025, 1, 1))
    # Other years do not count.
    lib.record_reading(user, docs[2].uuid, action=v.PRINT, pages=9, on=date(2024, 12, 31))
    return user


def test_the_figure_comes_from_the_register(ctx: AppContext, clerk: StaffUser) -> None:
    figures = ctx.requests.reading_figures(2025)
    assert figures == v.RegisterFigures(2025, readings=3, prints=2, printed_pages=11, documents=2)
    assert figures == ctx.policies.register_figures(2025)


def test_xlsx_has_the_figure_below_section_3(ctx: AppContext, clerk: StaffUser, tmp_path: Path) -> None:
    out = ctx.requests.export_annual(2025, tmp_path / "年报.xlsx")
    ws = load_workbook(io.BytesIO(out.read_bytes())).active
    assert ws is not None
    cells = {str(row[0].value): row[1].value for row in ws.iter_rows() if row[0].value is not None}
    assert READING_TITLE in cells
    assert cells["现场查阅政策文件（人次）"] == 3
    assert cells["打印政策文件（次）"] == 2
    assert cells["打印页数（页，含份数）"] == 11
    assert cells["查阅或打印的政策文件（件）"] == 2
    # It comes after the national table and its check, never inside it.
    rows = [str(r[0].value) for r in ws.iter_rows() if r[0].value is not None]
    assert rows.index(READING_TITLE) > rows.index("勾稽关系检查：通过")
    # The register's names never reach the report.
    assert "张" not in "".join(str(c.value) for r in ws.iter_rows() for c in r if c.value is not None)


def test_a_year_without_register_entries_reports_zeros(ctx: AppContext, tmp_path: Path) -> None:
    out = ctx.requests.export_annual(2025, tmp_path / "年报.xlsx")
    ws = load_workbook(io.BytesIO(out.read_bytes())).active
    assert ws is not None
    cells = {str(row[0].value): row[1].value for row in ws.iter_rows() if row[0].value is not None}
    assert cells["现场查阅政策文件（人次）"] == 0 and cells["打印页数（页，含份数）"] == 0


@needs_poppler
def test_pdf_has_the_figure(ctx: AppContext, clerk: StaffUser, tmp_path: Path) -> None:
    out = ctx.requests.export_annual(2025, tmp_path / "年报.pdf")
    text = squash("".join(pdftotext(out.read_bytes(), tmp_path)))
    assert squash(READING_TITLE) in text
    for label, n in (
        ("现场查阅政策文件（人次）", 3),
        ("打印政策文件（次）", 2),
        ("打印页数（页，含份数）", 11),
        ("查阅或打印的政策文件（件）", 2),
    ):
        assert f"{label}{n}" in text, label
    assert text.index("勾稽关系检查") < text.index(squash(READING_TITLE))


def test_cli_report_annual_prints_the_figure(
    ctx: AppContext, clerk: StaffUser, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--data-dir", str(ctx.paths.root), "report", "annual", "--year", "2025"]
    assert main([*args, "-o", str(tmp_path / "a.xlsx")]) == 0
    assert "补充数据（查阅登记）：查阅 3 人次，打印 2 次、11 页，涉及文件 2 件" in capsys.readouterr().out
