"""Self-assessment computation over information requests: answered within the statutory time.

Of the requests answered in the month, how many were answered on or before their due date as
the requests service computes it (20 working days from receipt, 条例第三十三条, plus an approved
extension of up to 20 working days, with corrections restarting and consultations pausing the clock).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.today.assessment.figures import Direction, Evidence, Figure, Method
from app.today.assessment.period import Month

if TYPE_CHECKING:
    from app.context import AppContext

PAGE = "requests"


def requests_on_time(ctx: AppContext, month: Month) -> Figure:
    evidence: list[Evidence] = []
    for s in ctx.requests.list():
        if s.answered_on is None or not month.contains(s.answered_on):
            continue
        ok = s.due_on is not None and s.answered_on <= s.due_on
        due = s.due_on.isoformat() if s.due_on else "无"
        evidence.append(
            Evidence(
                s.uuid,
                PAGE,
                f"{s.number} {s.description[:30]}",
                s.answered_on,
                ok,
                f"答复期限 {due}"
                + ("" if ok else "，逾期答复")
                + (f"（延期 {s.extension_days} 个工作日）" if s.extension_days else ""),
            )
        )
    return Figure(sum(e.ok for e in evidence), len(evidence), tuple(evidence))


METHODS = (
    Method(
        key="requests_on_time",
        label="按期答复率",
        direction=Direction.RATE,
        describe="本月答复的依申请公开申请中，在法定期限（含批准的延期）内答复的比例",
        compute=requests_on_time,
    ),
)
