"""What the platform sends down: holiday years into the working-day engine, catalogue releases
handed to the registered catalogue applier as files, and the operator commands that publish them."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from app.sync import wire
from app.sync.values import PulledRow
from server import admin
from server.cli import main as server_main
from tests.server.support import Platform, Sites

pytestmark = pytest.mark.postgres


def _span(first: str, days: int, name: str) -> list[dict[str, str]]:
    start = date.fromisoformat(first)
    return [{"date": (start + timedelta(days=i)).isoformat(), "name": name} for i in range(days)]


# A complete year (a partial one is refused: wire.holiday_year_problem); the dates are illustrative.
HOLIDAYS_2027 = {
    "year": 2027,
    "holidays": [
        *_span("2027-01-01", 3, "元旦"),
        *_span("2027-02-06", 7, "春节"),
        *_span("2027-04-05", 1, "清明节"),
        *_span("2027-05-01", 5, "劳动节"),
        *_span("2027-06-09", 1, "端午节"),
        *_span("2027-09-15", 1, "中秋节"),
        *_span("2027-10-01", 7, "国庆节"),
    ],
    "workdays": [{"date": "2027-09-26", "name": "国庆节调休上班"}],
}


def _xlsx(path: Path, rows: int) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["领域", "公开事项", "公开时限"])
    for i in range(rows):
        ws.append(["社会救助", f"事项 {i}", "20 个工作日"])
    wb.save(path)
    return path


def test_holiday_years_arrive_in_the_working_day_engine(
    platform: Platform, sites: Sites, tmp_path: Path
) -> None:
    platform.add_site("370112-TW")
    ctx = sites.open("370112-TW", platform)
    file = tmp_path / "2027.json"
    file.write_text(json.dumps(HOLIDAYS_2027, ensure_ascii=False), encoding="utf-8")
    assert admin.publish_holidays(platform.sessions, file) == [2027]
    assert ctx.sync.run_once().ok
    year = next(y for y in ctx.holidays.years() if y.year == 2027)
    assert year.source == "city-platform" and len(year.holidays) == 25
    assert not ctx.holidays.calendar().is_workday(date(2027, 10, 1))
    assert ctx.sync.run_once().pulled == 0, "a year already applied is not applied again"


def test_a_catalogue_release_is_handed_to_the_registered_applier(
    platform: Platform, sites: Sites, tmp_path: Path
) -> None:
    platform.add_site("370112-TW")
    ctx = sites.open("370112-TW", platform)
    release = admin.publish_catalogue(
        platform.sessions, _xlsx(tmp_path / "标准目录2025.xlsx", 20), "2025 年版"
    )
    # The context registers the real catalogue importer; this test watches the hand-off itself
    # (tests/server/test_end_to_end.py covers a release becoming a catalogue version).
    received: list[PulledRow] = []
    ctx.sync.register_applier(wire.BUCKET_CATALOGUE, received.extend)
    assert ctx.sync.run_once().ok
    [row] = received
    assert row.file is not None and row.file.name == "标准目录2025.xlsx"
    assert wire.sha256_hex(row.file.read_bytes()) == release["sha256"]
    assert openpyxl.load_workbook(row.file).active.max_row == 21
    assert ctx.sync.run_once().ok and len(received) == 1


def test_operator_commands(pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert server_main(["--db", pg_url, "add-site", "370112-TW", "--name", "历城区唐王街道"]) == 0
    token = capsys.readouterr().out.split()[-1]
    assert len(token) >= 40
    assert server_main(["--db", pg_url, "add-site", "370112-TW", "--name", "重复"]) == 2
    assert "已存在" in capsys.readouterr().err
    assert server_main(["--db", pg_url, "catalogue", "publish", str(_xlsx(tmp_path / "c.xlsx", 3))]) == 0
    (tmp_path / "bad.xlsx").write_text("not a workbook")
    assert server_main(["--db", pg_url, "catalogue", "publish", str(tmp_path / "bad.xlsx")]) == 2
    bad = {**HOLIDAYS_2027, "workdays": [{"date": "2027-01-04", "name": "周一调休"}]}
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    assert server_main(["--db", pg_url, "holidays", "publish", str(tmp_path / "bad.json")]) == 2
    assert "应为周六或周日" in capsys.readouterr().err
    partial = {"year": 2028, "holidays": [{"date": "2028-10-01", "name": "国庆节"}], "workdays": []}
    (tmp_path / "partial.json").write_text(json.dumps(partial), encoding="utf-8")
    assert server_main(["--db", pg_url, "holidays", "publish", str(tmp_path / "partial.json")]) == 2
    assert "数据不完整" in capsys.readouterr().err
    assert server_main(["--db", pg_url, "mark-restored"]) == 0
    assert server_main(["--db", pg_url, "sites", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.split("\n", 1)[1])[0]["code"] == "370112-TW"
