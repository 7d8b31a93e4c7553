"""The generic table model and proxy pass Qt's model tester and sort in Python."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from ui.table_model import Column, ObjectRole, RecordTableModel, SortFilterProxy


@dataclass(frozen=True)
class Row:
    name: str
    size: int | None


def make() -> tuple[RecordTableModel[Row], SortFilterProxy]:
    model: RecordTableModel[Row] = RecordTableModel(
        [Column("名称", lambda r: r.name), Column("大小", lambda r: str(r.size), lambda r: r.size)]
    )
    model.set_rows([Row("乙", 3_000_000_000), Row("甲", None), Row("丙", 2)])
    proxy = SortFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def test_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model, proxy = make()
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)


def test_sort_handles_big_ints_and_none(qapp) -> None:  # type: ignore[no-untyped-def]
    _, proxy = make()
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert [proxy.object_at(r).name for r in range(3)] == ["丙", "乙", "甲"]


def test_predicate_filter(qapp) -> None:  # type: ignore[no-untyped-def]
    _, proxy = make()
    proxy.set_predicate(lambda r: r.size is not None)
    assert proxy.rowCount() == 2
    assert proxy.index(0, 0).data(ObjectRole).name in {"乙", "丙"}
