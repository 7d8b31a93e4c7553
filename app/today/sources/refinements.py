"""Today source for site refinements (本站点细化) whose standard item a new release changed.

Rule: a refinement is the site's wording of a standard item; when the city or district changes that
item, the site's wording may no longer fit, so an administrator keeps or updates it (catalogue page,
or ``gongkai catalogue keep|refine``). The item stays on Today until then.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.today.items import Severity, TodayItem
from app.users import Role, StaffUser

if TYPE_CHECKING:
    from app.context import AppContext

PAGE = "catalogue"
TITLE = "标准已更新，请复核本站点细化"


def items(ctx: AppContext, user: StaffUser | None, today: date) -> list[TodayItem]:
    found: list[TodayItem] = []
    for view in ctx.catalogue.refinements(review_only=True):
        assert view.refinement is not None
        found.append(
            TodayItem(
                kind="catalogue.refinement_review",
                record_uuid=view.uuid,
                page_key=PAGE,
                title=f"{TITLE}：{view.data.domain} / {view.title}",
                why=(
                    f"新版标准修改了此事项；本站点细化了{'、'.join(view.refinement.labels)}"
                    f"（{view.refinement.actor}，{view.refinement.at}）。请在目录页选“保留细化”，或用“本站点细化…”修改。"
                ),
                due=None,
                severity=Severity.INFO,
                role=Role.ADMIN,
            )
        )
    return found
