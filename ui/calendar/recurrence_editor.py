"""The friendly repeat editor of the event dialog: no repeat, weekly on chosen weekdays, or monthly on
the n-th weekday, ending on a date or after a number of times, with the rule read back in Chinese
words (每周二、四，至2026年6月30日). The RRULE text itself is built by app.events.rule_builder.

A rule the editor cannot show (imported from another calendar, e.g. every other week) is kept as
it is and described in words; choosing another repeat replaces it.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.clock import ZONE
from app.errors import InputError
from app.events.recurrence import describe_rule
from app.events.rule_builder import (
    MONTHLY_KIND,
    NONE,
    WEEKLY_KIND,
    RuleChoice,
    build_rule,
    choice_from_rule,
    nth_of,
)

WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
_KEPT = "kept"


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class RecurrenceEditor(QWidget):
    """Signals: changed(): any choice changed (the dialog refreshes its room check)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start = datetime.now(ZONE)
        self._kept_rule: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        self.kind_box = QComboBox()
        self.kind_box.addItem(self.tr("不重复"), NONE)
        self.kind_box.addItem(self.tr("每周"), WEEKLY_KIND)
        self.kind_box.addItem(self.tr("每月第几个星期几"), MONTHLY_KIND)
        top.addWidget(self.kind_box)

        self.weekdays = QWidget()
        days_row = QHBoxLayout(self.weekdays)
        days_row.setContentsMargins(0, 0, 0, 0)
        self.day_boxes = [QCheckBox(self.tr(name)) for name in WEEKDAYS]
        for box in self.day_boxes:
            days_row.addWidget(box)
        top.addWidget(self.weekdays)

        self.monthly = QWidget()
        month_row = QHBoxLayout(self.monthly)
        month_row.setContentsMargins(0, 0, 0, 0)
        self.nth_box = QComboBox()
        for n in (1, 2, 3, 4):
            self.nth_box.addItem(self.tr("第%1个").replace("%1", str(n)), n)
        self.nth_box.addItem(self.tr("最后一个"), -1)
        self.weekday_box = QComboBox()
        for i, name in enumerate(WEEKDAYS):
            self.weekday_box.addItem(self.tr(name), i)
        month_row.addWidget(self.nth_box)
        month_row.addWidget(self.weekday_box)
        top.addWidget(self.monthly)
        top.addStretch(1)
        layout.addLayout(top)

        self.ending = QWidget()
        end_row = QHBoxLayout(self.ending)
        end_row.setContentsMargins(0, 0, 0, 0)
        self.end_box = QComboBox()
        self.end_box.addItem(self.tr("截止日期"), "until")
        self.end_box.addItem(self.tr("共几次"), "count")
        self.end_box.addItem(self.tr("不设截止"), "never")
        self.until_edit = QDateEdit()
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setDisplayFormat("yyyy-MM-dd")
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, 500)
        self.count_spin.setValue(10)
        self.count_spin.setSuffix(self.tr(" 次"))
        end_row.addWidget(QLabel(self.tr("结束：")))
        end_row.addWidget(self.end_box)
        end_row.addWidget(self.until_edit)
        end_row.addWidget(self.count_spin)
        end_row.addStretch(1)
        layout.addWidget(self.ending)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #1d5fa8;")
        layout.addWidget(self.summary)

        self.kind_box.currentIndexChanged.connect(self._on_kind)
        for box in self.day_boxes:
            box.toggled.connect(self._update)
        for signal in (
            self.nth_box.currentIndexChanged,
            self.weekday_box.currentIndexChanged,
            self.end_box.currentIndexChanged,
            self.until_edit.dateChanged,
            self.count_spin.valueChanged,
        ):
            signal.connect(self._update)
        self._defaults_from_start()
        self._update()

    # -- in and out --------------------------------------------------------------------------------

    def set_start(self, start: datetime) -> None:
        """The first occurrence; the defaults (its weekday, its n-th in the month) follow it."""
        old = self._start.astimezone(ZONE).date()
        self._start = start
        c = self.choice()
        # Choices still at the old start's defaults were never picked by the person: follow the date.
        untouched = (
            self.kind() == NONE
            or (self.kind() == WEEKLY_KIND and c.weekdays in ((), (old.weekday(),)))
            or (
                self.kind() == MONTHLY_KIND
                and c.weekday == old.weekday()
                and c.nth in (nth_of(old), -1 if nth_of(old) == 5 else 0)
            )
        )
        if untouched:
            # An end date the person may have picked is kept once the series has a repeat.
            self._defaults_from_start(until=self.kind() == NONE)
        self._update()

    def set_rule(self, text: str | None, start: datetime) -> None:
        """Show a stored rule: as choices when it has one of the editor's shapes, else kept as it is."""
        self._start = start
        choice = choice_from_rule(text, start)
        self._set_kept(None)
        if choice is None:
            self._set_kept(text)
        else:
            self._show_choice(choice)
        self._update()

    def kind(self) -> str:
        return str(self.kind_box.currentData())

    def choice(self) -> RuleChoice:
        end = self.end_box.currentData()
        q = self.until_edit.date()
        return RuleChoice(
            kind=self.kind(),
            weekdays=tuple(i for i, b in enumerate(self.day_boxes) if b.isChecked()),
            nth=int(self.nth_box.currentData()),
            weekday=int(self.weekday_box.currentData()),
            until=date(q.year(), q.month(), q.day()) if end == "until" else None,
            count=self.count_spin.value() if end == "count" else None,
        )

    def rule(self, start: datetime | None = None) -> str | None:
        """The RRULE text (None: no repeat). A kept rule is returned unchanged."""
        if self.kind() == _KEPT:
            return self._kept_rule
        return build_rule(self.choice(), start or self._start)

    # -- internals ---------------------------------------------------------------------------------

    def _set_kept(self, text: str | None) -> None:
        index = self.kind_box.findData(_KEPT)
        if text is None:
            if index >= 0:
                self.kind_box.removeItem(index)
            self._kept_rule = None
            return
        self._kept_rule = text
        if index < 0:
            self.kind_box.addItem(self.tr("保留导入的规则"), _KEPT)
        self.kind_box.setCurrentIndex(self.kind_box.findData(_KEPT))

    def _show_choice(self, c: RuleChoice) -> None:
        self.kind_box.blockSignals(True)
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(c.kind), 0))
        self.kind_box.blockSignals(False)
        self._defaults_from_start()
        if c.kind == WEEKLY_KIND:
            for i, box in enumerate(self.day_boxes):
                box.setChecked(i in c.weekdays)
        if c.kind == MONTHLY_KIND:
            self.nth_box.setCurrentIndex(max(self.nth_box.findData(c.nth), 0))
            self.weekday_box.setCurrentIndex(c.weekday)
        if c.until is not None:
            self.end_box.setCurrentIndex(self.end_box.findData("until"))
            self.until_edit.setDate(_qdate(c.until))
        elif c.count is not None:
            self.end_box.setCurrentIndex(self.end_box.findData("count"))
            self.count_spin.setValue(c.count)
        else:
            self.end_box.setCurrentIndex(self.end_box.findData("never"))

    def _defaults_from_start(self, *, until: bool = True) -> None:
        day = self._start.astimezone(ZONE).date()
        for i, box in enumerate(self.day_boxes):
            box.blockSignals(True)
            box.setChecked(i == day.weekday())
            box.blockSignals(False)
        if until:
            self.until_edit.setDate(_qdate(date(day.year, 12, 31)))
        nth = nth_of(day)
        self.nth_box.setCurrentIndex(self.nth_box.findData(-1 if nth == 5 else nth))
        self.weekday_box.setCurrentIndex(day.weekday())

    def _on_kind(self) -> None:
        if self.kind() != _KEPT and self._kept_rule is not None:
            self._set_kept(None)
            self._defaults_from_start()
        self._update()

    def _update(self) -> None:
        kind = self.kind()
        self.weekdays.setVisible(kind == WEEKLY_KIND)
        self.monthly.setVisible(kind == MONTHLY_KIND)
        self.ending.setVisible(kind in (WEEKLY_KIND, MONTHLY_KIND))
        self.until_edit.setVisible(self.end_box.currentData() == "until")
        self.count_spin.setVisible(self.end_box.currentData() == "count")
        try:
            rule = self.rule()
        except InputError as exc:
            self.summary.setText(str(exc))
        else:
            self.summary.setText(self.tr("只举办一次") if rule is None else describe_rule(rule))
        self.changed.emit()
