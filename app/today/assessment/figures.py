"""What a computation function returns: the figure, how it was counted, and the records behind it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from app.today.assessment.period import Month

if TYPE_CHECKING:
    from app.context import AppContext


class Direction(StrEnum):
    """RATE: a share, higher is better, the target is the share that earns full marks.
    LIMIT: a count, lower is better, the target is the most allowed for full marks."""

    RATE = "rate"
    LIMIT = "limit"


#: Under LIMIT, each occurrence over the target costs this share of the criterion's weight.
LIMIT_PENALTY_PER_EXCESS = 0.25


@dataclass(frozen=True)
class Evidence:
    """One record behind a figure: what it is, when, and whether it counted in the site's favour."""

    record_uuid: str
    page_key: str
    title: str
    day: date | None
    ok: bool
    note: str = ""


@dataclass(frozen=True)
class Figure:
    """``numerator`` out of ``denominator`` (RATE) or a plain count in ``numerator`` (LIMIT)."""

    numerator: int
    denominator: int
    evidence: tuple[Evidence, ...] = ()

    @property
    def rate(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None


@dataclass(frozen=True)
class Method:
    """A computation selectable by its ``key`` in a criterion."""

    key: str
    label: str
    direction: Direction
    describe: str  # how it counts, in words (shown next to the criterion)
    compute: Callable[[AppContext, Month], Figure]


def achievement(method: Method, figure: Figure, target: float) -> float | None:
    """The share of the weight earned (0–1), or None when the month has nothing to measure."""
    if method.direction is Direction.RATE:
        rate = figure.rate
        if rate is None:
            return None
        return 1.0 if target <= 0 else min(1.0, rate / target)
    excess = figure.numerator - target
    return 1.0 if excess <= 0 else max(0.0, 1.0 - LIMIT_PENALTY_PER_EXCESS * excess)
