"""The requests page (依申请公开): register, work through the statutory steps, print, report.

Tabs: the request list with a detail pane (clock explanation, actions, letters), reminders, the
annual-report table with its row check, and the clock's rule figures. Every change is one service
call; PDFs and exports run through the task runner and open in the system viewer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor
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

from app.authz import Action
from app.changes import Changes
from app.policies.values import RegisterFigures
from app.requests import ClockRule, Reminder, RequestDetail, RequestSummary
from app.requests.annual import AnnualRow, AnnualTable
from app.requests.fees import quote
from app.requests.rules import (
    ACTIONS,
    APPLICANT_KINDS,
    DELIVERIES,
    FORMS,
    LETTER_KINDS,
    SIGN_ROLES,
    STATES,
)
from app.requests.service import letters_for
from app.requests.values import RequestCounts, RequestQuery
from app.users import Role
from ui.actions import apply_action, ask_first
from ui.env import UiEnv
from ui.i18n import app_label, message_text
from ui.pages.notices_page import SEARCH_DELAY_MS
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
from ui.saved import announce_saved, open_path
from ui.table_model import (
    Column,
    PagedTableModel,
    RecordTableModel,
    SortFilterProxy,
    fit_to_contents,
)

CTX = "RequestsPage"
OVERDUE = QColor("#fde2e1")
SOON = QColor("#fff4d6")


RECEIVED_COLUMN = 7  # index of 收到日 in request_columns()
#: The service's sort key of each list column (None: computed per row, not sortable in SQL).
SORT_KEYS = ["number", "status", None, "applicant", "kind", None, "channel", "received", None, None]


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
        Column("提交方式", lambda r: app_label(r.channel_label)),
        Column("收到日", lambda r: r.received_on.isoformat(), lambda r: r.received_on),
        Column("所需信息", lambda r: r.description, tooltip=lambda r: r.description),
        Column("答复", lambda r: app_label(r.answer_label)),
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
    due = message_text(r.due_message)
    if r.overdue:
        return due + QCoreApplication.translate(CTX, "  已超期 %1 个工作日").replace(
            "%1", str(-(r.days_left or 0))
        )
    if r.days_left is not None and r.days_left <= 3:
        return due + QCoreApplication.translate(CTX, "  还剩 %1 个工作日").replace("%1", str(r.days_left))
    return due


def _row_colour(r: RequestSummary) -> QColor | None:
    if r.overdue:
        return OVERDUE
    if r.days_left is not None and r.days_left <= 3:
        return SOON
    return None


def table(model: Any, proxy: SortFilterProxy, *, sortable: bool = True) -> QTableView:
    """A read-only row-selecting view over a small list; unsortable views keep the service's order
    (report rows, urgency). Columns fit their contents: these lists have tens of rows."""
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
    fit_to_contents(view.horizontalHeader())
    view.horizontalHeader().setStretchLastSection(True)
    return view


class RequestsPage(QWidget):
    """Staff page for information requests; reloads when requests, holidays or settings change.

    The list reads a page at a time (filtered and sorted in SQL, clocks computed for the rows
    shown); the detail of the selected request and its actions load when it is selected; the
    action buttons are ``RequestService.actions`` in fixed places (``rules.ACTIONS``).
    """

    #: Opens a written PDF; the system viewer in the app, replaced in tests (the OS is an edge).
    open_file: Callable[[Path], None] = staticmethod(lambda p: open_path(None, p))  # type: ignore[assignment]

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._svc = env.ctx.requests
        self._detail: RequestDetail | None = None
        self._actions: dict[str, Action] = {}
        self._wanted = ""
        self._rules: list[ClockRule] = []
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.new_button = QPushButton(self.tr("登记新申请…"))
        self.new_button.clicked.connect(self._intake)
        self.new_button.setEnabled(bool(env.user.roles & {Role.CLERK, Role.ADMIN}))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("按编号、申请人或所需信息查找"))
        self.search.setClearButtonEnabled(True)
        self.state_filter = QComboBox()
        for label, code in (
            (self.tr("全部"), ""),
            (self.tr("未办结"), "open"),
            (self.tr("待补正"), "correction_requested"),
            (self.tr("已答复"), "answered"),
            (self.tr("已归档"), "archived"),
        ):
            self.state_filter.addItem(label, code)
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
        self.tabs.currentChanged.connect(lambda _i: self._reload_tab())

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.model.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.state_filter.currentIndexChanged.connect(self.model.reload)
        env.bus.watch(self, ("request", "holiday", "settings"), self._on_changes)
        self.reload()

    # -- building --------------------------------------------------------------------------------

    def _build_list_tab(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.view = QTableView()
        self.model: PagedTableModel[RequestSummary] = PagedTableModel(
            request_columns(),
            CTX,
            self,
            ops=self._env.ops,
            fetch=self._fetch,
            sort_keys=SORT_KEYS,
            sort="received",
            loading=self.view,
            row_colour=_row_colour,
        )
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        # Newest first: by 收到日 (received on).
        self.view.horizontalHeader().setSortIndicator(RECEIVED_COLUMN, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        # Fixed widths, not "fit to contents": sizing to contents measures every row on the GUI thread.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        fm = self.view.fontMetrics()
        samples = ("依申请〔2026〕第0000号", "征求意见中", "2026-12-30  已超期 10 个工作日", "济南唐冶建材",
                   "社会公益组织", "37*************715", "互联网（在线申请）", "2026-12-30",
                   "唐王街道老旧小区改造项目清单", "不予公开：过程性信息")  # fmt: skip
        for column, sample in enumerate(samples):
            self.view.setColumnWidth(column, fm.horizontalAdvance(sample) + 18)
        self.view.selectionModel().currentRowChanged.connect(self._on_view_current_changed)
        self.model.page_loaded.connect(self._on_page_loaded)
        splitter.addWidget(self.view)

        pane = QWidget()
        self.pane = pane
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
        # One button per workflow action, always in the same place (hidden in place when it does not
        # apply), so a double click never lands on the next step.
        self.actions_box = QWidget()
        self.actions_layout = QGridLayout(self.actions_box)
        self.actions_layout.addWidget(_heading(self.tr("办理")), 0, 0, 1, 3)
        self.action_buttons: dict[str, QPushButton] = {}
        for i, (key, label, _question) in enumerate(ACTIONS):
            button = QPushButton(QCoreApplication.translate(CTX, label))
            button.setObjectName(key)
            button.clicked.connect(lambda _=False, k=key: self._act(k))
            apply_action(button, None)
            self.action_buttons[key] = button
            self.actions_layout.addWidget(button, 1 + i // 3, i % 3)
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
        self.reminder_tab = w
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
        self.annual_tab = w
        lay = QVBoxLayout(w)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("年度")))
        self.year = QSpinBox()
        self.year.setRange(2019, 2100)
        self.year.setValue(self._env.ctx.clock.today().year)
        self.year.valueChanged.connect(lambda _y: self._reload_annual())
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
        # The supplementary reading figure the exports carry (the 查阅登记 of the policy library).
        self.reading_label = QLabel()
        self.reading_label.setWordWrap(True)
        lay.addWidget(self.reading_label)
        self.annual_model: RecordTableModel[AnnualRow] = RecordTableModel([], CTX, self)
        self.annual_proxy = SortFilterProxy(self)
        self.annual_view = table(self.annual_model, self.annual_proxy, sortable=False)
        header = self.annual_view.horizontalHeader()
        header.setStretchLastSection(False)
        fit_to_contents(header)
        lay.addWidget(self.annual_view, 1)
        return w

    def _build_rules_tab(self) -> QWidget:
        w = QWidget()
        self.rules_tab = w
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

    def _fetch(
        self, offset: int, sort: str, descending: bool
    ) -> Callable[[], tuple[list[RequestSummary], int]]:
        query = RequestQuery(
            state=self.state_filter.currentData() or "",
            text=self.search.text().strip(),
            sort=sort,
            descending=descending,
            offset=offset,
        )
        svc = self._svc

        def work() -> tuple[list[RequestSummary], int]:
            page = svc.page(query)
            return list(page.rows), page.total

        return work

    def reload(self, _changes: Changes | None = None) -> None:
        """Read the list's first page, the summary line, the selected request and the open tab again."""
        self.model.reload()
        self._env.ops.read(self, self._svc.counts, self._show_counts, key="counts")
        if self._detail is not None:
            self._load_detail(self._detail.uuid)
        self._reload_tab()

    def _on_changes(self, changes: Changes) -> None:
        self.reload(changes)

    def _show_counts(self, counts: RequestCounts) -> None:
        self.summary_label.setText(
            self.tr("未办结 %1 件，提醒 %2 条，超期 %3 件")
            .replace("%1", str(counts.open))
            .replace("%2", str(counts.reminders))
            .replace("%3", str(counts.overdue))
        )
        self.tabs.setTabText(
            1,
            self.tr("期限提醒（%1）").replace("%1", str(counts.reminders))
            if counts.reminders
            else self.tr("期限提醒"),
        )

    def _reload_tab(self) -> None:
        """The reminder, annual and rules tabs are read when shown (and again after a change)."""
        current = self.tabs.currentWidget()
        if current is self.reminder_tab:
            self._env.ops.read(self, self._svc.reminders, self.reminder_model.set_rows, key="reminders")
        elif current is self.annual_tab:
            self._reload_annual()
        elif current is self.rules_tab:
            self._env.ops.read(self, self._svc.rules, self._show_rules, key="rules")

    def _show_rules(self, rules: list[ClockRule]) -> None:
        self._rules = rules
        self.rule_model.set_rows(rules)

    def _reload_annual(self) -> None:
        year, svc = self.year.value(), self._svc
        self._env.ops.read(self, lambda: svc.annual_table(year), self._show_annual, key="annual")
        self._env.ops.read(self, lambda: svc.reading_figures(year), self._show_reading, key="annual_reading")

    def _show_reading(self, figures: RegisterFigures | None) -> None:
        self.reading_label.setVisible(figures is not None)
        if figures is not None:
            self.reading_label.setText(
                self.tr("补充数据（查阅登记）：现场查阅 %1 人次，打印 %2 次、%3 页，涉及政策文件 %4 件")
                .replace("%1", str(figures.readings))
                .replace("%2", str(figures.prints))
                .replace("%3", str(figures.printed_pages))
                .replace("%4", str(figures.documents))
            )

    def _show_annual(self, result: AnnualTable) -> None:
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

    # -- the detail pane -------------------------------------------------------------------------

    def open_record(self, uuid: str) -> None:
        """Select the request and show its detail (navigation from Today and reminders)."""
        self.tabs.setCurrentIndex(0)
        self._wanted = uuid
        self._select_row(uuid)
        self._load_detail(uuid)

    def _select_row(self, uuid: str) -> bool:
        for row, r in enumerate(self.model.rows()):
            if r.uuid == uuid:
                if self.view.currentIndex().row() != row:
                    self.view.selectRow(row)
                return True
        return False

    def _on_page_loaded(self, offset: int) -> None:
        if offset == 0 and self._wanted:
            self._select_row(self._wanted)

    def _on_view_current_changed(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            uuid = self.model.row_at(index.row()).uuid
            self._wanted = uuid
            if self._detail is None or self._detail.uuid != uuid:
                for button in self.action_buttons.values():
                    button.setEnabled(False)  # until the selected request's actions arrive
                self._load_detail(uuid)

    def _load_detail(self, uuid: str) -> None:
        svc, user = self._svc, self._env.user

        def work() -> tuple[RequestDetail, list[Action]]:
            return svc.get(uuid), svc.actions(user, uuid)

        self._env.ops.read(self, work, self._arrived, key="detail", loading=self.pane)

    def _arrived(self, result: tuple[RequestDetail, list[Action]]) -> None:
        detail, actions = result
        self._actions = {a.key: a for a in actions}
        self._show_detail(detail)

    def _on_reminder_view_double_clicked(self) -> None:
        index = self.reminder_view.currentIndex()
        if index.isValid():
            self.open_record(self.reminder_proxy.object_at(index.row()).uuid)

    def _show_detail(self, d: RequestDetail | None) -> None:
        self._detail = d
        while self.print_layout.count() > 1:  # keep the heading
            item = self.print_layout.takeAt(1)
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
        self.title.setText(f"{s.number}  {QCoreApplication.translate(CTX, s.status_label)}")
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
            self.tr("答复期限：") + (message_text(s.due_message) or "—"),
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

        self.actions_box.setVisible(any(a.available for a in self._actions.values()))
        for key, button in self.action_buttons.items():
            apply_action(button, self._actions.get(key))
        self.print_box.setVisible(True)
        buttons = [(self.tr("登记回执"), "receipt"), (self.tr("期限计算说明"), "clock")]
        buttons += [(QCoreApplication.translate(CTX, LETTER_KINDS[k]), k) for k in letters_for(d)]
        for i, (label, kind) in enumerate(buttons):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, k=kind: self._print(k))
            self.print_layout.addWidget(button, 1 + i // 3, i % 3)

    # -- actions ---------------------------------------------------------------------------------

    def _run(self, fn: Callable[[], RequestDetail]) -> None:
        """One service write on the writer thread; the page reloads from the bus, the status bar
        confirms it, a failure shows the one error message."""

        def done(detail: RequestDetail) -> None:
            self._wanted = detail.uuid  # the request acted on (a new one too) stays selected
            self._select_row(detail.uuid)

        def again() -> None:
            uuid = self._wanted or (self._detail.uuid if self._detail is not None else "")
            if uuid:
                self._load_detail(uuid)  # what it is now, also after a refusal

        self._env.ops.write(self, fn, done, finally_=again)

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

    def action(self, key: str) -> Action | None:
        return self._actions.get(key)

    def _act(self, key: str) -> None:
        d, action = self._detail, self._actions.get(key)
        if d is None or action is None or not action.enabled:
            return  # a stale click (the request moved on): nothing happens
        if not ask_first(self, action, d.summary.number):
            return
        svc, user, uuid, today = self._svc, self._env.user, d.uuid, self._env.ctx.clock.today()
        simple = {
            "request.register": "registered",
            "request.start": "in_progress",
            "request.sign_off": "sign_off",
            "request.send_back": "in_progress",
            "request.archive": "archived",
        }
        if key in simple:
            to_state = simple[key]
            self._run(lambda: svc.transition(uuid, to_state, actor=user))
        elif key == "request.correction":
            self._ask_then(
                CorrectionDialog(today, self),
                lambda v: svc.request_correction(uuid, items=v["items"], actor=user, on=v["on"]),
            )
        elif key == "request.receive_correction":
            intro = self.tr("答复期限自收到补正的申请之日起重新计算（条例第三十条）。")
            self._ask_then(
                DateDialog(self.tr("收到补正材料"), intro, today, parent=self),
                lambda v: svc.receive_correction(uuid, actor=user, on=v["on"]),
            )
        elif key == "request.consult":
            self._ask_then(
                ConsultationDialog(today, self),
                lambda v: svc.start_consultation(
                    uuid, party=v["party"], reason=v["reason"], actor=user, on=v["on"]
                ),
            )
        elif key == "request.consult_end":
            self._ask_then(
                DateDialog(
                    self.tr("收到第三方意见"), self.tr("计时自次日恢复。"), today, self.tr("意见"), self
                ),
                lambda v: svc.end_consultation(uuid, actor=user, outcome=v["text"], on=v["on"]),
            )
        elif key == "request.extend":
            self._env.ops.read(self, svc.rules, lambda rules: self._extend(uuid, rules), key="rules-extend")
        elif key == "request.answer":
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

    def _extend(self, uuid: str, rules: list[ClockRule]) -> None:
        user, users = self._env.user, self._env.ctx.users
        can_approve = bool(user.roles & SIGN_ROLES)
        limit = {r.key: r.days for r in rules}["extension_max_days"]
        dialog = ExtensionDialog(limit, not can_approve, self)
        if dialog.exec() != FormDialog.DialogCode.Accepted:
            return
        v = dialog.values()
        svc = self._svc

        def work() -> RequestDetail:
            # The signer's password is checked on the writer thread (argon2 is deliberately slow).
            approver = user if can_approve else users.authenticate(v["approver"], v["password"])
            return svc.extend(uuid, days=v["days"], reason=v["reason"], approver=approver)

        self._run(work)

    def _edit_rule(self) -> None:
        index = self.rule_view.currentIndex()
        if not index.isValid():
            QMessageBox.information(self, self.tr("法定期限规则"), self.tr("请先选择一条规则。"))
            return
        rule: ClockRule = self.rule_proxy.object_at(index.row())
        days, ok = QInputDialog.getInt(self, self.tr("修改天数"), rule.label, rule.days, 0, 365)
        if ok:
            svc, user = self._svc, self._env.user
            self._env.ops.write(self, lambda: svc.set_rule(rule.key, days, actor=user))

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

        self._env.ops.read(self, work, self._on_pdf_written, key=f"print-{kind}")

    def _on_exported(self, path: Path) -> None:
        announce_saved(self, path)

    def _on_pdf_written(self, path: Path) -> None:
        announce_saved(self, path)
        type(self).open_file(path)

    def _export_annual(self, suffix: str) -> None:
        year = self.year.value()
        default = str(self._env.ctx.paths.output / f"{year}年度政府信息公开申请情况{suffix}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出年度报告统计"), default)
        if not path:
            return
        target = Path(path).with_suffix(suffix)
        svc = self._svc
        self._env.ops.read(self, lambda: svc.export_annual(year, target), self._on_exported, key="export")


__all__ = ["RequestsPage"]
