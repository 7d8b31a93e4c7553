"""Admin screens of the catalogue page: the synonym table and a domain's applicability."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from app.users import Role
from tests.ui.conftest import Settle
from ui.bus import DataBus
from ui.catalogue.admin import DomainDialog, SynonymDialog
from ui.env import UiEnv
from ui.pages.catalogue_page import CataloguePage
from ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def page(ui_env: UiEnv, qtbot: QtBot, settle: Settle) -> CataloguePage:
    ui_env.ctx.catalogue.seed_bundled(actor="test")
    p = CataloguePage(ui_env)
    qtbot.addWidget(p)
    p.show()
    settle()
    p.settle = settle  # type: ignore[attr-defined]
    return p


def choose_domain(page: CataloguePage, code: str) -> None:
    root = page.tree_model.item(0)
    node = next(root.child(r) for r in range(root.rowCount()) if root.child(r).text().startswith(code))
    page.tree.setCurrentIndex(node.index())
    page.settle()  # type: ignore[attr-defined]


def test_synonyms_added_edited_removed_and_used_by_search(
    page: CataloguePage, ui_env: UiEnv, qtbot: QtBot
) -> None:
    cat = ui_env.ctx.catalogue
    before = cat.synonyms()
    assert not cat.search("百岁金")
    page.synonyms_button.click()
    page.settle()  # type: ignore[attr-defined]
    dialog = page.synonym_dialog
    assert isinstance(dialog, SynonymDialog) and dialog.model.rowCount() == len(before)
    # adding: both fields are needed, duplicates are refused, a good pair lands at the end
    dialog.short_edit.setText("百岁金")
    dialog.add_button.click()
    assert "都要填写" in dialog.message.text() and dialog.model.rowCount() == len(before)
    dialog.full_edit.setText("高龄津贴")
    dialog.add_button.click()
    assert dialog.model.rows()[-1] == ("百岁金", "高龄津贴") and not dialog.message.text()
    dialog.short_edit.setText(before[0][0])
    dialog.full_edit.setText(before[0][1])
    dialog.add_button.click()
    assert "已有" in dialog.message.text()
    # editing in place through the model (what a double-click editor commits)
    first = dialog.proxy.index(0, 1)
    assert first.flags() & Qt.ItemFlag.ItemIsEditable
    source_row = dialog.proxy.mapToSource(first).row()
    assert dialog.proxy.setData(first, "最低生活保障金")
    assert dialog.model.rows()[source_row][1] == "最低生活保障金"
    # filtering and removing the selected row
    dialog.filter.setText("新农合")
    assert dialog.proxy.rowCount() == 2  # 新农合 stands for two terms
    dialog.view.selectAll()
    dialog.remove_button.click()
    dialog.filter.clear()
    assert not any(short == "新农合" for short, _ in dialog.model.rows())
    with qtbot.waitSignal(ui_env.bus.changed):
        dialog.save_button.click()
    page.settle()  # type: ignore[attr-defined]
    assert not dialog.isVisible()
    saved = cat.synonyms()
    assert ("百岁金", "高龄津贴") in saved and not any(s == "新农合" for s, _ in saved)
    assert len(saved) == len(before) - 1
    assert "高龄津贴" in cat.search("百岁金")[0].title


def test_a_rejected_synonym_table_keeps_the_dialog_open(
    page: CataloguePage, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    page.edit_synonyms()
    page.settle()  # type: ignore[attr-defined]
    dialog = page.synonym_dialog
    first = dialog.proxy.index(0, 0)
    full = dialog.model.rows()[dialog.proxy.mapToSource(first).row()][1]
    dialog.proxy.setData(first, full)  # now short == full
    dialog.save_button.click()
    page.settle()  # type: ignore[attr-defined]
    assert shown and "不相同" in shown[0] and dialog.isVisible()


def test_domain_marked_not_applicable_with_reason_and_back(
    page: CataloguePage, ui_env: UiEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not page.domain_button.isEnabled()  # 全部领域 is no domain
    choose_domain(page, "05")
    assert page.domain_button.isEnabled()
    page.domain_button.click()
    dialog = page.domain_dialog
    assert isinstance(dialog, DomainDialog) and dialog.applicable.isChecked()
    assert not dialog.reason.isEnabled()
    dialog.not_applicable.setChecked(True)
    assert dialog.reason.isEnabled()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    dialog.save_button.click()  # no reason yet
    page.settle()  # type: ignore[attr-defined]
    assert shown and "原因" in shown[0] and dialog.isVisible()
    dialog.reason.setPlainText("税务机关垂直管理，本街道不涉及")
    dialog.save_button.click()
    page.settle()  # type: ignore[attr-defined]
    assert not dialog.isVisible()
    domain = next(d for d in ui_env.ctx.catalogue.domains() if d.code == "05")
    assert not domain.applicable and domain.not_applicable_reason == "税务机关垂直管理，本街道不涉及"
    node = page.tree.currentIndex()
    assert "未涉及" in node.data() and node.data(Qt.ItemDataRole.ToolTipRole).startswith("税务机关")
    assert "本站点未涉及此领域" in page.detail.toPlainText() and "垂直管理" in page.detail.toPlainText()
    # and back to applicable: the reason is cleared
    page.edit_domain()
    page.domain_dialog.applicable.setChecked(True)
    page.domain_dialog.save_button.click()
    page.settle()  # type: ignore[attr-defined]
    domain = next(d for d in ui_env.ctx.catalogue.domains() if d.code == "05")
    assert domain.applicable and domain.not_applicable_reason == ""
    assert "未涉及" not in page.tree.currentIndex().data()


def test_domain_context_menu_offers_the_dialog(page: CataloguePage) -> None:
    choose_domain(page, "19")
    menu = page.domain_menu()
    assert [a.text() for a in menu.actions()] == ["领域适用情况…"]
    menu.actions()[0].trigger()
    dialog = page.domain_dialog
    assert dialog.isVisible() and "19 社会救助" in [w.text() for w in dialog.findChildren(QLabel)]
    dialog.reject()


def test_clerk_sees_no_admin_screens(ui_env: UiEnv, qtbot: QtBot) -> None:
    ctx = ui_env.ctx
    ctx.catalogue.seed_bundled(actor="test")
    clerk = ctx.users.add("clerk", frozenset({Role.CLERK}), "gongkai123")
    tasks = TaskRunner()
    p = CataloguePage(UiEnv(ctx, clerk, DataBus(), tasks))
    qtbot.addWidget(p)
    assert p.synonyms_button.isHidden() and p.domain_button.isHidden()
    assert p.tree.contextMenuPolicy() != Qt.ContextMenuPolicy.CustomContextMenu
    tasks.wait()
