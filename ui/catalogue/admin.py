"""Catalogue settings an administrator keeps: the synonym table and whether a domain applies here.

Both dialogs are handed a ``save`` callable (the page binds it to a write through the operations
layer with the signed-in user). The write runs off the GUI thread: the page closes the dialog when it
succeeded; a refusal is shown and the dialog stays open with what was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.catalogue import DomainView
from ui.discard import AsksBeforeDiscard
from ui.table_model import Column, RecordTableModel, SortFilterProxy

Pair = tuple[str, str]
Index = QModelIndex | QPersistentModelIndex


class SynonymModel(RecordTableModel[Pair]):
    """The synonym pairs, editable in place (double-click a cell), with rows added and removed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [Column("简称或俗称", lambda p: p[0]), Column("全称（目录中的写法）", lambda p: p[1])],
            "CatalogueAdmin",
            parent,
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole:
            role = Qt.ItemDataRole.DisplayRole
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        text = str(value or "").strip()
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not text:
            return False
        short, full = self.row_at(index.row())
        self._rows[index.row()] = (text, full) if index.column() == 0 else (short, text)
        self.dataChanged.emit(index, index)
        return True

    def append(self, pair: Pair) -> None:
        n = self.rowCount()
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(pair)
        self.endInsertRows()

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()


class SynonymDialog(AsksBeforeDiscard, QDialog):
    """Edit the abbreviations search understands (低保 → 最低生活保障); saved as one change."""

    def __init__(
        self, pairs: Sequence[Pair], save: Callable[[list[Pair]], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle(self.tr("同义词表"))
        self.resize(720, 620)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "搜索时输入左边的简称或俗称，也能找到写着右边全称的事项。"
                "例如输入“低保”可以找到“最低生活保障”。双击单元格可修改。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("在同义词中查找"))
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        self.model = SynonymModel(self)
        self.model.set_rows(list(pairs))
        self.proxy = SortFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)  # the table's own order until a header is clicked
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view, 1)

        add_row = QHBoxLayout()
        self.short_edit = QLineEdit()
        self.short_edit.setPlaceholderText(self.tr("简称，如：低保"))
        self.full_edit = QLineEdit()
        self.full_edit.setPlaceholderText(self.tr("全称，如：最低生活保障"))
        self.add_button = QPushButton(self.tr("添加"))
        self.remove_button = QPushButton(self.tr("删除所选"))
        add_row.addWidget(self.short_edit, 1)
        add_row.addWidget(QLabel("→"))
        add_row.addWidget(self.full_edit, 2)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.remove_button)
        layout.addLayout(add_row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.filter.textChanged.connect(self._on_filter)
        self.add_button.clicked.connect(self.add_from_form)
        self.full_edit.returnPressed.connect(self.add_from_form)
        self.remove_button.clicked.connect(self.remove_selected)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def pairs(self) -> list[Pair]:
        return self.model.rows()

    def _on_filter(self, text: str) -> None:
        needle = text.strip().lower()
        self.proxy.set_predicate(
            (lambda p: needle in p[0].lower() or needle in p[1].lower()) if needle else None
        )

    def add_from_form(self) -> None:
        short, full = self.short_edit.text().strip(), self.full_edit.text().strip()
        if not short or not full:
            self.message.setText(self.tr("简称和全称都要填写。"))
            return
        if short == full:
            self.message.setText(self.tr("简称和全称不能相同。"))
            return
        if (short, full) in self.model.rows():
            self.message.setText(self.tr("表中已有这一对同义词。"))
            return
        self.model.append((short, full))
        self.message.clear()
        self.short_edit.clear()
        self.full_edit.clear()
        self.short_edit.setFocus()
        self.filter.clear()
        self.view.scrollToBottom()

    def remove_selected(self) -> None:
        rows = sorted(
            {self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()}, reverse=True
        )
        for row in rows:
            self.model.remove(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.view.selectionModel().selectedRows()))

    def _on_save(self) -> None:
        self._save(self.pairs())


class DomainDialog(AsksBeforeDiscard, QDialog):
    """Whether a domain applies to this site; a domain that does not (未涉及领域) needs the reason."""

    def __init__(
        self, domain: DomainView, save: Callable[[bool, str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle(self.tr("领域适用情况"))
        self.resize(560, 360)
        form = QFormLayout(self)
        name = QLabel(f"{domain.code} {domain.name}")
        name.setWordWrap(True)
        form.addRow(self.tr("领域"), name)
        if domain.lead_department:
            lead = QLabel(domain.lead_department)
            lead.setWordWrap(True)
            form.addRow(self.tr("牵头部门"), lead)
        self.applicable = QRadioButton(self.tr("适用：本站点涉及这个领域"))
        self.not_applicable = QRadioButton(self.tr("不适用：本站点未涉及这个领域"))
        (self.applicable if domain.applicable else self.not_applicable).setChecked(True)
        choice = QVBoxLayout()
        choice.addWidget(self.applicable)
        choice.addWidget(self.not_applicable)
        form.addRow(self.tr("适用情况"), choice)
        self.reason = QPlainTextEdit(domain.not_applicable_reason)
        self.reason.setPlaceholderText(self.tr("写明不涉及的原因，如：本街道无农村集体土地，不涉及征地补偿"))
        self.reason.setMinimumHeight(self.fontMetrics().height() * 4)
        form.addRow(self.tr("不适用原因"), self.reason)
        note = QLabel(self.tr("标为不适用后，这个领域的事项仍然保留，但不再提醒逾期。"))
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.applicable.toggled.connect(self._update)
        self._update()

    def values(self) -> tuple[bool, str]:
        applicable = self.applicable.isChecked()
        return applicable, "" if applicable else self.reason.toPlainText().strip()

    def _update(self) -> None:
        self.reason.setEnabled(self.not_applicable.isChecked())

    def _on_save(self) -> None:
        self._save(*self.values())
