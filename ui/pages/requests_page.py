"""The requests page (依申请公开): register, work through the statutory steps, print, report.

Tabs: the request list with a detail pane (clock explanation, actions, letters), reminders, the
annual-report table with its row check, and the clock's rule figures. Every change is one service
call; PDFs and exports run through the task runner and open in the system viewer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.requests import ClockRule, Reminder, RequestDetail, RequestSummary
from app.requests.annual import AnnualRow
from app.requests.fees import quote
from app.requests.rules import (
    APPLICANT_KINDS,
    DELIVERIES,
    FORMS,
    LETTER_KINDS,
    SIGN_ROLES,
    STATES,
    TRANSITIONS,
)
from app.users import Role
from ui.crash import show_error
from ui.env import UiEnv
from ui.requests.dialogs import (
    AnswerDialog,
    AsksValues,
    ConsultationDialog,
    CorrectionDialog,
    DateDialog,
    ExtensionDialog,
    FormDialog,
    IntakeDialog,
)
from ui.table_model import Column, RecordTableModel, SortFilterProxy

CTX = "RequestsPage"
OVERDUE = QColor("#fde2e1")
SOON = QColor("#fff4d6")


RECEIVED_COLUMN = 7  # index of 收到日 in request_columns()


def request_columns() -> list[Column[RequestSummary]]:
    return [
        Column("编号", lambda r: r.number, lambda r: r.number),
        Column("状态", lambda r: QCoreApplication.translate(CTX, STATES.get(r.status, r.status))),
        # The deadline sits next to the status: the row colour is never the only sign of "overdue".
        Column("答复期限", lambda r: _due_cell(r), lambda r: r.due_on),
        Column("申请人", lambda r: r.applicant_name),
        Column(
            "类型",
            lambda r: QCoreApplication.translate(
                CTX, APPLICANT_KINDS.get(r.applicant_kind, r.applicant_kind)
            ),
        ),
        Column("证件号码", lambda r: r.id_masked),
        Column("提交方式", lambda r: r.channel_label),
        Column("收到日", lambda r: r.received_on.isoformat(), lambda r: r.received_on),
        Column("所需信息", lambda r: r.description, tooltip=lambda r: r.description),
        Column("答复", lambda r: r.answer_label),
    ]


def reminder_columns() -> list[Column[Reminder]]:
    return [
        Column("提醒", lambda r: r.kind_label),
        Column("编号", lambda r: r.number),
        Column(
            "期限", lambda r: r.due_on.isoformat() + ("（暂定）" if r.provisional else ""), lambda r: r.due_on
        ),
        Column("依据", lambda r: r.rule, tooltip=lambda r: r.rule),
    ]


def annual_columns(labels: tuple[str, ...]) -> list[Column[AnnualRow]]:
    cols: list[Column[AnnualRow]] = [
        Column("项目", lambda r: ("    " * r.level) + r.label, tooltip=lambda r: r.label)
    ]
    cols += [
        Column(label, _count_of(i), alignment=Qt.AlignmentFlag.AlignRight) for i, label in enumerate(labels)
    ]
    return cols


def _count_of(i: int) -> Callable[[AnnualRow], str]:
    def show(r: AnnualRow) -> str:
        return "" if r.counts is None else str(r.counts[i])

    return show


def rule_columns() -> list[Column[ClockRule]]:
    return [
        Column("名称", lambda r: r.label),
        Column("工作日", lambda r: str(r.days), lambda r: r.days, alignment=Qt.AlignmentFlag.AlignRight),
        Column("依据", lambda r: r.basis, tooltip=lambda r: r.basis),
        Column("修改人", lambda r: r.updated_by),
    ]


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold;")
    return label


def _due_cell(r: RequestSummary) -> str:
    """The deadline with its urgency in words (the row colour repeats it, never replaces it)."""
    if r.overdue:
        return r.due_text + QCoreApplication.translate(CTX, "  已超期 %1 个工作日").replace(
            "%1", str(-(r.days_left or 0))
        )
    if r.days_left is not None and r.days_left <= 3:
        return r.due_text + QCoreApplication.translate(CTX, "  还剩 %1 个工作日").replace(
            "%1", str(r.days_left)
        )
    return r.due_text


def _row_colour(r: RequestSummary) -> QColor | None:
    if r.overdue:
        return OVERDUE
    if r.days_left is not None and r.days_left <= 3:
        return SOON
    return None


def table(model: Any, proxy: SortFilterProxy, *, sortable: bool = True) -> QTableView:
    """A read-only row-selecting view; unsortable views keep the service's order (report rows, urgency)."""
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(sortable)
    if not sortable:
        proxy.sort(-1)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class RequestsPage(QWidget):
    """Staff page for information requests. Reloads on ``bus.changed("request")``."""

    #: Opens a written PDF; the system viewer in the app, replaced in tests (the OS is an edge).
    open_file: Callable[[Path], None] = staticmethod(
        lambda p: QDesktopServices.openUrl(QUrl.fromLocalFile(str(p)))
    )  # type: ignore[assignment]

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._svc = env.ctx.requests
        self._detail: RequestDetail | None = None
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.new_button = QPushButton(self.tr("登记新申请…"))
        self.new_button.clicked.connect(self._intake)
        self.new_button.setEnabled(bool(env.user.roles & {Role.CLERK, Role.ADMIN}))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("按编号、申请人或所需信息查找"))
        self.search.textChanged.connect(self._apply_filter)
        self.state_filter = QComboBox()
        for label, code in (
            (self.tr("全部"), ""),
            (self.tr("未办结"), "open"),
            (self.tr("待补正"), "correction_requested"),
            (self.tr("已答复"), "answered"),
            (self.tr("已归档"), "archived"),
        ):
            self.state_filter.addItem(label, code)
        self.state_filter.currentIndexChanged.connect(self._apply_filter)
        self.summary_label = QLabel()
        top.addWidget(self.new_button)
        top.addWidget(self.search, 1)
        top.addWidget(self.state_filter)
        top.addWidget(self.summary_label)
        layout.addLayout(top)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_list_tab(), self.tr("申请办理"))
        self.tabs.addTab(self._build_reminder_tab(), self.tr("期限提醒"))
        self.tabs.addTab(self._build_annual_tab(), self.tr("年度报告统计"))
        self.tabs.addTab(self._build_rules_tab(), self.tr("法定期限规则"))

        env.bus.changed.connect(self._on_bus_changed)
        self._attention = 0
        self.reload()
        # Pages are built before the window connects to counts_changed: announce again once it has.
        QTimer.singleShot(0, self._emit_count)

    def _emit_count(self) -> None:
        self._env.bus.counts_changed.emit("requests", self._attention)

    # -- building --------------------------------------------------------------------------------

    def _build_list_tab(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.model: RecordTableModel[RequestSummary] = RecordTableModel(
            request_columns(), CTX, self, row_colour=_row_colour
        )
        self.proxy = SortFilterProxy(self)
        self.view = table(self.model, self.proxy)
        # Newest first: by 收到日 (received on).
        self.view.sortByColumn(RECEIVED_COLUMN, Qt.SortOrder.DescendingOrder)
        self.view.selectionModel().currentRowChanged.connect(self._on_view_current_changed)
        splitter.addWidget(self.view)

        pane = QWidget()
        pane_layout = QVBoxLayout(pane)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.title.setWordWrap(True)
        pane_layout.addWidget(self.title)
        self.fields = QLabel()
        self.fields.setWordWrap(True)
        self.fields.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        pane_layout.addWidget(self.fields)
        self.clock_box = clock_box = QGroupBox(self.tr("答复期限是怎样算出来的"))
        clock_layout = QVBoxLayout(clock_box)
        self.clock_text = QPlainTextEdit()
        self.clock_text.setReadOnly(True)
        self.clock_text.setMinimumHeight(160)
        clock_layout.addWidget(self.clock_text)
        pane_layout.addWidget(clock_box, 1)
        # Plain widgets with a bold heading line: a QGroupBox title was not drawn by every style.
        self.actions_box = QWidget()
        self.actions_layout = QGridLayout(self.actions_box)
        self.actions_layout.addWidget(_heading(self.tr("办理")), 0, 0, 1, 3)
        pane_layout.addWidget(self.actions_box)
        self.print_box = QWidget()
        self.print_layout = QGridLayout(self.print_box)
        self.print_layout.addWidget(_heading(self.tr("打印")), 0, 0, 1, 3)
        pane_layout.addWidget(self.print_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(pane)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self._show_detail(None)
        return splitter

    def _build_reminder_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        note = QLabel(self.tr("已超期、3个工作日内到期、等待补正和等待第三方意见的申请。双击打开。"))
        note.setWordWrap(True)
        lay.addWidget(note)
        self.reminder_model: RecordTableModel[Reminder] = RecordTableModel(reminder_columns(), CTX, self)
        self.reminder_proxy = SortFilterProxy(self)
        self.reminder_view = table(self.reminder_model, self.reminder_proxy, sortable=False)
        self.reminder_view.doubleClicked.connect(self._on_reminder_view_double_clicked)
        lay.addWidget(self.reminder_view, 1)
        return w

    def _build_annual_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("年度")))
        self.year = QSpinBox()
        self.year.setRange(2019, 2100)
        self.year.setValue(self._env.ctx.clock.today().year)
        self.year.valueChanged.connect(self._reload_annual)
        row.addWidget(self.year)
        self.export_xlsx = QPushButton(self.tr("导出 Excel…"))
        self.export_xlsx.clicked.connect(lambda: self._export_annual(".xlsx"))
        self.export_pdf = QPushButton(self.tr("导出 PDF…"))
        self.export_pdf.clicked.connect(lambda: self._export_annual(".pdf"))
        row.addWidget(self.export_xlsx)
        row.addWidget(self.export_pdf)
        row.addStretch(1)
        lay.addLayout(row)
        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        lay.addWidget(self.check_label)
        self.annual_model: RecordTableModel[AnnualRow] = RecordTableModel([], CTX, self)
        self.annual_proxy = SortFilterProxy(self)
        self.annual_view = table(self.annual_model, self.annual_proxy, sortable=False)
        header = self.annual_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.annual_view, 1)
        return w

    def _build_rules_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        note = QLabel(
            self.tr(
                "期限天数取自《中华人民共和国政府信息公开条例》；法规修订或上级另有规定时，由管理员在此更正。"
            )
        )
        note.setWordWrap(True)
        lay.addWidget(note)
        self.rule_model: RecordTableModel[ClockRule] = RecordTableModel(rule_columns(), CTX, self)
        self.rule_proxy = SortFilterProxy(self)
        self.rule_view = table(self.rule_model, self.rule_proxy)
        lay.addWidget(self.rule_view, 1)
        self.rule_button = QPushButton(self.tr("修改所选规则的天数…"))
        self.rule_button.setEnabled(self._env.user.has(Role.ADMIN))
        self.rule_button.clicked.connect(self._edit_rule)
        lay.addWidget(self.rule_button)
        return w

    # -- loading ---------------------------------------------------------------------------------

    def reload(self) -> None:
        rows = self._svc.list()
        self.model.set_rows(rows)
        reminders = self._svc.reminders()
        self.reminder_model.set_rows(reminders)
        self.rule_model.set_rows(self._svc.rules())
        self._reload_annual()
        open_count = sum(1 for r in rows if r.is_open)
        overdue = sum(1 for r in reminders if r.kind == "overdue")
        self.summary_label.setText(
            self.tr("未办结 %1 件，提醒 %2 条，超期 %3 件")
            .replace("%1", str(open_count))
            .replace("%2", str(len(reminders)))
            .replace("%3", str(overdue))
        )
        self.tabs.setTabText(1, self.tr("期限提醒") + (f"（{len(reminders)}）" if reminders else ""))
        self._attention = len(reminders)
        self._emit_count()
        if self._detail is not None:
            self.open_record(self._detail.uuid)

    def _reload_annual(self) -> None:
        result = self._svc.annual_table(self.year.value())
        self.annual_model = RecordTableModel(annual_columns(result.columns), CTX, self)
        self.annual_proxy.setSourceModel(self.annual_model)
        self.annual_model.set_rows(list(result.rows))
        self.annual_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        head = (
            self.tr("勾稽关系检查：通过")
            if result.check_ok
            else self.tr("勾稽关系检查：未通过——请核对后再报送")
        )
        self.check_label.setText(head + "\n" + "\n".join(result.check_lines))
        self.check_label.setStyleSheet("" if result.check_ok else "color: #b00020; font-weight: bold;")

    def _on_bus_changed(self, entity: str) -> None:
        if entity in ("request", "holiday", "settings"):
            self.reload()

    def _apply_filter(self) -> None:
        needle = self.search.text().strip()
        state = self.state_filter.currentData()

        def keep(r: RequestSummary) -> bool:
            if state == "open" and not r.is_open:
                return False
            if state and state != "open" and r.status != state:
                return False
            return not needle or any(needle in t for t in (r.number, r.applicant_name, r.description))

        self.proxy.set_predicate(keep)

    # -- the detail pane -------------------------------------------------------------------------

    def open_record(self, uuid: str) -> None:
        """Select the request and show its detail (navigation from Today and reminders)."""
        self.tabs.setCurrentIndex(0)
        for row in range(self.proxy.rowCount()):
            if self.proxy.object_at(row).uuid == uuid:
                self.view.selectRow(row)
                break
        self._show_detail(self._svc.get(uuid))

    def _on_view_current_changed(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._show_detail(self._svc.get(self.proxy.object_at(index.row()).uuid))

    def _on_reminder_view_double_clicked(self) -> None:
        index = self.reminder_view.currentIndex()
        if index.isValid():
            self.open_record(self.reminder_proxy.object_at(index.row()).uuid)

    def _show_detail(self, d: RequestDetail | None) -> None:
        self._detail = d
        for lay in (self.actions_layout, self.print_layout):
            while lay.count() > 1:  # keep the heading
                item = lay.takeAt(1)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.hide()  # deleted on return to the event loop; hidden now so it paints nothing
                    widget.deleteLater()
        if d is None:
            self.title.setText(self.tr("请选择左侧的一件申请"))
            self.fields.setText("")
            self.clock_text.setPlainText("")
            self.clock_box.setVisible(False)
            self.actions_box.setVisible(False)
            self.print_box.setVisible(False)
            return
        s = d.summary
        self.title.setText(f"{s.number}  {s.status_label}")
        c = d.contact
        lines = [
            self.tr("申请人：")
            + f"{s.applicant_name}（{s.kind_label}）"
            + (f"，联系人 {c.contact_person}" if c.contact_person else ""),
            self.tr("证件号码：") + (c.id_number or "—") + self.tr("　电话：") + (c.phone or "—"),
            self.tr("地址：") + (c.address or "—") + self.tr("　邮箱：") + (c.email or "—"),
            self.tr("提交方式：") + s.channel_label + self.tr("　收到日：") + s.received_on.isoformat(),
            self.tr("所需信息：") + s.description,
            self.tr("提供形式：")
            + FORMS.get(d.form, d.form)
            + self.tr("　获取方式：")
            + DELIVERIES.get(d.delivery, d.delivery),
            self.tr("答复期限：") + (s.due_text or "—"),
        ]
        if s.status in ("received", "registered") and d.correction_requested_on is None:
            lines.append(
                self.tr("如需补正，应于 %1 前一次性告知（条例第三十条）").replace(
                    "%1", d.correction_notice_due_on.isoformat()
                )
            )
        if d.correction_requested_on:
            lines.append(
                self.tr("补正：")
                + f"{d.correction_requested_on} 通知；{d.correction_items.replace(chr(10), '；')}"
            )
        for cons in d.consultations:
            end = (
                cons.ended_on.isoformat()
                if cons.ended_on
                else self.tr("未结束，第三方应于 ") + cons.due_on.isoformat() + self.tr(" 前答复")
            )
            lines.append(self.tr("征求意见：") + f"{cons.party}，{cons.started_on} 至 {end}")
        if s.extension_days:
            lines.append(
                self.tr("延期：")
                + f"{s.extension_days} 个工作日，{d.extension_approver} 批准；{d.extension_reason}"
            )
        if s.answer_type:
            lines.append(
                self.tr("答复：") + f"{s.answer_label}（{d.answered_by}，{s.answered_on}）{d.answer_note}"
            )
            lines.append(self.tr("信息处理费：") + (f"{d.fee_yuan} 元" if d.fee_yuan else d.fee.text))
        self.fields.setText("\n".join(lines))
        self.clock_text.setPlainText("\n".join(d.clock.lines))
        self.clock_box.setVisible(True)

        self.actions_box.setVisible(bool(d.next_actions))
        for i, (to_state, label) in enumerate(d.next_actions):
            edge = TRANSITIONS[(s.status, to_state)]
            button = QPushButton(QCoreApplication.translate(CTX, label))
            button.setEnabled(bool(self._env.user.roles & edge.roles) or edge.via == "extend")
            button.clicked.connect(lambda _=False, t=to_state, v=edge.via: self._act(t, v))
            self.actions_layout.addWidget(button, 1 + i // 3, i % 3)
        self.print_box.setVisible(True)
        buttons = [(self.tr("登记回执"), "receipt"), (self.tr("期限计算说明"), "clock")]
        buttons += [
            (QCoreApplication.translate(CTX, LETTER_KINDS[k]), k) for k in self._svc.letters_available(d.uuid)
        ]
        for i, (label, kind) in enumerate(buttons):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, k=kind: self._print(k))
            self.print_layout.addWidget(button, 1 + i // 3, i % 3)

    # -- actions ---------------------------------------------------------------------------------

    def _run(self, fn: Callable[[], RequestDetail]) -> None:
        try:
            detail = fn()
        except Exception as exc:  # noqa: BLE001  (shown to the user: GongkaiError as a message, bugs as a crash dialog)
            show_error(self, exc, str(self._env.ctx.paths.log_file))
            return
        self._detail = detail
        self._env.bus.changed.emit("request")

    def _intake(self) -> None:
        self._ask_then(
            IntakeDialog(self._env.ctx.clock.today(), self),
            lambda v: self._svc.intake(actor=self._env.user, **v),
        )

    def _ask_then(self, dialog: AsksValues, fn: Callable[[dict[str, Any]], RequestDetail]) -> None:
        """Show ``dialog``; when accepted, make the one service call ``fn(values)``."""
        if dialog.exec() == FormDialog.DialogCode.Accepted:
            values = dialog.values()
            self._run(lambda: fn(values))

    def _act(self, to_state: str, via: str) -> None:
        d = self._detail
        if d is None:
            return
        svc, user, uuid, today = self._svc, self._env.user, d.uuid, self._env.ctx.clock.today()
        if via == "transition":
            self._run(lambda: svc.transition(uuid, to_state, actor=user))
        elif via == "request_correction":
            self._ask_then(
                CorrectionDialog(today, self),
                lambda v: svc.request_correction(uuid, items=v["items"], actor=user, on=v["on"]),
            )
        elif via == "receive_correction":
            intro = self.tr("答复期限自收到补正的申请之日起重新计算（条例第三十条）。")
            self._ask_then(
                DateDialog(self.tr("收到补正材料"), intro, today, parent=self),
                lambda v: svc.receive_correction(uuid, actor=user, on=v["on"]),
            )
        elif via == "start_consultation":
            self._ask_then(
                ConsultationDialog(today, self),
                lambda v: svc.start_consultation(
                    uuid, party=v["party"], reason=v["reason"], actor=user, on=v["on"]
                ),
            )
        elif via == "end_consultation":
            self._ask_then(
                DateDialog(
                    self.tr("收到第三方意见"), self.tr("计时自次日恢复。"), today, self.tr("意见"), self
                ),
                lambda v: svc.end_consultation(uuid, actor=user, outcome=v["text"], on=v["on"]),
            )
        elif via == "extend":
            self._extend(uuid)
        elif via == "answer":
            nth = d.fee.nth_in_month

            def answer(v: dict[str, Any]) -> RequestDetail:
                q = quote(nth, v["pages"])
                fee = {"none": 0, "count": q.by_count, "pages": q.by_pages}[v["fee"]]
                return svc.answer(
                    uuid,
                    answer_type=v["answer_type"],
                    actor=user,
                    note=v["note"],
                    pages=v["pages"],
                    fee_yuan=fee,
                    on=v["on"],
                )

            self._ask_then(AnswerDialog(today, d.summary.status == "correction_requested", self), answer)

    def _extend(self, uuid: str) -> None:
        user = self._env.user
        can_approve = bool(user.roles & SIGN_ROLES)
        limit = {r.key: r.days for r in self._svc.rules()}["extension_max_days"]
        dialog = ExtensionDialog(limit, not can_approve, self)
        if dialog.exec() != FormDialog.DialogCode.Accepted:
            return
        v = dialog.values()
        if can_approve:
            approver = user
        else:
            try:
                approver = self._env.ctx.users.authenticate(v["approver"], v["password"])
            except Exception as exc:  # noqa: BLE001
                show_error(self, exc)
                return
        self._run(lambda: self._svc.extend(uuid, days=v["days"], reason=v["reason"], approver=approver))

    def _edit_rule(self) -> None:
        index = self.rule_view.currentIndex()
        if not index.isValid():
            QMessageBox.information(self, self.tr("法定期限规则"), self.tr("请先选择一条规则。"))
            return
        rule: ClockRule = self.rule_proxy.object_at(index.row())
        days, ok = QInputDialog.getInt(self, self.tr("修改天数"), rule.label, rule.days, 0, 365)
        if ok:
            try:
                self._svc.set_rule(rule.key, days, actor=self._env.user)
            except Exception as exc:  # noqa: BLE001
                show_error(self, exc)
                return
            self._env.bus.changed.emit("request")

    # -- printing and export ---------------------------------------------------------------------

    def _print(self, kind: str) -> None:
        d = self._detail
        if d is None:
            return
        svc = self._svc
        out_dir = self._env.ctx.paths.output / "requests"
        name = d.summary.number.replace("〔", "").replace("〕", "-")
        target = out_dir / f"{name}-{kind}.pdf"

        def work() -> Path:
            if kind == "receipt":
                data = svc.receipt_pdf(d.uuid)
            elif kind == "clock":
                data = svc.explain_pdf(d.uuid)
            else:
                data = svc.letter_pdf(d.uuid, kind)
            out_dir.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            return target

        self._env.tasks.run(work, self._on_pdf_written, lambda e: show_error(self, e), writes=False)

    def _on_exported(self, path: Path) -> None:
        QMessageBox.information(self, self.tr("已导出"), str(path))

    def _on_pdf_written(self, path: Path) -> None:
        type(self).open_file(path)

    def _export_annual(self, suffix: str) -> None:
        year = self.year.value()
        default = str(self._env.ctx.paths.output / f"{year}年度政府信息公开申请情况{suffix}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出年度报告统计"), default)
        if not path:
            return
        target = Path(path).with_suffix(suffix)
        self._env.tasks.run(
            lambda: self._svc.export_annual(year, target),
            self._on_exported,
            lambda e: show_error(self, e),
            writes=False,
        )


__all__ = ["RequestsPage"]
