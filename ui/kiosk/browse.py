"""Browsing the catalogue: domain tiles, the items of a domain, and an item's detail with a QR code."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from app.kiosk import KioskItem, KioskService
from ui.kiosk.base import KioskPage
from ui.kiosk.detail import DetailPage
from ui.kiosk.qr import QrCache
from ui.kiosk.widgets import Tile, clear_layout, label, scroll_area


def item_tile(item: KioskItem) -> Tile:
    return Tile([(item.title, "title"), (item.domain, "muted")])


class DomainsPage(KioskPage):
    """Big tiles, one per catalogue domain."""

    def __init__(self, service: KioskService, qr: QrCache, portrait: bool) -> None:
        super().__init__(service, qr, portrait, "查公开目录：请选择领域")
        holder = QWidget()
        self.grid = QGridLayout(holder)
        self.grid.setSpacing(20)
        self.outer.addWidget(scroll_area(holder), 1)

    def reload(self) -> None:
        clear_layout(self.grid)
        domains = self.service.domains()
        if not domains:
            self.grid.addWidget(label(self.tr("公开目录暂未载入。请向窗口工作人员咨询。"), "title"), 0, 0)
            return
        columns = 2 if self.portrait else 4
        for i, d in enumerate(domains):
            tile = Tile([(d.name, "title"), (self.tr("%1 项").replace("%1", str(d.item_count)), "muted")])
            tile.clicked.connect(lambda c=d.code: self.navigate.emit("items", c))
            self.grid.addWidget(tile, i // columns, i % columns)


class ItemsPage(KioskPage):
    """The items of one domain, one wide tile each."""

    def __init__(self, service: KioskService, qr: QrCache, portrait: bool) -> None:
        super().__init__(service, qr, portrait, "公开事项")
        holder = QWidget()
        self.list = QVBoxLayout(holder)
        self.list.setSpacing(16)
        self.outer.addWidget(scroll_area(holder), 1)

    def reload(self) -> None:
        clear_layout(self.list)
        name = next((d.name for d in self.service.domains() if d.code == self.arg), self.arg)
        if self.header is not None:
            self.header.title.setText(name or self.tr("公开事项"))
        items = self.service.items(self.arg)
        if not items:
            self.list.addWidget(label(self.tr("这个领域暂无公开事项。"), "title"))
        for item in items:
            tile = item_tile(item)
            tile.clicked.connect(lambda u=item.uuid: self.navigate.emit("item", u))
            self.list.addWidget(tile)
        self.list.addStretch(1)


class ItemDetailPage(DetailPage):
    """Every column of an item, in plain language, with a QR code to its public page."""

    def __init__(self, service: KioskService, qr: QrCache, portrait: bool) -> None:
        super().__init__(service, qr, portrait, "公开事项详情")

    def reload(self) -> None:
        item = self.service.item(self.arg)
        if item is None:
            self.gone(self.tr("这个公开事项已停用或不存在。请按“返回首页”。"))
            return
        self.fill(item.title, item.fields, item.qr_text)
