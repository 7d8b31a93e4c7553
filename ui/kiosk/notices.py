"""Current notices: a list of tiles and a detail page with the masked text, roster and QR code."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from app.kiosk import KioskField, KioskNotice, KioskService
from ui.calendar.text import arg
from ui.kiosk.base import KioskPage
from ui.kiosk.detail import DetailPage
from ui.kiosk.qr import QrCache
from ui.kiosk.widgets import Tile, clear_layout, label, scroll_area
from ui.table_model import Column, RecordTableModel, SortFilterProxy


def period_range(n: KioskNotice) -> str:
    a, b = n.period_start, n.period_end
    return arg(
        QCoreApplication.translate("KioskNotices", "%1年%2月%3日 至 %4年%5月%6日"),
        f"{a:%Y}",
        f"{a:%m}",
        f"{a:%d}",
        f"{b:%Y}",
        f"{b:%m}",
        f"{b:%d}",
    )


def period_text(n: KioskNotice) -> str:
    return arg(QCoreApplication.translate("KioskNotices", "公示期：%1"), period_range(n))


class NoticesPage(KioskPage):
    def __init__(self, service: KioskService, qr: QrCache, portrait: bool) -> None:
        super().__init__(service, qr, portrait, "公示公告")
        holder = QWidget()
        self.list = QVBoxLayout(holder)
        self.list.setSpacing(16)
        self.outer.addWidget(scroll_area(holder), 1)

    def reload(self) -> None:
        clear_layout(self.list)
        notices = self.service.notices()
        if not notices:
            self.list.addWidget(label(self.tr("目前没有正在公示的内容。"), "title"))
        for n in notices:
            tile = Tile([("◆ " + n.kind_label, "muted"), (n.title, "title"), (period_text(n), "")])
            tile.clicked.connect(lambda u=n.uuid: self.navigate.emit("notice", u))
            self.list.addWidget(tile)
        self.list.addStretch(1)


def _cell(index: int, row: tuple[str, ...]) -> str:
    return row[index] if index < len(row) else ""


def roster_table(n: KioskNotice) -> QTableView:
    """The notice's list (households, plots...) as a read-only table; cells are already masked."""
    columns = [
        Column[tuple[str, ...]](header, partial(_cell, i)) for i, header in enumerate(n.roster_columns)
    ]
    model = RecordTableModel(columns, "KioskRoster")
    model.set_rows(list(n.roster_rows))
    proxy = SortFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    model.setParent(view)
    proxy.setParent(view)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().setDefaultSectionSize(56)
    view.setMinimumHeight(min(600, 60 + 56 * len(n.roster_rows)))
    return view


class NoticeDetailPage(DetailPage):
    def __init__(self, service: KioskService, qr: QrCache, portrait: bool) -> None:
        super().__init__(service, qr, portrait, "公示公告详情")

    def reload(self) -> None:
        n = self.service.notice(self.arg)
        if n is None:
            self.gone(self.tr("这份公示已结束或已撤下。请按“返回首页”。"))
            return
        fields = (
            KioskField("类别", n.kind_label),
            KioskField("公示期", period_range(n)),
            KioskField("发布单位", n.issuer),
            KioskField("联系方式", n.contact),
            KioskField("正文", n.body),
        )
        self.fill(n.title, fields, n.public_url, roster_table(n) if n.roster_rows else None)
