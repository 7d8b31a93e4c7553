"""Holiday data in the database, and the working-day calendar built from it.

The bundled official schedules (resources/data/holidays) are loaded into the database by ``init``;
imported files and the city platform's releases replace whole years. Every deadline in the app asks
``HolidayService.calendar()`` for the one ``WorkdayCalendar`` it computes with.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from app import audit
from app.errors import InputError
from app.uow import read_only, transaction
from app.workdays import HolidayYear, WorkdayCalendar, load_bundled, parse_holiday_file
from app.workdays.sources import HolidayFileError
from db.models import Holiday
from db.models import HolidayYear as HolidayYearRow


def _to_value(row: HolidayYearRow) -> HolidayYear:
    return HolidayYear(
        year=row.year,
        holidays={d.day: d.name for d in row.days if d.kind == "holiday"},
        workdays={d.day: d.name for d in row.days if d.kind == "workday"},
        source=row.source,
    )


class HolidayService:
    """Stores holiday years and hands out the calendar (cached until the data changes)."""

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._sf = session_factory
        self._lock = threading.Lock()
        self._calendar: WorkdayCalendar | None = None

    def calendar(self) -> WorkdayCalendar:
        with self._lock:
            if self._calendar is None:
                self._calendar = WorkdayCalendar({hy.year: hy for hy in self.years()})
            return self._calendar

    def invalidate(self) -> None:
        with self._lock:
            self._calendar = None

    def years(self) -> list[HolidayYear]:
        with read_only(self._sf) as session:
            rows = session.execute(
                select(HolidayYearRow)
                .options(selectinload(HolidayYearRow.days))
                .order_by(HolidayYearRow.year)
            ).scalars()
            return [_to_value(r) for r in rows]

    def seed_bundled(self, session: Session) -> list[int]:
        """Load bundled years that the database does not have yet (never overwrites newer data)."""
        have = set(session.execute(select(HolidayYearRow.year)).scalars())
        added = []
        for year, hy in sorted(load_bundled().items()):
            if year not in have:
                self._store(session, hy)
                added.append(year)
        self.invalidate()
        return added

    def store_years(self, years: list[HolidayYear], *, actor: str, source: str) -> list[int]:
        """Replace each given year completely, in one transaction."""
        with transaction(self._sf) as session:
            for hy in years:
                self._store(session, HolidayYear(hy.year, hy.holidays, hy.workdays, source))
            audit.record(
                session,
                actor=actor,
                action="holidays.import",
                entity="holiday_year",
                detail={"years": [hy.year for hy in years], "source": source},
            )
        self.invalidate()
        return [hy.year for hy in years]

    def import_file(self, path: Path, *, actor: str) -> list[int]:
        try:
            years = parse_holiday_file(path)
        except HolidayFileError as exc:
            raise InputError(str(exc)) from None
        return self.store_years(years, actor=actor, source=f"import:{path.name}")

    @staticmethod
    def _store(session: Session, hy: HolidayYear) -> None:
        existing = session.get(HolidayYearRow, hy.year)
        if existing is not None:
            session.delete(existing)
            session.flush()
        row = HolidayYearRow(year=hy.year, source=hy.source)
        row.days = [Holiday(day=d, kind="holiday", name=n) for d, n in sorted(hy.holidays.items())] + [
            Holiday(day=d, kind="workday", name=n) for d, n in sorted(hy.workdays.items())
        ]
        session.add(row)
        session.flush()

    def day_kinds(self, year: int) -> list[tuple[date, str, str]]:
        hy = next((y for y in self.years() if y.year == year), None)
        if hy is None:
            return []
        rows = [(d, "holiday", n) for d, n in hy.holidays.items()]
        rows += [(d, "workday", n) for d, n in hy.workdays.items()]
        return sorted(rows)
