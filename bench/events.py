"""Benchmark: expand and list a year of 500 recurring events.

Responsibility: time ``EventService.occurrences`` (the month, week and agenda views, ``event list``
and the kiosk all go through it) over a whole year on a database holding 500 series: weekly,
fortnightly, monthly on the n-th weekday and daily-with-COUNT rules, some with EXDATEs and moved
occurrences. The baseline is the bare dateutil expansion of the same rules in memory (no database,
no values built), i.e. the cost the library alone sets. Each figure is the median of RUNS runs.

    .venv/bin/python bench/events.py
"""

from __future__ import annotations

import sys
from pathlib import Path

# The issue names this benchmark bench/calendar.py; it is bench/events.py because a file called
# calendar.py in bench/ shadows the standard library's calendar module for every other benchmark.
sys.path[0] = str(Path(__file__).resolve().parents[1])

import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from datetime import date, datetime, timedelta  # noqa: E402

from dateutil.rrule import rrulestr  # noqa: E402

from app.clock import ZONE, FixedClock  # noqa: E402
from app.context import AppContext  # noqa: E402
from app.events import EventDraft  # noqa: E402
from app.paths import DataPaths  # noqa: E402

RUNS = 5
EVENTS = 500
RULES = (
    "FREQ=WEEKLY;BYDAY=TU",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
    "FREQ=MONTHLY;BYDAY=2TH",
    "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=DAILY;COUNT=20",
)
TYPES = ("policy_interpretation", "policy_counselling", "procedure_demonstration", "open_day", "survey")


def build(ctx: AppContext) -> list[tuple[datetime, datetime, str]]:
    specs = []
    start = datetime(2025, 1, 6, 9, tzinfo=ZONE)
    for i in range(EVENTS):
        s = start + timedelta(days=i % 28, hours=i % 8)
        e = s + timedelta(hours=2)
        rule = RULES[i % len(RULES)]
        ev = ctx.events.create(
            "bench",
            EventDraft(TYPES[i % len(TYPES)], f"活动 {i}", s, e, place=f"会议室 {i % 7}", rrule=rule),
        )
        if i % 10 == 0 and rule.startswith("FREQ=WEEKLY;BYDAY"):
            series = rrulestr(rule, dtstart=s)
            skip, moved = series[3], series[5]
            ctx.events.cancel_occurrence("bench", ev.uuid, skip)
            later = moved + timedelta(days=1)
            ctx.events.move_occurrence("bench", ev.uuid, moved, later, later + timedelta(hours=2))
        specs.append((s, e, rule))
    return specs


def median_time(fn: object) -> tuple[float, object]:
    times, result = [], None
    for _ in range(RUNS):
        t0 = time.perf_counter()
        result = fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> int:
    root = Path(tempfile.mkdtemp(prefix="gk-bench-cal-"))
    ctx = AppContext.open(DataPaths(root), clock=FixedClock(datetime(2025, 1, 1, 9)))
    t0 = time.perf_counter()
    specs = build(ctx)
    print(f"setup: {EVENTS} recurring events created in {time.perf_counter() - t0:.1f} s")

    first, last = date(2025, 1, 1), date(2025, 12, 31)
    ws = datetime(2025, 1, 1, tzinfo=ZONE)
    we = datetime(2026, 1, 1, tzinfo=ZONE)

    def baseline() -> int:
        return sum(len(rrulestr(rule, dtstart=s).between(ws - (e - s), we)) for s, e, rule in specs)

    def service() -> int:
        return len(ctx.events.occurrences(first, last))

    def month() -> int:
        return len(ctx.events.occurrences(date(2025, 10, 1), date(2025, 10, 31)))

    base_t, base_n = median_time(baseline)
    year_t, year_n = median_time(service)
    month_t, month_n = median_time(month)
    print(f"baseline  dateutil only, one year:          {base_t * 1000:8.1f} ms  ({base_n} occurrences)")
    print(f"service   occurrences(), one year:          {year_t * 1000:8.1f} ms  ({year_n} occurrences)")
    print(f"service   occurrences(), one month (view):  {month_t * 1000:8.1f} ms  ({month_n} occurrences)")
    print(f"overhead over the bare library: x{year_t / base_t:.2f}")
    ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
