"""Printed documents of information requests: receipt (回执), letters (告知书), the due-date sheet
("how this date was computed") and the annual-report table (section 3).

Pure layout over plain dataclasses: the app composes the wording (with the articles cited) and
masks personal data before anything reaches this module; here it becomes ``Document`` blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from printing.document import Block, Document, Heading, Paragraph, QRBlock, Signature, Spacer, Table, render
from printing.layout import PageSpec

__all__ = [
    "AnnualSheet",
    "ClockSheet",
    "LetterData",
    "ReceiptData",
    "annual_pdf",
    "clock_pdf",
    "letter_pdf",
    "receipt_pdf",
]


@dataclass
class ReceiptData:
    """The 登记回执 handed or posted to the applicant (fields already masked)."""

    site_name: str
    number: str
    fields: list[tuple[str, str]]
    notes: list[str]
    status_url: str
    date_text: str


@dataclass
class LetterData:
    """One 告知书: addressee line, body paragraphs (wording chosen by the app), issuer and date."""

    title: str
    number: str
    addressee: str
    paragraphs: list[str]
    issuer: str
    date_text: str
    items: list[str] = field(default_factory=list)  # numbered lines after the paragraphs
    closing: list[str] = field(default_factory=list)  # paragraphs after the items


@dataclass
class ClockSheet:
    """The printable explanation of a due date."""

    number: str
    summary: list[str]
    skipped: list[tuple[str, str, str]]  # date, weekday, reason
    due_text: str
    notes: list[str]
    issuer: str
    date_text: str


@dataclass
class AnnualSheet:
    """Section 3 of the annual report as rows of strings, with the row-check result.

    ``columns``: the note column's header (the 勾稽关系 sentence), then 自然人, the five 法人或其他组织
    columns and 总计, in the national template's order (国办公开办函〔2021〕30号).
    """

    title: str
    columns: list[str]
    rows: list[list[str]]
    check_note: str
    check_ok: bool
    check_lines: list[str]
    #: A supplementary figure after the table (the reading place's register): title, rows of
    #: (label, number), a note saying it is not part of section 3. Empty: none.
    supplement_title: str = ""
    supplement: list[list[str]] = field(default_factory=list)
    supplement_note: str = ""


def receipt_pdf(data: ReceiptData) -> bytes:
    """One A4 page: the fields, the status QR, the notes, then issuer and date.

    Issuer and date are right-aligned lines rather than a ``Signature`` block: the block's seal
    area would push them onto a second page, and a receipt is stamped beside the issuer anyway.
    """
    blocks: list[Block] = [
        Table(["项目", "内容"], [[k, v] for k, v in data.fields], col_widths=[1.4, 3]),
        QRBlock(data.status_url, caption="扫码查询办理进度（仅显示编号、状态和答复期限）", size_mm=25),
    ]
    blocks += [Paragraph(n) for n in data.notes]
    blocks += [
        Paragraph(f"{data.site_name}（盖章）", indent=False, align="right"),
        Paragraph(data.date_text, indent=False, align="right"),
    ]
    return render(
        Document(
            title="政府信息公开申请登记回执",
            subtitle=data.number,
            blocks=blocks,
            meta_subject="依申请公开 登记回执",
        )
    )


def letter_pdf(data: LetterData) -> bytes:
    blocks: list[Block] = [Paragraph(data.addressee, indent=False)]
    blocks += [Paragraph(p) for p in data.paragraphs]
    blocks += [Paragraph(item, indent=False) for item in data.items]
    blocks += [Paragraph(p) for p in data.closing]
    blocks.append(Signature(data.issuer, data.date_text))
    return render(
        Document(title=data.title, subtitle=data.number, blocks=blocks, meta_subject="依申请公开 告知书")
    )


def clock_pdf(data: ClockSheet) -> bytes:
    blocks: list[Block] = [Heading("一、计算依据")]
    blocks += [Paragraph(line, indent=False, align="left") for line in data.summary]
    blocks.append(Heading("二、跳过的日期"))
    if data.skipped:
        blocks.append(Table(["日期", "星期", "原因"], [list(s) for s in data.skipped], col_widths=[2, 1, 4]))
    else:
        blocks.append(Paragraph("无（期间每一天都是工作日）", indent=False))
    blocks.append(Heading("三、结果"))
    blocks.append(Paragraph(data.due_text, indent=False))
    blocks += [Paragraph(n, indent=False, align="left") for n in data.notes]
    blocks.append(Signature(data.issuer, data.date_text))
    return render(
        Document(
            title="答复期限计算说明", subtitle=data.number, blocks=blocks, meta_subject="依申请公开 期限计算"
        )
    )


def annual_header(columns: list[str]) -> tuple[list[str], list[list[str]], list[tuple[int, int, int, int]]]:
    """The national template's header over ``columns`` (note, 自然人, five organisations, 总计):

    申请人情况 over everything; under it 自然人 | 法人或其他组织 (over the five) | 总计; the note column
    spans all three rows. Returns (first row, further rows, spans) for ``Table``.
    """
    n = len(columns)
    note, person, orgs, total = columns[0], columns[1], columns[2:-1], columns[-1]
    top = [note, "申请人情况", *[""] * (n - 2)]
    middle = ["", person, "法人或其他组织", *[""] * (len(orgs) - 1), total]
    bottom = ["", "", *orgs, ""]
    spans = [(0, 0, 0, 2), (1, 0, n - 1, 0), (1, 1, 1, 2), (2, 1, n - 2, 1), (n - 1, 1, n - 1, 2)]
    return top, [middle, bottom], spans


def annual_pdf(data: AnnualSheet) -> bytes:
    top, more, spans = annual_header(data.columns)
    blocks: list[Block] = [
        Heading("三、收到和处理政府信息公开申请情况"),
        Table(top, data.rows, header_rows=more, spans=spans),
        Spacer(3),
        Paragraph(data.check_note, indent=False),
    ]
    head = "勾稽关系检查：通过" if data.check_ok else "勾稽关系检查：未通过，请核对下列各列后再报送"
    blocks.append(Paragraph(head, indent=False))
    blocks += [Paragraph(line, indent=False, align="left") for line in data.check_lines]
    if data.supplement:
        blocks += [
            Spacer(3),
            Heading(data.supplement_title),
            Table(["项目", "数量"], data.supplement, col_widths=[4, 1]),
            Paragraph(data.supplement_note, indent=False),
        ]
    return render(
        Document(
            title=data.title,
            blocks=blocks,
            page=PageSpec(landscape=True),
            meta_subject="政府信息公开工作年度报告 第三部分",
        )
    )
