"""The printing core: plain data in, PDF bytes out.

Pure by design (no Qt, no database, nothing from ``app``/``ui``): callers
build a ``Document`` from the dataclasses below and call ``render``.  The
layout follows GB/T 9704-2012 《党政机关公文格式》 where it applies (A4, margins,
3号 body text with 28 characters x 22 lines, title 2号, page numbers "— 1 —");
``printing.layout`` documents each number and each deviation.

Modules (docs/printing.md):
    fonts      a font stack per role (official faces, bundled stand-ins, per-glyph fallback)
    linebreak  Chinese line breaking: kinsoku, no-break facts, balanced titles (pure Python)
    words      word boundaries for titles and headers (jieba, loaded on first use)
    layout     page geometry, styles, page number / footer / draft watermark
    text       flowables: CJKText (paragraphs) and SignatureBlock (issuer, date, seal area, QR)
    table      column widths from content; ``grid`` draws rosters fast
    qr         vector QR codes with caption
    document   the document model, composition rules and ``render``
    poster     board posters
    sample     a sample notice used by tests, the benchmark and the print test
"""

from printing.document import (
    Block,
    Document,
    Heading,
    Paragraph,
    QRBlock,
    Signature,
    Spacer,
    Table,
    render,
)
from printing.fonts import check_fonts, register_fonts
from printing.layout import PageSpec
from printing.qr import qr_drawing, qr_matrix

__all__ = [
    "Block",
    "Document",
    "Heading",
    "PageSpec",
    "Paragraph",
    "QRBlock",
    "Signature",
    "Spacer",
    "Table",
    "check_fonts",
    "qr_drawing",
    "qr_matrix",
    "register_fonts",
    "render",
]
