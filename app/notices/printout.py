"""From a notice (masked content) to the printing layer's ``NoticePrint`` and PDF bytes.

Only masked strings cross into printing/: the caller passes the ``MaskedContent`` the service made.
"""

from __future__ import annotations

from datetime import date
from typing import Literal, cast

from app.notices.masking import MaskedContent
from app.notices.templates import KIND_LABELS, TEMPLATE_BY_KEY, UNIT_WORKING
from app.notices.values import CLEARED, NoticeView
from printing.notice import NoticePrint, render_notice_print


def chinese_date(d: date) -> str:
    """2025年9月26日 (GB/T 9704 §7.3.5.1: Arabic numerals, no leading zeros)."""
    return f"{d.year}年{d.month}月{d.day}日"


def period_text(notice: NoticeView) -> str:
    label = KIND_LABELS.get(notice.kind, "公示")
    check = notice.period_check
    if check.min_days is not None and check.unit == UNIT_WORKING:
        length = f"共{check.days}个工作日"
    else:
        length = f"共{(notice.period_end - notice.period_start).days + 1}日"
    return (
        f"{label}期限：{chinese_date(notice.period_start)}至{chinese_date(notice.period_end)}（{length}）。"
    )


def notice_print(
    notice: NoticeView,
    masked: MaskedContent,
    *,
    size: str = "A4",
    landscape: bool = False,
    board: str | None = None,
) -> NoticePrint:
    template = TEMPLATE_BY_KEY.get(notice.template)
    objection = masked.objection or (template.objection_hint if template else "")
    closing = template.closing if template else "特此" + KIND_LABELS.get(notice.kind, "公告") + "。"
    return NoticePrint(
        title=masked.title,
        paragraphs=masked.paragraphs,
        issuer=notice.issuer,
        date_text=chinese_date(notice.issue_date),
        public_url=notice.public_url,
        period_text=period_text(notice),
        objection_text=objection,
        contact_text=f"联系人及电话：{masked.contact}" if masked.contact else "",
        supervision_text=f"监督电话：{masked.supervision_phone}" if masked.supervision_phone else "",
        closing=closing,
        roster_columns=masked.roster.columns if masked.roster else (),
        roster_rows=masked.roster.rows if masked.roster else (),
        draft=notice.status not in CLEARED,
        board=board,
        size=cast(Literal["A4", "A3"], size),
        landscape=landscape,
    )


def render_notice(
    notice: NoticeView,
    masked: MaskedContent,
    *,
    size: str = "A4",
    landscape: bool = False,
    board: str | None = None,
) -> bytes:
    return render_notice_print(notice_print(notice, masked, size=size, landscape=landscape, board=board))
