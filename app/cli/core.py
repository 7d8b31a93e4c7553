"""Foundation subcommands: init, doctor, backup, user."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app import backup as backup_mod
from app import bootstrap, doctor
from app.cli.common import CliEnv, print_json, print_table, read_password
from app.errors import InputError
from app.users import ROLE_LABELS, Role, parse_roles


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
    p.add_argument(
        "--admin",
        metavar="用户名",
        help="同时创建本站第一位管理员（密码从标准输入读取）；已有管理员后请用 gongkai user add",
    )
    p.add_argument("--admin-display-name", default="", metavar="姓名", help="第一位管理员的姓名")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("doctor", help="检查数据库完整性、迁移版本、审计链和字体")
    p.set_defaults(handler=cmd_doctor)

    p = sub.add_parser("backup", help="在线备份数据库（保留最近 14 份）")
    p.add_argument("-o", "--output", help="备份文件路径（默认：数据目录/backups）")
    p.add_argument(
        "--encrypt",
        action="store_true",
        help="加密备份（口令从标准输入读取，至少 8 个字符；恢复时须用同一口令）",
    )
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser(
        "restore",
        help="用备份替换数据库（先检查完整性、迁移版本和审计链；原数据库另存）",
        description="检查备份（完整性、迁移版本、审计链）后替换数据库，原数据库另存为 gongkai.sqlite.replaced-时间。"
        "加密备份的口令从标准输入读取。使用中的数据库（工作台窗口、触摸屏、同步）不能恢复。",
    )
    p.add_argument("file", help="备份文件（.sqlite 或加密的 .sqlite.enc）")
    p.set_defaults(handler=cmd_restore)

    user = sub.add_parser("user", help="工作人员账号").add_subparsers(dest="user_cmd", required=True)
    p = user.add_parser(
        "add",
        help="管理员新增工作人员（标准输入先读管理员密码，再读新用户的密码）",
        description="由管理员新增工作人员：--user 给出管理员用户名；标准输入第一行是管理员的密码，第二行是新用户的密码。",
    )
    p.add_argument("name")
    p.add_argument("--role", required=True, help="角色，逗号分隔：" + ", ".join(r.value for r in ROLE_LABELS))
    p.add_argument("--display-name", default="")
    p.add_argument("--user", metavar="管理员", help="执行新增的管理员用户名（必填）")
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
    users = ctx.users
    if a.admin:
        account = users.get(a.admin)
        if account is not None and account.has(Role.ADMIN):
            print(f"管理员 {account.name} 已存在")
        else:
            password = read_password(f"管理员 {a.admin} 的密码：")
            admin = users.create_first_admin(a.admin, password, display_name=a.admin_display_name)
            print(f"已创建管理员 {admin.name}")
    elif not users.has_admin():
        sys.stderr.write(
            "gongkai: 提示：本站还没有管理员，无人能登录。请运行 gongkai init --site-code … --site-name … "
            "--admin 用户名（密码从标准输入读取）\n"
        )
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
    passphrase = None
    if env.args.encrypt:
        passphrase = read_password("备份口令：")
        if sys.stdin.isatty() and read_password("再次输入口令：") != passphrase:
            raise InputError("两次输入的口令不一致，未备份")
    out = backup_mod.backup(
        env.paths, Path(env.args.output) if env.args.output else None, passphrase=passphrase
    )
    print(out)
    return 0


def cmd_restore(env: CliEnv) -> int:
    from app import restore as restore_mod
    from app.backup_crypto import is_encrypted

    source = Path(env.args.file)
    passphrase = None
    if source.is_file() and is_encrypted(source):
        passphrase = read_password("备份口令：")
    report = restore_mod.restore(env.paths, source, passphrase=passphrase)
    print(
        f"已从 {report.restored_from} 恢复数据库（站点 {report.site}，审计记录 {report.audit_entries} 条完好）"
    )
    if report.revision_before != report.revision_now:
        print(f"  迁移版本：{report.revision_before} → {report.revision_now}")
    if report.replaced_copy is not None:
        print(f"  原数据库已另存为：{report.replaced_copy}")
    return 0


def cmd_user_add(env: CliEnv) -> int:
    roles = parse_roles(env.args.role)
    if not env.args.user:
        raise InputError(
            "--user：新增工作人员须由管理员执行，请给出 --user 管理员用户名（标准输入先读管理员密码，再读新用户的密码）"
        )
    admin = env.staff_user()
    password = read_password(f"新用户 {env.args.name} 的密码：")
    user = env.context().users.create(
        admin, env.args.name, roles, password, display_name=env.args.display_name
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
