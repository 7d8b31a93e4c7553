"""Recurrence expansion against known calendars: weekly with exceptions, monthly n-th weekday, moves."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.clock import ZONE
from app.errors import InputError
from app.events.recurrence import Moved, day_window, describe_rule, expand, normalise_rule


def at(y: int, m: int, d: int, h: int = 9, mi: int = 0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=ZONE)


def test_weekly_tuesdays_with_an_exception() -> None:
    """Every Tuesday 9:00 in October 2025, the National Day Tuesday (7th) excepted."""
    rule = normalise_rule("FREQ=WEEKLY;BYDAY=TU", at(2025, 9, 2))
    ws, we = day_window(date(2025, 10, 1), date(2025, 10, 31))
    got = expand(at(2025, 9, 2), at(2025, 9, 2, 11), rule, ws, we, exdates=[at(2025, 10, 7)])
    assert [i.start.day for i in got] == [14, 21, 28]
    assert all(i.start.hour == 9 and i.end.hour == 11 for i in got)


def test_monthly_second_thursday_across_the_year_end() -> None:
    """FREQ=MONTHLY;BYDAY=2TH from November 2025: 13 Nov, 11 Dec, 8 Jan 2026, 12 Feb 2026."""
    rule = normalise_rule("FREQ=MONTHLY;BYDAY=2TH;COUNT=4", at(2025, 11, 13, 14, 30))
    ws, we = day_window(date(2025, 1, 1), date(2026, 12, 31))
    got = expand(at(2025, 11, 13, 14, 30), at(2025, 11, 13, 15, 30), rule, ws, we)
    assert [i.start.date() for i in got] == [
        date(2025, 11, 13),
        date(2025, 12, 11),
        date(2026, 1, 8),
        date(2026, 2, 12),
    ]


def test_a_moved_occurrence_appears_at_its_new_time_only() -> None:
    rule = normalise_rule("FREQ=WEEKLY;BYDAY=TU;COUNT=3", at(2025, 9, 2))
    moved = {at(2025, 9, 9): Moved(at(2025, 9, 11, 14), at(2025, 9, 11, 16), "三楼会议室")}
    ws, we = day_window(date(2025, 9, 1), date(2025, 9, 30))
    got = expand(at(2025, 9, 2), at(2025, 9, 2, 11), rule, ws, we, moved=moved)
    assert [(i.start, i.moved) for i in got] == [
        (at(2025, 9, 2), False),
        (at(2025, 9, 11, 14), True),
        (at(2025, 9, 16), False),
    ]
    assert got[1].recurrence_id == at(2025, 9, 9) and got[1].place == "三楼会议室"


def test_local_until_is_inclusive_and_stored_in_utc() -> None:
    rule = normalise_rule("FREQ=WEEKLY;UNTIL=20251230;BYDAY=TU", at(2025, 12, 2))
    assert rule == "FREQ=WEEKLY;BYDAY=TU;UNTIL=20251230T155959Z"
    ws, we = day_window(date(2025, 12, 1), date(2026, 1, 31))
    got = expand(at(2025, 12, 2), at(2025, 12, 2, 11), rule, ws, we)
    assert got[-1].start.date() == date(2025, 12, 30)


def test_an_occurrence_overlapping_the_window_start_is_included() -> None:
    """An event running 23:00–01:00 shows on the next day too."""
    ws, we = day_window(date(2025, 9, 3), date(2025, 9, 3))
    got = expand(at(2025, 9, 2, 23), at(2025, 9, 3, 1), "FREQ=DAILY;COUNT=1", ws, we)
    assert len(got) == 1


@pytest.mark.parametrize(
    "bad",
    ["FREQ=FORTNIGHTLY", "BYDAY=TU", "FREQ=WEEKLY;BYDAY=XX", "FREQ=WEEKLY;UNTIL=2025-12-30", "nonsense"],
)
def test_invalid_rules_are_rejected_with_the_field(bad: str) -> None:
    with pytest.raises(InputError, match="重复规则"):
        normalise_rule(bad, at(2025, 9, 2))


def test_describe_rule_in_plain_chinese() -> None:
    assert describe_rule("FREQ=WEEKLY;BYDAY=TU") == "每周二"
    assert describe_rule("FREQ=MONTHLY;BYDAY=2TH;COUNT=10") == "每月第2个周四，共10次"
    assert describe_rule(None) == "单次"
