"""Platypus flowables that set Chinese text: ``CJKText`` and ``SignatureBlock``.

Responsibility: draw lines produced by ``printing.linebreak`` with the styles of
``printing.layout``: alignment, justification, first-line indent, faux bold,
splitting across pages, and the GB/T 9704 signature/date/seal block.

Justification uses PDF character spacing (``Tc``), i.e. the gap is spread evenly
between *all* characters of a line, which is how Chinese text is justified
(there are no word spaces to stretch).  Each line is its own text-positioning
operation, so ``pdftotext`` and ``pypdf`` return one text line per printed line.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from printing.fonts import FontStack, MissingGlyphError
from printing.layout import TextStyle
from printing.linebreak import Line, balanced_lines, break_lines

__all__ = ["SEAL_DIAMETER", "CJKText", "SignatureBlock", "char_width", "draw_string"]

# Justification never spreads characters further apart than this (in em);
# a line that would need more (e.g. before an unbreakable long number) is set
# flush left instead, which reads better than "s p a c e d" text.
_MAX_STRETCH_EM = 0.5

#: Where the baseline sits below the top of a character's em box (fraction of
#: the size).  WenQuanYi Micro Hei: ascent 0.765, descent 0.240 of 1.005 em;
#: ideographs occupy roughly -0.12 .. 0.88 em.
_BASELINE_IN_EM = 0.86


@lru_cache(maxsize=65536)
def char_width(font_name: str, font_size: float, ch: str) -> float:
    """Advance width of one character of one face in points (cached; fonts are immutable)."""
    return float(getFont(font_name).stringWidth(ch, font_size))


def draw_string(
    canv: Canvas,
    x: float,
    y: float,
    text: str,
    stack: FontStack,
    size: float,
    *,
    anchor: Literal["left", "center", "right"] = "left",
    char_space: float = 0.0,
) -> float:
    """Draw one line with per-glyph fallback through ``stack``; returns its width.

    Used for everything outside paragraphs: page numbers, footers, captions, the signature block.
    """
    runs = stack.runs(text)
    width = stack.width(text, size) + char_space * max(len(text) - 1, 0)
    if anchor == "center":
        x -= width / 2
    elif anchor == "right":
        x -= width
    t = canv.beginText(x, y)
    if char_space:
        t.setCharSpace(char_space)
    for font, part in runs:
        t.setFont(font, size)
        t.textOut(part)
    if char_space:
        t.setCharSpace(0)  # Tc is graphics state: it outlives the text object
    canv.drawText(t)
    return width


class CJKText(Flowable):
    """A paragraph of Chinese (or mixed) text.

    ``continuation``: this is the remainder of a split paragraph (no first-line
    indent, no space before).  ``open_end``: this is the first part of a split
    paragraph (its last line is justified like any full line, no space after).
    ``balanced``: lines of similar length (titles, GB/T 9704 §7.3.1).
    ``words``: break only between words where possible (titles, table headers; ``printing.words``).
    Each character is set in the first face of the style's font stack that has it.
    """

    def __init__(
        self,
        text: str,
        style: TextStyle,
        *,
        continuation: bool = False,
        open_end: bool = False,
        balanced: bool = False,
        words: bool = False,
    ) -> None:
        super().__init__()
        self.text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.words = words or balanced
        self.style = style
        self.continuation = continuation
        self.open_end = open_end
        self.balanced = balanced
        self.spaceBefore = 0.0 if continuation else style.space_before
        self.spaceAfter = 0.0 if open_end else style.space_after
        self._lines: list[Line] = []
        self._lines_for: float | None = None
        self.width = 0.0
        self.height = 0.0

    # -- geometry ---------------------------------------------------------
    def _indent(self) -> float:
        return 0.0 if self.continuation else self.style.first_line_indent

    def lines_for(self, avail_width: float) -> list[Line]:
        """Break (and cache) the text for a frame/cell of ``avail_width`` points."""
        if self._lines_for != avail_width:
            st = self.style
            width = max(avail_width - st.left_indent - st.right_indent, st.font_size)
            stack = st.stack
            size = st.font_size

            def cw(ch: str) -> float:
                return stack.char_width(ch, size)

            costs = None
            if self.words and "\n" not in self.text and len(self.text) > 1:
                from printing.words import break_costs  # jieba: loaded on the first title

                costs = break_costs(self.text)
            try:
                if self.balanced:
                    self._lines = balanced_lines(self.text, cw, width, squeeze=st.squeeze, costs=costs)
                else:
                    first = max(width - self._indent(), st.font_size)
                    allowed = frozenset(costs) if costs is not None else None
                    self._lines = break_lines(
                        self.text, cw, width, first, squeeze=st.squeeze, allowed=allowed
                    )
            except MissingGlyphError as exc:
                raise exc.with_context(_context(self.text, exc.char)) from None
            self._lines_for = avail_width
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        lines = self.lines_for(availWidth)
        self.width = availWidth
        self.height = len(lines) * self.style.leading
        return self.width, self.height

    def _part(self, start: int, end: int, *, continuation: bool, open_end: bool) -> CJKText:
        return CJKText(
            self.text[start:end],
            self.style,
            continuation=continuation,
            open_end=open_end,
            balanced=self.balanced,
            words=self.words,
        )

    def split_at_line(self, avail_width: float, k: int) -> tuple[CJKText, CJKText] | None:
        """Split before line ``k`` (0 < k < number of lines); None if impossible.

        Greedy line breaking of a prefix reproduces the prefix's lines exactly,
        so both parts look as they would have unsplit.
        """
        lines = self.lines_for(avail_width)
        if not 0 < k < len(lines):
            return None
        cut = lines[k].start
        # A forced break ends the head: drop its "\n", which would add an empty last line.
        head_end = cut - 1 if cut > 0 and self.text[cut - 1] == "\n" else cut
        head = self._part(0, head_end, continuation=self.continuation, open_end=not lines[k - 1].hard)
        tail = self._part(cut, len(self.text), continuation=True, open_end=self.open_end)
        return head, tail

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self.lines_for(availWidth)
        n = len(lines)
        k = int((availHeight + 1e-6) // self.style.leading)
        if k >= n:
            # Only reachable through rounding at the frame's edge: let the
            # frame move the whole paragraph on rather than loop.
            return []
        # Widow/orphan control for paragraphs of 3+ lines: never carry a single
        # last line to the next page, never leave a single first line behind.
        if n >= 3 and n - k == 1:
            k -= 1
        if k < 1 or (n >= 3 and k == 1):
            return []
        parts = self.split_at_line(availWidth, k)
        return list(parts) if parts else []

    # -- drawing ----------------------------------------------------------
    def draw(self) -> None:
        st = self.style
        canv = self.canv
        lines = self.lines_for(self.width)
        inner = max(self.width - st.left_indent - st.right_indent, st.font_size)
        canv.saveState()
        canv.setFillGray(st.gray)
        if st.bold:
            canv.setStrokeGray(st.gray)
            canv.setLineWidth(st.stroke_width)
            canv.setLineJoin(1)  # round joins: no spikes on stroked glyph corners
        stack = st.stack
        t = canv.beginText()
        t.setFont(st.font_name, st.font_size)
        current = st.font_name
        if st.bold:
            t.setTextRenderMode(2)  # fill, then stroke: faux bold, still real text
        top = self.height
        t.setCharSpace(0)  # Tc may be left over from text drawn before on this page
        char_space = 0.0
        last = len(lines) - 1
        for i, line in enumerate(lines):
            indent = self._indent() if i == 0 and not self.balanced else 0.0
            avail = inner - indent
            x = st.left_indent + indent
            cs = 0.0
            if st.align == "right":
                x = self.width - st.right_indent - line.width
            elif st.align == "center":
                x = st.left_indent + (inner - line.width) / 2
            elif st.align == "justify":
                justify = not line.hard or (i == last and self.open_end)
                if justify and len(line.text) > 1:
                    cs = (avail - line.width) / (len(line.text) - 1)
                    if cs > _MAX_STRETCH_EM * st.font_size:
                        cs = 0.0
            if cs != char_space:
                t.setCharSpace(cs)
                char_space = cs
            baseline = top - i * st.leading - (st.leading - st.font_size) / 2 - _BASELINE_IN_EM * st.font_size
            t.setTextOrigin(x, baseline)
            for font, part in stack.runs(line.text):
                if font != current:
                    t.setFont(font, st.font_size)
                    current = font
                t.textOut(part)
        if char_space:
            t.setCharSpace(0)
        canv.drawText(t)
        canv.restoreState()


#: Seal reserved around the issuer and date: official seals of townships and
#: their offices are 42 mm circles (国务院《关于国家行政机关和企业事业单位社会团体
#: 印章管理的规定》).
SEAL_DIAMETER = 42 * mm


class SignatureBlock(Flowable):
    """Issuer (发文机关署名) above the date (成文日期), with room for the seal.

    GB/T 9704-2012 §7.3.5.1 (公文 with a seal): the date is set "右空四字"
    (four characters in from the right edge of the type area); the issuer is
    centred on the date; the seal is centred on both and "下压" them, the two
    text lines sitting a little below the seal's centre; the seal's top is
    within one line of the body text.  The seal area is left blank; on drafts
    a faint dashed circle labelled 盖章处 shows where it goes.
    """

    def __init__(
        self,
        issuer: str,
        date_text: str,
        style: TextStyle,
        *,
        draft: bool = False,
        qr: Flowable | None = None,
        gap: float = 0.5,
    ) -> None:
        super().__init__()
        self.issuer_lines = [s.strip() for s in issuer.splitlines() if s.strip()]
        self.date_text = date_text.strip()
        self.style = style
        self.draft = draft
        self.qr = qr  # drawn at the left of the seal's band (notices: 扫码查看详情)
        self.spaceBefore = style.leading * gap
        self.width = 0.0
        self.height = 0.0

    def _text_block_height(self) -> float:
        return (len(self.issuer_lines) + 1) * self.style.leading

    def _text_top(self) -> float:
        """Distance from the block's top to the top of the issuer line."""
        # Text centre 15 % of the seal's diameter below the seal's centre.
        centre = SEAL_DIAMETER / 2 + 0.15 * SEAL_DIAMETER
        return centre - self._text_block_height() / 2

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = max(SEAL_DIAMETER, self._text_top() + self._text_block_height())
        if self.qr is not None:
            self.height = max(self.height, self.qr.wrap(availWidth, availHeight)[1])
        return self.width, self.height

    def draw(self) -> None:
        st = self.style
        canv = self.canv
        size = st.font_size
        stack = st.stack
        date_w = stack.width(self.date_text, size)
        date_right = self.width - 4 * size  # 右空四字
        centre_x = date_right - date_w / 2
        top = self.height
        if self.qr is not None:
            # Two characters in from the left edge, its top level with the block's.
            self.qr.drawOn(canv, 2 * size, top - self.qr.height)

        if self.draft:
            canv.saveState()
            canv.setStrokeGray(0.6)
            canv.setFillGray(0.6)
            canv.setLineWidth(0.6)
            canv.setDash(3, 3)
            r = SEAL_DIAMETER / 2
            canv.circle(centre_x, top - r, r, stroke=1, fill=0)
            draw_string(canv, centre_x, top - 0.25 * r, "盖章处", stack, 9, anchor="center")
            canv.restoreState()

        canv.saveState()
        canv.setFillGray(st.gray)
        y_top = top - self._text_top()
        baseline_in_line = (st.leading - size) / 2 + _BASELINE_IN_EM * size
        for i, text in enumerate([*self.issuer_lines, self.date_text]):
            w = stack.width(text, size)
            # Centred on the date, but never past the right edge of the type area.
            x = min(centre_x - w / 2, self.width - w)
            draw_string(canv, max(x, 0.0), y_top - i * st.leading - baseline_in_line, text, stack, size)
        canv.restoreState()


def _context(text: str, ch: str) -> str:
    """A few characters around ``ch`` so a clerk can find it (the whole text when short)."""
    i = text.find(ch)
    if len(text) <= 30 or i < 0:
        return text
    return ("…" if i > 12 else "") + text[max(0, i - 12) : i + 12] + ("…" if i + 12 < len(text) else "")
