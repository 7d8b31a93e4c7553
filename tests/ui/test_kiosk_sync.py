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
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.paths import DataPaths
from app.settings import SETTINGS
from app.sync.values import SyncReport
from tests.server.support import FAST_RETRIES, Platform, notice_payload, start_platform, write
from ui.kiosk.sync import KioskSync

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
