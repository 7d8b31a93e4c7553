"""The home page: a carousel of current notices and upcoming events (each with a QR code) and four
big entry tiles. The carousel advances by itself and by the ◀ ▶ buttons; the slide's position is
written out ("第 2 / 5 条"), never shown only by coloured dots.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.kiosk import KioskService, Slide
from ui.kiosk.base import KioskPage
from ui.kiosk.qr import QrCache
from ui.kiosk.widgets import Tile, button, label

SLIDE_SECONDS = 10


class HomePage(KioskPage):
    """Signals: see KioskPage."""

    def __init__(self, service: KioskService, qr: QrCache, portrait: bool) -> None:
        super().__init__(service, qr, portrait)
        self.slides: tuple[Slide, ...] = ()
        self.index = 0
        self.slowest_ms = 0.0
        self.qr_px = 300 if portrait else 340
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(SLIDE_SECONDS * 1000)
        self.timer.timeout.connect(self.next_slide)
        self.timer.start()

    def _build(self) -> None:
        card = QFrame()
        card.setProperty("role", "card")
        box = QBoxLayout(
            QBoxLayout.Direction.TopToBottom if self.portrait else QBoxLayout.Direction.LeftToRight, card
        )
        box.setContentsMargins(36, 30, 36, 30)
        box.setSpacing(32)
        text = QVBoxLayout()
        text.setSpacing(16)
        top = QHBoxLayout()
        self.badge = label("", "badge", wrap=False)
        top.addWidget(self.badge)
        top.addStretch(1)
        self.position = label("", "muted", wrap=False)
        top.addWidget(self.position)
        text.addLayout(top)
        self.title = label("", "headline")
        text.addWidget(self.title)
        self.when = label("", "title")
        text.addWidget(self.when)
        self.text = label("", "")
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        text.addWidget(self.text, 1)
        nav = QHBoxLayout()
        nav.setSpacing(16)
        self.prev_button = button(self.tr("◀ 上一条"))
        self.prev_button.clicked.connect(self.previous_slide)
        self.detail_button = button(self.tr("查看详情 ▶"), "primary")
        self.detail_button.clicked.connect(self._open_current)
        self.next_button = button(self.tr("下一条 ▶"))
        self.next_button.clicked.connect(self.next_slide)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        nav.addWidget(self.detail_button)
        text.addLayout(nav)
        box.addLayout(text, 1)
        qr_box = QVBoxLayout()
        qr_box.setSpacing(10)
        self.qr_label = QLabel()
        self.qr_label.setFixedSize(self.qr_px, self.qr_px)
        qr_box.addWidget(self.qr_label, 0, Qt.AlignmentFlag.AlignHCenter)
        self.qr_caption = label(self.tr("手机扫码 查看全文"), "title")
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        qr_box.addWidget(self.qr_caption)
        qr_box.addStretch(1)
        box.addLayout(qr_box)
        self.card = card
        self.outer.addWidget(card, 3)
        self.empty = label(self.tr("目前没有正在公示的内容和近期活动。\n可点下方按钮查询公开目录。"), "title")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.outer.addWidget(self.empty, 3)
        self.outer.addWidget(self._tiles(), 2)

    def _tiles(self) -> QWidget:
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(20)
        entries = [
            ("browse", self.tr("查公开目录"), self.tr("按领域浏览公开事项")),
            ("search", self.tr("拼音首字母查找"), self.tr("不用打字，按字母就能查")),
            ("notices", self.tr("公示公告"), self.tr("正在公示的内容")),
            ("events", self.tr("活动日历"), self.tr("政策解读、开放日等活动")),
            ("policies", self.tr("政策文件"), self.tr("现行政策、解读，扫码带走")),
        ]
        self.tiles: dict[str, Tile] = {}
        columns = 2 if self.portrait else len(entries)
        for i, (key, title, sub) in enumerate(entries):
            tile = Tile([(title, "headline"), (sub, "muted")])
            tile.clicked.connect(lambda k=key: self.navigate.emit(k, ""))
            grid.addWidget(tile, i // columns, i % columns)
            self.tiles[key] = tile
        return holder

    # -- carousel ------------------------------------------------------------------------------------

    def reload(self) -> None:
        current = self.slides[self.index].uuid if self.slides else ""
        self.slides = self.service.slides()
        uuids = [s.uuid for s in self.slides]
        self.index = uuids.index(current) if current in uuids else 0
        self._show()

    def restart(self) -> None:
        """Back to the first slide (the idle return)."""
        self.index = 0
        self._show()
        self.timer.start()

    def next_slide(self) -> None:
        if self.slides:
            self.index = (self.index + 1) % len(self.slides)
        self._show()
        self.timer.start()

    def previous_slide(self) -> None:
        if self.slides:
            self.index = (self.index - 1) % len(self.slides)
        self._show()
        self.timer.start()

    def _show(self) -> None:
        started = time.perf_counter()
        has = bool(self.slides)
        self.card.setVisible(has)
        self.empty.setVisible(not has)
        if has:
            slide = self.slides[self.index]
            marker = "◆ " if slide.kind == "notice" else "● "
            self.badge.setText(marker + slide.badge)
            self.position.setText(
                self.tr("第 %1 / %2 条")
                .replace("%1", str(self.index + 1))
                .replace("%2", str(len(self.slides)))
            )
            self.title.setText(slide.title)
            self.when.setText(slide.when)
            self.text.setText(slide.text)
            # No QR code until the platform's address is known (app.kiosk.openable).
            self.qr_label.setVisible(bool(slide.public_url))
            if slide.public_url:
                self.qr_label.setPixmap(self.qr.pixmap(slide.public_url, self.qr_px))
            many = len(self.slides) > 1
            self.prev_button.setEnabled(many)
            self.next_button.setEnabled(many)
        self.slowest_ms = max(self.slowest_ms, (time.perf_counter() - started) * 1000)

    def current(self) -> Slide | None:
        return self.slides[self.index] if self.slides else None

    def _open_current(self) -> None:
        slide = self.current()
        if slide is not None:
            self.navigate.emit("notice" if slide.kind == "notice" else "event", slide.uuid)
