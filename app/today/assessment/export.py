"""A score sheet as PDF bytes (through printing.assessment) or as an .xlsx workbook (openpyxl)."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from app.today.assessment.service import ScoreSheet, TrendPoint
from printing import render
from printing.assessment import AssessmentReport, EvidenceGroup, EvidenceRow, ScoreRow, assessment_document


def _day(d: date | None) -> str:
    return d.isoformat() if d else ""


def _note(sheet: ScoreSheet) -> str:
    d = sheet.computed_on
    text = f"计算日期：{d.year}年{d.month}月{d.day}日"
    return text + ("（本月尚未结束，为截至当日的结果）" if sheet.partial_month else "")


def _trend_text(point: TrendPoint) -> tuple[str, str]:
    return (f"{point.month.year}.{point.month.month}", "—" if point.total is None else f"{point.total:g}")


def score_sheet_pdf(sheet: ScoreSheet, trend: list[TrendPoint]) -> bytes:
    report = AssessmentReport(
        site=sheet.site_name,
        month_label=sheet.month.label,
        total_text=sheet.total_text,
        note=_note(sheet),
        scores=[
            ScoreRow(
                line.criterion.name,
                f"{line.criterion.weight:g}",
                line.figure_text,
                line.target_text,
                line.score_text,
                line.criterion.rule,
            )
            for line in sheet.lines
        ],
        trend=[_trend_text(p) for p in trend],
        evidence=[
            EvidenceGroup(
                line.criterion.name,
                line.method.describe,
                [
                    EvidenceRow(_day(e.day), e.title, "达标" if e.ok else "未达标", e.note, e.record_uuid[:8])
                    for e in line.figure.evidence
                ],
            )
            for line in sheet.lines
        ],
    )
    from app.printguard import naming

    with naming(f"{sheet.month.label}自评表"):
        return render(assessment_document(report))


def _text(ws: Worksheet, row: int, col: int, value: object) -> None:
    """Write a cell; strings stay strings (a record title starting with '=' must not become a formula)."""
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str):
        cell.data_type = "s"


def _sheet(ws: Worksheet, headers: list[str], rows: list[list[object]], widths: list[int]) -> None:
    for col, header in enumerate(headers, 1):
        _text(ws, 1, col, header)
        ws.cell(row=1, column=col).font = Font(bold=True)
        ws.column_dimensions[ws.cell(row=1, column=col).column_letter].width = widths[col - 1]
    for r, values in enumerate(rows, 2):
        for c, value in enumerate(values, 1):
            _text(ws, r, c, value)
            ws.cell(row=r, column=c).alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"


def score_sheet_xlsx(sheet: ScoreSheet, trend: list[TrendPoint]) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "评分表"
    rows: list[list[object]] = [
        [
            line.criterion.name,
            line.criterion.weight,
            line.figure.numerator,
            line.figure.denominator if line.method.direction.value == "rate" else None,
            line.figure_text,
            line.target_text,
            line.score,
            line.criterion.rule,
        ]
        for line in sheet.lines
    ]
    rows.append(["总分（按适用项折算为100分）", None, None, None, None, None, sheet.total, _note(sheet)])
    _sheet(
        ws,
        ["指标", "分值", "分子", "分母", "本月结果", "目标", "得分", "规则"],
        rows,
        [22, 8, 8, 8, 20, 14, 8, 60],
    )
    evidence = wb.create_sheet("依据")
    _sheet(
        evidence,
        ["指标", "日期", "记录", "结论", "说明", "记录编号"],
        [
            [line.criterion.name, _day(e.day), e.title, "达标" if e.ok else "未达标", e.note, e.record_uuid]
            for line in sheet.lines
            for e in line.figure.evidence
        ],
        [22, 12, 40, 8, 40, 38],
    )
    trend_ws = wb.create_sheet("趋势")
    _sheet(trend_ws, ["月份", "总分"], [[p.month.iso, p.total] for p in trend], [12, 10])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
