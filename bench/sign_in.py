"""Sign-in timing: a wrong password for a real user vs. any password for a name that does not exist.

Both must cost the same (one argon2 verification, one failure recorded and audited), or the time
taken tells an attacker which user names exist (issue #13 measured 142 ms against 0.3 ms before).
Prints the median and the spread of each over N attempts, and their ratio.

Usage: python -m bench.sign_in [--runs 30]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.clock import FixedClock  # noqa: E402
from app.context import AppContext  # noqa: E402
from app.errors import AuthenticationError  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from app.users import Role  # noqa: E402


def timed(ctx: AppContext, clock: FixedClock, name: str) -> float:
    clock.advance(minutes=11)  # stay clear of the lockout: every attempt is a checked one
    start = time.perf_counter()
    with contextlib.suppress(AuthenticationError):
        ctx.users.authenticate(name, "not-the-password")
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    print(f"load average: {Path('/proc/loadavg').read_text().strip()}")
    with tempfile.TemporaryDirectory() as tmp:
        clock = FixedClock(datetime(2026, 1, 5, 9))
        ctx = AppContext.open(DataPaths(Path(tmp)), clock=clock)
        ctx.users.add("wang", frozenset({Role.ADMIN}), "right-password-1")
        timed(ctx, clock, "warm-up")
        known, unknown = [], []
        for i in range(args.runs):
            known.append(timed(ctx, clock, "wang"))
            unknown.append(timed(ctx, clock, f"nobody{i}"))
        ctx.close()
    for label, values in (("known name, wrong password", known), ("unknown name", unknown)):
        q = statistics.quantiles(values, n=10)
        print(f"{label:<28} median {statistics.median(values):7.1f} ms  (p10 {q[0]:.1f}, p90 {q[-1]:.1f})")
    print(f"ratio unknown/known: {statistics.median(unknown) / statistics.median(known):.2f}")


if __name__ == "__main__":
    main()
