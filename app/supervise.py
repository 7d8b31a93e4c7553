"""Keep a child process running: restart it when it crashes, with capped exponential back-off.

Used by ``gongkai kiosk --supervise`` so an unattended touch screen comes back by itself after a
crash (Xibo and Anthias users' most common complaint is a black screen nobody notices). A clean
exit (code 0: the admin left through the PIN) ends supervision; any other exit, including death by
a signal, is logged and followed by a restart after 1, 2, 4 ... seconds, capped. A run that lasted
longer than ``stable_after`` seconds resets the back-off, so a crash once a week restarts at once.
"""

from __future__ import annotations

import logging
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SupervisePolicy:
    first_delay: float = 1.0
    max_delay: float = 60.0
    stable_after: float = 300.0
    #: Give up after this many restarts in a row (None: never; a kiosk should keep trying).
    max_restarts: int | None = None


@dataclass(frozen=True)
class SuperviseResult:
    exit_code: int
    restarts: int


def supervise(
    command: Sequence[str],
    policy: SupervisePolicy = SupervisePolicy(),  # noqa: B008 (frozen value)
    *,
    sleep: Callable[[float], None] = time.sleep,
    monotonic: Callable[[], float] = time.monotonic,
) -> SuperviseResult:
    """Run ``command`` until it exits with 0; restart it on any other exit."""
    restarts = 0
    delay = policy.first_delay
    while True:
        started = monotonic()
        log.info("supervise: starting %s", " ".join(command))
        code = subprocess.call(list(command))
        if code == 0:
            log.info("supervise: child exited cleanly after %d restart(s); supervision ends", restarts)
            return SuperviseResult(0, restarts)
        if monotonic() - started >= policy.stable_after:
            delay = policy.first_delay
        if policy.max_restarts is not None and restarts >= policy.max_restarts:
            log.error("supervise: child exited with %s; giving up after %d restart(s)", code, restarts)
            return SuperviseResult(code, restarts)
        restarts += 1
        log.warning("supervise: child exited with %s; restart %d in %.1f s", code, restarts, delay)
        sleep(delay)
        delay = min(delay * 2, policy.max_delay)
