"""The request clock: receipt-date rules, holidays, make-up workdays, corrections, pauses, extension."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import InputError
from app.requests import clock
from app.requests.clock import PauseSpan
from app.workdays import WorkdayCalendar

CAL = WorkdayCalendar.bundled()


def due(received: date, **kw: object) -> clock.ClockResult:
    return clock.compute(CAL, received_on=received, channel="in_person", answer_days=20, **kw)  # type: ignore[arg-type]


def test_receipt_before_the_national_day_holiday() -> None:
    """Received Friday 26 Sept 2025: 1–8 Oct are skipped, the 20th working day is 30 Oct."""
    r = due(date(2025, 9, 26))
    assert r.due_on == date(2025, 10, 30)
    assert not r.provisional
    reasons = {s.date: s.reason for s in r.skipped}
    assert reasons[date(2025, 10, 1)] == "国庆节、中秋节"
    assert reasons[date(2025, 9, 27)] == "周六"
    assert date(2025, 9, 28) not in reasons  # 调休 Sunday is a working day


def test_receipt_on_the_first_day_and_inside_the_holiday() -> None:
    assert due(date(2025, 10, 1)).due_on == date(2025, 11, 4)
    assert due(date(2025, 10, 3)).due_on == date(2025, 11, 4)


def test_receipt_on_a_make_up_workday() -> None:
    """Sunday 28 Sept 2025 is a 调休 working day; Saturday 11 Oct counts as well."""
    r = due(date(2025, 9, 28))
    assert r.due_on == date(2025, 10, 31)
    assert date(2025, 10, 11) in CAL.add(date(2025, 9, 28), 20).counted


def test_correction_restarts_the_clock_from_the_corrected_application() -> None:
    r = due(date(2025, 9, 1), clock_start_on=date(2025, 9, 26))
    assert r.due_on == date(2025, 10, 30)
    assert any("重新起算" in line for line in r.lines)


def test_consultation_pauses_the_clock() -> None:
    """Without the pause the 20th day is the 调休 Sunday 28 Sept; five paused working days move it."""
    assert due(date(2025, 9, 1)).due_on == date(2025, 9, 28)
    r = due(date(2025, 9, 1), pauses=(PauseSpan(date(2025, 9, 8), date(2025, 9, 12), "征求第三方意见"),))
    assert r.due_on == date(2025, 10, 11)
    paused = [s for s in r.skipped if s.reason.startswith("暂停")]
    assert [s.date.day for s in paused] == [8, 9, 10, 11, 12]


def test_open_consultation_is_flagged() -> None:
    r = due(date(2025, 9, 1), pauses=(PauseSpan(date(2025, 9, 8), date(2025, 9, 10), "征求意见", open=True),))
    assert r.paused_now
    assert any("尚未结束" in line for line in r.lines)


def test_extension_adds_working_days() -> None:
    r = due(date(2025, 9, 26), extension_days=5)
    assert r.due_on == date(2025, 11, 6)
    assert r.total_days == 25


def test_year_without_holiday_data_is_provisional() -> None:
    r = due(date(2026, 12, 20))
    assert r.provisional
    assert any(line.startswith("暂定：2027 年") for line in r.lines)
    assert not due(date(2026, 11, 2)).provisional


@pytest.mark.parametrize(
    ("channel", "arrived", "confirmed", "expected"),
    [
        ("in_person", date(2025, 9, 24), None, date(2025, 9, 24)),
        ("signed_post", date(2025, 9, 24), None, date(2025, 9, 24)),
        ("ordinary_letter", date(2025, 9, 24), date(2025, 9, 25), date(2025, 9, 25)),
        ("online", date(2025, 9, 24), date(2025, 9, 26), date(2025, 9, 26)),
        ("fax", date(2025, 9, 24), date(2025, 9, 24), date(2025, 9, 24)),
    ],
)
def test_receipt_date_per_channel(
    channel: str, arrived: date, confirmed: date | None, expected: date
) -> None:
    """条例第三十一条: signing day for signed post, confirmation day for letters, online and fax."""
    assert clock.receipt_date(channel, arrived, confirmed) == expected


def test_confirmation_is_required_where_the_law_counts_it() -> None:
    with pytest.raises(InputError, match="确认日期"):
        clock.receipt_date("online", date(2025, 9, 24), None)
    with pytest.raises(InputError, match="不早于到达日"):
        clock.receipt_date("fax", date(2025, 9, 24), date(2025, 9, 23))
    with pytest.raises(InputError, match="channel"):
        clock.receipt_date("pigeon", date(2025, 9, 24), None)
