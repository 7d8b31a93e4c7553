"""Settings → the site's PCs: list, 邀请电脑 (code large + QR) and 撤销 with confirmation, clicked
for real against a platform on loopback; a second PC joins with the code the dialog shows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.paths import DataPaths
from app.sync.devices import normalise_code
from app.sync.join import join
from tests.server.support import FAST_RETRIES, Platform, start_platform
from tests.ui.conftest import Settle
from ui.env import UiEnv
from ui.pages.settings_page import SettingsPage
from ui.sync.devices import DevicesBox

SITE = "370112-TW"


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[Platform]:
    p = start_platform(f"sqlite:///{tmp_path / 'platform.sqlite'}")
    p.add_site(SITE)
    yield p
    p.stop()


def test_list_invite_join_and_revoke(
    qtbot: QtBot,
    ui_env: UiEnv,
    settle: Settle,
    platform: Platform,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ui_env.ctx.sync.configure(platform.url, platform.tokens[SITE])
    ui_env.ctx.sync.retry_delays = FAST_RETRIES
    page = SettingsPage(ui_env)
    qtbot.addWidget(page)
    page.show()
    box = page.devices
    assert isinstance(box, DevicesBox)
    settle()
    qtbot.waitUntil(lambda: box.model.rowCount() == 1, timeout=15000)
    assert "（本机）" in box.model.index(0, 0).data() and box.model.index(0, 3).data() == "有效"
    assert box.invite_button.isVisible() and box.revoke_button.isVisible()
    assert not box.revoke_button.isEnabled()  # not this PC itself

    qtbot.mouseClick(box.invite_button, Qt.MouseButton.LeftButton)
    settle()
    qtbot.waitUntil(lambda: box.dialog is not None and box.dialog.isVisible(), timeout=15000)
    assert box.dialog is not None
    code = box.dialog.code.text()
    assert len(normalise_code(code)) == 16
    assert not box.dialog.qr.pixmap().isNull() and "24 小时内有效，只能使用一次" in box.dialog.note.text()
    box.dialog.reject()

    other = join(DataPaths(tmp_path / "pc2"), platform.url, code, retry_delays=FAST_RETRIES)
    qtbot.mouseClick(box.refresh_button, Qt.MouseButton.LeftButton)
    settle()
    qtbot.waitUntil(lambda: box.model.rowCount() == 2, timeout=15000)
    row = next(i for i, d in enumerate(box.model.rows()) if d.device_id == other.device_id)
    box.view.selectRow(row)
    assert box.revoke_button.isEnabled()
    asked: list[str] = []

    def yes(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    qtbot.mouseClick(box.revoke_button, Qt.MouseButton.LeftButton)
    settle()
    qtbot.waitUntil(
        lambda: any(d.revoked for d in box.model.rows() if d.device_id == other.device_id), timeout=15000
    )
    assert asked and "不能恢复" in asked[0]


def test_a_clerk_sees_the_list_but_cannot_invite_or_revoke(
    qtbot: QtBot, ui_env: UiEnv, settle: Settle
) -> None:
    from app.users import Role

    clerk = ui_env.ctx.users.add("clerk", frozenset({Role.CLERK}), "gongkai123")
    env = UiEnv(ui_env.ctx, clerk, ui_env.bus, ui_env.tasks)
    box = DevicesBox(env)
    qtbot.addWidget(box)
    box.show()
    settle()
    assert not box.invite_button.isVisible() and not box.revoke_button.isVisible()
    qtbot.waitUntil(lambda: "尚未连接市级平台" in box.note.text(), timeout=15000)
