"""Document model (plain dataclasses) and the one renderer that turns it into PDF bytes.

Responsibility: the contract between the app and the printing core.  Callers
(notice, poster, letter, catalogue and report layouts) describe *what* to print
with ``Document`` and the block dataclasses below; ``render`` decides *how*,
following GB/T 9704-2012 via ``printing.layout``.  Pure: no Qt, no database,
no files written; the same ``Document`` always gives the same bytes (PDF dates
and ID are fixed), so a hash of the bytes identifies a printed version.

Page furniture: page numbers "— n —" on every page, an optional footer line
(e.g. 张贴位置：东营村公开栏) and, for drafts, a diagonal 草稿 watermark and a
dashed 盖章处 circle where the seal goes.

Composition rules (GB/T 9704-2012 §7.3.5 and board practice, docs/printing.md):

* The sign-off (the closing line such as 特此公示。, issuer, date, seal area and
  the QR code beside them) is kept together with the last line or two of the
  text above it; it never stands alone on a page.
* A document that nearly fits one page is set on one page: the layout is tried
  again with tighter spacing (line pitch down to about 24 lines a page, less air
  around tables and the title, 3 mm QR quiet zone kept) before it spills.
* Headings are never the last line of a page; tables repeat their header rows
  and never strand a single row (``printing.table``).
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Literal

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Frame, KeepTogether, PageTemplate
from reportlab.platypus import Spacer as RLSpacer
from reportlab.platypus.flowables import Flowable

from printing.fonts import MissingGlyphError, register_fonts
from printing.layout import (
    DRAFT,
    LINE_PITCH,
    DraftMark,
    PageSpec,
    Styles,
    TextStyle,
    decorate_page,
    make_styles,
)
from printing.qr import QRFlowable, qr_drawing
from printing.table import make_table
from printing.text import CJKText, SignatureBlock

__all__ = [
    "Block",
    "Document",
    "Heading",
    "Paragraph",
    "QRBlock",
    "Signature",
    "Spacer",
    "Table",
    "render",
]

_ALIGNS = ("left", "right", "center", "justify")


@dataclass
class Heading:
    """A heading line, 3号: "一、公示内容" in 黑体, "（一）补偿标准" in 楷体, "1. …" in bold 仿宋
    (GB/T 9704-2012 §7.3.3; the level is read from the number)."""

    text: str


@dataclass
class Paragraph:
    """Body text.  ``\\n`` inside ``text`` forces a line break.

    ``indent``: two-character first-line indent (GB/T 9704 §7.3.3).
    ``align``: "justify" (default), "left", "center" or "right".
    """

    text: str
    indent: bool = True
    align: Literal["left", "right", "center", "justify"] = "justify"


@dataclass
class Table:
    """A table; splits across pages with the header repeated, 12 pt text.

    ``col_widths`` are relative weights (e.g. ``[1, 4, 2]``) scaled to the
    type area; None sizes columns from their content.
    """

    columns: list[str]
    rows: list[list[str]]
    col_widths: list[float] | None = None
    #: further header rows under ``columns`` (repeated on every page with it)
    header_rows: list[list[str]] = field(default_factory=list)
    #: merged cells as (first col, first row, last col, last row), rows counted from ``columns``
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)
    #: cell type size in points for wide tables (None: the 小四 table style)
    font_size: float | None = None
    #: let a row taller than the page continue on the next page
    split_in_row: bool = False
    #: per column "left", "right" or "center" (None: numbers right, text left)
    align: list[str] | None = None


@dataclass
class Spacer:
    """Vertical space in millimetres."""

    mm: float


@dataclass
class QRBlock:
    """A centred vector QR code with a caption underneath."""

    payload: str
    caption: str = "扫码查看详情"
    size_mm: float = 30


@dataclass
class Signature:
    """Issuer (``\\n`` separates several issuers) above the date, with the seal area."""

    issuer: str
    date_text: str


Block = Heading | Paragraph | Table | Spacer | QRBlock | Signature


@dataclass
class Document:
    """Everything ``render`` needs.

    ``subtitle`` is set centred under the title (e.g. a document-number line
    such as 东营镇〔2026〕3号; we print no 红头 版头, where GB/T 9704 §7.2.5 would
    put it).  ``meta_*`` go into the PDF's document information; ``meta_title``
    defaults to ``title``.
    """

    title: str
    blocks: list[Block] = field(default_factory=list)
    page: PageSpec = field(default_factory=PageSpec)
    draft: bool = False
    draft_mark: DraftMark = DRAFT  # what a draft says it is (a notice's 校样 before the first sync)
    footer: str | None = None
    subtitle: str | None = None
    meta_title: str | None = None
    meta_author: str | None = None
    meta_subject: str | None = None
    #: try tighter spacing before a document of two pages spills onto the second
    fit_one_page: bool = True


# ReportLab keeps per-document state in shared objects (the registered TTFont's
# subset tables, rl_config); renders are CPU-bound anyway, so one at a time.
_render_lock = threading.Lock()


#: Tighter settings tried, in order, when a document spills onto a second page: (body line pitch,
#: space after the title block in lines, space before the sign-off in lines). GB/T 9704 §5.2.3
#: says 一般 22 lines a page; Word 公文 templates shrink the pitch to keep a 公文 on one page too.
_TIGHTER = ((LINE_PITCH, 1.0, 0.5), (27.0, 0.6, 0.3), (25.5, 0.4, 0.2))


def render(doc: Document) -> bytes:
    """Lay out ``doc`` and return the PDF as bytes.

    Raises ``ValueError``/``TypeError`` naming the offending block for bad input (unknown block
    type, wrong table row length, bad alignment, ...) and ``printing.fonts.MissingGlyphError``
    naming a character no face can draw (then there is no PDF at all).
    """
    register_fonts()
    pdf, pages = _build(doc, *_TIGHTER[0])
    if doc.fit_one_page and pages == 2:
        for level in _TIGHTER[1:]:
            tighter, n = _build(doc, *level)
            if n == 1:
                return tighter
    return pdf


def _build(doc: Document, pitch: float, title_gap: float, sign_gap: float) -> tuple[bytes, int]:
    styles = make_styles(line_pitch=pitch)
    story = _story(doc, styles, title_gap=title_gap, sign_gap=sign_gap)
    spec = doc.page
    buf = io.BytesIO()
    x, y, w, h = spec.frame
    template = BaseDocTemplate(
        buf,
        pagesize=spec.page_size,
        leftMargin=spec.margins.left,
        rightMargin=spec.margins.right,
        topMargin=spec.margins.top,
        bottomMargin=spec.margins.bottom,
        title=doc.meta_title or doc.title,
        author=doc.meta_author or "",
        subject=doc.meta_subject or "",
        creator="Gongkai 政务公开",
        invariant=1,  # fixed dates/ID: identical input gives identical bytes
        pageCompression=1,
        lang="zh-CN",
        displayDocTitle=1,
        initialFontName=styles.body.font_name,
        initialFontSize=styles.body.font_size,
    )
    # Zero padding: the frame *is* the GB/T 9704 type area (版心).
    frame = Frame(x, y, w, h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    on_page = partial(
        _on_page, spec=spec, styles=styles, draft=doc.draft, footer=doc.footer, mark=doc.draft_mark
    )
    template.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    with _render_lock:
        template.build(story)
    return buf.getvalue(), template.page


def _on_page(
    canv: Canvas,
    _doc: BaseDocTemplate,
    *,
    spec: PageSpec,
    styles: Styles,
    draft: bool,
    footer: str | None,
    mark: DraftMark,
) -> None:
    decorate_page(canv, canv.getPageNumber(), spec, styles, draft=draft, footer=footer, mark=mark)


def _heading_style(text: str, styles: Styles) -> TextStyle:
    t = text.lstrip()
    if t.startswith(("（", "(")):
        return styles.heading2
    if t[:1].isdigit():
        return styles.heading3
    return styles.heading


def _story(doc: Document, styles: Styles, *, title_gap: float = 1.0, sign_gap: float = 0.5) -> list[Flowable]:
    width = doc.page.frame_width
    story: list[Flowable] = []
    if doc.title.strip():
        story.append(CJKText(doc.title.strip(), styles.title, balanced=True))
    if doc.subtitle:
        story.append(CJKText(doc.subtitle, styles.subtitle))
    if story:
        story.append(RLSpacer(0, LINE_PITCH * title_gap))  # an empty line between title block and body

    blocks = list(doc.blocks)
    index = 0
    while index < len(blocks):
        block = blocks[index]
        where = f"Document.blocks[{index}] ({type(block).__name__})"
        index += 1
        if isinstance(block, Heading | Paragraph) and not isinstance(block.text, str):
            raise TypeError(f"{where}: text must be str, got {type(block.text).__name__}")
        if isinstance(block, Heading):
            # A heading must not end a page: demand room for it plus two lines.
            story.append(CondPageBreak(styles.heading.leading * 3))
            story.append(CJKText(block.text, _heading_style(block.text, styles), words=True))
        elif isinstance(block, Paragraph):
            if block.align not in _ALIGNS:
                raise ValueError(f"{where}: align must be one of {_ALIGNS}, got {block.align!r}")
            style = styles.body
            # The first-line indent belongs to running text; centred or
            # right-aligned lines are placed as a whole and get none.
            indent = block.indent and block.align in ("justify", "left")
            if not indent or block.align != style.align:
                style = replace(
                    style,
                    first_line_indent=style.first_line_indent if indent else 0.0,
                    align=block.align,
                )
            story.append(CJKText(block.text, style))
        elif isinstance(block, Table):
            try:
                story.append(
                    make_table(
                        block.columns,
                        block.rows,
                        styles,
                        width,
                        block.col_widths,
                        header_rows=block.header_rows,
                        spans=block.spans,
                        font_size=block.font_size,
                        split_in_row=block.split_in_row,
                        align=block.align,
                    )
                )
            except MissingGlyphError:
                raise
            except ValueError as exc:
                raise ValueError(f"{where}: {exc}") from exc
        elif isinstance(block, Spacer):
            story.append(RLSpacer(0, block.mm * mm))
        elif isinstance(block, QRBlock):
            try:
                story.append(qr_drawing(block.payload, block.size_mm, block.caption))
            except MissingGlyphError:
                raise
            except ValueError as exc:
                raise ValueError(f"{where}: {exc}") from exc
        elif isinstance(block, Signature):
            qr: QRFlowable | None = None
            nxt = blocks[index] if index < len(blocks) else None
            if isinstance(nxt, QRBlock):
                # The QR code sits beside the issuer and date, at the left of the seal's band.
                try:
                    qr = qr_drawing(nxt.payload, nxt.size_mm, nxt.caption)
                except ValueError as exc:
                    raise ValueError(f"Document.blocks[{index}] (QRBlock): {exc}") from exc
                index += 1
            story.extend(_signature(story, block, styles, width, draft=doc.draft, qr=qr, gap=sign_gap))
        else:
            raise TypeError(f"{where}: not a printing block")
    return story


def _signature(
    story: list[Flowable],
    block: Signature,
    styles: Styles,
    width: float,
    *,
    draft: bool,
    qr: QRFlowable | None = None,
    gap: float = 0.5,
) -> list[Flowable]:
    """The sign-off, kept on one page with the end of the text above it.

    GB/T 9704-2012 §7.3.5: the seal's top sits within one line of the body text, and when the space
    left cannot take the seal, issuer and date, the text is adjusted rather than leaving them alone
    on a page (practice since the 1999 edition: no page saying only "此页无正文"). We take the short
    closing lines right above the block (特此公示。) and the last one or two lines of the paragraph
    before them, and keep them with the block, so the sign-off and some body text share a page.
    """
    sig = SignatureBlock(block.issuer, block.date_text, styles.signature, draft=draft, qr=qr, gap=gap)
    kept: list[Flowable] = [sig]
    body_styles = ("body", "signature")
    # Short closing lines (特此公示。, 联系人…) go with it as a whole.
    while (
        story
        and isinstance(story[-1], CJKText)
        and story[-1].style.name in body_styles
        and len(story[-1].lines_for(width)) == 1
        and len(kept) < 4
    ):
        kept.insert(0, story.pop())
    if story and isinstance(story[-1], CJKText) and story[-1].style.name in body_styles:
        prev = story.pop()
        n = len(prev.lines_for(width))
        # "A line or two" of running text, never a paragraph's single last line (a widow):
        # two lines of a longer paragraph, else the whole short paragraph.
        parts = prev.split_at_line(width, n - 2) if n >= 4 else None
        if parts:
            story.append(parts[0])
            kept.insert(0, parts[1])
        else:
            kept.insert(0, prev)
    return [KeepTogether(kept)]
