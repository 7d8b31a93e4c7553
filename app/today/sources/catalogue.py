"""Today source for the standard catalogue: items overdue or due within 3 working days.

Each item's 公开时限 is read into a rule by the catalogue (N working days after it was formed or
changed, 政府信息公开条例第二十六条; quarterly/monthly/yearly for 村务 and the like) and judged
against its recorded disclosures (``CatalogueService.compliance``); this module words the result.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app import messages as m
from app.messages import Arg, Label, Message
from app.today.items import DUE_SOON_WORKDAYS, Severity, TodayItem, severity_for
from app.users import Role, StaffUser

if TYPE_CHECKING:
    from app.context import AppContext

PAGE = "catalogue"


def items(ctx: AppContext, user: StaffUser | None, today: date) -> list[TodayItem]:
    calendar = ctx.holidays.calendar()
    found: list[TodayItem] = []
    for entry in ctx.catalogue.compliance(today, within_workdays=DUE_SOON_WORKDAYS):
        last: Arg = entry.last_disclosure if entry.last_disclosure else Label("无记录")
        severity = Severity.OVERDUE if entry.status == "overdue" else severity_for(entry.due, today, calendar)
        found.append(
            TodayItem.worded(
                kind="catalogue.disclosure_due",
                record_uuid=entry.item.uuid,
                page_key=PAGE,
                title=Message.of(m.CATALOGUE_DUE_TITLE, item=entry.item.title),
                # The rule is the catalogue's own wording (data of the standard catalogue).
                why=Message.of(m.CATALOGUE_DUE_WHY, rule=entry.rule_text, last=last, due=entry.due),
                due=entry.due,
                severity=severity or Severity.DUE_SOON,
                provisional=entry.provisional,
                role=Role.CLERK,  # the counter keeps the catalogue's disclosures (admins hold it too)
            )
        )
    return found
