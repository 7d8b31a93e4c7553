"""The Today list as one table: section header rows ("已逾期（2）") followed by their items.

A ``RecordTableModel`` over ``Row = SectionRow | TodayItem``: sections are rows too, so the clerk
reads one list top to bottom; the view spans a section row across all columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor, QFont

from app.today import SECTION_TITLES, Section, Severity, TodayItem, TodayList
from ui.i18n import day_text, message_text
from ui.table_model import Column, Index, RecordTableModel

CONTEXT = "TodayPage"


@dataclass(frozen=True)
class SectionRow:
    section: Section
    count: int

    @property
    def text(self) -> str:
        title = QCoreApplication.translate(CONTEXT, SECTION_TITLES[self.section])
        return (
            QCoreApplication.translate(CONTEXT, "%1（%2）")
            .replace("%2", str(self.count))
            .replace("%1", title)
        )


Row = SectionRow | TodayItem

_SECTION_COLOURS = {
    Section.OVERDUE: QColor("#f6d5d3"),
    Section.DUE_TODAY: QColor("#fbe5c8"),
    Section.DUE_SOON: QColor("#fff4cc"),
    Section.EVENTS: QColor("#dbeafb"),
    Section.SYNC: QColor("#e4e4ea"),
    Section.OTHER: QColor("#e8ede8"),
}
_ITEM_COLOURS = {Severity.OVERDUE: QColor("#fdf0ef"), Severity.DUE_TODAY: QColor("#fef6ec")}


def page_title(key: str) -> str:
    """The navigation title of page ``key`` (where the item is handled)."""
    from ui.pages import PAGES  # ui.pages imports this package's page

    for spec in PAGES:
        if spec.key == key:
            return QCoreApplication.translate("Nav", spec.title)
    return key


def _due(row: Row) -> str:
    """The due day in the window's language (QLocale), with the provisional mark."""
    if isinstance(row, SectionRow) or row.due is None:
        return ""
    provisional = QCoreApplication.translate(CONTEXT, "（暂定）") if row.provisional else ""
    return day_text(row.due) + provisional


def item_title(item: TodayItem) -> str:
    return message_text(item.title_message, item.title)


def item_why(item: TodayItem) -> str:
    return message_text(item.why_message, item.why)


def columns() -> list[Column[Row]]:
    return [
        Column("事项", lambda r: r.text if isinstance(r, SectionRow) else item_title(r)),
        Column("为什么在这里（规则和日期）", lambda r: "" if isinstance(r, SectionRow) else item_why(r)),
        Column("期限", _due),
        Column("在哪办理", lambda r: "" if isinstance(r, SectionRow) else page_title(r.page_key)),
    ]


def rows_of(listing: TodayList) -> list[Row]:
    rows: list[Row] = []
    for section, items in listing.by_section():
        rows.append(SectionRow(section, len(items)))
        rows.extend(items)
    return rows


def _colour(row: Row) -> QColor | None:
    if isinstance(row, SectionRow):
        return _SECTION_COLOURS[row.section]
    return _ITEM_COLOURS.get(row.severity)


class TodayListModel(RecordTableModel[Row]):
    """Rows in reading order; section rows bold and tinted, overdue items tinted red."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(columns(), CONTEXT, parent, row_colour=_colour)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.FontRole and index.row() < self.rowCount():
            row = self.row_at(index.row())
            if isinstance(row, SectionRow) or (index.column() == 0 and row.severity is Severity.OVERDUE):
                font = QFont()
                font.setBold(True)
                return font
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole and index.row() < self.rowCount():
            row = self.row_at(index.row())
            if isinstance(row, TodayItem):
                return f"{item_title(row)}\n{item_why(row)}"
        return super().data(index, role)
