"""One reader for every workbook format offices keep, and the limits checked before a file is expanded.

Files are made here in the real published layout (title row, merged two-row header, ■/□ channel
strip, √ ticks, one sheet per domain): .xlsx and .xlsm with openpyxl, .xls with xlwt (BIFF8, what
Excel 97 and WPS save by default), .et (WPS's own name for the same BIFF file), .ods with odfpy.
Hostile files (a zip bomb, a million rows, repeated ODS rows, shared-string amplification) are
built cheaply in memory and must be refused in well under a second with one line naming the limit.
"""

from __future__ import annotations

import io
import re
import struct
import tracemalloc
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.catalogue import ItemData, files, layout
from app.cli.main import main
from app.context import AppContext
from app.errors import InputError
from bench.workbooks import write_ods, write_xls, write_xlsm

SHEETS = ("社会救助", "征地补偿", "义务教育")


@pytest.fixture
def seeded(ctx: AppContext) -> AppContext:
    ctx.catalogue.seed_bundled(actor="test")
    return ctx


def site_items() -> dict[str, list[ItemData]]:
    """Two new site items per domain, with multi-line text, ticks and an other-channel."""
    out: dict[str, list[ItemData]] = {}
    for domain in SHEETS:
        out[domain] = [
            ItemData(
                domain=domain,
                level1="唐王街道增补事项",
                level2=f"{domain}工作台账{n}",
                content=f"第{n}项：台账名称\n办理进度",
                basis="《中华人民共和国政府信息公开条例》",
                time_limit="信息形成或者变更之日起5个工作日内",
                publisher="唐王街道办事处",
                channels=("政府网站", "社区/企事业单位/村公示栏(电子屏)"),
                extra_channels=("村村响广播",) if n == 1 else (),
                audience="public" if n == 1 else "specific_group",
                audience_group="" if n == 1 else "申请人所在村村民",
                modes=("proactive", "on_request") if n == 1 else ("proactive",),
                tiers=("township", "village"),
                contact_phone="0531-88123456",
            )
            for n in (1, 2)
        ]
    return out


def township_sheets(items: dict[str, list[ItemData]]) -> list[tuple[str, list[list[str]], list[str]]]:
    """The published layout per sheet, under a merged title row (so every merge moves down a row)."""
    sheets = []
    for domain, data in items.items():
        rows = layout.export_rows(data)
        title = [f"唐王街道{domain}领域基层政务公开标准目录"] + [""] * (len(rows[0]) - 1)
        merges = ["A1:S1"] + [_shift(m) for m in layout.XLSX_MERGES]
        sheets.append((domain, [title, *rows], merges))
    return sheets


def _shift(ref: str) -> str:
    return re.sub(r"(\d+)", lambda m: str(int(m.group(1)) + 1), ref)


def write_xlsx(path: Path, sheets: list[tuple[str, list[list[str]], list[str]]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows, merges in sheets:
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
        for m in merges:
            ws.merge_cells(m)
    wb.save(path)
    return path


def all_formats(tmp_path: Path) -> dict[str, Path]:
    sheets = township_sheets(site_items())
    xlsx = write_xlsx(tmp_path / "唐王.xlsx", sheets)
    xls = write_xls(tmp_path / "唐王.xls", sheets)
    et = tmp_path / "唐王.et"
    et.write_bytes(xls.read_bytes())
    return {
        "xlsx": xlsx,
        "xlsm": write_xlsm(tmp_path / "唐王.xlsm", xlsx),
        "xls": xls,
        "et": et,
        "ods": write_ods(tmp_path / "唐王.ods", sheets),
    }


def test_every_format_reads_the_same_grid(tmp_path: Path) -> None:
    """Text, line breaks, merges (header and title) and sheet names agree across the five formats."""
    paths = all_formats(tmp_path)
    grids = {k: files.read_sheets(p) for k, p in paths.items()}
    reference = grids["xlsx"]
    assert [s.name for s in reference] == list(SHEETS)
    assert reference[0].rows[3][5] == "第1项：台账名称\n办理进度"
    assert (1, 1, 1, 19) in reference[0].merged and (2, 3, 2, 5) in reference[0].merged
    for kind, sheets in grids.items():
        assert [s.name for s in sheets] == list(SHEETS), kind
        for a, b in zip(sheets, reference, strict=True):
            width = len(b.rows[0])
            assert [(r + [""] * width)[:width] for r in a.rows] == b.rows, kind
            assert sorted(a.merged) == sorted(b.merged), kind
            assert not a.formulas


@pytest.mark.parametrize("kind", ["xlsx", "xlsm", "xls", "et", "ods"])
def test_township_workbook_imports_in_every_format_and_round_trips(
    seeded: AppContext, tmp_path: Path, kind: str
) -> None:
    """import → export (.xlsx and .csv) → import: identical items, no new version, nothing changed."""
    path = all_formats(tmp_path)[kind]
    result = seeded.catalogue.import_file(path, actor="t")
    assert len(result.added) == 6 and result.version == 2, kind
    expected = [d for ds in site_items().values() for d in ds]
    got = [v.data for v in seeded.catalogue.items(origin="site")]
    assert sorted(got, key=lambda d: d.key) == sorted(expected, key=lambda d: d.key)
    assert seeded.catalogue.import_file(path, actor="t").version is None
    before = [v.data for v in seeded.catalogue.items()]
    for out in ("back.xlsx", "back.csv"):
        seeded.catalogue.export_file(tmp_path / out)
        again = seeded.catalogue.import_file(tmp_path / out, actor="t")
        assert again.diff.empty and again.version is None, out
    assert [v.data for v in seeded.catalogue.items()] == before


def test_exported_xlsx_opens_cleanly_in_both_readers(seeded: AppContext, tmp_path: Path) -> None:
    """What we write is a well-formed workbook: openpyxl (full, not read-only) and calamine agree."""
    path = tmp_path / "out.xlsx"
    seeded.catalogue.export_file(path)
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        assert "[Content_Types].xml" in z.namelist()
    ws = load_workbook(path).active
    ours = files.read_sheets(path)[0]
    theirs = [["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)]
    assert ours.rows == theirs
    assert sorted(ours.merged) == sorted(
        (m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges
    )


def test_formula_in_ods_reported_with_its_place(seeded: AppContext, tmp_path: Path) -> None:
    path = all_formats(tmp_path)["ods"]
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["content.xml"] = parts["content.xml"].replace(
        "<text:p>唐王街道办事处</text:p>".encode(),
        "<text:p>唐王街道办事处</text:p>".encode(),
        1,
    )
    xml = parts["content.xml"]
    i = xml.index("唐王街道办事处".encode())
    start = xml.rindex(b"<table:table-cell", 0, i)
    parts["content.xml"] = xml[: start + 17] + b' table:formula="of:=[.A1]&amp;[.B1]"' + xml[start + 17 :]
    bad = tmp_path / "f.ods"
    with zipfile.ZipFile(bad, "w") as z:
        for n, d in parts.items():
            z.writestr(n, d)
    with pytest.raises(InputError) as exc:
        seeded.catalogue.import_file(bad, actor="t")
    assert "第 4 行，I 列" in str(exc.value) and "公式“=[.A1]&[.B1]”" in str(exc.value)


# -- hostile files ------------------------------------------------------------------------------------


def _zip_with(parts: dict[str, bytes], raw: dict[str, tuple[bytes, int]] | None = None) -> bytes:
    """A zip of ``parts``; ``raw`` members are given as (deflate stream, declared size) as they are."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
        for name in raw or {}:
            z.writestr(zipfile.ZipInfo(name), b"")  # placeholder, patched below
    data = buf.getvalue()
    for name, (stream, size) in (raw or {}).items():
        data = _patch_member(data, name.encode(), stream, size)
    return data


def _patch_member(data: bytes, name: bytes, stream: bytes, size: int) -> bytes:
    """Put a raw deflate ``stream`` declaring ``size`` bytes into the empty stored member ``name``."""
    local = data.index(b"PK\x03\x04")
    while data[local + 30 : local + 30 + len(name)] != name:
        local = data.index(b"PK\x03\x04", local + 4)
    head = bytearray(data[local : local + 30])
    struct.pack_into("<H", head, 8, 8)
    struct.pack_into("<III", head, 14, 0, len(stream), size)
    body_start = local + 30 + len(name) + struct.unpack_from("<H", head, 28)[0]
    out = data[:local] + bytes(head) + data[local + 30 : body_start] + stream + data[body_start:]
    shift = len(stream)
    central = out.index(b"PK\x01\x02")
    while out[central + 46 : central + 46 + len(name)] != name:
        central = out.index(b"PK\x01\x02", central + 4)
    cd = bytearray(out[central : central + 46])
    struct.pack_into("<H", cd, 10, 8)
    struct.pack_into("<III", cd, 16, 0, len(stream), size)
    out = out[:central] + bytes(cd) + out[central + 46 :]
    # the end record's central-directory offset moves by the inserted stream
    end = out.rindex(b"PK\x05\x06")
    offset = struct.unpack_from("<I", out, end + 16)[0]
    record = bytearray(out[end:])
    struct.pack_into("<I", record, 16, offset + shift)
    return out[:end] + bytes(record)


def _zeros_stream(megabytes: int) -> bytes:
    """A deflate stream of ``megabytes`` MB of spaces, made by repeating one byte-aligned block."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(b" " * (1024 * 1024)) + c.flush(zlib.Z_FULL_FLUSH)
    return block * megabytes + zlib.compressobj(9, zlib.DEFLATED, -15).flush()


def _minimal_parts() -> dict[str, bytes]:
    return {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "xl/workbook.xml": b'<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": b'<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
    }


@contextmanager
def little_memory(limit_mb: int = 64) -> Iterator[None]:
    """A hostile file must be refused before it is expanded: the refusal allocates little (a measure
    that does not depend on how loaded the machine is, unlike a time limit)."""
    tracemalloc.start()
    try:
        yield
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < limit_mb * 1024 * 1024, f"peak {peak / 1e6:.0f} MB: the file was expanded before the check"


def refuse(path: Path, *needles: str, memory_mb: int = 64) -> str:
    with little_memory(memory_mb), pytest.raises(files.LimitError) as exc:
        files.read_sheets(path)
    text = str(exc.value)
    assert "\n" not in text and not exc.value.problems
    for n in needles:
        assert n in text, text
    return text


def test_zip_bomb_refused_at_once_with_exit_2(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """6 MB on disk that would unpack to 6 GB: refused from the zip directory, before any inflating."""
    stream = _zeros_stream(3000)
    members = {
        "xl/worksheets/sheet1.xml": (stream, 3000 * 1024 * 1024),
        "xl/sharedStrings.xml": (stream, 3000 * 1024 * 1024),
    }
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(_zip_with(_minimal_parts(), members))
    assert 5 * 1024 * 1024 < path.stat().st_size < 7 * 1024 * 1024
    refuse(path, "bomb.xlsx", "解压后", "上限 200 MB", "解压大小上限")
    with little_memory():
        assert main(["--data-dir", str(ctx.paths.root), "catalogue", "import", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "解压大小上限" in err


def test_zip_with_forged_sizes_refused(tmp_path: Path) -> None:
    """A directory that declares 1 MB for a 6 GB stream: reading stops at 1 MB and the check fails."""
    path = tmp_path / "forged.xlsx"
    path.write_bytes(
        _zip_with(_minimal_parts(), {"xl/worksheets/sheet1.xml": (_zeros_stream(3000), 1 << 20)})
    )
    with little_memory(), pytest.raises(InputError) as exc:
        files.read_sheets(path)
    assert "损坏" in str(exc.value)


def test_million_rows_refused_at_the_row_cap(tmp_path: Path) -> None:
    xml = b"<worksheet><sheetData>" + b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 1_000_000
    parts = {**_minimal_parts(), "xl/worksheets/sheet1.xml": xml + b"</sheetData></worksheet>"}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for n, d in parts.items():
            z.writestr(n, d)
    path = tmp_path / "million.xlsx"
    path.write_bytes(buf.getvalue())
    # The 50 MB sheet XML is within the unpacked-size limit, so it is inflated (once) and scanned.
    refuse(path, "工作表“S”有 1000000 行", f"上限 {files.MAX_ROWS} 行", "行数上限", memory_mb=160)


def test_shared_string_amplification_refused(tmp_path: Path) -> None:
    """One 1 MB shared string referenced by 300 cells would expand to 300 MB of text."""
    shared = b"<sst><si><t>" + b"x" * (1 << 20) + b"</t></si></sst>"
    cells = b"".join(b'<row r="%d"><c r="A%d" t="s"><v>0</v></c></row>' % (i, i) for i in range(1, 301))
    parts = {
        **_minimal_parts(),
        "xl/sharedStrings.xml": shared,
        "xl/worksheets/sheet1.xml": b"<worksheet><sheetData>" + cells + b"</sheetData></worksheet>",
    }
    path = tmp_path / "amp.xlsx"
    path.write_bytes(_zip_with(parts))
    refuse(path, "展开后文字共 300 MB", "展开文字上限")


def test_repeated_ods_rows_refused(tmp_path: Path) -> None:
    """A row of text repeated a million times is a few bytes in content.xml."""
    path = write_ods(tmp_path / "r.ods", [("表", [["序号"], ["x"]], [])])
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["content.xml"] = parts["content.xml"].replace(
        b"<table:table-row>", b'<table:table-row table:number-rows-repeated="1000000">', 2
    )
    bad = tmp_path / "rep.ods"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("mimetype", parts.pop("mimetype"))
        for n, d in parts.items():
            z.writestr(n, d)
    refuse(bad, "工作表“表”有", "行数上限")


def test_trailing_empty_ods_rows_are_not_counted(tmp_path: Path) -> None:
    """LibreOffice writes the sheet's million empty rows as one repeated row: that is not a big sheet."""
    path = write_ods(tmp_path / "lo.ods", [("表", [["序号", "领域"], ["1", "社会救助"]], [])])
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["content.xml"] = parts["content.xml"].replace(
        b"</table:table>",
        b'<table:table-row table:number-rows-repeated="1048574"><table:table-cell '
        b'table:number-columns-repeated="1024"/></table:table-row></table:table>',
    )
    ok = tmp_path / "trail.ods"
    with zipfile.ZipFile(ok, "w") as z:
        for n, d in parts.items():
            z.writestr(n, d)
    (sheet,) = files.read_sheets(ok)
    assert sheet.rows == [["序号", "领域"], ["1", "社会救助"]]


def test_csv_row_cap(tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_bytes(b"a\n" * (files.MAX_ROWS + 5))
    refuse(path, "many.csv", "行数上限")
