"""A generic read-only table model over a list of plain row values, and its sorting proxy.

Every table in Gongkai is a ``RecordTableModel`` (or a subclass): small fixed lists behind a
``SortFilterProxy``, lists that grow with the years as a ``PagedTableModel`` (a page at a time
from the service, sorted and filtered in SQL):
columns are declared once with a header (source text translated in the model's context), a display
function and an optional sort key; ``ObjectRole`` returns the row value itself so selection works
through the proxy without index bookkeeping.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QWidget

if TYPE_CHECKING:
    from ui.ops import Operations

T = TypeVar("T")

ObjectRole = Qt.ItemDataRole.UserRole + 1
#: rows a "fit to contents" column measures (``QHeaderView.setResizeContentsPrecision``): Qt's default
#: of 1,000 made the reminder and sync lists of a five-year site measure every row on the GUI thread
FIT_ROWS = 50


def fit_to_contents(header: QHeaderView) -> None:
    """Every column of ``header`` as wide as its contents, measured over the first ``FIT_ROWS`` rows."""
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setResizeContentsPrecision(FIT_ROWS)
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
        self._headers: dict[int, str] = {}
        self._rows: list[T] = []
        self._row_colour = row_colour
        self._sorted: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sorted is not None:
            self._sort_rows(*self._sorted)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by one key per row (Python's sort, not a Python comparison per pair): thousands of
        rows sort in milliseconds; the order is kept when the rows are replaced. Column -1 forgets
        the order (the rows stay as the service gave them next time)."""
        if not 0 <= column < len(self._columns):
            self._sorted = None
            return
        self._sorted = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = [(index, self._rows[index.row()]) for index in self.persistentIndexList() if index.isValid()]
        self._sort_rows(column, order)
        where = {id(row): i for i, row in enumerate(self._rows)}
        for index, row in before:
            self.changePersistentIndex(index, self.index(where[id(row)], index.column()))
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        spec = self._columns[column]
        key_of = spec.sort_key or spec.display
        keyed = [(key_of(row), row) for row in self._rows]
        present = [(k, r) for k, r in keyed if k is not None]
        missing = [r for k, r in keyed if k is None]  # None sorts last either way
        descending = order == Qt.SortOrder.DescendingOrder
        try:
            present.sort(key=lambda kr: kr[0], reverse=descending)
        except TypeError:  # mixed types: compare as text
            present.sort(key=lambda kr: str(kr[0]), reverse=descending)
        self._rows = [r for _, r in present] + missing

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
            # Asked for every section whenever a view sizes its header: translated once.
            header = self._headers.get(section)
            if header is None:
                header = QCoreApplication.translate(self._context, self._columns[section].header)
                self._headers[section] = header
            return header
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
        if predicate is None and self._predicate is None:
            return  # nothing was filtered and nothing is: no pass over every row
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

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A ``RecordTableModel`` sorts itself by key (fast, kept across reloads) and the proxy keeps
        its order; other models are sorted by the proxy (``lessThan``)."""
        source = self.sourceModel()
        if isinstance(source, RecordTableModel) and not isinstance(source, PagedTableModel):
            source.sort(column, order)
            super().sort(-1)
            return
        super().sort(column, order)

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


class PagedTableModel(RecordTableModel[T]):
    """Rows a service reads a page at a time, loaded on the read pool as the view scrolls.

    ``fetch(offset, sort, descending)`` is called on the GUI thread (so it may read the filter
    widgets) and returns the work to run on the read pool, which returns ``(rows, total)``: the
    rows of one page in the order asked, and how many rows match in all. Sorting is the
    service's (SQL ``ORDER BY``): a header click calls ``sort``, which reloads from the first
    page; ``sort_keys[column]`` names the service's sort key (None: the column does not sort).
    Filtering is the service's too: change what ``fetch`` asks for, then ``reload()``.

    Signals: ``page_loaded(int)`` after a page arrived (its offset); ``total_changed(int)``.
    """

    page_loaded = Signal(int)
    total_changed = Signal(int)

    def __init__(
        self,
        columns: Sequence[Column[T]],
        context: str,
        parent: QObject,
        *,
        ops: Operations,
        fetch: Callable[[int, str, bool], Callable[[], tuple[Sequence[T], int]]],
        sort_keys: Sequence[str | None],
        sort: str,
        descending: bool = True,
        loading: QWidget | None = None,
        row_colour: Callable[[T], QColor | None] | None = None,
    ) -> None:
        super().__init__(columns, context, parent, row_colour=row_colour)
        self._ops = ops
        self._fetch = fetch
        self._sort_keys = list(sort_keys)
        self._sort = sort
        self._descending = descending
        self._loading_widget = loading
        self._total = 0
        self._busy = False

    @property
    def total(self) -> int:
        return self._total

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    def reload(self) -> None:
        """Read the first page again (after a filter or a change); the old rows stay until it arrives."""
        self._request(0)

    def _request(self, offset: int) -> None:
        self._busy = True
        work = self._fetch(offset, self._sort, self._descending)
        self._ops.read(
            self,
            work,
            lambda result: self._arrived(offset, result),
            key="page",
            loading=self._loading_widget if offset == 0 else None,
        )

    def _arrived(self, offset: int, result: tuple[Sequence[T], int]) -> None:
        rows, total = result
        self._busy = False
        if offset == 0:
            self.beginResetModel()
            self._rows = list(rows)
            self.endResetModel()
        elif rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        if total != self._total:
            self._total = total
            self.total_changed.emit(total)
        self.page_loaded.emit(offset)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._busy and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if self.canFetchMore(parent):
            self._request(len(self._rows))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self._sort_keys[column] if 0 <= column < len(self._sort_keys) else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._sort, self._descending):
            self._sort, self._descending = key, descending
            self.reload()

    def column_of(self, key: str) -> int:
        return self._sort_keys.index(key) if key in self._sort_keys else -1
