"""Printed pieces of the event calendar: the sign-in sheet (签到表) and the adoption report (the poster
is ``printing.poster``).

Pure like the rest of ``printing``: plain dataclasses in, PDF bytes out. Callers (app.events.printouts)
have already masked everything that is personal data; nothing here decides what to hide.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from printing.document import Block, Document, Heading, Paragraph, QRBlock, Signature, Spacer, Table, render

__all__ = [
    "AdoptionReportData",
    "SignInSheetData",
    "adoption_report_pdf",
    "sign_in_sheet_pdf",
]


@dataclass(frozen=True)
class SignInSheetData:
    """The door list: one row per registered person, with a blank column to sign."""

    title: str
    when: str
    place: str
    rows: list[tuple[str, str, str, str]]  # name, phone (masked), role, checked-in time or ""
    note: str = ""


@dataclass(frozen=True)
class AdoptionReportData:
    """How the suggestions received at an event were adopted (seed 二(二), 三(四))."""

    title: str
    event_line: str  # what was held, when and where, and how many attended
    summary: str
    suggestions: list[tuple[str, str, str]]  # content, outcome label, reason
    qa: list[tuple[str, str]] = field(default_factory=list)
    issuer: str = ""
    date_text: str = ""
    url: str = ""
    draft: bool = False


def sign_in_sheet_pdf(data: SignInSheetData) -> bytes:
    # The signature cell spans two lines (ideographic spaces keep them from being trimmed): room for
    # a hand signature.
    sign = "\u3000\n\u3000"
    rows = [
        [str(i), name, phone, role, checked, sign]
        for i, (name, phone, role, checked) in enumerate(data.rows, 1)
    ]
    # A few empty lines for walk-ins who did not register.
    rows += [[str(len(rows) + i), "", "", "", "", sign] for i in range(1, 6)]
    blocks: list[Block] = [
        Paragraph(f"时间：{data.when}\n地点：{data.place}", indent=False, align="left"),
        Table(
            ["序号", "姓名", "电话", "身份", "已签到", "本人签名"], rows, col_widths=[1, 2, 2.6, 2, 1.6, 2.8]
        ),
    ]
    if data.note:
        blocks.append(Paragraph(data.note, indent=False))
    return render(Document(title=data.title + "签到表", blocks=blocks, meta_subject="签到表"))


def adoption_report_pdf(data: AdoptionReportData) -> bytes:
    blocks: list[Block] = [Paragraph(data.event_line)]
    if data.summary:
        blocks.append(Paragraph(data.summary))
    blocks.append(Heading("一、意见建议及采纳情况"))
    if data.suggestions:
        blocks.append(
            Table(
                ["序号", "意见建议", "采纳情况", "理由或说明"],
                [[str(i), c, o, r] for i, (c, o, r) in enumerate(data.suggestions, 1)],
                col_widths=[1, 5, 1.8, 4],
            )
        )
    else:
        blocks.append(Paragraph("本次活动未收到意见建议。"))
    if data.qa:
        blocks.append(Heading("二、现场问答"))
        for i, (q, a) in enumerate(data.qa, 1):
            blocks.append(Paragraph(f"问{i}：{q}\n答：{a}", indent=False))
    if data.url:
        blocks += [Spacer(2), QRBlock(data.url, caption="扫码查看活动详情")]
    if data.issuer:
        blocks.append(Signature(issuer=data.issuer, date_text=data.date_text))
    return render(
        Document(
            title=data.title,
            blocks=blocks,
            draft=data.draft,
            meta_author=data.issuer or None,
            meta_subject="意见建议采纳情况",
        )
    )
