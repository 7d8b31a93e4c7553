"""Reading and writing catalogue workbooks as plain grids of text: one reader for every format.

Responsibility: bytes on disk <-> ``Sheet`` (name, rows of strings, merged ranges, formula cells). No
catalogue semantics here (that is ``layout``). Reading: .xlsx, .xlsm, .xls (Excel 97 and WPS's
default), WPS .et and .ods all go through python-calamine (Rust; about ten times faster than openpyxl
on a 5,000-row sheet, bench/search.py); the format is decided by the file's content, not its name,
because offices rename files. .csv is read by the standard library. Writing stays .xlsx (openpyxl)
and .csv.

Safety (docs/limits.md): every limit is checked *before* the workbook is expanded, from the zip
directory and a byte-level scan of the sheet XML — never by building it and seeing: the file size,
the unpacked size (declared, then enforced while reading, so a forged directory does not help), rows
and columns per sheet, the cells a sheet expands to (shared strings and repeated ODS cells counted
as expanded), and the text they hold, per sheet and for the workbook. An Excel 97 file is sized from
its records by ``biff`` (shared strings x the cells that reference them, declared dimensions, a
container without loops). A refusal is one ``InputError`` line naming the limit.
Formulas are never evaluated: in .xlsx/.xlsm/.ods a formula cell is found in the XML and reported
with its place; .xls/.et keep only the value Excel last computed, which is what is read.
"""

from __future__ import annotations

import csv
import html
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from app.errors import InputError, LimitError

MIB = 1024 * 1024
#: The largest file accepted, whatever its format.
MAX_FILE_BYTES = 50 * MIB
#: What a zipped workbook (.xlsx/.xlsm/.ods) may unpack to, all members together.
MAX_UNPACKED_BYTES = 200 * MIB
#: Rows and columns of one sheet (a county's whole catalogue is a few thousand rows).
MAX_ROWS = 50_000
MAX_COLUMNS = 256
#: Cells a sheet may expand to (its used rows x columns), and the text all cells may expand to.
MAX_CELLS = 2_000_000
MAX_TEXT_BYTES = 200 * MIB
#: The longest cell accepted (the longest bundled cell is under 500 characters).
MAX_CELL_CHARS = 8000
#: Suffixes the importer accepts; the content decides how the file is read.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et", ".ods")
SUFFIXES = (*WORKBOOK_SUFFIXES, ".csv")
#: Leading characters a spreadsheet would treat as a formula (OWASP "CSV injection").
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


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


@dataclass
class _Scan:
    """What the byte-level scan of one sheet found before the reader runs."""

    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    #: (row, col) -> the formula's text (shown in the problem report; never evaluated)
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    rows: int = 0
    columns: int = 0
    cells: int = 0
    text: int = 0


def _mb(n: int) -> str:
    return f"{n / MIB:.0f} MB" if n >= MIB else f"{n} 字节"


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat("minutes") if not value.second else value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


def read_sheets(path: Path) -> list[Sheet]:
    """Every worksheet of ``path`` as text; raises InputError for unreadable, unsafe or oversized files."""
    if not path.exists():
        raise InputError(f"{path}：文件不存在")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(
            f"{path.name}：应为 .xlsx、.xlsm、.xls、.et、.ods 或 .csv 文件，实为“{path.suffix or '无扩展名'}”"
        )
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise LimitError(f"{path.name}：文件有 {_mb(size)}，超过上限 {_mb(MAX_FILE_BYTES)}（文件大小上限）")
    data = path.read_bytes()
    if suffix == ".csv":
        return [_read_csv(path.name, path.stem, data)]
    return read_workbook(path.name, data)


def read_workbook(name: str, data: bytes) -> list[Sheet]:
    """The sheets of a workbook given as bytes, whatever its format (decided by content)."""
    if data.startswith(_OLE_MAGIC):
        kind, scans = "xls", _scan_biff(name, data)
    elif data.startswith(b"PK\x03\x04"):
        kind, scans = _scan_zip(name, data)
    else:
        raise InputError(
            f"{name}：不是 Excel、WPS 或 OpenDocument 工作簿（文件内容不符），请用 Excel 或 WPS 另存为 .xlsx 后再试"
        )
    _check_book(name, scans.values())
    return _read_calamine(name, data, kind, scans)


def _scan_biff(name: str, data: bytes) -> dict[str, _Scan]:
    """Each sheet of an Excel 97 workbook sized from its records (``biff``), limits checked."""
    from app.catalogue import biff

    book = biff.scan(name, data)
    out: dict[str, _Scan] = {}
    for i, sheet in enumerate(book.sheets):
        scan = _Scan(rows=sheet.rows, columns=sheet.columns, text=sheet.text)
        _check(name, sheet.name, scan)
        if sheet.declared_cells > MAX_CELLS:
            raise LimitError(
                f"{name}：工作表“{sheet.name}”声明的区域有 {sheet.declared_cells} 个单元格，"
                f"超过上限 {MAX_CELLS} 个（单元格上限），已拒绝读取"
            )
        out[sheet.name if sheet.name not in out else f"{sheet.name}#{i}"] = scan
    if book.shared_text:
        out["\x00shared"] = _Scan(text=book.shared_text)  # held once while the sheets are read
    return out


def _check_book(name: str, scans: Iterable[_Scan]) -> None:
    """The whole workbook's cells and text: many sheets each under the limit are not a way around it."""
    cells = text = 0
    for scan in scans:
        cells += scan.rows * scan.columns
        text += scan.text
    if cells > MAX_CELLS:
        raise LimitError(
            f"{name}：各工作表展开后共有 {cells} 个单元格，超过上限 {MAX_CELLS} 个（单元格上限），已拒绝读取"
        )
    if text > MAX_TEXT_BYTES:
        raise LimitError(
            f"{name}：各工作表展开后文字共 {_mb(text)}，超过上限 {_mb(MAX_TEXT_BYTES)}（展开文字上限），已拒绝读取"
        )


def _read_calamine(name: str, data: bytes, kind: str, scans: dict[str, _Scan]) -> list[Sheet]:
    import python_calamine as calamine  # imported on first use: keeps start-up fast

    try:
        wb = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except calamine.PasswordError:
        raise InputError(f"{name}：工作簿设有打开密码，请取消密码后另存再导入") from None
    except (calamine.CalamineError, ValueError, OSError) as exc:
        raise InputError(
            f"{name}：不是有效的工作簿或文件已损坏（{str(exc)[:80]}），请用 Excel 或 WPS 另存为 .xlsx 后再试"
        ) from None
    except BaseException as exc:
        raise _panic(name, exc) from None
    sheets = []
    with wb:
        for meta in wb.sheets_metadata:
            if str(meta.typ).rsplit(".", 1)[-1] not in ("WorkSheet",):
                continue  # chart and macro sheets hold no table
            scan = scans.get(meta.name, _Scan())
            try:
                ws = wb.get_sheet_by_name(meta.name)
                values = ws.to_python(skip_empty_area=False)
                merged = scan.merged if kind == "ods" else _calamine_merges(ws.merged_cell_ranges)
            except calamine.CalamineError as exc:
                raise InputError(f"{name}：工作表“{meta.name}”无法读取（{str(exc)[:80]}）") from None
            except BaseException as exc:
                raise _panic(name, exc) from None
            sheet = Sheet(meta.name, [[_text(v) for v in row] for row in values], merged, set(scan.formulas))
            for (r, c), formula in scan.formulas.items():
                # The reader gives a formula's last computed value; the report shows the formula.
                while len(sheet.rows) < r:
                    sheet.rows.append([])
                cells = sheet.rows[r - 1]
                cells.extend([""] * (c - len(cells)))
                cells[c - 1] = formula
            _cap_cells(sheet)
            sheets.append(sheet)
    return sheets


def _panic(name: str, exc: BaseException) -> BaseException:
    """A reader that panics on a malformed file (pyo3's PanicException is a BaseException) is a damaged
    file to the clerk; anything else (KeyboardInterrupt, MemoryError...) goes on as it was."""
    if type(exc).__name__ != "PanicException":
        return exc
    return InputError(f"{name}：文件已损坏，读取时出错，请用 Excel 或 WPS 另存为 .xlsx 后再试")


def _calamine_merges(ranges: object) -> list[tuple[int, int, int, int]]:
    out = []
    for (r1, c1), (r2, c2) in ranges or []:  # type: ignore[attr-defined]
        out.append((r1 + 1, c1 + 1, r2 + 1, c2 + 1))
    return out


# -- checks before expanding a zipped workbook -------------------------------------------------------


def _scan_zip(name: str, data: bytes) -> tuple[str, dict[str, _Scan]]:
    """The format of a zipped workbook and a scan of each sheet, every limit checked on the way."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError(f"{name}：压缩包已损坏，不是有效的工作簿，请用 Excel 或 WPS 另存后再试") from None
    declared = sum(i.file_size for i in infos)
    if declared > MAX_UNPACKED_BYTES or len(infos) > 10_000:
        raise LimitError(
            f"{name}：解压后共 {_mb(declared)}（{len(infos)} 个部件），超过上限 {_mb(MAX_UNPACKED_BYTES)}"
            "（解压大小上限，疑似压缩炸弹），已拒绝读取"
        )
    names = {i.filename for i in infos}
    budget = [MAX_UNPACKED_BYTES]

    def member(part: str) -> bytes:
        # Inflated a megabyte at a time: one big read() lets zlib produce up to the whole budget in
        # one go (twice over, while it is sliced), even for a member whose directory entry is forged.
        out = bytearray()
        try:
            with archive.open(part) as fh:
                while chunk := fh.read(1 << 20):
                    out += chunk
                    if len(out) > budget[0]:
                        raise LimitError(
                            f"{name}：解压后超过上限 {_mb(MAX_UNPACKED_BYTES)}（解压大小上限，疑似压缩炸弹），已拒绝读取"
                        )
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            raise InputError(f"{name}：部件 {part} 已损坏（校验不符），已拒绝读取") from None
        budget[0] -= len(out)
        return bytes(out)

    if "mimetype" in names and member("mimetype").strip().startswith(_ODS_MIME):
        if "content.xml" not in names:
            raise InputError(f"{name}：OpenDocument 表格缺少 content.xml，文件已损坏")
        return "ods", _scan_ods(name, member("content.xml"))
    if "xl/workbook.bin" in names:
        raise InputError(f"{name}：Excel 二进制工作簿（.xlsb）不受支持，请另存为 .xlsx 后再导入")
    if "xl/workbook.xml" not in names:
        raise InputError(
            f"{name}：不是 Excel、WPS 或 OpenDocument 工作簿（压缩包内没有工作簿），请另存为 .xlsx 后再试"
        )
    return "xlsx", _scan_ooxml(name, names, member)


def _attrs(raw: bytes) -> dict[str, str]:
    return {k.decode(): html.unescape(v.decode("utf-8", "replace")) for k, v in _ATTR.findall(raw)}


_ATTR = re.compile(rb'([\w:.-]+)\s*=\s*"([^"]*)"')
_SHEET = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)/?>")
_REL = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)/?>")
_SI = re.compile(rb"<(?:\w+:)?si>(.*?)</(?:\w+:)?si>", re.S)
_CELL_REF = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"')
_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")
_LAST_ROW = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="([0-9]{1,7})"')
_SHARED_REF = re.compile(rb'<(?:\w+:)?c\b[^>]*\bt="s"[^>]*>\s*<(?:\w+:)?v>\s*([0-9]+)\s*<')
_FORMULA_CELL = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3}[0-9]{1,7})"[^>]*>\s*<(?:\w+:)?f\b[^>]*?(?:/>|>([^<]{0,200}))'
)
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3}[0-9]{1,7}:[A-Z]{1,3}[0-9]{1,7})"')


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _ref(ref: bytes) -> tuple[int, int]:
    m = re.match(rb"([A-Z]{1,3})([0-9]{1,7})", ref)
    assert m is not None
    return int(m.group(2)), _col_number(m.group(1))


def _scan_ooxml(name: str, names: set[str], member: Callable[[str], bytes]) -> dict[str, _Scan]:
    """Each worksheet's size, merges, formulas and expanded text, from its XML bytes."""
    rels = {
        a.get("Id", ""): a.get("Target", "")
        for a in (_attrs(m) for m in _REL.findall(_opt(member, names, "xl/_rels/workbook.xml.rels")))
    }
    shared = [len(m) for m in _SI.findall(_opt(member, names, "xl/sharedStrings.xml"))]
    out: dict[str, _Scan] = {}
    for raw in _SHEET.findall(member("xl/workbook.xml")):
        a = _attrs(raw)
        target = rels.get(a.get("r:id", "") or next((v for k, v in a.items() if k.endswith(":id")), ""), "")
        part = target.lstrip("/") if target.startswith("/") else "xl/" + target
        if part not in names or "worksheets/" not in part:
            continue
        sheet_name = a.get("name", "")
        xml = member(part)
        scan = _Scan()
        # Rows first: the cheapest count, and the limit a huge sheet meets first.
        scan.rows = len(_ROW.findall(xml))
        last = _LAST_ROW.search(xml, max(0, xml.rfind(b"<row") - 16) if b"<row" in xml else len(xml))
        scan.rows = max(scan.rows, int(last.group(1)) if last else 0)
        _check(name, sheet_name, scan)
        refs = _CELL_REF.findall(xml)
        scan.columns = max((_col_number(c) for c in {letters for letters, _ in refs}), default=0)
        scan.rows = max(scan.rows, max((int(n) for _, n in refs[-64:]), default=0))
        scan.text = len(xml)
        if shared:
            for index in _SHARED_REF.findall(xml):
                i = int(index)
                scan.text += shared[i] if i < len(shared) else 0
        for ref in _MERGE.findall(xml):
            first, last = ref.split(b":")
            (r1, c1), (r2, c2) = _ref(first), _ref(last)
            scan.merged.append((r1, c1, r2, c2))
        if _FORMULA.search(xml):
            for ref, formula in _FORMULA_CELL.findall(xml):
                scan.formulas[_ref(ref)] = "=" + html.unescape(formula.decode("utf-8", "replace"))
        _check(name, sheet_name, scan)
        out[sheet_name] = scan
    return out


def _opt(member: Callable[[str], bytes], names: set[str], part: str) -> bytes:
    return member(part) if part in names else b""


_ODS_TOKEN = re.compile(rb"<(/?)table:(table|table-row)(?=[\s/>])([^>]*?)(/?)>")
_ODS_CELL = re.compile(rb"<table:(table-cell|covered-table-cell)(?=[\s/>])([^>]*?)(/?)>")


def _scan_ods(name: str, xml: bytes) -> dict[str, _Scan]:
    """Each table's size, merges, formulas and expanded text from content.xml (repeats counted).

    Rows are walked one by one; a row's cells are walked only when it has an attribute that matters
    (repeats, spans, formulas), so a plain 5,000-row table costs a few thousand steps.
    """
    elements = xml.count(b"<table:table-cell") + xml.count(b"<table:covered-table-cell")
    if elements > MAX_CELLS:
        raise LimitError(f"{name}：有 {elements} 个单元格，超过上限 {MAX_CELLS} 个（单元格上限），已拒绝读取")
    out: dict[str, _Scan] = {}
    tokens = list(_ODS_TOKEN.finditer(xml))
    scan = _Scan()
    sheet_name = ""
    depth = row = 0
    table_start = 0
    for i, m in enumerate(tokens):
        closing, kind, raw, empty = m.groups()
        if kind == b"table":
            if closing:
                depth -= 1
                if depth == 0:
                    scan.text += m.start() - table_start  # the table's own bytes, once
                    _check(name, sheet_name, scan)
                    out[sheet_name] = scan
            elif not empty:
                depth += 1
                if depth == 1:
                    sheet_name = _attrs(raw).get("table:name", "")
                    scan, table_start, row = _Scan(), m.end(), 0
            continue
        if depth != 1 or closing:
            continue
        reps = int(_attrs(raw).get("table:number-rows-repeated", "1") or 1) if b"repeated" in raw else 1
        body = xml[m.end() : tokens[i + 1].start() if i + 1 < len(tokens) else len(xml)]
        if b"repeated" in body or b"spanned" in body or b"formula" in body:
            _ods_row_cells(name, sheet_name, scan, body, row, reps)
        elif b"value-type" in body or b"<text:" in body:
            scan.rows = row + reps
            scan.columns = max(scan.columns, body.count(b"<table:table-cell") + body.count(b"<table:covered"))
            if reps > 1:
                scan.text += len(body) * (reps - 1)
                _check(name, sheet_name, scan)
        row += reps
    return out


def _ods_row_cells(name: str, sheet: str, scan: _Scan, body: bytes, row: int, row_reps: int) -> None:
    """Walk one ODS row's cells: repeated columns, merged spans and formulas, at their places."""
    cells = list(_ODS_CELL.finditer(body))
    col = 0
    for j, c in enumerate(cells):
        kind, raw, empty = c.groups()
        a = _attrs(raw) if (b"repeated" in raw or b"spanned" in raw or b"formula" in raw) else {}
        reps = int(a.get("table:number-columns-repeated", "1") or 1)
        if kind == b"table-cell" and (not empty or b"value-type" in raw):
            scan.rows = row + row_reps
            scan.columns = max(scan.columns, col + reps)
            if reps * row_reps > 1:
                end = cells[j + 1].start() if j + 1 < len(cells) else len(body)
                scan.text += (end - c.end()) * (reps * row_reps - 1)
                _check(name, sheet, scan)
            if "table:formula" in a:
                scan.formulas[(row + 1, col + 1)] = a["table:formula"].removeprefix("of:")
        if kind == b"table-cell":
            rs = int(a.get("table:number-rows-spanned", "1") or 1)
            cs = int(a.get("table:number-columns-spanned", "1") or 1)
            if rs > 1 or cs > 1:
                scan.merged.append((row + 1, col + 1, row + rs, col + cs))
        col += reps


def _check(name: str, sheet: str, scan: _Scan) -> None:
    scan.cells = scan.rows * scan.columns
    where = f"{name}：工作表“{sheet}”"
    if scan.rows > MAX_ROWS:
        raise LimitError(f"{where}有 {scan.rows} 行，超过上限 {MAX_ROWS} 行（行数上限），已拒绝读取")
    if scan.columns > MAX_COLUMNS:
        raise LimitError(f"{where}有 {scan.columns} 列，超过上限 {MAX_COLUMNS} 列（列数上限），已拒绝读取")
    if scan.cells > MAX_CELLS:
        raise LimitError(
            f"{where}展开后有 {scan.cells} 个单元格，超过上限 {MAX_CELLS} 个（单元格上限），已拒绝读取"
        )
    if scan.text > MAX_TEXT_BYTES:
        raise LimitError(
            f"{where}展开后文字共 {_mb(scan.text)}，超过上限 {_mb(MAX_TEXT_BYTES)}（展开文字上限），已拒绝读取"
        )


# -- CSV -----------------------------------------------------------------------------------------------


def _read_csv(name: str, stem: str, raw: bytes) -> Sheet:
    if b"\x00" in raw[:4096]:
        raise InputError(f"{name}：不是文本格式的 CSV 文件（含二进制内容）")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes almost anything
        raise InputError(f"{name}：无法识别文字编码，应为 UTF-8 或 GBK")
    sheet = Sheet(stem, [])
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for row in reader:
            sheet.rows.append(row)
            if len(sheet.rows) > MAX_ROWS:
                raise LimitError(f"{name}：超过 {MAX_ROWS} 行（行数上限），已拒绝读取")
            if len(row) > MAX_COLUMNS:
                raise LimitError(
                    f"{name}：第 {reader.line_num} 行有 {len(row)} 列，超过上限 {MAX_COLUMNS} 列（列数上限），已拒绝读取"
                )
    except csv.Error as exc:
        raise InputError(
            f"{name}：第 {reader.line_num} 行无法读取（{exc}）；单元格应不超过 {MAX_CELL_CHARS} 字，引号应成对"
        ) from None
    _cap_cells(sheet)
    return sheet


def _cap_cells(sheet: Sheet) -> None:
    for r, row in enumerate(sheet.rows, start=1):
        for c, value in enumerate(row, start=1):
            if len(value) > MAX_CELL_CHARS:
                sheet.oversized.add((r, c))
                row[c - 1] = value[:MAX_CELL_CHARS]


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
