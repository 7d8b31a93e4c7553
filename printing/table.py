"""Print-friendly tables with Chinese text in cells.

Responsibility: build a ReportLab ``Table`` from header rows and string rows that splits across
pages with the header repeated on every page and never strands a single row at the foot or the top
of a page, wraps CJK text inside cells with the same kinsoku rules as body text (headers only
between words), and uses plain 0.5 pt black rules (no zebra stripes or fills: they turn grey and
muddy on township laser printers and cost toner).

Column widths: ``col_widths`` are *relative weights* (``[1, 3, 2]``), scaled to the width of the
type area, so one table definition works on A4 portrait, landscape and A3. Without weights, widths
come from the content (``column_widths``): each column gets at least its longest word of the
header and its longest unbreakable cell (a name, a masked ID, an amount, a date), then the rest of
the width goes to the columns whose text would otherwise wrap, in proportion to how much they
want. Columns of numbers (amounts, counts) are right-aligned so their digits line up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportlab.platypus import Flowable, Table, TableStyle

from printing.fonts import MissingGlyphError
from printing.grid import GridTable
from printing.layout import PT_5HAO, Styles, TextStyle
from printing.linebreak import NOBREAK_RE
from printing.text import CJKText

__all__ = ["CELL_PADDING", "ColumnPlan", "column_widths", "make_table"]

#: Horizontal / vertical cell padding in points.
CELL_PADDING = (4.0, 3.0)
RULE_WIDTH = 0.5
TABLE_SPACE_BEFORE = 6.0
TABLE_SPACE_AFTER = 12.0

#: A cell of a number column: 1280, 1,280.50, 1280元, 3人, 45%.
_NUMBER_RE = re.compile(
    r"^[-+]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?\s*(?:元|万元|人|户|%|％|件|条|次)?$"
)
#: Cells this short are never wrapped (names, villages, amounts, dates, masked numbers).
_SHORT = 4
_SAMPLE = 500


def _cell_text(value: object) -> str:
    return "" if value is None else str(value)


@dataclass(frozen=True)
class ColumnPlan:
    """Content-based column geometry in points: what each column needs and would like."""

    minimum: list[float]
    natural: list[float]
    numeric: list[bool]

    @property
    def min_total(self) -> float:
        return sum(self.minimum)

    def weighted(self, weights: Sequence[float], avail: float) -> list[float]:
        """The author's relative ``weights``, but never below a column's minimum: columns that
        would be too narrow get their minimum and the others share what is left by weight."""
        fixed: dict[int, float] = {}
        while True:
            free = [j for j in range(len(weights)) if j not in fixed]
            room = avail - sum(fixed.values())
            total = sum(weights[j] for j in free) or 1.0
            widths = {j: room * weights[j] / total for j in free}
            short = [j for j in free if widths[j] < self.minimum[j] - 1e-6]
            if not short or room <= 0:
                break
            for j in short:
                fixed[j] = self.minimum[j]
        out = [fixed.get(j, widths.get(j, 0.0)) for j in range(len(weights))]
        if sum(out) > avail + 1e-6:  # even the minimums do not fit: scale them (the table is too wide)
            out = [w * avail / sum(out) for w in out]
        return out

    def fit(self, avail: float) -> list[float]:
        """Widths that fill ``avail`` (CSS automatic table layout)."""
        nat, low = self.natural, self.minimum
        if sum(nat) <= avail:
            total = sum(nat)
            return [w + (avail - total) * w / total for w in nat]
        if sum(low) >= avail:
            return [w * avail / sum(low) for w in low]
        extra = avail - sum(low)
        want = [n - m for n, m in zip(nat, low, strict=True)]
        total_want = sum(want) or 1.0
        return [m + extra * w / total_want for m, w in zip(low, want, strict=True)]


def _text_width(text: str, style: TextStyle) -> float:
    """The widest line of ``text`` at ``style`` (a missing glyph is reported with the cell's text)."""
    try:
        return max((style.stack.width(part, style.font_size) for part in text.split("\n")), default=0.0)
    except MissingGlyphError as exc:
        raise exc.with_context(text) from None


def _longest_word(text: str, style: TextStyle) -> float:
    from printing.words import break_costs  # jieba: loaded on first use

    stack, size = style.stack, style.font_size
    if not text:
        return 0.0
    cuts = [0, *sorted(break_costs(text)), len(text)] if len(text) > 1 else [0, len(text)]
    return max(stack.width(text[a:b], size) for a, b in zip(cuts, cuts[1:], strict=False))


def column_widths(
    columns: Sequence[str], rows: Sequence[Sequence[str]], cell: TextStyle, head: TextStyle
) -> ColumnPlan:
    """What each column needs (``minimum``) and would like (``natural``), padding included."""
    pad = 2 * CELL_PADDING[0] + 1
    em = cell.font_size
    sample = rows[:_SAMPLE]
    minimum, natural, numeric = [], [], []
    for j, header in enumerate(columns):
        texts = [_cell_text(r[j]) for r in sample]
        filled = [t for t in texts if t.strip()]
        widths = [_text_width(t, cell) for t in filled]
        ordered = sorted(widths)
        typical = ordered[int(0.9 * (len(ordered) - 1))] if ordered else 0.0
        unbreakable = max(
            (w for t, w in zip(filled, widths, strict=True) if _unbreakable(t)),
            default=0.0,
        )
        head_lines = header.split("\n")
        head_full = max(_text_width(h, head) for h in head_lines)
        head_word = max(_longest_word(h, head) for h in head_lines)
        low = max(unbreakable, head_word, min(typical, 2.5 * em), 1.5 * em)
        minimum.append(low + pad)
        natural.append(max(low, min(typical, 24 * em), min(head_full, max(low, 6 * em))) + pad)
        numeric.append(bool(filled) and sum(1 for t in filled if _NUMBER_RE.match(t)) >= 0.8 * len(filled))
    return ColumnPlan(minimum, natural, numeric)


def _unbreakable(text: str) -> bool:
    """Names, villages, amounts, dates, masked ID and phone numbers: one line, never wrapped."""
    return len(text) <= _SHORT or bool(_NUMBER_RE.match(text)) or NOBREAK_RE.fullmatch(text) is not None


class RosterTable(Table):
    """A ReportLab table that never leaves one row alone at a page's foot or top.

    ``split`` moves the whole table on when only one body row would stay on this page (unless the
    table has just one or two rows), and takes one more row over when only one would go to the next.
    """

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2 or self.splitInRow:
            return parts
        head = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        first = len(parts[0]._cellvalues) - head
        rest = len(parts[1]._cellvalues) - head
        if first == 1 and rest >= 2:
            return []
        if rest == 1 and first >= 3:
            last = head + first - 1
            shorter = availHeight - self._rowHeights[last] - 0.5
            again = super().split(availWidth, shorter)
            if len(again) == 2:
                return again
        return parts


def make_table(
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    styles: Styles,
    avail_width: float,
    col_widths: Sequence[float] | None = None,
    *,
    header_rows: Sequence[Sequence[str]] = (),
    spans: Sequence[tuple[int, int, int, int]] = (),
    font_size: float | None = None,
    split_in_row: bool = False,
    align: Sequence[str] | None = None,
) -> Flowable:
    """A splittable table filling ``avail_width`` points.

    Raises ``ValueError`` naming the offending row when a row has the wrong number of cells, so a
    bad import is reported where it is.

    ``header_rows`` are extra header rows set under ``columns`` (a grouped header such as 公开事项
    over 一级/二级/三级事项); all header rows repeat on every page. ``spans`` merge cells as (first
    col, first row, last col, last row), rows counted from the first header row. ``font_size`` sets
    smaller type for wide tables (default: the 小四 cell style). ``split_in_row`` lets a row taller
    than a page continue on the next one. ``align`` per column ("left", "right", "center"); None
    right-aligns number columns.
    """
    if not columns:
        raise ValueError("Table: at least one column is required")
    ncol = len(columns)
    for i, row in enumerate(rows, start=1):
        if len(row) != ncol:
            raise ValueError(f"Table row {i}: expected {ncol} cells ({'、'.join(columns)}), got {len(row)}")
    for i, extra in enumerate(header_rows, start=2):
        if len(extra) != ncol:
            raise ValueError(f"Table header row {i}: expected {ncol} cells, got {len(extra)}")
    cell_style, head_style = styles.table_cell, styles.table_header
    leaves = _leaf_headers(columns, header_rows, spans)
    if font_size is not None:
        cell_style = replace(cell_style, font_size=font_size, leading=1.3 * font_size)
        head_style = replace(head_style, font_size=font_size, leading=1.3 * font_size)
    plan = column_widths(leaves, rows, cell_style, head_style)
    if col_widths is None and font_size is None:
        # A roster whose names, masked IDs and amounts cannot all stand on one line at 小四 is set
        # in 五号, then 小五, as a clerk would do in Word, rather than wrapping an ID number.
        for smaller in (PT_5HAO, 9.0):
            if plan.min_total <= avail_width:
                break
            cell_style = replace(cell_style, font_size=smaller, leading=1.35 * smaller)
            head_style = replace(head_style, font_size=smaller, leading=1.35 * smaller)
            plan = column_widths(leaves, rows, cell_style, head_style)
    if col_widths is not None:
        if len(col_widths) != ncol or any(w <= 0 for w in col_widths):
            raise ValueError(f"Table col_widths: expected {ncol} positive weights, got {list(col_widths)}")
        widths = plan.weighted(col_widths, avail_width)
    else:
        widths = plan.fit(avail_width)
    aligns = list(align) if align is not None else ["right" if n else "left" for n in plan.numeric]
    cell_styles = [replace(cell_style, align=a) if a != cell_style.align else cell_style for a in aligns]  # type: ignore[arg-type]
    nhead = 1 + len(header_rows)
    if not split_in_row and all(r1 < nhead for _c0, _r0, _c1, r1 in spans):
        grid = GridTable(
            [list(columns), *[list(r) for r in header_rows]],
            [[_cell_text(v) for v in row] for row in rows],
            widths,
            cell_styles,
            head_style,
            spans=spans,
            padding=CELL_PADDING,
            rule=RULE_WIDTH,
        )
        grid.spaceBefore = TABLE_SPACE_BEFORE
        grid.spaceAfter = TABLE_SPACE_AFTER
        return grid
    header = [[CJKText(str(h), head_style, words=True) for h in hrow] for hrow in [columns, *header_rows]]
    body = [[CJKText(_cell_text(v), cell_styles[j]) for j, v in enumerate(row)] for row in rows]
    hpad, vpad = CELL_PADDING
    table = RosterTable(
        [*header, *body],
        colWidths=widths,
        repeatRows=len(header),  # header rows repeated on every page
        splitInRow=1 if split_in_row else 0,
        hAlign="CENTER",
    )
    table.setStyle(
        TableStyle(
            [
                # Cells hold CJKText flowables; the cell font is set anyway because ReportLab
                # selects it before drawing each cell, and its default (Helvetica) would end up as a
                # non-embedded font in the PDF.
                ("FONTNAME", (0, 0), (-1, -1), cell_style.font_name),
                ("FONTSIZE", (0, 0), (-1, -1), cell_style.font_size),
                ("GRID", (0, 0), (-1, -1), RULE_WIDTH, (0, 0, 0)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), hpad),
                ("RIGHTPADDING", (0, 0), (-1, -1), hpad),
                ("TOPPADDING", (0, 0), (-1, -1), vpad),
                ("BOTTOMPADDING", (0, 0), (-1, -1), vpad),
                *[("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in spans],
            ]
        )
    )
    # A little air between the table and the text grid around it.
    table.spaceBefore = TABLE_SPACE_BEFORE
    table.spaceAfter = TABLE_SPACE_AFTER
    return table


def _leaf_headers(
    columns: Sequence[str], header_rows: Sequence[Sequence[str]], spans: Sequence[tuple[int, int, int, int]]
) -> list[str]:
    """The header text that sits over each single column (a spanned group header belongs to none)."""
    grid = [list(columns), *[list(r) for r in header_rows]]
    for c0, r0, c1, _r1 in spans:
        if c1 > c0:
            for c in range(c0, c1 + 1):
                grid[r0][c] = ""
    return ["\n".join(t for t in (row[j] for row in grid) if t) for j in range(len(columns))]


def plan_for(
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    styles: Styles,
    *,
    header_rows: Sequence[Sequence[str]] = (),
    spans: Sequence[tuple[int, int, int, int]] = (),
    font_size: float | None = None,
) -> ColumnPlan:
    """The column plan ``make_table`` would use (for choosing the page orientation)."""
    cell_style, head_style = styles.table_cell, styles.table_header
    if font_size is not None:
        cell_style = replace(cell_style, font_size=font_size, leading=1.3 * font_size)
        head_style = replace(head_style, font_size=font_size, leading=1.3 * font_size)
    return column_widths(_leaf_headers(columns, header_rows, spans), rows, cell_style, head_style)
