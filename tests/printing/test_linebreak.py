"""Chinese line breaking (kinsoku): the pure breaker and the rendered PDF.

The crafted paragraph contains every required opening/closing mark, runs such
as ……/——/。”, a URL, a phone number, a date and a decimal amount; rendering it
at many widths moves every mark onto every line position.  The tests first
prove that naive "cut like a knife" breaking *would* violate the rules at
these widths, so a pass means the rules were actually exercised.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from printing import Document, PageSpec, Paragraph, render
from printing.fonts import register_fonts
from printing.layout import BODY_SQUEEZE, PT_3HAO
from printing.linebreak import CLOSING, OPENING, balanced_lines, break_lines, violations
from printing.text import char_width
from tests.printing.pdfutil import (
    REQUIRED_CLOSING,
    REQUIRED_OPENING,
    body_lines,
    needs_poppler,
    pdftotext,
    pypdf_text,
    squash,
)

URL = "https://gk.example.gov.cn/notice/2026/0316-dibao?from=board&id=12345"
PROTECTED = [URL, "12345678901", "2026-03-16", "1,000.50"]

PARAGRAPH = (
    "根据《中华人民共和国政府信息公开条例》第二十条、第二十一条的规定，经审核：现予公示！"
    "是否有异议？请于公示期内（7个工作日）向「镇政务公开办公室」或『村务监督委员会』反映；"
    "群众反映“公示内容与实际不符”的，应当说明‘具体理由’……逾期不予受理——特此说明。"
    f"详见{URL}，咨询电话12345678901，日期2026-03-16，金额1,000.50元。"
    "（一）《通知》“要求”：‘及时’公开、「准确」公开。"
    "公开了吗？公开了！核实了吗？核实了！参见『附件一』和『附件二』。"
)

# Points: from 4.5 to 28.8 characters of 3号.  Below that a line is narrower
# than the widest unbreakable cluster of the text (由’……, four characters), and
# no legal break exists at all.
WIDTHS = range(72, 461)


@pytest.fixture(scope="module")
def cw() -> Callable[[str], float]:
    font = register_fonts()

    def width(ch: str) -> float:
        return char_width(font, PT_3HAO, ch)

    return width


def naive_lines(
    text: str, cw: Callable[[str], float], width: float, first_width: float | None = None
) -> list[str]:
    """Fill each line with as many characters as fit, ignoring every rule."""
    lines, line, used = [], "", 0.0
    avail = width if first_width is None else first_width
    for ch in text:
        if line and used + cw(ch) > avail + 1e-6:
            lines.append(line)
            line, used, avail = "", 0.0, width
        line += ch
        used += cw(ch)
    return [*lines, line] if line else lines


def test_reportlab_cjk_wrap_is_not_enough() -> None:
    """Why printing.linebreak exists (the brief asked to test ReportLab first).

    ReportLab's own ``wordWrap="CJK"`` still starts lines with ，；：！？》” etc.
    and ends them with （《“ at many widths.  If this test ever fails, ReportLab
    has learnt the rules and our breaker could be retired.
    """
    from xml.sax.saxutils import escape

    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph as RLParagraph

    style = ParagraphStyle("cjk", fontName=register_fonts(), fontSize=PT_3HAO, leading=29, wordWrap="CJK")
    bad_widths = 0
    for w in range(100, 461, 3):
        p = RLParagraph(escape(PARAGRAPH), style)  # ReportLab paragraphs are markup
        p.wrap(w, 100000)
        texts = [
            "".join(f.text for f in line.words) if hasattr(line, "words") else "".join(line[1])
            for line in p.blPara.lines
        ]
        if violations(texts, REQUIRED_CLOSING, REQUIRED_OPENING):
            bad_widths += 1
    assert bad_widths > 10, bad_widths


def test_paragraph_contains_every_required_mark() -> None:
    assert set(REQUIRED_CLOSING) <= set(PARAGRAPH)
    assert set(REQUIRED_OPENING) <= set(PARAGRAPH)
    assert REQUIRED_CLOSING <= CLOSING and REQUIRED_OPENING <= OPENING


def test_naive_breaking_would_hit_every_case(cw: Callable[[str], float]) -> None:
    starts, ends = set(), set()
    for w in WIDTHS:
        lines = naive_lines(PARAGRAPH, cw, w)
        starts |= {ln[0] for ln in lines[1:]}
        ends |= {ln[-1] for ln in lines[:-1]}
    assert starts >= REQUIRED_CLOSING, REQUIRED_CLOSING - starts
    assert ends >= REQUIRED_OPENING, REQUIRED_OPENING - ends


@pytest.mark.parametrize("squeeze", [0.0, BODY_SQUEEZE])
def test_no_line_starts_with_closing_or_ends_with_opening(cw: Callable[[str], float], squeeze: float) -> None:
    for w in WIDTHS:
        lines = break_lines(PARAGRAPH, cw, w, squeeze=squeeze)
        texts = [ln.text for ln in lines]
        assert violations(texts) == [], (w, texts)
        assert "".join(texts) == PARAGRAPH, w  # nothing lost, nothing added
        for ln in lines:
            assert ln.width <= w + squeeze * max(len(ln.text) - 1, 0) + 1e-6, (w, ln)


def test_first_line_width_is_respected(cw: Callable[[str], float]) -> None:
    for w in range(120, 461, 7):
        lines = break_lines(PARAGRAPH, cw, w, w - 32)
        assert lines[0].width <= w - 32 + 1e-6
        assert violations([ln.text for ln in lines]) == []


def _glued(token: str, text: str) -> str:
    """``token`` with the punctuation that kinsoku glues to it in ``text``."""
    i = text.index(token)
    j = i + len(token)
    while i > 0 and text[i - 1] in OPENING:
        i -= 1
    while j < len(text) and text[j] in CLOSING:
        j += 1
    return text[i:j]


def test_numbers_and_urls_are_not_split_when_they_fit(cw: Callable[[str], float]) -> None:
    # "Where avoidable": a token is kept whole whenever it fits on a line
    # together with the punctuation that may not be separated from it.
    checked = 0
    for w in WIDTHS:
        texts = [ln.text for ln in break_lines(PARAGRAPH, cw, w)]
        for token in PROTECTED:
            if sum(map(cw, _glued(token, PARAGRAPH))) <= w:
                assert any(token in t for t in texts), (w, token, texts)
                checked += 1
    assert checked > 900  # the URL itself fits only from about 460 pt on


def test_overlong_url_breaks_after_separators(cw: Callable[[str], float]) -> None:
    for w in (150, 200, 260):
        texts = [ln.text for ln in break_lines(f"请访问{URL}查看", cw, w)]
        joined = "".join(texts)
        assert joined == f"请访问{URL}查看"
        pos = 0
        for t in texts[:-1]:
            pos += len(t)
            # pos is a break position; inside the URL it must follow a separator
            url_start = joined.index(URL)
            if url_start < pos < url_start + len(URL):
                assert joined[pos - 1] in "/.-?&=_:", (w, texts)


def test_url_starts_on_current_line_when_it_cannot_fit_anywhere(cw: Callable[[str], float]) -> None:
    # "请访问" followed by a URL longer than a line: the first line is filled
    # with the start of the URL rather than left nearly empty.
    lines = break_lines(f"请访问{URL}", cw, 200)
    assert lines[0].text.startswith("请访问https")
    assert lines[0].width > 150


def test_spaces_are_dropped_at_line_edges(cw: Callable[[str], float]) -> None:
    text = "Gongkai desktop app 政务 公开 专区 version 2026 release notes"
    for w in range(60, 300, 5):
        lines = break_lines(text, cw, w)
        for ln in lines:
            assert ln.text == ln.text.strip(" "), (w, ln)
        assert squash("".join(ln.text for ln in lines)) == squash(text)
        # Latin words are never split when they fit on a line.
        for word in text.split():
            if word.isascii() and sum(map(cw, word)) <= w:
                assert any(word in ln.text for ln in lines), (w, word)


def test_hard_line_breaks(cw: Callable[[str], float]) -> None:
    lines = break_lines("第一行\n第二行\r\n\n第四行", cw, 400)
    assert [ln.text for ln in lines] == ["第一行", "第二行", "", "第四行"]
    assert all(ln.hard for ln in lines)


def test_ideographic_space_is_kept(cw: Callable[[str], float]) -> None:
    lines = break_lines("\u3000\u3000缩进两格", cw, 400)
    assert lines[0].text == "\u3000\u3000缩进两格"


def test_pathological_input_terminates_and_keeps_text(cw: Callable[[str], float]) -> None:
    for text in ["（" * 50, "。" * 50, "x" * 200, "政" * 3]:
        for w in (10, 50, 100):
            lines = break_lines(text, cw, w)
            assert "".join(ln.text for ln in lines) == text


def test_gbt9704_28_characters_per_line(cw: Callable[[str], float]) -> None:
    # GB/T 9704-2012 §5.2.3: 28 characters per line in the 156 mm type area.
    lines = break_lines("政" * 100, cw, 156 * 72 / 25.4, squeeze=BODY_SQUEEZE)
    assert [len(ln.text) for ln in lines[:3]] == [28, 28, 28]


def test_balanced_title_lines(cw: Callable[[str], float]) -> None:
    title = "东营镇人民政府关于2026年度农村最低生活保障对象审核结果的公示"
    greedy = break_lines(title, cw, 442)
    balanced = balanced_lines(title, cw, 442)
    assert len(balanced) == len(greedy) == 2
    assert "".join(ln.text for ln in balanced) == title
    assert abs(balanced[0].width - balanced[1].width) < 2 * PT_3HAO
    assert balanced[0].width >= balanced[1].width - PT_3HAO  # top line not much shorter (梯形)


_TOKENS = [*"政务公开专区扫码查看详情", "2026", "12345678901", URL, " ", *REQUIRED_CLOSING, *REQUIRED_OPENING]


@settings(max_examples=200, deadline=None, database=None)  # no example database in the tree
@given(
    tokens=st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=60),
    width=st.integers(min_value=160, max_value=460),
)
def test_property_realistic_text(cw: Callable[[str], float], tokens: list[str], width: int) -> None:
    text = "".join(tokens)
    # Runs of punctuation longer than a few marks cannot be set legally on
    # narrow lines; real text never has them.
    marks = REQUIRED_CLOSING | REQUIRED_OPENING | {" "}
    run = longest = 0
    for ch in text:
        run = run + 1 if ch in marks else 0
        longest = max(longest, run)
    if longest > 4:
        return
    lines = break_lines(text, cw, width)
    texts = [ln.text for ln in lines]
    # Only the breaks are ours: the text itself may begin with 」 or end with （.
    assert not [t for t in texts[1:] if t and t[0] in REQUIRED_CLOSING], texts
    assert not [t for t in texts[:-1] if t and t[-1] in REQUIRED_OPENING], texts
    assert squash("".join(texts)) == squash(text)


# -- the same rules, read back from rendered PDFs ------------------------------

SPECS = [
    PageSpec(),
    PageSpec(landscape=True),
    PageSpec(size="A3"),
    PageSpec(size="A3", landscape=True),
]


def _shifted_paragraphs() -> list[str]:
    # Prefixes of 0..27 ideographs move every break position through a whole line.
    return [f"{'第' * k}{PARAGRAPH}" for k in range(28)]


@needs_poppler
@pytest.mark.parametrize(
    "spec", SPECS, ids=lambda s: f"{s.size}-{'landscape' if s.landscape else 'portrait'}"
)
def test_rendered_lines_obey_kinsoku(spec: PageSpec, tmp_path: Path, cw: Callable[[str], float]) -> None:
    paragraphs = _shifted_paragraphs()
    width = spec.frame_width
    naive_bad = sum(len(violations(naive_lines(p, cw, width, width - 2 * PT_3HAO))) for p in paragraphs)
    assert naive_bad >= 5, "the crafted text must hit the rules at this width"

    pdf = render(Document(title="", blocks=[Paragraph(p) for p in paragraphs], page=spec))
    extractions = {
        "pdftotext": pdftotext(pdf, tmp_path),
        "pdftotext -layout": pdftotext(pdf, tmp_path, layout=True),
        "pypdf": pypdf_text(pdf),
    }
    for tool, pages in extractions.items():
        lines = [ln for page in pages for ln in body_lines(page)]
        assert len(lines) > 4 * len(paragraphs), tool
        bad = violations(lines, REQUIRED_CLOSING, REQUIRED_OPENING)
        assert bad == [], (tool, bad[:5])
        everything = squash("".join(pages))
        for p in paragraphs:
            assert squash(p) in everything, (tool, p[:20])
