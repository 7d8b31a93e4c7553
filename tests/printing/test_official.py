"""Printing like an official document (issue #14), read back from the PDFs with poppler and zxing.

One page when it fits, the sign-off never alone, titles broken between words, every rare character
of a name in the PDF text (or no PDF at all), official-style faces embedded as subsets, vector only.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from printing import Document, Paragraph, Signature, Table, render
from printing.fonts import (
    MissingGlyphError,
    bundled_font_files,
    register_fonts,
    stack,
    windows_registry_faces,
)
from printing.layout import PT_3HAO
from printing.linebreak import NOBREAK_RE, balanced_lines, break_lines
from printing.notice import NoticePrint, notice_document, render_notice_print
from printing.words import break_costs, segment
from tests.printing.pdfutil import body_lines, needs_poppler, pdffonts, pdftotext, squash, words

pytestmark = needs_poppler

ADMIN_TERMS = [
    t.strip()
    for t in (Path(__file__).resolve().parents[2] / "resources" / "dict" / "admin_terms.txt")
    .read_text("utf-8")
    .splitlines()
    if t.strip() and not t.startswith("#")
]

TITLES = [
    "关于2026年第四季度拟纳入最低生活保障对象的公示",
    "唐王街道关于2026年第三批城乡最低生活保障拟保障对象的公示",
    "东营镇人民政府关于2026年度特困人员救助供养对象审核结果的公示",
    "历城区唐王街道2026年政府信息公开工作年度报告（收到和处理政府信息公开申请情况）",
    "关于举办“政府开放月”暨城乡居民医保政策解读活动的公告",
    "关于西营村、山头店村拟征收土地的预公告",
]

RARE_NAMES = ["张𬌗", "刘䶮", "吉𠮷", "王𫖮", "李𬍛", "赵䶮𠮷", "陈堃", "周喆", "孙犇"]


def dibao(rows: int = 3, **kw: object) -> NoticePrint:
    data: dict[str, object] = {
        "title": "唐王街道关于2026年第三批城乡最低生活保障拟保障对象的公示",
        "paragraphs": (
            "根据《社会救助暂行办法》和《最低生活保障审核确认办法》的有关规定，经村（居）民委员会入户调查、"
            "民主评议和街道办事处审核，现将拟保障对象名单予以公示（见下表），接受社会监督。",
        ),
        "issuer": "历城区唐王街道办事处",
        "date_text": "2026年12月4日",
        "public_url": "https://gk.example.gov.cn/n/1b4e28ba-2fa1-11d2-883f-0016d3cca427",
        "period_text": "公示期限：2026年12月4日至2026年12月10日（共7日）。",
        "objection_text": "如对公示对象有异议，请于公示期内以书面、电话或来访形式向街道社会事务办公室反映。",
        "contact_text": "联系人及电话：街道社会事务办 刘主任 0531-88123457",
        "supervision_text": "监督电话：0531-88123456",
        "closing": "特此公示。",
        "roster_columns": (
            "序号",
            "户主姓名",
            "身份证号",
            "所在村（社区）",
            "保障人口",
            "月保障金额",
            "联系电话",
        ),
        "roster_rows": tuple(
            (str(i + 1), "张桂兰", f"37*************{410 + i}", "东唐村", "2", "1280元", f"138****{8840 + i}")
            for i in range(rows)
        ),
    }
    data.update(kw)
    return NoticePrint(**data)  # type: ignore[arg-type]


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def test_three_household_dibao_notice_is_one_page(tmp_path: Path) -> None:
    pdf = render_notice_print(dibao(3))
    assert page_count(pdf) == 1
    text = squash(pdftotext(pdf, tmp_path)[0])
    for part in ("特此公示。", "历城区唐王街道办事处", "2026年12月4日", "扫码查看详情", "37*************412"):
        assert part in text


def test_a_notice_that_nearly_fits_is_tightened_onto_one_page(tmp_path: Path) -> None:
    """Some roster length needs two pages at GB/T 9704's 22 lines but one with the tighter spacing."""
    for rows in range(3, 16):
        doc = notice_document(dibao(rows))
        tight = render(doc)
        doc.fit_one_page = False
        if page_count(render(doc)) == 2 and page_count(tight) == 1:
            assert "特此公示。" in squash(pdftotext(tight, tmp_path)[0])
            return
    pytest.fail("no roster length was pulled back onto one page")


@pytest.mark.parametrize("rows", [3, 7, 9, 11, 13, 16, 20, 24, 30])
def test_sign_off_is_never_alone_on_a_page(rows: int, tmp_path: Path) -> None:
    pdf = render_notice_print(dibao(rows))
    pages = pdftotext(pdf, tmp_path)
    last = body_lines(pages[-1])
    sign_off = {"特此公示。", "历城区唐王街道办事处", "2026年12月4日", "扫码查看详情"}
    others = [ln for ln in last if squash(ln) not in sign_off]
    assert others, f"{rows} rows: the last page holds only the sign-off: {last}"
    assert "特此公示。" in squash(pages[-1])


@pytest.mark.parametrize("rows", [30, 45, 61, 80])
def test_roster_split_repeats_header_and_strands_no_row(rows: int, tmp_path: Path) -> None:
    pdf = render_notice_print(dibao(rows))
    pages = pdftotext(pdf, tmp_path)
    assert len(pages) >= 2
    counts = []
    for page in pages:
        ids = re.findall(r"37\*{13}\d{3}", squash(page))
        if ids:
            counts.append(len(ids))
            assert "户主姓名" in squash(page), "header repeated on every page with rows"
    assert sum(counts) == rows + 0  # every row printed once (the text's own ID is not in this roster)
    assert min(counts) >= 2, f"a page with a single row: {counts}"


def test_title_lines_end_between_words(tmp_path: Path) -> None:
    for title in TITLES:
        pdf = render(Document(title=title, blocks=[Paragraph("正文。")]))
        page = words(pdf, tmp_path)[0]
        # The title lines: the 2号 (22 pt) words, in reading order, one per printed line.
        lines: dict[float, str] = {}
        for w in page:
            if w.y1 - w.y0 > 19:
                lines[round(w.y0)] = lines.get(round(w.y0), "") + w.text
        printed = [lines[y] for y in sorted(lines)]
        assert "".join(printed).startswith(title[:4])
        assert "".join(printed) == title, printed
        offset = 0
        for line in printed[:-1]:
            offset += len(line)
            for term in ADMIN_TERMS:
                start = title.find(term)
                while start >= 0:
                    assert not (start < offset < start + len(term)), (
                        f"{title}: line ends inside {term}: {printed}"
                    )
                    start = title.find(term, start + 1)
            assert offset in break_costs(title), f"{title}: {printed} breaks inside a jieba word"


def test_titles_are_balanced() -> None:
    register_fonts()
    st = stack("title")
    for title in TITLES:
        lines = balanced_lines(title, lambda ch: st.char_width(ch, 22), 442.2, costs=break_costs(title))
        if len(lines) > 1:
            widths = [ln.width for ln in lines]
            assert min(widths) >= 0.4 * max(widths), [ln.text for ln in lines]


def test_segmenter_keeps_administrative_terms() -> None:
    words_ = segment("关于2026年第四季度拟纳入最低生活保障对象和特困人员的公示")
    assert "最低生活保障对象" in words_ or "最低生活保障" in words_
    assert "特困人员" in words_


@pytest.mark.parametrize(
    "fact",
    [
        "2026年12月4日",
        "12月16日（周三）",
        "上午9:00—11:00",
        "1280元",
        "7个工作日",
        "37*************416",
        "138****8842",
    ],
)
def test_body_never_breaks_inside_dates_times_amounts_or_masked_numbers(fact: str) -> None:
    register_fonts()
    assert NOBREAK_RE.fullmatch(fact)
    st = stack("body")
    text = "公示期内请于" + fact + "前以书面形式反映，" * 3
    fits = int(st.width(fact, PT_3HAO)) + 1  # narrower than the fact itself, it has to break
    for width in range(max(120, fits), 460, 7):
        lines = break_lines(text, lambda ch: st.char_width(ch, PT_3HAO), width)
        joined = [ln.text for ln in lines]
        assert any(fact in ln for ln in joined), f"{fact} split at {width}: {joined}"


def test_every_rare_character_of_every_name_is_in_the_pdf(tmp_path: Path) -> None:
    rows = [[str(i + 1), name, f"37*************{100 + i}", "东唐村"] for i, name in enumerate(RARE_NAMES)]
    pdf = render(
        Document(
            title="吉𠮷等生僻字姓名名单",
            blocks=[
                Paragraph("本名单含生僻字：" + "、".join(RARE_NAMES) + "。"),
                Table(["序号", "姓名", "身份证号", "村"], rows),
            ],
        )
    )
    text = pdftotext(pdf, tmp_path)[0]
    for name in RARE_NAMES:
        assert squash(text).count(name) >= 2, name  # in the paragraph (maybe over a line end) and the table
    assert "吉𠮷等生僻字姓名名单" in squash(text)
    fonts = {re.sub(r"^[A-Z]{6}\+", "", r["name"]) for r in pdffonts(pdf, tmp_path)}
    assert "GongkaiHanExt" in fonts  # the rare characters come from the bundled fallback face


def test_a_character_no_face_has_stops_the_pdf() -> None:
    name = "王\ue000明"  # a private-use 自造字 typed with an old input method
    with pytest.raises(MissingGlyphError) as err:
        render(Document(title="名单", blocks=[Table(["姓名"], [[name]])]))
    assert "U+E000" in str(err.value) and name in str(err.value)


def test_variation_selectors_are_not_drawn_and_do_not_fail(tmp_path: Path) -> None:
    pdf = render(Document(title="名单", blocks=[Paragraph("吉\U000e0100𠮷")]))
    assert "吉𠮷" in squash(pdftotext(pdf, tmp_path)[0])


def test_faces_per_role_are_embedded_subsets(tmp_path: Path) -> None:
    pdf = render_notice_print(dibao(3))
    rows = pdffonts(pdf, tmp_path)
    for row in rows:
        assert (row["emb"], row["sub"], row["uni"]) == ("yes", "yes", "yes"), row["line"]
    names = {re.sub(r"^[A-Z]{6}\+", "", r["name"]) for r in rows}
    assert {"GongkaiMing", "GongkaiKai"} <= names  # 小标宋 and 仿宋 stand-ins: title and body
    assert not any("Helvetica" in n for n in names)


def test_no_page_is_rasterised() -> None:
    for pdf in (render_notice_print(dibao(3)), render_notice_print(dibao(40))):
        for page in PdfReader(io.BytesIO(pdf)).pages:
            assert list(page.images) == []


def test_bundled_faces_cover_the_print_repertoire() -> None:
    files = bundled_font_files()
    ext = TTFont(io.BytesIO(files["ext"].read_bytes())).getBestCmap()
    for ch in "𬌗䶮𠮷𫖮𬍛":
        assert ord(ch) in ext, ch
    kai = TTFont(io.BytesIO(files["kai"].read_bytes())).getBestCmap()
    ming = TTFont(io.BytesIO(files["ming"].read_bytes())).getBestCmap()
    for ch in "政务公开最低生活保障特困人员堃喆犇玥０１２ABC（）《》“”、。":
        assert ord(ch) in kai and ord(ch) in ming, ch


def test_windows_font_registry_entries() -> None:
    faces = windows_registry_faces("SimSun & NSimSun (TrueType)", "simsun.ttc", Path("C:/Windows/Fonts"))
    assert [(f.family, f.index) for f in faces] == [("SimSun", 0), ("NSimSun", 1)]
    assert windows_registry_faces("Arial Bold (OpenType)", "arialbd.otf", Path("C:/W")) == []
    (fs,) = windows_registry_faces("仿宋_GB2312 (TrueType)", r"D:\fonts\FS_GB2312.ttf", Path("C:/W"))
    assert fs.family == "仿宋_GB2312"


def test_signature_keeps_a_line_or_two_of_the_text(tmp_path: Path) -> None:
    filler = "经审核，以上对象符合条件。" * 6
    for n in range(8, 22):
        pdf = render(
            Document(
                title="告知书",
                blocks=[
                    *[Paragraph(filler) for _ in range(n)],
                    Signature("历城区唐王街道办事处", "2026年12月4日"),
                ],
                fit_one_page=False,
            )
        )
        pages = pdftotext(pdf, tmp_path)
        last = [
            ln for ln in body_lines(pages[-1]) if squash(ln) not in {"历城区唐王街道办事处", "2026年12月4日"}
        ]
        assert last, f"{n} paragraphs: the signature stands alone"
