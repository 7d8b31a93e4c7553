"""QR codes: matrix, vector drawing geometry, and scanning the printed page."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.units import mm

from printing import Document, Paragraph, QRBlock, qr_drawing, qr_matrix, render
from printing.qr import MIN_MODULE_MM, QUIET_ZONE
from tests.printing.pdfutil import needs_poppler, pdftotext, render_png, squash

PAYLOAD = "https://gk.example.gov.cn/notice/2026/0316-dibao"


def _finder_at(m: list[list[bool]], r0: int, c0: int) -> bool:
    """7x7 finder pattern: dark ring, light ring, dark 3x3 core."""
    for r in range(7):
        for c in range(7):
            ring = max(abs(r - 3), abs(c - 3))
            if m[r0 + r][c0 + c] != (ring != 2):
                return False
    return True


def test_matrix_is_a_qr_symbol() -> None:
    m = qr_matrix(PAYLOAD)
    n = len(m)
    assert all(len(row) == n for row in m)
    assert (n - 21) % 4 == 0  # versions 1..40 are 21 + 4(v-1) modules
    assert _finder_at(m, 0, 0) and _finder_at(m, 0, n - 7) and _finder_at(m, n - 7, 0)


def test_matrix_rejects_empty_payload() -> None:
    with pytest.raises(ValueError, match="empty"):
        qr_matrix("")


@pytest.mark.parametrize("size_mm", [25, 30, 40])
def test_drawing_size_and_quiet_zone(size_mm: float) -> None:
    d = qr_drawing(PAYLOAD, size_mm)
    n = len(qr_matrix(PAYLOAD))
    assert d.symbol_size >= 25 * mm - 1e-6
    assert d.symbol_size == pytest.approx(size_mm * mm)
    assert d.module_size == pytest.approx(d.symbol_size / n)
    assert d.width == pytest.approx(d.symbol_size + 2 * QUIET_ZONE * d.module_size)
    caption_h = d.height - d.width
    lo = QUIET_ZONE * d.module_size
    hi = lo + d.symbol_size
    rects = d.dark_rects()
    assert rects, "the QR must be drawn as vector rectangles"
    for x, y, w, h in rects:
        # Every dark module lies inside the symbol: the 4-module border is empty.
        assert x >= lo - 1e-6 and x + w <= hi + 0.02
        assert y - caption_h >= lo - 1e-6 and y - caption_h + h <= hi + 0.02


def test_caption_below_the_code() -> None:
    d = qr_drawing(PAYLOAD)
    assert d.caption == "扫码查看详情"
    assert d.caption_h >= d.caption_size  # the caption's band lies below the quiet zone
    assert d.height == pytest.approx(d.width + d.caption_h)
    bare = qr_drawing(PAYLOAD, caption=None)
    assert bare.caption is None and bare.height == pytest.approx(bare.width)


def test_too_small_is_refused_and_long_payloads_grow() -> None:
    with pytest.raises(ValueError, match="25"):
        qr_drawing(PAYLOAD, 20)
    long_payload = PAYLOAD + "?" + "x" * 600
    d = qr_drawing(long_payload, 25)
    assert d.module_size >= MIN_MODULE_MM * mm - 1e-9
    assert d.symbol_size > 25 * mm


@needs_poppler
@pytest.mark.parametrize(
    "payload",
    [PAYLOAD, "https://gk.example.gov.cn/n/8f14e45f-ceea-467f-a0e6-4b7a2f1c9d11?src=board"],
)
def test_printed_qr_scans_at_200_dpi(payload: str, tmp_path: Path) -> None:
    doc = Document(
        title="扫码测试",
        blocks=[Paragraph("下方二维码应能被手机扫描。"), QRBlock(payload)],
        draft=True,  # the watermark runs under the code; it must still scan
    )
    pdf = render(doc)
    png = render_png(pdf, tmp_path, 200)
    with Image.open(png) as im:
        results = zxingcpp.read_barcodes(im)
    assert [r.text for r in results] == [payload]
    result = results[0]
    assert result.format == zxingcpp.BarcodeFormat.QRCode
    assert result.ec_level == "M"
    # Printed size measured on the raster: corner to corner, in millimetres.
    pos = result.position
    width_px = max(pos.top_right.x, pos.bottom_right.x) - min(pos.top_left.x, pos.bottom_left.x)
    assert width_px / 200 * 25.4 >= 25
    assert "扫码查看详情" in squash(pdftotext(pdf, tmp_path)[0])


def test_qr_is_vector_not_an_image() -> None:
    pdf = render(Document(title="二维码", blocks=[QRBlock(PAYLOAD)]))
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert list(page.images) == []
