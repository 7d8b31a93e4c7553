"""Admin screens of the notices page: the register of bulletin boards (add, take out of use, bring
back) and the legal minimum posting period of each template, which an admin corrects to local rules.

Both are thin: every change is one service call (``add_board``, ``set_board_active``,
``set_period_rule``), which writes the audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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

from app.notices import BoardView
from app.notices.templates import UNIT_CALENDAR, UNIT_LABELS, UNIT_WORKING
from app.notices.values import PeriodRule
from ui.discard import AsksBeforeDiscard
from ui.env import UiEnv
from ui.table_model import Column, RecordTableModel, SortFilterProxy, fit_to_contents


def _tr(text: str) -> str:
    return QCoreApplication.translate("NoticeAdmin", text)


def _table(model: RecordTableModel[Any], parent: QWidget) -> tuple[QTableView, SortFilterProxy]:
    proxy = SortFilterProxy(parent)
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setWordWrap(True)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    fit_to_contents(header)
    header.setStretchLastSection(True)
    return view, proxy


# -- boards ----------------------------------------------------------------------------------------


def board_columns() -> list[Column[BoardView]]:
    return [
        Column("公开栏名称", lambda b: b.name),
        Column("村（社区）", lambda b: b.village),
        Column("位置", lambda b: b.location, tooltip=lambda b: b.location),
        Column("类型", lambda b: b.medium_label),
        Column("状态", lambda b: "在用" if b.active else "已停用", lambda b: not b.active),
    ]


class BoardsDialog(QDialog):
    """The register of boards, inactive ones included (they keep their posting history)."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self.setWindowTitle(self.tr("公开栏管理"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "停用的公开栏不再出现在张贴选择和“应张贴而未张贴”中，"
                    "以往的张贴记录仍保留；需要时可重新启用。"
                )
            )
        )
        self.model: RecordTableModel[BoardView] = RecordTableModel(
            board_columns(),
            "NoticeAdmin",
            self,
            row_colour=lambda b: None if b.active else QColor("#eeeeee"),
        )
        self.view, self.proxy = _table(self.model, self)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.toggle_button = QPushButton(self.tr("停用所选公开栏"))
        row.addWidget(self.toggle_button)
        row.addStretch(1)
        layout.addLayout(row)

        add_box = QGroupBox(self.tr("登记新的公开栏"))
        form = QFormLayout(add_box)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("如：东唐村村务公开栏"))
        self.village_edit = QLineEdit()
        self.village_edit.setPlaceholderText(self.tr("如：东唐村"))
        self.location_edit = QLineEdit()
        self.location_edit.setPlaceholderText(self.tr("如：村委会大院东墙"))
        self.medium_box = QComboBox()
        self.medium_box.addItem(self.tr("纸质公开栏"), "paper")
        self.medium_box.addItem(self.tr("电子屏"), "screen")
        self.add_button = QPushButton(self.tr("登记"))
        form.addRow(self.tr("名称"), self.name_edit)
        form.addRow(self.tr("所在村（社区）"), self.village_edit)
        form.addRow(self.tr("具体位置"), self.location_edit)
        form.addRow(self.tr("类型"), self.medium_box)
        form.addRow("", self.add_button)
        layout.addWidget(add_box)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.add_button.clicked.connect(self._add)
        self.toggle_button.clicked.connect(self._toggle)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_button())
        self.resize(self.fontMetrics().horizontalAdvance("国") * 56, self.fontMetrics().height() * 30)
        self.reload()

    def reload(self, then: str = "") -> None:
        """Read the boards (read pool); select ``then`` when they arrive."""
        notices = self._env.ctx.notices

        def show(boards: list[BoardView]) -> None:
            self.model.set_rows(boards)
            if then:
                self.select(then)
            self._update_button()

        self._env.ops.read(self, lambda: notices.boards(include_inactive=True), show, key="boards")

    def selected(self) -> BoardView | None:
        rows = self.view.selectionModel().selectedRows()
        return self.proxy.object_at(rows[0].row()) if rows else None

    def select(self, uuid: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.object_at(row).uuid == uuid:
                self.view.selectRow(row)
                return

    def _update_button(self) -> None:
        board = self.selected()
        self.toggle_button.setEnabled(board is not None)
        self.toggle_button.setText(
            self.tr("重新启用所选公开栏")
            if board is not None and not board.active
            else self.tr("停用所选公开栏")
        )

    def _changed(self, board: BoardView) -> None:
        self.reload(then=board.uuid)

    def _add(self) -> None:
        notices, user = self._env.ctx.notices, self._env.user
        name, village = self.name_edit.text(), self.village_edit.text()
        location, medium = self.location_edit.text(), str(self.medium_box.currentData())

        def added(board: BoardView) -> None:
            for edit in (self.name_edit, self.location_edit):
                edit.clear()
            self._changed(board)

        self._env.ops.write(
            self,
            lambda: notices.add_board(name, village, actor=user, location=location, medium=medium),
            added,
        )

    def _toggle(self) -> None:
        board = self.selected()
        if board is None:
            return
        notices, user = self._env.ctx.notices, self._env.user
        self._env.ops.write(
            self, lambda: notices.set_board_active(board.uuid, not board.active, actor=user), self._changed
        )


# -- posting periods -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodRow:
    """One template with its current legal minimum (None when it has none)."""

    template: str
    name: str
    min_days: int | None
    unit: str
    basis: str
    updated_by: str

    @property
    def minimum_text(self) -> str:
        if self.min_days is None:
            return _tr("未规定")
        return f"{self.min_days} {_tr(UNIT_LABELS[self.unit])}"


def period_columns() -> list[Column[PeriodRow]]:
    return [
        Column("公示模板", lambda r: r.name),
        Column("最短公示期", lambda r: r.minimum_text, lambda r: r.min_days or 0),
        Column("修改人", lambda r: r.updated_by if r.updated_by not in ("", "init") else "（初始设置）"),
        Column("依据", lambda r: r.basis, tooltip=lambda r: r.basis),
    ]


class PeriodRulesDialog(AsksBeforeDiscard, QDialog):
    """Correct each template's legal minimum posting period: value, working or calendar days, basis."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self.setWindowTitle(self.tr("法定最短公示期"))
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "各模板的最短公示期用于检查公示期是否足够。各地规定不同，"
                "请按本地现行文件核对；修改会记入操作日志。"
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.model: RecordTableModel[PeriodRow] = RecordTableModel(period_columns(), "NoticeAdmin", self)
        self.view, self.proxy = _table(self.model, self)
        self.view.setSortingEnabled(False)
        # Row heights follow the wrapped legal basis whenever the columns change width.
        self.view.horizontalHeader().sectionResized.connect(lambda *_: self.view.resizeRowsToContents())
        layout.addWidget(self.view, 1)

        box = QGroupBox(self.tr("更正所选模板"))
        form = QFormLayout(box)
        self.template_label = QLabel(self.tr("请先在上表选中一个模板。"))
        self.template_label.setWordWrap(True)
        value_row = QHBoxLayout()
        self.days = QSpinBox()
        self.days.setRange(1, 365)
        self.unit_box = QComboBox()
        self.unit_box.addItem(self.tr("个工作日"), UNIT_WORKING)
        self.unit_box.addItem(self.tr("日（自然日）"), UNIT_CALENDAR)
        value_row.addWidget(self.days)
        value_row.addWidget(self.unit_box)
        value_row.addStretch(1)
        self.basis_edit = QPlainTextEdit()
        self.basis_edit.setPlaceholderText(
            self.tr("文件名称、文号和条款，如《最低生活保障审核确认办法》第十六条")
        )
        self.basis_edit.setFixedHeight(self.fontMetrics().height() * 4)
        self.save_button = QPushButton(self.tr("保存更正"))
        form.addRow(self.tr("模板"), self.template_label)
        form.addRow(self.tr("最短公示期"), value_row)
        form.addRow(self.tr("依据"), self.basis_edit)
        form.addRow("", self.save_button)
        layout.addWidget(box)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.save_button.clicked.connect(self._save)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._fill())
        self.resize(self.fontMetrics().horizontalAdvance("国") * 64, self.fontMetrics().height() * 34)
        self.reload()

    def reload(self, then: str = "") -> None:
        """Read the period rules (read pool); select template ``then`` when they arrive."""
        notices = self._env.ctx.notices

        def show(rules_list: list[PeriodRule]) -> None:
            rules = {r.template: r for r in rules_list}
            rows = []
            for t in notices.templates():
                rule = rules.get(t.key)
                rows.append(
                    PeriodRow(
                        t.key,
                        t.name,
                        rule.min_days if rule else None,
                        rule.unit if rule else UNIT_CALENDAR,
                        rule.basis if rule else "",
                        rule.updated_by if rule else "",
                    )
                )
            self.model.set_rows(rows)
            self.view.resizeRowsToContents()
            if then:
                self.select(then)
            self._fill()

        self._env.ops.read(self, notices.period_rules, show, key="rules")

    def selected(self) -> PeriodRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.proxy.object_at(rows[0].row()) if rows else None

    def select(self, template: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.object_at(row).template == template:
                self.view.selectRow(row)
                return

    def _fill(self) -> None:
        row = self.selected()
        for w in (self.days, self.unit_box, self.basis_edit, self.save_button):
            w.setEnabled(row is not None)
        if row is None:
            self.template_label.setText(self.tr("请先在上表选中一个模板。"))
            return
        self.template_label.setText(row.name)
        self.days.setValue(row.min_days or 7)
        self.unit_box.setCurrentIndex(max(self.unit_box.findData(row.unit), 0))
        self.basis_edit.setPlainText(row.basis)

    def _save(self) -> None:
        row = self.selected()
        if row is None:
            return
        notices, user = self._env.ctx.notices, self._env.user
        days, unit = self.days.value(), str(self.unit_box.currentData())
        basis = self.basis_edit.toPlainText().strip()
        # The write announces notice_period_rule (area "notice"): the notices page recomputes checks.
        self._env.ops.write(
            self,
            lambda: notices.set_period_rule(row.template, days, unit, basis, actor=user),
            lambda _rule: self.reload(then=row.template),
        )
