"""``gongkai today``: the same items as the Today page, as text or JSON."""

from __future__ import annotations

import argparse

from app.cli.common import CliEnv, print_json
from app.today.items import SECTION_TITLES, Section, date_text


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "today",
        help="今天要处理的事项（逾期、今天到期、3个工作日内到期、本周活动、同步问题）",
        description="列出今天要处理的事项，每项给出类型、记录编号、标题、依据规则和到期日。"
        "给出 --user 时按该工作人员的角色筛选（密码从标准输入读取）。",
    )
    p.add_argument("--user", help="以该工作人员身份查看（只列出其角色负责的事项）")
    p.add_argument("--json", action="store_true", help="输出 JSON：headline 与 items 列表")
    p.set_defaults(handler=cmd_today)


def cmd_today(env: CliEnv) -> int:
    ctx = env.context()
    user = env.staff_user() if env.args.user else None
    listing = ctx.today.list(user)
    if env.args.json:
        print_json(
            {
                "date": listing.day.isoformat(),
                "user": user.name if user else None,
                "headline": listing.headline(),
                "items": [i.to_json() for i in listing.items],
            }
        )
        return 0
    print(f"{listing.day.isoformat()}  {listing.headline()}")
    for section, items in listing.by_section():
        print(f"\n【{SECTION_TITLES[section]}】")
        for item in items:
            due = ""
            if item.due is not None:
                label = "日期" if section is Section.EVENTS else "到期"
                due = f"  {label}：{date_text(item.due)}" + ("（暂定）" if item.provisional else "")
            print(f"- {item.title}{due}")
            print(f"  {item.why}")
            print(f"  [{item.kind}] {item.record_uuid or '—'}")
    return 0
