"""Event subcommands: ``event import|export|list|poster|signin|adoption``."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

from app.cli.common import CliEnv, print_json, print_table
from app.cli.workdays import parse_date
from app.errors import InputError
from app.events.rows import local_iso
from app.users import StaffUser


def register(sub: argparse._SubParsersAction) -> None:
    ev = sub.add_parser("event", help="活动日历（政策解读、政策辅导、流程演示、开放日）").add_subparsers(
        dest="event_cmd", required=True
    )
    p = ev.add_parser(
        "import",
        help="导入 .ics 日历文件（UID 相同的活动被更新；重复导入不产生变化；文件有误则什么也不导入）",
    )
    p.add_argument("file", metavar="FILE.ics")
    p.add_argument("--user", help="以此工作人员身份导入（需管理员角色；密码从标准输入读取）")
    p.set_defaults(handler=cmd_import)

    p = ev.add_parser("export", help="导出 .ics 日历文件（含指向市级平台活动页面的 URL）")
    p.add_argument("file", metavar="FILE.ics")
    p.add_argument("--from", dest="start", metavar="DATE", help="只导出此日期起有活动的（YYYY-MM-DD）")
    p.add_argument("--to", dest="end", metavar="DATE", help="只导出此日期前有活动的（YYYY-MM-DD，含当日）")
    p.set_defaults(handler=cmd_export)

    p = ev.add_parser(
        "subscription",
        help="导出订阅用 .ics（只含专区公开活动，已遮蔽；手机日历可导入或订阅）",
    )
    p.add_argument("file", metavar="FILE.ics")
    p.set_defaults(handler=cmd_subscription)

    p = ev.add_parser(
        "synonyms",
        help="日历文件中 CATEGORIES 的类别名 → 活动类型（同义词表）；不带参数时列出",
    )
    p.add_argument("--add", action="append", default=[], metavar="名称=类型", help="类型可写键或名称；可重复")
    p.add_argument("--remove", action="append", default=[], metavar="名称")
    p.add_argument("--user", help="修改时需管理员（密码从标准输入读取）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_synonyms)

    p = ev.add_parser("list", help="列出每一次活动（重复活动逐次展开；默认今天起 60 天）")
    p.add_argument("--from", dest="start", metavar="DATE")
    p.add_argument("--to", dest="end", metavar="DATE")
    p.add_argument("--type", action="append", metavar="KEY", help="只列出此类型（可重复）")
    p.add_argument(
        "--json", action="store_true", help="输出 JSON：uid、start、end（ISO 8601 带时区）、type、title …"
    )
    p.set_defaults(handler=cmd_list)

    for name, help_text, handler in (
        ("poster", "打印活动海报（A4 或 A3，带二维码）", cmd_poster),
        ("signin", "打印签到表（姓名全称，电话遮蔽）", cmd_signin),
        ("adoption", "打印意见建议采纳情况（未公开时为草稿）", cmd_adoption),
    ):
        p = ev.add_parser(name, help=help_text)
        p.add_argument("id", metavar="ID", help="活动 UUID、UID 或 UUID 前缀")
        p.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
        if name == "poster":
            p.add_argument("--size", choices=("A4", "A3"), default="A4", help="纸张（默认 A4，纵向）")
        p.set_defaults(handler=handler)


def _window(env: CliEnv, default_days: int) -> tuple[date, date]:
    today = env.context().clock.today()
    start = parse_date(env.args.start, "--from") if env.args.start else today
    end = parse_date(env.args.end, "--to") if env.args.end else start + timedelta(days=default_days)
    if end < start:
        raise InputError(f"--to：应不早于 --from（{start.isoformat()}），实为 {end.isoformat()}")
    return start, end


def cmd_import(env: CliEnv) -> int:
    path = Path(env.args.file)
    if not path.exists():
        raise InputError(f"{path}：文件不存在")
    actor: StaffUser | str = env.staff_user() if env.args.user else "cli"
    report = env.context().events.import_ics(path, actor=actor)
    print(f"已导入 {path.name}：新增 {report.created}，更新 {report.updated}，未变 {report.unchanged}")
    for note in report.notes:
        print(f"  注意：{note}")
    return 0


def cmd_subscription(env: CliEnv) -> int:
    count = env.context().events.subscription_ics(Path(env.args.file))
    print(f"已导出 {count} 个公开活动（订阅用，已遮蔽）：{env.args.file}")
    return 0


def cmd_synonyms(env: CliEnv) -> int:
    a = env.args
    events = env.context().events
    pairs = events.synonyms()
    if a.add or a.remove:
        user = env.staff_user()
        table = dict(pairs)
        for name in a.remove:
            if table.pop(name.strip(), None) is None:
                raise InputError(f"--remove：同义词表中没有“{name}”")
        for item in a.add:
            name, sep, key = item.partition("=")
            if not sep:
                raise InputError(f"--add：应为“名称=类型”，实为“{item}”")
            table[name.strip()] = key.strip()
        events.set_synonyms(user, list(table.items()))
        pairs = events.synonyms()
    labels = {t.key: t.label for t in events.types(include_inactive=True)}
    if a.json:
        print_json([{"name": n, "type": k, "type_label": labels.get(k, k)} for n, k in pairs])
    else:
        print_table([[n, labels.get(k, k), k] for n, k in pairs], ["类别名", "活动类型", "键"])
    return 0


def cmd_export(env: CliEnv) -> int:
    a = env.args
    start = parse_date(a.start, "--from") if a.start else None
    end = parse_date(a.end, "--to") if a.end else None
    count = env.context().events.export_ics(Path(a.file), start, end)
    print(f"已导出 {count} 个活动：{a.file}")
    return 0


def cmd_list(env: CliEnv) -> int:
    start, end = _window(env, 60)
    types = set(env.args.type) if env.args.type else None
    occurrences = env.context().events.occurrences(start, end, types)
    if env.args.json:
        print_json(
            [
                {
                    "uid": o.uid,
                    "event_uuid": o.event_uuid,
                    "start": local_iso(o.start),
                    "end": local_iso(o.end),
                    "type": o.type,
                    "type_label": o.type_label,
                    "title": o.title,
                    "place": o.place,
                    "status": o.status,
                    "moved": o.moved,
                }
                for o in occurrences
            ]
        )
        return 0
    print_table(
        [
            [
                f"{o.start:%Y-%m-%d %H:%M}",
                f"{o.end:%H:%M}",
                o.type_label,
                o.title + ("（改期）" if o.moved else ""),
                o.place,
            ]
            for o in occurrences
        ],
        ["开始", "结束", "类型", "标题", "地点"],
    )
    return 0


def _write(path: str, data: bytes) -> int:
    Path(path).write_bytes(data)
    print(path)
    return 0


def cmd_poster(env: CliEnv) -> int:
    events = env.context().events
    return _write(env.args.output, events.poster_pdf(events.find(env.args.id).uuid, size=env.args.size))


def cmd_signin(env: CliEnv) -> int:
    events = env.context().events
    return _write(env.args.output, events.sign_in_sheet_pdf(events.find(env.args.id).uuid))


def cmd_adoption(env: CliEnv) -> int:
    events = env.context().events
    return _write(env.args.output, events.adoption_report_pdf(events.find(env.args.id).uuid))
