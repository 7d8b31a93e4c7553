"""The registry of Today sources: one small function per capability.

A source is ``(ctx, user, today) -> list[TodayItem]``; ``user`` is the signed-in staff member, or
None for the whole site's view (the CLI without ``--user``). Wiring a capability is one module in
this package and one line in ``SOURCES``; ``TodayService`` does the filtering and the ordering.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from app.today.items import TodayItem
from app.today.sources import catalogue, events, holidays, notices, policies, refinements, requests, sync
from app.users import StaffUser

if TYPE_CHECKING:
    from app.context import AppContext

Source = Callable[["AppContext", StaffUser | None, date], list[TodayItem]]

#: name → source; the name appears in logs when a source fails.
SOURCES: dict[str, Source] = {
    "holidays": holidays.items,
    "notices": notices.items,
    "requests": requests.items,
    "events": events.items,
    "catalogue": catalogue.items,
    "refinements": refinements.items,
    "policies": policies.items,
    "sync": sync.items,
}
