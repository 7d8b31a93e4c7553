"""Housekeeping: the writes that follow from the date, run when the window starts and at midnight.

Reads never write (a list of notices shows a published notice past its period as expired without
storing it). What the date changes is stored here instead, each step one transaction with its
audit and outbox entries, so the city platform hears of it:

- notices whose posting period ended are stored as expired (``NoticeService.expire_due``);
- the outbox is compacted (``app.outbox.prune``: acknowledged payloads superseded by a later entry
  of the same record, older than ``app.outbox.KEEP_ACKED_DAYS``);
- the working-day calendar is read again at its next use: this process rebuilds it whenever it
  stores holiday years itself, but a year imported by another process (``gongkai holidays import``
  while the window runs) would otherwise reach the window's deadlines only after a restart.

The staff window calls ``run`` through its operations layer (the writer thread) after sign-in and
at every midnight; ``gongkai compact`` runs the prune and then VACUUMs the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from app import outbox
from app.uow import transaction

if TYPE_CHECKING:
    from app.context import AppContext


@dataclass(frozen=True)
class HousekeepingReport:
    expired_notices: int
    pruned_payloads: int


def prune_outbox(ctx: AppContext) -> int:
    """Compact the outbox (one transaction); returns how many payloads were emptied."""
    before = ctx.clock.now() - timedelta(days=outbox.KEEP_ACKED_DAYS)
    with transaction(ctx.session_factory) as session:
        return outbox.prune(session, before=before)


def run(ctx: AppContext) -> HousekeepingReport:
    """Every housekeeping step (idempotent: running it twice a day changes nothing the second time)."""
    ctx.holidays.invalidate()
    if ctx.readonly:
        return HousekeepingReport(0, 0)
    return HousekeepingReport(ctx.notices.expire_due(), prune_outbox(ctx))
