"""Sizing an Excel 97 workbook (.xls, WPS .et) from its records, before python-calamine opens it.

Responsibility: bytes of an OLE2 (compound file) workbook -> the size each sheet will expand to.
Nothing is decoded into cells here; ``files`` compares the sizes with the limits (docs/limits.md).

Why a walk of our own: an .xls is not compressed, yet it can still expand far beyond its size, and
python-calamine parses every sheet the moment it opens the file:

- one long string in the shared string table (SST) referenced by thousands of LABELSST cells is
  copied into every cell (a 1 MB string in 300 cells is 300 MB of text from a 1 MB file);
- a sheet's DIMENSIONS record makes the reader reserve room for rows x columns cells, whatever cells
  follow: a forged record (4 billion rows) makes the allocation fail and aborts the whole process;
- the container's own tables (FAT, DIFAT, directory chain) are followed without a loop check.

So the container is opened with olefile (which refuses broken headers and out-of-range sectors),
the chains calamine follows are walked once with a visited set, and then the workbook stream's
records are walked the way calamine walks them: the SST (with its CONTINUE records) gives each
string's length, and each sheet's cell records give its used rows and columns, its declared
dimensions and the text its cells will hold. Record layouts: [MS-XLS] 2.4 (BOF 2.4.21,
BoundSheet8 2.4.28, Dimensions 2.4.90, LabelSst 2.4.149, SST 2.4.265, Continue 2.4.58) and
XLUnicodeRichExtendedString 2.5.293; compound file layout: [MS-CFB] 2.2-2.6.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator
from dataclasses import dataclass

from app.errors import InputError, LimitError

#: Text is counted as UTF-8: at most 3 bytes a character (a Chinese character), so one figure bounds
#: what both the reader (UTF-8) and Python (at most 4 bytes a character) hold.
BYTES_PER_CHAR = 3
#: Strings the shared string table may hold (no sheet may have more cells than this either).
MAX_SHARED_STRINGS = 2_000_000

_ENDOFCHAIN = 0xFFFFFFFE
_RESERVED = 0xFFFFFFFA
_DIFSECT = 0xFFFFFFFC
_CELL_RECORDS = {0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006, 0x00BD}
_INLINE_TEXT = {0x0204, 0x00D6}  # Label, RString (and String 0x0207, a formula's text value)
_HH = struct.Struct("<HH").unpack_from
_H = struct.Struct("<H").unpack_from
_I = struct.Struct("<I").unpack_from
_HB = struct.Struct("<HB").unpack_from


@dataclass
class BiffSheet:
    """What one sheet will expand to when the reader parses it."""

    name: str
    rows: int = 0
    columns: int = 0
    #: rows x columns the sheet's DIMENSIONS record makes the reader reserve
    declared_cells: int = 0
    text: int = 0


@dataclass
class BiffBook:
    sheets: list[BiffSheet]
    #: the shared string table itself, held once while the sheets are read
    shared_text: int


def _damaged(name: str, what: str) -> InputError:
    return InputError(f"{name}：Excel 97 工作簿已损坏（{what}），请用 Excel 或 WPS 另存为 .xlsx 后再试")


def scan(name: str, data: bytes) -> BiffBook:
    """Size every sheet of an OLE2 workbook; raises InputError (damaged) or LimitError (shared strings)."""
    stream = _workbook_stream(name, data)
    return _scan_records(name, stream)


# -- the compound file ----------------------------------------------------------------------------------


def _workbook_stream(name: str, data: bytes) -> bytes:
    """The Workbook stream, after checking every chain python-calamine's container reader follows."""
    import olefile  # imported on first use

    if len(data) < 512:
        raise _damaged(name, "文件头不完整")
    (fat_len,) = struct.unpack_from("<I", data, 44)
    (difat_reserve,) = struct.unpack_from("<I", data, 62)  # calamine reserves this many entries
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, IndexError, struct.error, TypeError) as exc:
        raise _damaged(name, str(exc)[:60]) from None
    with ole:
        ss = ole.sectorsize
        maxid = len(data) // ss
        if fat_len > maxid + 1 or difat_reserve > 1 << 24:
            raise _damaged(name, "文件头的分配表大小不符")
        _walk_difat(name, data, ole.first_difat_sector, ss, maxid)
        fat = list(ole.fat)
        _walk(name, ole.first_dir_sector, fat, maxid, None)
        if ole.num_mini_fat_sectors:
            _walk(name, ole.root.isectStart, fat, maxid, -(-ole.root.size // ss))
            _walk(name, ole.first_mini_fat_sector, fat, maxid, ole.num_mini_fat_sectors)
        entry = next(
            (
                e
                for e in ole.direntries
                if e is not None and e.name in ("Workbook", "Book", "WORKBOOK", "BOOK")
            ),
            None,
        )
        if entry is None:
            raise InputError(
                f"{name}：不是 Excel 工作簿（文件中没有工作簿数据），请用 Excel 或 WPS 另存后再试"
            )
        if entry.size >= ole.minisectorcutoff:
            _walk(name, entry.isectStart, fat, maxid, -(-entry.size // ss))
        else:
            ole.loadminifat()
            _walk(name, entry.isectStart, list(ole.minifat), maxid * (ss // 64), -(-entry.size // 64))
        try:
            with ole.openstream(entry.name) as fh:
                return bytes(fh.read(len(data)))
        except (OSError, ValueError, IndexError) as exc:
            raise _damaged(name, str(exc)[:60]) from None


def _walk_difat(name: str, data: bytes, sector: int, ss: int, maxid: int) -> None:
    seen: set[int] = set()
    while sector < _RESERVED:
        if sector in seen or sector > maxid:
            raise _damaged(name, "扇区链成环或越界")
        seen.add(sector)
        offset = (sector + 1) * ss  # sector 0 follows the header, which fills one sector
        raw = data[offset : offset + ss]
        if len(raw) < 4:
            raise _damaged(name, "扇区链越界")
        (sector,) = struct.unpack_from("<I", raw, len(raw) - 4)


def _walk(name: str, sector: int, table: list[int], maxid: int, steps: int | None) -> None:
    """Follow one chain as the reader will: no sector twice, none outside the file or the table."""
    seen: set[int] = set()
    while sector != _ENDOFCHAIN and (steps is None or len(seen) < steps):
        if sector in seen or sector > maxid or sector >= len(table) or sector >= _DIFSECT:
            raise _damaged(name, "扇区链成环或越界")
        seen.add(sector)
        sector = table[sector]


# -- the workbook stream ----------------------------------------------------------------------------------


def _records(stream: bytes, pos: int) -> Iterator[tuple[int, bytes, list[bytes]]]:
    """Records from ``pos`` as the reader groups them: each with the CONTINUE records after it."""
    end = len(stream)
    while pos + 4 <= end:
        typ, length = struct.unpack_from("<HH", stream, pos)
        if pos + 4 + length > end:
            return  # the reader stops here with an error of its own
        data = stream[pos + 4 : pos + 4 + length]
        pos += 4 + length
        conts = []
        while pos + 4 <= end and struct.unpack_from("<H", stream, pos)[0] == 0x003C:
            (clen,) = struct.unpack_from("<H", stream, pos + 2)
            conts.append(stream[pos + 4 : pos + 4 + clen])
            pos += 4 + clen
        yield typ, data, conts


def _scan_records(name: str, stream: bytes) -> BiffBook:
    sheets: list[tuple[str, int]] = []
    shared: list[int] = []
    for typ, data, conts in _records(stream, 0):
        if typ == 0x002F and data[:2] != b"\x00\x00":
            raise InputError(f"{name}：工作簿设有打开密码，请取消密码后另存再导入")
        if typ == 0x0085 and len(data) >= 4:
            (offset,) = struct.unpack_from("<I", data)
            if offset > len(stream):
                raise _damaged(name, "工作表位置越界")
            sheets.append((_sheet_name(data), offset))
        elif typ == 0x00FC:
            shared = _shared_string_sizes(name, data, conts)
        elif typ == 0x000A:
            break
    book = BiffBook([], sum(shared))
    for sheet_name, offset in sheets:
        book.sheets.append(_scan_sheet(stream, offset, sheet_name, shared))
    return book


def _sheet_name(data: bytes) -> str:
    """BoundSheet8's name: a short XLUnicodeString (BIFF8); '?' for what cannot be decoded."""
    if len(data) < 8:
        return "?"
    cch, flags = data[6], data[7]
    raw = data[8 : 8 + cch * (2 if flags & 1 else 1)]
    return raw.decode("utf-16-le" if flags & 1 else "latin-1", "replace")


def _shared_string_sizes(name: str, data: bytes, conts: list[bytes]) -> list[int]:
    """The UTF-8 size (at most) of each string of the SST, read across its CONTINUE records."""
    segments = [data[8:], *conts]
    seg, pos = 0, 0
    sizes: list[int] = []
    cur = segments[0]
    while True:
        if pos >= len(cur):
            seg += 1
            if seg >= len(segments):
                return sizes
            cur, pos = segments[seg], 0
            continue
        if len(sizes) >= MAX_SHARED_STRINGS:
            raise LimitError(f"{name}：共享字符串超过 {MAX_SHARED_STRINGS} 个（单元格上限），已拒绝读取")
        if pos + 3 > len(cur):
            raise _damaged(name, "共享字符串表不完整")
        cch, flags = _HB(cur, pos)
        if flags < 2:  # plain text, no formatting runs or phonetics: the common case
            stop = pos + 3 + (cch << flags)
            if stop <= len(cur):
                pos = stop
                sizes.append(cch * BYTES_PER_CHAR)
                continue
        pos += 3
        runs = ext = 0
        if flags & 0x8:
            if pos + 2 > len(cur):
                raise _damaged(name, "共享字符串表不完整")
            (runs,) = struct.unpack_from("<H", cur, pos)
            pos += 2
        if flags & 0x4:
            if pos + 4 > len(cur):
                raise _damaged(name, "共享字符串表不完整")
            (ext,) = struct.unpack_from("<i", cur, pos)
            pos += 4
            if ext < 0:
                raise _damaged(name, "共享字符串表不完整")
        need, wide = cch, bool(flags & 1)
        while need:
            width = 2 if wide else 1
            got = min((len(cur) - pos) // width, need)
            need -= got
            pos += got * width
            if need:  # the characters go on in the next CONTINUE record, behind a new flags byte
                seg += 1
                if seg >= len(segments) or not segments[seg]:
                    raise _damaged(name, "共享字符串表不完整")
                cur, pos = segments[seg], 1
                wide = bool(cur[0] & 1)
        skip = runs * 4 + ext  # formatting runs and phonetic data may also cross records
        while skip:
            step = min(skip, len(cur) - pos)
            skip -= step
            pos += step
            if skip:
                seg += 1
                if seg >= len(segments):
                    raise _damaged(name, "共享字符串表不完整")
                cur, pos = segments[seg], 0
        sizes.append(cch * BYTES_PER_CHAR)


def _scan_sheet(stream: bytes, offset: int, name: str, shared: list[int]) -> BiffSheet:
    """One sheet's substream from its BOF to its EOF, embedded charts skipped, as the reader does.

    A plain loop over offsets (no slicing): a 5,000-row sheet is some 70,000 records.
    """
    sheet = BiffSheet(name)
    last_row = last_col = -1
    seen_bof = False
    depth = 0
    pos, end = offset, len(stream)
    text = 0
    while pos + 4 <= end:
        typ, length = _HH(stream, pos)
        body, pos = pos + 4, pos + 4 + length
        if pos > end:
            break  # the reader stops here with an error of its own
        if depth:
            depth += 1 if typ == 0x0809 else -1 if typ == 0x000A else 0
            continue
        if typ in _CELL_RECORDS:
            if length < 4:
                continue
            row, col = _HH(stream, body)
            if typ == 0x00BD and length >= 6:
                (col,) = _H(stream, pos - 2)  # MulRk: the last column
            if row > last_row:
                last_row = row
            if col > last_col:
                last_col = col
            if typ == 0x00FD and length >= 10:
                (index,) = _I(stream, body + 6)
                text += shared[index] if index < len(shared) else 0
            elif typ in _INLINE_TEXT:
                text += length * BYTES_PER_CHAR
        elif typ == 0x0207:
            text += length * BYTES_PER_CHAR
        elif typ == 0x0809:
            if seen_bof:
                depth = 1
            seen_bof = True
        elif typ == 0x000A:
            break
        elif typ == 0x0200:
            sheet.declared_cells = max(sheet.declared_cells, _declared(stream[body:pos]))
    sheet.rows, sheet.columns, sheet.text = last_row + 1, last_col + 1, text
    return sheet


def _declared(data: bytes) -> int:
    """Cells the reader reserves for a DIMENSIONS record (its arithmetic, wrap-around included)."""
    if len(data) == 10:
        rf, rl, cf, cl = struct.unpack_from("<HHHH", data)
    elif len(data) == 14:
        rf, rl, cf, cl = struct.unpack_from("<IIHH", data)
    else:
        return 0
    if cf > 0xFF or cl < cf:
        cf = 0
    if rl < 1 or cl < 1:
        return 1
    rows = (rl - 1 - rf + 1) % (1 << 32)
    cols = (cl - 1 - cf + 1) % (1 << 32)
    return rows * cols
