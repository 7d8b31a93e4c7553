"""What a write changed: the records it touched and the sentence that confirms it to the user.

Every user action writes an audit entry (``app.audit.record``) in its transaction, so the audit
call is where a write says what it changed: ``record`` calls ``note`` here, and a caller that wants
to know runs the write inside ``recording()``::

    with changes.recording() as rec:
        notice = ctx.notices.submit(uuid, actor=user)
    rec.changes.kinds      # frozenset({"notice"})
    rec.changes.message    # "已提交初审"

Nothing is recorded outside ``recording()`` (the CLI and the tests pay nothing). Writes that are
not audited but change what a view shows (settings) call ``note`` themselves. The recorder lives in
a ``ContextVar``, so a write on the UI's writer thread records into that thread's recorder only.

``Changes.kinds`` holds both the entity names of the audit entries ("posting", "catalogue_item")
and their **area** ("notice", "catalogue"): a view watches the area of the records it shows (the
staff window's ``DataBus.watch``). The confirmation is looked up in ``CONFIRMATIONS`` by action,
first with the record's new status (``"notice.review.approve:final_review"``); the last entry of
the write that has one wins (create-and-submit says 已提交初审, publish says 公示已发布 after the
disclosures it recorded). The UI translates it (context "Changes").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

#: Entity names whose area is not the part before the first underscore.
_AREAS: dict[str, str] = {
    "posting": "notice",
    "board": "notice",
    "setting": "settings",
    "site": "settings",
    "outbox": "sync",
}

#: action or "action:new status" -> the confirmation shown in the status bar (Simplified Chinese source).
CONFIRMATIONS: dict[str, str] = {
    # notices
    "notice.create": "公示已保存为草稿",
    "notice.update": "公示已保存",
    "notice.revise": "已形成新版本，须重新审核",
    "notice.submit": "已提交初审",
    "notice.review.approve:second_review": "初审通过，已送复审",
    "notice.review.approve:final_review": "复审通过，已送终审",
    "notice.review.approve:approved": "终审通过，公示已审定，可以打印张贴",
    "notice.review.return": "已退回修改",
    "notice.publish": "公示已发布",
    "notice.withdraw": "公示已撤回",
    "notice.post": "已登记张贴",
    "notice.take_down": "已登记撤下",
    "notice.print": "已记录打印",
    "notice.period_rule": "法定公示期已更新",
    "board.add": "公开栏已登记",
    "board.deactivate": "公开栏已停用",
    "board.reactivate": "公开栏已重新启用",
    # information requests
    "request.intake": "申请已接收，请打印回执",
    "request.transition:registered": "已登记申请",
    "request.transition:in_progress": "已转入办理",
    "request.transition:sign_off": "已提交审签",
    "request.transition:archived": "已归档",
    "request.correction": "已发出补正通知，答复期限暂停计算",
    "request.correction_received": "已登记补正材料，答复期限重新计算",
    "request.consultation_start": "已征求第三方意见，计时暂停",
    "request.consultation_end": "已登记第三方意见，计时恢复",
    "request.extend": "已批准延期答复",
    "request.answer": "已签发答复",
    "request_rule.set": "法定期限规则已更新",
    # events
    "event.create": "活动已安排",
    "event.update": "活动已修改",
    "event.cancel": "活动已取消",
    "event.exdate": "该次活动已取消",
    "event.move": "该次活动已改期",
    "event.register": "已登记报名",
    "event.cancel_registration": "已取消报名",
    "event.check_in": "已签到",
    "event.held": "已登记为已举办",
    "event.close": "活动总结已保存",
    "event.publish_adoption": "意见采纳情况已公开",
    "event.target": "年度目标已保存",
    "event.import_ics": "日历文件已导入",
    "event_type.add": "活动类型已添加",
    # catalogue
    "catalogue.import": "目录已导入",
    "catalogue.add": "事项已增补",
    "catalogue.update": "事项已修改",
    "catalogue.retire": "事项已停用",
    "catalogue.disclose": "已登记公开",
    "catalogue.synonyms": "同义词表已保存",
    "catalogue.domain": "领域适用情况已保存",
    # the rest
    "settings.set": "设置已保存",
    "holidays.import": "节假日安排已导入",
    "user.add": "用户已添加",
    "user.reset_password": "密码已重设",
    "user.deactivate": "账号已停用",
    "user.reactivate": "账号已重新启用",
    "site.update": "站点信息已保存",
    "assessment.criterion_save": "考核指标已保存",
    "sync.configure": "同步设置已保存",
    "sync.enrol": "本机已登记到市级平台",
    "device.invite": "邀请码已生成",
    "device.revoke": "电脑已撤销",
    "sync.conflict.resolve": "冲突已处理",
    "kiosk.set_pin": "触摸屏退出密码已设置",
}


def area_of(entity: str) -> str:
    """The area a view watches for records of ``entity`` ("catalogue_item" -> "catalogue")."""
    return _AREAS.get(entity) or entity.split("_", 1)[0]


@dataclass(frozen=True)
class Change:
    """One record a write touched, and the audited action (with the record's status after it)."""

    entity: str
    uuid: str
    action: str
    status: str = ""

    @property
    def confirmation(self) -> str:
        return CONFIRMATIONS.get(f"{self.action}:{self.status}") or CONFIRMATIONS.get(self.action, "")


@dataclass(frozen=True)
class Changes:
    """What one write changed. Empty for a write that changed nothing a view shows."""

    records: tuple[Change, ...] = ()
    extra_kinds: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of_kinds(cls, *kinds: str) -> Changes:
        """Changes known only by kind (a view told "notices changed" the old way)."""
        return cls((), frozenset(kinds))

    @property
    def kinds(self) -> frozenset[str]:
        """Entity names and their areas."""
        out = set(self.extra_kinds)
        for c in self.records:
            out.add(c.entity)
            out.add(area_of(c.entity))
        return frozenset(out)

    @property
    def areas(self) -> frozenset[str]:
        """The areas alone ("notice", "request", …): what the older ``changed`` signal names."""
        return frozenset({area_of(c.entity) for c in self.records} | self.extra_kinds)

    def touches(self, *kinds: str) -> bool:
        return not self.kinds.isdisjoint(kinds)

    def uuids(self, *kinds: str) -> frozenset[str]:
        """The records of these entity names or areas."""
        return frozenset(
            c.uuid for c in self.records if c.uuid and (c.entity in kinds or area_of(c.entity) in kinds)
        )

    @property
    def message(self) -> str:
        """The confirmation of the write (Simplified Chinese); empty when none is defined."""
        for c in reversed(self.records):
            if c.confirmation:
                return c.confirmation
        return ""

    def __bool__(self) -> bool:
        return bool(self.records or self.extra_kinds)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.records + other.records, self.extra_kinds | other.extra_kinds)


class Recorder:
    """Collects the changes noted while it is active; ``changes`` also after a failed write."""

    def __init__(self) -> None:
        self._records: list[Change] = []

    def add(self, change: Change) -> None:
        self._records.append(change)

    @property
    def changes(self) -> Changes:
        return Changes(tuple(self._records))


_current: ContextVar[Recorder | None] = ContextVar("gongkai_changes", default=None)


@contextmanager
def recording() -> Iterator[Recorder]:
    """Record what the writes inside the block change (nested blocks record into the inner one)."""
    recorder = Recorder()
    token = _current.set(recorder)
    try:
        yield recorder
    finally:
        _current.reset(token)


def note(entity: str, uuid: str = "", action: str = "", detail: Mapping[str, Any] | None = None) -> None:
    """Tell the active recorder (if any) that a write touched a record. Called by ``audit.record``."""
    recorder = _current.get()
    if recorder is None:
        return
    status = detail.get("status", "") if detail else ""
    recorder.add(Change(entity, uuid, action, status if isinstance(status, str) else ""))
