"""Choosing catalogue items from another capability's editor (a notice, an event).

``CataloguePickerDialog`` searches the catalogue as you type (Chinese, pinyin, initials, synonyms, via
``CatalogueService.search``) and returns the chosen items' UUIDs. ``CatalogueLinksField`` is the form
row an editor embeds: the linked items' titles (领域：一级 › 二级) and a button that opens the picker.
Both read the catalogue through the operations layer (``env.ops.read``), never on the GUI thread: a
search answer arrives after the typing pause, the linked titles just after the links are set.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
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

from app.catalogue import CatalogueItemView
from ui.env import UiEnv
from ui.table_model import Column, RecordTableModel, SortFilterProxy

SEARCH_DELAY_MS = 150
RESULT_LIMIT = 200


def item_label(item: CatalogueItemView) -> str:
    """An item's title as staff say it: 一级 › 二级 (› 三级)."""
    return " › ".join(p for p in (item.data.level1, item.data.level2, item.data.level3) if p)


def _columns() -> list[Column[CatalogueItemView]]:
    return [
        Column("领域", lambda v: v.data.domain, lambda v: (v.domain_code, v.seq)),
        Column("事项", item_label, tooltip=lambda v: f"{item_label(v)}\n{v.data.content}"),
    ]


def _table(proxy: SortFilterProxy) -> QTableView:
    view = QTableView()
    view.setModel(proxy)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


class CataloguePickerDialog(QDialog):
    """Search the catalogue and collect items; ``chosen_uuids()`` after ``accept``."""

    def __init__(self, env: UiEnv, chosen: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._catalogue = env.ctx.catalogue
        self.setWindowTitle(self.tr("选择目录事项"))
        self.resize(860, 680)
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("输入事项名称、拼音或首字母查找，如 低保、zdshbz"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)

        self.results: RecordTableModel[CatalogueItemView] = RecordTableModel(
            _columns(), "CataloguePicker", self
        )
        self.results_proxy = SortFilterProxy(self)
        self.results_proxy.setSourceModel(self.results)
        self.results_view = _table(self.results_proxy)
        layout.addWidget(self.results_view, 3)

        middle = QHBoxLayout()
        self.hint = QLabel()
        middle.addWidget(self.hint, 1)
        self.add_button = QPushButton(self.tr("添加所选 ↓"))
        self.remove_button = QPushButton(self.tr("移除所选"))
        middle.addWidget(self.add_button)
        middle.addWidget(self.remove_button)
        layout.addLayout(middle)

        self.chosen_label = QLabel()
        layout.addWidget(self.chosen_label)
        self.chosen: RecordTableModel[CatalogueItemView] = RecordTableModel(
            _columns(), "CataloguePicker", self
        )
        self.chosen_proxy = SortFilterProxy(self)
        self.chosen_proxy.setSourceModel(self.chosen)
        self.chosen_view = _table(self.chosen_proxy)
        layout.addWidget(self.chosen_view, 2)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        # Until the chosen items are read, every link counts as unknown (kept, never dropped).
        self._unknown = list(dict.fromkeys(chosen))
        wanted, catalogue = tuple(self._unknown), self._catalogue
        env.ops.read(self, lambda: catalogue.items_by_uuid(wanted), self._show_chosen, key="chosen")

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.search.textChanged.connect(self.timer.start)
        self.timer.timeout.connect(self.refresh)
        self.add_button.clicked.connect(self.add_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.results_view.doubleClicked.connect(lambda _i: self.add_selected())
        self.chosen_view.doubleClicked.connect(lambda _i: self.remove_selected())
        self.results_view.selectionModel().selectionChanged.connect(self._update)
        self.chosen_view.selectionModel().selectionChanged.connect(self._update)
        self.refresh()

    def _show_chosen(self, found: dict[str, CatalogueItemView]) -> None:
        # Links to items the catalogue does not know (an imported draft) are kept, not silently dropped.
        wanted = self._unknown
        self._unknown = [u for u in wanted if u not in found]
        self.chosen.set_rows(self.chosen.rows() + [found[u] for u in wanted if u in found])
        self._filter_results()

    def refresh(self) -> None:
        """Run the search box's query now, on the read pool (typing runs it after a short pause)."""
        query, catalogue = self.search.text().strip(), self._catalogue
        self._env.ops.read(
            self,
            lambda: catalogue.search(query, RESULT_LIMIT) if query else catalogue.items(),
            lambda rows: self._show_results(query, rows),
            key="search",
            loading=self.results_view,
        )

    def _show_results(self, query: str, rows: list[CatalogueItemView]) -> None:
        self.results.set_rows(rows)
        self._filter_results()
        shown = str(self.results_proxy.rowCount())  # already chosen items are not offered again
        if query and not rows:
            self.hint.setText(self.tr("没有找到，换个说法试试（如简称、拼音首字母）"))
        elif query:
            self.hint.setText(self.tr("找到 %1 项，双击或点“添加所选”").replace("%1", shown))
        else:
            self.hint.setText(self.tr("共 %1 项，输入文字可以查找").replace("%1", shown))

    def _filter_results(self) -> None:
        taken = set(self.chosen_uuids())
        self.results_proxy.set_predicate(lambda v: v.uuid not in taken)
        self.chosen_label.setText(self.tr("已选 %1 项：").replace("%1", str(self.chosen.rowCount())))
        self._update()

    def _selected(self, view: QTableView, proxy: SortFilterProxy) -> list[CatalogueItemView]:
        rows: list[QModelIndex] = view.selectionModel().selectedRows()
        return [proxy.object_at(i.row()) for i in sorted(rows, key=lambda i: i.row())]

    def add_selected(self) -> None:
        picked = self._selected(self.results_view, self.results_proxy)
        if picked:
            self.chosen.set_rows(self.chosen.rows() + picked)
            self._filter_results()

    def remove_selected(self) -> None:
        gone = {v.uuid for v in self._selected(self.chosen_view, self.chosen_proxy)}
        if gone:
            self.chosen.set_rows([v for v in self.chosen.rows() if v.uuid not in gone])
            self._filter_results()

    def _update(self) -> None:
        self.add_button.setEnabled(self.results_view.selectionModel().hasSelection())
        self.remove_button.setEnabled(self.chosen_view.selectionModel().hasSelection())

    def chosen_uuids(self) -> tuple[str, ...]:
        """The chosen items in the order they were added (unknown links kept at the end)."""
        return tuple(v.uuid for v in self.chosen.rows()) + tuple(self._unknown)


class CatalogueLinksField(QWidget):
    """An editor's "目录事项" row: the linked items' titles and a button to choose them."""

    changed = Signal()

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._uuids: tuple[str, ...] = ()
        self._found: dict[str, CatalogueItemView] = {}
        self._answered: tuple[str, ...] = ()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.button = QPushButton(self.tr("选择事项…"))
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self.button.clicked.connect(self.choose)
        self._show()

    def uuids(self) -> tuple[str, ...]:
        return self._uuids

    def set_uuids(self, uuids: Sequence[str]) -> None:
        self._uuids = tuple(dict.fromkeys(uuids))
        self._show()
        catalogue, wanted = self._env.ctx.catalogue, self._uuids
        self._env.ops.read(
            self,
            lambda: catalogue.items_by_uuid(wanted),
            lambda found: self._arrived(wanted, found),
            key="lines",
        )
        self.changed.emit()

    def _arrived(self, wanted: tuple[str, ...], found: dict[str, CatalogueItemView]) -> None:
        self._found, self._answered = found, wanted
        self._show()

    def lines(self) -> list[str]:
        """What the field shows, one line per linked item (领域：一级 › 二级), as last read."""
        out = []
        for u in self._uuids:
            item = self._found.get(u)
            if item is None and not self._settled():
                out.append(self.tr("正在加载…"))
                continue
            if item is None:
                out.append(self.tr("目录中找不到的事项（%1）").replace("%1", u[:8]))
                continue
            retired = self.tr("（已停用）") if item.status == "retired" else ""
            out.append(f"{item.data.domain}：{item_label(item)}{retired}")
        return out

    def _settled(self) -> bool:
        """The last read answered for the links now set (an unknown link is then really unknown)."""
        return self._answered == self._uuids

    def _show(self) -> None:
        lines = self.lines()
        self.label.setText("\n".join(f"• {line}" for line in lines) if lines else self.tr("未关联目录事项"))
        self.button.setText(self.tr("更改…") if lines else self.tr("选择事项…"))

    def choose(self) -> None:
        """Open the picker (window-modal); the choice replaces the links on 确定."""
        self.dialog = CataloguePickerDialog(self._env, self._uuids, self)
        self.dialog.accepted.connect(lambda: self.set_uuids(self.dialog.chosen_uuids()))
        self.dialog.open()
