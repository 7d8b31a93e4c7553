"""The kiosk's background sync: rounds on a worker thread every interval, against a real platform
on loopback; what a staff PC publishes reaches the kiosk PC (a display device) in the next round."""

from __future__ import annotations

import shutil
import threading
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.kiosk import DataVersionWatcher, KioskService
from app.paths import DataPaths
from app.settings import SETTINGS
from app.sync.join import join
from app.sync.values import SyncReport
from app.users import Role
from tests.app.test_kiosk_content import MASKED_ID, VALID_ID, draft, make_staff, publish
from tests.server.support import FAST_RETRIES, Platform, notice_payload, start_platform, write
from ui.kiosk.sync import KioskSync
from ui.kiosk.widgets import Tile
from ui.kiosk.window import KioskWindow

SITE = "370112-TW"


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[Platform]:
    p = start_platform(f"sqlite:///{tmp_path / 'platform.sqlite'}")
    p.add_site(SITE)
    yield p
    p.stop()


def _pc(root: Path, template_db: Path, platform: Platform, token: str) -> AppContext:
    paths = DataPaths(root).ensure()
    shutil.copyfile(template_db, paths.database)
    ctx = AppContext.open(paths)
    ctx.sites.ensure(SITE, "历城区唐王街道")
    ctx.sync.configure(platform.url, token)
    ctx.sync.retry_delays = FAST_RETRIES
    return ctx


def _published() -> dict[str, object]:
    payload = notice_payload(str(uuid.uuid4()))
    payload.update(
        period_start=date.today().isoformat(), period_end=(date.today() + timedelta(days=5)).isoformat()
    )
    return payload


def test_rounds_run_off_the_gui_thread_and_bring_what_staff_publish(
    qtbot: QtBot, qapp: object, tmp_path: Path, template_db: Path, platform: Platform
) -> None:
    assert SETTINGS["sync_interval_s"].default == 60
    staff = _pc(tmp_path / "staff", template_db, platform, platform.tokens[SITE])
    kiosk = _pc(tmp_path / "kiosk", template_db, platform, platform.device_token(SITE, kind="display"))
    threads: list[int] = []

    def round_() -> SyncReport:
        threads.append(threading.get_ident())
        return kiosk.sync.run_once()

    syncer = KioskSync(round_, interval_s=0.3)
    try:
        with qtbot.waitSignal(syncer.finished, timeout=20000) as first:
            syncer.start()
        assert isinstance(first.args[0], SyncReport) and first.args[0].ok
        write(staff, "notice", _published())
        assert staff.sync.run_once().ok
        arrived: list[SyncReport] = []
        syncer.finished.connect(lambda r: arrived.append(r))
        qtbot.waitUntil(lambda: any(r.pulled == 1 for r in arrived), timeout=20000)
        assert all(r.ok and r.pushed == 0 for r in arrived)
        assert threads and threading.get_ident() not in threads  # never the GUI thread
    finally:
        syncer.stop()
        staff.close()
        kiosk.close()


def test_the_kiosk_window_of_a_joined_display_pc_lists_what_a_staff_pc_published(
    qtbot: QtBot, qapp: object, tmp_path: Path, template_db: Path, platform: Platform
) -> None:
    """The whole path: staff PC A (site key, sealed records) publishes a notice; the hall's PC joined
    with A's display invitation shows it, masked, in the kiosk window after a background round."""
    a = _pc(tmp_path / "staff", template_db, platform, platform.tokens[SITE])
    assert a.sync.run_once().ok  # the site's first PC: it enrols and makes the site key
    staff = make_staff(a)
    boss = a.users.add("boss", frozenset({Role.ADMIN}), "gongkai123")
    KioskService(a).set_pin(boss, "2468")
    assert a.sync.run_once().ok
    code = a.devices.invite(boss, display=True).code
    hall = DataPaths(tmp_path / "hall")
    assert join(hall, platform.url, code, retry_delays=FAST_RETRIES).kind == "display"
    ro = AppContext.open(hall, readonly=True)
    writer = AppContext.open(hall)
    writer.sync.retry_delays = FAST_RETRIES
    service = KioskService(ro)
    service.require_ready()  # the exit PIN came from A
    window = KioskWindow(service, DataVersionWatcher(ro.engine), portrait=False, poll_ms=50)
    syncer = KioskSync(writer.sync.run_once, interval_s=0.3)
    try:
        window.resize(1600, 900)
        window.show()
        qtbot.waitExposed(window)
        window.open("notices", "", root=True)
        body = f"经审核，申请人身份证号{VALID_ID}，符合条件，现予公示。"
        notice = publish(a, staff, draft(a, "关于申请人资格的公示", body))
        assert a.sync.run_once().ok
        syncer.start()

        def listed() -> bool:
            return any("关于申请人资格的公示" in t.text() for t in window.pages["notices"].findChildren(Tile))

        qtbot.waitUntil(listed, timeout=20000)
        window.open("notice", notice.uuid)
        text = "\n".join(label.text() for label in window.findChildren(QLabel))
        assert MASKED_ID in text and VALID_ID not in text
    finally:
        syncer.stop()
        window.shutdown()
        window.deleteLater()
        writer.close()
        ro.close()
        a.close()
