"""The composition of Gongkai's services over one data directory.

``AppContext.open`` is called once by the composition root (app/__main__.py via the CLI, or a test
fixture); it makes the engine, migrates the database and builds every service with its
dependencies. Nothing here is global: two contexts on two data directories live side by side.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.clock import Clock
from app.filemodes import private_file
from app.holidays import HolidayService
from app.paths import DataPaths
from app.settings import SettingsService
from app.sites import SiteService
from app.users import UserService
from db import migrate
from db.session import make_engine, make_session_factory

if TYPE_CHECKING:
    from app.catalogue import CatalogueService
    from app.events import EventService
    from app.notices import NoticeService
    from app.policies.service import PolicyService
    from app.requests import RequestService
    from app.sync.devices import DeviceService
    from app.sync.service import SyncService
    from app.sync.values import PulledRow
    from app.today import TodayService


@dataclass
class AppContext:
    """Every service, built over one database.

    The foundation services (users, sites, settings, holidays) are built at once: signing in needs
    them. Each capability's service is built, and its module imported, on first use, so the sign-in
    window does not wait for code the clerk has not reached yet (bench/startup.py);
    ``warm_up()`` builds them all, e.g. from a background thread while the clerk types.
    """

    paths: DataPaths
    engine: Engine
    session_factory: sessionmaker[Session]
    clock: Clock
    readonly: bool
    users: UserService = field(init=False)
    sites: SiteService = field(init=False)
    settings: SettingsService = field(init=False)
    holidays: HolidayService = field(init=False)

    def __post_init__(self) -> None:
        sf = self.session_factory
        if not self.readonly:
            from app.sync.replica import track

            # Every write of a replicated record queues its sealed aggregate (docs/sync-replication.md).
            track.install(sf)
        self.users = UserService(sf, self.clock)
        self.sites = SiteService(sf)
        self.settings = SettingsService(sf)
        self.holidays = HolidayService(sf)

    @cached_property
    def catalogue(self) -> CatalogueService:
        from app.catalogue import CatalogueService

        return CatalogueService(self.session_factory, self.clock, self.holidays)

    @cached_property
    def notices(self) -> NoticeService:
        from app.notices import NoticeService

        return NoticeService(
            self.session_factory,
            self.clock,
            self.holidays,
            self.settings,
            self.paths.blobs,
            readonly=self.readonly,
            catalogue=self.catalogue,
        )

    @cached_property
    def requests(self) -> RequestService:
        from app.requests import RequestService

        return RequestService(
            self.session_factory,
            self.clock,
            self.holidays,
            self.settings,
            self.sites,
            # The 查阅登记's yearly figure for the annual report (the library is opened only then).
            reading_figures=lambda year: self.policies.register_figures(year),
        )

    @cached_property
    def events(self) -> EventService:
        from app.events import EventService

        return EventService(
            self.session_factory, self.clock, self.settings, self.holidays.calendar, self.sites
        )

    @cached_property
    def policies(self) -> PolicyService:
        from app.policies.service import PolicyService

        return PolicyService(
            self.session_factory,
            self.clock,
            self.settings,
            self.paths.blobs,
            readonly=self.readonly,
            events=self.events,
        )

    @cached_property
    def sync(self) -> SyncService:
        from app.sync import wire
        from app.sync.service import SyncService

        service = SyncService(self.session_factory, self.paths, self.clock, self.settings, self.holidays)
        # City catalogue releases arrive through the same importer a clerk uses (a new version with
        # its diff); importing a release twice changes nothing, which the sync applier contract needs.
        service.register_applier(wire.BUCKET_CATALOGUE, self._apply_catalogue_releases)
        # The city's policy library: documents and interpretations, 废止 included (app/policies/sync.py).
        service.register_applier(wire.BUCKET_POLICIES, self._apply_policy_rows)
        return service

    @cached_property
    def devices(self) -> DeviceService:
        from app.sync.devices import DeviceService

        return DeviceService(self.sync, self.settings)

    @cached_property
    def today(self) -> TodayService:
        from app.today import TodayService

        return TodayService(self)

    def warm_up(self) -> None:
        """Build every capability's service now (imports included)."""
        for name in ("catalogue", "notices", "requests", "events", "policies", "sync", "today"):
            getattr(self, name)

    def _apply_catalogue_releases(self, rows: list[PulledRow]) -> None:
        for row in rows:
            if row.file is not None and not row.deleted:
                self.catalogue.import_file(
                    row.file, actor="sync", origin="city", source=row.data.get("label")
                )

    def _apply_policy_rows(self, rows: list[PulledRow]) -> None:
        from app.policies.sync import apply_platform_rows

        apply_platform_rows(self.policies, rows)

    @classmethod
    def open(
        cls,
        paths: DataPaths,
        *,
        readonly: bool = False,
        clock: Clock | None = None,
        migrate_schema: bool = True,
    ) -> AppContext:
        """Open (and, unless read-only, create or migrate) the database in ``paths``."""
        if not readonly:
            paths.ensure()
            private_file(paths.database)  # 0600 from its first byte; SQLite's -wal/-shm follow it
        engine = make_engine(paths.database, readonly=readonly)
        if readonly:
            migrate.check_not_newer(engine)
        elif migrate_schema:
            migrate.upgrade(engine, paths.database)
        return cls(paths, engine, make_session_factory(engine), clock or Clock(), readonly)

    def close(self) -> None:
        self.engine.dispose()
