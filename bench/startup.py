"""Start-up benchmark: process start → staff window shown, against a bare PySide6 window.

Builds a data directory holding a site with N catalogue items (20,000 by default, via
bench/fixtures.py when the catalogue capability is present), then starts fresh Python processes
that each print the moment their window is first painted. Reports both medians and their ratio
(goal: ratio ≤ 2).

Usage: QT_QPA_PLATFORM=offscreen python bench/startup.py [--items 20000] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BARE = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
from PySide6.QtCore import QTimer
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("bare")); w.resize(1280, 800); w.show()
QTimer.singleShot(0, lambda: (print("SHOWN", time.time(), flush=True), app.quit()))
app.exec()
"""

STAFF = """
import sys, time
sys.path.insert(0, {root!r})
from app.paths import DataPaths
from app.context import AppContext
from ui.qtapp import create_application
from ui.bus import DataBus
from ui.env import UiEnv
from ui.main_window import MainWindow
from ui.tasks import TaskRunner
from PySide6.QtCore import QTimer
ctx = AppContext.open(DataPaths(__import__("pathlib").Path({data!r})))
app = create_application(sys.argv[:1], language=str(ctx.settings.get("language")))
user = ctx.users.authenticate("admin", "gongkai123")
tasks = TaskRunner()
w = MainWindow(UiEnv(ctx, user, DataBus(), tasks))
w.show()
QTimer.singleShot(0, lambda: (print("SHOWN", time.time(), flush=True), app.quit()))
app.exec()
tasks.wait()
"""


def build_data(items: int) -> Path:
    from app import bootstrap
    from app.context import AppContext
    from app.paths import DataPaths

    root = Path(tempfile.mkdtemp(prefix="gk-bench-startup-"))
    ctx = AppContext.open(DataPaths(root))
    bootstrap.initialise(ctx, demo=True, **bootstrap.DEMO_SITE)
    try:
        from bench.fixtures import make_catalogue  # provided by the catalogue capability
    except ImportError:
        print("note: bench.fixtures.make_catalogue not available; measuring with the demo data only")
    else:
        make_catalogue(ctx, items)
    ctx.close()
    return root


def time_child(code: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    # An installed app has its bytecode compiled (pip compiles on install); a development shell with
    # PYTHONDONTWRITEBYTECODE would recompile every module on every start and measure the compiler.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    shown = next(float(line.split()[1]) for line in out.stdout.splitlines() if line.startswith("SHOWN"))
    return (shown - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    data = build_data(args.items)
    staff_code = STAFF.format(root=str(ROOT), data=str(data))
    time_child(BARE), time_child(staff_code)  # warm the OS file cache for both
    bare, staff = [], []
    for _ in range(args.runs):
        bare.append(time_child(BARE))
        staff.append(time_child(staff_code))
    mb, ms = statistics.median(bare), statistics.median(staff)
    print(f"catalogue items: {args.items}; runs: {args.runs}")
    print(f"bare PySide6 window: median {mb:.0f} ms  (min {min(bare):.0f}, max {max(bare):.0f})")
    print(f"Gongkai staff window: median {ms:.0f} ms  (min {min(staff):.0f}, max {max(staff):.0f})")
    print(f"ratio: {ms / mb:.2f}  (goal ≤ 2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
