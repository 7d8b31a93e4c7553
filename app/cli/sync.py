"""``gongkai sync``: one full round with the city platform, or its status."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.common import CliEnv, print_json
from app.clock import local
from app.errors import GongkaiError
from app.sync.values import SyncReport, SyncStatus


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "sync",
        help="与市级平台同步一次（推送本机变更，接收目录、节假日等）",
        description="与市级平台同步一次。首次使用时给出 --server 和 --token，之后会记住。",
    )
    p.add_argument("--server", help="市级平台地址，如 https://gk.example.gov.cn")
    p.add_argument("--token", help="本站点的设备令牌（由市级平台发放）")
    p.add_argument("--status", action="store_true", help="只显示同步状态，不联网")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(handler=cmd_sync)


def cmd_sync(env: CliEnv) -> int:
    a = env.args
    ctx = env.context()
    if a.server or a.token:
        if not (a.server and a.token):
            raise GongkaiError("--server 和 --token 需要一起给出（之后同步会记住它们）")
        ctx.sync.configure(a.server, a.token, actor="cli")
    if a.status:
        status = ctx.sync.status()
        if a.json:
            print_json(status_json(status))
        else:
            print_status(status)
        return 0
    report = ctx.sync.run_once()
    if a.json:
        print_json(report_json(report))
    else:
        print_report(report)
    if not report.ok:
        raise GongkaiError("同步未完成：" + "；".join(report.errors))
    return 0


def _when(value: Any) -> str:
    return local(value).strftime("%Y-%m-%d %H:%M") if value else "从未"


def status_json(s: SyncStatus) -> dict[str, Any]:
    return {
        "configured": s.configured,
        "server_url": s.server_url,
        "last_good_sync": s.last_good_sync.isoformat() if s.last_good_sync else None,
        "last_attempt": s.last_attempt.isoformat() if s.last_attempt else None,
        "queued": s.queued,
        "oldest_queued_age_seconds": s.oldest_queued_age_seconds,
        "conflicts": s.conflicts,
        "rejected": s.rejected,
        "errors": s.errors,
        "clock_offset_seconds": s.clock_offset_seconds,
        "device_id": s.device_id,
        "device_kind": s.device_kind,
    }


def print_status(s: SyncStatus) -> None:
    print(f"市级平台：{s.server_url or '未配置'}")
    print(f"上次成功同步：{_when(s.last_good_sync)}")
    age = ""
    if s.oldest_queued_age_seconds is not None:
        age = f"（最早一条已等待 {int(s.oldest_queued_age_seconds // 3600)} 小时）"
    print(f"待同步变更：{s.queued} 条{age}")
    print(f"待处理冲突：{s.conflicts} 条；平台拒收：{s.rejected} 条")
    for e in s.errors:
        print(f"问题：{e}")


def report_json(r: SyncReport) -> dict[str, Any]:
    return {
        "ok": r.ok,
        "pushed": r.pushed,
        "applied": r.applied,
        "duplicates": r.duplicates,
        "rejected": r.rejected,
        "conflicts": r.conflicts,
        "pulled": r.pulled,
        "repaired": r.repaired,
        "epoch_reset": r.epoch_reset,
        "requeued": r.requeued,
        "replicated": r.replicated,
        "errors": r.errors,
        "seconds": round((r.finished_at - r.started_at).total_seconds(), 3),
    }


def print_report(r: SyncReport) -> None:
    print(
        f"推送 {r.pushed} 条（平台接收 {r.applied}，重复 {r.duplicates}，拒收 {r.rejected}，冲突 {r.conflicts}）；"
        f"接收 {r.pulled} 条"
    )
    if r.replicated:
        print(f"本站点其他电脑的记录：已在本机应用 {r.replicated} 条")
    if r.epoch_reset:
        print(f"平台已从备份恢复：已重新核对，并补传 {r.requeued} 条")
    if r.repaired:
        print("已按平台核对修复：" + "、".join(r.repaired))
    if r.ok:
        print("同步完成。")
