"""The one-page daily task sheet a clerk can print and tick off at the counter.

Pure: plain dataclasses in, a ``Document`` out (render with ``printing.render``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from printing.document import Block, Document, Heading, Paragraph, Table


@dataclass
class TaskLine:
    title: str
    why: str
    due: str  # "9月30日（周二）暂定" or ""


@dataclass
class TaskSection:
    title: str
    lines: list[TaskLine] = field(default_factory=list)


@dataclass
class TaskSheet:
    site: str
    date_text: str
    headline: str
    user: str
    sections: list[TaskSection] = field(default_factory=list)


def task_sheet_document(sheet: TaskSheet) -> Document:
    blocks: list[Block] = [Paragraph(f"{sheet.headline}。", indent=False)]
    for section in sheet.sections:
        blocks.append(Heading(f"{section.title}（{len(section.lines)}）"))
        blocks.append(
            Table(
                ["完成", "事项", "为什么", "期限"],
                [["□", line.title, line.why, line.due] for line in section.lines],
                col_widths=[1, 5, 5, 2],
            )
        )
    if not sheet.sections:
        blocks.append(Paragraph("今天没有需要处理的事项。", indent=False))
    return Document(
        title="今日工作",
        subtitle=f"{sheet.site}　{sheet.date_text}",
        blocks=blocks,
        footer=f"打印人：{sheet.user}" if sheet.user else None,
        meta_subject="今日任务单",
    )
