"""Reading and writing catalogue workbooks (.xlsx via openpyxl, .csv) as plain grids of text.

Responsibility: bytes on disk <-> ``Sheet`` (name, rows of strings, merged ranges, formula cells). No
catalogue semantics here (that is ``layout``). Safety: openpyxl parses with defusedxml (a dependency),
formulas are read as their text and never evaluated, a file that is not a workbook gives a clear
``InputError``, and file and cell sizes are capped before anything is built from them.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from app.errors import InputError

MAX_FILE_BYTES = 50 * 1024 * 1024
#: The longest cell accepted (the longest bundled cell is under 500 characters).
MAX_CELL_CHARS = 8000
#: Leading characters a spreadsheet would treat as a formula (OWASP "CSV injection").
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Sheet:
    """One worksheet (or the one table of a CSV file) as text."""

    name: str
    rows: list[list[str]]
    #: merged ranges as (first_row, first_col, last_row, last_col), 1-based inclusive
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    #: (row, col) of cells holding a formula (1-based)
    formulas: set[tuple[int, int]] = field(default_factory=set)
    #: (row, col) of cells longer than MAX_CELL_CHARS (their text is cut to keep memory bounded)
    oversized: set[tuple[int, int]] = field(default_factory=set)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def read_sheets(path: Path) -> list[Sheet]:
    """Every worksheet of ``path`` as text; raises InputError for unreadable or unsafe files."""
    if not path.exists():
        raise InputError(f"{path}：文件不存在")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(f"{path.name}：文件有 {size // 1024 // 1024} MB，超过上限 50 MB，应为目录表格文件")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return [_read_csv(path)]
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix == ".xls":
        raise InputError(f"{path.name}：旧版 .xls 格式不受支持，请在 Excel 或 WPS 中另存为 .xlsx 后再导入")
    raise InputError(f"{path.name}：应为 .xlsx 或 .csv 文件，实为“{path.suffix or '无扩展名'}”")


def _read_csv(path: Path) -> Sheet:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise InputError(f"{path.name}：不是文本格式的 CSV 文件（含二进制内容）")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes almost anything
        raise InputError(f"{path.name}：无法识别文字编码，应为 UTF-8 或 GBK")
    sheet = Sheet(path.stem, [])
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for row in reader:
            sheet.rows.append(row)
    except csv.Error as exc:
        raise InputError(
            f"{path.name}：第 {reader.line_num} 行无法读取（{exc}）；单元格应不超过 {MAX_CELL_CHARS} 字，引号应成对"
        ) from None
    _cap_cells(sheet)
    return sheet


def _cap_cells(sheet: Sheet) -> None:
    for r, row in enumerate(sheet.rows, start=1):
        for c, value in enumerate(row, start=1):
            if len(value) > MAX_CELL_CHARS:
                sheet.oversized.add((r, c))
                row[c - 1] = value[:MAX_CELL_CHARS]


def _read_xlsx(path: Path) -> list[Sheet]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if not zipfile.is_zipfile(path):
        raise InputError(
            f"{path.name}：不是有效的 Excel 工作簿（.xlsx 应为 Office Open XML 压缩包），请用 Excel 或 WPS 另存后再试"
        )
    try:
        # Read-only streaming is several times faster; merged ranges are read from the sheet XML.
        wb = load_workbook(path, read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(
            f"{path.name}：不是有效的 Excel 工作簿（{type(exc).__name__}），请用 Excel 或 WPS 另存后再试"
        ) from None
    except Exception as exc:  # defusedxml refuses entity tricks with its own exception types
        if type(exc).__module__.startswith(("defusedxml", "xml")):
            raise InputError(f"{path.name}：工作簿含不安全或损坏的 XML 内容，已拒绝读取") from None
        raise
    sheets = []
    try:
        with zipfile.ZipFile(path) as archive:
            for ws in wb.worksheets:
                sheet = Sheet(ws.title, [])
                xml = _sheet_xml(archive, getattr(ws, "_worksheet_path", ""))
                sheet.merged = _merged_ranges(xml)
                if xml and _FORMULA.search(xml) is None:
                    # The usual case: plain values, no cell objects built (values_only).
                    sheet.rows = [[_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
                else:
                    for r, row in enumerate(ws.iter_rows(), start=1):
                        values = []
                        for c, cell in enumerate(row, start=1):
                            if getattr(cell, "data_type", None) == "f":
                                sheet.formulas.add((r, c))
                            values.append(_text(getattr(cell, "value", None)))
                        sheet.rows.append(values)
                _cap_cells(sheet)
                sheets.append(sheet)
    except Exception as exc:
        if type(exc).__module__.startswith(("defusedxml", "xml", "zipfile")):
            raise InputError(f"{path.name}：工作簿含不安全或损坏的 XML 内容，已拒绝读取") from None
        raise
    finally:
        wb.close()
    return sheets


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3}[0-9]{1,7}:[A-Z]{1,3}[0-9]{1,7})"')
#: A formula element (``<f>…</f>``, ``<f t="shared" si="0"/>``) anywhere in the sheet.
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _sheet_xml(archive: zipfile.ZipFile, member: str) -> bytes:
    """The worksheet's raw XML (b"" when openpyxl did not say where it is)."""
    return archive.read(member.lstrip("/")) if member else b""


def _merged_ranges(xml: bytes) -> list[tuple[int, int, int, int]]:
    """The sheet's ``<mergeCell ref="A1:B2"/>`` ranges.

    A byte pattern over the raw XML (no entity expansion, so no XML tricks apply); openpyxl's
    read-only mode, used for speed, does not report merges. The same cheap pass looks for formula
    elements, so the cell-by-cell path (which knows a cell's type) runs only for sheets that have one.
    """
    from openpyxl.utils.cell import range_boundaries

    out = []
    for ref in _MERGE.findall(xml):
        c1, r1, c2, r2 = range_boundaries(ref.decode("ascii"))
        out.append((int(r1 or 0), int(c1 or 0), int(r2 or 0), int(c2 or 0)))
    return out


def neutralise(value: str) -> str:
    """A cell text that no spreadsheet will run as a formula (OWASP: prefix a single quote)."""
    return "'" + value if value.startswith(FORMULA_LEADS) else value


def unneutralise(value: str) -> str:
    """Undo ``neutralise`` so an exported file imports back to the same text."""
    if value.startswith("'") and value[1:].startswith(FORMULA_LEADS):
        return value[1:]
    return value


def write_csv(path: Path, rows: Sequence[Sequence[str]]) -> None:
    """UTF-8 with BOM (so Excel/WPS open it as Chinese), every field quoted, CRLF."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralise(v) for v in row])
    path.write_bytes(("\ufeff" + buf.getvalue()).encode("utf-8"))


def write_xlsx(
    path: Path,
    title: str,
    rows: Sequence[Sequence[str]],
    merges: Sequence[str],
    widths: Sequence[float],
    header_rows: int,
) -> None:
    """One worksheet with merged header cells, wrapped text and column widths."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append([neutralise(v) for v in row])
    for r in range(1, len(rows) + 1):
        for c in range(1, len(rows[r - 1]) + 1):
            cell = ws.cell(r, c)
            cell.data_type = "s"  # a string stays a string, whatever it starts with
            cell.alignment = Alignment(
                wrap_text=True, vertical="center", horizontal="center" if r <= header_rows else "left"
            )
            if r <= header_rows:
                cell.font = Font(bold=True)
    for rng in merges:
        ws.merge_cells(rng)
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = ws.cell(header_rows + 1, 1)
    wb.save(path)
