"""The running kiosk follows the staff side: a notice published there appears without a restart,
masked, and a draft never does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.kiosk import DataVersionWatcher, KioskService
from tests.app.test_kiosk_content import MASKED_ID, VALID_ID, draft, make_staff, publish
from ui.kiosk.widgets import Tile
from ui.kiosk.window import KioskWindow


@pytest.fixture
def kiosk(qtbot: QtBot, ctx: AppContext) -> Iterator[KioskWindow]:
    ro = AppContext.open(ctx.paths, readonly=True, clock=ctx.clock)
    window = KioskWindow(KioskService(ro), DataVersionWatcher(ro.engine), portrait=False, poll_ms=50)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.shutdown()
    ro.close()


def screen_text(window: KioskWindow) -> str:
    return "\n".join(lbl.text() for lbl in window.findChildren(QLabel))


def test_published_notice_appears_without_restart_and_masked(
    qtbot: QtBot, ctx: AppContext, kiosk: KioskWindow
) -> None:
    staff = make_staff(ctx)
    kiosk.open("notices", "", root=True)
    assert kiosk.home.slides == ()
    ctx.notices.create(draft(ctx, "仍是草稿的公告"), actor=staff.clerk)
    body = f"经审核，申请人身份证号{VALID_ID}，符合条件，现予公示。"
    notice = publish(ctx, staff, draft(ctx, "关于申请人资格的公示", body))

    def listed() -> bool:
        return any("关于申请人资格的公示" in t.text() for t in kiosk.pages["notices"].findChildren(Tile))

    qtbot.waitUntil(listed, timeout=3000)
    assert [s.title for s in kiosk.home.slides] == ["关于申请人资格的公示"]
    kiosk.open("notice", notice.uuid)
    text = screen_text(kiosk)
    assert MASKED_ID in text
    assert VALID_ID not in text
    assert "仍是草稿" not in text
    kiosk.go_home()
    assert VALID_ID not in screen_text(kiosk)
    assert kiosk.home.title.text() == "关于申请人资格的公示"
