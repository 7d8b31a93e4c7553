"""The catalogue page over the bundled catalogue: tree, table, filters, search, detail, import preview."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.catalogue.layout import HEADER1, HEADER2
from tests.ui.conftest import Settle
from ui.catalogue.dialogs import ImportPreviewDialog
from ui.env import UiEnv
from ui.pages.catalogue_page import CataloguePage

pytestmark = pytest.mark.gui


@pytest.fixture
def page(ui_env: UiEnv, qtbot: QtBot, settle: Settle) -> CataloguePage:
    ui_env.ctx.catalogue.seed_bundled(actor="test")
    p = CataloguePage(ui_env)
    qtbot.addWidget(p)
    p.show()
    settle()
    return p


def test_tree_lists_domains_and_table_all_items(page: CataloguePage) -> None:
    root = page.tree_model.item(0)
    assert root.rowCount() == 28 and "283" in root.text()
    assert page.proxy.rowCount() == 283
    assert page.proxy.object_at(0).domain_code == "01"


def test_domain_and_filters(page: CataloguePage, settle: Settle) -> None:
    node = page.tree_model.item(0).child(18)  # 19 社会救助
    page.tree.setCurrentIndex(node.index())
    settle()
    assert {page.proxy.object_at(r).domain_code for r in range(page.proxy.rowCount())} == {"19"}
    page.tier.setCurrentIndex(page.tier.findData("village"))
    assert all("village" in page.proxy.object_at(r).data.tiers for r in range(page.proxy.rowCount()))


def test_search_as_you_type_debounced(page: CataloguePage, qtbot: QtBot) -> None:
    page.search.setText("zdshbz")
    assert page.proxy.rowCount() == 283  # not yet: the search waits ~150 ms
    qtbot.waitUntil(lambda: page.proxy.rowCount() < 20, timeout=2000)
    assert page.proxy.object_at(0).data.level1 == "最低生活保障"


def test_overdue_filter_and_count_signal(ui_env: UiEnv, qtbot: QtBot, settle: Settle) -> None:
    ui_env.ctx.catalogue.seed_bundled(actor="test")
    p = CataloguePage(ui_env)
    qtbot.addWidget(p)
    settle()
    badge = ui_env.ctx.today.needs_action(ui_env.user, "catalogue")
    assert badge > 0
    p.overdue_only.setChecked(True)
    assert p.proxy.rowCount() >= badge  # overdue plus due soon
    assert any("逾期" in p.proxy.index(r, 6).data() for r in range(p.proxy.rowCount()))


def test_detail_shows_every_column_and_history(page: CataloguePage, settle: Settle) -> None:
    uuid = page.proxy.object_at(3).uuid
    page.open_record(uuid)
    settle()
    text = page.detail.toPlainText()
    for label in (
        "公开内容（要素）",
        "公开依据",
        "公开时限",
        "公开渠道和载体",
        "公开层级",
        "变更历史",
        "第 1 版",
        "只读",
    ):
        assert label in text
    assert not page.edit_button.isEnabled() and page.disclose_button.isEnabled()


def test_import_preview_then_apply(
    page: CataloguePage, ui_env: UiEnv, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "site.csv"
    buf = io.StringIO()
    strip = "■政府网站 □政府公报 □两微一端 □发布会/听证会 □广播电视 □纸质媒体 □公开查阅点 □政务服务中心 □便民服务站 □入户/现场 ■社区/企事业单位/村公示栏(电子屏) □精准推送 □其他"
    row = ["1", "村务公开", "村级事务", "村民议事会议记录", "", "会议时间、议题和表决结果", "村民委员会组织法", "随时公布",
           "村民委员会", strip, "√", "", "√", "", "", "", "√", "", ""]  # fmt: skip
    csv.writer(buf).writerows([HEADER1, HEADER2, row])
    path.write_text(buf.getvalue(), encoding="utf-8-sig")
    seen: list[ImportPreviewDialog] = []

    def fake_exec(dialog: ImportPreviewDialog) -> int:
        seen.append(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportPreviewDialog, "exec", fake_exec)
    with qtbot.waitSignal(ui_env.bus.changed, timeout=10000):
        monkeypatch.setattr("ui.pages.catalogue_page.QMessageBox.information", lambda *a: None)
        page.import_path(path)
        qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert seen[0].model.rowCount() == 1 and seen[0].model.index(0, 0).data() == "新增"
    assert len(ui_env.ctx.catalogue.versions()) == 2
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 284, timeout=5000)


def test_badge_is_the_same_figure_as_today_gives(ui_env: UiEnv) -> None:
    """The catalogue's "needs your action" figure counts overdue and due within 3 working days
    (the page once counted overdue items only); the window shows it (tests/ui/test_main_window.py)."""
    ui_env.ctx.catalogue.seed_bundled(actor="test")
    expected = ui_env.ctx.today.needs_action(ui_env.user, "catalogue")
    entries = ui_env.ctx.catalogue.compliance(ui_env.ctx.clock.today())
    assert expected == len(entries) > sum(1 for e in entries if e.status == "overdue")
    today = ui_env.ctx.today.list(ui_env.user)
    assert expected == sum(1 for i in today.actionable if i.page_key == "catalogue")
