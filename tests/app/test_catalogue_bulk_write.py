"""The bulk write path (app.catalogue.writes): imports write what single edits write, all-or-nothing."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.catalogue import ItemData, files
from app.catalogue.layout import HEADER1, HEADER2
from app.context import AppContext
from app.errors import InputError
from app.users import Role
from tests.app.test_catalogue_import import row, write_csv

COLUMNS = (
    "origin, status, seq, level1, level2, level3, content, basis, time_limit, publisher, channels, "
    "extra_channels, audience, audience_group, modes, tiers, rule, pinyin_full, pinyin_initials, changed_on"
)


@pytest.fixture
def seeded(ctx: AppContext) -> AppContext:
    ctx.catalogue.seed_bundled(actor="test")
    return ctx


def item_row(ctx: AppContext, level2: str) -> dict[str, object]:
    with sqlite3.connect(ctx.paths.database) as conn:
        conn.row_factory = sqlite3.Row
        r = conn.execute(
            f"SELECT uuid, created_at, updated_at, {COLUMNS} FROM catalogue_item WHERE level2 = ?", (level2,)
        ).fetchone()
    return dict(r)


def test_imported_item_has_every_derived_column_like_a_typed_one(seeded: AppContext, tmp_path: Path) -> None:
    """An imported site item and the same item typed in by an admin store the same columns."""
    admin = seeded.users.add("adm", frozenset({Role.ADMIN}), "secret1")
    path = write_csv(tmp_path / "site.csv", [row("村务公开", "村级事务", "低保评议会议记录")])
    seeded.catalogue.import_file(path, actor="t")
    typed = ItemData(
        domain="村务公开", level1="村级事务", level2="低保评议会议纪要", content="名单及相关信息",
        basis="《中华人民共和国政府信息公开条例》", time_limit="信息形成或者变更之日起20个工作日内",
        publisher="乡镇人民政府(街道办事处)", channels=("政府网站", "社区/企事业单位/村公示栏(电子屏)"),
        modes=("proactive",), tiers=("township", "village"),
    )  # fmt: skip
    seeded.catalogue.add_item(admin, typed)
    imported, added = item_row(seeded, "低保评议会议记录"), item_row(seeded, "低保评议会议纪要")
    assert imported["uuid"] and imported["uuid"] != added["uuid"]
    assert imported["created_at"] and imported["updated_at"]
    assert json.loads(str(imported["rule"])) == {"kind": "workdays", "n": 20}
    assert imported["pinyin_initials"] == "cjsw|dbpyhyjl"
    assert imported["changed_on"] == date(2025, 9, 26).isoformat()
    same = ("uuid", "level2", "pinyin_full", "pinyin_initials", "seq", "created_at", "updated_at")
    assert {k: v for k, v in imported.items() if k not in same} == {
        k: v for k, v in added.items() if k not in same
    }
    # it is searchable by initials and has one revision, like the typed one
    hit = seeded.catalogue.search("dbpyhyjl")[0]
    assert hit.uuid == imported["uuid"] and [h.change for h in seeded.catalogue.history(hit.uuid)] == [
        "added"
    ]


def test_a_large_import_with_one_bad_row_writes_nothing(seeded: AppContext, tmp_path: Path) -> None:
    rows = [row("村务公开", "村级事务", f"第{n}次村民议事会议记录") for n in range(400)]
    rows.insert(250, row("村务公开", "村级事务", "坏行", strip="■信鸽"))
    path = write_csv(tmp_path / "many.csv", rows)
    with sqlite3.connect(seeded.paths.database) as conn:
        before = conn.execute("SELECT count(*) FROM catalogue_item").fetchone()
    with pytest.raises(InputError) as exc:
        seeded.catalogue.import_file(path, actor="t")
    assert "第 253 行" in str(exc.value) and "信鸽" in str(exc.value)
    with sqlite3.connect(seeded.paths.database) as conn:
        assert conn.execute("SELECT count(*) FROM catalogue_item").fetchone() == before
        assert conn.execute("SELECT count(*) FROM catalogue_item_revision").fetchone() == before
    rows.pop(250)
    result = seeded.catalogue.import_file(write_csv(tmp_path / "many.csv", rows), actor="t")
    assert len(result.added) == 400 and len(seeded.catalogue.items()) == 283 + 400


def test_reimport_changes_and_retires_in_bulk(seeded: AppContext, tmp_path: Path) -> None:
    """A city file re-imported with changed rows updates them in place (same UUIDs) and retires the rest."""
    first = [row("社会救助", "临时救助", f"急难救助第{n}批") for n in range(30)]
    seeded.catalogue.import_file(write_csv(tmp_path / "a.csv", first), actor="t", origin="district")
    before = {i.data.level2: i.uuid for i in seeded.catalogue.items(origin="district")}
    second = [row("社会救助", "临时救助", f"急难救助第{n}批", content="名单、金额") for n in range(20)]
    result = seeded.catalogue.import_file(write_csv(tmp_path / "b.csv", second), actor="t", origin="district")
    assert (len(result.added), len(result.changed), len(result.retired)) == (0, 20, 10)
    after = {i.data.level2: i for i in seeded.catalogue.items(origin="district")}
    assert {k: v.uuid for k, v in after.items()} == {k: before[k] for k in after}
    assert {v.data.content for v in after.values()} == {"名单、金额"}
    retired = seeded.catalogue.get(before["急难救助第25批"])
    assert retired.status == "retired" and retired.version == result.version


def test_formula_detection_per_sheet(tmp_path: Path) -> None:
    """A sheet without formulas is read value by value; one with a formula still reports the cell."""
    wb = Workbook()
    plain = wb.active
    plain.title = "甲"
    for r in (HEADER1, HEADER2, row("社会救助", "临时救助", "=文字")):
        plain.append(list(r))
    plain["D3"].data_type = "s"  # a string that merely starts with "=", as Excel stores '=文字
    other = wb.create_sheet("乙")
    other.append(["合计", "=SUM(1,2)"])
    wb.save(tmp_path / "two.xlsx")
    a, b = files.read_sheets(tmp_path / "two.xlsx")
    assert a.rows[2][3] == "=文字" and not a.formulas
    assert b.formulas == {(1, 2)} and b.rows[0] == ["合计", "=SUM(1,2)"]
