"""The one source of 'now': UTC instants for storage, Asia/Shanghai civil dates for deadlines.

Services take a ``Clock`` so tests can fix time (the clock is a true edge; nothing else is faked).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Asia/Shanghai")


class Clock:
    """Wall-clock time."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        """Today's civil date in China (deadlines are counted in civil days)."""
        return self.now().astimezone(ZONE).date()


class FixedClock(Clock):
    """A clock that stands still until moved; for tests and benchmarks."""

    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None:
            at = at.replace(tzinfo=ZONE)
        self._at = at.astimezone(UTC)

    def now(self) -> datetime:
        return self._at

    def advance(self, **kwargs: float) -> None:
        self._at += timedelta(**kwargs)

    def set(self, at: datetime) -> None:
        self._at = (at if at.tzinfo else at.replace(tzinfo=ZONE)).astimezone(UTC)


def local(dt: datetime) -> datetime:
    """A stored UTC instant shown in Asia/Shanghai."""
    return dt.astimezone(ZONE)
