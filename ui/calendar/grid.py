"""The month and week views: a painted grid of days with one coloured block per occurrence.

One widget serves both: ``weeks=6`` is the month view, ``weeks=1`` the week view (taller cells show
every occurrence with its time, whole title and place). A block is the time on a line of its own
(with 已取消 or 改期 in words, never colour alone), then the title wrapped on up to two lines in the
month view. Painting sizes come from the font metrics, so the grid follows the app font and never
clips Chinese text; what does not fit is elided with "…" (the whole title is in the tooltip), and a
day with more than fits ends with a "+N 项" line that opens that week.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.events import Occurrence
from ui.calendar.text import arg

WEEKDAYS = (
    QT_TRANSLATE_NOOP("DayGrid", "周一"),
    QT_TRANSLATE_NOOP("DayGrid", "周二"),
    QT_TRANSLATE_NOOP("DayGrid", "周三"),
    QT_TRANSLATE_NOOP("DayGrid", "周四"),
    QT_TRANSLATE_NOOP("DayGrid", "周五"),
    QT_TRANSLATE_NOOP("DayGrid", "周六"),
    QT_TRANSLATE_NOOP("DayGrid", "周日"),
)


def weekday_name(weekday: int) -> str:
    """The short name of ``weekday`` (0 = Monday), translated: 周一 … 周日."""
    return QCoreApplication.translate("DayGrid", str(WEEKDAYS[weekday]))


_PALETTE = ("#1d5fa8", "#2e7d32", "#b45309", "#7b1fa2", "#c62828", "#00838f", "#546e7a", "#6d4c41", "#ad1457")


def type_colour(type_key: str, keys: list[str]) -> QColor:
    """A stable colour per event type (built-ins first, custom ones after)."""
    index = keys.index(type_key) if type_key in keys else len(keys)
    return QColor(_PALETTE[index % len(_PALETTE)])


#: Chinese line-breaking (kinsoku): these never begin a line (the character before moves down) ...
_NO_LINE_START = "，。、；：？！）》」』”’…—·"
#: ... and these never end one (they move down with what they open).
_NO_LINE_END = "（《「『“‘"


def wrap_text(fm: QFontMetrics, text: str, width: int, max_lines: int) -> list[str]:
    """``text`` broken into at most ``max_lines`` lines of ``width`` pixels (Chinese breaks between
    any two characters); the last line is elided with "…" when the text does not fit."""
    lines: list[str] = []
    rest = text.strip()
    while rest and len(lines) < max_lines:
        if len(lines) == max_lines - 1 or fm.horizontalAdvance(rest) <= width:
            lines.append(fm.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            break
        n = 1
        while n < len(rest) and fm.horizontalAdvance(rest[: n + 1]) <= width:
            n += 1
        if n > 1 and n < len(rest) and rest[n] in _NO_LINE_START:
            n -= 1
        while n > 1 and rest[n - 1] in _NO_LINE_END:
            n -= 1
        lines.append(rest[:n])
        rest = rest[n:].lstrip()
    return lines


@dataclass
class _Hit:
    rect: QRect
    occurrence: Occurrence


class DayGrid(QWidget):
    """Signals:
    occurrence_clicked(object): an ``Occurrence`` was clicked.
    occurrence_activated(object): an ``Occurrence`` was double-clicked (open it).
    day_clicked(object): an empty part of a day (a ``date``) was clicked.
    more_clicked(object): the "+N 项" line of a day (a ``date``) was clicked.
    occurrence_menu(object, QPoint): a context menu was asked for on an ``Occurrence`` (global pos).
    """

    occurrence_clicked = Signal(object)
    occurrence_activated = Signal(object)
    day_clicked = Signal(object)
    more_clicked = Signal(object)
    occurrence_menu = Signal(object, QPoint)

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
        self._more: list[tuple[QRect, date]] = []
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
        return QSize(fm.horizontalAdvance(weekday_name(0)) * 7 * 3, fm.height() * (3 + self.weeks * 3))

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
        line_h = fm.height() + 2
        self._hits = []
        self._more = []
        p.fillRect(self.rect(), QColor("white"))
        header = self._header_height()
        for col in range(7):
            name = weekday_name(col)
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
                label = (
                    arg(self.tr("%1月%2日"), str(day.month), str(day.day))
                    if day.day == 1 or self.weeks == 1
                    else str(day.day)
                )
                if day == self.today:
                    label += " " + self.tr("今天")
                p.drawText(
                    cell.adjusted(6, 2, -4, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, label
                )
                p.setFont(self.font())
                self._paint_day(p, fm, cell, line_h, day, self._by_day.get(day, []))
        p.end()

    def _paint_day(
        self, p: QPainter, fm: QFontMetrics, cell: QRect, line_h: int, day: date, occs: list[Occurrence]
    ) -> None:
        y = cell.top() + line_h + 2
        bottom = cell.bottom() - 2
        text_w = cell.width() - 16
        for i, occ in enumerate(occs):
            remaining = len(occs) - i
            # Leave room for the "+N 项" line unless this is the last occurrence of the day.
            room = bottom - y - (0 if remaining == 1 else line_h)
            head, lines = self._lines(fm, occ, text_w, max_lines=room // line_h)
            if not lines:
                self._paint_more(p, cell, y, line_h, bottom, day, remaining)
                return
            rect = QRect(cell.left() + 3, y, cell.width() - 6, len(lines) * line_h)
            self._paint_block(p, rect, line_h, occ, head, lines)
            self._hits.append(_Hit(rect, occ))
            y += rect.height() + 2

    def _lines(self, fm: QFontMetrics, occ: Occurrence, width: int, max_lines: int) -> tuple[int, list[str]]:
        """The lines of one occurrence: its time (with 已取消 / 改期) on a line of its own, then the
        title in as many lines as fit (two in the month view, all in the week view).

        Returns how many of the lines are the time lines, and the lines ([] if nothing fits)."""
        start = f"{occ.start.hour}:{occ.start:%M}"
        span = f"{start}—{occ.end.hour}:{occ.end:%M}"
        if occ.all_day:
            start = span = self.tr("全天")
        word = ""
        if occ.status == "cancelled":
            word = self.tr("已取消")
        elif occ.moved:
            word = self.tr("改期")
        # The time with its word on one line if it fits (the span, else the start alone); else the
        # word gets a line of its own: it is never elided away.
        head = [
            next(
                (
                    f"{t} {word}".strip()
                    for t in (span, start)
                    if fm.horizontalAdvance(f"{t} {word}") <= width
                ),
                "",
            )
        ]
        if not head[0]:
            head = [span if fm.horizontalAdvance(span) <= width else start, word]
        if max_lines < len(head) + 1:
            return 0, []
        limit = max_lines - len(head) if self.weeks == 1 else min(2, max_lines - len(head))
        body = wrap_text(fm, occ.title, width, limit)
        if self.weeks == 1 and occ.place and len(body) < limit:
            body += wrap_text(fm, occ.place, width, limit - len(body))
        return len(head), [*head, *body]

    def _paint_block(
        self, p: QPainter, rect: QRect, line_h: int, occ: Occurrence, head_lines: int, lines: list[str]
    ) -> None:
        cancelled = occ.status == "cancelled"
        colour = QColor("#9aa0a6") if cancelled else type_colour(occ.type, self.type_keys)
        selected = occ.event_uuid == self.selected_uuid
        tint = QColor(colour)
        tint.setAlpha(110 if selected else 45)
        p.fillRect(rect, QColor("white"))
        p.fillRect(rect, tint)
        if selected:
            p.setPen(QPen(colour, 2))
            p.drawRect(rect.adjusted(1, 1, -1, -1))
        p.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), colour)
        plain = QFont(self.font())
        struck = QFont(self.font())
        struck.setStrikeOut(True)
        for n, line in enumerate(lines):
            # The time line keeps its words readable; the title is struck through when cancelled.
            p.setFont(struck if cancelled and n >= head_lines else plain)
            p.setPen(QColor("#555") if cancelled else QColor("#111"))
            p.drawText(
                QRect(rect.left() + 8, rect.top() + n * line_h, rect.width() - 10, line_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                line,
            )
        p.setFont(plain)

    def _paint_more(
        self, p: QPainter, cell: QRect, y: int, line_h: int, bottom: int, day: date, n: int
    ) -> None:
        rect = QRect(cell.left() + 3, y, cell.width() - 6, min(line_h, bottom - y))
        if rect.height() <= 0:
            return
        p.setPen(QColor("#1d5fa8"))
        p.drawText(
            rect.adjusted(5, 0, 0, 0),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            self.tr("+%n 项", "", n),
        )
        self._more.append((rect, day))

    # -- interaction ---------------------------------------------------------------------------

    def _hit(self, pos: QPoint) -> Occurrence | None:
        return next((h.occurrence for h in self._hits if h.rect.contains(pos)), None)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position().toPoint()
        occ = self._hit(pos)
        if occ is not None:
            self.selected_uuid = occ.event_uuid
            self.update()
            self.occurrence_clicked.emit(occ)
            return
        more = next((d for r, d in self._more if r.contains(pos)), None)
        if more is not None:
            self.more_clicked.emit(more)
            return
        day = self.day_at(event.position().toPoint())
        if day is not None:
            self.day_clicked.emit(day)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        occ = self._hit(event.position().toPoint())
        if occ is not None:
            self.occurrence_activated.emit(occ)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        occ = self._hit(event.pos())
        if occ is not None:
            self.selected_uuid = occ.event_uuid
            self.update()
            self.occurrence_clicked.emit(occ)
            self.occurrence_menu.emit(occ, event.globalPos())

    def event(self, e: object) -> bool:
        if isinstance(e, QHelpEvent) and e.type() == QHelpEvent.Type.ToolTip:
            occ = self._hit(e.pos())
            if occ is not None:
                moved = self.tr("（本次已改期）") if occ.moved else ""
                if occ.status == "cancelled":
                    moved = self.tr("（已取消）")
                QToolTip.showText(
                    e.globalPos(),
                    f"{occ.title}{moved}\n{occ.start:%m-%d %H:%M}—{occ.end:%H:%M}  {occ.place}\n{occ.type_label}",
                    self,
                )
            else:
                QToolTip.hideText()
            return True
        return super().event(e)  # type: ignore[arg-type]
