"""Vector QR codes for printed notices, posters and letters.

Responsibility: encode a payload (normally the public URL of a notice on the
city platform) as a QR code and return it as a platypus flowable made of
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
* Dark modules are merged into horizontal runs drawn as one filled path: a
  version-5 code becomes ~300 rectangles instead of ~600, which keeps PDFs small
  and fast to rasterise, and costs a fraction of a ReportLab ``Drawing``.
* Never put personal data in a payload (ARCHITECTURE.md: only masked data
  leaves; the payload is printed in clear on public boards).
"""

from __future__ import annotations

from functools import lru_cache

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.units import mm
from reportlab.platypus.flowables import Flowable

from printing.layout import PT_XIAO4

__all__ = [
    "DEFAULT_CAPTION",
    "MIN_MODULE_MM",
    "MIN_SIZE_MM",
    "QUIET_ZONE",
    "QRFlowable",
    "qr_drawing",
    "qr_matrix",
]

DEFAULT_CAPTION = "扫码查看详情"
MIN_SIZE_MM = 25.0
MIN_MODULE_MM = 0.5
QUIET_ZONE = 4  # modules, the minimum ISO/IEC 18004 requires


@lru_cache(maxsize=256)
def _matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, box_size=1)
    code.add_data(payload)
    code.make(fit=True)
    return tuple(tuple(bool(v) for v in row) for row in code.get_matrix())


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR symbol's modules (True = dark), without quiet zone, EC level M (cached per payload:
    the preview re-renders the same notice on every option change)."""
    if not payload:
        raise ValueError("QR payload is empty")
    return [list(row) for row in _matrix(payload)]


class QRFlowable(Flowable):
    """A centred vector QR code (one filled path of horizontal runs) with a caption underneath.

    ``width`` is the symbol plus quiet zone; ``symbol_size`` and ``module_size`` (points) and
    ``payload`` are kept for callers and tests. ``caption_size`` sets the caption's type size;
    the caption is set in the body face with per-glyph fallback (``printing.fonts``).
    """

    def __init__(self, payload: str, size_mm: float, caption: str | None, caption_size: float) -> None:
        super().__init__()
        matrix = qr_matrix(payload)
        n = len(matrix)
        self.payload = payload
        self.caption = caption
        self.caption_size = caption_size
        self.module_size = max(size_mm * mm / n, MIN_MODULE_MM * mm)
        self.symbol_size = self.module_size * n
        self.side = self.symbol_size + 2 * QUIET_ZONE * self.module_size
        self.caption_h = 1.6 * caption_size if caption else 0.0
        self.width = self.side
        self.height = self.side + self.caption_h
        self.hAlign = "CENTER"
        self._runs = _runs(matrix)

    def dark_rects(self) -> list[tuple[float, float, float, float]]:
        """(x, y, width, height) of every dark run, origin at the flowable's bottom-left."""
        m = self.module_size
        n = round(self.symbol_size / m)
        x0 = QUIET_ZONE * m
        y0 = self.caption_h + QUIET_ZONE * m
        return [(x0 + c * m, y0 + (n - 1 - r) * m, length * m, m) for r, c, length in self._runs]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        from printing.fonts import stack  # ReportLab fonts: registered with the first render
        from printing.text import draw_string

        c = self.canv
        c.saveState()
        # A white background makes the quiet zone real even over a watermark.
        c.setFillGray(1)
        c.rect(0, self.caption_h, self.side, self.side, stroke=0, fill=1)
        c.setFillGray(0)
        # One filled path of rectangles, written as PDF operators directly ("x y w h re" ... "f"):
        # ~300 rectangles through ReportLab's path object cost more than the rest of a notice.
        # Overlap by a hair so anti-aliasing leaves no hairline seams.
        ops = [f"{x:.3f} {y:.3f} {w + 0.01:.3f} {h + 0.01:.3f} re" for x, y, w, h in self.dark_rects()]
        c.addLiteral("\n".join([*ops, "f"]))
        if self.caption:
            draw_string(
                c, self.side / 2, self.caption_h - self.caption_size, self.caption, stack("body"),
                self.caption_size, anchor="center",
            )  # fmt: skip
        c.restoreState()


def _runs(matrix: list[list[bool]]) -> list[tuple[int, int, int]]:
    """Dark modules merged into horizontal runs (row, first column, length)."""
    runs = []
    for r, row in enumerate(matrix):
        c, n = 0, len(row)
        while c < n:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < n and row[c]:
                c += 1
            runs.append((r, start, c - start))
    return runs


def qr_drawing(
    payload: str,
    size_mm: float = 30,
    caption: str | None = DEFAULT_CAPTION,
    *,
    caption_size: float = PT_XIAO4,
) -> QRFlowable:
    """A centred, vector QR code with its quiet zone and a caption below (a platypus flowable)."""
    if size_mm < MIN_SIZE_MM:
        raise ValueError(f"QR size {size_mm} mm is below the minimum of {MIN_SIZE_MM} mm for printed notices")
    return QRFlowable(payload, size_mm, caption, caption_size)
