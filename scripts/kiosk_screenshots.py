"""Grab offscreen screenshots of every kiosk page over a fresh demo site, in both orientations.

Usage: QT_QPA_PLATFORM=offscreen python scripts/kiosk_screenshots.py OUTDIR [--data-dir DIR]
Each page is saved at 1920×1080 and 1080×1920, in the standard, 长辈 (large) and high-contrast modes.
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
from app.kiosk import DataVersionWatcher, KioskService  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from ui.kiosk.immortal import make_singletons_immortal  # noqa: E402
from ui.kiosk.window import KioskWindow  # noqa: E402
from ui.qtapp import create_application  # noqa: E402

MODES = {"std": (False, False), "large": (True, False), "hc": (False, True), "large-hc": (True, True)}


def first(values: tuple[object, ...]) -> str:
    return str(getattr(values[0], "uuid", getattr(values[0], "code", ""))) if values else ""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("outdir")
    parser.add_argument("--data-dir")
    parser.add_argument("--modes", default="std,large,hc")
    args = parser.parse_args()
    make_singletons_immortal()
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    paths = DataPaths(Path(args.data_dir or tempfile.mkdtemp(prefix="gk-kiosk-shots-")))
    if not paths.database.exists():
        writable = AppContext.open(paths)
        bootstrap.initialise(writable, demo=True, **bootstrap.DEMO_SITE)
        writable.close()
    ctx = AppContext.open(paths, readonly=True)
    app = create_application(["shots"])
    service = KioskService(ctx)
    domains = service.domains()
    targets = [
        ("home", ""),
        ("browse", ""),
        ("items", first(domains)),
        ("item", first(service.items(domains[0].code)) if domains else ""),
        ("search", ""),
        ("notices", ""),
        ("notice", first(service.notices())),
        ("events", ""),
        ("event", first(service.events())),
    ]
    for orientation, (w, h) in (("landscape", (1920, 1080)), ("portrait", (1080, 1920))):
        for mode in args.modes.split(","):
            large, hc = MODES[mode]
            window = KioskWindow(
                service, DataVersionWatcher(ctx.engine), portrait=h > w, large=large, high_contrast=hc
            )
            window.resize(w, h)
            window.show()
            for key, arg in targets:
                window.open(key, arg, root=True)
                if key == "search":
                    for letter in "DB":
                        window.search.press(letter)
                for _ in range(3):
                    app.processEvents()
                target = out / f"{orientation}-{mode}-{key}.png"
                window.grab().save(str(target))
                print(target)
                if key == "search":
                    window.search.show_domains()
                    app.processEvents()
                    target = out / f"{orientation}-{mode}-search-domains.png"
                    window.grab().save(str(target))
                    print(target)
            window.shutdown()
            window.deleteLater()
            app.processEvents()
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
