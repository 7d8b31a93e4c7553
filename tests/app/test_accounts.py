"""Accounts (issue #13): who may add staff, case-insensitive names, audited failed sign-ins, the
lockout with its growing wait (the same for unknown names), and the kiosk PIN pad's lock."""

from __future__ import annotations

import io
import json
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app import lockout
from app.cli.main import main
from app.clock import FixedClock
from app.context import AppContext
from app.errors import AuthenticationError, PermissionDeniedError, StateError
from app.paths import DataPaths
from app.users import AccountLockedError, Role, name_key
from db.models import AuditEntry, SignInFailure


def _failed_entries(ctx: AppContext) -> list[AuditEntry]:
    with ctx.session_factory() as s:
        return list(s.execute(select(AuditEntry).where(AuditEntry.action == "user.sign_in_failed")).scalars())


def test_only_an_admin_adds_staff(ctx: AppContext) -> None:
    first = ctx.users.create_first_admin("Wang", "admin-pw-1", display_name="王专员")
    assert first.roles == frozenset({Role.ADMIN, Role.CLERK})
    clerk = ctx.users.create(first, "lixia", frozenset({Role.CLERK}), "clerk-pw-1")
    with pytest.raises(PermissionDeniedError, match="管理员"):
        ctx.users.create(clerk, "fake_reviewer", frozenset({Role.FINAL_REVIEWER}), "pw-123456")
    with pytest.raises(StateError, match="已有管理员"):
        ctx.users.create_first_admin("another", "admin-pw-2")
    assert [u.name for u in ctx.users.list()] == ["lixia", "Wang"], "listed by name, case-insensitively"


def test_user_names_are_case_insensitive(ctx: AppContext) -> None:
    admin = ctx.users.create_first_admin("Wang", "admin-pw-1")
    with pytest.raises(Exception, match="不区分大小写"):
        ctx.users.create(admin, "WANG", frozenset({Role.CLERK}), "pw-123456")
    assert ctx.users.authenticate("wang", "admin-pw-1").name == "Wang"
    assert ctx.users.authenticate(" ＷＡＮＧ ", "admin-pw-1").name == "Wang", "full-width letters fold too"
    assert ctx.users.get("wAnG") is not None
    assert name_key("Ｌｉ Xia") == "li xia"


def test_failed_sign_ins_are_audited_for_known_and_unknown_names(ctx: AppContext) -> None:
    ctx.users.create_first_admin("admin", "admin-pw-1")
    for name in ("admin", "nobody"):
        with pytest.raises(AuthenticationError) as caught:
            ctx.users.authenticate(name, "wrong-password")
        assert str(caught.value) == "用户名或密码错误", "the same answer whether the name exists or not"
    entries = _failed_entries(ctx)
    assert [json.loads(e.detail)["name"] for e in entries] == ["admin", "nobody"]
    assert entries[0].entity_uuid and not entries[1].entity_uuid
    assert all("wrong-password" not in e.detail for e in entries), "never the typed password"


def _fail(ctx: AppContext, name: str, times: int = 1) -> AuthenticationError:
    error: AuthenticationError | None = None
    for _ in range(times):
        try:
            ctx.users.authenticate(name, "wrong-password")
        except AuthenticationError as exc:
            error = exc
    assert error is not None
    return error


@pytest.mark.parametrize("name", ["admin", "nobody"], ids=["known", "unknown"])
def test_five_failures_in_ten_minutes_make_the_name_wait_longer_each_time(
    ctx: AppContext, clock: FixedClock, name: str
) -> None:
    ctx.users.create_first_admin("admin", "admin-pw-1")
    for _ in range(4):
        assert not isinstance(_fail(ctx, name), AccountLockedError)
        clock.advance(seconds=20)
    fifth = _fail(ctx, name)
    assert isinstance(fifth, AccountLockedError) and fifth.wait == timedelta(seconds=30)
    assert "30 秒" in str(fifth)
    clock.advance(seconds=10)
    with pytest.raises(AccountLockedError) as locked:
        ctx.users.authenticate(name, "admin-pw-1")  # even the right password waits
    assert locked.value.wait == timedelta(seconds=20)
    assert len(_failed_entries(ctx)) == 5, "a refusal while locked checks nothing and writes nothing"
    clock.advance(seconds=21)
    sixth = _fail(ctx, name)
    assert isinstance(sixth, AccountLockedError) and sixth.wait == timedelta(minutes=1)
    clock.advance(minutes=1, seconds=1)
    seventh = _fail(ctx, name)
    assert isinstance(seventh, AccountLockedError) and seventh.wait == timedelta(minutes=2)
    if name == "admin":
        clock.advance(minutes=2, seconds=1)
        assert ctx.users.authenticate("ADMIN", "admin-pw-1").name == "admin"
        with ctx.session_factory() as s:
            assert s.execute(select(SignInFailure)).first() is None, "a success clears the count"


def test_failures_spread_over_more_than_ten_minutes_do_not_lock(ctx: AppContext, clock: FixedClock) -> None:
    ctx.users.create_first_admin("admin", "admin-pw-1")
    for _ in range(8):
        assert not isinstance(_fail(ctx, "admin"), AccountLockedError)
        clock.advance(minutes=3)
    assert ctx.users.authenticate("admin", "admin-pw-1").name == "admin"


def test_the_wait_is_capped() -> None:
    now = FixedClock(__import__("datetime").datetime(2025, 9, 26, 9)).now()
    failures = [now - timedelta(seconds=i) for i in range(40)]
    assert lockout.sign_in_wait(failures, now) == lockout.SIGN_IN_MAX_WAIT
    assert lockout.wait_text(timedelta(seconds=90)) == "1 分 30 秒"
    assert lockout.wait_text(timedelta(minutes=15)) == "15 分钟"


def test_kiosk_pin_pad_locks_for_a_minute_after_five_wrong_pins() -> None:
    now = [1000.0]
    guard = lockout.PinGuard(lambda pin: pin == "2468", lambda: now[0])
    for left in (4, 3, 2, 1):
        assert guard.attempt("0000") == lockout.PinAttempt(False, 0.0, left)
    assert guard.attempt("0000") == lockout.PinAttempt(False, 60.0, 0)
    now[0] += 30
    refused = guard.attempt("2468")
    assert not refused.ok and refused.locked_for == 30.0, "the right PIN waits too"
    now[0] += 30
    assert guard.attempt("2468").ok
    assert guard.attempt("0000").tries_left == 4, "the count starts again after a success"


# -- the command line -------------------------------------------------------------------------------


def _run(argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(argv)


@pytest.fixture
def site_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    d = ["--data-dir", str(tmp_path / "gk")]
    init = [*d, "init", "--site-code", "370112-TW", "--site-name", "历城区唐王街道"]
    assert (
        _run([*init, "--admin", "wang", "--admin-display-name", "王专员"], "admin-pw-1\n", monkeypatch) == 0
    )
    return d


def test_init_makes_the_first_admin_once(
    site_dir: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    init = [*site_dir, "init", "--site-code", "370112-TW", "--site-name", "历城区唐王街道"]
    capsys.readouterr()
    assert _run([*init, "--admin", "wang"], "", monkeypatch) == 0, "idempotent: the admin exists"
    assert "已存在" in capsys.readouterr().out
    assert _run([*init, "--admin", "intruder"], "pw-123456\n", monkeypatch) == 2
    err = capsys.readouterr().err.strip()
    assert "已有管理员" in err and len(err.splitlines()) == 1


def test_init_without_an_admin_says_how_to_make_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--data-dir", str(tmp_path / "x"), "init", "--site-code", "X1", "--site-name", "测试镇"]
    assert _run(argv, "", monkeypatch) == 0
    assert "--admin" in capsys.readouterr().err


def test_user_add_needs_an_admins_password(
    site_dir: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    add = [*site_dir, "user", "add", "r3", "--role", "final_reviewer"]
    capsys.readouterr()
    assert _run(add, "pw-123456\n", monkeypatch) == 2
    assert "--user" in capsys.readouterr().err
    assert _run([*add, "--user", "wang"], "not-the-password\npw-123456\n", monkeypatch) == 2
    assert "用户名或密码错误" in capsys.readouterr().err
    assert _run([*add, "--user", "wang"], "admin-pw-1\npw-123456\n", monkeypatch) == 0
    assert (
        _run(
            [*site_dir, "user", "add", "r4", "--role", "admin", "--user", "r3"],
            "pw-123456\npw-654321\n",
            monkeypatch,
        )
        == 2
    )
    assert "管理员" in capsys.readouterr().err
    ctx = AppContext.open(DataPaths(Path(site_dir[1])))
    try:
        assert [u.name for u in ctx.users.list()] == ["r3", "wang"]
        assert len(_failed_entries(ctx)) == 1
    finally:
        ctx.close()


def test_the_command_line_waits_like_the_window(
    site_dir: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    add = [*site_dir, "user", "add", "r3", "--role", "clerk", "--user", "wang"]
    for _ in range(5):
        assert _run(add, "guess\npw-123456\n", monkeypatch) == 2
    capsys.readouterr()
    assert _run(add, "admin-pw-1\npw-123456\n", monkeypatch) == 2
    err = capsys.readouterr().err
    assert "登录失败次数过多" in err and "秒后再试" in err
