"""Typeset policy documents and interpretations for the counter (when there is no original PDF).

Pure like the rest of ``printing``: plain values in, PDF bytes out. The title and 发文字号 head the
page (no 红头: this is a reading copy, not the issued document), a validity note stands above the text
when the document is no longer in force, and the last block is a QR code to the document's public page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from printing.document import Block, Document, Heading, Paragraph, QRBlock, Spacer, Table, render
from printing.layout import PageSpec

__all__ = ["PolicyPrintData", "QAItem", "RegisterSheet", "policy_pdf", "register_pdf"]


@dataclass(frozen=True)
class QAItem:
    question: str
    answer: str


@dataclass(frozen=True)
class PolicyPrintData:
    """A document or an interpretation as printed at the counter."""

    title: str
    subtitle: str = ""  # 发文字号, or the interpretation's form
    facts: tuple[str, ...] = ()  # short labelled lines: 发文机关, dates, validity
    warning: str = ""  # e.g. "本文件已于2025年3月1日废止，仅供查阅。"
    paragraphs: tuple[str, ...] = ()
    qa: tuple[QAItem, ...] = ()
    url: str = ""
    footer: str = ""
    notes: tuple[str, ...] = field(default=())


def policy_pdf(data: PolicyPrintData) -> bytes:
    blocks: list[Block] = []
    if data.warning:
        blocks.append(Paragraph(f"【{data.warning}】", indent=False, align="center"))
    for fact in data.facts:
        blocks.append(Paragraph(fact, indent=False, align="left"))
    if data.facts or data.warning:
        blocks.append(Spacer(4))
    for text in data.paragraphs:
        if text.strip():
            blocks.append(Paragraph(text.strip()))
    for i, item in enumerate(data.qa, 1):
        blocks.append(Heading(f"问{i}：{item.question}"))
        blocks.append(Paragraph(f"答：{item.answer}"))
    for note in data.notes:
        blocks.append(Paragraph(note, indent=False, align="left"))
    if data.url:
        blocks.append(Spacer(6))
        blocks.append(QRBlock(data.url, "手机扫码查看全文和解读", size_mm=28))
    doc = Document(
        title=data.title,
        subtitle=data.subtitle or None,
        blocks=blocks,
        footer=data.footer or None,
        meta_subject="政策文件查阅打印",
    )
    return render(doc)


@dataclass(frozen=True)
class RegisterSheet:
    """The 查阅登记 of a period as printed (names already masked or left out by the app)."""

    title: str
    site: str
    columns: list[str]
    rows: list[list[str]]
    totals: str
    note: str


def register_pdf(data: RegisterSheet) -> bytes:
    """The register on A4 landscape: the lines as a table (header repeated on every page), then the
    totals and the note on names."""
    blocks: list[Block] = []
    if data.rows:
        widths = {
            "日期": 1.4,
            "类型": 0.7,
            "文件或解读": 5.0,
            "页数": 0.7,
            "份数": 0.7,
            "查阅人": 1.0,
            "登记人": 1.0,
        }
        blocks.append(Table(data.columns, data.rows, col_widths=[widths.get(c, 1.0) for c in data.columns]))
    else:
        blocks.append(Paragraph("本时段没有查阅登记。", indent=False))
    blocks += [Spacer(3), Paragraph(data.totals, indent=False), Paragraph(data.note, indent=False)]
    return render(
        Document(
            title=data.title,
            subtitle=data.site or None,
            blocks=blocks,
            page=PageSpec(landscape=True),
            meta_subject="政策文件查阅登记",
        )
    )
