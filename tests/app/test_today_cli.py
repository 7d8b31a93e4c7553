"""``gongkai today`` and ``gongkai report monthly``."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.cli.main import main


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One demo site for the module: these commands only read it."""
    d = str(tmp_path_factory.mktemp("today-cli") / "gk")
    assert (
        main(["--data-dir", d, "init", "--demo", "--site-code", "370112-TW", "--site-name", "历城区唐王街道"])
        == 0
    )
    return d


def test_today_json_lists_every_item_with_kind_id_rule_and_due(
    data_dir: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--data-dir", data_dir, "today", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["user"] is None and out["headline"].startswith("今天")
    for item in out["items"]:
        assert {"kind", "id", "title", "rule", "due", "provisional", "severity", "page"} <= set(item)


def test_today_for_a_user_reads_the_password_and_filters_by_role(
    data_dir: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.StringIO("gongkai123\n"))
    assert main(["--data-dir", data_dir, "today", "--user", "reviewer2", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["user"] == "reviewer2"
    assert all(i["role"] in (None, "second_reviewer") for i in out["items"])


def test_today_wrong_password_exits_2(
    data_dir: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("wrong\n"))
    assert main(["--data-dir", data_dir, "today", "--user", "clerk"]) == 2
    assert "密码" in capsys.readouterr().err


def test_today_plain_text_has_the_headline(data_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--data-dir", data_dir, "today"]) == 0
    assert "今天" in capsys.readouterr().out.splitlines()[0]


def test_report_monthly_pdf_and_xlsx(
    data_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf, xlsx = tmp_path / "m.pdf", tmp_path / "m.xlsx"
    assert main(["--data-dir", data_dir, "report", "monthly", "--month", "2025-09", "-o", str(pdf)]) == 0
    assert main(["--data-dir", data_dir, "report", "monthly", "--month", "2025-09", "-o", str(xlsx)]) == 0
    assert "2025年9月" in capsys.readouterr().out
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "月度自评" in text.replace("\n", "") and "取消隐私遮蔽" in text.replace("\n", "")
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["评分表", "依据", "趋势"]
    assert wb["评分表"]["A1"].value == "指标"


@pytest.mark.parametrize(
    ("args", "where"),
    [(["--month", "2025-13", "-o", "x.pdf"], "--month"), (["--month", "2025-09", "-o", "x.doc"], "-o")],
)
def test_report_monthly_bad_input_exits_2(
    data_dir: str, args: list[str], where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", data_dir, "report", "monthly", *args]) == 2
    assert where in capsys.readouterr().err
