"""Today benchmark: gathering the day's items and scoring a month over a busy demo site.

Builds a demo site (``gongkai init --demo``), then times, with the clock fixed on a busy working day:
- ``TodayService.list`` for the admin and for the whole site, against calling every registered
  source directly (the baseline: what the sources cost without filtering and ordering);
- one month's score sheet and a 12-month trend.
Goals: the Today list well under 300 ms (it is the first page after sign-in), a score sheet under 1 s.

Usage: python bench/today.py [--runs 9] [--at 2025-09-26T09:00]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app import bootstrap  # noqa: E402
from app.clock import FixedClock  # noqa: E402
from app.context import AppContext  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from app.today.assessment.period import Month  # noqa: E402
from app.today.sources import SOURCES  # noqa: E402


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--at", default="2025-09-26T09:00")
    args = parser.parse_args()
    clock = FixedClock(datetime.fromisoformat(args.at))
    ctx = AppContext.open(DataPaths(Path(tempfile.mkdtemp(prefix="gk-bench-today-"))), clock=clock)
    t0 = time.perf_counter()
    bootstrap.initialise(ctx, demo=True, **bootstrap.DEMO_SITE)
    print(f"demo site built in {time.perf_counter() - t0:.1f} s; sources: {', '.join(SOURCES)}")
    admin = ctx.users.authenticate("admin", bootstrap.DEMO_PASSWORD)
    today = clock.today()
    listing = ctx.today.list(admin)
    print(f"items for admin: {len(listing.items)} ({listing.headline()})")
    baseline = median_ms(lambda: [s(ctx, admin, today) for s in SOURCES.values()], args.runs)
    print(f"sources called directly (baseline): {baseline:8.1f} ms")
    print(
        f"TodayService.list(admin):           {median_ms(lambda: ctx.today.list(admin), args.runs):8.1f} ms"
    )
    print(f"TodayService.list(site):            {median_ms(lambda: ctx.today.list(None), args.runs):8.1f} ms")
    month = Month.of(today)
    print(
        f"score sheet {month.iso}:              {median_ms(lambda: ctx.today.assessment.score_sheet(month), args.runs):8.1f} ms"
    )
    print(
        f"trend over 12 months:               {median_ms(lambda: ctx.today.assessment.trend(month, 12), 3):8.1f} ms"
    )
    print(
        f"task sheet PDF:                     {median_ms(lambda: ctx.today.task_sheet_pdf(admin), 3):8.1f} ms"
    )
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
