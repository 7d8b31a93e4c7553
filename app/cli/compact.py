"""``gongkai compact``: prune the outbox payloads the site will never send again, then VACUUM.

What is kept and why is in docs/ARCHITECTURE.md ("Compaction"). Housekeeping prunes every day in
the window; this command also gives the space back to the disk, so run it when the window is closed
(VACUUM needs the database to itself for a few seconds).
"""

from __future__ import annotations

import argparse
import sqlite3

from app import housekeeping
from app.cli.common import CliEnv, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("compact", help="压缩数据库：清理已送达平台的旧同步内容并回收空间")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(handler=cmd_compact)


def cmd_compact(env: CliEnv) -> int:
    ctx = env.context()
    path = ctx.paths.database
    before = path.stat().st_size
    report = housekeeping.run(ctx)
    ctx.engine.dispose()  # VACUUM needs the file to itself: no pooled connection of ours may hold it
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("PRAGMA busy_timeout = 5000")
        con.execute("VACUUM")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    after = path.stat().st_size
    if env.args.json:
        print_json(
            {
                "before_bytes": before,
                "after_bytes": after,
                "pruned_payloads": report.pruned_payloads,
                "expired_notices": report.expired_notices,
            }
        )
    else:
        print(
            f"已清理 {report.pruned_payloads} 条已送达平台的旧同步内容；"
            f"数据库 {before / 1e6:.1f} MB → {after / 1e6:.1f} MB"
        )
    return 0
