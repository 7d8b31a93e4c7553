"""Yearly targets per event type as horizontal bars, painted with QPainter (no chart library)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.events import TargetProgress
from ui.i18n import app_label


class TargetChart(QWidget):
    """One row per type: its name, a bar of held/target, and "held / target" in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TargetProgress] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: list[TargetProgress]) -> None:
        self._rows = rows
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def rows(self) -> list[TargetProgress]:
        return list(self._rows)

    def _row_height(self) -> int:
        return int(self.fontMetrics().height() * 1.7)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, max(1, len(self._rows)) * self._row_height() + 4)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        fm = self.fontMetrics()
        rh = self._row_height()
        if not self._rows:
            p.setPen(QColor("#666"))
            p.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.tr("尚未设置本年度目标"),
            )
            p.end()
            return
        label_w = max(fm.horizontalAdvance(app_label(r.type_label)) for r in self._rows) + 12
        count_w = max(fm.horizontalAdvance(f"{r.held} / {r.target}") for r in self._rows) + 12
        bar_w = max(self.width() - label_w - count_w, 40)
        for i, r in enumerate(self._rows):
            y = i * rh
            p.setPen(QColor("#222"))
            p.drawText(QRect(0, y, label_w, rh), Qt.AlignmentFlag.AlignVCenter, app_label(r.type_label))
            track = QRect(label_w, y + rh // 4, bar_w - 8, rh // 2)
            p.fillRect(track, QColor("#e8ecf1"))
            share = min(r.held / r.target, 1.0) if r.target else 1.0
            p.fillRect(
                QRect(track.left(), track.top(), int(track.width() * share), track.height()),
                QColor("#2e7d32" if r.met else "#1d5fa8"),
            )
            p.drawText(
                QRect(label_w + bar_w, y, count_w, rh),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                f"{r.held} / {r.target}",
            )
        p.end()
