"""Benchmark of the requests service at a busy site's volume.

Responsibility: show what one call of the requests page costs with N requests on file, against
the floor of simply selecting the same rows (no clock, no masking). ``list`` computes every due
date (holidays, pauses, extension) and masks identity numbers; ``reminders`` walks the open ones;
``annual_table`` counts a year. A township sees tens of requests a year and a busy district
office hundreds, so N = 600 is generous.

    .venv/bin/python bench/requests_clock.py [N]
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select  # noqa: E402

from app.clock import FixedClock  # noqa: E402
from app.context import AppContext  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from app.requests.rules import ANSWER_TYPES, APPLICANT_KINDS  # noqa: E402
from app.users import Role  # noqa: E402
from db.models import InfoRequest  # noqa: E402

RUNS = 5


def median_ms(fn: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    rnd = random.Random(1)
    ctx = AppContext.open(
        DataPaths(Path(tempfile.mkdtemp(prefix="gk-bench-"))), clock=FixedClock(datetime(2025, 12, 15, 9))
    )
    ctx.sites.ensure("370112-TW", "历城区唐王街道")
    with ctx.session_factory() as s, s.begin():
        ctx.holidays.seed_bundled(s)
    user = ctx.users.add("admin", frozenset({Role.ADMIN, Role.CLERK}), "gongkai123")
    svc = ctx.requests
    cal = svc.calendar()
    t0 = time.perf_counter()
    for i in range(n):
        received = date(2025, 1, 2) + timedelta(days=rnd.randrange(0, 340))
        uuid = svc.intake(
            actor=user,
            channel="in_person",
            arrived_on=received,
            applicant_kind=rnd.choice(list(APPLICANT_KINDS)),
            applicant_name=f"申请人{i}",
            id_number="370112198503127715",
            phone="13805311234",
            description="某信息",
        ).uuid
        svc.transition(uuid, "registered", actor=user)
        if i % 10 == 0:
            svc.transition(uuid, "in_progress", actor=user)
            svc.start_consultation(uuid, party="第三方", actor=user, on=cal.add(received, 2).date)
        elif received < date(2025, 11, 1):
            svc.answer(
                uuid, answer_type=rnd.choice(list(ANSWER_TYPES)), actor=user, on=cal.add(received, 10).date
            )
    intake_ms = (time.perf_counter() - t0) * 1000 / n

    def raw() -> object:
        with ctx.session_factory() as s:
            return s.execute(select(InfoRequest)).scalars().all()

    uuid = svc.list()[0].uuid
    figures = {
        "floor: select all rows": median_ms(raw),
        "list() with clocks + masking": median_ms(svc.list),
        "reminders()": median_ms(svc.reminders),
        "annual_table(2025)": median_ms(lambda: svc.annual_table(2025)),
        "get(uuid)": median_ms(lambda: svc.get(uuid)),
        "receipt_pdf(uuid)": median_ms(lambda: svc.receipt_pdf(uuid)),
        "explain_pdf(uuid)": median_ms(lambda: svc.explain_pdf(uuid)),
    }
    print(
        f"requests on file: {n}; intake + workflow per request: {intake_ms:.1f} ms (median of {RUNS} runs below)"
    )
    for name, ms in figures.items():
        print(f"  {name:32s} {ms:8.1f} ms")
    print(
        f"  list() / floor: {figures['list() with clocks + masking'] / figures['floor: select all rows']:.1f}x"
    )
    ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
