"""Request subcommands: ``request due``, ``request list``, ``request rules``; and ``report annual``.

``report annual`` is contributed to the shared ``report`` group through
``register_report_commands`` (see app/cli/report.py).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import CliEnv, print_json, print_table
from app.cli.workdays import parse_date
from app.errors import InputError
from app.requests.rules import CHANNELS, RULE_KEYS


def register(sub: argparse._SubParsersAction) -> None:
    req = sub.add_parser("request", help="依申请公开：期限计算、申请列表、法定期限规则").add_subparsers(
        dest="request_cmd", required=True
    )
    p = req.add_parser(
        "due",
        help="答复截止日（条例第三十三条：收到申请之日起 20 个工作日，当日不计入）",
        description="打印答复截止日、是否暂定以及跳过的每一天（周末、节假日）。",
    )
    p.add_argument("--received", required=True, help="收到申请之日 YYYY-MM-DD（条例第三十一条）")
    p.add_argument(
        "--channel", default="in_person", choices=list(CHANNELS), help="提交方式（默认 in_person）"
    )
    p.add_argument("--extend", type=int, default=0, help="延期工作日数（最多 20，条例第三十三条第二款）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(handler=cmd_due)

    p = req.add_parser("list", help="列出申请（证件号码和联系方式已遮蔽）")
    p.add_argument("--year", type=int, help="只列该年收到的申请")
    p.add_argument("--open", action="store_true", help="只列未办结的申请")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = req.add_parser("rules", help="列出（或由管理员修改）法定期限的天数")
    p.add_argument("--set", metavar="KEY=DAYS", help="修改一项，如 answer_days=20（需 --user 管理员）")
    p.add_argument("--user", help="修改时的管理员用户名（密码从标准输入读取）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_rules)


def register_report_commands(report: argparse._SubParsersAction) -> None:
    """Add ``report annual`` to the shared ``report`` group."""
    p = report.add_parser(
        "annual",
        help="年度报告第三部分：收到和处理政府信息公开申请情况（.xlsx 或 .pdf）",
        description="按国办公开办函〔2021〕30号格式统计一年的申请；勾稽关系不成立时照样输出并标明，退出码 1。",
    )
    p.add_argument("--year", type=int, required=True)
    p.add_argument("-o", "--output", required=True, help="输出文件，.xlsx 或 .pdf")
    p.set_defaults(handler=cmd_annual)


def cmd_due(env: CliEnv) -> int:
    received = parse_date(env.args.received, "--received")
    result = env.context().requests.due(received, env.args.channel, env.args.extend)
    if env.args.json:
        print_json(result.to_json())
        return 0
    flag = "（暂定：该年尚无官方放假安排）" if result.provisional else ""
    print(f"答复截止日：{result.due_on.isoformat()}{flag}")
    for line in result.lines:
        print("  " + line)
    return 0


def cmd_list(env: CliEnv) -> int:
    rows = env.context().requests.list(year=env.args.year, open_only=env.args.open)
    if env.args.json:
        print_json([r.to_json() for r in rows])
        return 0
    print_table(
        [
            [
                r.number,
                r.status_label,
                r.kind_label,
                r.applicant_name,
                r.id_masked,
                r.received_on.isoformat(),
                r.due_text,
                r.answer_label,
            ]
            for r in rows
        ],
        ["编号", "状态", "申请人类型", "申请人", "证件号码", "收到日", "答复期限", "答复"],
    )
    return 0


def cmd_rules(env: CliEnv) -> int:
    service = env.context().requests
    if env.args.set:
        key, _, days = env.args.set.partition("=")
        if key not in RULE_KEYS or not days.strip().isdigit():
            raise InputError(
                f"--set：应为 KEY=天数，KEY 为 {'、'.join(sorted(RULE_KEYS))} 之一，实为“{env.args.set}”"
            )
        service.set_rule(key, int(days), actor=env.staff_user())
    rules = service.rules()
    if env.args.json:
        print_json([r.__dict__ for r in rules])
        return 0
    print_table([[r.key, str(r.days), r.label, r.basis] for r in rules], ["规则", "天数", "名称", "依据"])
    return 0


def cmd_annual(env: CliEnv) -> int:
    service = env.context().requests
    out = service.export_annual(env.args.year, Path(env.args.output))
    table = service.annual_table(env.args.year)
    print(f"已写入 {out}")
    for line in table.check_lines:
        print("  " + line)
    reading = service.reading_figures(env.args.year)
    if reading is not None:
        print(
            f"  补充数据（查阅登记）：查阅 {reading.readings} 人次，打印 {reading.prints} 次、"
            f"{reading.printed_pages} 页，涉及文件 {reading.documents} 件"
        )
    return 0 if table.check_ok else 1
