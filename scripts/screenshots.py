"""Grab offscreen screenshots of every staff-window page over a fresh demo site.

Usage: QT_QPA_PLATFORM=offscreen python scripts/screenshots.py OUTDIR [--user admin] [--lang en]
Used to look at the screens as a user would (see README, "Look at your work").
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app import bootstrap  # noqa: E402
from app.context import AppContext  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from ui.bus import DataBus  # noqa: E402
from ui.env import UiEnv  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.qtapp import create_application  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("outdir")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--size", default="1366x800")
    args = parser.parse_args()
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    paths = DataPaths(Path(tempfile.mkdtemp(prefix="gk-shots-")))
    ctx = AppContext.open(paths)
    bootstrap.initialise(ctx, demo=True, **bootstrap.DEMO_SITE)
    app = create_application(["shots"], language=args.lang)
    user = ctx.users.authenticate(args.user, bootstrap.DEMO_PASSWORD)
    tasks = TaskRunner()
    window = MainWindow(UiEnv(ctx, user, DataBus(), tasks))
    w, h = (int(x) for x in args.size.split("x"))
    window.resize(w, h)
    window.show()
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        for _ in range(3):  # let pages that load in the background finish before the shot
            app.processEvents()
            tasks.wait()
            app.processEvents()
        key = window.nav.item(row).data(256)
        target = out / f"{row:02d}-{key}.png"
        window.grab().save(str(target))
        print(target)
    tasks.wait()
    window.close()
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
