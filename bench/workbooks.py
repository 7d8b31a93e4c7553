"""Workbooks in the formats offices keep, made from rows of text (for tests and benchmarks).

``write_xls`` (Excel 97 / WPS default, BIFF8, through xlwt), ``write_ods`` (OpenDocument, through
odfpy) and ``write_xlsm`` (macro-enabled Open XML, through openpyxl) write one sheet per
``(name, rows)`` pair with the published layout's merged header cells, so the importer sees a file
laid out as a township's own catalogue is. xlwt and odfpy are test extras, not app dependencies:
the app only reads these formats (python-calamine) and writes .xlsx/.csv.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

from openpyxl.utils.cell import range_boundaries

Rows = Sequence[Sequence[str]]
Merges = Sequence[str]


def _spans(merges: Merges) -> tuple[dict[tuple[int, int], tuple[int, int]], set[tuple[int, int]]]:
    """Anchor (row, col) -> (rows, cols) spanned, and the covered cells (0-based)."""
    anchors: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    for ref in merges:
        c1, r1, c2, r2 = range_boundaries(ref)
        assert c1 and r1 and c2 and r2
        anchors[(r1 - 1, c1 - 1)] = (r2 - r1 + 1, c2 - c1 + 1)
        covered |= {(r - 1, c - 1) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)} - {(r1 - 1, c1 - 1)}
    return anchors, covered


def write_xls(path: Path, sheets: Sequence[tuple[str, Rows, Merges]]) -> Path:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    for name, rows, merges in sheets:
        ws = wb.add_sheet(name)
        anchors, covered = _spans(merges)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if (r, c) in covered:
                    continue
                if (r, c) in anchors:
                    nr, nc = anchors[(r, c)]
                    ws.write_merge(r, r + nr - 1, c, c + nc - 1, value)
                elif value != "":
                    ws.write(r, c, value)
    wb.save(str(path))
    return path


def write_ods(path: Path, sheets: Sequence[tuple[str, Rows, Merges]]) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for name, rows, merges in sheets:
        table = Table(name=name)
        anchors, covered = _spans(merges)
        for r, row in enumerate(rows):
            tr = TableRow()
            for c, value in enumerate(row):
                if (r, c) in covered:
                    tr.addElement(CoveredTableCell())
                    continue
                attrs: dict[str, object] = {}
                if (r, c) in anchors:
                    nr, nc = anchors[(r, c)]
                    attrs = {"numberrowsspanned": nr, "numbercolumnsspanned": nc}
                if value == "":
                    tr.addElement(TableCell(**attrs))
                    continue
                cell = TableCell(valuetype="string", **attrs)
                for line in value.split("\n"):
                    cell.addElement(P(text=line))
                tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def write_xlsm(path: Path, xlsx: Path) -> Path:
    """``xlsx`` re-labelled as a macro-enabled workbook (the content type Excel gives .xlsm)."""
    with zipfile.ZipFile(xlsx) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = re.sub(
                    rb"application/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet\.main\+xml",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                    data,
                )
            dst.writestr(info, data)
    return path
