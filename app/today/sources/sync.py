"""Today source for sync: changes queued for more than a day, open conflicts, refused changes.

Rules (issue 9 / sync design): data entry never waits for the network, so a change can sit in the
outbox; one queued for more than ``QUEUE_AGE_DAYS`` means the city platform has not heard of it (a
QR code on a posted notice may open nothing). A conflict is never resolved silently: a person picks
a version. A refused change blocks nothing else but is not on the platform until corrected; its
item opens the record itself (a notice on the notices page), and disappears once a corrected
version is accepted.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from app.clock import local
from app.today.items import Section, Severity, TodayItem, date_text
from app.users import Role, StaffUser

if TYPE_CHECKING:
    from app.context import AppContext

PAGE = "sync"
QUEUE_AGE_DAYS = 1
#: Where a refused record is fixed: its own page opens at the record (the Sync page otherwise).
RECORD_PAGES = {
    "notice": "notices",
    "event": "calendar",
    "request": "requests",
    "catalogue_item": "catalogue",
}


def items(ctx: AppContext, user: StaffUser | None, today: date) -> list[TodayItem]:
    status = ctx.sync.status()
    found: list[TodayItem] = []
    age = status.oldest_queued_age_seconds
    if status.queued and age is not None and age > QUEUE_AGE_DAYS * 86400:
        since = local(ctx.clock.now() - timedelta(seconds=age)).date()
        where = "尚未配置同步服务器" if not status.configured else "请检查网络后在“同步”页点“立即同步”"
        found.append(
            TodayItem(
                kind="sync.queue_stale",
                record_uuid="",
                page_key=PAGE,
                title=f"{status.queued} 项更改尚未送达市级平台",
                why=f"最早的一项自 {date_text(since)} 起一直在排队（超过 {QUEUE_AGE_DAYS} 天）；{where}",
                due=since,
                severity=Severity.OVERDUE,
                role=None,
                section_hint=Section.SYNC,
            )
        )
    for c in ctx.sync.conflicts():
        found.append(
            TodayItem(
                kind="sync.conflict",
                record_uuid=c.entity_uuid,
                page_key=PAGE,
                title=f"同步冲突：{c.title}",
                why=f"本机与市级平台对同一记录的修改不同（{date_text(local(c.created_at).date())}），须由人选定保留哪一版",
                due=local(c.created_at).date(),
                severity=Severity.DUE_TODAY,
                role=Role.CLERK,  # staff who may settle it (SyncService.resolve needs a clerk)
                section_hint=Section.SYNC,
            )
        )
    for r in ctx.sync.rejected():
        # The platform keeps what it accepted before (if anything): this change is not public.
        effect = "，公开页面（二维码）不会显示这次修改" if r.entity == "notice" else ""
        found.append(
            TodayItem(
                kind="sync.rejected",
                record_uuid=r.entity_uuid,
                page_key=RECORD_PAGES.get(r.entity, PAGE),
                title=f"市级平台拒收：{r.title}",
                why=f"{date_text(local(r.rejected_at).date())}拒收。理由：{r.message}{effect}；请改正后重新提交",
                due=local(r.rejected_at).date(),
                severity=Severity.DUE_TODAY,
                role=Role.CLERK,
                section_hint=Section.SYNC,
            )
        )
    return found
