"""Benchmark of sync against the reference platform on loopback.

Responsibility: measure the three figures the sync issue sets goals for, over real HTTP and a real
platform process (``gongkai-server serve``, PostgreSQL when the distribution's server is installed,
else SQLite):

1. initial sync of a site holding 10,000 records (pushed, echoed back) while a 5,000-item catalogue
   release and a holiday year come down (goal ≤ 10 s);
2. a no-change sync (median of 7; goal ≤ 200 ms);
3. 160 sites syncing at once, each with a few new records (goal: no errors).

The catalogue applier here only opens the release with openpyxl and counts its rows: importing it
is the catalogue capability's job, timed by its own benchmark.

    .venv/bin/python bench/sync.py [--sites 160] [--records 10000] [--items 5000]
    .venv/bin/python bench/sync.py --many-pcs     # one site on many PCs (bench/many_pcs.py)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import openpyxl  # noqa: E402
from sqlalchemy.orm import sessionmaker  # noqa: E402

from app.clock import Clock  # noqa: E402
from app.context import AppContext  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from app.sync import wire  # noqa: E402
from app.sync.values import PulledRow  # noqa: E402
from server import admin  # noqa: E402
from server.store import init_db, make_engine  # noqa: E402
from tests.server.support import (  # noqa: E402
    PgCluster,
    event_payload,
    free_port,
    notice_payload,
    request_payload,
    write,
)


def _catalogue(path: Path, items: int) -> Path:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("标准目录")
    ws.append(["序号", "公开领域", "公开事项", "公开依据", "公开时限", "公开主体", "公开渠道"])
    for i in range(items):
        ws.append(
            [
                i + 1,
                "社会救助",
                f"最低生活保障对象名单（{i}）",
                "《社会救助暂行办法》",
                "20个工作日",
                "街道办事处",
                "政务公开专区",
            ]
        )
    wb.save(path)
    return path


def _site(root: Path, template: Path, code: str, url: str, token: str) -> AppContext:
    paths = DataPaths(root / code).ensure()
    shutil.copyfile(template, paths.database)
    ctx = AppContext.open(paths, clock=Clock())
    ctx.sites.ensure(code, f"{code} 街道")
    ctx.sync.configure(url, token)
    return ctx


def _fill(ctx: AppContext, n: int) -> None:
    makers = (notice_payload, event_payload, request_payload)
    entity = ("notice", "event", "request")
    for i in range(n):
        u = str(uuid.uuid4())
        write(ctx, entity[i % 3], makers[i % 3](u))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sites", type=int, default=160)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=5_000)
    parser.add_argument(
        "--many-pcs",
        action="store_true",
        help="instead: one site on many PCs (join of the five-year site; 4 PCs x 20 changes), bench/many_pcs.py",
    )
    args = parser.parse_args()

    work = Path(
        tempfile.mkdtemp(
            prefix="gongkai-bench-sync-", dir="/dev/shm" if os.access("/dev/shm", os.W_OK) else None
        )
    )
    pg: PgCluster | None = None
    try:
        pg = PgCluster().start()
        db_url = pg.url(pg.create_db())
        backend = "PostgreSQL"
    except (RuntimeError, subprocess.CalledProcessError, FileNotFoundError):
        pg = None
        db_url = f"sqlite:///{work / 'platform.sqlite'}"
        backend = "SQLite"
    engine = make_engine(db_url)
    init_db(engine)
    sessions = sessionmaker(engine)
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-m", "server.cli", "--db", db_url, "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.05)
        if args.many_pcs:
            from bench import many_pcs

            def new_site(code: str, name: str) -> str:
                return admin.add_site(sessions, code, name).token

            print(f"platform: {backend}, uvicorn on loopback; site data in {work}")
            many_pcs.join_five_year(work / "join", url, new_site)
            many_pcs.four_pcs(work / "four", url, new_site)
            return 0
        template_root = work / "template"
        AppContext.open(DataPaths(template_root)).close()
        template = DataPaths(template_root).database
        print(f"platform: {backend}, uvicorn on loopback; site data in {work}")

        # 1. initial sync
        t0 = time.perf_counter()
        release = admin.publish_catalogue(sessions, _catalogue(work / "标准目录.xlsx", args.items), "基准")
        holidays = ROOT / "resources" / "data" / "holidays" / "2026.json"
        admin.publish_holidays(sessions, holidays)
        publish_s = time.perf_counter() - t0
        token = admin.add_site(sessions, "BENCH-MAIN", "基准街道").token
        ctx = _site(work, template, "BENCH-MAIN", url, token)
        rows_seen: list[int] = []

        def count_rows(rows: list[PulledRow]) -> None:
            for row in rows:
                assert row.file is not None
                wb = openpyxl.load_workbook(row.file, read_only=True)
                rows_seen.append(sum(1 for _ in wb.active.iter_rows()) - 1)
                wb.close()

        ctx.sync.register_applier(wire.BUCKET_CATALOGUE, count_rows)
        t0 = time.perf_counter()
        _fill(ctx, args.records)
        fill_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        report = ctx.sync.run_once()
        initial_s = time.perf_counter() - t0
        assert report.ok, report.errors
        assert report.applied == args.records and rows_seen == [args.items], (report, rows_seen)
        print(f"release of {args.items} items published in {publish_s:.2f} s ({release['size'] // 1024} KiB)")
        print(f"{args.records} local changes written (outbox, one transaction each) in {fill_s:.2f} s")
        print(
            f"initial sync: {initial_s:.2f} s  (pushed {report.pushed}, pulled {report.pulled} rows incl. "
            f"the release and a holiday year)   goal <= 10 s"
        )

        # 2. no-change sync
        times = []
        for _ in range(7):
            t0 = time.perf_counter()
            r = ctx.sync.run_once()
            times.append(time.perf_counter() - t0)
            assert r.ok and r.pushed == 0 and r.pulled == 0
        print(
            f"no-change sync: median {statistics.median(times) * 1000:.0f} ms (min {min(times) * 1000:.0f})   goal <= 200 ms"
        )
        ctx.close()

        # 3. many sites at once
        contexts = []
        for i in range(args.sites):
            code = f"S{i:03d}-X"
            contexts.append(
                _site(work / "sites", template, code, url, admin.add_site(sessions, code, code).token)
            )
        for c in contexts:
            c.sync.register_applier(wire.BUCKET_CATALOGUE, lambda rows: None)
            _fill(c, 6)

        def one(c: AppContext) -> tuple[float, list[str]]:
            t = time.perf_counter()
            r = c.sync.run_once()
            return time.perf_counter() - t, r.errors

        t0 = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.sites) as pool:
            results = list(pool.map(one, contexts))
        wall = time.perf_counter() - t0
        errors = [e for _, errs in results for e in errs]
        durations = sorted(d for d, _ in results)
        p95 = durations[int(len(durations) * 0.95) - 1]
        print(
            f"{args.sites} sites at once (6 new records + the release each): wall {wall:.1f} s, "
            f"per site median {statistics.median(durations):.2f} s, p95 {p95:.2f} s, errors {len(errors)}   goal: 0 errors"
        )
        for e in errors[:5]:
            print("  error:", e)
        for c in contexts:
            c.close()
        return 0 if not errors else 1
    finally:
        server.terminate()
        server.wait(10)
        engine.dispose()
        if pg is not None:
            pg.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
