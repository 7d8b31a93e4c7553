"""The bulletin-board notice layout: a ``NoticePrint`` (already masked) in, a ``Document`` out.

Order of elements (docs/domain-facts.md §2.2): title; body (paragraphs, headings such as "一、……"); the
roster table (splits across pages with its header repeated); the posting period; the objection
channel; contact and supervision phone; the QR code to the public page with 扫码查看详情; the
closing 特此公示。/特此公告。; issuer and date with the seal area. Layout after GB/T 9704 comes
from ``printing.layout``. Pure: no app, database or Qt; callers mask before they get here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from printing.document import Block, Document, Heading, Paragraph, QRBlock, Signature, Table, render
from printing.layout import DRAFT, DraftMark, PageSpec

__all__ = ["NoticePrint", "is_heading", "notice_document", "render_notice_print"]

# "一、征收目的" / "（一）补偿标准" / "1. 报名时间": a short line with an outline number and no full stop.
_HEADING_RE = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}[.．、])\S")
_HEADING_MAX = 24


def is_heading(paragraph: str) -> bool:
    """True for a short outline-numbered line without sentence punctuation (set as a heading)."""
    text = paragraph.strip()
    return (
        "\n" not in text
        and len(text) <= _HEADING_MAX
        and not re.search(r"[。；：，]", text)
        and _HEADING_RE.match(text) is not None
    )


@dataclass(frozen=True)
class NoticePrint:
    """Everything printed on a notice; every string is already masked."""

    title: str
    paragraphs: tuple[str, ...]
    issuer: str
    date_text: str  # e.g. 2025年9月26日
    public_url: str  # encoded in the QR code; nothing personal
    period_text: str = ""  # e.g. 公示期限：2025年9月26日至2025年10月2日（共7日）。
    objection_text: str = ""
    contact_text: str = ""
    supervision_text: str = ""
    closing: str = "特此公告。"
    roster_columns: tuple[str, ...] = ()
    roster_rows: tuple[tuple[str, ...], ...] = field(default=())
    draft: bool = False
    draft_mark: DraftMark = DRAFT  # 草稿, or 校样 for a cleared notice whose QR cannot open yet
    board: str | None = None  # batch printing: the board's name goes in the footer
    size: Literal["A4", "A3"] = "A4"
    landscape: bool = False
    author: str = ""


def notice_document(notice: NoticePrint) -> Document:
    blocks: list[Block] = []
    for text in notice.paragraphs:
        blocks.append(Heading(text) if is_heading(text) else Paragraph(text))
    if notice.roster_columns:
        rows = [list(r) for r in notice.roster_rows]
        # Column widths from the content: names, masked IDs and amounts on one line, headers
        # broken between words (printing.table).
        blocks.append(Table(list(notice.roster_columns), rows))
    for line in (notice.period_text, notice.objection_text, notice.contact_text, notice.supervision_text):
        if line.strip():
            blocks.append(Paragraph(line))
    if notice.closing:
        blocks.append(Paragraph(notice.closing))
    blocks.append(Signature(notice.issuer, notice.date_text))
    # The QR code goes last, beside the issuer and date: 特此公示 must close the text it ends,
    # and a villager looks for the code at the foot of the notice.
    blocks.append(QRBlock(notice.public_url, "扫码查看详情", 25))
    return Document(
        title=notice.title,
        blocks=blocks,
        page=PageSpec(size=notice.size, landscape=notice.landscape),
        draft=notice.draft,
        draft_mark=notice.draft_mark,
        footer=f"张贴位置：{notice.board}" if notice.board else None,
        meta_author=notice.author or notice.issuer,
        meta_subject=notice.title,
    )


def render_notice_print(notice: NoticePrint) -> bytes:
    """The notice as PDF bytes."""
    return render(notice_document(notice))
