"""The working-day engine: one service for every deadline in the app (pure Python, no Qt, no database).

``WorkdayCalendar`` counts working days over official holiday data (``HolidayYear``, one per year:
days off and make-up workdays, 调休); ``sources`` loads the bundled years and parses user files.
See docs/holidays-format.md for the data formats and the counting rules.
"""

from app.workdays.calendar import (
    WEEKDAY_NAMES,
    HolidayDataError,
    HolidayYear,
    Pause,
    SkippedDay,
    WorkdayCalendar,
    WorkdayResult,
)
from app.workdays.sources import HolidayFileError, load_bundled, parse_holiday_bytes, parse_holiday_file

__all__ = [
    "WEEKDAY_NAMES",
    "HolidayDataError",
    "HolidayFileError",
    "HolidayYear",
    "Pause",
    "SkippedDay",
    "WorkdayCalendar",
    "WorkdayResult",
    "load_bundled",
    "parse_holiday_bytes",
    "parse_holiday_file",
]
