"""Choosing policy documents from another capability's editor (an event, a notice).

``PolicyPickerDialog`` searches the library as you type (``PolicyService.search``: titles, numbers,
pinyin, text) and collects links; a title that is not in the library yet can be kept as an unlinked
title (it links itself to nothing until someone picks the document). ``PolicyLinksField`` is the form row
an editor embeds: the linked titles, marked when unlinked or no longer in force, and a button.
Both read the library through the operations layer (``env.ops.read``), never on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.policies.links import PolicyLink, clean_links
from app.policies.values import DocumentRow
from ui.env import UiEnv

SEARCH_DELAY_MS = 150


def row_text(row: DocumentRow) -> str:
    extra = f"（{row.validity_label}）" if not row.current else ""
    return "　".join(p for p in (f"《{row.title}》{extra}", row.doc_number, row.issuer) if p)


class PolicyPickerDialog(QDialog):
    """Search the library and collect documents; ``links()`` after ``accept``."""

    def __init__(self, env: UiEnv, chosen: Sequence[PolicyLink] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._library = env.ctx.policies
        self._links = list(chosen)
        self.setWindowTitle(self.tr("选择政策文件"))
        self.resize(820, 620)
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("输入标题、文号或拼音首字母查找，如 低保、历城政发〔2024〕21号")
        )
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.results = QListWidget()
        layout.addWidget(self.results, 3)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("添加所选 ↓"))
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("文件库中还没有的文件：写下标题，以后再关联"))
        self.add_title_button = QPushButton(self.tr("添加标题"))
        row.addWidget(self.add_button)
        row.addWidget(self.title_edit, 1)
        row.addWidget(self.add_title_button)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("已选：")))
        self.chosen = QListWidget()
        layout.addWidget(self.chosen, 2)
        self.remove_button = QPushButton(self.tr("移除所选"))
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.search.textChanged.connect(self.timer.start)
        self.timer.timeout.connect(self.refresh)
        self.add_button.clicked.connect(self.add_selected)
        self.results.itemDoubleClicked.connect(lambda _i: self.add_selected())
        self.add_title_button.clicked.connect(self.add_title)
        self.remove_button.clicked.connect(self.remove_selected)
        self._show_chosen()
        self.refresh()

    def refresh(self) -> None:
        """Search the library for what is typed, on the read pool (the last answer wins)."""
        query, library = self.search.text().strip(), self._library

        def work() -> list[DocumentRow]:
            return [h.row for h in library.search(query, limit=100)] if query else library.list(limit=100)

        self._env.ops.read(self, work, self._show_results, key="search", loading=self.results)

    def _show_results(self, rows: list[DocumentRow]) -> None:
        self.results.clear()
        for r in rows:
            item = QListWidgetItem(row_text(r))
            item.setData(Qt.ItemDataRole.UserRole, (r.uuid, r.title))
            self.results.addItem(item)

    def add_selected(self) -> None:
        for item in self.results.selectedItems():
            uuid, title = item.data(Qt.ItemDataRole.UserRole)
            self._links.append(PolicyLink(uuid, title))
        self._show_chosen()

    def add_title(self) -> None:
        if self.title_edit.text().strip():
            self._links.append(PolicyLink("", self.title_edit.text().strip().strip("《》")))
            self.title_edit.clear()
        self._show_chosen()

    def remove_selected(self) -> None:
        gone = {self.chosen.row(i) for i in self.chosen.selectedItems()}
        self._links = [link for i, link in enumerate(self._links) if i not in gone]
        self._show_chosen()

    def _show_chosen(self) -> None:
        self._links = clean_links(self._links)
        self.chosen.clear()
        for link in self._links:
            mark = "" if link.linked else self.tr("（未关联文件库）")
            self.chosen.addItem(f"《{link.title}》{mark}")

    def links(self) -> tuple[PolicyLink, ...]:
        return tuple(self._links)


class PolicyLinksField(QWidget):
    """An editor's "相关政策" row: the linked documents and a button to choose them.

    Signals:
        changed: the links changed.
    """

    changed = Signal()

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._links: tuple[PolicyLink, ...] = ()
        self._rows: dict[str, DocumentRow] = {}
        self._answered: tuple[PolicyLink, ...] = ()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.button = QPushButton(self.tr("选择文件…"))
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self.button.clicked.connect(self.choose)
        self._show()

    def links(self) -> tuple[PolicyLink, ...]:
        return self._links

    def set_links(self, links: Sequence[PolicyLink]) -> None:
        self._links = wanted = tuple(clean_links(links))
        self._show()
        library = self._env.ctx.policies
        self._env.ops.read(
            self,
            lambda: {r.uuid: r for r in library.rows([link.uuid for link in wanted if link.linked])},
            lambda rows: self._arrived(wanted, rows),
            key="lines",
        )
        self.changed.emit()

    def _arrived(self, wanted: tuple[PolicyLink, ...], rows: dict[str, DocumentRow]) -> None:
        self._rows, self._answered = rows, wanted
        self._show()

    def lines(self) -> list[str]:
        """One line per link: the title, marked when not in the library or no longer in force (as last read)."""
        out = []
        for link in self._links:
            row = self._rows.get(link.uuid)
            if not link.linked:
                out.append(f"《{link.title}》" + self.tr("（未关联文件库）"))
            elif row is None and self._answered != self._links:
                out.append(f"《{link.title}》")  # its state is on its way
            elif row is None:
                out.append(f"《{link.title}》" + self.tr("（本机文件库中暂无）"))
            else:
                out.append(f"《{row.title}》" + ("" if row.current else f"（{row.validity_label}）"))
        return out

    def _show(self) -> None:
        lines = self.lines()
        self.label.setText("\n".join(f"• {line}" for line in lines) if lines else self.tr("未关联政策文件"))
        self.button.setText(self.tr("更改…") if lines else self.tr("选择文件…"))

    def choose(self) -> None:
        self.dialog = PolicyPickerDialog(self._env, self._links, self)
        self.dialog.accepted.connect(lambda: self.set_links(self.dialog.links()))
        self.dialog.open()
