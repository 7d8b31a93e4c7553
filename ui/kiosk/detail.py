"""The shared shape of a detail page: headline, labelled lines in plain language, and a QR code.

Landscape puts the QR code beside the text; portrait puts it above, so neither column gets so narrow
that Chinese lines wrap after three characters.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from app.kiosk import KioskField, KioskService
from ui.kiosk.base import KioskPage
from ui.kiosk.qr import QrCache
from ui.kiosk.widgets import clear_layout, label, scroll_area


class DetailPage(KioskPage):
    """A page showing one record; subclasses implement ``reload`` with ``fill`` or ``gone``."""

    def __init__(self, service: KioskService, qr: QrCache, portrait: bool, title: str) -> None:
        super().__init__(service, qr, portrait, title)
        self.qr_px = 260
        card = QFrame()
        card.setProperty("role", "card")
        direction = QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        box = QBoxLayout(direction, card)
        box.setContentsMargins(32, 28, 32, 28)
        box.setSpacing(30)
        qr_col = QVBoxLayout()
        self.qr_label = QLabel()
        self.qr_label.setFixedSize(self.qr_px, self.qr_px)
        qr_col.addWidget(self.qr_label, 0, Qt.AlignmentFlag.AlignHCenter)
        self.qr_caption = label(self.tr("手机扫码\n带走这一页"), "title")
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        qr_col.addWidget(self.qr_caption)
        qr_col.addStretch(1)
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(0, 0, 12, 0)
        self.body.setSpacing(18)
        if portrait:
            box.addLayout(qr_col)
            box.addWidget(scroll_area(body), 1)
        else:
            box.addWidget(scroll_area(body), 1)
            box.addLayout(qr_col)
        self.outer.addWidget(card, 1)

    def fill(
        self, headline: str, fields: tuple[KioskField, ...], url: str, extra: QWidget | None = None
    ) -> None:
        clear_layout(self.body)
        self.body.addWidget(label(headline, "headline"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(16)
        grid.setColumnStretch(1, 1)
        row = 0
        for f in fields:
            if not f.value:
                continue
            name = label(f.label, "fieldlabel", wrap=False)
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value = label(f.value)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            row += 1
        self.body.addLayout(grid)
        if extra is not None:
            self.body.addWidget(extra)
        self.body.addStretch(1)
        self.qr_label.setVisible(bool(url))
        self.qr_caption.setVisible(bool(url))
        if url:
            self.qr_label.setPixmap(self.qr.pixmap(url, self.qr_px))

    def gone(self, message: str) -> None:
        """The record is no longer public (withdrawn, expired, deleted): say so plainly."""
        clear_layout(self.body)
        note = label(message, "title")
        self.body.addWidget(note)
        self.body.addStretch(1)
        self.qr_label.setVisible(False)
        self.qr_caption.setVisible(False)
