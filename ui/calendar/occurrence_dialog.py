"""Two small admin dialogs reached from an occurrence: move this one occurrence of a recurring event
to another time (and place), and call off a whole event with the reason people will be told."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.clock import ZONE
from app.events import EventValue, Occurrence
from app.events.printouts import format_span
from ui.calendar.event_dialog import to_date, to_time
from ui.calendar.text import arg
from ui.discard import AsksBeforeDiscard
from ui.env import UiEnv


def _buttons(dialog: QDialog, ok_text: str, cancel_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.rejected.connect(dialog.reject)
    return buttons


class MoveOccurrenceDialog(AsksBeforeDiscard, QDialog):
    """Move one occurrence (RECURRENCE-ID kept): the rest of the series stays where it was."""

    def __init__(self, env: UiEnv, occ: Occurrence, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._occ = occ
        self.setWindowTitle(self.tr("调整本次活动时间"))
        layout = QVBoxLayout(self)
        original = occ.recurrence_id or occ.start
        duration = occ.end - occ.start
        intro = QLabel(
            arg(
                self.tr("“%1”原定 %2。只调整这一次，其余各次不变。"),
                occ.title,
                format_span(original, original + duration),
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.start_edit = QDateTimeEdit()
        self.start_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.start_edit.setCalendarPopup(True)
        s, e = occ.start.astimezone(ZONE), occ.end.astimezone(ZONE)
        self.start_edit.setDateTime(QDateTime(QDate(s.year, s.month, s.day), QTime(s.hour, s.minute)))
        self.end_edit = QTimeEdit()
        self.end_edit.setDisplayFormat("HH:mm")
        self.end_edit.setTime(QTime(e.hour, e.minute))
        times = QHBoxLayout()
        times.addWidget(self.start_edit)
        times.addWidget(QLabel(self.tr("至")))
        times.addWidget(self.end_edit)
        times.addStretch(1)
        self.place_edit = QLineEdit(occ.place)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("如：国庆假期顺延"))
        form.addRow(self.tr("改到"), times)
        form.addRow(self.tr("地点"), self.place_edit)
        form.addRow(self.tr("改期说明"), self.note_edit)
        layout.addLayout(form)
        buttons = _buttons(self, self.tr("确定改期"), self.tr("取消"))
        buttons.accepted.connect(self._save)
        layout.addWidget(buttons)

    def new_times(self) -> tuple[datetime, datetime]:
        q = self.start_edit.dateTime()
        start = datetime.combine(to_date(q.date()), to_time(q.time()), ZONE)
        end = datetime.combine(start.date(), to_time(self.end_edit.time()), ZONE)
        if end <= start:  # runs past midnight
            end += timedelta(days=1)
        return start, end

    def _save(self) -> None:
        occ, events, user = self._occ, self._env.ctx.events, self._env.user
        start, end = self.new_times()
        place, note = self.place_edit.text(), self.note_edit.text()
        self._env.ops.write(
            self,
            lambda: events.move_occurrence(
                user, occ.event_uuid, occ.recurrence_id or occ.start, start, end, place=place, note=note
            ),
            lambda _ev: self.accept(),
        )


class CancelEventDialog(AsksBeforeDiscard, QDialog):
    """Call off the whole event (every occurrence of a series); the reason is required."""

    def __init__(self, env: UiEnv, ev: EventValue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._ev = ev
        self.setWindowTitle(self.tr("取消整个活动"))
        layout = QVBoxLayout(self)
        text = arg(self.tr("确认取消“%1”？"), ev.title)
        if ev.recurring:
            text += self.tr("这是重复活动，以后各次都将取消。")
        if ev.registered or ev.waiting:
            text += arg(
                self.tr("已有 %1 人报名、%2 人候补，请逐一电话告知。"), str(ev.registered), str(ev.waiting)
            )
        intro = QLabel(text)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("取消原因（群众来问时据此答复）：")))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(self.tr("如：会议室改造施工，活动另行通知"))
        self.reason_edit.setFixedHeight(self.fontMetrics().height() * 4)
        layout.addWidget(self.reason_edit)
        buttons = _buttons(self, self.tr("确认取消活动"), self.tr("不取消"))
        buttons.accepted.connect(self._save)
        layout.addWidget(buttons)

    def _save(self) -> None:
        events, user, uuid, reason = (
            self._env.ctx.events,
            self._env.user,
            self._ev.uuid,
            self.reason_edit.toPlainText(),
        )
        self._env.ops.write(self, lambda: events.cancel(user, uuid, reason), lambda _ev: self.accept())
