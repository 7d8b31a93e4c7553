"""Users (roles, argon2, sign-in) and the audit hash chain."""

from __future__ import annotations

import sqlite3

import pytest

from app import audit
from app.context import AppContext
from app.errors import AuthenticationError, InputError, PermissionDeniedError
from app.users import Role, parse_roles


def test_add_and_authenticate(ctx: AppContext) -> None:
    ctx.users.add("lixia", frozenset({Role.CLERK}), "secret-1", display_name="李霞")
    user = ctx.users.authenticate("lixia", "secret-1")
    assert user.has(Role.CLERK) and not user.has(Role.ADMIN)
    with pytest.raises(AuthenticationError):
        ctx.users.authenticate("lixia", "wrong")
    with pytest.raises(AuthenticationError):
        ctx.users.authenticate("nobody", "secret-1")


def test_password_is_hashed_with_argon2(ctx: AppContext) -> None:
    ctx.users.add("lixia", frozenset({Role.CLERK}), "secret-1")
    with sqlite3.connect(ctx.paths.database) as conn:
        stored = conn.execute("SELECT password_hash FROM user_account").fetchone()[0]
    assert stored.startswith("$argon2") and "secret-1" not in stored


def test_duplicate_and_bad_input(ctx: AppContext) -> None:
    ctx.users.add("lixia", frozenset({Role.CLERK}), "secret-1")
    with pytest.raises(InputError, match="已存在"):
        ctx.users.add("lixia", frozenset({Role.CLERK}), "secret-1")
    with pytest.raises(InputError, match="至少 6"):
        ctx.users.add("wang", frozenset({Role.CLERK}), "123")
    with pytest.raises(InputError, match="未知角色“boss”"):
        parse_roles("clerk,boss")


def test_require_role(ctx: AppContext) -> None:
    user = ctx.users.add("lixia", frozenset({Role.CLERK}), "secret-1")
    user.require(Role.CLERK, "登记")
    with pytest.raises(PermissionDeniedError, match="终审"):
        user.require(Role.FINAL_REVIEWER, "终审")


def test_audit_chain_detects_tampering(ctx: AppContext) -> None:
    ctx.users.add("a1", frozenset({Role.CLERK}), "secret-1")
    ctx.users.add("a2", frozenset({Role.CLERK}), "secret-1")
    with ctx.session_factory() as session:
        report = audit.verify(session)
    assert report.ok and report.entries >= 3
    with sqlite3.connect(ctx.paths.database) as conn:
        conn.execute("UPDATE audit_entry SET actor = 'mallory' WHERE id = 2")
    with ctx.session_factory() as session:
        report = audit.verify(session)
    assert not report.ok and any("#2" in p for p in report.problems)


def test_audit_chain_detects_deletion(ctx: AppContext) -> None:
    for i in range(3):
        ctx.users.add(f"u{i}", frozenset({Role.CLERK}), "secret-1")
    with sqlite3.connect(ctx.paths.database) as conn:
        conn.execute("DELETE FROM audit_entry WHERE id = 2")
    with ctx.session_factory() as session:
        assert not audit.verify(session).ok
