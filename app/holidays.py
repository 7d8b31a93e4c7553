"""Holiday data in the database, and the working-day calendar built from it.

The bundled official schedules (resources/data/holidays) are loaded into the database by ``init``;
imported files and the city platform's releases replace whole years. Every deadline in the app asks
``HolidayService.calendar()`` for the one ``WorkdayCalendar`` it computes with.

An import is held to two rules (issue #13; docs/holidays-format.md §3): every year in the file must
be complete (``wire.holiday_year_problem``: a one-line file is refused), and a year the database
already has (bundled, from the city platform, or imported before) is replaced only when asked
(``replace=True``, ``gongkai holidays import --replace``) after its differences have been shown;
a year identical to what is stored is left as it is.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from app import audit
from app.errors import InputError
from app.sync import wire
from app.uow import read_only, transaction
from app.workdays import HolidayYear, WorkdayCalendar, load_bundled, parse_holiday_file
from app.workdays.sources import HolidayFileError
from db.models import Holiday
from db.models import HolidayYear as HolidayYearRow


class ReplaceNeededError(InputError):
    """The file would change years the database already has; ``problems`` lists the differences,
    ``years`` the years concerned."""

    def __init__(self, message: str, problems: list[str], years: list[int]) -> None:
        super().__init__(message, problems)
        self.years = years


@dataclass(frozen=True)
class HolidayImport:
    """What an import did: years stored (new or replaced) and years left as they were."""

    stored: list[int]
    replaced: list[int]
    unchanged: list[int]


def differences(old: HolidayYear, new: HolidayYear) -> list[str]:
    """The changes from ``old`` to ``new``, one line per date, in date order."""
    lines = []
    for day in sorted(set(old.holidays) | set(old.workdays) | set(new.holidays) | set(new.workdays)):
        before = _describe(old, day)
        after = _describe(new, day)
        if before != after:
            lines.append(f"{day.isoformat()}：{before or '普通日'} → {after or '普通日（删去）'}")
    return lines


def _describe(hy: HolidayYear, day: date) -> str:
    if day in hy.holidays:
        return f"放假（{hy.holidays[day]}）"
    if day in hy.workdays:
        return f"调休上班（{hy.workdays[day]}）"
    return ""


SOURCE_WORDS = {"bundled": "内置的国务院办公厅通知", "city-platform": "市级平台下发的数据"}


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

    def import_file(self, path: Path, *, actor: str, replace: bool = False) -> HolidayImport:
        """Import a holiday file: complete years only; a year already stored and different is
        replaced only with ``replace`` (ReplaceNeededError lists the differences otherwise)."""
        try:
            years = parse_holiday_file(path)
        except HolidayFileError as exc:
            raise InputError(str(exc)) from None
        partial = [p for hy in years if (p := wire.holiday_year_problem(hy.year, hy.holidays))]
        if partial:
            raise InputError(f"{path.name}：有不完整的年份，整个文件未导入", partial)
        stored = {hy.year: hy for hy in self.years()}
        changed: list[HolidayYear] = []
        unchanged: list[int] = []
        diffs: list[str] = []
        for hy in years:
            old = stored.get(hy.year)
            if old is None:
                changed.append(hy)
                continue
            lines = differences(old, hy)
            if not lines:
                unchanged.append(hy.year)
                continue
            changed.append(hy)
            where = SOURCE_WORDS.get(old.source, f"此前导入的 {old.source.removeprefix('import:')}")
            diffs.append(f"{hy.year} 年（现有数据来自{where}）与文件有 {len(lines)} 处不同：")
            diffs += [f"  {line}" for line in lines[:40]]
            if len(lines) > 40:
                diffs.append(f"  ……另有 {len(lines) - 40} 处")
        replaced = [hy.year for hy in changed if hy.year in stored]
        if replaced and not replace:
            raise ReplaceNeededError(
                f"{path.name}：{'、'.join(map(str, replaced))} 年已有数据，与文件不同；"
                "核对下列差异后，加 --replace 替换这些年份",
                diffs,
                replaced,
            )
        if changed:
            self.store_years(changed, actor=actor, source=f"import:{path.name}")
        return HolidayImport([hy.year for hy in changed], replaced, unchanged)

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
