"""Random interleavings of local writes, syncs, lost and damaged exchanges, crashes and clock skew
(Hypothesis RuleBasedStateMachine), checked after every step for loss and duplication and, after
healing, for convergence."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from datetime import timedelta
from itertools import count
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from app.clock import Clock, FixedClock
from app.context import AppContext
from tests.server.support import (
    ClientCrash,
    FaultyTransport,
    Platform,
    Sites,
    assert_converged,
    event_payload,
    outbox_states,
    write,
)

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

FAULTS = [
    ("/push", "drop_response"),
    ("/push", "duplicate"),
    ("/push", "crash_after"),
    ("/push", "truncate"),
    ("/pull", "truncate"),
    ("/pull", "flip"),
    ("/pull", "crash_after"),
    ("/pull", "duplicate"),
]


@pytest.fixture
def fast_sites(template_db: Path) -> Iterator[Sites]:
    """Workstations on tmpfs when there is one: hundreds of rounds, each several fsynced commits."""
    base = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    root = Path(tempfile.mkdtemp(prefix="gongkai-sync-", dir=base))
    s = Sites(root, template_db)
    yield s
    s.close()
    shutil.rmtree(root, ignore_errors=True)


def test_random_interleavings_converge(platform: Platform, fast_sites: Sites) -> None:
    sites = fast_sites
    codes = count(1)

    class SyncMachine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.code = f"HYP-{next(codes):03d}"
            platform.add_site(self.code)
            self.clocks: list[FixedClock] = []
            self.stations: list[AppContext] = []
            self.records: list[str] = [str(uuid.uuid4()) for _ in range(4)]
            self._add_station()

        def _add_station(self) -> None:
            clock = FixedClock(Clock().now())
            ctx = sites.open(self.code, platform, token=platform.tokens[self.code], clock=clock)
            ctx.sync.transport = FaultyTransport()
            self.clocks.append(clock)
            self.stations.append(ctx)

        def _station(self, i: int) -> AppContext:
            return self.stations[i % len(self.stations)]

        @rule(i=st.integers(0, 1), r=st.integers(0, 3), title=st.sampled_from(["上午", "下午", "改期"]))
        def local_write(self, i: int, r: int, title: str) -> None:
            write(self._station(i), "event", event_payload(self.records[r], title=f"政策解读（{title}）"))

        @rule(i=st.integers(0, 1), r=st.integers(0, 3))
        def local_delete(self, i: int, r: int) -> None:
            write(self._station(i), "event", {"uuid": self.records[r]}, op="delete")

        @rule(i=st.integers(0, 1))
        def sync(self, i: int) -> None:
            self._station(i).sync.run_once()

        @rule(i=st.integers(0, 1), fault=st.sampled_from(FAULTS))
        def sync_with_fault(self, i: int, fault: tuple[str, str]) -> None:
            ctx = self._station(i)
            transport = ctx.sync.transport
            assert isinstance(transport, FaultyTransport)
            transport.arm(fault[0], fault[1], method="POST")
            try:
                ctx.sync.run_once()
            except ClientCrash:
                self.stations[self.stations.index(ctx)] = self._restart(ctx)
            transport.rules.clear()

        def _restart(self, ctx: AppContext) -> AppContext:
            restarted = sites.reopen(ctx)
            restarted.sync.transport = FaultyTransport()
            return restarted

        @rule(i=st.integers(0, 1), days=st.sampled_from([-400, -1, 3]))
        def skew_clock(self, i: int, days: int) -> None:
            self.clocks[i % len(self.clocks)].advance(days=days)

        @precondition(lambda self: len(self.stations) < 2)
        @rule()
        def add_workstation(self) -> None:
            self._add_station()

        @invariant()
        def nothing_lost_nothing_doubled(self) -> None:
            applied = platform.applied_ops(self.code)
            assert len(applied) == len(set(applied))
            for ctx in self.stations:
                for op_id, state in outbox_states(ctx).items():
                    assert state in ("queued", "acked", "rejected", "conflict")
                    if state == "acked":
                        assert op_id in applied

        def teardown(self) -> None:
            for clock in self.clocks:
                clock.set(Clock().now() + timedelta(seconds=0))
            for _ in range(2):
                for ctx in self.stations:
                    ctx.sync.transport = None
                    assert ctx.sync.run_once().ok
            assert_converged(platform, self.code, *self.stations)

    run_state_machine_as_test(
        SyncMachine,
        settings=settings(
            max_examples=25,
            stateful_step_count=15,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        ),
    )
