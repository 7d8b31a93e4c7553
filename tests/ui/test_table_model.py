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


def test_sorting_is_by_key_in_the_model_and_survives_a_reload(qtbot: object) -> None:
    """Thousands of rows sort by one key each (not a Python comparison per pair on the GUI thread),
    None last either way, and the chosen order is kept when the rows are replaced."""
    from PySide6.QtCore import Qt

    from ui.table_model import Column, RecordTableModel, SortFilterProxy

    model: RecordTableModel[tuple[str, int | None]] = RecordTableModel(
        [Column("名", lambda r: r[0]), Column("数", lambda r: str(r[1]), lambda r: r[1])]
    )
    proxy = SortFilterProxy()
    proxy.setSourceModel(model)
    model.set_rows([("乙", 2), ("甲", None), ("丙", 1)])
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    assert [proxy.object_at(i)[0] for i in range(3)] == ["乙", "丙", "甲"]
    model.set_rows([("丁", 5), ("戊", 3)])
    assert [proxy.object_at(i)[0] for i in range(2)] == ["丁", "戊"]
    proxy.sort(-1)
    model.set_rows([("戊", 3), ("丁", 5)])
    assert [proxy.object_at(i)[0] for i in range(2)] == ["戊", "丁"]
