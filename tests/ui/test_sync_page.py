"""The Sync page and worker, offscreen, against a real platform (SQLite try-out mode) on loopback."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.server.support import (
    FAST_RETRIES,
    Platform,
    Sites,
    event_payload,
    notice_payload,
    start_platform,
    write,
)
from tests.ui.conftest import Settle
from ui.env import UiEnv
from ui.main_window import MainWindow
from ui.pages.sync_page import SyncPage, differences


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[Platform]:
    p = start_platform(f"sqlite:///{tmp_path / 'platform.sqlite'}")
    p.add_site("370112-TW")
    yield p
    p.stop()


@pytest.fixture
def configured(ui_env: UiEnv, platform: Platform) -> UiEnv:
    ui_env.ctx.sync.configure(platform.url, platform.tokens["370112-TW"])
    ui_env.ctx.sync.retry_delays = FAST_RETRIES
    return ui_env


def test_unconfigured_page_says_what_to_do(qtbot: QtBot, ui_env: UiEnv, settle: Settle) -> None:
    page = SyncPage(ui_env, automatic=False)
    qtbot.addWidget(page)
    settle()
    assert "尚未设置市级平台" in page.summary.text()
    assert not page.sync_button.isEnabled()
    assert page.url_edit.isEnabled(), "the admin may set the platform"


def test_sync_now_runs_off_the_gui_thread_and_updates_the_status_bar(
    qtbot: QtBot, configured: UiEnv, platform: Platform
) -> None:
    settle = Settle(configured, qtbot)
    window = MainWindow(configured)
    qtbot.addWidget(window)
    page = window.pages["sync"]
    assert isinstance(page, SyncPage)
    window.show()
    window.open_page("sync")
    settle()
    write(configured.ctx, "notice", notice_payload(str(uuid.uuid4())))
    configured.bus.changed.emit("notice")
    qtbot.waitUntil(lambda: "待同步 1 条" in window.sync_label.text(), timeout=5000)
    settle()
    assert page.queue_model.rowCount() == 1
    with qtbot.waitSignal(page.worker.finished, timeout=20000):
        assert page.worker.sync_now()
        assert page.sync_button.text() == "正在同步…"
    settle()
    # The first complete round also queued the site's records sealed under the key the PC made when
    # it enrolled (docs/sync-replication.md); the next round sends them.
    with qtbot.waitSignal(page.worker.finished, timeout=20000):
        assert page.worker.sync_now()
    settle()
    assert "上次成功" in window.sync_label.text() and "待同步 0 条" in window.sync_label.text()
    assert page.queue_model.rowCount() == 0 and page.sync_button.isEnabled()


def test_conflicts_and_refusals_are_shown_and_resolved(
    qtbot: QtBot, configured: UiEnv, platform: Platform, tmp_path: Path, template_db: Path
) -> None:
    ctx = configured.ctx
    other = Sites(tmp_path / "other", template_db).open("370112-TW", platform)
    u = str(uuid.uuid4())
    write(ctx, "event", event_payload(u))
    ctx.sync.run_once()
    other.sync.run_once()
    write(other, "event", event_payload(u, title="政策解读（改到三楼会议室）"))
    other.sync.run_once()
    write(ctx, "event", event_payload(u, title="政策解读（改到下午两点）"))
    leaked = notice_payload(str(uuid.uuid4()), title="低保名单（漏遮蔽）")
    leaked["contact"] = "王专员 13812345678"
    write(ctx, "notice", leaked)
    ctx.sync.run_once()

    settle = Settle(configured, qtbot)
    page = SyncPage(configured, automatic=False)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    settle()
    assert page.tabs.tabText(1) == "冲突（1）" and page.tabs.tabText(2) == "平台拒收（1）"
    page.open_record(u)
    assert page.tabs.currentIndex() == 1
    assert "改到下午两点" in page.conflict_detail.toPlainText()
    assert "改到三楼会议室" in page.conflict_detail.toPlainText()
    page.grab().save("/tmp/sync-page-conflict.png")
    page.open_record(leaked["uuid"])
    assert page.tabs.currentIndex() == 2
    page.grab().save("/tmp/sync-page-rejected.png")
    page.open_record(u)
    with qtbot.waitSignal(configured.bus.changed, timeout=5000):
        page.keep_mine.click()
    settle()
    assert page.conflict_model.rowCount() == 0 and page.queue_model.rowCount() == 1
    other.close()


def test_differences_lists_only_changed_fields(configured: UiEnv) -> None:
    from datetime import UTC, datetime

    from app.sync.values import ConflictItem

    item = ConflictItem(
        "c",
        "event",
        "u",
        "t",
        2,
        {"title": "A", "place": "一楼"},
        {"title": "B", "place": "一楼"},
        datetime.now(UTC),
    )
    text = differences(item)
    assert "标题" in text and "地点" not in text


def test_records_from_the_sites_other_pc_refresh_the_views_that_show_them(
    qtbot: QtBot, configured: UiEnv, platform: Platform, tmp_path: Path, template_db: Path
) -> None:
    from app.notices.draft_file import read_draft
    from app.sync import sitekey
    from app.users import Role

    key = sitekey.encode_key(sitekey.new_key())
    configured.ctx.settings.set("sync_site_key", key)
    other_pcs = Sites(tmp_path / "other", template_db)
    try:
        other = other_pcs.open("370112-TW", platform)
        other.settings.set("sync_site_key", key)
        clerk = other.users.add("clerk2", frozenset({Role.CLERK}), "pw-123456")
        example = Path(__file__).resolve().parents[2] / "docs" / "examples" / "notice-dibao.json"
        notice = other.notices.create(read_draft(example, []), actor=clerk)
        assert other.sync.run_once().ok
    finally:
        other_pcs.close()
    page = SyncPage(configured, automatic=False)
    qtbot.addWidget(page)
    Settle(configured, qtbot)()
    seen: list[str] = []
    configured.bus.changed.connect(seen.append)
    with qtbot.waitSignal(page.worker.finished, timeout=20000):
        assert page.worker.sync_now()
    assert "notice" in seen and "settings" in seen, "the notice and the staff account arrived"
    assert configured.ctx.notices.get(notice.uuid).title == notice.title
