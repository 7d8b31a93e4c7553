"""Foundation subcommands: init, doctor, backup, user."""

from __future__ import annotations

import argparse
from pathlib import Path

from app import backup as backup_mod
from app import bootstrap, doctor
from app.cli.common import CliEnv, print_json, print_table, read_password
from app.users import ROLE_LABELS, parse_roles


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "init", help="创建或升级数据库（可重复执行）", description="创建或升级站点数据库，载入内置数据。"
    )
    p.add_argument("--site-code", required=True, help="站点代码，如 370112-TW")
    p.add_argument("--site-name", required=True, help="站点名称，如 历城区唐王街道")
    p.add_argument("--district", default="", help="所属区县")
    p.add_argument("--zone-location", default="", help="政务公开专区位置")
    p.add_argument("--supervision-phone", default="", help="监督电话")
    p.add_argument("--demo", action="store_true", help="同时写入演示数据（演示用户、目录、公示、活动、申请）")
    p.add_argument(
        "--if-missing", action="store_true", help="数据库已有站点时什么也不做（供 make run 首次运行使用）"
    )
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("doctor", help="检查数据库完整性、迁移版本、审计链和字体")
    p.set_defaults(handler=cmd_doctor)

    p = sub.add_parser("backup", help="在线备份数据库（保留最近 14 份）")
    p.add_argument("-o", "--output", help="备份文件路径（默认：数据目录/backups）")
    p.set_defaults(handler=cmd_backup)

    user = sub.add_parser("user", help="工作人员账号").add_subparsers(dest="user_cmd", required=True)
    p = user.add_parser("add", help="新增工作人员（密码从标准输入读取）")
    p.add_argument("name")
    p.add_argument("--role", required=True, help="角色，逗号分隔：" + ", ".join(r.value for r in ROLE_LABELS))
    p.add_argument("--display-name", default="")
    p.set_defaults(handler=cmd_user_add)
    p = user.add_parser("list", help="列出工作人员")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_user_list)


def cmd_init(env: CliEnv) -> int:
    a = env.args
    ctx = env.context(require_db=False)
    existing = ctx.sites.get()
    if a.if_missing and existing is not None:
        print(f"站点 {existing.code} {existing.name} 已存在：{env.paths.database}")
        return 0
    report = bootstrap.initialise(
        ctx,
        a.site_code,
        a.site_name,
        demo=a.demo,
        district=a.district,
        zone_location=a.zone_location,
        supervision_phone=a.supervision_phone,
    )
    print(f"站点 {report.site.code} {report.site.name} 已就绪：{env.paths.database}")
    if a.demo:
        print(
            f"演示用户：{', '.join(n for n, _, _ in bootstrap.DEMO_USERS)}（密码 {bootstrap.DEMO_PASSWORD}）"
        )
    return 0


def cmd_doctor(env: CliEnv) -> int:
    report = doctor.run(env.paths)
    for check in report.checks:
        print(f"[{'通过' if check.ok else '问题'}] {check.name}：{check.detail}")
    return 0 if report.ok else 1


def cmd_backup(env: CliEnv) -> int:
    out = backup_mod.backup(env.paths, Path(env.args.output) if env.args.output else None)
    print(out)
    return 0


def cmd_user_add(env: CliEnv) -> int:
    roles = parse_roles(env.args.role)
    password = read_password("新用户的密码：")
    user = env.context().users.add(
        env.args.name, roles, password, display_name=env.args.display_name, actor="cli"
    )
    print(f"已新增用户 {user.name}（{', '.join(sorted(r.value for r in user.roles))}）")
    return 0


def cmd_user_list(env: CliEnv) -> int:
    users = env.context().users.list()
    if env.args.json:
        print_json(
            [
                {
                    "name": u.name,
                    "display_name": u.display_name,
                    "roles": sorted(r.value for r in u.roles),
                    "active": u.active,
                }
                for u in users
            ]
        )
    else:
        print_table(
            [
                [
                    u.name,
                    u.display_name,
                    ", ".join(ROLE_LABELS[r] for r in sorted(u.roles)),
                    "是" if u.active else "否",
                ]
                for u in users
            ],
            ["用户名", "姓名", "角色", "启用"],
        )
    return 0
