"""Page geometry, type styles and page decorations shared by every printed PDF.

Responsibility: turn GB/T 9704-2012 《党政机关公文格式》 into numbers (paper,
margins, type sizes, line pitch) and draw what sits *outside* the type area on
every page (page number, footer line, draft watermark).  The notice, poster,
letter, catalogue-table and report layouts all build on this module; nothing
here knows about notices or the database.

Deliberate deviations from GB/T 9704:

* Faces.  §5.2.2/§7.3.1/§7.3.3 want body text in 仿宋, the title in 小标宋,
  first-level headings in 黑体, second-level ones in 楷体.  Each style names a
  role of ``printing.fonts``, whose stack prefers those faces when the PC has
  them and otherwise uses bundled free faces of the same style (Kai for 仿宋,
  Ming for 小标宋, WenQuanYi Micro Hei for 黑体); a Ming standing in for 小标宋
  is emboldened ("faux bold": glyphs filled *and* stroked, PDF text render
  mode 2), so the text stays real, extractable text.
* No 版头 (red 发文机关标志 and separator line, §7.2): board notices are
  rarely full 公文; the title starts at the top of the type area.
* §7.5 page numbers: 4号 (14 pt) Arabic numerals between two 一字线 "— 1 —",
  the top of the number 7 mm below the type area.  The standard puts odd page
  numbers on the right and even ones on the left (each one character in).
  Documents posted on a board are single-sided, so we centre by default;
  ``PageSpec(alternate_page_numbers=True)`` gives the §7.5 placement.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Literal

from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from printing.fonts import FontStack, stack

__all__ = [
    "LINE_PITCH",
    "PT_2HAO",
    "PT_3HAO",
    "PT_4HAO",
    "PT_5HAO",
    "PT_XIAO4",
    "DRAFT_NOTE",
    "WATERMARK_TEXT",
    "Align",
    "Margins",
    "PageSpec",
    "Styles",
    "TextStyle",
    "decorate_page",
    "make_styles",
    "page_number_text",
]

# Chinese point sizes (字号) as used in GB/T 9704: 2号, 3号, 4号, 小4号, 5号.
PT_2HAO = 22.0
PT_3HAO = 16.0
PT_4HAO = 14.0
PT_XIAO4 = 12.0
PT_5HAO = 10.5

#: Line pitch of body text.  GB/T 9704-2012 §5.2.3: "一般每面排22行，每行排28个
#: 字" in a 225 mm high type area; 225 mm / 22 lines = 10.23 mm.  Word templates
#: for 公文 use the same value as a fixed 28.95 pt line spacing, so 22 lines of
#: 3号 text fill the type area exactly.
LINE_PITCH = 28.95

#: Compression allowed per character gap in body text, in points.  The type
#: area is 156 mm = 442.2 pt = 27.6 em of 3号; allowing 0.25 pt per gap fits the
#: 28 characters per line of §5.2.3 (28 x 16 pt = 448 pt <= 442.2 + 27 x 0.25).
BODY_SQUEEZE = 0.25

PaperSize = Literal["A4", "A3"]
Align = Literal["left", "right", "center", "justify"]
_PAPER = {"A4": A4, "A3": A3}


@dataclass(frozen=True, slots=True)
class Margins:
    """Page margins in points."""

    top: float
    bottom: float
    left: float
    right: float


@dataclass(frozen=True)
class PageSpec:
    """Paper size and orientation; everything else derives from these.

    A4 portrait follows GB/T 9704-2012 §5.2.1: 天头 (top) 37 mm, 订口
    (left, binding side) 28 mm, type area 156 x 225 mm, which leaves 35 mm at
    the bottom and 26 mm at the right.

    A3 (used for posters and board copies) is A4 enlarged by 297/210 = 1.414,
    so margins scale by the ratio of the short edges; type sizes do not (use
    ``make_styles(scale=...)`` for poster-sized type).

    Landscape (wide tables): the standard has no landscape page.  We turn the
    type area with the paper: the short-edge pair (28/26 mm) becomes top and
    bottom, the long-edge pair (37/35 mm) left and right; the bottom gains 4 mm
    so the page number and a footer line still fit under the type area.
    """

    size: PaperSize = "A4"
    landscape: bool = False
    alternate_page_numbers: bool = False

    def __post_init__(self) -> None:
        if self.size not in _PAPER:
            raise ValueError(f"PageSpec.size: expected 'A4' or 'A3', got {self.size!r}")

    @property
    def page_size(self) -> tuple[float, float]:
        """(width, height) in points."""
        size = _PAPER[self.size]
        return (landscape(size) if self.landscape else size)[:2]

    @property
    def scale(self) -> float:
        """Short edge relative to A4's 210 mm (1.0 for A4, 1.414 for A3)."""
        return min(self.page_size) / (210 * mm)

    @property
    def margins(self) -> Margins:
        k = self.scale * mm
        if self.landscape:
            return Margins(top=28 * k, bottom=30 * k, left=37 * k, right=35 * k)
        return Margins(top=37 * k, bottom=35 * k, left=28 * k, right=26 * k)

    @property
    def frame(self) -> tuple[float, float, float, float]:
        """Type area (版心) as (x, y, width, height) in points, origin bottom-left."""
        w, h = self.page_size
        m = self.margins
        return (m.left, m.bottom, w - m.left - m.right, h - m.top - m.bottom)

    @property
    def frame_width(self) -> float:
        return self.frame[2]


@dataclass(frozen=True)
class TextStyle:
    """How one kind of text block is set.  All lengths in points."""

    name: str
    role: str  # printing.fonts role: title, body, heading1, heading2, table, display
    font_size: float
    leading: float
    align: Align = "justify"
    first_line_indent: float = 0.0
    left_indent: float = 0.0
    right_indent: float = 0.0
    bold: bool = False  # faux bold: fill + stroke (see module docstring)
    space_before: float = 0.0
    space_after: float = 0.0
    gray: float = 0.0  # 0 = black; GB/T 9704 §5.2.4: text is black
    squeeze: float = 0.0  # see BODY_SQUEEZE

    @property
    def stack(self) -> FontStack:
        return stack(self.role)

    @property
    def font_name(self) -> str:
        """The role's first face (ReportLab name)."""
        return self.stack.primary

    @property
    def stroke_width(self) -> float:
        """Outline width used for faux bold, proportional to the type size."""
        return self.font_size * 0.03 if self.bold else 0.0


@dataclass(frozen=True)
class Styles:
    """The style sheet every printing module uses.

    * ``title``: 2号 小标宋, centred, balanced over several lines (GB/T 9704 §7.3.1).
    * ``subtitle``: 3号 仿宋, centred (e.g. a document-number line under the title).
    * ``heading``: 3号 黑体 (一、), ``heading2``: 3号 楷体 (（一）), ``heading3``: 3号
      仿宋 emboldened (1.), first line indented two characters like the body (in
      公文 the heading numbers start at the paragraph indent, §7.3.3).
    * ``body``: 3号, justified, first-line indent of two characters (§7.3.3),
      line pitch ``LINE_PITCH``.
    * ``signature``/``date``: 3号, placed by ``SignatureBlock``.
    * ``table_cell``/``table_header``: 小4号 (12 pt), left / centred 黑体.
    * ``caption``: 小4号, centred (QR captions).
    * ``page_number``: 4号; ``footer``: 5号 dark grey.
    """

    title: TextStyle
    subtitle: TextStyle
    heading: TextStyle
    heading2: TextStyle
    heading3: TextStyle
    body: TextStyle
    signature: TextStyle
    table_cell: TextStyle
    table_header: TextStyle
    caption: TextStyle
    page_number: TextStyle
    footer: TextStyle
    extra: dict[str, TextStyle] = field(default_factory=dict)


def make_styles(scale: float = 1.0, *, line_pitch: float = LINE_PITCH) -> Styles:
    """Build the style sheet; ``scale`` enlarges all type (posters), ``line_pitch`` is the body's."""
    s = scale
    line = line_pitch * s
    body_size = PT_3HAO * s
    indent = 2 * body_size  # 首行缩进两个字 (GB/T 9704 §7.3.3)

    def style(name: str, role: str, size: float, leading: float, **kw: Any) -> TextStyle:
        return TextStyle(name=name, role=role, font_size=size * s, leading=leading, **kw)

    return Styles(
        title=style(
            "title", "title", PT_2HAO, 1.5 * PT_2HAO * s, align="center", bold=stack("title").embolden
        ),
        subtitle=style("subtitle", "body", PT_3HAO, line, align="center"),
        heading=style("heading", "heading1", PT_3HAO, line, align="left", first_line_indent=indent),
        heading2=style("heading2", "heading2", PT_3HAO, line, align="left", first_line_indent=indent),
        heading3=style("heading3", "body", PT_3HAO, line, align="left", first_line_indent=indent, bold=True),
        body=style("body", "body", PT_3HAO, line, first_line_indent=indent, squeeze=BODY_SQUEEZE * s),
        signature=style("signature", "body", PT_3HAO, line, align="left"),
        table_cell=style("table_cell", "table", PT_XIAO4, 1.4 * PT_XIAO4 * s, align="left"),
        table_header=style("table_header", "heading1", PT_XIAO4, 1.4 * PT_XIAO4 * s, align="center"),
        caption=style("caption", "body", PT_XIAO4, 1.4 * PT_XIAO4 * s, align="center"),
        page_number=style("page_number", "body", PT_4HAO, PT_4HAO * s, align="center"),
        footer=style("footer", "body", PT_5HAO, 1.3 * PT_5HAO * s, align="center", gray=0.25),
    )


def page_number_text(number: int) -> str:
    """GB/T 9704 §7.5: the number between two 一字线 (em dashes)."""
    return f"— {number} —"


WATERMARK_TEXT = "草稿"
DRAFT_NOTE = "草稿 · 未经审核，不得张贴"


@dataclass(frozen=True)
class DraftMark:
    """What a printout that must not be posted says about itself: the diagonal watermark (two
    characters fill the diagonal) and the sentence in the top margin, which stays in the text layer."""

    watermark: str
    note: str


DRAFT = DraftMark(WATERMARK_TEXT, DRAFT_NOTE)


def decorate_page(
    canv: Canvas,
    page_number: int,
    spec: PageSpec,
    styles: Styles,
    *,
    draft: bool = False,
    footer: str | None = None,
    mark: DraftMark = DRAFT,
) -> None:
    """Draw watermark (``mark``, on drafts), page number and footer on the current page.

    Called from the page template's ``onPage`` hook, i.e. *before* the
    page's content, so the watermark lies underneath the text.
    """
    c = canv
    width, height = spec.page_size
    x0, y0, fw, _fh = spec.frame
    from printing.text import draw_string  # text builds on layout

    if draft:
        _draw_watermark(c, width, height, stack("heading1").primary, mark.watermark)
        # The draft status in words, in the top margin above the type area's
        # right edge, so it is also in the text layer (see _draw_watermark).
        hd = styles.footer
        c.setFillGray(hd.gray)
        draw_string(
            c, x0 + fw, height - spec.margins.top / 2, mark.note, hd.stack, hd.font_size, anchor="right"
        )

    # Page number: top of the digits 7 mm under the type area (GB/T 9704 §7.5).
    pn = styles.page_number
    text = page_number_text(page_number)
    # 1 pt extra letter spacing: with the font's narrow space (0.26 em) poppler
    # would extract "—1—"; with it, copy/paste and search give "— 1 —".
    spacing = 1.0
    tw = pn.stack.width(text, pn.font_size) + spacing * (len(text) - 1)
    baseline = y0 - 7 * mm * spec.scale - 0.8 * pn.font_size
    if spec.alternate_page_numbers:
        # 单页码居右空一字，双页码居左空一字
        x = x0 + fw - pn.font_size - tw if page_number % 2 else x0 + pn.font_size
    else:
        x = x0 + (fw - tw) / 2
    c.setFillGray(pn.gray)
    draw_string(c, x, baseline, text, pn.stack, pn.font_size, char_space=spacing)

    if footer:
        ft = styles.footer
        c.setFillGray(ft.gray)
        # Halfway between the page number and the paper edge, but at least
        # 8 mm up so that printers with a wide unprintable border keep it.
        fy = max(8 * mm, (baseline - pn.font_size) / 2)
        draw_string(c, width / 2, fy, footer, ft.stack, ft.font_size, anchor="center")
    c.setFillGray(0)


def _draw_watermark(c: Canvas, width: float, height: float, font_name: str, text: str) -> None:
    """A large, light grey ``text`` (草稿) across the page diagonal.

    Light grey rather than transparency: it prints the same on every printer
    and, drawn under the content, never hides text.

    The glyphs are wrapped in a marked-content sequence tagged as a pagination
    artifact (PDF 32000-1:2008 §14.8.2.2, /Subtype /Watermark) with an empty
    /ActualText (§14.9.4).  Without it ``pdftotext``/copy-paste/screen readers
    mix the two huge diagonal characters into the body text line by line.  The
    draft status stays in the text layer through the header line drawn by
    ``decorate_page``.
    """
    angle = math.degrees(math.atan2(height, width))
    diagonal = math.hypot(width, height)
    size = diagonal * 0.18
    c.saveState()
    c.setFillGray(0.86)
    c.translate(width / 2, height / 2)
    c.rotate(angle)
    c.setFont(font_name, size)
    c.addLiteral("/Artifact <</Type /Pagination /Subtype /Watermark>> BDC /Span <</ActualText <FEFF>>> BDC")
    c.drawCentredString(0, -0.35 * size, text)
    c.addLiteral("EMC EMC")
    c.restoreState()
