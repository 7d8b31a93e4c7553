"""The month and week views: a painted grid of days with one coloured line per occurrence.

One widget serves both: ``weeks=6`` is the month view, ``weeks=1`` the week view (taller cells show
every occurrence with its time and place). Painting sizes come from the font metrics, so the grid
follows the app font and never clips Chinese text; a line that does not fit is elided with "…"
and the whole title is in the tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.events import Occurrence

WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
_PALETTE = ("#1d5fa8", "#2e7d32", "#b45309", "#7b1fa2", "#c62828", "#00838f", "#546e7a", "#6d4c41", "#ad1457")


def type_colour(type_key: str, keys: list[str]) -> QColor:
    """A stable colour per event type (built-ins first, custom ones after)."""
    index = keys.index(type_key) if type_key in keys else len(keys)
    return QColor(_PALETTE[index % len(_PALETTE)])


@dataclass
class _Hit:
    rect: QRect
    occurrence: Occurrence


class DayGrid(QWidget):
    """Signals:
    occurrence_clicked(object): an ``Occurrence`` was clicked.
    occurrence_activated(object): an ``Occurrence`` was double-clicked (open it).
    day_clicked(object): an empty part of a day (a ``date``) was clicked.
    """

    occurrence_clicked = Signal(object)
    occurrence_activated = Signal(object)
    day_clicked = Signal(object)

    def __init__(self, weeks: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weeks = weeks
        self.first_day = date.today()
        self.month: int | None = None
        self.today = date.today()
        self.type_keys: list[str] = []
        self.selected_uuid = ""
        self._by_day: dict[date, list[Occurrence]] = {}
        self._hits: list[_Hit] = []
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(
        self,
        first_day: date,
        occurrences: list[Occurrence],
        *,
        month: int | None,
        today: date,
        type_keys: list[str],
    ) -> None:
        self.first_day = first_day
        self.month = month
        self.today = today
        self.type_keys = type_keys
        self._by_day = {}
        for occ in occurrences:
            day = occ.start.date()
            last = max(day, (occ.end - timedelta(seconds=1)).date())
            while day <= last:
                self._by_day.setdefault(day, []).append(occ)
                day += timedelta(days=1)
        self.update()

    def occurrences_on(self, day: date) -> list[Occurrence]:
        return list(self._by_day.get(day, []))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance("周一") * 7 * 3, fm.height() * (3 + self.weeks * 3))

    def sizeHint(self) -> QSize:  # noqa: N802
        fm = self.fontMetrics()
        return QSize(
            fm.horizontalAdvance("国") * 70, fm.height() * (2 + self.weeks * (5 if self.weeks > 1 else 16))
        )

    # -- geometry ------------------------------------------------------------------------------

    def _header_height(self) -> int:
        return int(self.fontMetrics().height() * 1.8)

    def _cell(self, row: int, col: int) -> QRect:
        top = self._header_height()
        w = self.width() / 7
        h = (self.height() - top) / self.weeks
        return QRect(int(col * w), int(top + row * h), int(w) - 1, int(h) - 1)

    def day_at(self, pos: QPoint) -> date | None:
        top = self._header_height()
        if pos.y() < top:
            return None
        col = min(int(pos.x() / (self.width() / 7)), 6)
        row = min(int((pos.y() - top) / ((self.height() - top) / self.weeks)), self.weeks - 1)
        return self.first_day + timedelta(days=row * 7 + col)

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        line_h = fm.height() + 4
        self._hits = []
        p.fillRect(self.rect(), QColor("white"))
        header = self._header_height()
        for col, name in enumerate(WEEKDAYS):
            rect = QRect(int(col * self.width() / 7), 0, int(self.width() / 7), header)
            p.setPen(QColor("#c62828") if col >= 5 else QColor("#333"))
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, name)
        bold = QFont(self.font())
        bold.setBold(True)
        for row in range(self.weeks):
            for col in range(7):
                day = self.first_day + timedelta(days=row * 7 + col)
                cell = self._cell(row, col)
                other_month = self.month is not None and day.month != self.month
                bg = QColor("#fff8e1") if day == self.today else QColor("#fafafa" if other_month else "white")
                p.fillRect(cell, bg)
                p.setPen(QPen(QColor("#d0d5dd")))
                p.drawRect(cell)
                p.setFont(bold if day == self.today else self.font())
                p.setPen(QColor("#9aa0a6") if other_month else QColor("#222"))
                label = f"{day.month}月{day.day}日" if day.day == 1 or self.weeks == 1 else str(day.day)
                if day == self.today:
                    label += " 今天"
                p.drawText(
                    cell.adjusted(6, 2, -4, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, label
                )
                p.setFont(self.font())
                self._paint_day(p, fm, cell, line_h, self._by_day.get(day, []))
        p.end()

    def _paint_day(
        self, p: QPainter, fm: QFontMetrics, cell: QRect, line_h: int, occs: list[Occurrence]
    ) -> None:
        y = cell.top() + line_h + 2
        bottom = cell.bottom() - 2
        for i, occ in enumerate(occs):
            lines_left = (bottom - y) // line_h
            if lines_left <= 0:
                break
            remaining = len(occs) - i
            if remaining > 1 and lines_left == 1:
                p.setPen(QColor("#555"))
                p.drawText(
                    QRect(cell.left() + 6, y, cell.width() - 8, line_h),
                    Qt.AlignmentFlag.AlignVCenter,
                    self.tr("还有 %n 项…", "", remaining),
                )
                break
            colour = type_colour(occ.type, self.type_keys)
            selected = occ.event_uuid == self.selected_uuid
            if self.weeks == 1:
                # Week view: tall cells, so time, the whole title and the place, wrapped.
                text = f"{occ.start:%H:%M}—{occ.end:%H:%M}\n{occ.title}" + (
                    f"\n{occ.place}" if occ.place else ""
                )
                flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWrapAnywhere
                needed = fm.boundingRect(QRect(0, 0, cell.width() - 16, 10000), flags, text).height() + 6
                rect = QRect(cell.left() + 3, y, cell.width() - 6, min(needed, bottom - y))
            else:
                flags = Qt.AlignmentFlag.AlignVCenter
                text = f"{occ.start.hour}:{occ.start:%M} {occ.title}"
                rect = QRect(cell.left() + 3, y, cell.width() - 6, line_h - 2)
            tint = QColor(colour)
            tint.setAlpha(110 if selected else 45)
            p.fillRect(rect, QColor("white"))
            p.fillRect(rect, tint)
            if selected:
                p.setPen(QPen(colour, 2))
                p.drawRect(rect.adjusted(1, 1, -1, -1))
            p.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), colour)
            if occ.moved:
                text = "↻" + text
            p.setPen(QColor("#111"))
            if self.weeks == 1:
                p.drawText(rect.adjusted(8, 3, -2, -2), flags, text)
            else:
                p.drawText(
                    rect.adjusted(8, 0, -2, 0),
                    flags,
                    fm.elidedText(text, Qt.TextElideMode.ElideRight, rect.width() - 10),
                )
            self._hits.append(_Hit(rect, occ))
            y += rect.height() + 2

    # -- interaction ---------------------------------------------------------------------------

    def _hit(self, pos: QPoint) -> Occurrence | None:
        return next((h.occurrence for h in self._hits if h.rect.contains(pos)), None)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        occ = self._hit(event.position().toPoint())
        if occ is not None:
            self.selected_uuid = occ.event_uuid
            self.update()
            self.occurrence_clicked.emit(occ)
            return
        day = self.day_at(event.position().toPoint())
        if day is not None:
            self.day_clicked.emit(day)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        occ = self._hit(event.position().toPoint())
        if occ is not None:
            self.occurrence_activated.emit(occ)

    def event(self, e: object) -> bool:
        if isinstance(e, QHelpEvent) and e.type() == QHelpEvent.Type.ToolTip:
            occ = self._hit(e.pos())
            if occ is not None:
                moved = self.tr("（本次已改期）") if occ.moved else ""
                QToolTip.showText(
                    e.globalPos(),
                    f"{occ.title}{moved}\n{occ.start:%m-%d %H:%M}—{occ.end:%H:%M}  {occ.place}\n{occ.type_label}",
                    self,
                )
            else:
                QToolTip.hideText()
            return True
        return super().event(e)  # type: ignore[arg-type]
