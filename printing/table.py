"""Print-friendly tables with Chinese text in cells.

Responsibility: build a ReportLab ``Table`` from a header row and string rows
that splits across pages with the header repeated on every page, wraps CJK
text inside cells with the same kinsoku rules as body text, and uses plain
0.5 pt black rules (no zebra stripes or fills: they turn grey and muddy on
township laser printers and cost toner).

Column widths: ``col_widths`` are *relative weights* (``[1, 3, 2]``), scaled to
the width of the type area, so one table definition works on A4 portrait,
landscape and A3.  Without weights, widths follow the content (see
``auto_col_weights``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reportlab.platypus import Table, TableStyle

from printing.layout import Styles
from printing.text import CJKText, char_width

__all__ = ["CELL_PADDING", "auto_col_weights", "make_table"]

#: Horizontal / vertical cell padding in points.
CELL_PADDING = (4.0, 3.0)
RULE_WIDTH = 0.5
TABLE_SPACE_BEFORE = 6.0
TABLE_SPACE_AFTER = 12.0


def _cell_text(value: object) -> str:
    return "" if value is None else str(value)


def _text_width(text: str, font_name: str, size: float) -> float:
    return sum(char_width(font_name, size, ch) for ch in text)


def auto_col_weights(columns: Sequence[str], rows: Sequence[Sequence[str]], styles: Styles) -> list[float]:
    """Content-based column weights.

    Each column wants room for its header on one line and for a typical cell
    (the 90th percentile of natural widths, so one very long cell does not
    starve the others), between two and twenty characters wide.
    """
    cell = styles.table_cell
    em = cell.font_size
    sample = rows[:500]  # enough to be representative, bounded cost
    weights = []
    for j, header in enumerate(columns):
        widths = sorted(_text_width(_cell_text(r[j]), cell.font_name, cell.font_size) for r in sample)
        typical = widths[int(0.9 * (len(widths) - 1))] if widths else 0.0
        head = _text_width(header, styles.table_header.font_name, styles.table_header.font_size)
        weights.append(min(max(head, typical, 2 * em), 20 * em))
    return weights


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
) -> Table:
    """A splittable table filling ``avail_width`` points.

    Raises ``ValueError`` naming the offending row when a row has the wrong
    number of cells, so a bad import is reported where it is.

    ``header_rows`` are extra header rows set under ``columns`` (a grouped
    header such as 公开事项 over 一级/二级/三级事项); all header rows repeat on
    every page. ``spans`` merge cells as (first col, first row, last col, last
    row), rows counted from the first header row. ``font_size`` sets smaller
    type for wide tables (default: the 小四 cell style). ``split_in_row`` lets
    a row taller than a page continue on the next one.
    """
    if not columns:
        raise ValueError("Table: at least one column is required")
    ncol = len(columns)
    for i, row in enumerate(rows, start=1):
        if len(row) != ncol:
            raise ValueError(f"Table row {i}: expected {ncol} cells ({'、'.join(columns)}), got {len(row)}")
    if col_widths is not None:
        if len(col_widths) != ncol or any(w <= 0 for w in col_widths):
            raise ValueError(f"Table col_widths: expected {ncol} positive weights, got {list(col_widths)}")
        weights = [float(w) for w in col_widths]
    else:
        weights = auto_col_weights(columns, rows, styles)
    total = sum(weights)
    widths = [avail_width * w / total for w in weights]

    for i, extra in enumerate(header_rows, start=2):
        if len(extra) != ncol:
            raise ValueError(f"Table header row {i}: expected {ncol} cells, got {len(extra)}")
    cell_style, head_style = styles.table_cell, styles.table_header
    if font_size is not None:
        cell_style = replace(cell_style, font_size=font_size, leading=1.3 * font_size)
        head_style = replace(head_style, font_size=font_size, leading=1.3 * font_size)
    header = [[CJKText(str(h), head_style) for h in hrow] for hrow in [columns, *header_rows]]
    body = [[CJKText(_cell_text(v), cell_style) for v in row] for row in rows]
    hpad, vpad = CELL_PADDING
    table = Table(
        [*header, *body],
        colWidths=widths,
        repeatRows=len(header),  # header rows repeated on every page
        splitInRow=1 if split_in_row else 0,
        hAlign="CENTER",
    )
    table.setStyle(
        TableStyle(
            [
                # Cells hold CJKText flowables; the cell font is set anyway because
                # ReportLab selects it before drawing each cell, and its default
                # (Helvetica) would end up as a non-embedded font in the PDF.
                ("FONTNAME", (0, 0), (-1, -1), styles.table_cell.font_name),
                ("FONTSIZE", (0, 0), (-1, -1), styles.table_cell.font_size),
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
