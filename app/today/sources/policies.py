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

from app import messages as m
from app.messages import Label, Message
from app.today.items import Severity, TodayItem, severity_for
from app.users import Role, StaffUser

if TYPE_CHECKING:
    from app.context import AppContext

PAGE = "policies"


def items(ctx: AppContext, user: StaffUser | None, today: date) -> list[TodayItem]:
    found: list[TodayItem] = []
    for change in ctx.policies.changes():
        what = change.detail or Label(change.kind_label)
        found.append(
            TodayItem.worded(
                kind=f"policy.{change.kind}",
                record_uuid=change.document_uuid,
                page_key=PAGE,
                title=Message.of(m.POLICY_CHANGE_TITLE, kind=Label(change.kind_label), title=change.title),
                why=Message.of(
                    m.POLICY_CHANGE_WHY_ITEMS,
                    on=change.on,
                    what=what,
                    items="、".join(change.linked_items[:3]),
                )
                if change.linked_items
                else Message.of(m.POLICY_CHANGE_WHY, on=change.on, what=what),
                due=None,
                severity=Severity.INFO,
                role=Role.ADMIN,
            )
        )
    calendar = ctx.holidays.calendar()
    for doc in ctx.policies.without_interpretation():
        due = doc.published_on or today
        found.append(
            TodayItem.worded(
                kind="policy.interpretation_due",
                record_uuid=doc.uuid,
                page_key=PAGE,
                title=Message.of(m.POLICY_INTERPRETATION_TITLE, title=doc.title),
                why=Message.of(m.POLICY_INTERPRETATION_WHY, on=due),
                due=due,
                severity=severity_for(due, today, calendar) or Severity.INFO,
                role=Role.ADMIN,
            )
        )
    return found
