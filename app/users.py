"""Staff accounts: roles, argon2 password hashes, sign-in and the role rules every action uses."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app import audit
from app.errors import AuthenticationError, InputError, PermissionDeniedError, StateError
from app.uow import read_only, transaction
from db.models import User


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

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._sf = session_factory

    def add(
        self,
        name: str,
        roles: frozenset[Role],
        password: str,
        *,
        display_name: str = "",
        actor: str = "system",
    ) -> StaffUser:
        name = name.strip()
        if not name:
            raise InputError("用户名不能为空")
        if len(password) < 6:
            raise InputError("密码至少 6 个字符")
        with transaction(self._sf) as session:
            if session.execute(select(User).where(User.name == name)).scalar():
                raise InputError(f"用户“{name}”已存在")
            row = User(
                name=name,
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
        """An administrator adds a staff member (Settings → 工作人员)."""
        from app.authz import authorize  # app.authz imports this module

        authorize(admin, "user.add")
        if not roles:
            raise InputError("请至少选择一个角色")
        return self.add(name, roles, password, display_name=display_name, actor=admin.name)

    def list(self) -> list[StaffUser]:
        with read_only(self._sf) as session:
            rows = session.execute(select(User).order_by(User.name)).scalars()
            return [_to_value(r) for r in rows]

    def get(self, name: str) -> StaffUser | None:
        with read_only(self._sf) as session:
            row = session.execute(select(User).where(User.name == name)).scalar()
            return _to_value(row) if row else None

    def authenticate(self, name: str, password: str) -> StaffUser:
        """The user if the password matches; AuthenticationError otherwise (same message either way)."""
        with read_only(self._sf) as session:
            row = session.execute(select(User).where(User.name == name)).scalar()
            if row is None or not row.active or not verify_password(row.password_hash, password):
                raise AuthenticationError("用户名或密码错误")
            return _to_value(row)

    def count(self) -> int:
        with read_only(self._sf) as session:
            return len(session.execute(select(User.id)).all())

    # -- an administrator looks after the accounts (Settings → 工作人员) ------------------------------

    def reset_password(self, admin: StaffUser, name: str, password: str) -> StaffUser:
        """Set a new password for ``name`` (the staff member forgot theirs); audited, the hash only."""
        from app.authz import authorize

        authorize(admin, "user.reset_password")
        if len(password) < 6:
            raise InputError("密码至少 6 个字符")
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
        row = session.execute(select(User).where(User.name == name)).scalar()
        if row is None:
            raise InputError(f"没有用户“{name}”")
        return row
