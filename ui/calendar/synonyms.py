"""The event-type synonym table: which CATEGORIES names in calendar files mean which event type.

``SynonymDialog`` shows a ``SynonymTable`` read by the page off the GUI thread. Whether it can be
changed comes with the table (``EventService.may_edit_synonyms``): an administrator adds, changes
and removes names and saves the whole table as one change on the writer thread; anyone else sees
the same table read-only, so a clerk can tell why a file's 开放日活动 became 政府开放日/开放月.
A rejected save is shown in the dialog, which stays open with what was typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import GongkaiError
from app.events import SynonymTable
from ui.crash import show_error
from ui.discard import AsksBeforeDiscard
from ui.table_model import Column, RecordTableModel
from ui.tasks import TaskRunner

Pair = tuple[str, str]


class SynonymDialog(AsksBeforeDiscard, QDialog):
    """See the module docstring. ``save`` runs on the writer thread; the dialog closes when it succeeds."""

    def __init__(
        self,
        table: SynonymTable,
        save: Callable[[list[Pair]], None],
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._table = table
        self._save = save
        self._tasks = tasks
        self.setWindowTitle(self.tr("活动类型同义词"))
        self.resize(680, 560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "导入其他单位的日历文件时，活动的分类（CATEGORIES）写法各不相同。"
                "左边的写法会按右边的活动类型导入；表中没有的写法按“其他活动”导入，并在导入结果中提示。"
            )
            + (
                ""
                if table.editable
                else "\n" + self.tr("只有管理员可以修改此表；如需增加写法，请联系本站点管理员。")
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.model: RecordTableModel[Pair] = RecordTableModel(
            [
                Column(self.tr("日历文件中的写法"), lambda p: p[0]),
                Column(self.tr("导入为活动类型"), lambda p: table.label(p[1])),
            ],
            "SynonymDialog",
            self,
        )
        self.model.set_rows(list(table.pairs))
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view, 1)

        form = QHBoxLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("写法，如：开放日活动"))
        self.type_combo = QComboBox()
        for key, label in table.types:
            self.type_combo.addItem(label, key)
        self.add_button = QPushButton(self.tr("添加"))
        self.change_button = QPushButton(self.tr("修改所选"))
        self.remove_button = QPushButton(self.tr("删除所选"))
        form.addWidget(self.name_edit, 2)
        form.addWidget(QLabel("→"))
        form.addWidget(self.type_combo, 2)
        for b in (self.add_button, self.change_button, self.remove_button):
            form.addWidget(b)
        self.form = QWidget()
        self.form.setLayout(form)
        self.form.setVisible(table.editable)
        layout.addWidget(self.form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)

        if table.editable:
            self.buttons = QDialogButtonBox(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            )
            self.save_button: QPushButton | None = self.buttons.button(QDialogButtonBox.StandardButton.Save)
            assert self.save_button is not None
            self.save_button.setText(self.tr("保存"))
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        else:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            self.save_button = None
            self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.add_button.clicked.connect(self.add_from_form)
        self.name_edit.returnPressed.connect(self.add_from_form)
        self.change_button.clicked.connect(self.change_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self._on_selection()

    def pairs(self) -> list[Pair]:
        return self.model.rows()

    def has_changes(self) -> bool:
        """The table differs from the saved one (the form box only mirrors the selected row)."""
        return self.pairs() != list(self._table.pairs)

    def _selected_row(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _on_selection(self) -> None:
        row = self._selected_row()
        self.change_button.setEnabled(row is not None)
        self.remove_button.setEnabled(row is not None)
        if row is not None:
            name, key = self.model.row_at(row)
            self.name_edit.setText(name)
            self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(key)))

    def _form_pair(self, replacing: int | None) -> Pair | None:
        name = self.name_edit.text().strip()
        if not name:
            self.message.setText(self.tr("请填写日历文件中的写法。"))
            return None
        others = [p[0] for i, p in enumerate(self.pairs()) if i != replacing]
        if name in others:
            self.message.setText(self.tr("表中已有这个写法；要改它对应的类型，请选中它后点“修改所选”。"))
            return None
        self.message.clear()
        return name, str(self.type_combo.currentData())

    def add_from_form(self) -> None:
        pair = self._form_pair(None)
        if pair is None:
            return
        rows = self.pairs() + [pair]
        self.model.set_rows(rows)
        self.view.selectRow(len(rows) - 1)
        self.view.scrollToBottom()
        self.name_edit.clear()
        self.name_edit.setFocus()

    def change_selected(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        pair = self._form_pair(row)
        if pair is None:
            return
        rows = self.pairs()
        rows[row] = pair
        self.model.set_rows(rows)
        self.view.selectRow(row)

    def remove_selected(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        rows = self.pairs()
        del rows[row]
        self.model.set_rows(rows)
        self.view.clearSelection()
        self.name_edit.clear()
        self._on_selection()

    def _on_save(self) -> None:
        if self.save_button is None:
            self.accept()
            return
        pairs = self.pairs()
        self.save_button.setEnabled(False)
        self.message.setText(self.tr("正在保存…"))
        self._tasks.run(lambda: self._save(pairs), lambda _: self.accept(), self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        assert self.save_button is not None
        self.save_button.setEnabled(True)
        if isinstance(exc, GongkaiError):
            self.message.setText(str(exc))  # the service's message, with each problem row
        else:
            self.message.clear()
            show_error(self, exc)
