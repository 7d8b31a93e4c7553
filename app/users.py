"""Staff accounts: roles, argon2 password hashes, sign-in and the role rules every action uses.

Account rules (issue #13):
- The first administrator is made by ``gongkai init --admin NAME`` or the first-run window
  (``create_first_admin``); after that only an administrator adds staff (``create``: the window's
  staff list and ``gongkai user add NAME --role R --user ADMIN``). ``add`` is the provisioning
  call behind them (demo data and tests); no staff-facing path reaches it without those checks.
- User names are case-insensitive: ``name_key`` (NFKC, case-folded) is unique and is what sign-in
  looks up, so "Admin" and "admin" are the same account.
- Sign-in failures are audited (``user.sign_in_failed``) and counted per typed name; after too
  many the name must wait (app.lockout). An unknown name costs the same as a wrong password: its
  password is verified against a dummy hash and its failures are counted and audited the same way,
  so neither the timing nor the answers tell which names exist.
"""

from __future__ import annotations

import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from app import audit, lockout
from app.clock import Clock
from app.errors import AuthenticationError, InputError, PermissionDeniedError, StateError
from app.uow import read_only, transaction
from db.models import SignInFailure, User


class Role(StrEnum):
    """What a staff member may do; a user holds one or more."""

    CLERK = "clerk"
    FIRST_REVIEWER = "first_reviewer"
    SECOND_REVIEWER = "second_reviewer"
    FINAL_REVIEWER = "final_reviewer"
    ADMIN = "admin"


ROLE_LABELS: dict[Role, str] = {
    Role.CLERK: "窗口工作人员",
    Role.FIRST_REVIEWER: "初审",
    Role.SECOND_REVIEWER: "复审",
    Role.FINAL_REVIEWER: "终审",
    Role.ADMIN: "政务公开专员（管理员）",
}

_hasher = PasswordHasher()
_dummy_hash: str | None = None

NAME_MAX = 64
PASSWORD_MIN = 6


class AccountLockedError(AuthenticationError):
    """Too many failed sign-ins for this name: it must wait ``wait`` before trying again."""

    def __init__(self, wait: timedelta) -> None:
        super().__init__(f"登录失败次数过多，请 {lockout.wait_text(wait)}后再试。")
        self.wait = wait


def name_key(name: str) -> str:
    """The form a user name is compared in: NFKC-normalised, case-folded, trimmed."""
    return unicodedata.normalize("NFKC", name.strip()).casefold()[:NAME_MAX]


def _dummy() -> str:
    """A hash of a random password made with the same parameters as real ones (for unknown names)."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _hasher.hash(secrets.token_urlsafe(16))
    return _dummy_hash


@dataclass(frozen=True)
class StaffUser:
    """A signed-in (or listed) user, as a plain value handed to views and services."""

    id: int
    uuid: str
    name: str
    display_name: str
    roles: frozenset[Role]
    active: bool = True

    def has(self, role: Role) -> bool:
        return role in self.roles

    def require(self, role: Role, action: str) -> None:
        """Raise PermissionDeniedError unless the user holds ``role``."""
        if role not in self.roles:
            raise PermissionDeniedError(f"用户“{self.name}”没有“{ROLE_LABELS[role]}”角色，不能{action}。")

    @property
    def label(self) -> str:
        return self.display_name or self.name


def parse_roles(text: str) -> frozenset[Role]:
    """Roles from ``clerk,admin``; raises InputError naming the unknown role."""
    roles: set[Role] = set()
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        try:
            roles.add(Role(part))
        except ValueError:
            valid = ", ".join(r.value for r in Role)
            raise InputError(f"--role：未知角色“{part}”，应为以下之一：{valid}") from None
    if not roles:
        raise InputError("--role：至少需要一个角色")
    return frozenset(roles)


def _to_value(row: User) -> StaffUser:
    roles = frozenset(Role(r) for r in row.roles.split(",") if r)
    return StaffUser(row.id, row.uuid, row.name, row.display_name, roles, row.active)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


class UserService:
    """Create, list and authenticate staff."""

    def __init__(self, session_factory: sessionmaker[Session], clock: Clock | None = None) -> None:
        self._sf = session_factory
        self._clock = clock or Clock()

    # -- adding staff ------------------------------------------------------------------------------

    def add(
        self,
        name: str,
        roles: frozenset[Role],
        password: str,
        *,
        display_name: str = "",
        actor: str = "system",
    ) -> StaffUser:
        """Provision an account without an actor check (demo data, tests). Staff-facing paths call
        ``create`` (an administrator adds) or ``create_first_admin`` (set-up)."""
        name = name.strip()
        if not name:
            raise InputError("用户名不能为空")
        if len(name) > NAME_MAX:
            raise InputError(f"用户名最长 {NAME_MAX} 个字符")
        if len(password) < PASSWORD_MIN:
            raise InputError(f"密码至少 {PASSWORD_MIN} 个字符")
        key = name_key(name)
        with transaction(self._sf) as session:
            existing = session.execute(select(User.name).where(User.name_key == key)).scalar()
            if existing is not None:
                same = "" if existing == name else f"（用户名不区分大小写，与“{existing}”相同）"
                raise InputError(f"用户“{name}”已存在{same}")
            row = User(
                name=name,
                name_key=key,
                display_name=display_name,
                roles=",".join(sorted(r.value for r in roles)),
                password_hash=hash_password(password),
            )
            session.add(row)
            session.flush()
            audit.record(
                session,
                actor=actor,
                action="user.add",
                entity="user",
                entity_uuid=row.uuid,
                detail={"name": name, "roles": sorted(r.value for r in roles)},
            )
            return _to_value(row)

    def create(
        self, admin: StaffUser, name: str, roles: frozenset[Role], password: str, *, display_name: str = ""
    ) -> StaffUser:
        """An administrator adds a staff member (the window's staff list, ``gongkai user add``)."""
        admin.require(Role.ADMIN, "新增工作人员")
        if not roles:
            raise InputError("请至少选择一个角色")
        return self.add(name, roles, password, display_name=display_name, actor=admin.name)

    def has_admin(self) -> bool:
        with read_only(self._sf) as session:
            return any(
                Role.ADMIN.value in roles.split(",")
                for roles in session.execute(select(User.roles).where(User.active.is_(True))).scalars()
            )

    def create_first_admin(
        self, name: str, password: str, *, display_name: str = "", actor: str = "init"
    ) -> StaffUser:
        """The site's first administrator (``gongkai init --admin``, the first-run window).

        Refused once an administrator exists: from then on an administrator adds staff.
        """
        if self.has_admin():
            raise StateError(
                "本站已有管理员，不能再用初始化新增管理员：请由管理员新增（gongkai user add 用户名 --role admin --user 管理员）"
            )
        return self.add(
            name, frozenset({Role.ADMIN, Role.CLERK}), password, display_name=display_name, actor=actor
        )

    # -- reading -------------------------------------------------------------------------------------

    def list(self) -> list[StaffUser]:
        with read_only(self._sf) as session:
            rows = session.execute(select(User).order_by(User.name_key)).scalars()
            return [_to_value(r) for r in rows]

    def get(self, name: str) -> StaffUser | None:
        with read_only(self._sf) as session:
            row = session.execute(select(User).where(User.name_key == name_key(name))).scalar()
            return _to_value(row) if row else None

    def count(self) -> int:
        with read_only(self._sf) as session:
            return len(session.execute(select(User.id)).all())

    # -- signing in ----------------------------------------------------------------------------------

    def sign_in_wait(self, name: str) -> timedelta:
        """How long ``name`` must still wait before its password is checked again (0: not locked)."""
        key = name_key(name)
        with read_only(self._sf) as session:
            return lockout.sign_in_wait(self._failures(session, key), self._clock.now())

    def authenticate(self, name: str, password: str) -> StaffUser:
        """The user if the password matches; AuthenticationError otherwise (same message whether the
        name exists or not), AccountLockedError while the name must wait (see app.lockout)."""
        key = name_key(name)
        now = self._clock.now()
        dummy = _dummy()  # made on the first sign-in of the process, whatever the name
        with read_only(self._sf) as session:
            wait = lockout.sign_in_wait(self._failures(session, key), now)
            row = session.execute(select(User).where(User.name_key == key)).scalar() if key else None
            found = _to_value(row) if row is not None and row.active else None
            stored = row.password_hash if found is not None and row is not None else dummy
        if wait > timedelta(0):
            raise AccountLockedError(wait)
        # Always one argon2 verification: an unknown or inactive name is checked against a dummy
        # hash, so the time taken does not tell whether the name exists.
        ok = verify_password(stored, password) and found is not None
        with transaction(self._sf) as session:
            if ok:
                session.execute(delete(SignInFailure).where(SignInFailure.name_key == key))
                assert found is not None
                return found
            session.execute(delete(SignInFailure).where(SignInFailure.at < now - lockout.SIGN_IN_MEMORY))
            session.add(SignInFailure(name_key=key, at=now))
            audit.record(
                session,
                actor="sign-in",
                action="user.sign_in_failed",
                entity="user",
                entity_uuid=found.uuid if found is not None else "",
                detail={"name": name.strip()[:NAME_MAX]},
            )
            wait = lockout.sign_in_wait(self._failures(session, key), now)
        if wait > timedelta(0):
            raise AccountLockedError(wait)
        raise AuthenticationError("用户名或密码错误")

    @staticmethod
    def _failures(session: Session, key: str) -> tuple[datetime, ...]:
        return tuple(session.execute(select(SignInFailure.at).where(SignInFailure.name_key == key)).scalars())

    # -- an administrator looks after the accounts (Settings → 工作人员) ------------------------------

    def reset_password(self, admin: StaffUser, name: str, password: str) -> StaffUser:
        """Set a new password for ``name`` (the staff member forgot theirs); audited, the hash only."""
        from app.authz import authorize

        authorize(admin, "user.reset_password")
        if len(password) < PASSWORD_MIN:
            raise InputError(f"密码至少 {PASSWORD_MIN} 个字符")
        with transaction(self._sf) as session:
            row = self._row(session, name)
            row.password_hash = hash_password(password)
            audit.record(
                session,
                actor=admin.name,
                action="user.reset_password",
                entity="user",
                entity_uuid=row.uuid,
                detail={"name": row.name},
            )
            return _to_value(row)

    def set_active(self, admin: StaffUser, name: str, active: bool) -> StaffUser:
        """Deactivate (cannot sign in, history kept) or reactivate an account.

        Refused for one's own account: an administrator cannot lock themselves out, so the site
        always keeps an active administrator who can manage staff and settings.
        """
        from app.authz import authorize

        authorize(admin, "user.set_active")
        with transaction(self._sf) as session:
            row = self._row(session, name)
            if row.active == active:
                return _to_value(row)
            if not active and row.name == admin.name:
                raise StateError("不能停用自己正在使用的账号（本站需要始终有一位在用的管理员）")
            row.active = active
            audit.record(
                session,
                actor=admin.name,
                action="user.reactivate" if active else "user.deactivate",
                entity="user",
                entity_uuid=row.uuid,
                detail={"name": row.name},
            )
            return _to_value(row)

    @staticmethod
    def _row(session: Session, name: str) -> User:
        row = session.execute(select(User).where(User.name_key == name_key(name))).scalar()
        if row is None:
            raise InputError(f"没有用户“{name}”")
        return row
