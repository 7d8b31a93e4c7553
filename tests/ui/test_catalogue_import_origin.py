"""Choosing what an imported workbook is (市级 / 区县级 / 本站点) in the import preview: each choice is
dry-run again, and what a city file would retire is spelled out before anything is confirmed."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.users import Role
from ui.catalogue.dialogs import ImportPreviewDialog
from ui.env import UiEnv
from ui.pages.catalogue_page import CataloguePage

pytestmark = pytest.mark.gui


def city_file_without_last(ui_env: UiEnv, tmp_path: Path, drop: int) -> tuple[Path, list[str]]:
    """The bundled (city) catalogue as exported, minus its last ``drop`` items."""
    full = tmp_path / "full.csv"
    ui_env.ctx.catalogue.export_file(full)
    with full.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    dropped = [r[3] or r[2] for r in rows[-drop:]]
    path = tmp_path / "市级目录.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows[:-drop])
    return path, dropped


def test_city_choice_shows_what_it_retires_then_imports_as_city(
    qtbot: QtBot, ui_env: UiEnv, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cat = ui_env.ctx.catalogue
    cat.seed_bundled(actor="test")
    path, _ = city_file_without_last(ui_env, tmp_path, 3)
    page = CataloguePage(ui_env)
    qtbot.addWidget(page)
    seen: dict[str, str | int] = {}

    def drive(dialog: ImportPreviewDialog) -> int:
        dialog.show()
        assert list(dialog.origin_buttons) == ["city", "district", "site"]
        assert dialog.origin_buttons["site"].isChecked()
        # As a site file: nothing to retire, and nothing to do (every row is a standard item as is).
        assert "不会停用" in dialog.consequence.text() and dialog.model.rowCount() == 0
        qtbot.mouseClick(dialog.origin_buttons["city"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(dialog.apply_button.isEnabled, timeout=20000)
        kinds = [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]
        seen["kinds"] = ",".join(kinds)
        seen["consequence"] = dialog.consequence.text()
        seen["button"] = dialog.apply_button.text()
        seen["style"] = dialog.consequence.styleSheet()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportPreviewDialog, "exec", drive)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    before = len(cat.versions())
    with qtbot.waitSignal(ui_env.bus.changed, timeout=30000):
        page.import_path(path)
    assert seen["kinds"] == "停用,停用,停用"
    assert "3 项将被停用" in str(seen["consequence"]) and "市级标准" in str(seen["consequence"])
    assert seen["button"] == "确认导入（停用 3 项）" and "#b00020" in str(seen["style"])
    assert len(cat.versions()) == before + 1
    assert len(cat.items(status="active")) == 280


def test_district_choice_that_cannot_apply_says_why(
    qtbot: QtBot, ui_env: UiEnv, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A district file may not change city items: the choice is refused inside the preview."""
    cat = ui_env.ctx.catalogue
    cat.seed_bundled(actor="test")
    path, _ = city_file_without_last(ui_env, tmp_path, 1)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    first = next(i for i, r in enumerate(rows) if r and r[0].isdigit())
    rows[first][8] += "（改）"  # 公开主体 of a city item: not the district's to change
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    page = CataloguePage(ui_env)
    qtbot.addWidget(page)
    seen: dict[str, str] = {}

    def drive(dialog: ImportPreviewDialog) -> int:
        dialog.show()
        qtbot.mouseClick(dialog.origin_buttons["district"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "不能导入" in dialog.consequence.text(), timeout=20000)
        seen["summary"] = dialog.summary.text()
        assert not dialog.apply_button.isEnabled()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ImportPreviewDialog, "exec", drive)
    versions = len(cat.versions())
    page.import_path(path)
    qtbot.waitUntil(lambda: "summary" in seen, timeout=30000)
    assert "市级标准" in seen["summary"]
    assert len(cat.versions()) == versions


def test_only_administrators_choose(ui_env: UiEnv) -> None:
    clerk = ui_env.ctx.users.add("clerk", frozenset({Role.CLERK}), "gongkai123", display_name="李办事员")
    assert ui_env.ctx.catalogue.import_origins(clerk) == ()
    assert ui_env.ctx.catalogue.import_origins(ui_env.user) == ("city", "district", "site")
