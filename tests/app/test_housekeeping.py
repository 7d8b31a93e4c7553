"""Housekeeping (app/housekeeping.py): what the date changes, run at start and at midnight."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app import housekeeping
from app.context import AppContext
from tests.app.test_holidays_import import complete_2031, csv_text


def test_a_holiday_year_imported_by_another_process_reaches_the_window_by_midnight(
    ctx: AppContext, tmp_path: Path
) -> None:
    """The window keeps its working-day calendar; a year stored by ``gongkai holidays import`` in
    another process reaches its deadlines at the next housekeeping (start or midnight)."""
    assert ctx.holidays.calendar().add(date(2031, 3, 1), 5).provisional  # no official 2031 yet
    path = tmp_path / "h2031.csv"
    path.write_text(csv_text(complete_2031()), encoding="utf-8")
    other = AppContext.open(ctx.paths)  # the command line, on the same data directory
    try:
        other.holidays.import_file(path, actor="admin")
    finally:
        other.close()
    assert ctx.holidays.calendar().add(date(2031, 3, 1), 5).provisional  # still the calendar it had
    housekeeping.run(ctx)
    assert not ctx.holidays.calendar().add(date(2031, 3, 1), 5).provisional
