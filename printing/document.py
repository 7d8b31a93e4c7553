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

from printing.fonts import register_fonts
from printing.layout import LINE_PITCH, PageSpec, Styles, decorate_page, make_styles
from printing.qr import qr_drawing
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
    """A heading line such as "一、公示内容" (set in faux bold, 3号)."""

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
    footer: str | None = None
    subtitle: str | None = None
    meta_title: str | None = None
    meta_author: str | None = None
    meta_subject: str | None = None


# ReportLab keeps per-document state in shared objects (the registered TTFont's
# subset tables, rl_config); renders are CPU-bound anyway, so one at a time.
_render_lock = threading.Lock()


def render(doc: Document) -> bytes:
    """Lay out ``doc`` and return the PDF as bytes.

    Raises ``ValueError``/``TypeError`` naming the offending block for bad
    input (unknown block type, wrong table row length, bad alignment, ...).
    """
    font = register_fonts()
    styles = make_styles(font)
    story = _story(doc, styles)
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
        initialFontName=font,
        initialFontSize=styles.body.font_size,
    )
    # Zero padding: the frame *is* the GB/T 9704 type area (版心).
    frame = Frame(x, y, w, h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    on_page = partial(_on_page, spec=spec, styles=styles, draft=doc.draft, footer=doc.footer)
    template.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    with _render_lock:
        template.build(story)
    return buf.getvalue()


def _on_page(
    canv: Canvas, _doc: BaseDocTemplate, *, spec: PageSpec, styles: Styles, draft: bool, footer: str | None
) -> None:
    decorate_page(canv, canv.getPageNumber(), spec, styles, draft=draft, footer=footer)


def _story(doc: Document, styles: Styles) -> list[Flowable]:
    width = doc.page.frame_width
    story: list[Flowable] = []
    if doc.title.strip():
        story.append(CJKText(doc.title.strip(), styles.title, balanced=True))
    if doc.subtitle:
        story.append(CJKText(doc.subtitle, styles.subtitle))
    if story:
        story.append(RLSpacer(0, LINE_PITCH))  # one empty line between title block and body

    for index, block in enumerate(doc.blocks):
        where = f"Document.blocks[{index}] ({type(block).__name__})"
        if isinstance(block, Heading | Paragraph) and not isinstance(block.text, str):
            raise TypeError(f"{where}: text must be str, got {type(block.text).__name__}")
        if isinstance(block, Heading):
            # A heading must not end a page: demand room for it plus two lines.
            story.append(CondPageBreak(styles.heading.leading * 3))
            story.append(CJKText(block.text, styles.heading))
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
                    )
                )
            except ValueError as exc:
                raise ValueError(f"{where}: {exc}") from exc
        elif isinstance(block, Spacer):
            story.append(RLSpacer(0, block.mm * mm))
        elif isinstance(block, QRBlock):
            try:
                story.append(qr_drawing(block.payload, block.size_mm, block.caption))
            except ValueError as exc:
                raise ValueError(f"{where}: {exc}") from exc
        elif isinstance(block, Signature):
            story.extend(_signature(story, block, styles, width, draft=doc.draft))
        else:
            raise TypeError(f"{where}: not a printing block")
    return story


def _signature(
    story: list[Flowable], block: Signature, styles: Styles, width: float, *, draft: bool
) -> list[Flowable]:
    """The signature block, kept on one page with the end of the text above it.

    GB/T 9704-2012 §7.3.5: the seal's top sits within one line of the body
    text, and when the space left cannot take the seal, issuer and date, the
    text is adjusted rather than leaving them alone on a page (practice since
    the 1999 edition: no page saying only "此页无正文").  We take the last two
    lines of the preceding paragraph, if there is one, and keep them with the
    block, so the block and some body text always share a page.
    """
    sig = SignatureBlock(block.issuer, block.date_text, styles.signature, draft=draft)
    kept: list[Flowable] = [sig]
    if story and isinstance(story[-1], CJKText) and story[-1].style.name == "body":
        prev = story.pop()
        n = len(prev.lines_for(width))
        parts = prev.split_at_line(width, n - 2) if n > 2 else None
        if parts:
            story.append(parts[0])
            kept.insert(0, parts[1])
        else:
            kept.insert(0, prev)
    return [KeepTogether(kept)]
