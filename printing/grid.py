"""A fast table flowable for rosters and lists: rows of text cells drawn directly on the canvas.

ReportLab's ``Table`` with one paragraph flowable per cell costs about 0.3 ms a cell, so a 560-row
roster of seven columns spent most of a second in table bookkeeping. ``GridTable`` keeps only what
a printed roster needs: header rows (with merged header cells) repeated on every page, body rows
of wrapped text (kinsoku and no-break rules of ``printing.linebreak``, per-glyph font fallback of
``printing.fonts``), per-column alignment, vertical centring, 0.5 pt rules, and splitting between
rows that never strands a single row at a page's foot or top (a table of two rows moves whole).
Cells are measured once; a split shares the measurements with its parts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus.flowables import Flowable

from printing.fonts import MissingGlyphError
from printing.layout import TextStyle
from printing.linebreak import Line, break_lines
from printing.text import _BASELINE_IN_EM, CJKText

__all__ = ["GridTable"]

_FUZZ = 1e-6


@dataclass(frozen=True)
class _Cell:
    lines: tuple[Line, ...]
    style: TextStyle


def _measure(text: str, style: TextStyle, width: float, *, words: bool = False) -> _Cell:
    try:
        return _measure_cell(text, style, width, words=words)
    except MissingGlyphError as exc:
        raise exc.with_context(text) from None


def _measure_cell(text: str, style: TextStyle, width: float, *, words: bool = False) -> _Cell:
    stack, size = style.stack, style.font_size
    if "\n" not in text:
        w = stack.width(text, size)
        if w <= width + _FUZZ:  # the common case: the cell fits on one line
            return _Cell((Line(text.strip(), 0, len(text), stack.width(text.strip(), size), True),), style)
    if words:
        probe = CJKText(text, style, words=True)
        return _Cell(tuple(probe.lines_for(width)), style)
    lines = break_lines(text, lambda ch: stack.char_width(ch, size), max(width, size))
    return _Cell(tuple(lines), style)


class GridTable(Flowable):
    """Header rows + body rows of strings, in columns of fixed widths (points)."""

    def __init__(
        self,
        header: Sequence[Sequence[str]],
        rows: Sequence[Sequence[str]],
        col_widths: Sequence[float],
        cell_styles: Sequence[TextStyle],
        head_style: TextStyle,
        *,
        spans: Sequence[tuple[int, int, int, int]] = (),
        padding: tuple[float, float] = (4.0, 3.0),
        rule: float = 0.5,
        _measured: tuple[list[list[_Cell | None]], list[float], list[list[_Cell]], list[float]] | None = None,
    ) -> None:
        super().__init__()
        self.col_widths = list(col_widths)
        self.x_edges = [0.0]
        for w in self.col_widths:
            self.x_edges.append(self.x_edges[-1] + w)
        self.padding = padding
        self.rule = rule
        self.spans = list(spans)
        self.header_texts = [list(r) for r in header]
        self.hAlign = "CENTER"
        if _measured is None:
            hp, vp = padding
            self.head_cells, self.head_heights = self._measure_header(head_style)
            self.body_cells = [
                [_measure(str(v), cell_styles[j], self.col_widths[j] - 2 * hp) for j, v in enumerate(row)]
                for row in rows
            ]
            self.row_heights = [
                max(len(c.lines) * c.style.leading for c in row) + 2 * vp for row in self.body_cells
            ]
        else:
            self.head_cells, self.head_heights, self.body_cells, self.row_heights = _measured
        self.width = self.x_edges[-1]
        self.height = sum(self.head_heights) + sum(self.row_heights)

    # -- measuring ---------------------------------------------------------------------------------

    def _span_of(self, r: int, c: int) -> tuple[int, int, int, int] | None:
        for c0, r0, c1, r1 in self.spans:
            if (r0, c0) == (r, c):
                return c0, r0, c1, r1
        return None

    def _covered(self, r: int, c: int) -> bool:
        return any(r0 <= r <= r1 and c0 <= c <= c1 and (r, c) != (r0, c0) for c0, r0, c1, r1 in self.spans)

    def _measure_header(self, style: TextStyle) -> tuple[list[list[_Cell | None]], list[float]]:
        hp, vp = self.padding
        nrow = len(self.header_texts)
        cells: list[list[_Cell | None]] = []
        heights = [0.0] * nrow
        tall: list[tuple[int, int, float]] = []
        for r, row in enumerate(self.header_texts):
            out: list[_Cell | None] = []
            for c, text in enumerate(row):
                if self._covered(r, c):
                    out.append(None)
                    continue
                span = self._span_of(r, c)
                c1, r1 = (span[2], span[3]) if span else (c, r)
                width = self.x_edges[c1 + 1] - self.x_edges[c] - 2 * hp
                cell = _measure(str(text), style, width, words=True)
                out.append(cell)
                need = len(cell.lines) * style.leading + 2 * vp
                if r1 == r:
                    heights[r] = max(heights[r], need)
                else:
                    tall.append((r, r1, need))
            cells.append(out)
        for r0, r1, need in tall:
            have = sum(heights[r0 : r1 + 1])
            if have < need:
                heights[r1] += need - have
        return cells, [h or style.leading + 2 * vp for h in heights]

    # -- platypus ----------------------------------------------------------------------------------

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def _part(self, first: int, last: int) -> GridTable:
        part = GridTable.__new__(GridTable)
        Flowable.__init__(part)
        part.col_widths, part.x_edges, part.padding, part.rule = (
            self.col_widths, self.x_edges, self.padding, self.rule,
        )  # fmt: skip
        part.spans, part.header_texts, part.hAlign = self.spans, self.header_texts, self.hAlign
        part.head_cells, part.head_heights = self.head_cells, self.head_heights
        part.body_cells = self.body_cells[first:last]
        part.row_heights = self.row_heights[first:last]
        part.width = self.width
        part.height = sum(part.head_heights) + sum(part.row_heights)
        part.spaceBefore = self.spaceBefore if first == 0 else 0.0
        part.spaceAfter = self.spaceAfter
        return part

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        n = len(self.row_heights)
        room = availHeight - sum(self.head_heights)
        k, used = 0, 0.0
        while k < n and used + self.row_heights[k] <= room + _FUZZ:
            used += self.row_heights[k]
            k += 1
        if k >= n:
            return []  # rounding at the frame's edge: let the frame move it on
        if k == 0 or (k == 1 and n >= 3) or n <= 2:
            return []  # one row alone at the foot of a page: the table starts on the next page
        if n - k == 1 and k >= 3:
            k -= 1  # never carry a single row over: take another one with it
        return [self._part(0, k), self._part(k, n)]

    # -- drawing -----------------------------------------------------------------------------------

    def draw(self) -> None:
        canv = self.canv
        hp = self.padding[0]
        canv.saveState()
        canv.setLineWidth(self.rule)
        canv.setStrokeGray(0)
        canv.setFillGray(0)
        t = canv.beginText()
        t.setCharSpace(0)
        top = self.height
        # Header cells, each with its own box (merged cells have no inner rules).
        y = top
        row_tops = [top]
        for h in self.head_heights:
            y -= h
            row_tops.append(y)
        path = canv.beginPath()
        for r, row in enumerate(self.head_cells):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                span = self._span_of(r, c)
                c1, r1 = (span[2], span[3]) if span else (c, r)
                x0, x1 = self.x_edges[c], self.x_edges[c1 + 1]
                y0, y1 = row_tops[r1 + 1], row_tops[r]
                path.rect(x0, y0, x1 - x0, y1 - y0)
                self._text(t, cell, x0 + hp, x1 - hp, y0, y1)
        # Body: rules across and down, then the text.
        body_top = row_tops[-1]
        y = body_top
        for h in self.row_heights:
            y -= h
            path.moveTo(0, y)
            path.lineTo(self.width, y)
        for x in self.x_edges:
            path.moveTo(x, body_top)
            path.lineTo(x, 0)
        canv.drawPath(path, stroke=1, fill=0)
        y = body_top
        for body_row, h in zip(self.body_cells, self.row_heights, strict=True):
            for c, body_cell in enumerate(body_row):
                self._text(t, body_cell, self.x_edges[c] + hp, self.x_edges[c + 1] - hp, y - h, y)
            y -= h
        canv.drawText(t)
        canv.restoreState()

    def _text(self, t: object, cell: _Cell, x0: float, x1: float, y0: float, y1: float) -> None:
        st = cell.style
        stack, size = st.stack, st.font_size
        block = len(cell.lines) * st.leading
        top = (y0 + y1) / 2 + block / 2  # vertically centred
        for i, line in enumerate(cell.lines):
            if not line.text:
                continue
            if st.align == "right":
                x = x1 - line.width
            elif st.align == "center":
                x = (x0 + x1 - line.width) / 2
            else:
                x = x0
            baseline = top - i * st.leading - (st.leading - size) / 2 - _BASELINE_IN_EM * size
            t.setTextOrigin(x, baseline)  # type: ignore[attr-defined]
            for font, part in stack.runs(line.text):
                t.setFont(font, size)  # type: ignore[attr-defined]
                t.textOut(part)  # type: ignore[attr-defined]
