"""The event calendar: upcoming occurrences grouped by day, and an event's detail with a QR code."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.kiosk import KioskEvent, KioskField, KioskService
from ui.calendar.text import arg
from ui.kiosk.base import KioskPage
from ui.kiosk.detail import DetailPage
from ui.kiosk.qr import QrCache
from ui.kiosk.widgets import Tile, clear_layout, label, scroll_area

EVENT_LIMIT = 40
CONTEXT = "KioskEvents"
WEEKDAYS = (
    QT_TRANSLATE_NOOP("KioskEvents", "星期一"),
    QT_TRANSLATE_NOOP("KioskEvents", "星期二"),
    QT_TRANSLATE_NOOP("KioskEvents", "星期三"),
    QT_TRANSLATE_NOOP("KioskEvents", "星期四"),
    QT_TRANSLATE_NOOP("KioskEvents", "星期五"),
    QT_TRANSLATE_NOOP("KioskEvents", "星期六"),
    QT_TRANSLATE_NOOP("KioskEvents", "星期日"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def date_text(d: date) -> str:
    """``3月5日 星期三``, translated."""
    weekday = QCoreApplication.translate(CONTEXT, str(WEEKDAYS[d.weekday()]))
    return arg(_tr("%1月%2日 %3"), str(d.month), str(d.day), weekday)


def day_heading(d: date, today: date) -> str:
    text = date_text(d)
    if d == today:
        return _tr("今天") + "　" + text
    if (d - today).days == 1:
        return _tr("明天") + "　" + text
    return text


def time_range(e: KioskEvent) -> str:
    if e.start.date() == e.end.date():
        return f"{e.start:%H:%M}–{e.end:%H:%M}"
    s, t = e.start, e.end
    return arg(
        _tr("%1月%2日 %3 至 %4月%5日 %6"),
        f"{s:%m}",
        f"{s:%d}",
        f"{s:%H:%M}",
        f"{t:%m}",
        f"{t:%d}",
        f"{t:%H:%M}",
    )


class EventsPage(KioskPage):
    def __init__(self, service: KioskService, qr: QrCache, portrait: bool) -> None:
        super().__init__(service, qr, portrait, "活动日历：近期活动")
        holder = QWidget()
        self.list = QVBoxLayout(holder)
        self.list.setSpacing(14)
        self.outer.addWidget(scroll_area(holder), 1)

    def reload(self) -> None:
        clear_layout(self.list)
        events = self.service.events(EVENT_LIMIT)
        if not events:
            self.list.addWidget(label(self.tr("近期没有安排活动。"), "title"))
        today = self.service.today()
        last: date | None = None
        for e in events:
            if e.start.date() != last:
                last = e.start.date()
                self.list.addWidget(label("▍" + day_heading(last, today), "title"))
            place = f"地点：{e.place}" if e.place else ""
            tile = Tile([(f"{time_range(e)}　● {e.type_label}", "muted"), (e.title, "title"), (place, "")])
            tile.clicked.connect(lambda k=e.key: self.navigate.emit("event", k))
            self.list.addWidget(tile)
        self.list.addStretch(1)


class EventDetailPage(DetailPage):
    def __init__(self, service: KioskService, qr: QrCache, portrait: bool) -> None:
        super().__init__(service, qr, portrait, "活动详情")

    def reload(self) -> None:
        e = self.service.event(self.arg)
        if e is None:
            self.gone(self.tr("这场活动已结束或已取消。请按“返回首页”。"))
            return
        fields = (
            KioskField("活动类型", e.type_label),
            KioskField("日期", day_heading(e.start.date(), self.service.today())),
            KioskField("时间", time_range(e)),
            KioskField("地点", e.place),
            KioskField("内容", e.description),
        )
        self.fill(e.title, fields, e.public_url)
