"""A bar chart of the monthly total score, drawn with QPainter (no chart library needed)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.today.assessment.service import TrendPoint


class TrendChart(QWidget):
    """Bars 0–100 per month, the value above each bar, the month under it; a 60-point guide line."""

    GUIDE = 60.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[TrendPoint] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(160)

    def set_points(self, points: list[TrendPoint]) -> None:
        self._points = list(points)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 200)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        line = fm.height()
        left, right, top, bottom = fm.horizontalAdvance("100") + 10, 8, line + 6, 2 * line + 8
        area = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#bbbbbb")))
        for value in (0, 50, 100):
            y = area.bottom() - area.height() * value / 100
            painter.drawLine(int(area.left()), int(y), int(area.right()), int(y))
            painter.drawText(QRectF(0, y - line / 2, left - 6, line), Qt.AlignmentFlag.AlignRight, str(value))
        if not self._points:
            painter.end()
            return
        slot = area.width() / len(self._points)
        for i, point in enumerate(self._points):
            x = area.left() + i * slot
            painter.setPen(QColor("#333333"))
            month_box = QRectF(x, area.bottom() + 4, slot, line)
            painter.drawText(month_box, Qt.AlignmentFlag.AlignHCenter, f"{point.month.month}月")
            if i == 0 or point.month.month == 1:  # the year once, under its first month
                painter.drawText(
                    month_box.translated(0, line), Qt.AlignmentFlag.AlignHCenter, f"{point.month.year}"
                )
            if point.total is None:
                painter.setPen(QColor("#999999"))
                painter.drawText(
                    QRectF(x, area.bottom() - line - 2, slot, line), Qt.AlignmentFlag.AlignHCenter, "—"
                )
                continue
            height = area.height() * point.total / 100
            bar = QRectF(x + slot * 0.2, area.bottom() - height, slot * 0.6, height)
            painter.fillRect(bar, QColor("#1d5fa8") if point.total >= self.GUIDE else QColor("#c0392b"))
            painter.drawText(
                QRectF(x, bar.top() - line - 2, slot, line), Qt.AlignmentFlag.AlignHCenter, f"{point.total:g}"
            )
        painter.setPen(QPen(QColor("#c0392b"), 1, Qt.PenStyle.DashLine))
        y = area.bottom() - area.height() * self.GUIDE / 100
        painter.drawLine(int(area.left()), int(y), int(area.right()), int(y))
        painter.end()
