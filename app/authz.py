"""Who may do what: one table of permissions, one ``authorize()``, and the ``Action`` value.

Every service checks a user against ``PERMISSIONS`` through ``authorize(user, key)`` (it replaced
the role helpers each service had); the message names the user, the roles that may act and the
action, so the window and the command line say the same thing. A system actor (a plain string such
as "init", "cli" or "sync": the local tool, not a signed-in person) is not checked.

``Action`` is what a service's ``actions(user, uuid)`` returns: everything that may be done to one
record, in a fixed order (so buttons keep their places), each saying whether it applies to the
record now (``available``), whether this user may do it (``allowed``, with the reason when not), and
whether it cannot be undone (``irreversible``, with the question to ask first). Views make their
buttons from it and never re-derive the rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app import messages
from app.errors import PermissionDeniedError
from app.messages import Label, Message
from app.users import ROLE_LABELS, Role, StaffUser

CLERKS = frozenset({Role.CLERK, Role.ADMIN})
ADMIN = frozenset({Role.ADMIN})
CLERK = frozenset({Role.CLERK})
SIGNERS = frozenset({Role.FINAL_REVIEWER, Role.ADMIN})


@dataclass(frozen=True)
class Permission:
    """The roles that may do an action, and the action in words (for the refusal)."""

    roles: frozenset[Role]
    action: str


#: key -> who may do it. Keys name an action on a kind of record ("notice.publish").
PERMISSIONS: dict[str, Permission] = {
    # notices (三审三校: each review step needs its own role)
    "notice.create": Permission(CLERKS, "起草公示"),
    "notice.update": Permission(CLERKS, "修改公示"),
    "notice.submit": Permission(CLERKS, "提交公示审核"),
    "notice.review.first": Permission(frozenset({Role.FIRST_REVIEWER}), "初审公示"),
    "notice.review.second": Permission(frozenset({Role.SECOND_REVIEWER}), "复审公示"),
    "notice.review.final": Permission(frozenset({Role.FINAL_REVIEWER}), "终审公示"),
    "notice.publish": Permission(CLERKS, "发布公示"),
    "notice.withdraw": Permission(ADMIN, "撤回公示"),
    "notice.period_rule": Permission(ADMIN, "修改法定公示期"),
    "board.add": Permission(ADMIN, "登记公开栏"),
    "board.set_active": Permission(ADMIN, "停用或启用公开栏"),
    "posting.record": Permission(CLERKS, "登记张贴"),
    "posting.take_down": Permission(CLERKS, "登记撤下"),
    # information requests (each workflow move carries its own Permission in app/requests/rules.py)
    "request.intake": Permission(CLERKS, "登记依申请公开"),
    "request.extend": Permission(SIGNERS, "批准延期答复"),
    "request.rules": Permission(ADMIN, "修改法定期限"),
    # events
    "event_type.add": Permission(ADMIN, "新增活动类型"),
    "event_type.synonyms": Permission(ADMIN, "修改活动类型同义词"),
    "event.create": Permission(ADMIN, "安排活动"),
    "event.update": Permission(ADMIN, "修改活动"),
    "event.cancel_occurrence": Permission(ADMIN, "取消某次活动"),
    "event.move_occurrence": Permission(ADMIN, "调整某次活动时间"),
    "event.cancel": Permission(ADMIN, "取消活动"),
    "event.register": Permission(CLERK, "登记活动报名"),
    "event.cancel_registration": Permission(CLERK, "取消报名"),
    "event.check_in": Permission(CLERK, "活动签到"),
    "event.mark_held": Permission(CLERK, "登记活动已举办"),
    "event.close": Permission(ADMIN, "提交活动总结报告"),
    "event.publish_adoption": Permission(ADMIN, "公开意见采纳情况"),
    "event.target": Permission(ADMIN, "设置年度目标"),
    "event.import": Permission(ADMIN, "导入活动日历"),
    # catalogue
    "catalogue.import": Permission(ADMIN, "以市级或区县目录导入"),
    "catalogue.domain": Permission(ADMIN, "修改领域适用情况"),
    "catalogue.synonyms": Permission(ADMIN, "修改同义词表"),
    "catalogue.add": Permission(ADMIN, "增补目录事项"),
    "catalogue.update": Permission(ADMIN, "修改目录事项"),
    "catalogue.retire": Permission(ADMIN, "停用目录事项"),
    "catalogue.refine": Permission(ADMIN, "细化标准事项"),
    "catalogue.review_refinement": Permission(ADMIN, "复核本站点细化"),
    "catalogue.withdraw_refinement": Permission(ADMIN, "撤销本站点细化"),
    # the policy library
    "policy.add": Permission(ADMIN, "登记政策文件"),
    "policy.update": Permission(ADMIN, "修改政策文件"),
    "policy.publish": Permission(ADMIN, "发布政策文件"),
    "policy.retire": Permission(ADMIN, "标记政策文件失效或废止"),
    "policy.attach": Permission(ADMIN, "添加附件"),
    "policy.interpret": Permission(ADMIN, "添加政策解读"),
    "policy.link": Permission(ADMIN, "关联目录事项"),
    "policy.acknowledge": Permission(CLERKS, "确认文件变化"),
    "policy.register": Permission(CLERKS, "登记查阅"),
    # the rest
    "sync.resolve": Permission(CLERK, "处理同步冲突"),
    "device.invite": Permission(ADMIN, "邀请其他电脑加入本站点"),
    "device.revoke": Permission(ADMIN, "撤销电脑的同步凭据"),
    "assessment.criteria": Permission(ADMIN, "修改考核指标"),
    "kiosk.pin": Permission(ADMIN, "设置触摸屏退出密码"),
    # the site and its staff (Settings)
    "site.update": Permission(ADMIN, "修改站点信息"),
    "settings.update": Permission(ADMIN, "修改偏好设置"),
    "holidays.import": Permission(ADMIN, "导入节假日安排"),
    "user.add": Permission(ADMIN, "新增工作人员"),
    "user.reset_password": Permission(ADMIN, "重设工作人员密码"),
    "user.set_active": Permission(ADMIN, "停用或启用工作人员账号"),
}

Actor = StaffUser | str


def refusal_message(user: StaffUser, permission: Permission) -> Message:
    """The sentence a refused user reads (who, which roles may, what), translatable by the window."""
    roles: Message | None = None
    for role in sorted(permission.roles, key=list(Role).index, reverse=True):
        named = Message.of(messages.PERMISSION_ROLE, role=Label(ROLE_LABELS[role]))
        roles = named if roles is None else Message.of(messages.PERMISSION_ROLES, first=named, rest=roles)
    return Message.of(
        messages.PERMISSION_REFUSED, user=user.name, roles=roles or "", action=Label(permission.action)
    )


def refusal(user: StaffUser, permission: Permission) -> str:
    """The refusal in Chinese (the command line, the audit trail and ``str()`` of the error)."""
    return refusal_message(user, permission).text()


def _permission(what: str | Permission) -> Permission:
    return what if isinstance(what, Permission) else PERMISSIONS[what]


def allowed(user: Actor | None, what: str | Permission) -> bool:
    """Whether ``user`` may do ``what`` (a ``PERMISSIONS`` key or a ``Permission``)."""
    if isinstance(user, str):
        return True
    return user is not None and not user.roles.isdisjoint(_permission(what).roles)


def authorize(user: Actor, what: str | Permission) -> None:
    """PermissionDeniedError unless ``user`` may do ``what``; system actors (strings) always may."""
    if isinstance(user, str):
        return
    permission = _permission(what)
    if user.roles.isdisjoint(permission.roles):
        message = refusal_message(user, permission)
        raise PermissionDeniedError(message.text(), message=message)


def why_not(user: StaffUser | None, what: str | Permission) -> str:
    """Empty when allowed, else the refusal (a disabled button's tooltip)."""
    message = why_not_message(user, what)
    return message.text() if message is not None else ""


def why_not_message(user: StaffUser | None, what: str | Permission) -> Message | None:
    """None when allowed, else the refusal as a translatable message."""
    if user is None:
        return Message.of(messages.SIGN_IN_FIRST)
    return None if allowed(user, what) else refusal_message(user, _permission(what))


@dataclass(frozen=True)
class Action:
    """One thing that may be done to a record, as a view shows it (see the module docstring).

    ``key`` is stable ("notice.publish"); ``label`` and ``question`` are Simplified Chinese source
    text (the UI translates them in context "Actions"); ``question`` may contain ``{title}``, the
    record's name, which the UI fills in after translating.
    """

    key: str
    label: str
    available: bool
    allowed: bool = True
    reason: str = ""
    irreversible: bool = False
    question: str = ""
    #: the refusal as a translatable message when a permission (not a state rule) is the reason
    reason_message: Message | None = None

    @property
    def enabled(self) -> bool:
        return self.available and self.allowed


def action(
    key: str,
    label: str,
    available: bool,
    user: StaffUser | None,
    permission: str | Permission,
    *,
    reason: str = "",
    question: str = "",
) -> Action:
    """An ``Action`` whose ``allowed``/``reason`` come from the permission table; an explicit
    ``reason`` (a state rule, e.g. "you wrote this revision") also makes it not allowed."""
    refused = why_not_message(user, permission)
    return Action(
        key=key,
        label=label,
        available=available,
        allowed=refused is None and not reason,
        reason=refused.text() if refused is not None else reason,
        irreversible=bool(question),
        question=question,
        reason_message=refused,
    )


def keys(actions: Iterable[Action]) -> list[str]:
    return [a.key for a in actions]
