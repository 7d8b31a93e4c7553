"""QR codes as QPixmaps for the kiosk (the qrcode library builds the matrix; Qt paints it).

``QrCache`` keeps the last few pixmaps per (text, size): the carousel redraws the same few QR codes
thousands of times a day and must neither recompute them nor grow memory (bench/kiosk_soak.py). It
is owned by the window, so no pixmap outlives the QApplication.
"""

from __future__ import annotations

from collections import OrderedDict

import qrcode
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR modules of ``text`` (error correction M), including the 4-module quiet zone."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(text)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def qr_pixmap(text: str, size: int) -> QPixmap:
    """A ``size``×``size`` black-on-white QR pixmap (also in high contrast: phone cameras expect it)."""
    matrix = qr_matrix(text)
    n = len(matrix)
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    cell = size / n
    for y, row in enumerate(matrix):
        for x, on in enumerate(row):
            if on:
                # A slight overlap avoids hairline gaps between modules at fractional cell sizes.
                painter.drawRect(QRectF(x * cell, y * cell, cell + 0.5, cell + 0.5))
    painter.end()
    return pixmap


class QrCache:
    """A small LRU of QR pixmaps."""

    def __init__(self, capacity: int = 64) -> None:
        self._capacity = capacity
        self._items: OrderedDict[tuple[str, int], QPixmap] = OrderedDict()

    def pixmap(self, text: str, size: int) -> QPixmap:
        key = (text, size)
        cached = self._items.get(key)
        if cached is not None:
            self._items.move_to_end(key)
            return cached
        pixmap = qr_pixmap(text, size)
        self._items[key] = pixmap
        if len(self._items) > self._capacity:
            self._items.popitem(last=False)
        return pixmap

    def __len__(self) -> int:
        return len(self._items)
