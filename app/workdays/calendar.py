"""The working-day engine: which civil dates are working days, and the N-th working day after a date.

Responsibility: one pure-Python calendar (no Qt, no database) that every deadline in the app uses.
Holidays and make-up workdays (调休) are *data*, one ``HolidayYear`` per calendar year; this module
only applies them:

- a make-up workday (调休上班) is a working day even though it falls on a weekend;
- an official holiday day is not a working day;
- otherwise Monday to Friday are working days and Saturday/Sunday are not.

A year without official data is computed with the weekends-only rule and every result that touches
it is marked ``provisional`` (ARCHITECTURE.md: "a date computed across a year with no official data
is marked provisional, never silently wrong"). The State Council normally publishes the next year's
schedule in early-to-mid November (docs/domain-facts.md, §4.2 "Working-day calendar"), so late-year
deadlines are provisional until
the new year is imported or synced.

Counting rule: the day the period starts (e.g. the day an application is received) is not counted;
counting starts the next day (民法典 art. 201; 政府信息公开条例 art. 33 "自收到申请之日起20个工作日内").

Speed: ``add`` runs inside compliance checks over tens of thousands of catalogue items, so each year
is turned once into sorted ordinal lists (working days / days off) and ``add`` without pauses is a
couple of ``bisect`` calls and slices.
"""

from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

__all__ = [
    "WEEKDAY_NAMES",
    "Entry",
    "HolidayDataError",
    "HolidayYear",
    "Pause",
    "SkippedDay",
    "WorkdayCalendar",
    "WorkdayResult",
    "parse_iso_date",
]

#: Chinese weekday names, Monday first (``date.weekday()`` order); the reason shown for weekends.
WEEKDAY_NAMES = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")

Kind = Literal["holiday", "workday"]
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_iso_date(raw: object) -> _dt.date | None:
    """``YYYY-MM-DD`` (exactly that form) to a date, or None when it is not one.

    ``date.fromisoformat`` alone would also accept ``20250101`` and week dates in Python 3.11;
    holiday files are edited by hand, so only the one documented form is accepted.
    """
    if not isinstance(raw, str) or not _ISO_DATE.fullmatch(raw.strip()):
        return None
    try:
        return _dt.date.fromisoformat(raw.strip())
    except ValueError:
        return None


class HolidayDataError(ValueError):
    """Holiday data that breaks a rule; each problem names where (field, record) and what was expected."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True, slots=True)
class Entry:
    """One dated line of holiday data before it becomes part of a ``HolidayYear``.

    ``where`` names its origin for error messages (e.g. "holidays.csv 第 4 行").
    """

    day: _dt.date
    kind: Kind
    name: str
    where: str


def check_entries(year: int, entries: Iterable[Entry]) -> list[str]:
    """Every rule a year of holiday data must satisfy; returns the problems (empty when valid).

    Rules: each date belongs to ``year``; a make-up workday falls on a Saturday or Sunday (调休 moves
    a weekend into a working day, so a 调休 on a weekday is a typo); no date is listed twice; no date
    is both a holiday and a make-up workday; every name is non-empty.
    """
    problems: list[str] = []
    seen: dict[_dt.date, Entry] = {}
    for e in entries:
        if e.day.year != year:
            problems.append(f"{e.where}：日期应属于 {year} 年，实为 {e.day.isoformat()}")
        if e.kind == "workday" and e.day.weekday() < 5:
            problems.append(
                f"{e.where}：调休上班日应为周六或周日，实为 {e.day.isoformat()}（{WEEKDAY_NAMES[e.day.weekday()]}）"
            )
        if not e.name.strip():
            problems.append(f"{e.where}：name 应为非空的名称，实为空")
        first = seen.get(e.day)
        if first is None:
            seen[e.day] = e
        elif first.kind == e.kind:
            problems.append(f"{e.where}：日期 {e.day.isoformat()} 重复（已在 {first.where} 列出）")
        else:
            problems.append(
                f"{e.where}：{e.day.isoformat()} 不能同时是放假日和调休上班日（另见 {first.where}）"
            )
    return problems


def _is_plain_date(value: object) -> bool:
    # datetime is a subclass of date; a datetime key would never equal the date being looked up.
    return isinstance(value, _dt.date) and not isinstance(value, _dt.datetime)


@dataclass(frozen=True)
class HolidayYear:
    """The official schedule of one calendar year.

    ``holidays`` maps every official day off to its name (元旦, 春节, 国庆节、中秋节 …), including
    weekend days inside a notice's span so explanations can name them. ``workdays`` maps each make-up
    working day on a weekend (调休上班) to its name. Dates belong to ``year`` (a 元旦 span starting on
    31 December is split across two years' records). ``source`` is "bundled", "import:<file>" or
    "city-platform".

    The mappings are copied into read-only views, so a caller's dict cannot change a calendar later.
    Invalid data raises ``HolidayDataError``.
    """

    year: int
    holidays: Mapping[_dt.date, str]
    workdays: Mapping[_dt.date, str]
    source: str = "bundled"

    def __post_init__(self) -> None:
        if not isinstance(self.year, int) or isinstance(self.year, bool) or not 1 <= self.year <= 9998:
            raise HolidayDataError([f"year：应为 1–9998 之间的整数，实为 {self.year!r}"])
        problems: list[str] = []
        entries: list[Entry] = []
        kinds: tuple[tuple[Kind, str, Mapping[_dt.date, str]], ...] = (
            ("holiday", "holidays", self.holidays),
            ("workday", "workdays", self.workdays),
        )
        for kind, label, mapping in kinds:
            for day, name in mapping.items():
                if not _is_plain_date(day):
                    problems.append(f"{label}：键应为日期，实为 {day!r}")
                elif not isinstance(name, str):
                    problems.append(f"{label} {day.isoformat()}：名称应为字符串，实为 {name!r}")
                else:
                    entries.append(Entry(day, kind, name, f"{label} {day.isoformat()}"))
        problems += check_entries(self.year, entries)
        if problems:
            raise HolidayDataError(problems)
        object.__setattr__(self, "holidays", MappingProxyType(dict(sorted(self.holidays.items()))))
        object.__setattr__(self, "workdays", MappingProxyType(dict(sorted(self.workdays.items()))))

    def __hash__(self) -> int:
        return hash(
            (self.year, frozenset(self.holidays.items()), frozenset(self.workdays.items()), self.source)
        )

    def to_dict(self, *, include_source: bool = True) -> dict[str, Any]:
        """The bundled JSON shape (docs/holidays-format.md), dates as ``YYYY-MM-DD``, sorted."""
        d: dict[str, Any] = {"year": self.year}
        if include_source:
            d["source"] = self.source
        d["holidays"] = [{"date": k.isoformat(), "name": v} for k, v in self.holidays.items()]
        d["workdays"] = [{"date": k.isoformat(), "name": v} for k, v in self.workdays.items()]
        return d

    @classmethod
    def from_dict(cls, d: object, *, where: str = "") -> HolidayYear:
        """Parse the ``to_dict`` shape strictly; ``HolidayDataError`` lists every problem found.

        ``where`` is prefixed to each problem (the file and record, when called by ``sources``).
        """
        entries, year, source, problems = _entries_from_dict(d, where)
        if year is not None:
            problems += check_entries(year, entries)
        if problems or year is None:
            raise HolidayDataError(problems)
        return cls(
            year=year,
            holidays={e.day: e.name for e in entries if e.kind == "holiday"},
            workdays={e.day: e.name for e in entries if e.kind == "workday"},
            source=source,
        )


_DICT_KEYS = frozenset({"year", "holidays", "workdays", "source"})


def _entries_from_dict(d: object, where: str) -> tuple[list[Entry], int | None, str, list[str]]:
    pre = f"{where} " if where else ""
    if not isinstance(d, Mapping):
        return (
            [],
            None,
            "bundled",
            [f"{pre}应为 JSON 对象（含 year、holidays、workdays），实为 {type(d).__name__}"],
        )
    problems: list[str] = []
    unknown = sorted(str(k) for k in d if k not in _DICT_KEYS)
    if unknown:
        problems.append(
            f"{pre}字段应为 year、holidays、workdays（可选 source），实有未知字段 {'、'.join(unknown)}"
        )
    year = d.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1 <= year <= 9998:
        problems.append(f"{pre}year：应为四位年份整数，实为 {year!r}")
        year = None
    source = d.get("source", "bundled")
    if not isinstance(source, str) or not source:
        problems.append(f"{pre}source：应为非空字符串，实为 {source!r}")
        source = "bundled"
    entries: list[Entry] = []
    keys: tuple[tuple[str, Kind], ...] = (("holidays", "holiday"), ("workdays", "workday"))
    for key, kind in keys:
        items = d.get(key)
        if not isinstance(items, list):
            problems.append(f"{pre}{key}：应为数组（可为空 []），实为 {items!r}")
            continue
        for i, item in enumerate(items, start=1):
            at = f"{pre}{key} 第 {i} 项"
            if not isinstance(item, Mapping):
                problems.append(f'{at}：应为 {{"date": "YYYY-MM-DD", "name": "…"}}，实为 {item!r}')
                continue
            day = parse_iso_date(item.get("date"))
            name = item.get("name")
            if day is None:
                problems.append(f"{at} date：应为 YYYY-MM-DD，实为 {item.get('date')!r}")
            if not isinstance(name, str) or not name.strip():
                problems.append(f"{at} name：应为非空的名称，实为 {name!r}")
            extra = sorted(str(k) for k in item if k not in ("date", "name"))
            if extra:
                problems.append(f"{at}：只应有 date、name 两个字段，实有 {'、'.join(extra)}")
            if day is not None and isinstance(name, str) and name.strip():
                entries.append(Entry(day, kind, name.strip(), at))
    return entries, year, source, problems


@dataclass(frozen=True, slots=True)
class SkippedDay:
    """A day passed over while counting, and why (user-facing Chinese).

    ``reason`` is "周六"/"周日" for a weekend, the holiday's name for a holiday, and
    "暂停：<reason>" for a day inside a ``Pause``.
    """

    date: _dt.date
    reason: str


@dataclass(frozen=True, slots=True)
class Pause:
    """An inclusive span of days excluded from a clock.

    E.g. the time spent consulting a third party (条例 art. 32/33: "征求第三方和其他机关意见所需时间
    不计算在前款规定的期限内") or waiting for the applicant's correction.
    """

    start: _dt.date
    end: _dt.date
    reason: str

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"暂停期间的结束日 {self.end} 早于开始日 {self.start}")


@dataclass(frozen=True, slots=True)
class WorkdayResult:
    """The outcome of ``WorkdayCalendar.add``.

    ``date`` is the N-th working day; ``counted`` the working days counted, in order (``counted[-1]
    == date`` when N > 0); ``skipped`` every day passed over between the start and ``date``;
    ``provisional`` is True when any day examined lies in a year without official holiday data.
    """

    date: _dt.date
    provisional: bool
    skipped: tuple[SkippedDay, ...]
    counted: tuple[_dt.date, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "provisional": self.provisional,
            "skipped": [{"date": s.date.isoformat(), "reason": s.reason} for s in self.skipped],
            "counted": [d.isoformat() for d in self.counted],
        }


@dataclass(frozen=True, slots=True)
class _YearTable:
    """One year precomputed: sorted ordinals of working days and of days off (with their reasons)."""

    year: int
    provisional: bool
    end_ord: int  # exclusive
    wd_ords: list[int]
    wd_dates: tuple[_dt.date, ...]
    off_ords: list[int]
    off_days: tuple[SkippedDay, ...]
    off_by_ord: dict[int, SkippedDay] = field(repr=False)


def _build_table(year: int, hy: HolidayYear | None) -> _YearTable:
    first = _dt.date(year, 1, 1).toordinal()
    end = _dt.date(year + 1, 1, 1).toordinal() if year < _dt.MAXYEAR else _dt.date.max.toordinal() + 1
    holidays: Mapping[_dt.date, str] = hy.holidays if hy else {}
    makeups: Mapping[_dt.date, str] = hy.workdays if hy else {}
    wd_ords: list[int] = []
    wd_dates: list[_dt.date] = []
    off_ords: list[int] = []
    off_days: list[SkippedDay] = []
    for o in range(first, end):
        d = _dt.date.fromordinal(o)
        if d in makeups:
            reason = None  # 调休上班: a weekend made a working day
        elif d in holidays:
            reason = holidays[d]
        elif d.weekday() >= 5:
            reason = WEEKDAY_NAMES[d.weekday()]
        else:
            reason = None
        if reason is None:
            wd_ords.append(o)
            wd_dates.append(d)
        else:
            off_ords.append(o)
            off_days.append(SkippedDay(d, reason))
    return _YearTable(
        year=year,
        provisional=hy is None,
        end_ord=end,
        wd_ords=wd_ords,
        wd_dates=tuple(wd_dates),
        off_ords=off_ords,
        off_days=tuple(off_days),
        off_by_ord=dict(zip(off_ords, off_days, strict=True)),
    )


class WorkdayCalendar:
    """Working days over a set of official holiday years; immutable from the outside.

    Years missing from ``years`` fall back to the weekends-only rule and make results provisional.
    Per-year tables are built lazily and cached; building the same table twice from two threads is
    harmless (the result is identical), so no lock is needed.
    """

    def __init__(self, years: Mapping[int, HolidayYear]) -> None:
        for key, hy in years.items():
            if key != hy.year:
                raise ValueError(f"年份键 {key} 与数据年份 {hy.year} 不一致")
        self._years: dict[int, HolidayYear] = dict(sorted(years.items()))
        self._tables: dict[int, _YearTable] = {}

    @classmethod
    def bundled(cls) -> WorkdayCalendar:
        """The calendar of the schedules shipped in resources/data/holidays."""
        from app.workdays.sources import load_bundled  # sources imports this module

        return cls(load_bundled())

    def __repr__(self) -> str:
        ys = list(self._years)
        span = f"{ys[0]}–{ys[-1]}" if ys else "无"
        return f"<WorkdayCalendar official years {span} ({len(ys)})>"

    # -- data ---------------------------------------------------------------------------------

    def with_year(self, hy: HolidayYear) -> WorkdayCalendar:
        """A new calendar with ``hy`` replacing that whole year (the tables of other years are reused)."""
        new = WorkdayCalendar({**self._years, hy.year: hy})
        new._tables = {y: t for y, t in self._tables.items() if y != hy.year}
        return new

    def has_official_data(self, year: int) -> bool:
        return year in self._years

    @property
    def official_years(self) -> tuple[int, ...]:
        """The years with official data, ascending."""
        return tuple(self._years)

    def year_data(self, year: int) -> HolidayYear | None:
        return self._years.get(year)

    def _table(self, year: int) -> _YearTable:
        t = self._tables.get(year)
        if t is None:
            if not _dt.MINYEAR <= year <= _dt.MAXYEAR:
                raise ValueError(f"日期超出可计算的范围（{_dt.MINYEAR}–{_dt.MAXYEAR} 年）")
            t = _build_table(year, self._years.get(year))
            self._tables[year] = t
        return t

    # -- queries ------------------------------------------------------------------------------

    def is_workday(self, d: _dt.date) -> bool:
        """Make-up workday → True; official holiday → False; otherwise Monday–Friday."""
        return d.toordinal() not in self._table(d.year).off_by_ord

    def day_off_reason(self, d: _dt.date) -> str | None:
        """Why ``d`` is not a working day ("周六", "国庆节" …), or None when it is one."""
        off = self._table(d.year).off_by_ord.get(d.toordinal())
        return off.reason if off else None

    def add(self, start: _dt.date, n: int, pauses: Sequence[Pause] = ()) -> WorkdayResult:
        """The N-th working day after ``start``; ``start`` itself is not counted.

        民法典 art. 201: a period counted in days starts the day after the triggering day;
        条例 art. 33: "自收到申请之日起20个工作日内". Days inside ``pauses`` are skipped with reason
        "暂停：<reason>" (even when they are also weekends or holidays: the clock is stopped for the
        whole span). ``n == 0`` returns ``start``.
        """
        if n < 0:
            raise ValueError(f"工作日数应为非负整数，实为 {n}")
        if pauses:
            return self._add_with_pauses(start, n, pauses)
        so = start.toordinal()
        year = start.year
        t = self._table(year)
        provisional = t.provisional
        if n == 0:
            return WorkdayResult(start, provisional, (), ())
        i = bisect_right(t.wd_ords, so)
        remaining = n
        counted: tuple[_dt.date, ...] = ()
        while True:
            available = len(t.wd_ords) - i
            if remaining <= available:
                j = i + remaining
                counted += t.wd_dates[i:j]
                end_ord = t.wd_ords[j - 1]
                break
            counted += t.wd_dates[i:]
            remaining -= available
            year += 1
            t = self._table(year)
            provisional = provisional or t.provisional
            i = 0
        skipped: tuple[SkippedDay, ...] = ()
        for y in range(start.year, year + 1):
            ty = self._table(y)
            lo = bisect_right(ty.off_ords, so) if y == start.year else 0
            hi = bisect_right(ty.off_ords, end_ord) if y == year else len(ty.off_ords)
            skipped += ty.off_days[lo:hi]
        return WorkdayResult(counted[-1], provisional, skipped, counted)

    def _add_with_pauses(self, start: _dt.date, n: int, pauses: Sequence[Pause]) -> WorkdayResult:
        so = start.toordinal()
        # Paused days after the start, each with its reason; the first pause listed wins on overlap.
        paused: dict[int, str] = {}
        for p in pauses:
            for o in range(max(p.start.toordinal(), so + 1), p.end.toordinal() + 1):
                paused.setdefault(o, f"暂停：{p.reason}")
        t = self._table(start.year)
        provisional = t.provisional
        if n == 0:
            return WorkdayResult(start, provisional, (), ())
        # Walk the precomputed working days only, dropping the paused ones.
        counted: list[_dt.date] = []
        i = bisect_right(t.wd_ords, so)
        end_ord = so
        while len(counted) < n:
            if i == len(t.wd_ords):
                t = self._table(t.year + 1)
                provisional = provisional or t.provisional
                i = 0
                continue
            o = t.wd_ords[i]
            if o not in paused:
                counted.append(t.wd_dates[i])
                end_ord = o
            i += 1
        # Skipped: the days off in (start, end] plus paused working days; a paused day shows the pause
        # reason even when it is also a weekend or holiday, because the clock is stopped for the span.
        skipped: list[SkippedDay] = []
        for y in range(start.year, t.year + 1):
            ty = self._table(y)
            lo = bisect_right(ty.off_ords, so) if y == start.year else 0
            hi = bisect_right(ty.off_ords, end_ord) if y == t.year else len(ty.off_ords)
            for off in ty.off_days[lo:hi]:
                reason = paused.get(off.date.toordinal())
                skipped.append(off if reason is None else SkippedDay(off.date, reason))
        skipped += [
            SkippedDay(_dt.date.fromordinal(o), r)
            for o, r in paused.items()
            if o <= end_ord and o not in self._table(_dt.date.fromordinal(o).year).off_by_ord
        ]
        skipped.sort(key=lambda s: s.date)
        return WorkdayResult(counted[-1], provisional, tuple(skipped), tuple(counted))

    def workdays_between(self, start: _dt.date, end: _dt.date) -> int:
        """Working days in (start, end]: ``start`` excluded, ``end`` included (same rule as ``add``).

        Negative when ``end`` is before ``start`` (e.g. "overdue by 3 working days").
        Use ``has_official_data`` for the years involved to know whether the count is provisional.
        """
        if end < start:
            return -self.workdays_between(end, start)
        so, eo = start.toordinal(), end.toordinal()
        count = 0
        for y in range(start.year, end.year + 1):
            t = self._table(y)
            lo = bisect_right(t.wd_ords, so) if y == start.year else 0
            hi = bisect_right(t.wd_ords, eo) if y == end.year else len(t.wd_ords)
            count += hi - lo
        return count

    def iter_workdays(self, start: _dt.date) -> Iterator[_dt.date]:
        """Working days after ``start``, in order, without end."""
        t = self._table(start.year)
        i = bisect_right(t.wd_ords, start.toordinal())
        while True:
            yield from t.wd_dates[i:]
            t = self._table(t.year + 1)
            i = 0

    def explain(self, start: _dt.date, n: int, pauses: Sequence[Pause] = ()) -> list[str]:
        """The computation of ``add`` as Chinese lines a clerk can check against a wall calendar."""
        res = self.add(start, n, pauses)
        lines = [f"收到日 {start.isoformat()}（不计入）"]
        lines += [f"跳过 {s.date.isoformat()} {s.reason}" for s in res.skipped]
        if n == 0:
            lines.append(f"期限为 0 个工作日：即 {start.isoformat()} 当日")
        else:
            lines.append(f"第 {n} 个工作日：{res.date.isoformat()}")
        if res.provisional:
            missing = [y for y in range(start.year, res.date.year + 1) if not self.has_official_data(y)]
            years = "、".join(f"{y} 年" for y in missing)
            lines.append(
                f"暂定：{years}尚无官方放假安排，该年按周六、周日休息推算；"
                "国务院办公厅公布安排并更新节假日数据后请复核"
            )
        return lines
