"""The monthly self-assessment score sheet as a PDF: scores, trend, and the evidence per criterion.

Pure: plain dataclasses in (already worded and masked by app.today), a ``Document`` out. A4
landscape because the score table has six columns with a rule text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from printing.document import Document, Heading, Paragraph, Table
from printing.layout import PageSpec


@dataclass
class ScoreRow:
    name: str
    weight: str
    figure: str
    target: str
    score: str
    rule: str


@dataclass
class EvidenceRow:
    day: str
    title: str
    verdict: str  # 达标 / 未达标
    note: str
    record: str  # short record id for finding it in the app


@dataclass
class EvidenceGroup:
    criterion: str
    how: str
    rows: list[EvidenceRow] = field(default_factory=list)


@dataclass
class AssessmentReport:
    site: str
    month_label: str
    total_text: str
    note: str  # e.g. "截至 2025年9月26日（本月尚未结束）"
    scores: list[ScoreRow]
    trend: list[tuple[str, str]]
    evidence: list[EvidenceGroup]


def assessment_document(report: AssessmentReport) -> Document:
    blocks: list = [
        Paragraph(f"总分：{report.total_text}　　{report.note}", indent=False),
        Heading("一、评分"),
        Table(
            ["指标", "分值", "本月结果", "目标", "得分", "规则"],
            [[s.name, s.weight, s.figure, s.target, s.score, s.rule] for s in report.scores],
            col_widths=[3, 1, 2.6, 2.2, 1.6, 5.6],
        ),
    ]
    if report.trend:
        blocks += [
            Heading("二、近几个月得分"),
            Table(["月份", *(m for m, _ in report.trend)], [["总分", *(t for _, t in report.trend)]]),
        ]
    blocks.append(Heading("三、评分依据" if report.trend else "二、评分依据"))
    for group in report.evidence:
        blocks.append(Paragraph(f"{group.criterion}：{group.how}", indent=False))
        if group.rows:
            blocks.append(
                Table(
                    ["日期", "记录", "结论", "说明", "编号"],
                    [[r.day, r.title, r.verdict, r.note, r.record] for r in group.rows],
                    col_widths=[1.6, 6, 1.2, 4, 1.4],
                )
            )
        else:
            blocks.append(Paragraph("本月没有相关记录。", indent=False))
    return Document(
        title=f"{report.site}政务公开工作月度自评",
        subtitle=report.month_label,
        blocks=blocks,
        page=PageSpec("A4", landscape=True),
        footer=f"{report.site} {report.month_label} 自评（供对照区县督查考核，非正式考核结果）",
        meta_subject="政务公开月度自评",
    )
