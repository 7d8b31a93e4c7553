"""From a notice (masked content) to the printing layer's ``NoticePrint`` and PDF bytes.

Only masked strings cross into printing/: the caller passes the ``MaskedContent`` the service made.
"""

from __future__ import annotations

from datetime import date
from typing import Literal, cast

from app.notices.masking import MaskedContent
from app.notices.templates import KIND_LABELS, TEMPLATE_BY_KEY, UNIT_WORKING
from app.notices.values import CLEARED, NoticeView
from app.sites import SiteInfo
from printing.layout import DRAFT, DraftMark
from printing.notice import NoticePrint, render_notice_print
from printing.poster import Poster

#: A cleared notice on a PC that has not yet synced: its QR code cannot open (the platform's address
#: is unknown, app.printguard), so the window shows it for checking only, marked so on every page.
PROOF = DraftMark("校样", "校样 · 本机尚未同步，二维码暂不能打开，不得张贴")


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
    proof: bool = False,
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
        draft=proof or notice.status not in CLEARED,
        draft_mark=PROOF if proof else DRAFT,
        board=board,
        size=cast(Literal["A4", "A3"], size),
        landscape=landscape,
    )


def notice_poster(
    notice: NoticeView,
    masked: MaskedContent,
    *,
    boards: list[str],
    site: SiteInfo | None,
    size: str = "A4",
) -> Poster:
    """The board poster announcing a notice: what, the posting period as people say it, where the
    full text hangs, how to object, and the QR code to the full text."""
    label = KIND_LABELS.get(notice.kind, "公示")
    template = TEMPLATE_BY_KEY.get(notice.template)
    start, end = notice.period_start, notice.period_end
    same_year = start.year == end.year
    span = f"{start.year}年{start.month}月{start.day}日至" + (
        f"{end.month}月{end.day}日" if same_year else chinese_date(end)
    )
    length = period_text(notice).split("（", 1)[-1].rstrip("）。")
    objection = masked.objection or (template.objection_hint if template else "")
    contact = "　".join(
        x
        for x in (
            f"联系人及电话：{masked.contact}" if masked.contact else "",
            f"监督电话：{masked.supervision_phone}" if masked.supervision_phone else "",
        )
        if x
    )
    return Poster(
        kind=(template.name if template else label),
        title=masked.title,
        when=(span, length),
        where=tuple(boards) or ((site.zone_location,) if site and site.zone_location else ()),
        when_label=f"{label}期",
        where_label="全文张贴",
        qr_url=notice.public_url,
        qr_caption=f"手机扫码查看{label}全文",
        how=objection,
        note=contact,
        zone=f"{site.name}政务公开专区" if site else "",
        address=site.zone_location if site else "",
        supervision_phone=site.supervision_phone if site else "",
        issuer=notice.issuer,
        size="A3" if size == "A3" else "A4",
        draft=notice.status not in CLEARED,
        meta_subject=f"{label}海报",
    )


def render_notice(
    notice: NoticeView,
    masked: MaskedContent,
    *,
    size: str = "A4",
    landscape: bool = False,
    board: str | None = None,
    proof: bool = False,
) -> bytes:
    return render_notice_print(
        notice_print(notice, masked, size=size, landscape=landscape, board=board, proof=proof)
    )
