"""Calendars as offices and phones have them: all-day events, category names, a calendar app's
export with VTIMEZONE/VALARM/ATTENDEE, runaway recurrence refused, and the public subscription file.

The all-day export is read back by an independent RFC 5545 implementation (recurring-ical-events
over icalendar), not by our own importer only.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events

from app.cli.main import main
from app.clock import ZONE
from app.context import AppContext
from app.errors import InputError, LimitError
from app.events import EventDraft
from db.models import Event

ALL_DAY = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//区政务公开办//日历//ZH\r
BEGIN:VEVENT\r
UID:open-day-2025@licheng\r
DTSTAMP:20250901T000000Z\r
DTSTART;VALUE=DATE:20251015\r
DTEND;VALUE=DATE:20251016\r
SUMMARY:政府开放日：走进唐王街道便民服务中心\r
CATEGORIES:政府开放日\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:open-month-2025@licheng\r
DTSTAMP:20250901T000000Z\r
DTSTART;VALUE=DATE:20251020\r
DTEND;VALUE=DATE:20251023\r
SUMMARY:政务公开开放周（三天）\r
CATEGORIES:开放日活动\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:monthly-allday@licheng\r
DTSTAMP:20250901T000000Z\r
DTSTART;VALUE=DATE:20251101\r
DTEND;VALUE=DATE:20251102\r
RRULE:FREQ=MONTHLY;BYMONTHDAY=1;UNTIL=20260301\r
EXDATE;VALUE=DATE:20260101\r
SUMMARY:每月政策宣讲日\r
CATEGORIES:政策宣讲\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:demo@licheng\r
DTSTAMP:20250901T000000Z\r
DTSTART;TZID=Asia/Shanghai:20251017T090000\r
DTEND;TZID=Asia/Shanghai:20251017T100000\r
SUMMARY:社保卡办理流程演示\r
CATEGORIES:办事演示\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:odd@licheng\r
DTSTAMP:20250901T000000Z\r
DTSTART;TZID=Asia/Shanghai:20251018T090000\r
DTEND;TZID=Asia/Shanghai:20251018T100000\r
SUMMARY:村级议事会旁听\r
CATEGORIES:议事旁听\r
END:VEVENT\r
END:VCALENDAR\r
"""

#: An export as a desktop calendar app writes it: its own time zone definition under its own name,
#: alarms, an organizer and attendees (people), folded lines, X-WR properties.
CALENDAR_APP = """BEGIN:VCALENDAR\r
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r
VERSION:2.0\r
METHOD:PUBLISH\r
X-WR-CALNAME:街道工作日历\r
X-WR-TIMEZONE:Asia/Shanghai\r
BEGIN:VTIMEZONE\r
TZID:China Standard Time\r
BEGIN:STANDARD\r
DTSTART:16010101T000000\r
TZOFFSETFROM:+0800\r
TZOFFSETTO:+0800\r
END:STANDARD\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
CLASS:PUBLIC\r
CREATED:20250901T020000Z\r
DESCRIPTION:请携带身份证。咨询电话 0531-88123456\\n地点：二楼会议室\r
DTEND;TZID="China Standard Time":20251021T113000\r
DTSTAMP:20250901T020000Z\r
DTSTART;TZID="China Standard Time":20251021T093000\r
LAST-MODIFIED:20250901T020000Z\r
LOCATION:唐王街道办事处二楼会议室\r
ORGANIZER;CN=王专员:mailto:wang@example.org\r
ATTENDEE;CN=张三;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:\r
 zhangsan@example.org\r
ATTENDEE;CN=李四;ROLE=OPT-PARTICIPANT:mailto:lisi@example.org\r
PRIORITY:5\r
SEQUENCE:0\r
SUMMARY;LANGUAGE=zh-cn:医保政策解读会\r
CATEGORIES:政策解读会\r
TRANSP:OPAQUE\r
UID:040000008200E00074C5B7101A82E00800000000@outlook\r
X-MICROSOFT-CDO-BUSYSTATUS:BUSY\r
BEGIN:VALARM\r
TRIGGER:-PT15M\r
ACTION:DISPLAY\r
DESCRIPTION:提醒\r
END:VALARM\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:google-123@google.com\r
DTSTART:20251022T010000Z\r
DTEND:20251022T020000Z\r
DTSTAMP:20250901T020000Z\r
SUMMARY:现场辅导：养老保险\r
CATEGORIES:现场辅导\r
BEGIN:VALARM\r
ACTION:EMAIL\r
SUMMARY:Alarm\r
DESCRIPTION:x\r
ATTENDEE:mailto:wang@example.org\r
TRIGGER:-P1D\r
END:VALARM\r
END:VEVENT\r
END:VCALENDAR\r
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_all_day_events_round_trip_as_dates(ctx: AppContext, tmp_path: Path) -> None:
    report = ctx.events.import_ics(write(tmp_path, "a.ics", ALL_DAY), actor="cli")
    assert report.created == 5
    one = ctx.events.find("open-day-2025@licheng")
    assert one.all_day and one.start == datetime(2025, 10, 15, tzinfo=ZONE)
    assert one.end == datetime(2025, 10, 16, tzinfo=ZONE)
    week = ctx.events.find("open-month-2025@licheng")
    assert week.all_day and (week.end - week.start).days == 3
    out = tmp_path / "out.ics"
    ctx.events.export_ics(out)
    text = out.read_text(encoding="utf-8")
    assert "DTSTART;VALUE=DATE:20251015" in text and "DTEND;VALUE=DATE:20251023" in text
    assert "UNTIL=20260301" in text and "EXDATE;VALUE=DATE:20260101" in text
    # an independent RFC 5545 reader sees whole days, not 24-hour blocks
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    seen = recurring_ical_events.of(cal).between(date(2025, 10, 1), date(2026, 4, 1))
    spans = {(str(e["UID"]), e["DTSTART"].dt, e["DTEND"].dt) for e in seen}
    assert ("open-day-2025@licheng", date(2025, 10, 15), date(2025, 10, 16)) in spans
    assert ("open-month-2025@licheng", date(2025, 10, 20), date(2025, 10, 23)) in spans
    monthly = sorted(s for u, s, _ in spans if u == "monthly-allday@licheng")
    assert monthly == [date(2025, 11, 1), date(2025, 12, 1), date(2026, 2, 1), date(2026, 3, 1)]
    assert all(not isinstance(s, datetime) for u, s, _ in spans if u != "demo@licheng" and u != "odd@licheng")
    # and our own importer reads it back unchanged
    again = ctx.events.import_ics(out, actor="cli")
    assert again.unchanged == 5 and again.created == again.updated == 0
    listed = ctx.events.occurrences(date(2025, 10, 15), date(2025, 10, 15))
    assert [o.all_day for o in listed if o.uid == "open-day-2025@licheng"] == [True]


def test_categories_through_the_synonym_table(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "a.ics", ALL_DAY)
    report = ctx.events.import_ics(path, actor="cli")
    types = {e.ical_uid: e.type_key for e in ctx.events.all()}
    assert types["open-day-2025@licheng"] == "open_day" and types["open-month-2025@licheng"] == "open_day"
    assert types["monthly-allday@licheng"] == "policy_interpretation"
    assert types["demo@licheng"] == "procedure_demonstration" and types["odd@licheng"] == "other"
    assert len(report.notes) == 1 and "a.ics 第 44 行" in report.notes[0] and "议事旁听" in report.notes[0]
    # the admin adds the name (CLI), the next import maps it
    from app.users import Role

    ctx.users.add("wang", frozenset({Role.ADMIN}), "secret-123")
    root = str(ctx.paths.root)
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("secret-123\n"))
    assert (
        main(["--data-dir", root, "event", "synonyms", "--add", "议事旁听=座谈会/听证会", "--user", "wang"])
        == 0
    )
    assert "议事旁听" in capsys.readouterr().out
    assert ("议事旁听", "symposium") in ctx.events.synonyms()
    ctx.events.import_ics(path, actor="cli")
    assert ctx.events.find("odd@licheng").type_key == "symposium"
    assert (
        main(
            [
                "--data-dir",
                root,
                "event",
                "import",
                str(write(tmp_path, "b.ics", ALL_DAY.replace("议事旁听", "茶话会"))),
            ]
        )
        == 0
    )
    assert "茶话会" in capsys.readouterr().out


def test_calendar_app_export_imports_without_people_or_alarms(ctx: AppContext, tmp_path: Path) -> None:
    report = ctx.events.import_ics(write(tmp_path, "outlook.ics", CALENDAR_APP), actor="cli")
    assert report.created == 2 and not report.notes
    talk = ctx.events.find("040000008200E00074C5B7101A82E00800000000@outlook")
    assert (
        talk.start == datetime(2025, 10, 21, 9, 30, tzinfo=ZONE) and talk.type_key == "policy_interpretation"
    )
    assert talk.title == "医保政策解读会" and "二楼会议室" in talk.description
    assert not ctx.events.registrations(talk.uuid)  # attendees are people: never imported
    coach = ctx.events.find("google-123@google.com")
    assert coach.start == datetime(2025, 10, 22, 9, 0, tzinfo=ZONE) and coach.type_key == "policy_counselling"
    assert ctx.events.import_ics(tmp_path / "outlook.ics", actor="cli").unchanged == 2
    # a broken line after an alarm is still reported at its own line
    broken = CALENDAR_APP.replace("DTEND:20251022T020000Z", "DTEND:bogus")
    line = broken.split("\r\n").index("DTEND:bogus") + 1
    with pytest.raises(InputError) as exc:
        ctx.events.import_ics(write(tmp_path, "bad.ics", broken), actor="cli")
    assert f"bad.ics 第 {line} 行" in str(exc.value) and "DTEND" in str(exc.value)


SECONDLY = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:storm@x\r\nDTSTAMP:20250101T000000Z\r\n"
    "DTSTART:20250101T000000Z\r\nDTEND:20250101T000001Z\r\nRRULE:FREQ=SECONDLY\r\nSUMMARY:x\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)


@pytest.mark.parametrize(
    ("rule", "needle"),
    [
        ("FREQ=SECONDLY", "FREQ=SECONDLY"),
        ("FREQ=MINUTELY;INTERVAL=5", "FREQ=MINUTELY"),
        ("FREQ=HOURLY;COUNT=100000", "FREQ=HOURLY"),
        ("FREQ=DAILY;BYHOUR=9,10,11", "BYHOUR=9,10,11"),
        ("FREQ=DAILY;BYSECOND=1", "BYSECOND"),
    ],
)
def test_runaway_recurrence_refused_with_its_line(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str], rule: str, needle: str
) -> None:
    path = write(tmp_path, "storm.ics", SECONDLY.replace("FREQ=SECONDLY", rule))
    assert len(SECONDLY.encode()) < 300
    assert main(["--data-dir", str(ctx.paths.root), "event", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "storm.ics 第 9 行" in err and needle in err and "重复频率上限" in err
    assert not ctx.events.all()


def test_a_runaway_rule_already_stored_does_not_stall_a_week(ctx: AppContext) -> None:
    """Rules stored before the limits existed are skipped when expanding (and logged)."""
    ctx.events.create(
        "cli",
        EventDraft(type_key="other", title="每天", start=datetime(2024, 1, 1, 9, tzinfo=ZONE),
                   end=datetime(2024, 1, 1, 10, tzinfo=ZONE), rrule="FREQ=DAILY"),
    )  # fmt: skip
    with ctx.session_factory() as s, s.begin():
        s.add(Event(ical_uid="old@x", type_key="other", title="旧数据", start_at=datetime(2024, 1, 1, tzinfo=ZONE),
                    end_at=datetime(2024, 1, 1, 0, 0, 1, tzinfo=ZONE), rrule="FREQ=SECONDLY"))  # fmt: skip
    t = time.perf_counter()
    week = ctx.events.occurrences(date(2025, 9, 22), date(2025, 9, 28))
    assert time.perf_counter() - t < 5
    assert [o.title for o in week] == ["每天"] * 7


def test_too_many_events_in_one_file(tmp_path: Path) -> None:
    from app.events import ics

    one = "BEGIN:VEVENT\r\nUID:{n}\r\nDTSTART:20250101T000000Z\r\nSUMMARY:x\r\nEND:VEVENT\r\n"
    text = (
        "BEGIN:VCALENDAR\r\n"
        + "".join(one.format(n=n) for n in range(ics.MAX_EVENTS + 1))
        + "END:VCALENDAR\r\n"
    )
    with pytest.raises(LimitError) as exc:
        ics.parse(text.encode(), "many.ics", {"other": "其他活动"})
    assert "活动数上限" in str(exc.value) and "\n" not in str(exc.value)


def test_subscription_file_is_public_and_masked(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    start = datetime(2025, 10, 9, 9, tzinfo=ZONE)
    ev = ctx.events.create(
        "cli",
        EventDraft(type_key="open_day", title="开放日", start=start, end=start + timedelta(hours=2),
                   place="便民服务中心", description="联系人张三丰 13812345678", host="王专员",
                   invited_roles=("人大代表",), capacity=30),
    )  # fmt: skip
    ctx.events.register("cli", ev.uuid, "李小明", "13912345678")
    out = tmp_path / "sub.ics"
    assert ctx.events.subscription_ics(out) == 1
    assert main(["--data-dir", str(ctx.paths.root), "event", "subscription", str(tmp_path / "cli.ics")]) == 0
    assert "个公开活动（订阅用，已遮蔽）" in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    assert "13812345678" not in text and "李小明" not in text and "13912345678" not in text
    assert "X-GONGKAI" not in text and "ATTENDEE" not in text
    assert "REFRESH-INTERVAL;VALUE=DURATION:P1D" in text and "METHOD:PUBLISH" in text
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    (event,) = recurring_ical_events.of(cal).between(date(2025, 10, 1), date(2025, 11, 1))
    assert str(event["SUMMARY"]) == "开放日" and str(event["URL"]).endswith(ev.uuid)
