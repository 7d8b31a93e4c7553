"""The kiosk's read side: exit PIN, read-only context, change detection, supervisor and CLI."""

from __future__ import annotations

import io
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import select

from app import audit
from app.cli.main import main
from app.context import AppContext
from app.errors import InputError, PermissionDeniedError
from app.kiosk import MIN_IDLE_SECONDS, PIN_KEY, DataVersionWatcher, KioskService, excerpt
from app.supervise import SupervisePolicy, supervise
from app.users import Role, StaffUser
from db.models import AuditEntry


@pytest.fixture
def admin(ctx: AppContext) -> StaffUser:
    return ctx.users.add("admin", frozenset({Role.ADMIN}), "gongkai123")


def test_set_pin_stores_only_a_hash_and_checks_it(ctx: AppContext, admin: StaffUser) -> None:
    """The PIN is stored as an argon2 hash, checked right, refused wrong, and audited."""
    service = KioskService(ctx)
    assert not service.pin_is_set()
    service.set_pin(admin, "2468")
    stored = ctx.settings.get(PIN_KEY)
    assert stored.startswith("$argon2") and "2468" not in stored
    assert service.check_pin("2468")
    assert not service.check_pin("1357")
    assert not service.check_pin("")
    with ctx.session_factory() as session:
        actions = session.execute(select(AuditEntry.action)).scalars().all()
        assert "kiosk.set_pin" in actions
        assert audit.verify(session).ok


def test_set_pin_needs_an_admin_and_digits(ctx: AppContext, admin: StaffUser) -> None:
    clerk = ctx.users.add("clerk", frozenset({Role.CLERK}), "gongkai123")
    service = KioskService(ctx)
    with pytest.raises(PermissionDeniedError):
        service.set_pin(clerk, "2468")
    for bad in ("12", "abcd", "1234567890123"):
        with pytest.raises(InputError, match="4–12 位数字"):
            service.set_pin(admin, bad)


def test_readonly_context_cannot_write(ctx: AppContext, admin: StaffUser) -> None:
    """The kiosk's context is opened with mode=ro: any write fails at the SQLite level."""
    ro = AppContext.open(ctx.paths, readonly=True)
    try:
        with pytest.raises(Exception, match="readonly"):
            ro.settings.set("kiosk_idle_seconds", 30)
        with pytest.raises(Exception, match="readonly"):
            KioskService(ro).set_pin(admin, "2468")
        assert KioskService(ro).site().name == "历城区唐王街道"
    finally:
        ro.close()


def test_watcher_sees_commits_by_another_connection(ctx: AppContext) -> None:
    ro = AppContext.open(ctx.paths, readonly=True)
    watcher = DataVersionWatcher(ro.engine)
    try:
        assert not watcher.changed()
        ctx.settings.set("kiosk_idle_seconds", 45)
        assert watcher.changed()
        assert not watcher.changed()
        assert KioskService(ro).idle_seconds() == 45
    finally:
        watcher.close()
        ro.close()


def test_idle_seconds_has_a_floor(ctx: AppContext) -> None:
    ctx.settings.set("kiosk_idle_seconds", 0)
    assert KioskService(ctx).idle_seconds() == MIN_IDLE_SECONDS
    ctx.settings.set("kiosk_idle_seconds", "not a number")
    assert KioskService(ctx).idle_seconds() == 90


def test_day_note_names_the_holiday(ctx: AppContext) -> None:
    from datetime import date

    service = KioskService(ctx)
    assert service.day_note(date(2025, 9, 26)) == "工作日"
    assert "国庆节" in service.day_note(date(2025, 10, 1))
    assert service.day_note(date(2025, 9, 28)) == "工作日"  # a make-up workday (调休), a Sunday


def test_excerpt_flattens_and_cuts() -> None:
    assert excerpt("第一段\n\n第二段", 20) == "第一段 第二段"
    assert excerpt("很" * 50, 10) == "很" * 9 + "…"


def _crash_once_script(tmp_path: Path) -> list[str]:
    marker = tmp_path / "crashed-once"
    script = tmp_path / "child.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import os, pathlib, sys
            marker = pathlib.Path({str(marker)!r})
            if not marker.exists():
                marker.write_text("x")
                os.abort()  # a real crash (SIGABRT), not a polite exit
            sys.exit(0)
            """
        ),
        encoding="utf-8",
    )
    return [sys.executable, str(script)]


def test_supervise_restarts_a_child_that_crashes_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A real child process aborts once; the supervisor restarts it and ends on its clean exit."""
    delays: list[float] = []
    result = supervise(_crash_once_script(tmp_path), SupervisePolicy(first_delay=0.01), sleep=delays.append)
    assert (result.exit_code, result.restarts) == (0, 1)
    assert delays == [0.01]
    assert "restart 1" in caplog.text


def test_supervise_backs_off_exponentially_up_to_the_cap(tmp_path: Path) -> None:
    delays: list[float] = []
    always = [sys.executable, "-c", "import sys; sys.exit(3)"]
    policy = SupervisePolicy(first_delay=1, max_delay=4, max_restarts=5)
    result = supervise(always, policy, sleep=delays.append)
    assert (result.exit_code, result.restarts) == (3, 5)
    assert delays == [1, 2, 4, 4, 4]


def test_cli_set_pin_then_kiosk_refuses_without_gui(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    d = str(tmp_path / "gk")
    assert (
        main(["--data-dir", d, "init", "--site-code", "370112-TW", "--site-name", "历城区唐王街道", "--demo"])
        == 0
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO("gongkai123\n12\n"))
    assert main(["--data-dir", d, "kiosk", "set-pin", "--user", "admin"]) == 2
    assert "4–12 位数字" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("gongkai123\n2468\n"))
    assert main(["--data-dir", d, "kiosk", "set-pin", "--user", "admin"]) == 0
    assert "已设置" in capsys.readouterr().out
    monkeypatch.setattr(sys, "stdin", io.StringIO("gongkai123\n2468\n"))
    assert main(["--data-dir", d, "kiosk", "set-pin", "--user", "clerk"]) == 2
    assert main(["--data-dir", d, "kiosk"]) == 2
    assert "图形界面" in capsys.readouterr().err


def test_cli_kiosk_needs_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path / "none"), "kiosk", "--portrait"]) == 2
    assert "没有数据库" in capsys.readouterr().err
