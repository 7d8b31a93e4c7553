"""Today source for the policy library: documents the site relies on that changed on the city platform,
and the site's own documents still waiting for their interpretation (三同步).

Rules:

* A document linked to one of the site's catalogue items (or named in an item's 公开依据) that the city
  platform published anew, revised, repealed or let expire is something to review: the items that rest
  on it, the reading table and the kiosk may need the new text. It stays until someone confirms it on the
  library page.
* 三同步 (2023 Jinan key points 三(二)): an interpretation is drafted, reviewed and released together
  with its policy document. A document the site issued (published, in force, marked as needing an
  interpretation) with no interpretation is due on its release date, and overdue after it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.today.items import Severity, TodayItem, date_text, severity_for
from app.users import Role, StaffUser

if TYPE_CHECKING:
    from app.context import AppContext

PAGE = "policies"
THREE_IN_STEP = "政策解读“三同步”：解读材料应与政策文件同步起草、同步审签、同步发布（2023年济南市政务公开工作要点 三(二)）"


def items(ctx: AppContext, user: StaffUser | None, today: date) -> list[TodayItem]:
    found: list[TodayItem] = []
    for change in ctx.policies.changes():
        items_text = "；关联目录事项：" + "、".join(change.linked_items[:3]) if change.linked_items else ""
        found.append(
            TodayItem(
                kind=f"policy.{change.kind}",
                record_uuid=change.document_uuid,
                page_key=PAGE,
                title=f"政策文件{change.kind_label}：《{change.title}》",
                why=f"市级平台于 {date_text(change.on)} {change.detail or change.kind_label}{items_text}；"
                "请核对关联的目录事项和查阅资料，在“政策文件”页确认",
                due=None,
                severity=Severity.INFO,
                role=Role.ADMIN,
            )
        )
    calendar = ctx.holidays.calendar()
    for doc in ctx.policies.without_interpretation():
        due = doc.published_on or today
        found.append(
            TodayItem(
                kind="policy.interpretation_due",
                record_uuid=doc.uuid,
                page_key=PAGE,
                title=f"政策解读：《{doc.title}》尚无解读材料",
                why=f"{THREE_IN_STEP}；文件发布于 {date_text(due)}",
                due=due,
                severity=severity_for(due, today, calendar) or Severity.INFO,
                role=Role.ADMIN,
            )
        )
    return found
