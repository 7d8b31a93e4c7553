"""Benchmark of one site on many PCs (``bench/sync.py --many-pcs``): the two figures of the many-PCs
issue, over real HTTP against the platform process ``bench/sync.py`` started.

1. **Join of a five-year site** (bench/five_year.py: 3,000 notices, 1,500 requests, 500 events): the
   site's PC enrols with the platform, makes the site key and shares every record sealed (timed,
   for information); then ``app.sync.join.join`` on an empty data directory with an invitation —
   goal under 60 s. What the joined PC holds is counted against the original.
2. **Steady state, 4 PCs of one site**: a demo site and three joined PCs; each PC makes 20 changes
   (notices from docs/examples/notice-dibao.json, each with its roster); then each PC syncs once
   (push its 20, pull the others'), and once more. Goal: under 1 s per PC per round.
"""

from __future__ import annotations

import dataclasses
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from app import bootstrap
from app.context import AppContext
from app.notices.draft_file import read_draft
from app.paths import DataPaths
from app.sync.join import join
from db.models import Event, InfoRequest, Notice

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "notice-dibao.json"


def _counts(ctx: AppContext) -> dict[str, int]:
    with ctx.session_factory() as s:
        return {
            "notices": s.scalar(select(func.count()).select_from(Notice)) or 0,
            "requests": s.scalar(select(func.count()).select_from(InfoRequest)) or 0,
            "events": s.scalar(select(func.count()).select_from(Event)) or 0,
        }


def _until_quiet(ctx: AppContext, rounds: int = 20) -> tuple[int, int]:
    pushed = pulled = 0
    for _ in range(rounds):
        report = ctx.sync.run_once()
        assert report.ok, report.errors
        pushed += report.pushed
        pulled += report.pulled
        if report.pushed == 0 and report.pulled == 0:
            break
    return pushed, pulled


def _admin(ctx: AppContext) -> object:
    users = [u for u in ctx.users.list() if "admin" in {r.value for r in u.roles}]
    assert users, "the site has no administrator"
    return users[0]


def join_five_year(work: Path, url: str, add_site: Callable[[str, str], str]) -> None:
    from bench.five_year import five_year_site

    paths = five_year_site(work / "five-year")
    first = AppContext.open(paths)
    try:
        site = first.sites.get()
        code = site.code if site is not None else "FIVE-YEAR"
        token = add_site(code, "五年站点")
        first.sync.configure(url, token, actor="admin")
        t0 = time.perf_counter()
        pushed, pulled = _until_quiet(first)
        share_s = time.perf_counter() - t0
        print(f"five-year site onto a new platform: {share_s:.1f} s (pushed {pushed}, pulled {pulled})")
        code_text = first.devices.invite(_admin(first)).code  # type: ignore[arg-type]
        want = _counts(first)
    finally:
        first.close()
    target = DataPaths(work / "joined")
    target.root.mkdir(parents=True)
    t0 = time.perf_counter()
    joined = join(target, url, code_text)
    join_s = time.perf_counter() - t0
    ctx = AppContext.open(target)
    try:
        got = _counts(ctx)
    finally:
        ctx.close()
    print(
        f"join of the five-year site: {join_s:.1f} s, {joined.received:,} rows received   goal < 60 s\n"
        f"  original {want}  joined {got}"
    )


def four_pcs(work: Path, url: str, add_site: Callable[[str, str], str], changes: int = 20) -> None:
    paths = DataPaths(work / "pc-a").ensure()
    a = AppContext.open(paths)
    site = {**bootstrap.DEMO_SITE, "code": "370112-4PC"}  # the five-year site is 370112-TW
    bootstrap.initialise(a, demo=True, **site)
    a.sync.configure(url, add_site(str(site["code"]), "演示站点"), actor="admin")
    _until_quiet(a)
    pcs = [a]
    for n in "bcd":
        code = a.devices.invite(_admin(a)).code  # type: ignore[arg-type]
        target = DataPaths(work / f"pc-{n}")
        target.root.mkdir(parents=True)
        join(target, url, code)
        pcs.append(AppContext.open(target))
    try:
        for pc in pcs:
            _until_quiet(pc)
        clerks = {id(pc): pc.users.get("clerk") for pc in pcs}
        for round_no in (1, 2):
            for i, pc in enumerate(pcs):
                draft = read_draft(EXAMPLE, pc.notices.boards())
                for j in range(changes):
                    pc.notices.create(
                        dataclasses.replace(draft, title=f"第{round_no}轮 PC{i} 公示 {j}"),
                        actor=clerks[id(pc)],  # type: ignore[arg-type]
                    )
            times: list[float] = []
            for _ in range(2):  # push own + pull what the PCs before pushed; then the rest
                for pc in pcs:
                    t0 = time.perf_counter()
                    report = pc.sync.run_once()
                    times.append(time.perf_counter() - t0)
                    assert report.ok, report.errors
            counts = {_counts(pc)["notices"] for pc in pcs}
            print(
                f"4 PCs x {changes} changes, round {round_no}: per PC round median "
                f"{statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms   goal < 1 s; "
                f"notices on each PC: {sorted(counts)}"
            )
    finally:
        for pc in pcs:
            pc.close()
        shutil.rmtree(work / "pc-a", ignore_errors=True)
