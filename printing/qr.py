"""Vector QR codes for printed notices, posters and letters.

Responsibility: encode a payload (normally the public URL of a notice on the
city platform) as a QR code and return it as a ReportLab ``Drawing`` made of
filled rectangles, i.e. a vector graphic that stays sharp on any printer, with
a caption (default 扫码查看详情) underneath.

Choices:

* Matrix from the ``qrcode`` library (mature, byte mode for UTF-8), error
  correction level M (15 %): survives a scratched or sun-bleached board copy
  without making the symbol much denser than level L.
* Quiet zone of 4 modules on every side, as ISO/IEC 18004 requires; phones
  fail on codes printed against a frame or text without it.
* ``size_mm`` is the printed size of the *symbol* (edge of finder pattern to
  edge of finder pattern), not counting the quiet zone; at least 25 mm so that
  an older phone reads it from arm's length on a notice board.  If a long
  payload would make a module smaller than ``MIN_MODULE_MM``, the symbol grows
  instead: a larger code is better than one nobody can scan.
* Dark modules are merged into horizontal runs: a version-5 code becomes ~300
  rectangles instead of ~600, which keeps PDFs small and fast to rasterise.
* Never put personal data in a payload (ARCHITECTURE.md: only masked data
  leaves; the payload is printed in clear on public boards).
"""

from __future__ import annotations

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.units import mm
from reportlab.lib.validators import isNumber, isString

from printing.fonts import register_fonts
from printing.layout import PT_XIAO4

__all__ = [
    "DEFAULT_CAPTION",
    "MIN_MODULE_MM",
    "MIN_SIZE_MM",
    "QUIET_ZONE",
    "QRDrawing",
    "qr_drawing",
    "qr_matrix",
]

DEFAULT_CAPTION = "扫码查看详情"
MIN_SIZE_MM = 25.0
MIN_MODULE_MM = 0.5
QUIET_ZONE = 4  # modules, the minimum ISO/IEC 18004 requires


class QRDrawing(Drawing):
    """A ``Drawing`` that also records the QR geometry (ReportLab drawings only
    accept attributes declared in their ``_attrMap``)."""

    _attrMap = AttrMap(
        BASE=Drawing,
        symbol_size=AttrMapValue(isNumber, desc="printed symbol size without quiet zone, points"),
        module_size=AttrMapValue(isNumber, desc="printed module size, points"),
        payload=AttrMapValue(isString, desc="encoded text"),
    )


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR symbol's modules (True = dark), without quiet zone, EC level M."""
    if not payload:
        raise ValueError("QR payload is empty")
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, box_size=1)
    code.add_data(payload)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def qr_drawing(
    payload: str,
    size_mm: float = 30,
    caption: str | None = DEFAULT_CAPTION,
    *,
    caption_size: float = PT_XIAO4,
) -> QRDrawing:
    """A centred, vector QR code with its quiet zone and a caption below.

    The returned ``Drawing`` is a platypus flowable; its ``width`` equals the
    symbol plus quiet zone.  Attributes ``symbol_size`` and ``module_size``
    (points) and ``payload`` are set for callers and tests.
    """
    if size_mm < MIN_SIZE_MM:
        raise ValueError(f"QR size {size_mm} mm is below the minimum of {MIN_SIZE_MM} mm for printed notices")
    matrix = qr_matrix(payload)
    n = len(matrix)
    module = max(size_mm * mm / n, MIN_MODULE_MM * mm)
    symbol = module * n
    side = symbol + 2 * QUIET_ZONE * module
    caption_h = 1.6 * caption_size if caption else 0.0

    d = QRDrawing(side, side + caption_h)
    d.hAlign = "CENTER"
    # The renderer's initial state would otherwise select (and reference, without
    # embedding) Helvetica; every font in our PDFs is embedded.
    d.initialFontName = register_fonts()
    d.initialFontSize = caption_size
    # A white background makes the quiet zone real even over a watermark.
    d.add(Rect(0, caption_h, side, side, fillColor=colors.white, strokeColor=None, strokeWidth=0))
    origin_x = QUIET_ZONE * module
    origin_y = caption_h + QUIET_ZONE * module
    for r, row in enumerate(matrix):
        y = origin_y + (n - 1 - r) * module  # row 0 is the top row
        c = 0
        while c < n:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < n and row[c]:
                c += 1
            # Overlap by a hair so anti-aliasing leaves no hairline seams.
            d.add(
                Rect(
                    origin_x + start * module,
                    y,
                    (c - start) * module + 0.01,
                    module + 0.01,
                    fillColor=colors.black,
                    strokeColor=None,
                    strokeWidth=0,
                )
            )
    if caption:
        d.add(
            String(
                side / 2,
                caption_h - caption_size,
                caption,
                fontName=register_fonts(),
                fontSize=caption_size,
                fillColor=colors.black,
                textAnchor="middle",
            )
        )
    d.symbol_size = symbol
    d.module_size = module
    d.payload = payload
    return d
