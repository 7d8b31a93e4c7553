"""``gongkai device invite|list|revoke`` and ``gongkai join``: the PCs of a site (docs/sync-devices.md)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.common import CliEnv, print_json, print_table
from app.clock import local
from app.sync.devices import DeviceInfo


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("device", help="本站点的电脑：邀请、列出、撤销")
    dev = p.add_subparsers(dest="device_command", required=True, metavar="操作")
    s = dev.add_parser(
        "invite",
        help="为另一台电脑生成一次性邀请码（24 小时内有效，只能使用一次；输出的最后一个词是邀请码）",
    )
    s.add_argument("--user", required=True, help="管理员用户名（密码从标准输入读取）")
    s.add_argument("--display", action="store_true", help="邀请展示电脑（大厅查询机：只接收公开内容）")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=cmd_invite)
    s = dev.add_parser("list", help="列出本站点的电脑（来自市级平台）")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=cmd_list)
    s = dev.add_parser("revoke", help="撤销一台电脑的同步凭据")
    s.add_argument("device_id")
    s.add_argument("--user", required=True, help="管理员用户名（密码从标准输入读取）")
    s.add_argument("--reason", default="", help="撤销原因（该电脑同步时显示）")
    s.set_defaults(handler=cmd_revoke)
    p = sub.add_parser(
        "join",
        help="用邀请码把本机加入站点（在空的数据目录上运行，无需先 init）",
        description="用另一台电脑上 gongkai device invite 生成的邀请码加入站点，并接收本站点的数据。",
    )
    p.add_argument("--server", required=True, help="市级平台地址")
    p.add_argument("--code", required=True, help="邀请码（XXXX-XXXX-XXXX-XXXX）")
    p.set_defaults(handler=cmd_join)


def cmd_invite(env: CliEnv) -> int:
    user = env.staff_user()
    invitation = env.context().devices.invite(user, display=env.args.display)
    if env.args.json:
        print_json(
            {
                "code": invitation.code,
                "kind": invitation.kind,
                "expires_at": invitation.expires_at.isoformat(),
                "server_url": invitation.server_url,
            }
        )
        return 0
    kind = "展示电脑（大厅查询机）" if invitation.kind == "display" else "工作电脑"
    print(f"已生成{kind}邀请码，{local(invitation.expires_at):%Y-%m-%d %H:%M} 前有效，只能使用一次。")
    print(f"在另一台电脑上运行：gongkai join --server {invitation.server_url or '平台地址'} --code {invitation.code}")
    print(invitation.code)
    return 0


def _row(d: DeviceInfo) -> dict[str, Any]:
    return {
        "device_id": d.device_id,
        "name": d.name,
        "kind": d.kind,
        "last_seen": d.last_seen.isoformat() if d.last_seen else None,
        "revoked": d.revoked,
        "revoked_reason": d.revoked_reason,
        "this_device": d.this_device,
    }


def cmd_list(env: CliEnv) -> int:
    devices = env.context().devices.list()
    if env.args.json:
        print_json([_row(d) for d in devices])
        return 0
    rows = [
        [
            d.device_id + ("（本机）" if d.this_device else ""),
            d.name,
            d.kind_label,
            f"{local(d.last_seen):%Y-%m-%d %H:%M}" if d.last_seen else "从未",
            "已撤销" if d.revoked else "有效",
        ]
        for d in devices
    ]
    print_table(rows, ["设备编号", "名称", "类型", "最近同步", "状态"])
    return 0


def cmd_revoke(env: CliEnv) -> int:
    user = env.staff_user()
    env.context().devices.revoke(env.args.device_id, user, env.args.reason)
    print(f"已撤销设备 {env.args.device_id}：该电脑之后的同步将被拒绝")
    return 0


def cmd_join(env: CliEnv) -> int:
    from app.sync.join import join

    def progress(n: int) -> None:
        sys.stderr.write(f"已接收 {n:,} 条…\n")
        sys.stderr.flush()

    joined = join(env.paths, env.args.server, env.args.code, progress=progress)
    kind = "展示电脑（大厅查询机）" if joined.kind == "display" else "工作电脑"
    print(
        f"本机已作为{kind}加入站点 {joined.site_code} {joined.site_name}（设备 {joined.device_id}），共接收 {joined.received:,} 条"
    )
    return 0
