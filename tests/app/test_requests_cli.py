"""``gongkai request due|list|rules`` and ``gongkai report annual``."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli.main import main


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    d = str(tmp_path_factory.mktemp("gk") / "data")
    assert (
        main(["--data-dir", d, "init", "--demo", "--site-code", "370112-TW", "--site-name", "历城区唐王街道"])
        == 0
    )
    return d


def test_due_json(demo_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", demo_dir, "request", "due", "--received", "2025-09-26", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["due_on"] == "2025-10-30" and out["provisional"] is False
    assert {"date": "2025-10-01", "reason": "国庆节、中秋节"} in out["skipped"]


def test_due_with_extension_and_provisional(demo_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", demo_dir, "request", "due", "--received", "2026-12-20", "--extend", "5"]) == 0
    out = capsys.readouterr().out
    assert "暂定" in out and "延期：5 个工作日" in out


def test_bad_input_exits_2(demo_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", demo_dir, "request", "due", "--received", "2025-13-01"]) == 2
    assert main(["--data-dir", demo_dir, "request", "due", "--received", "2025-09-26", "--extend", "30"]) == 2
    assert "--extend" in capsys.readouterr().err


def test_list_json_is_masked(demo_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", demo_dir, "request", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) >= 25
    assert all("*" in r["id_number"] for r in rows)
    assert all(r["phone"] == "" or "*" in r["phone"] for r in rows)


def test_rules_set_needs_an_admin(
    demo_dir: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("gongkai123\n"))
    assert (
        main(["--data-dir", demo_dir, "request", "rules", "--set", "reminder_days=3", "--user", "clerk"]) == 2
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO("gongkai123\n"))
    assert (
        main(
            [
                "--data-dir",
                demo_dir,
                "request",
                "rules",
                "--set",
                "reminder_days=3",
                "--user",
                "admin",
                "--json",
            ]
        )
        == 0
    )
    rules = json.loads(capsys.readouterr().out)
    assert {r["key"]: r["days"] for r in rules}["answer_days"] == 20


def test_report_annual_xlsx_and_pdf(
    demo_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import date

    year = date.today().year
    xlsx = tmp_path / "a.xlsx"
    assert main(["--data-dir", demo_dir, "report", "annual", "--year", str(year), "-o", str(xlsx)]) == 0
    assert "勾稽关系成立" in capsys.readouterr().out
    ws = load_workbook(xlsx).active
    labels = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    assert any(str(v).startswith("一、本年新收") for v in labels)
    pdf = tmp_path / "a.pdf"
    assert main(["--data-dir", demo_dir, "report", "annual", "--year", str(year), "-o", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert (
        main(["--data-dir", demo_dir, "report", "annual", "--year", str(year), "-o", str(tmp_path / "a.txt")])
        == 2
    )
