"""How long someone must wait after wrong passwords or PINs (pure policy; no database, no Qt).

Staff sign-in (``UserService.authenticate``: the window, the command line, the approver's password
for an extension): after ``SIGN_IN_THRESHOLD`` failures within ``SIGN_IN_WINDOW`` the account waits
``SIGN_IN_BASE_WAIT``, doubling with each further failure up to ``SIGN_IN_MAX_WAIT``. Failures are
counted per *typed* user name, known or not, so the waits (and their timing) are the same for a
name that does not exist: nobody learns which names are real. A successful sign-in clears the
count. Failures older than ``SIGN_IN_MEMORY`` are forgotten.

The kiosk's exit PIN pad: after ``PIN_THRESHOLD`` wrong PINs it locks for ``PIN_LOCK`` (the touch
screen stands in a public hall; a PIN of 4 digits would fall to a patient visitor otherwise).

The figures are documented in docs/limits.md ("Accounts").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

SIGN_IN_THRESHOLD = 5
SIGN_IN_WINDOW = timedelta(minutes=10)
SIGN_IN_BASE_WAIT = timedelta(seconds=30)
SIGN_IN_MAX_WAIT = timedelta(minutes=15)
SIGN_IN_MEMORY = timedelta(hours=24)

PIN_THRESHOLD = 5
PIN_LOCK = 60.0  # seconds


def sign_in_wait(failures: Sequence[datetime], now: datetime) -> timedelta:
    """How long a name must still wait before its password is checked again.

    ``failures`` are the times of its failed sign-ins since its last success (any order). The
    account is locked when its ``SIGN_IN_THRESHOLD`` most recent failures fall within
    ``SIGN_IN_WINDOW``; the wait runs from the newest failure and doubles with every failure beyond
    the threshold (30 s, 1 min, 2 min … 15 min).
    """
    recent = sorted((f for f in failures if now - f <= SIGN_IN_MEMORY), reverse=True)
    if len(recent) < SIGN_IN_THRESHOLD:
        return timedelta(0)
    if recent[0] - recent[SIGN_IN_THRESHOLD - 1] > SIGN_IN_WINDOW:
        return timedelta(0)
    extra = min(len(recent) - SIGN_IN_THRESHOLD, 10)
    wait = min(SIGN_IN_BASE_WAIT * (2**extra), SIGN_IN_MAX_WAIT)
    return max(timedelta(0), recent[0] + wait - now)


def wait_text(wait: timedelta) -> str:
    """ "30 秒" / "2 分钟" / "1 分 30 秒": the wait in words, rounded up to the second."""
    seconds = max(1, int(-(-wait.total_seconds() // 1)))
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return f"{seconds} 秒"
    return f"{minutes} 分钟" if not rest else f"{minutes} 分 {rest} 秒"


@dataclass(frozen=True)
class PinAttempt:
    """What one try at the kiosk's PIN pad gave."""

    ok: bool
    locked_for: float = 0.0  # seconds the pad stays locked (0: not locked)
    tries_left: int = PIN_THRESHOLD


class PinGuard:
    """Counts wrong PINs and locks the pad for ``PIN_LOCK`` seconds after ``PIN_THRESHOLD`` of them.

    In memory on purpose: the kiosk's database is opened read-only. A locked pad refuses even the
    right PIN until the lock ends (so guessing during a lock gains nothing).
    """

    def __init__(self, check: Callable[[str], bool], clock: Callable[[], float]) -> None:
        self._check = check
        self._clock = clock
        self._wrong = 0
        self._locked_until = 0.0

    def locked_for(self) -> float:
        return max(0.0, self._locked_until - self._clock())

    def attempt(self, pin: str) -> PinAttempt:
        left = self.locked_for()
        if left > 0:
            return PinAttempt(False, left, 0)
        if self._check(pin):
            self._wrong = 0
            return PinAttempt(True)
        self._wrong += 1
        if self._wrong >= PIN_THRESHOLD:
            self._wrong = 0
            self._locked_until = self._clock() + PIN_LOCK
            return PinAttempt(False, PIN_LOCK, 0)
        return PinAttempt(False, 0.0, PIN_THRESHOLD - self._wrong)
