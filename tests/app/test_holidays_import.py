"""Holiday imports (issue #13): a partial year is refused; a year already held (bundled, from the
platform, or imported) is replaced only with --replace after its differences are shown."""

from __future__ import annotations

import io
import json
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.cli.main import main
from app.sync import wire
from app.workdays import load_bundled


def complete_2031() -> list[tuple[str, str, str]]:
    """A complete (illustrative) year: (date, kind, name) rows."""
    rows: list[tuple[str, str, str]] = []
    for first, days, name in (
        ("2031-01-01", 1, "元旦"),
        ("2031-01-22", 8, "春节"),
        ("2031-04-05", 1, "清明节"),
        ("2031-05-01", 5, "劳动节"),
        ("2031-06-24", 1, "端午节"),
        ("2031-10-01", 7, "国庆节"),
    ):
        start = date.fromisoformat(first)
        rows += [((start + timedelta(days=i)).isoformat(), "holiday", name) for i in range(days)]
    return [*rows, ("2031-09-28", "workday", "国庆节调休上班")]


def csv_text(rows: list[tuple[str, str, str]]) -> str:
    return "date,kind,name\n" + "".join(f"{d},{k},{n}\n" for d, k, n in rows)


def bundled_json(year: int, drop: int = 0, extra: str = "") -> str:
    hy = load_bundled()[year]
    holidays = sorted(hy.holidays.items())
    holidays = holidays[: len(holidays) - drop] if drop else holidays
    record = {
        "year": year,
        "holidays": [{"date": d.isoformat(), "name": n} for d, n in holidays],
        "workdays": [{"date": d.isoformat(), "name": n} for d, n in sorted(hy.workdays.items())],
    }
    if extra:
        record["holidays"].append({"date": extra, "name": "临时增加"})
    return json.dumps(record, ensure_ascii=False)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    d = ["--data-dir", str(tmp_path / "gk")]
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main([*d, "init", "--site-code", "370112-TW", "--site-name", "历城区唐王街道"]) == 0
    return d


def test_every_official_year_is_complete() -> None:
    for year, hy in load_bundled().items():
        assert wire.holiday_year_problem(year, hy.holidays) is None, year


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([("2026-10-01", "holiday", "国庆节")], "缺少法定假日 1月1日、5月1日、10月2日、10月3日"),
        ([r for r in complete_2031() if not r[0].startswith("2031-01-2")], "1–2 月应有元旦和春节"),
        (
            [r for r in complete_2031() if r[2] in ("元旦", "劳动节", "国庆节") and r[0] < "2031-10-04"][:9],
            "少于法定的 13 天",
        ),
    ],
    ids=["one line", "no spring festival", "too few days"],
)
def test_a_partial_year_is_refused(
    site: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    rows: list[tuple[str, str, str]],
    expected: str,
) -> None:
    path = tmp_path / "h.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    capsys.readouterr()
    assert main([*site, "holidays", "import", str(path)]) == 2
    assert expected in capsys.readouterr().err
    year = rows[0][0][:4]
    assert main([*site, "holidays", "list", year]) in (0, 2)
    if year == "2031":
        assert main([*site, "holidays", "list", "2031"]) == 2, "nothing imported"


def test_a_held_year_needs_replace_after_the_differences_are_shown(
    site: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "2026.json"
    path.write_text(bundled_json(2026, extra="2026-10-09"), encoding="utf-8")
    capsys.readouterr()
    assert main([*site, "holidays", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "--replace" in err and "内置的国务院办公厅通知" in err
    assert "2026-10-09：普通日 → 放假（临时增加）" in err
    assert main([*site, "workdays", "add", "2026-10-08", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["date"] == "2026-10-09", "unchanged until replaced"

    assert main([*site, "holidays", "import", str(path), "--replace"]) == 0
    out = capsys.readouterr().out
    assert "已导入年份：2026" in out and "替换" in out
    assert main([*site, "workdays", "add", "2026-10-08", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["date"] == "2026-10-10", "the Saturday make-up workday"


def test_the_same_year_again_changes_nothing(
    site: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "2025.json"
    path.write_text(bundled_json(2025), encoding="utf-8")
    capsys.readouterr()
    assert main([*site, "holidays", "import", str(path)]) == 0
    assert "未改动的年份：2025" in capsys.readouterr().out
    assert main([*site, "holidays", "list", "--json"]) == 0
    sources = {y["year"]: y["source"] for y in json.loads(capsys.readouterr().out)}
    assert sources[2025] == "bundled"


def test_a_new_complete_year_imports_and_is_official(
    site: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "h2031.csv"
    path.write_text(csv_text(complete_2031()), encoding="utf-8")
    assert main([*site, "holidays", "import", str(path)]) == 0
    capsys.readouterr()
    assert main([*site, "workdays", "add", "2031-03-01", "5", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["provisional"] is False
