"""A generic read-only table model over a list of plain row values, and its sorting proxy.

Every table in Gongkai is a ``RecordTableModel`` (or a subclass) behind a ``SortFilterProxy``:
columns are declared once with a header (source text translated in the model's context), a display
function and an optional sort key; ``ObjectRole`` returns the row value itself so selection works
through the proxy without index bookkeeping.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

T = TypeVar("T")

ObjectRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    display: Callable[[T], str]
    sort_key: Callable[[T], Any] | None = None
    tooltip: Callable[[T], str] | None = None
    alignment: Qt.AlignmentFlag | None = None


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """Rows of ``T`` shown through declared columns."""

    def __init__(
        self,
        columns: Sequence[Column[T]],
        context: str = "Table",
        parent: QObject | None = None,
        *,
        row_colour: Callable[[T], QColor | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._context = context
        self._rows: list[T] = []
        self._row_colour = row_colour

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self._context, self._columns[section].header)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == ObjectRole:
            return row
        if role == SortRole:
            return column.sort_key(row) if column.sort_key else column.display(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.alignment is not None:
            return int(column.alignment | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self._row_colour is not None:
            return self._row_colour(row)
        return None


class SortFilterProxy(QSortFilterProxyModel):
    """Sorts on ``SortRole`` values compared in Python (None last), filters with a predicate."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._predicate: Callable[[Any], bool] | None = None

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        if hasattr(self, "endFilterChange"):  # Qt >= 6.10 deprecates invalidateFilter()
            self.beginFilterChange()
            self._predicate = predicate
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._predicate = predicate
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if self._predicate is None:
            return True
        model = self.sourceModel()
        value = model.data(model.index(source_row, 0, source_parent), ObjectRole)
        return bool(self._predicate(value))

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        a = left.data(SortRole)
        b = right.data(SortRole)
        if a is None:
            return False
        if b is None:
            return True
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)

    def object_at(self, proxy_row: int) -> Any:
        return self.index(proxy_row, 0).data(ObjectRole)
