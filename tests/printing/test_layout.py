"""Rendered documents read back: text, fonts, pages, GB/T 9704 geometry, furniture."""

from __future__ import annotations

import io
import re
import subprocess
import threading
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from reportlab.lib.units import mm

from printing import (
    Document,
    Heading,
    PageSpec,
    Paragraph,
    QRBlock,
    Signature,
    Spacer,
    Table,
    check_fonts,
    register_fonts,
    render,
)
from printing.fonts import FONT_NAME
from printing.layout import DRAFT_NOTE, LINE_PITCH
from printing.sample import SAMPLE_PARAGRAPHS, sample_document
from tests.printing.pdfutil import (
    body_lines,
    needs_poppler,
    pdffonts,
    pdftotext,
    pypdf_text,
    render_png,
    squash,
    words,
)

pytestmark = needs_poppler

A4_W, A4_H = 595.2756, 841.8898
A3_W, A3_H = 841.8898, 1190.5512


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return render(sample_document(draft=False))


@pytest.fixture(scope="module")
def draft_pdf() -> bytes:
    return render(sample_document(draft=True))


def _expected_texts(*, cells: bool) -> list[str]:
    doc = sample_document()
    texts = [doc.title, doc.subtitle or "", doc.footer or ""]
    for b in doc.blocks:
        if isinstance(b, Paragraph | Heading):
            texts.append(b.text)
        elif isinstance(b, Signature):
            texts += [b.issuer, b.date_text]
        elif isinstance(b, QRBlock):
            texts.append(b.caption)
        elif isinstance(b, Table) and cells:
            texts += [cell for row in b.rows for cell in row]
    return texts


# -- text ---------------------------------------------------------------------


@pytest.mark.parametrize("draft", [False, True], ids=["final", "draft"])
def test_extracted_text_contains_every_paragraph(
    draft: bool, sample_pdf: bytes, draft_pdf: bytes, tmp_path: Path
) -> None:
    pdf = draft_pdf if draft else sample_pdf
    for tool, pages in {
        "pdftotext -layout": pdftotext(pdf, tmp_path, layout=True),
        "pdftotext": pdftotext(pdf, tmp_path),
        "pypdf": pypdf_text(pdf),
    }.items():
        everything = squash("".join(pages))
        # -layout interleaves the lines of a wrapped table cell with the
        # neighbouring cells (that is what "layout" means); cells are checked
        # with the reading-order extractors only.
        for text in _expected_texts(cells=tool != "pdftotext -layout"):
            assert squash(text) in everything, (tool, text)
        for p in SAMPLE_PARAGRAPHS:
            assert squash(p) in everything, (tool, p)


def test_fonts_embedded_and_subset_pdffonts(draft_pdf: bytes, tmp_path: Path) -> None:
    rows = pdffonts(draft_pdf, tmp_path)
    assert rows, "no fonts listed"
    for row in rows:
        assert (row["emb"], row["sub"], row["uni"]) == ("yes", "yes", "yes"), row["line"]
        # Only our faces: the title's Ming, the body's Kai, the headings' Hei (no Helvetica).
        assert re.fullmatch(r"[A-Z]{6}\+(WenQuanYiMicroHei|Gongkai(Ming|Kai|HanExt)).*", row["name"]), row[
            "name"
        ]
    names = {re.sub(r"^[A-Z]{6}\+", "", r["name"]) for r in rows}
    assert {"GongkaiMing", "GongkaiKai"} <= names, names


def test_fonts_embedded_and_subset_pypdf(draft_pdf: bytes) -> None:
    seen = 0
    for page in PdfReader(io.BytesIO(draft_pdf)).pages:
        resources = page["/Resources"].get_object()
        assert isinstance(resources, DictionaryObject)
        fonts = resources["/Font"].get_object()
        assert isinstance(fonts, DictionaryObject)
        for ref in fonts.values():
            font = ref.get_object()
            assert re.fullmatch(r"/[A-Z]{6}\+\S+", font["/BaseFont"]), font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), "TrueType program not embedded"
            assert "/ToUnicode" in font, "no ToUnicode map: text would not extract"
            seen += 1
    assert seen


def test_no_text_drawn_as_images(draft_pdf: bytes) -> None:
    for page in PdfReader(io.BytesIO(draft_pdf)).pages:
        assert list(page.images) == []


def test_pdf_metadata() -> None:
    doc = sample_document()
    doc.meta_title = "低保公示"
    meta = PdfReader(io.BytesIO(render(doc))).metadata
    assert meta is not None
    assert meta.title == "低保公示"
    assert meta.author == "东营镇人民政府"
    assert meta.subject == "农村最低生活保障对象审核结果公示"


def test_rendering_is_deterministic() -> None:
    assert render(sample_document()) == render(sample_document())


# -- pages --------------------------------------------------------------------


def test_table_of_300_rows_paginates_with_header_on_every_page(tmp_path: Path) -> None:
    columns = ["编号", "姓名", "村（社区）", "金额", "备注"]
    rows = [
        [f"R{i:04d}", f"王*{i % 10}", "东营村", f"{500 + i}元", "按月发放" if i % 4 else "新增对象，按月发放"]
        for i in range(300)
    ]
    pdf = render(Document(title="名单", blocks=[Table(columns, rows, col_widths=[1.2, 1, 1.6, 1, 2.4])]))
    for tool, pages in {
        "pdftotext -layout": pdftotext(pdf, tmp_path, layout=True),
        "pypdf": pypdf_text(pdf),
    }.items():
        assert len(pages) >= 4, tool
        for number, text in enumerate(pages, start=1):
            assert squash("".join(columns)) in squash(text), (tool, number)
        everything = squash("".join(pages))
        for i in range(300):  # every row printed exactly once
            assert everything.count(f"R{i:04d}") == 1, (tool, i)


def test_page_numbers(tmp_path: Path) -> None:
    doc = Document(title="页码", blocks=[Paragraph(SAMPLE_PARAGRAPHS[2]) for _ in range(12)])
    pdf = render(doc)
    pages = pdftotext(pdf, tmp_path)
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert f"— {number} —" in text, number
    for number, text in enumerate(pypdf_text(pdf), start=1):
        assert f"— {number} —" in text, number
    # Centred under the type area, 7 mm below it (GB/T 9704 §7.5).
    spec = PageSpec()
    x, y, w, _h = spec.frame
    for page in words(pdf, tmp_path):
        digits = [wd for wd in page if wd.text.isdigit() and wd.y0 > A4_H - y]
        assert len(digits) == 1
        assert digits[0].cx == pytest.approx(x + w / 2, abs=1)
        assert digits[0].y0 - (A4_H - y) == pytest.approx(7 * mm, abs=2.5)


def test_alternate_page_numbers(tmp_path: Path) -> None:
    spec = PageSpec(alternate_page_numbers=True)
    pdf = render(
        Document(title="页码", blocks=[Paragraph(SAMPLE_PARAGRAPHS[2]) for _ in range(12)], page=spec)
    )
    x, y, w, _h = spec.frame
    for index, page in enumerate(words(pdf, tmp_path), start=1):
        line = [wd for wd in page if wd.y0 > A4_H - y]
        left, right = min(wd.x0 for wd in line), max(wd.x1 for wd in line)
        if index % 2:  # odd: right, one character (14 pt) in
            assert right == pytest.approx(x + w - 14, abs=1.5)
        else:
            assert left == pytest.approx(x + 14, abs=1.5)


def test_watermark_only_on_drafts(sample_pdf: bytes, draft_pdf: bytes, tmp_path: Path) -> None:
    final_pypdf, draft_pypdf = pypdf_text(sample_pdf), pypdf_text(draft_pdf)
    assert all("草稿" not in t for t in final_pypdf)
    assert all("草稿" in t for t in draft_pypdf)  # every page
    final_poppler, draft_poppler = pdftotext(sample_pdf, tmp_path), pdftotext(draft_pdf, tmp_path)
    assert all("草稿" not in t for t in final_poppler)
    assert all(DRAFT_NOTE in t for t in draft_poppler)
    # The seal placeholder is a draft-only aid too.
    assert "盖章处" in "".join(draft_poppler) and "盖章处" not in "".join(final_poppler)


def test_draft_watermark_does_not_break_text_lines(draft_pdf: bytes, tmp_path: Path) -> None:
    # The diagonal characters are an artifact with empty ActualText, so the
    # layout-preserving extraction has no stray 草/稿 between body lines.
    lines = [ln.strip() for page in pdftotext(draft_pdf, tmp_path, layout=True) for ln in body_lines(page)]
    assert not [ln for ln in lines if ln in {"草", "稿", "草稿"}]


@pytest.mark.parametrize(
    ("spec", "size"),
    [
        (PageSpec(), (A4_W, A4_H)),
        (PageSpec(landscape=True), (A4_H, A4_W)),
        (PageSpec(size="A3"), (A3_W, A3_H)),
        (PageSpec(size="A3", landscape=True), (A3_H, A3_W)),
    ],
    ids=["A4", "A4-landscape", "A3", "A3-landscape"],
)
def test_page_sizes(spec: PageSpec, size: tuple[float, float]) -> None:
    pdf = render(Document(title="纸张", blocks=[Paragraph("正文。")], page=spec))
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(size, abs=0.01)


def test_page_spec_rejects_unknown_size() -> None:
    with pytest.raises(ValueError, match="A4"):
        PageSpec(size="B5")  # type: ignore[arg-type]


# -- GB/T 9704 geometry -------------------------------------------------------


def test_gbt9704_type_area() -> None:
    # §5.2: 天头 37 mm, 订口 28 mm, 版心 156 x 225 mm.
    x, y, w, h = PageSpec().frame
    assert (A4_H - y - h) / mm == pytest.approx(37)
    assert x / mm == pytest.approx(28)
    assert w / mm == pytest.approx(156)
    assert h / mm == pytest.approx(225)
    ax, ay, aw, ah = PageSpec(size="A3").frame
    assert aw / w == pytest.approx(A3_W / A4_W, rel=1e-3) and ah / h == pytest.approx(A3_H / A4_H, rel=1e-3)
    lx, ly, lw, lh = PageSpec(landscape=True).frame
    assert lw > lh and lx > 0 and ly > 0


def test_gbt9704_28_characters_and_22_lines(tmp_path: Path) -> None:
    # §5.2.3: 一般每面排22行，每行排28个字.
    pdf = render(Document(title="", blocks=[Paragraph("政" * 28 * 30, indent=False)]))
    first = [ln.strip() for ln in body_lines(pdftotext(pdf, tmp_path)[0])]
    assert len(first) == 22
    assert all(len(ln) == 28 for ln in first)


def test_title_centred_and_first_line_indent(sample_pdf: bytes, tmp_path: Path) -> None:
    x, _y, w, _h = PageSpec().frame
    page = words(sample_pdf, tmp_path)[0]
    title = [wd for wd in page if wd.text.startswith("东营镇人民政府关于")]
    assert title and title[0].cx == pytest.approx(x + w / 2, abs=1)
    first = next(wd for wd in page if wd.text.startswith("根据《社会救助暂行办法》"))
    assert first.x0 == pytest.approx(x + 2 * 16, abs=0.5)  # 首行缩进两个字
    second = next(wd for wd in page if wd.y0 > first.y0 + 1)
    assert second.x0 == pytest.approx(x, abs=0.5)
    assert second.y0 - first.y0 == pytest.approx(LINE_PITCH, abs=0.1)
    # Justified: full lines end at the right edge of the type area.
    assert first.x1 == pytest.approx(x + w, abs=1)


def test_signature_date_four_characters_from_the_right(sample_pdf: bytes, tmp_path: Path) -> None:
    x, _y, w, _h = PageSpec().frame
    page = words(sample_pdf, tmp_path)[-1]
    date = next(wd for wd in page if wd.text == "2026年3月16日")
    issuer = next(wd for wd in page if wd.text == "东营镇人民政府" and wd.y0 < date.y0)
    assert date.x1 == pytest.approx(x + w - 4 * 16, abs=1)  # 右空四字 (§7.3.5.1)
    assert issuer.cx == pytest.approx(date.cx, abs=1)  # 以成文日期为准居中
    assert date.y0 - issuer.y0 == pytest.approx(LINE_PITCH, abs=0.5)


def test_signature_never_alone_on_a_page(tmp_path: Path) -> None:
    # GB/T 9704 §7.3.5.1: the seal shares its page with body text.  Fill the
    # page so that the signature block no longer fits, for several fill levels.
    for closing in ("特此公告。", "特此公告。" * 12):  # one line; three lines (tail is split off)
        for n in range(12, 22):
            doc = Document(
                title="",
                blocks=[
                    *(Paragraph("政务公开" * 6) for _ in range(n)),
                    Paragraph(closing),
                    Signature("东营镇人民政府", "2026年3月16日"),
                ],
            )
            pages = pdftotext(render(doc), tmp_path)
            last = [ln.strip() for ln in body_lines(pages[-1])]
            assert "东营镇人民政府" in last, n
            assert any("特此公告" in ln for ln in last), (n, last)
            text = "".join("".join(body_lines(p)) for p in pages)  # page numbers removed
            assert squash(closing) in squash(text), n


def test_heading_not_left_at_page_bottom(tmp_path: Path) -> None:
    for n in range(19, 23):
        doc = Document(
            title="",
            blocks=[
                *(Paragraph("政" * 26) for _ in range(n)),
                Heading("二、监督方式"),
                Paragraph("政" * 100),
            ],
        )
        for page in pdftotext(render(doc), tmp_path):
            lines = body_lines(page)
            if "二、监督方式" in lines[-1]:
                pytest.fail(f"heading is the last line of a page (n={n})")


# -- input errors -------------------------------------------------------------


def test_bad_table_row_is_named() -> None:
    doc = Document(title="错误", blocks=[Paragraph("x"), Table(["甲", "乙"], [["1", "2"], ["3"]])])
    with pytest.raises(ValueError, match=r"blocks\[1\].*row 2.*expected 2"):
        render(doc)


def test_bad_alignment_and_unknown_block() -> None:
    with pytest.raises(ValueError, match="align"):
        render(Document(title="x", blocks=[Paragraph("x", align="middle")]))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"blocks\[0\]"):
        render(Document(title="x", blocks=["just a string"]))  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"blocks\[1\].*text must be str"):
        render(Document(title="x", blocks=[Heading("一、"), Paragraph(None)]))  # type: ignore[arg-type]


def test_spacer_and_alignments(tmp_path: Path) -> None:
    x, _y, w, _h = PageSpec().frame
    pdf = render(
        Document(
            title="",
            blocks=[
                Paragraph("靠左", indent=False, align="left"),
                Spacer(20),
                Paragraph("居中", indent=False, align="center"),
                Paragraph("靠右", indent=False, align="right"),
            ],
        )
    )
    page = {wd.text: wd for wd in words(pdf, tmp_path)[0]}
    assert page["靠左"].x0 == pytest.approx(x, abs=0.5)
    assert page["居中"].cx == pytest.approx(x + w / 2, abs=0.5)
    assert page["靠右"].x1 == pytest.approx(x + w, abs=0.5)
    assert page["居中"].y0 - page["靠左"].y0 == pytest.approx(LINE_PITCH + 20 * mm, abs=0.5)


# -- fonts --------------------------------------------------------------------


def test_register_fonts_idempotent_and_thread_safe() -> None:
    names: list[str] = []
    threads = [threading.Thread(target=lambda: names.append(register_fonts())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert names == [FONT_NAME] * 8
    assert register_fonts() == FONT_NAME


def test_check_fonts(tmp_path: Path) -> None:
    assert check_fonts() == []
    missing = check_fonts(tmp_path / "nope.ttc")
    assert len(missing) == 1 and "missing" in missing[0]
    garbage = tmp_path / "garbage.ttc"
    garbage.write_bytes(b"not a font at all" * 100)
    broken = check_fonts(garbage)
    assert len(broken) == 1 and "cannot load" in broken[0]
    # U+E000 is a private-use code point no font covers.
    glyphs = check_fonts(test_string="政务\ue000")
    assert len(glyphs) == 1 and "U+E000" in glyphs[0]


# -- the visual sample ----------------------------------------------------------


def test_sample_document_renders_to_png(draft_pdf: bytes, tmp_path: Path) -> None:
    png = render_png(draft_pdf, tmp_path, 60)
    with Image.open(png) as im:
        assert im.size[0] == pytest.approx(A4_W / 72 * 60, abs=1)
        assert im.size[1] == pytest.approx(A4_H / 72 * 60, abs=1)
    assert subprocess.run(["pdfinfo", "-"], input=draft_pdf, capture_output=True).returncode == 0
