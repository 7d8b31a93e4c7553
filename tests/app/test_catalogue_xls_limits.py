""".xls/.et files are sized from their records before the reader opens them (app/catalogue/biff.py).

Every file here is written by xlwt (BIFF8 in an OLE2 container, as Excel 97 and WPS save) and then,
for the hostile cases, patched at one record: the reader parses every sheet the moment it opens a
file, so each of these must be refused by our walk first. The forged DIMENSIONS case is the proof:
without the walk the reader's allocation fails and aborts the whole test process.
"""

from __future__ import annotations

import struct
import time
from pathlib import Path

import pytest

from app.catalogue import biff, files
from app.cli.main import main
from app.context import AppContext
from app.errors import InputError, LimitError

LONG = "政务公开" * 8191  # 32,764 characters: about the longest text Excel puts in a cell


def xls(path: Path, sheets: dict[str, list[tuple[int, int, str]]]) -> Path:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    for name, cells in sheets.items():
        ws = wb.add_sheet(name)
        for r, c, value in cells:
            ws.write(r, c, value)
    wb.save(str(path))
    return path


def patch_record(path: Path, head: bytes, body: bytes) -> None:
    """Overwrite the body of the first record whose bytes start with ``head`` (type, length, ...)."""
    data = bytearray(path.read_bytes())
    at = data.find(head)
    assert at > 0, "record not found"
    data[at + 4 : at + 4 + len(body)] = body
    path.write_bytes(bytes(data))


def refused(path: Path, error: type[InputError], *needles: str) -> str:
    t = time.perf_counter()
    with pytest.raises(error) as exc:
        files.read_sheets(path)
    assert time.perf_counter() - t < 10
    text = str(exc.value)
    assert "\n" not in text
    for n in needles:
        assert n in text, text
    return text


def test_sizes_match_what_the_reader_builds(tmp_path: Path) -> None:
    """The walk's rows, columns and text agree with the grid the reader returns."""
    path = xls(
        tmp_path / "t.xls",
        {
            "社会救助": [(0, 0, "序号"), (0, 1, "事项"), (1, 0, "1"), (1, 1, "最低生活保障"), (4, 6, "备注")],
            "义务教育": [(0, 0, LONG), (1, 0, LONG)],
        },
    )
    book = biff.scan(path.name, path.read_bytes())
    assert [(s.name, s.rows, s.columns) for s in book.sheets] == [("社会救助", 5, 7), ("义务教育", 2, 1)]
    # The long string crosses several CONTINUE records and is shared by two cells.
    assert book.sheets[1].text == 2 * len(LONG) * biff.BYTES_PER_CHAR
    sheets = files.read_sheets(path)
    assert [(len(s.rows), max(len(r) for r in s.rows)) for s in sheets] == [(5, 7), (2, 1)]
    assert sheets[1].rows[0][0] == LONG[: files.MAX_CELL_CHARS]


def test_one_long_shared_string_in_many_cells_refused(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A small file whose one 32,764-character string is shared by 2,200 cells: 206 MB of text."""
    path = xls(tmp_path / "amp.xls", {"表": [(r, 0, LONG) for r in range(2200)]})
    assert path.stat().st_size < 400_000
    refused(path, LimitError, "amp.xls", "工作表“表”展开后文字共 206 MB", "上限 200 MB", "展开文字上限")
    assert main(["--data-dir", str(ctx.paths.root), "catalogue", "import", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "展开文字上限" in err


def test_text_limit_is_for_the_whole_workbook(tmp_path: Path) -> None:
    """Two sheets each under the limit (the same string shared 1,200 times in each) are over it together."""
    cells = [(r, 0, LONG) for r in range(1200)]
    path = xls(tmp_path / "two.xls", {"甲": cells, "乙": cells})
    refused(path, LimitError, "各工作表展开后文字共", "展开文字上限")


def test_forged_dimensions_refused_before_the_reader_reserves_them(tmp_path: Path) -> None:
    """A DIMENSIONS record claiming 4 billion rows: the reader would try to reserve 44 TB and abort."""
    path = xls(tmp_path / "dims.xls", {"表": [(0, 0, "序号"), (1, 0, "社会救助")]})
    # Dimensions (0x0200, 14 bytes): first row 0, last row + 1 = 2, first column 0, last column + 1 = 1.
    patch_record(
        path,
        bytes.fromhex("00020e00") + struct.pack("<IIHH", 0, 2, 0, 1),
        struct.pack("<IIHH", 0, 0xFFFFFFFF, 0, 256),
    )
    refused(path, LimitError, "工作表“表”声明的区域有", "单元格上限")


def test_sheet_offset_outside_the_stream_refused(tmp_path: Path) -> None:
    path = xls(tmp_path / "off.xls", {"表": [(0, 0, "序号")]})
    data = path.read_bytes()
    at = data.find(b"\x85\x00")  # BoundSheet8: stream offset of the sheet's BOF
    while struct.unpack_from("<H", data, at + 2)[0] != 8 + 2 * len("表") and at > 0:
        at = data.find(b"\x85\x00", at + 1)
    patch_record(path, data[at : at + 8], struct.pack("<I", 0x7FFFFFFF))
    refused(path, InputError, "已损坏", "工作表位置越界")


def test_directory_chain_loop_refused(tmp_path: Path) -> None:
    """A FAT whose directory sector points at itself: the reader would follow it for ever."""
    path = xls(tmp_path / "loop.xls", {"表": [(0, 0, "序号")]})
    data = bytearray(path.read_bytes())
    first_dir = struct.unpack_from("<I", data, 48)[0]
    first_fat = struct.unpack_from("<I", data, 76)[0]
    struct.pack_into("<I", data, 512 + first_fat * 512 + 4 * first_dir, first_dir)
    path.write_bytes(bytes(data))
    with pytest.raises(InputError) as exc:
        biff.scan(path.name, bytes(data))  # our walk alone first: it must stop
    assert "已损坏" in str(exc.value)
    refused(path, InputError, "已损坏")


def test_township_xls_still_reads(tmp_path: Path) -> None:
    """An ordinary .xls (and the same bytes named .et) passes the walk unchanged."""
    path = xls(tmp_path / "ok.xls", {"社会救助": [(r, c, f"{r}-{c}") for r in range(300) for c in range(12)]})
    et = tmp_path / "ok.et"
    et.write_bytes(path.read_bytes())
    for p in (path, et):
        (sheet,) = files.read_sheets(p)
        assert len(sheet.rows) == 300 and sheet.rows[299][11] == "299-11"
