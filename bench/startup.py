"""Start-up benchmark: process start → staff window shown, against a bare PySide6 window.

Builds a data directory holding a site with N catalogue items (20,000 by default, via
bench/fixtures.py), then starts fresh Python processes that each print the moment their window is
first painted. The staff process is timed in two parts around the sign-in, since a clerk types a
password in between: process start → sign-in window shown, and "登录" pressed → staff window shown
(which includes the deliberately slow argon2 check). Reports medians and the ratio of their sum to
the bare window (goal: ratio ≤ 2).

Usage: QT_QPA_PLATFORM=offscreen python bench/startup.py [--items 20000] [--runs 7]

Any command, e.g. the packaged program against the virtual environment's (docs/packaging.md):
    python bench/startup.py --command build/package/pyinstaller/gongkai/gongkai --command .venv/bin/gongkai \
        [--window 登录] [--items 20000] [--runs 7]
times each command from process start until a top-level window whose title contains ``--window``
is mapped on a private Xvfb display (polled every 10 ms with xwininfo), or, without ``--window``,
until the command exits (e.g. ``--command "… --version"``). The data directory is passed as
GONGKAI_DATA_DIR. The first run of each command is reported on its own (nearest to a cold start
without dropping the shared machine's page cache); the median is over the others.
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
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
from ui.dialogs.sign_in import SignInDialog
from ui.env import UiEnv
from ui.main_window import MainWindow
from ui.tasks import TaskRunner
from PySide6.QtCore import QTimer
ctx = AppContext.open(DataPaths(__import__("pathlib").Path({data!r})))
app = create_application(sys.argv[:1], language=str(ctx.settings.get("language")))
from ui.launcher import start_warm_up
dialog = SignInDialog(ctx.users, ctx.sites.get().name)
dialog.show()
app.processEvents()
print("SIGNIN", time.time(), flush=True)
warm = start_warm_up(ctx)  # as the launcher does, while the clerk types
deadline = time.time() + {typing}
while time.time() < deadline:  # the clerk types the password; the window stays responsive
    app.processEvents()
    time.sleep(0.01)
typed = time.time()
warm.join()
dialog.name.setCurrentIndex(dialog.name.findData("admin"))
dialog.password.setText("gongkai123")
dialog._try_sign_in()
tasks = TaskRunner()
w = MainWindow(UiEnv(ctx, dialog.user, DataBus(), tasks))
w.show()
QTimer.singleShot(0, lambda: (print("TYPED", typed, flush=True), print("SHOWN", time.time(), flush=True), app.quit()))
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


def time_child(code: str) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    # An installed app has its bytecode compiled (pip compiles on install); a development shell with
    # PYTHONDONTWRITEBYTECODE would recompile every module on every start and measure the compiler.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    marks = {
        line.split()[0]: float(line.split()[1]) for line in out.stdout.splitlines() if line[:1].isupper()
    }
    return {name: (at - start) * 1000 for name, at in marks.items()}


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read, write = os.pipe()
    # -noreset: otherwise each xwininfo poll, as the last client to leave, resets the server.
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x900x24", "-nolisten", "tcp", "-noreset"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    display = ":" + os.read(read, 16).decode().strip()
    os.close(read)
    return xvfb, display


def time_command(command: str, data: Path, display: str, window: str | None, timeout: float = 60) -> float:
    """Milliseconds from starting ``command`` to its window being mapped (or to its exit)."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "PYTHONDONTWRITEBYTECODE")}
    env.update(DISPLAY=display, GONGKAI_DATA_DIR=str(data))
    xenv = {"DISPLAY": display, "LANG": "C.UTF-8", "PATH": os.environ.get("PATH", "/usr/bin")}
    start = time.monotonic()
    proc = subprocess.Popen(
        shlex.split(command),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        while True:
            if window is None:
                proc.wait(timeout=timeout)
                return (time.monotonic() - start) * 1000
            tree = subprocess.run(
                ["xwininfo", "-root", "-tree"], env=xenv, capture_output=True, text=True
            ).stdout
            if window in tree:
                return (time.monotonic() - start) * 1000
            if proc.poll() is not None:
                raise RuntimeError(f"{command} exited with {proc.returncode} before showing its window")
            if time.monotonic() - start > timeout:
                raise RuntimeError(f"{command} showed no window titled {window!r} within {timeout} s")
            time.sleep(0.01)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def bench_commands(commands: list[str], data: Path, runs: int, window: str | None) -> None:
    xvfb, display = start_xvfb()
    try:
        what = f"window titled {window!r} mapped" if window else "the command exits"
        print(
            f"process start → {what}; runs: {runs} (first run shown apart); load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
        )
        for command in commands:
            times = [time_command(command, data, display, window) for _ in range(runs + 1)]
            print(
                f"  {command}\n    first run {times[0]:.0f} ms; median of next {runs}: {statistics.median(times[1:]):.0f} ms"
            )
    finally:
        xvfb.terminate()
        xvfb.wait()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--typing", type=float, default=2.0, help="seconds the clerk takes to type the password (not timed)"
    )
    parser.add_argument("--command", action="append", help="time this command instead (repeatable)")
    parser.add_argument(
        "--window", default=None, help="with --command: wait for a window with this in its title"
    )
    args = parser.parse_args()
    data = build_data(args.items)
    if args.command:
        bench_commands(args.command, data, args.runs, args.window)
        return 0
    staff_code = STAFF.format(root=str(ROOT), data=str(data), typing=args.typing)
    time_child(BARE), time_child(staff_code)  # warm the OS file cache for both
    bare, signin, after_typing, total = [], [], [], []
    for _ in range(args.runs):
        bare.append(time_child(BARE)["SHOWN"])
        marks = time_child(staff_code)
        signin.append(marks["SIGNIN"])
        after_typing.append(marks["SHOWN"] - marks["TYPED"])
        total.append(marks["SIGNIN"] + marks["SHOWN"] - marks["TYPED"])
    mb = statistics.median(bare)
    print(f"catalogue items: {args.items}; runs: {args.runs}; typing time (not counted): {args.typing} s")
    print(f"bare PySide6 window shown:            median {mb:.0f} ms")
    print(f"Gongkai sign-in window shown:         median {statistics.median(signin):.0f} ms")
    print(f"sign-in pressed → staff window shown: median {statistics.median(after_typing):.0f} ms")
    print(f"total without the clerk's typing:     median {statistics.median(total):.0f} ms")
    print(f"ratio total / bare: {statistics.median(total) / mb:.2f}  (goal ≤ 2)")
    print(f"ratio first window / bare: {statistics.median(signin) / mb:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
