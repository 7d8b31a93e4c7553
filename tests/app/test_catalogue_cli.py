"""The catalogue subcommands end to end over a real data directory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli.main import main


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    assert (
        main(["--data-dir", str(d), "init", "--site-code", "370112-TW", "--site-name", "历城区唐王街道"]) == 0
    )
    return d


def test_search_json_is_utf8_with_every_field(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "catalogue", "search", "zdshbz", "--limit", "2", "--json"]) == 0
    out = capsys.readouterr().out
    assert "最低生活保障" in out and "\\u" not in out
    items = json.loads(out)
    assert (
        len(items) == 2
        and {"uuid", "content", "basis", "channel_strip", "tiers", "rule_text"} <= items[0].keys()
    )


def test_export_import_versions_diff_pdf(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = ["--data-dir", str(data_dir), "catalogue"]
    assert main([*d, "export", str(tmp_path / "c.xlsx")]) == 0
    assert main([*d, "import", str(tmp_path / "c.xlsx"), "--origin", "city", "--dry-run"]) == 0
    assert "新增 0，修改 0，停用 0" in capsys.readouterr().out
    assert main([*d, "versions"]) == 0
    assert "内置标准目录" in capsys.readouterr().out
    assert main([*d, "diff", "0", "1"]) == 0
    assert "新增 283" in capsys.readouterr().out
    assert main([*d, "diff", "0", "9"]) == 2
    pdf = tmp_path / "c.pdf"
    assert main([*d, "pdf", "-o", str(pdf), "--size", "A4", "--domain", "义务教育"]) == 0
    reader = PdfReader(pdf)
    text = "".join(p.extract_text() for p in reader.pages)
    assert "招生" in text and reader.pages[0].mediabox.width > reader.pages[0].mediabox.height


def test_bad_import_exits_2_listing_problems(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "bad.xlsx"
    f.write_text("not a workbook")
    assert main(["--data-dir", str(data_dir), "catalogue", "import", str(f)]) == 2
    assert "不是 Excel、WPS 或 OpenDocument 工作簿" in capsys.readouterr().err
