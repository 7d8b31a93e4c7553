"""iCalendar in and out: round trip, idempotent re-import, URL and UID kept, broken files rejected."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from app.clock import ZONE
from app.context import AppContext
from app.errors import InputError
from app.events import EventDraft
from app.events.values import EventValue
from app.policies.links import PolicyLink

GOOD = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//区政务公开办//日历//ZH\r
BEGIN:VEVENT\r
UID:licheng-2025-open-month-01@jinan\r
DTSTAMP:20250901T000000Z\r
DTSTART;TZID=Asia/Shanghai:20251014T093000\r
DTEND;TZID=Asia/Shanghai:20251014T113000\r
SUMMARY:政府开放月：城市更新项目开放\r
LOCATION:唐王街道办事处\r
CATEGORIES:政府开放日/开放月\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:weekly@jinan\r
DTSTAMP:20250901T000000Z\r
DTSTART:20250902T010000Z\r
DURATION:PT2H\r
RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6\r
EXDATE:20250930T010000Z\r
SUMMARY:政策咨询\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:weekly@jinan\r
RECURRENCE-ID:20250916T010000Z\r
DTSTART;TZID=Asia/Shanghai:20250918T140000\r
DTEND;TZID=Asia/Shanghai:20250918T160000\r
SUMMARY:政策咨询\r
END:VEVENT\r
END:VCALENDAR\r
"""


def comparable(e: EventValue) -> tuple:
    return (
        e.ical_uid,
        e.type_key,
        e.title,
        e.description,
        e.place,
        e.start,
        e.end,
        e.rrule,
        e.exdates,
        e.overrides,
        e.host,
        e.speakers,
        e.audience,
        e.capacity,
        e.invited_roles,
        e.series,
        e.catalogue_item_uuids,
        e.policy_links,
        e.adoption_days,
    )


def test_import_expands_and_maps_categories(ctx: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "district.ics"
    path.write_text(GOOD, encoding="utf-8")
    report = ctx.events.import_ics(path, actor="cli")
    assert (report.created, report.updated, report.unchanged) == (2, 0, 0)
    occ = ctx.events.occurrences(date(2025, 9, 1), date(2025, 10, 31))
    weekly = [(o.start.day, o.start.hour, o.moved) for o in occ if o.uid == "weekly@jinan"]
    assert weekly == [(2, 9, False), (9, 9, False), (18, 14, True), (23, 9, False), (7, 9, False)]
    (open_day,) = [o for o in occ if o.uid.startswith("licheng")]
    assert open_day.type == "open_day" and open_day.start == datetime(2025, 10, 14, 9, 30, tzinfo=ZONE)


def test_importing_the_same_file_twice_changes_nothing(ctx: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "district.ics"
    path.write_text(GOOD, encoding="utf-8")
    ctx.events.import_ics(path, actor="cli")
    before = [comparable(e) for e in ctx.events.all()]
    report = ctx.events.import_ics(path, actor="cli")
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
    assert [comparable(e) for e in ctx.events.all()] == before


def test_round_trip_import_export_import(ctx: AppContext, tmp_path: Path, data_paths: object) -> None:
    """Everything we export comes back equal, in a second database, and exports to the same bytes."""
    ev = ctx.events.create(
        "cli",
        EventDraft(
            "policy_counselling",
            "每周二政策咨询",
            datetime(2025, 9, 2, 9, tzinfo=ZONE),
            datetime(2025, 9, 2, 11, tzinfo=ZONE),
            place="专区",
            description="社保、医保\n养老",
            rrule="FREQ=WEEKLY;BYDAY=TU;UNTIL=20251230",
            host="社会事务办",
            speakers=("刘洪涛", "王立新"),
            audience="居民",
            capacity=20,
            invited_roles=("人大代表",),
            series="泉诚公开、政府开放",
            catalogue_item_uuids=("0b0f9f5e-1111-4a4a-9999-000000000001",),
            policy_links=(
                PolicyLink("", "历城区补贴办法"),
                PolicyLink("5f0e7c1a-2222-4b4b-8888-000000000002", "济南市补贴细则"),
            ),
            adoption_days=7,
        ),
    )
    ctx.events.cancel_occurrence("cli", ev.uuid, datetime(2025, 9, 30, 9, tzinfo=ZONE))
    ctx.events.move_occurrence(
        "cli",
        ev.uuid,
        datetime(2025, 10, 7, 9, tzinfo=ZONE),
        datetime(2025, 10, 9, 14, tzinfo=ZONE),
        datetime(2025, 10, 9, 16, tzinfo=ZONE),
        place="三楼会议室",
        note="当天专区承办选民登记",
    )
    first = tmp_path / "a.ics"
    assert ctx.events.export_ics(first) == 1
    text = first.read_text(encoding="utf-8")
    assert f"URL:https://gk.example.gov.cn/e/{ev.uuid}" in text and f"UID:{ev.uuid}" in text
    assert "RECURRENCE-ID;TZID=Asia/Shanghai:20251007T090000" in text

    other_dir = tmp_path / "other"
    shutil.copytree(ctx.paths.root, other_dir)
    from app.paths import DataPaths

    other = AppContext.open(DataPaths(other_dir), clock=ctx.clock)
    try:
        # a fresh copy without events
        with other.session_factory() as s, s.begin():
            from db.models import Event

            for row in s.query(Event).all():
                s.delete(row)
        assert other.events.import_ics(first, actor="cli").created == 1
        (back,) = other.events.all()
        assert comparable(back) == comparable(ctx.events.get(ev.uuid))
        second = tmp_path / "b.ics"
        other.events.export_ics(second)
        # same events → same file, except the URL names the importing device's own UUID
        assert second.read_text(encoding="utf-8").replace(back.uuid, ev.uuid) == text
    finally:
        other.close()


def test_reimport_after_a_local_change_updates_moved_occurrences(ctx: AppContext, tmp_path: Path) -> None:
    """A file whose moved occurrence differs from ours updates it in place (no duplicate-key crash)."""
    path = tmp_path / "district.ics"
    path.write_text(GOOD, encoding="utf-8")
    ctx.events.import_ics(path, actor="cli")
    (weekly,) = [e for e in ctx.events.all() if e.ical_uid == "weekly@jinan"]
    rid = weekly.overrides[0].recurrence_id
    ctx.events.move_occurrence(
        "cli", weekly.uuid, rid, at_(2025, 9, 19, 9), at_(2025, 9, 19, 11), note="改到周五"
    )
    report = ctx.events.import_ics(path, actor="cli")
    assert (report.updated, report.unchanged) == (1, 1)
    (weekly,) = [e for e in ctx.events.all() if e.ical_uid == "weekly@jinan"]
    assert [(o.start.day, o.note) for o in weekly.overrides] == [(18, "")]


def at_(y: int, m: int, d: int, h: int) -> datetime:
    return datetime(y, m, d, h, tzinfo=ZONE)


def test_export_window(ctx: AppContext, tmp_path: Path) -> None:
    for day in (3, 20):
        ctx.events.create(
            "cli",
            EventDraft(
                "survey",
                f"问卷{day}",
                datetime(2025, 10, day, 9, tzinfo=ZONE),
                datetime(2025, 10, day, 10, tzinfo=ZONE),
            ),
        )
    out = tmp_path / "w.ics"
    assert ctx.events.export_ics(out, date(2025, 10, 10), date(2025, 10, 31)) == 1
    assert "问卷20" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (GOOD.replace("DTSTART:20250902T010000Z", "DTSTART:2025-09-02"), "第 16 行"),
        (GOOD.replace("RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6", "RRULE:FREQ=SOMETIMES"), "第 18 行"),
        (GOOD.replace("SUMMARY:政府开放月：城市更新项目开放\r\n", "SUMMARY 政府开放月\r\n"), "第 9 行"),
        (GOOD.replace("END:VCALENDAR\r\n", ""), "BEGIN:VCALENDAR 没有对应的 END"),
        (
            GOOD.replace(
                "DTEND;TZID=Asia/Shanghai:20251014T113000", "DTEND;TZID=Asia/Shanghai:20251014T083000"
            ),
            "结束时间",
        ),
        ("hello", "第 1 行"),
    ],
)
def test_broken_files_are_rejected_whole_with_line_and_reason(
    ctx: AppContext, tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "broken.ics"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        ctx.events.import_ics(path, actor="cli")
    assert expected in str(err.value) and "broken.ics" in str(err.value)
    assert ctx.events.all() == []
