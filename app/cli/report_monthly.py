"""``gongkai report monthly``: the month's self-assessment score sheet as PDF or .xlsx."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import CliEnv
from app.errors import InputError
from app.today.assessment.export import score_sheet_pdf, score_sheet_xlsx
from app.today.assessment.period import Month


def register_report_commands(group: argparse._SubParsersAction) -> None:
    p = group.add_parser(
        "monthly",
        help="月度自评评分表（含每项指标的依据记录），导出 .pdf 或 .xlsx",
        description="按管理员设定的考核指标计算某月的自评得分，导出评分表和每项得分的依据记录。",
    )
    p.add_argument("--month", required=True, help="月份 YYYY-MM，如 2025-09")
    p.add_argument("-o", "--output", required=True, help="输出文件（.pdf 或 .xlsx，按后缀决定）")
    p.set_defaults(handler=cmd_monthly)


def cmd_monthly(env: CliEnv) -> int:
    month = Month.parse(env.args.month)
    out = Path(env.args.output)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise InputError(f"-o：文件后缀应为 .pdf 或 .xlsx，实为“{out.name}”")
    service = env.context().today.assessment
    sheet = service.score_sheet(month)
    if suffix == ".pdf":
        data = score_sheet_pdf(sheet, service.trend(month, 6))
    else:
        data = score_sheet_xlsx(sheet, service.trend(month, 12))
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise InputError(f"-o：无法写入 {out}：{exc.strerror}") from None
    print(f"已写入 {out}：{sheet.site_name} {month.label} 自评 {sheet.total_text}")
    return 0
