"""Working-day subcommands: ``workdays add`` and ``holidays import|list``."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.cli.common import CliEnv, print_json, print_table
from app.errors import InputError
from app.workdays import WorkdayCalendar


def parse_date(text: str, where: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{where}：应为 YYYY-MM-DD 日期，实为“{text}”") from None


def register(sub: argparse._SubParsersAction) -> None:
    wd = sub.add_parser("workdays", help="工作日计算").add_subparsers(dest="wd_cmd", required=True)
    p = wd.add_parser(
        "add",
        help="DATE 之后的第 N 个工作日（当日不计入，民法典第二百零一条）",
        description="打印 DATE 之后的第 N 个工作日。当日不计入；跨入无官方假期数据的年份时结果为暂定（provisional）。",
    )
    p.add_argument("date", help="起算日 YYYY-MM-DD")
    p.add_argument("n", type=int, help="工作日数")
    p.add_argument("--json", action="store_true", help='输出 {"date", "provisional", "skipped"}')
    p.set_defaults(handler=cmd_add)

    hol = sub.add_parser("holidays", help="法定节假日与调休数据").add_subparsers(
        dest="hol_cmd", required=True
    )
    p = hol.add_parser(
        "import",
        help="导入节假日文件（.json/.csv/.ics，格式见 docs/holidays-format.md）",
        description="每个年份须完整（不完整的年份整个文件不导入）；已有数据的年份若与文件不同，"
        "先列出差异，加 --replace 才替换。",
    )
    p.add_argument("file")
    p.add_argument("--replace", action="store_true", help="替换已有数据的年份（先不加此项运行以查看差异）")
    p.set_defaults(handler=cmd_import)
    p = hol.add_parser("list", help="列出已载入的年份，或某一年的假日与调休")
    p.add_argument("year", nargs="?", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)


def _calendar(env: CliEnv) -> WorkdayCalendar:
    if env.paths.database.exists():
        return env.context().holidays.calendar()
    return WorkdayCalendar.bundled()


def cmd_add(env: CliEnv) -> int:
    start = parse_date(env.args.date, "DATE")
    if env.args.n < 0:
        raise InputError(f"N：应为非负整数，实为 {env.args.n}")
    result = _calendar(env).add(start, env.args.n)
    if env.args.json:
        print_json(result.to_json())
    else:
        print(result.date.isoformat() + ("（暂定：该年无官方假期数据）" if result.provisional else ""))
    return 0


def cmd_import(env: CliEnv) -> int:
    path = Path(env.args.file)
    if not path.exists():
        raise InputError(f"{path}：文件不存在")
    result = env.context().holidays.import_file(path, actor="cli", replace=env.args.replace)
    if result.stored:
        print("已导入年份：" + ", ".join(str(y) for y in result.stored))
    if result.replaced:
        print("其中替换了原有数据的年份：" + ", ".join(str(y) for y in result.replaced))
    if result.unchanged:
        print("与现有数据相同、未改动的年份：" + ", ".join(str(y) for y in result.unchanged))
    return 0


def cmd_list(env: CliEnv) -> int:
    holidays = env.context().holidays
    if env.args.year is None:
        years = holidays.years()
        if env.args.json:
            print_json(
                [
                    {
                        "year": y.year,
                        "source": y.source,
                        "holidays": len(y.holidays),
                        "workdays": len(y.workdays),
                    }
                    for y in years
                ]
            )
        else:
            print_table(
                [[str(y.year), y.source, str(len(y.holidays)), str(len(y.workdays))] for y in years],
                ["年份", "来源", "假日天数", "调休上班天数"],
            )
        return 0
    rows = holidays.day_kinds(env.args.year)
    if not rows:
        raise InputError(f"YEAR：没有 {env.args.year} 年的官方假期数据（该年的工作日计算为暂定）")
    if env.args.json:
        print_json([{"date": d.isoformat(), "kind": k, "name": n} for d, k, n in rows])
    else:
        print_table(
            [[d.isoformat(), "放假" if k == "holiday" else "调休上班", n] for d, k, n in rows],
            ["日期", "类型", "名称"],
        )
    return 0
