"""PDF pages as QImages (pypdfium2; PySide6-Essentials has no QtPdf) and printing them to a QPrinter.

The PDF is the one the service made (masked); printing draws its page images at the printer's
resolution, so what comes out of the printer is exactly what the preview showed.
"""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

MAX_PRINT_DPI = 300


def page_count(pdf: bytes) -> int:
    doc = pdfium.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


def render_pages(pdf: bytes, dpi: float) -> list[QImage]:
    """Every page as an RGB QImage at ``dpi``."""
    doc = pdfium.PdfDocument(pdf)
    images: list[QImage] = []
    try:
        for index in range(len(doc)):
            page = doc[index]
            pil = page.render(scale=dpi / 72).to_pil().convert("RGB")
            data = pil.tobytes("raw", "RGB")
            image = QImage(data, pil.width, pil.height, 3 * pil.width, QImage.Format.Format_RGB888)
            images.append(image.copy())  # own the pixels: ``data`` goes away with this scope
            page.close()
    finally:
        doc.close()
    return images


def print_pdf(pdf: bytes, printer: QPrinter, copies: int = 1) -> int:
    """Draw every page of ``pdf`` on ``printer`` ``copies`` times; returns the number of sheets sent."""
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    pages = render_pages(pdf, dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("无法启动打印机（打印机不可用或输出文件不可写）")
    sheets = 0
    try:
        for copy in range(copies):
            for i, image in enumerate(pages):
                if copy or i:
                    printer.newPage()
                area = painter.viewport()
                size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                target = QRect(area.x(), area.y(), size.width(), size.height())
                painter.drawImage(target, image)
                sheets += 1
    finally:
        painter.end()
    return sheets
