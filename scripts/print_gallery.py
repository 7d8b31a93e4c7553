"""Render every printout the app makes, over a fresh demo site, to PDF and PNG for looking at.

Usage: python scripts/print_gallery.py OUTDIR [--dpi 60]

Writes OUTDIR/<printout>.pdf and OUTDIR/<printout>-<page>.png (pdftoppm) for: the notices of the demo
(the three-household 低保 notice among them), a rare-character roster, the event poster (A4 and A3),
a notice poster, the sign-in sheet, the adoption report, the receipt, every request letter the demo
has, the due-date sheet, the annual report, the monthly self-assessment, the catalogue (A4 and A3)
and the Today task sheet. Used to compare a branch's printouts with GB/T 9704 before and after a
change (see docs/printing.md).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app import bootstrap  # noqa: E402
from app.context import AppContext  # noqa: E402
from app.paths import DataPaths  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("outdir")
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args()
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    ctx = AppContext.open(DataPaths(Path(tempfile.mkdtemp(prefix="gk-gallery-"))))
    bootstrap.initialise(ctx, demo=True, **bootstrap.DEMO_SITE)
    made: list[tuple[str, Callable[[], bytes]]] = []

    for n in ctx.notices.list():
        key = {"dibao": "notice-dibao", "land_pre": "notice-land"}.get(n.template, f"notice-{n.template}")
        made.append((key, lambda u=n.uuid: ctx.notices.pdf(u)))
        poster = getattr(ctx.notices, "poster_pdf", None)
        if poster is not None and n.template == "dibao":
            made.append(("poster-notice", lambda u=n.uuid, p=poster: p(u)))
    events = ctx.events.all()
    if events:
        first = events[0]
        made.append(("poster-event", lambda: ctx.events.poster_pdf(first.uuid)))
        if "size" in ctx.events.poster_pdf.__code__.co_varnames:
            made.append(("poster-event-a3", lambda: ctx.events.poster_pdf(first.uuid, size="A3")))
        series = next((e for e in events if e.rrule), None)
        if series is not None and series is not first:
            made.append(("poster-series", lambda: ctx.events.poster_pdf(series.uuid)))
        made.append(("signin", lambda: ctx.events.sign_in_sheet_pdf(first.uuid)))
        for ev in events:
            if ev.status == "closed":
                made.append(("adoption", lambda u=ev.uuid: ctx.events.adoption_report_pdf(u)))
                break
    letters_done: set[str] = set()
    requests = ctx.requests.list()
    if requests:
        made.append(("receipt", lambda: ctx.requests.receipt_pdf(requests[0].uuid)))
        made.append(("due-date", lambda: ctx.requests.explain_pdf(requests[0].uuid)))
    for r in requests:
        for kind in ctx.requests.letters_available(r.uuid):
            if kind not in letters_done:
                letters_done.add(kind)
                made.append((f"letter-{kind}", lambda u=r.uuid, k=kind: ctx.requests.letter_pdf(u, k)))
    year = ctx.clock.today().year

    def annual() -> bytes:
        path = out / "annual.pdf"
        ctx.requests.export_annual(year, path)
        return path.read_bytes()

    made.append(("annual", annual))

    def assessment() -> bytes:
        from app.today.assessment.export import score_sheet_pdf
        from app.today.assessment.period import Month

        month = Month.of(ctx.clock.today())
        svc = ctx.today.assessment
        return score_sheet_pdf(svc.score_sheet(month), svc.trend(month, 6))

    made.append(("assessment", assessment))
    made.append(("catalogue-a4", lambda: ctx.catalogue.pdf(size="A4", domain="社会救助")))
    made.append(("catalogue-a3", lambda: ctx.catalogue.pdf(size="A3", domain="社会救助")))
    made.append(("today", lambda: ctx.today.task_sheet_pdf(None)))

    for name, fn in made:
        try:
            pdf = fn()
        except Exception as exc:  # noqa: BLE001  (one failing printout must not hide the others)
            print(f"{name}: FAILED {type(exc).__name__}: {exc}")
            continue
        path = out / f"{name}.pdf"
        for old in out.glob(f"{name}-*.png"):
            old.unlink()
        path.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", str(args.dpi), str(path), str(out / name)], check=True)
        print(f"{name}: {path}")
    ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
