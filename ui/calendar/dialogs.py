"""Smaller event dialogs: registrations and check-in, the closing report, and yearly targets."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.events import (
    INVITED_ROLES,
    OUTCOME_LABELS,
    QA,
    ClosingReport,
    EventTypeValue,
    EventValue,
    RegistrationValue,
    Suggestion,
    TargetProgress,
)
from ui.calendar.event_dialog import to_date
from ui.calendar.text import arg
from ui.discard import AsksBeforeDiscard
from ui.env import UiEnv
from ui.table_model import Column, RecordTableModel, SortFilterProxy, fit_to_contents


def registration_columns() -> list[Column[RegistrationValue]]:
    return [
        Column("姓名", lambda r: r.name),
        Column("电话", lambda r: r.phone),
        Column("身份", lambda r: r.role),
        Column("状态", lambda r: r.status_label),
        Column("签到", lambda r: f"{r.checked_in_at:%H:%M}" if r.checked_in_at else ""),
        Column("报名时间", lambda r: f"{r.created_at:%m-%d %H:%M}", lambda r: r.created_at),
    ]


class RegistrationsDialog(QDialog):
    """Staff view (originals) of who signed up; add, cancel (the waiting list moves up), check in."""

    def __init__(self, env: UiEnv, event_uuid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._uuid = event_uuid
        self.setWindowTitle(self.tr("报名与签到"))  # the event's title when it is read
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.model: RecordTableModel[RegistrationValue] = RecordTableModel(
            registration_columns(), "Registrations", self
        )
        self.proxy = SortFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        fit_to_contents(self.view.horizontalHeader())
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        actions = QHBoxLayout()
        self.check_in_button = QPushButton(self.tr("签到"))
        self.cancel_button = QPushButton(self.tr("取消报名"))
        self.check_in_button.clicked.connect(self._check_in)
        self.cancel_button.clicked.connect(self._cancel)
        actions.addWidget(self.check_in_button)
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        add = QGroupBox(self.tr("新增报名"))
        form = QHBoxLayout(add)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("姓名"))
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(self.tr("电话"))
        self.role_box = QComboBox()
        self.role_box.addItem(self.tr("（无）"), "")
        for role in INVITED_ROLES:
            self.role_box.addItem(role, role)
        self.add_button = QPushButton(self.tr("登记"))
        self.add_button.clicked.connect(self._add)
        for w in (self.name_edit, self.phone_edit, self.role_box, self.add_button):
            form.addWidget(w)
        layout.addWidget(add)
        note = QLabel(self.tr("名单只在工作窗口显示原文；海报、签到表、导出和同步中的电话均已遮蔽。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        self.resize(self.fontMetrics().horizontalAdvance("国") * 48, self.fontMetrics().height() * 26)
        self.reload()

    def reload(self) -> None:
        """Read the event's figures and registrations (read pool)."""
        events, uuid = self._env.ctx.events, self._uuid
        self._env.ops.read(
            self, lambda: (events.get(uuid), events.registrations(uuid)), self._show, key="regs"
        )

    def _show(self, result: tuple[EventValue, list[RegistrationValue]]) -> None:
        ev, registrations = result
        self.setWindowTitle(self.tr("报名与签到：") + ev.title)
        self.model.set_rows(registrations)
        cap = self.tr("不限") if ev.capacity is None else str(ev.capacity)
        self.summary.setText(
            arg(
                self.tr("名额 %1，已报名 %2，候补 %3，已签到 %4"),
                cap,
                str(ev.registered),
                str(ev.waiting),
                str(ev.checked_in),
            )
        )

    def _selected(self) -> RegistrationValue | None:
        rows = self.view.selectionModel().selectedRows()
        return self.proxy.object_at(rows[0].row()) if rows else None

    def _write(self, op: Callable[[], object], then: Callable[[], None] | None = None) -> None:
        """One write (writer thread, confirmed in the status bar), then the list read again."""

        def done(_result: object) -> None:
            if then is not None:
                then()
            self.reload()

        self._env.ops.write(self, op, done)

    def _add(self) -> None:
        events, user, uuid = self._env.ctx.events, self._env.user, self._uuid
        name, phone, role = self.name_edit.text(), self.phone_edit.text(), str(self.role_box.currentData())

        def clear() -> None:
            self.name_edit.clear()
            self.phone_edit.clear()

        self._write(lambda: events.register(user, uuid, name, phone, role), clear)

    def _check_in(self) -> None:
        reg = self._selected()
        if reg is not None:
            events, user = self._env.ctx.events, self._env.user
            self._write(lambda: events.check_in(user, reg.uuid))

    def _cancel(self) -> None:
        reg = self._selected()
        if reg is not None:
            events, user = self._env.ctx.events, self._env.user
            self._write(lambda: events.cancel_registration(user, reg.uuid))


class ClosingDialog(AsksBeforeDiscard, QDialog):
    """The closing report: attendance, Q&A, suggestions with their outcome and reason."""

    def __init__(self, env: UiEnv, ev: EventValue, parent: QWidget | None = None) -> None:
        """``ev`` as just read by the caller (on the read pool): the form starts from it."""
        super().__init__(parent)
        self._env = env
        self._uuid = ev.uuid
        self.setWindowTitle(self.tr("活动总结报告：") + ev.title)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.attendance = QSpinBox()
        self.attendance.setRange(0, 100000)
        self.attendance.setValue(ev.attendance if ev.attendance is not None else ev.checked_in)
        self.summary = QPlainTextEdit(ev.report_summary)
        self.summary.setMaximumHeight(self.fontMetrics().height() * 4)
        self.release_known = QCheckBox(self.tr("按政策出台日期起算"))
        self.release_date = QDateEdit()
        self.release_date.setCalendarPopup(True)
        self.release_date.setDisplayFormat("yyyy-MM-dd")
        start = ev.adoption_start or ev.end.date()
        self.release_date.setDate(QDate(start.year, start.month, start.day))
        self.release_known.setChecked(ev.adoption_start is not None)
        self.days = QSpinBox()
        self.days.setRange(1, 60)
        self.days.setValue(ev.adoption_days)
        self.days.setSuffix(self.tr(" 个工作日内公开采纳情况"))
        release = QHBoxLayout()
        release.addWidget(self.release_known)
        release.addWidget(self.release_date)
        form.addRow(self.tr("参加人数"), self.attendance)
        form.addRow(self.tr("活动概况"), self.summary)
        form.addRow(self.tr("起算日"), release)
        form.addRow(self.tr("公开时限"), self.days)
        layout.addLayout(form)

        qa_box = QGroupBox(self.tr("现场问答"))
        self.qa_grid = QGridLayout(qa_box)
        self.qa_rows: list[tuple[QLineEdit, QLineEdit]] = []
        add_qa = QPushButton(self.tr("添加一问"))
        add_qa.clicked.connect(lambda: self._add_qa("", ""))
        self.qa_grid.addWidget(add_qa, 0, 0)
        layout.addWidget(qa_box)

        sug_box = QGroupBox(self.tr("意见建议及采纳情况（部分采纳、未采纳须说明理由）"))
        self.sug_grid = QGridLayout(sug_box)
        self.sug_rows: list[tuple[QLineEdit, QComboBox, QLineEdit]] = []
        add_sug = QPushButton(self.tr("添加一条建议"))
        add_sug.clicked.connect(lambda: self._add_suggestion(Suggestion("")))
        self.sug_grid.addWidget(add_sug, 0, 0)
        layout.addWidget(sug_box)
        for q in ev.qa:
            self._add_qa(q.question, q.answer)
        for s in ev.suggestions:
            self._add_suggestion(s)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("提交报告"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("国") * 56, self.sizeHint().height())

    def _add_qa(self, question: str, answer: str) -> None:
        row = len(self.qa_rows) + 1
        q, a = QLineEdit(question), QLineEdit(answer)
        q.setPlaceholderText(self.tr("问"))
        a.setPlaceholderText(self.tr("答"))
        self.qa_grid.addWidget(q, row, 0)
        self.qa_grid.addWidget(a, row, 1)
        self.qa_rows.append((q, a))

    def _add_suggestion(self, s: Suggestion) -> None:
        row = len(self.sug_rows) + 1
        content, reason = QLineEdit(s.content), QLineEdit(s.reason)
        content.setPlaceholderText(self.tr("建议内容"))
        reason.setPlaceholderText(self.tr("理由或说明"))
        outcome = QComboBox()
        for key, label in OUTCOME_LABELS.items():
            outcome.addItem(label, key)
        outcome.setCurrentIndex(outcome.findData(s.outcome))
        self.sug_grid.addWidget(content, row, 0)
        self.sug_grid.addWidget(outcome, row, 1)
        self.sug_grid.addWidget(reason, row, 2)
        self.sug_grid.setColumnStretch(0, 3)
        self.sug_grid.setColumnStretch(2, 3)
        self.sug_rows.append((content, outcome, reason))

    def _release_date(self) -> date | None:
        if not self.release_known.isChecked():
            return None
        return to_date(self.release_date.date())

    def report(self) -> ClosingReport:
        return ClosingReport(
            attendance=self.attendance.value(),
            qa=tuple(QA(q.text(), a.text()) for q, a in self.qa_rows if q.text().strip()),
            suggestions=tuple(
                Suggestion(c.text(), o.currentData(), r.text())
                for c, o, r in self.sug_rows
                if c.text().strip()
            ),
            summary=self.summary.toPlainText(),
            policy_release_date=self._release_date(),
            adoption_days=self.days.value(),
        )

    def _save(self) -> None:
        report, events, user, uuid = self.report(), self._env.ctx.events, self._env.user, self._uuid
        self._env.ops.write(self, lambda: events.close(user, uuid, report), lambda _ev: self.accept())


class TargetsDialog(AsksBeforeDiscard, QDialog):
    """The admin sets this year's target count per event type; custom types can be added here."""

    def __init__(
        self,
        env: UiEnv,
        year: int,
        targets: Sequence[TargetProgress],
        types: Sequence[EventTypeValue],
        parent: QWidget | None = None,
    ) -> None:
        """``targets`` and ``types`` as the caller just read them (``load_targets``, read pool)."""
        super().__init__(parent)
        self._env = env
        self._year = year
        self.setWindowTitle(arg(self.tr("%1 年度活动目标"), str(year)))
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        current = {t.type_key: t.target for t in targets}
        self.spins: dict[str, QSpinBox] = {}
        for t in types:
            self._add_row(t.key, t.label, current.get(t.key, 0))
        new_type = QHBoxLayout()
        self.new_type = QLineEdit()
        self.new_type.setPlaceholderText(self.tr("新的活动类型名称，如：政策评价座谈"))
        add = QPushButton(self.tr("新增类型"))
        add.clicked.connect(self._add_type)
        new_type.addWidget(self.new_type, 1)
        new_type.addWidget(add)
        layout.addLayout(new_type)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _add_row(self, key: str, label: str, value: int) -> None:
        spin = QSpinBox()
        spin.setRange(0, 1000)
        spin.setValue(value)
        spin.setSpecialValueText(self.tr("不设目标"))
        self.form.addRow(label, spin)
        self.spins[key] = spin

    def _add_type(self) -> None:
        label, events, user = self.new_type.text(), self._env.ctx.events, self._env.user

        def added(created: EventTypeValue) -> None:
            self._add_row(created.key, created.label, 0)
            self.new_type.clear()

        self._env.ops.write(self, lambda: events.add_type(user, label), added)

    def _save(self) -> None:
        events, user, year = self._env.ctx.events, self._env.user, self._year
        values = {key: spin.value() for key, spin in self.spins.items()}

        def save() -> None:
            # Each target is one audited write; they run together on the writer thread.
            existing = {t.type_key for t in events.targets(year)}
            for key, value in values.items():
                if value or key in existing:
                    events.set_target(user, year, key, value)

        self._env.ops.write(self, save, lambda _r: self.accept())
