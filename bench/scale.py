"""The staff window at scale: every interaction of issue 16 on the five-year site next to the demo site.

For each site (each in a fresh Python process, so both pay the same imports) the real window is
built offscreen, signed in as ``--user`` (default ``admin``, who holds the admin and clerk roles), and
driven through the interactions below. Each is measured as

- **wall**: from the action until the window is idle again (no background task running, nothing
  queued) and the page shows what it loads;
- **first rows**: until the page's main table first holds rows (pages that load in the background
  show them before they are idle);
- **blocked**: lateness of a 10 ms ``QTimer`` on the GUI thread during the interaction (max, and the
  total of all lateness): how long the window could not answer a click or repaint;
- **queries**: SQL statements executed (any thread), counted by a SQLAlchemy engine event listener.

Dialogs a page opens (error messages, the crash dialog) are recorded, answered and closed so the
run never waits for a person; they are listed under the table, since a dialog the clerk did not
ask for is a finding. The CLI commands are timed as separate processes (median of 3, after an untimed run, with
bytecode written as an installed program has it).

Usage:
    QT_QPA_PLATFORM=offscreen python -m bench.scale [--user admin] [--json out.json] [--sites demo,five_year]

To find a cause: ``GK_TRACE_BLOCKS=1`` samples what the GUI thread (and the others) run while the
window is late and lists the garbage collector's pauses; ``GK_PROFILE="open 标准目录"`` prints a
cProfile of the GUI thread during that one interaction.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOAL_BLOCK_MS = 100
GOAL_FIRST_ROWS_MS = 300
GOAL_CLI_S = 1.5


@dataclass
class Measure:
    name: str
    wall_ms: float = 0.0
    first_ms: float | None = None
    block_max_ms: float = 0.0
    block_total_ms: float = 0.0
    queries: int = 0
    note: str = ""


@dataclass
class SiteRun:
    site: str
    measures: list[Measure] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    cli: dict[str, float] = field(default_factory=dict)
    loadavg: list[str] = field(default_factory=list)
    db_mb: float = 0.0


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


class BlockWatch(threading.Thread):
    """``GK_TRACE_BLOCKS=1``: while the GUI thread's 10 ms timer is late by over 15 ms, sample what
    the GUI thread is running every ``STEP`` seconds (the innermost frames of this project), to find
    what blocks the window. It also records the garbage collector's pauses over 5 ms: a collection
    holds the GIL, so no thread (this one included) can be sampled while it runs."""

    STEP = 0.005

    def __init__(self, last: list[float]) -> None:
        super().__init__(daemon=True)
        self.last = last
        self.main = threading.main_thread().ident
        self.samples: dict[str, int] = {}
        self.others: dict[str, int] = {}
        self.collections: list[str] = []
        self._collecting = 0.0
        self.running = True
        gc.callbacks.append(self._on_gc)
        self.start()

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._collecting = time.perf_counter()
            return
        took = time.perf_counter() - self._collecting
        if took > 0.005:
            self.collections.append(
                f"generation {info['generation']} on {threading.current_thread().name}: {took * 1000:.0f} ms"
            )

    def run(self) -> None:
        import traceback

        while self.running:
            time.sleep(self.STEP)
            if time.perf_counter() - self.last[0] < 0.025:
                continue
            frame = sys._current_frames().get(self.main or 0)
            if frame is None:
                continue
            stack = traceback.extract_stack(frame)
            ours = [f for f in stack if str(ROOT) in f.filename and "/bench/" not in f.filename]
            key = " < ".join(
                f"{Path(f.filename).relative_to(ROOT)}:{f.lineno} {f.name}" for f in reversed(ours[-3:])
            ) or f"{Path(stack[-1].filename).name}:{stack[-1].lineno} {stack[-1].name}"
            self.samples[key] = self.samples.get(key, 0) + 1
            # What the other threads run meanwhile (a C call holding the GIL blocks the window too).
            for ident, other in sys._current_frames().items():
                if ident in (self.main, threading.get_ident()):
                    continue
                inner = traceback.extract_stack(other)[-2:]
                if inner and inner[-1].name not in ("wait", "_wait_for_tstate_lock", "select", "sleep"):
                    where = " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(inner))
                    self.others[where] = self.others.get(where, 0) + 1

    def stop(self) -> None:
        self.running = False
        gc.callbacks.remove(self._on_gc)
        self.join()

    def top(self, n: int) -> list[tuple[str, int]]:
        return sorted(self.samples.items(), key=lambda kv: -kv[1])[:n]


# -- one site, in this process ---------------------------------------------------------------------------


def run_site(site: str, user_name: str) -> SiteRun:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QDialog, QMessageBox
    from sqlalchemy import event

    from app import bootstrap
    from app.context import AppContext
    from app.paths import DataPaths
    from ui.bus import DataBus
    from ui.env import UiEnv
    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner

    run = SiteRun(site, loadavg=[loadavg()])
    work = Path(
        tempfile.mkdtemp(
            prefix=f"gk-scale-{site}-", dir="/dev/shm" if os.access("/dev/shm", os.W_OK) else None
        )
    )
    if site == "demo":
        paths = DataPaths(work / "data").ensure()
        ctx = AppContext.open(paths)
        bootstrap.initialise(ctx, demo=True, **bootstrap.DEMO_SITE)
        ctx.close()
    else:
        from bench.five_year import five_year_site

        paths = five_year_site(work / "data")
    run.db_mb = paths.database.stat().st_size / 1e6
    from ui.qtapp import create_application

    # The application as the program makes it (fonts, style, translators, the GIL switch interval).
    holder: dict[str, Any] = {"app": create_application(sys.argv[:1])}

    # Dialogs are answered at once and recorded (an unasked-for dialog is a finding).
    def record(kind: str) -> Callable[..., Any]:
        def answer(*args: Any, **kwargs: Any) -> Any:
            text = " ".join(str(a) for a in args[1:3] if isinstance(a, str))
            run.dialogs.append(f"{kind}: {text[:200]}")
            return QMessageBox.StandardButton.Yes

        return answer

    QMessageBox.warning = record("warning")  # type: ignore[method-assign]
    QMessageBox.critical = record("critical")  # type: ignore[method-assign]
    QMessageBox.information = record("information")  # type: ignore[method-assign]
    QMessageBox.question = record("question")  # type: ignore[method-assign]

    def dialog_exec(self: QDialog) -> int:
        text = ""
        details = getattr(self, "details", None)
        if details is not None and hasattr(details, "toPlainText"):
            text = details.toPlainText().strip().splitlines()[-1] if details.toPlainText().strip() else ""
        run.dialogs.append(f"{type(self).__name__}: {self.windowTitle()} {text[:200]}")
        return 0

    QDialog.exec = dialog_exec  # type: ignore[method-assign]

    ctx = AppContext.open(paths)
    count = [0]
    lock = threading.Lock()

    def on_query(*_args: Any) -> None:
        with lock:
            count[0] += 1

    ctx.warm_up()
    import app as app_package

    if (Path(app_package.__file__).parent / "housekeeping.py").exists():
        # Steady state: yesterday's housekeeping (expiry, outbox compaction) has run (not timed).
        # Code from before the operations layer has no such step: its reads wrote instead.
        from app import housekeeping

        t0 = time.perf_counter()
        done = housekeeping.run(ctx)
        print(
            f"  {site:9s} housekeeping before the run: {done} in {time.perf_counter() - t0:.1f} s",
            file=sys.stderr,
        )
    event.listen(ctx.engine, "before_cursor_execute", on_query)
    user = ctx.users.authenticate(user_name, bootstrap.DEMO_PASSWORD)
    env = UiEnv(ctx, user, DataBus(), TaskRunner())

    def measure(
        name: str,
        action: Callable[[], None],
        ready: Callable[[], bool] | None = None,
        timeout: float = 120,
        quiet: float = 0.05,
    ) -> Measure:
        """Time ``action`` until nothing runs for ``quiet`` seconds (longer for typing: a search
        waits for the keystrokes to pause before it asks, and that wait is part of the answer)."""
        m = Measure(name)
        lateness: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            late = now - last[0] - 0.010
            last[0] = now
            if late > 0.001:
                lateness.append(late)

        watch = BlockWatch(last) if os.environ.get("GK_TRACE_BLOCKS") else None
        profile = None
        if os.environ.get("GK_PROFILE") == name:
            import cProfile

            profile = cProfile.Profile()  # the GUI thread only: what the window itself runs
            profile.enable()
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(10)
        timer.timeout.connect(tick)
        with lock:
            count[0] = 0
        timer.start()
        t0 = time.perf_counter()
        last[0] = t0
        action()
        loop = QEventLoop()
        quiet_since = [0.0]

        def check() -> None:
            now = time.perf_counter()
            if m.first_ms is None and ready is not None and ready():
                m.first_ms = (now - t0) * 1000
            busy = env.tasks.busy or (ready is not None and not ready())
            if busy:
                quiet_since[0] = 0.0
            elif not quiet_since[0]:
                quiet_since[0] = now
            elif now - quiet_since[0] > quiet:
                m.wall_ms = (quiet_since[0] - t0) * 1000
                loop.quit()
            if now - t0 > timeout:
                m.wall_ms = (now - t0) * 1000
                m.note = "timed out"
                loop.quit()

        poll = QTimer()
        poll.setInterval(5)
        poll.timeout.connect(check)
        poll.start()
        loop.exec()
        poll.stop()
        timer.stop()
        if profile is not None:
            import pstats

            profile.disable()
            pstats.Stats(profile, stream=sys.stderr).sort_stats("tottime").print_stats(25)
        if watch is not None:
            watch.stop()
            for where, n in watch.top(6):
                print(f"      blocked in ({n * BlockWatch.STEP * 1000:.0f} ms): {where}", file=sys.stderr)
            for where, n in sorted(watch.others.items(), key=lambda kv: -kv[1])[:4]:
                print(f"        meanwhile ({n * BlockWatch.STEP * 1000:.0f} ms): {where}", file=sys.stderr)
            for collection in watch.collections:
                print(f"      garbage collection, {collection}", file=sys.stderr)
        with lock:
            m.queries = count[0]
        m.block_max_ms = max(lateness, default=0.0) * 1000
        m.block_total_ms = sum(lateness) * 1000
        if m.first_ms is None and ready is None:
            m.first_ms = m.wall_ms
        run.measures.append(m)
        print(
            f"  {site:9s} {name:34s} {m.wall_ms:9.0f} ms  block max {m.block_max_ms:7.0f}  queries {m.queries}",
            file=sys.stderr,
        )
        return m

    def rows(model_of: Callable[[], Any]) -> Callable[[], bool]:
        def ok() -> bool:
            try:
                model = model_of()
                return model is not None and model.rowCount() > 0
            except (AttributeError, KeyError, RuntimeError):
                return False

        return ok

    def type_text(page: str, line_edit: Any, text: str) -> None:
        """A clerk typing: each character is committed (an input method commits 低, then 保)."""
        for i, ch in enumerate(text):
            measure(f"{page}: type “{text[: i + 1]}”", lambda ch=ch: line_edit.insert(ch), quiet=0.4)

    def built(key: str) -> Any:
        return holder["window"]._built.get(key)

    # 1. the window with its first page (今日工作), after what the real program does while the clerk
    # types the password (ui/launcher.py): the sign-in dialog is on screen (its first paint loads
    # the Chinese fonts) and the warm-up thread builds the services and imports the first page.
    from ui.dialogs.sign_in import SignInDialog
    from ui.launcher import start_warm_up, tidy_memory

    sign_in = SignInDialog(ctx.users, "", preselect=user_name)
    sign_in.show()
    start_warm_up(ctx).join()
    for _ in range(5):
        holder["app"].processEvents()
        time.sleep(0.02)
    sign_in.close()
    sign_in.deleteLater()
    holder["app"].processEvents()

    def start() -> None:
        holder["window"] = MainWindow(env)
        tidy_memory(holder["window"])  # the garbage collector's policy, as the launcher sets it
        holder["window"].show()

    measure("start window (今日工作)", start, rows(lambda: built("today").model))
    # The window loads the other pages' code in the background while the clerk reads Today
    # (ui.pages.preload); a clerk reads for longer than that takes, so the next page is opened after.
    window = holder["window"]
    t0 = time.perf_counter()
    while getattr(window, "preloader", None) is None or window.preloader.is_alive():
        if not hasattr(window, "preloader") or time.perf_counter() - t0 > 30:
            break  # code from before the preloader, or it never started
        holder["app"].processEvents()
        time.sleep(0.01)
    else:
        print(f"  {site:9s} pages preloaded in the background after {time.perf_counter() - t0:.1f} s", file=sys.stderr)

    def open_page(key: str) -> Callable[[], None]:
        return lambda: holder["window"].open_page(key)

    # 2. notices
    measure("open 公示公告", open_page("notices"), rows(lambda: built("notices").model))
    notices = built("notices")
    measure("notices: select a row", lambda: notices.view.selectRow(0))
    measure(
        "notices: select another row",
        lambda: notices.view.selectRow(min(3, notices.view.model().rowCount() - 1)),
    )
    type_text("notices", notices.search, "低保")
    measure("notices: clear the search", lambda: notices.search.clear(), quiet=0.4)

    def preview() -> None:
        from ui.notices.preview import PdfPreviewDialog

        n = notices.selected()
        if n is None:
            return
        dialog = PdfPreviewDialog(env, n, notices)
        dialog.show()
        holder["preview"] = dialog

    notices.view.selectRow(0)
    measure("notices: open preview", preview)
    if holder.get("preview") is not None:
        holder["preview"].close()
    boards_tab = notices.tabs.widget(1)
    measure("notices: board register tab", lambda: notices.tabs.setCurrentWidget(boards_tab))
    notices.tabs.setCurrentIndex(0)

    # 3. requests
    measure("open 依申请公开", open_page("requests"), rows(lambda: built("requests").model))
    requests = built("requests")
    measure("requests: select a row", lambda: requests.view.selectRow(0))
    measure(
        "requests: select another row",
        lambda: requests.view.selectRow(min(3, requests.view.model().rowCount() - 1)),
    )
    type_text("requests", requests.search, "补贴")
    requests.search.clear()

    # 4. catalogue, calendar, sync, settings
    measure("open 标准目录", open_page("catalogue"), rows(lambda: built("catalogue").model))
    catalogue = built("catalogue")
    search = getattr(catalogue, "search", None)
    if search is not None:
        type_text("catalogue", search, "低保")
        search.clear()
    measure("open 活动日历", open_page("calendar"))
    calendar = built("calendar")
    measure("calendar: next month", lambda: calendar.next_button.click())
    measure("calendar: next month again", lambda: calendar.next_button.click())
    measure("open 同步", open_page("sync"))
    # Settings: its first rows are the staff list (the devices box may wait for the platform).
    measure("open 设置", open_page("settings"), rows(lambda: built("settings").user_model))

    # 5. switching between pages already built
    for key, title in (
        ("today", "今日工作"),
        ("notices", "公示公告"),
        ("requests", "依申请公开"),
        ("catalogue", "标准目录"),
        ("calendar", "活动日历"),
    ):
        measure(f"switch to {title}", open_page(key))

    holder["window"].close()
    env.tasks.wait(30000)
    run.loadavg.append(loadavg())
    ctx.close()

    # 6. the command line. An installed program has its bytecode compiled (pip compiles on install,
    # the PyInstaller bundle ships it); a development shell with PYTHONDONTWRITEBYTECODE recompiled
    # every module of the project on every run (0.3 s), so, as bench/startup.py does, the variable
    # is dropped and each command runs once untimed first.
    gongkai = [sys.executable, "-m", "app", "--data-dir", str(paths.root)]
    cli_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for label, argv in (
        ("today --json", ["today", "--json"]),
        ("notice list --json", ["notice", "list", "--json"]),
        ("request list --json", ["request", "list", "--json"]),
    ):
        times = []
        for attempt in range(4):
            t0 = time.perf_counter()
            subprocess.run(
                [*gongkai, *argv],
                cwd=ROOT,
                env=cli_env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
            if attempt:
                times.append(time.perf_counter() - t0)
        run.cli[label] = statistics.median(times)
    run.loadavg.append(loadavg())
    return run


# -- the report ------------------------------------------------------------------------------------------


def report(runs: dict[str, SiteRun]) -> str:
    demo, big = runs.get("demo"), runs.get("five_year")
    names = [m.name for m in (big or demo).measures]  # type: ignore[union-attr]

    def find(r: SiteRun | None, name: str) -> Measure | None:
        return next((m for m in r.measures if m.name == name), None) if r else None

    lines = [
        "| interaction | demo | five years: wall (queries) | first rows | GUI blocked max / total |",
        "|---|---:|---:|---:|---:|",
    ]
    worst_block, worst_first = 0.0, 0.0
    for name in names:
        d, b = find(demo, name), find(big, name)
        dtext = f"{d.wall_ms:,.0f} ms" if d else "—"
        if b:
            worst_block = max(worst_block, b.block_max_ms)
            if name.startswith(("open ", "start ")) and b.first_ms is not None:
                worst_first = max(worst_first, b.first_ms)
            first = f"{b.first_ms:,.0f} ms" if b.first_ms is not None else "—"
            btext = f"{b.wall_ms:,.0f} ms ({b.queries:,})" + (f" {b.note}" if b.note else "")
            lines.append(
                f"| {name} | {dtext} | {btext} | {first} | {b.block_max_ms:,.0f} / {b.block_total_ms:,.0f} ms |"
            )
        else:
            lines.append(f"| {name} | {dtext} | — | — | — |")
    for label in ("today --json", "notice list --json", "request list --json"):
        dv = f"{demo.cli[label]:.2f} s" if demo and label in demo.cli else "—"
        bv = f"{big.cli[label]:.2f} s" if big and label in big.cli else "—"
        lines.append(f"| `gongkai {label}` | {dv} | {bv} | | |")
    out = "\n".join(lines)
    for site, r in runs.items():
        out += f"\n\n{site}: database {r.db_mb:.0f} MB; load average (1/5/15 min) at start, after the window, after the CLI: {' | '.join(r.loadavg)}"
        if r.dialogs:
            out += f"\n  dialogs shown ({len(r.dialogs)}):" + "".join(f"\n  - {d}" for d in r.dialogs[:12])
    if big:
        cli_worst = max(big.cli.values(), default=0.0)
        out += (
            f"\n\nGoals on the five-year site: GUI-thread block ≤ {GOAL_BLOCK_MS} ms (worst {worst_block:,.0f} ms); "
            f"first rows of a page ≤ {GOAL_FIRST_ROWS_MS} ms (worst {worst_first:,.0f} ms); "
            f"CLI ≤ {GOAL_CLI_S} s (worst {cli_worst:.2f} s)"
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--user", default="admin")
    parser.add_argument("--sites", default="demo,five_year")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one site in this process
    args = parser.parse_args()
    if args.one:
        result = run_site(args.one, args.user)
        print(json.dumps(asdict(result), ensure_ascii=False))
        return 0
    runs: dict[str, SiteRun] = {}
    for site in args.sites.split(","):
        if site == "five_year":
            from bench.five_year import cached_site

            cached_site()  # build outside the timed process if needed
        proc = subprocess.run(
            [sys.executable, "-m", "bench.scale", "--one", site, "--user", args.user],
            cwd=ROOT,
            env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")},
            stdout=subprocess.PIPE,
            text=True,
            check=True,
        )
        data = json.loads(proc.stdout.strip().splitlines()[-1])
        data["measures"] = [Measure(**m) for m in data["measures"]]
        runs[site] = SiteRun(**data)
    text = report(runs)
    print(text)
    if args.json:
        args.json.write_text(
            json.dumps({k: asdict(v) for k, v in runs.items()}, ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
