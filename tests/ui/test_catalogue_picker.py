"""The catalogue item picker, and the linked-items row it gives the notice editor and the event dialog."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import pytest
from pytestqt.qtbot import QtBot

from app.clock import ZONE
from app.events import EventDraft
from app.notices import NoticeDraft
from tests.ui.conftest import Settle, wait_ready
from ui.calendar.event_dialog import EventDialog
from ui.catalogue.picker import CatalogueLinksField, CataloguePickerDialog, item_label
from ui.env import UiEnv
from ui.notices.editor import NoticeEditorDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def env(ui_env: UiEnv) -> UiEnv:
    ui_env.ctx.catalogue.seed_bundled(actor="test")
    return ui_env


def test_search_as_you_type_then_add_and_remove(env: UiEnv, qtbot: QtBot, settle: Settle) -> None:
    dialog = CataloguePickerDialog(env)
    qtbot.addWidget(dialog)
    settle()  # the catalogue is read on the read pool, never on the GUI thread
    assert dialog.results_proxy.rowCount() == 283 and "共 283 项" in dialog.hint.text()
    dialog.search.setText("zdshbz")  # 最低生活保障 by its initials, after a short pause
    qtbot.waitUntil(lambda: dialog.results_proxy.rowCount() < 50, timeout=3000)
    first = dialog.results_proxy.object_at(0)
    assert first.data.level1 == "最低生活保障"
    dialog.results_view.selectRow(0)
    dialog.add_selected()
    assert dialog.chosen_uuids() == (first.uuid,) and "已选 1 项" in dialog.chosen_label.text()
    assert first.uuid not in {
        dialog.results_proxy.object_at(r).uuid for r in range(dialog.results_proxy.rowCount())
    }
    dialog.search.setText("医保")  # a synonym, typed in Chinese
    dialog.refresh()
    settle()
    second = dialog.results_proxy.object_at(0)
    dialog.results_view.selectRow(0)
    dialog.add_selected()
    assert dialog.chosen_uuids() == (first.uuid, second.uuid)
    dialog.chosen_view.selectRow(0)
    dialog.remove_selected()
    assert dialog.chosen_uuids() == (second.uuid,)
    dialog.search.setText("没有这种事项呀")
    dialog.refresh()
    settle()
    assert dialog.results_proxy.rowCount() == 0 and "没有找到" in dialog.hint.text()


def test_links_field_shows_titles_and_keeps_unknown_links(env: UiEnv, qtbot: QtBot, settle: Settle) -> None:
    cat = env.ctx.catalogue
    item = cat.search("zdshbz", 1)[0]
    stray = str(uuid.uuid4())
    field = CatalogueLinksField(env)
    qtbot.addWidget(field)
    assert field.label.text() == "未关联目录事项" and field.button.text() == "选择事项…"
    field.set_uuids([item.uuid, stray, item.uuid])
    assert field.uuids() == (item.uuid, stray)
    settle()
    assert field.lines() == [f"社会救助：{item_label(item)}", f"目录中找不到的事项（{stray[:8]}）"]
    assert "最低生活保障 › " in field.label.text() and field.button.text() == "更改…"
    field.choose()
    picker = field.dialog
    settle()
    assert picker.chosen_uuids() == (item.uuid, stray)  # the unknown link is not dropped
    picker.chosen_view.selectRow(0)
    picker.remove_selected()
    with qtbot.waitSignal(field.changed):
        picker.accept()
    assert field.uuids() == (stray,)


def test_notice_editor_links_items_and_shows_their_titles(env: UiEnv, qtbot: QtBot, settle: Settle) -> None:
    cat = env.ctx.catalogue
    items = [v.uuid for v in cat.search("最低生活保障", 2)]
    dialog = NoticeEditorDialog(env)
    qtbot.addWidget(dialog)
    settle()
    assert dialog.draft().catalogue_item_uuids == ()
    dialog.catalogue_links.set_uuids(items)
    assert dialog.draft().catalogue_item_uuids == tuple(items)
    with env.ctx.session_factory() as session, session.begin():
        env.ctx.notices.seed_period_rules(session)
    notice = env.ctx.notices.create(
        NoticeDraft(
            template="general", title="关于低保政策调整的公告", body="现将调整情况公告如下。",
            period_start=date(2025, 9, 26), period_end=date(2025, 10, 10), issuer="唐王街道办事处",
            contact="社会事务办 0531-88123457", catalogue_item_uuids=tuple(items),
        ),
        actor=env.user,
    )  # fmt: skip
    again = NoticeEditorDialog(env, notice)
    qtbot.addWidget(again)
    settle()
    text = again.catalogue_links.label.text()
    assert text.count("• 社会救助：最低生活保障 › ") == 2
    assert again.draft().catalogue_item_uuids == tuple(items)


def test_event_dialog_links_items_and_saves_them(env: UiEnv, qtbot: QtBot) -> None:
    item = env.ctx.catalogue.search("yljz", 1)[0]  # 医疗救助
    dialog = EventDialog(env, day=date(2025, 10, 14))
    qtbot.addWidget(dialog)
    wait_ready(qtbot, dialog)
    dialog.title_edit.setText("医疗救助政策解读")
    dialog.items_field.set_uuids([item.uuid])
    with qtbot.waitSignal(env.bus.changed):
        dialog._save()
    saved = env.ctx.events.draft_of(str(dialog.saved_uuid))
    assert saved.catalogue_item_uuids == (item.uuid,)
    again = EventDialog(env, str(dialog.saved_uuid))
    qtbot.addWidget(again)
    wait_ready(qtbot, again)
    assert again.items_field.lines() == [f"{item.data.domain}：{item_label(item)}"]


def test_event_with_links_from_elsewhere_round_trips(env: UiEnv, qtbot: QtBot) -> None:
    """An event imported from .ics may name items this site does not have: they stay linked."""
    stray = str(uuid.uuid4())
    ev = env.ctx.events.create(
        env.user,
        EventDraft(
            "policy_counselling", "政策辅导", datetime(2025, 10, 14, 9, tzinfo=ZONE),
            datetime(2025, 10, 14, 11, tzinfo=ZONE), place="专区", catalogue_item_uuids=(stray,),
        ),
    )  # fmt: skip
    dialog = EventDialog(env, ev.uuid)
    qtbot.addWidget(dialog)
    wait_ready(qtbot, dialog)
    assert dialog.draft().catalogue_item_uuids == (stray,)
    assert "找不到" in dialog.items_field.label.text()
