"""Posters for a bulletin board: read from two or three metres, in black and white or the site's colour.

One page, A4 or A3 portrait. From the top: a band with the kind of event or notice (政策辅导,
政府开放日, 公示) and the zone's name; the title at display size (at least 40 pt on A4, scaled by
297/210 on A3), broken between words and balanced; the when and the where as the largest facts
after the title, each on lines of their own that never split a time or a date ("每周二 上午9:00—11:00");
who it is for and how to join; a QR code of at least 40 mm with a line saying what it opens; and a
footer with the zone's name, address and supervision phone. Type is the ``display`` role (黑体: the
适老化 guidance prefers sans type for reading at a distance) with the same per-glyph fallback, word
breaking and no-break rules as every other printout (``printing.text``, ``printing.linebreak``).
Pure: plain data in, PDF bytes out.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field, replace
from typing import Literal

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from printing.fonts import register_fonts, stack
from printing.layout import TextStyle
from printing.linebreak import Line
from printing.qr import qr_drawing
from printing.text import CJKText, draw_string

__all__ = ["MIN_TITLE_PT", "Poster", "poster_pdf"]

#: The title is never set below this on A4 (scaled on A3): legible from about three metres.
MIN_TITLE_PT = 40.0
_TITLE_START_PT = 56.0
_QR_MM = 45.0


@dataclass(frozen=True)
class Poster:
    """What a poster says; every string already masked and worded by the app.

    ``when`` and ``where`` are lines as people say them, each printed whole on its own line
    (e.g. ("每周二 上午9:00—11:00", "近期：12月15日、12月22日、12月29日", "2026年10月13日至12月29日")).
    """

    kind: str  # the band: 政策辅导 / 政府开放日 / 公示 …
    title: str
    when: tuple[str, ...]
    where: tuple[str, ...]
    qr_url: str
    qr_caption: str = "手机扫码查看详情"
    who: str = ""  # 面向：本街道居民、老年人及其家属
    how: str = ""  # 参加方式：…
    note: str = ""  # a short description
    zone: str = ""  # the zone's name, e.g. 历城区唐王街道政务公开专区
    address: str = ""
    supervision_phone: str = ""
    issuer: str = ""
    when_label: str = "时间"
    where_label: str = "地点"
    accent: str = "#000000"  # the site's colour where set; black prints best in black and white
    size: Literal["A4", "A3"] = "A4"
    draft: bool = False
    meta_subject: str = "海报"
    extra: tuple[str, ...] = field(default=())


def _style(
    role: str, size: float, *, leading: float = 1.3, align: str = "left", bold: bool = False
) -> TextStyle:
    return TextStyle(
        name=f"poster-{role}",
        role=role,
        font_size=size,
        leading=leading * size,
        align=align,  # type: ignore[arg-type]
        bold=bold,
    )


def _lines(text: str, style: TextStyle, width: float, *, balanced: bool = False) -> list[Line]:
    return CJKText(text, style, balanced=balanced, words=balanced).lines_for(width)


def _fit_one_line(text: str, role: str, start: float, low: float, width: float) -> float:
    """The largest size in [low, start] at which ``text`` fits on one line (else ``low``)."""
    size = start
    st = stack(role)
    while size > low and st.width(text, size) > width:
        size -= 1.0
    return max(size, low)


def poster_pdf(p: Poster) -> bytes:
    register_fonts()
    page = A3 if p.size == "A3" else A4
    k = page[0] / A4[0]  # A3 is A4 scaled by 1.414
    width, height = page
    margin = 15 * mm * k
    inner = width - 2 * margin
    accent = HexColor(p.accent) if p.accent.startswith("#") else HexColor("#000000")
    buf = io.BytesIO()
    c = Canvas(
        buf,
        pagesize=page,
        invariant=1,
        pageCompression=1,
        initialFontName=stack("body").primary,
        lang="zh-CN",
    )
    c.setTitle(p.title)
    c.setSubject(p.meta_subject)
    c.setAuthor(p.issuer)
    c.setCreator("Gongkai 政务公开")

    # Band: the kind, and the zone at the right.
    band = 14 * mm * k
    top = height - margin
    c.setFillColor(accent)
    c.rect(margin, top - band, inner, band, stroke=0, fill=1)
    c.setFillGray(1)
    pad = 5 * mm * k
    zone_w = 0.0
    if p.zone:
        zs = _fit_one_line(p.zone, "display", 14 * k, 9 * k, inner * 0.45)
        zone_w = stack("display").width(p.zone, zs) + pad
        draw_string(c, margin + inner - pad, top - band / 2 - 0.36 * zs, p.zone, stack("display"), zs,
                    anchor="right")  # fmt: skip
    label = _fit_one_line(p.kind, "display", 22 * k, 11 * k, inner - zone_w - 2 * pad)
    draw_string(c, margin + pad, top - band / 2 - 0.36 * label, p.kind, stack("display"), label)
    c.setFillGray(0)
    y = top - band - 12 * mm * k

    # Title: display size, balanced between words, at most three lines.
    size = _TITLE_START_PT * k
    title_style = _style("display", size, leading=1.22, align="center")
    lines = _lines(p.title, title_style, inner, balanced=True)
    while len(lines) > 3 and size > MIN_TITLE_PT * k:
        size = max(size - 2 * k, MIN_TITLE_PT * k)
        title_style = replace(title_style, font_size=size, leading=1.22 * size)
        lines = _lines(p.title, title_style, inner, balanced=True)
    for line in lines:
        y -= title_style.leading
        draw_string(c, width / 2, y + 0.2 * size, line.text, stack("display"), size, anchor="center")
    y -= 8 * mm * k

    # When and where: the largest facts after the title, each line whole.
    def facts(label: str, rows: tuple[str, ...], start: float) -> None:
        nonlocal y
        if not rows:
            return
        c.setFillColor(accent)
        y -= 16 * k
        draw_string(c, margin, y, label, stack("display"), 16 * k)
        c.setFillGray(0)
        y -= 3 * mm * k
        for i, row in enumerate(rows):
            first = start if i == 0 else start * 0.72
            fs = _fit_one_line(row, "display", first, 18 * k, inner)
            st = _style("display", fs, leading=1.25)
            for line in _lines(row, st, inner):  # only a row too long even at 18 pt wraps (no-break rules)
                y -= st.leading
                draw_string(c, margin, y + 0.22 * fs, line.text, stack("display"), fs)
        y -= 5 * mm * k

    facts(p.when_label, p.when, 34 * k)
    facts(p.where_label, p.where, 28 * k)

    # Bottom: footer, then the QR code at the right with the who / how / note at its left.
    footer_h = 20 * mm * k
    qr = qr_drawing(p.qr_url, _QR_MM * k, None)
    qr.wrap(inner, height)
    cap_w = max(qr.width, 62 * mm * k)
    cap_style = _style("display", 14 * k, leading=1.3, align="center")
    cap_lines = _lines(p.qr_caption, cap_style, cap_w) if p.qr_caption else []
    cap_h = len(cap_lines) * cap_style.leading
    qr_x = margin + inner - (cap_w + qr.width) / 2
    qr_y = margin + footer_h + 4 * mm * k + cap_h
    text_w = inner - cap_w - 6 * mm * k
    blocks = [t for t in (p.who, p.how, *p.extra, p.note) if t.strip()]
    body = 20 * k
    room = y - qr_y
    while body > 14 * k:
        st = _style("display", body, leading=1.35)
        laid = [_lines(t, st, text_w) for t in blocks]
        need = sum(len(ls) * st.leading + 3 * mm * k for ls in laid)
        if need <= room:
            break
        body -= 1 * k
    st = _style("display", body, leading=1.35)
    ty = y
    for t in blocks:
        for line in _lines(t, st, text_w):
            if ty - st.leading < margin + footer_h:
                break  # never over the footer; the QR code opens the whole text
            ty -= st.leading
            draw_string(c, margin, ty + 0.22 * body, line.text, stack("display"), body)
        ty -= 3 * mm * k
    qr.drawOn(c, qr_x, qr_y)
    cy = qr_y
    for line in cap_lines:  # what the code opens, right under it
        cy -= cap_style.leading
        draw_string(c, margin + inner - cap_w / 2, cy + 0.25 * cap_style.font_size, line.text, stack("display"),
                    cap_style.font_size, anchor="center")  # fmt: skip

    # Footer: the zone, its address and the supervision phone.
    c.setStrokeColor(accent)
    c.setLineWidth(1.2 * k)
    c.line(margin, margin + footer_h, margin + inner, margin + footer_h)
    fs = 13 * k
    parts = [x for x in (p.zone, p.address) if x]
    fy = margin + footer_h - 7 * mm * k
    if parts:
        where_line = "　".join(parts)
        size = _fit_one_line(where_line, "display", fs, 9 * k, inner)
        draw_string(c, margin, fy, where_line, stack("display"), size)
    tail = "　".join(
        x for x in (f"监督电话：{p.supervision_phone}" if p.supervision_phone else "", p.issuer) if x
    )
    if tail:
        size = _fit_one_line(tail, "display", fs, 9 * k, inner)
        draw_string(c, margin, fy - 1.5 * fs, tail, stack("display"), size)
    if p.draft:
        c.setFillGray(0.35)
        draw_string(c, margin + inner, height - margin / 2 - 4 * k, "草稿 · 未经审核，不得张贴", stack("body"), 10 * k,
                    anchor="right")  # fmt: skip
    c.showPage()
    c.save()
    return buf.getvalue()
