"""Kiosk soak benchmark: N carousel transitions offscreen; memory growth and the slowest transition.

Builds a demo site (``gongkai init --demo``), opens the kiosk window read-only at 1920×1080 and
advances the home carousel N times (10,000 by default), letting Qt paint after each one. Every
200 transitions it also polls for database changes, as the running kiosk does. Reports the RSS
growth (VmRSS from /proc/self/status) between transition 500 (warm caches) and the end, and the
slowest and 99th-percentile transition (goal: growth < 20 MB, no transition over 100 ms).

Usage: QT_QPA_PLATFORM=offscreen python -m bench.kiosk_soak [--transitions 10000] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app import bootstrap  # noqa: E402
from app.context import AppContext  # noqa: E402
from app.kiosk import DataVersionWatcher, KioskService  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from ui.kiosk.immortal import make_singletons_immortal  # noqa: E402
from ui.kiosk.window import KioskWindow  # noqa: E402
from ui.qtapp import create_application  # noqa: E402

WARM_UP = 500


def rss_mb() -> float:
    """Resident set size in MB (Linux /proc; falls back to the peak from resource elsewhere)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--transitions", type=int, default=10_000)
    parser.add_argument("--data-dir")
    args = parser.parse_args()
    make_singletons_immortal()
    paths = DataPaths(Path(args.data_dir or tempfile.mkdtemp(prefix="gk-kiosk-soak-")))
    if not paths.database.exists():
        writable = AppContext.open(paths)
        bootstrap.initialise(writable, demo=True, **bootstrap.DEMO_SITE)
        writable.close()
    ctx = AppContext.open(paths, readonly=True)
    app = create_application(["kiosk-soak"])
    service = KioskService(ctx)
    window = KioskWindow(service, DataVersionWatcher(ctx.engine), portrait=False)
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    home = window.home
    print(f"slides in the carousel: {len(home.slides)}")
    timings: list[float] = []
    cpu: list[float] = []
    base = rss_mb()
    start_rss = base
    for i in range(args.transitions):
        if i == WARM_UP:
            base = rss_mb()
        t0, c0 = time.perf_counter(), time.thread_time()
        home.next_slide()
        home.repaint()  # paint now, inside the measurement (offscreen Qt would otherwise defer it)
        app.processEvents()
        timings.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
        if i % 200 == 0:
            window.poll()
    end = rss_mb()
    window.shutdown()
    ctx.close()
    timings.sort()
    cpu.sort()
    p99 = timings[int(len(timings) * 0.99) - 1]
    print(f"transitions: {len(timings)}")
    print(f"RSS: start {start_rss:.1f} MB, after {WARM_UP} {base:.1f} MB, end {end:.1f} MB")
    print(f"memory growth after warm-up: {end - base:.1f} MB (goal < 20 MB)")
    print(
        f"transition ms: median {statistics.median(timings):.2f}, p99 {p99:.2f}, "
        f"slowest {timings[-1]:.2f} (goal: none over 100 ms)"
    )
    # On a shared machine the wall-clock maximum includes time spent waiting for a CPU; the
    # thread's CPU time shows what the transition itself costs.
    print(f"transition CPU ms: median {statistics.median(cpu):.2f}, slowest {cpu[-1]:.2f}")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
