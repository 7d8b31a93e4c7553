"""Where holiday years come from: the bundled JSON files and user-supplied .json/.csv/.ics files.

Responsibility: turn bytes into validated ``HolidayYear`` values, all or nothing. Every problem is
reported with the file, the line (or record) and what was expected, e.g.
"holidays.csv 第 4 行 date 列：应为 YYYY-MM-DD，实为 '2025/13/01'"; if there is any problem no year
is returned (ARCHITECTURE.md: imports are all-or-nothing). The formats are documented in
docs/holidays-format.md.

The app reads its bundled data here (resources/data/holidays/YYYY.json via importlib.resources);
it never imports ``chinese_calendar`` at run time: that package is only the dev-time source of
scripts/gen_holidays.py.
"""

from __future__ import annotations

import csv
import datetime as _dt
import functools
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from app.errors import InputError
from app.workdays.calendar import Entry, HolidayDataError, HolidayYear, check_entries, parse_iso_date

__all__ = ["HolidayFileError", "load_bundled", "parse_holiday_file", "parse_holiday_bytes"]

#: At most this many problems are listed; a file with more is clearly the wrong file.
MAX_PROBLEMS = 20
#: A single .ics event longer than this is almost certainly a mistake (the longest break so far,
#: Spring Festival 2020 extended by 国办发明电〔2020〕1号, was 10 days).
MAX_EVENT_DAYS = 31
_ZONE = ZoneInfo("Asia/Shanghai")


class HolidayFileError(InputError):
    """A holiday file that cannot be used; nothing from it was imported.

    ``str(err)`` names the file, the line or record, and what was expected; ``problems`` lists every
    problem when there is more than one.
    """

    def __init__(self, message: str, problems: Sequence[str] | None = None) -> None:
        super().__init__(message, list(problems) if problems else None)


def _fail(file: str, problems: Sequence[str]) -> HolidayFileError:
    shown = list(problems[:MAX_PROBLEMS])
    if len(problems) > MAX_PROBLEMS:
        shown.append(f"……另有 {len(problems) - MAX_PROBLEMS} 处问题未列出")
    if len(shown) == 1:
        return HolidayFileError(f"{shown[0]}（整个文件未导入）")
    return HolidayFileError(f"节假日文件 {file} 有 {len(problems)} 处问题，整个文件未导入：", shown)


# -- bundled data ---------------------------------------------------------------------------------


def load_bundled() -> dict[int, HolidayYear]:
    """The official schedules shipped with the app, keyed by year (validated; cached after first read)."""
    return dict(_load_bundled())


@functools.cache
def _load_bundled() -> tuple[tuple[int, HolidayYear], ...]:
    root = resources.files("resources").joinpath("data", "holidays")
    out: list[tuple[int, HolidayYear]] = []
    for item in sorted(root.iterdir(), key=lambda p: p.name):
        if not re.fullmatch(r"\d{4}\.json", item.name):
            continue
        years = _parse_json(item.read_bytes(), item.name, source="bundled")
        if len(years) != 1 or str(years[0].year) != item.name[:4]:
            raise _fail(item.name, [f"{item.name}：应只含 {item.name[:4]} 年的数据"])
        out.append((years[0].year, years[0]))
    return tuple(out)


# -- user files -----------------------------------------------------------------------------------


def parse_holiday_file(path: str | Path) -> list[HolidayYear]:
    """Read a .json, .csv or .ics holiday file (chosen by suffix); years ascending.

    Each returned year has ``source == "import:<file name>"`` and replaces that whole year when
    stored. Raises ``HolidayFileError`` and returns nothing if any record is wrong.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise HolidayFileError(f"{p.name}：无法读取文件（{exc.strerror or exc}）") from None
    return parse_holiday_bytes(data, p.name)


def parse_holiday_bytes(data: bytes, filename: str) -> list[HolidayYear]:
    """Like ``parse_holiday_file`` for content already in memory (uploads, sync payloads)."""
    suffix = Path(filename).suffix.lower()
    source = f"import:{filename}"
    if suffix == ".json":
        return _parse_json(data, filename, source)
    if suffix == ".csv":
        return _parse_csv(data, filename, source)
    if suffix == ".ics":
        return _parse_ics(data, filename, source)
    raise HolidayFileError(f"{filename}：文件类型应为 .json、.csv 或 .ics，实为 '{suffix or '无扩展名'}'")


def _decode(data: bytes, file: str, *, allow_gb: bool) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if allow_gb:
            # Excel on Chinese Windows saves "CSV" as GB18030/GBK; accept it rather than confuse the clerk.
            try:
                return data.decode("gb18030")
            except UnicodeDecodeError:
                pass
        line = data[: exc.start].count(b"\n") + 1
        raise HolidayFileError(f"{file} 第 {line} 行：应为 UTF-8 编码的文本，实为无法识别的字节") from None


def _years_from_entries(
    file: str, entries: Iterable[Entry], source: str, problems: list[str]
) -> list[HolidayYear]:
    """Group entries by the year of their date, check each year, build all years or raise.

    ``problems`` already found while reading are reported together with the rule violations, so one
    attempt shows the clerk everything to fix.
    """
    by_year: dict[int, list[Entry]] = {}
    for e in entries:
        by_year.setdefault(e.day.year, []).append(e)
    for year, es in sorted(by_year.items()):
        problems += check_entries(year, es)
    if problems:
        raise _fail(file, problems)
    return [
        HolidayYear(
            year=year,
            holidays={e.day: e.name for e in es if e.kind == "holiday"},
            workdays={e.day: e.name for e in es if e.kind == "workday"},
            source=source,
        )
        for year, es in sorted(by_year.items())
    ]


# -- .json ----------------------------------------------------------------------------------------


def _parse_json(data: bytes, file: str, source: str) -> list[HolidayYear]:
    text = _decode(data, file, allow_gb=False)
    try:
        doc: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise HolidayFileError(
            f"{file} 第 {exc.lineno} 行第 {exc.colno} 列：应为完整、合法的 JSON，实为格式错误（{exc.msg}）"
        ) from None
    records = doc if isinstance(doc, list) else [doc]
    if not records:
        raise HolidayFileError(f"{file}：应至少含一个年份对象，实为空数组")
    years: list[HolidayYear] = []
    problems: list[str] = []
    seen: dict[int, int] = {}
    for i, rec in enumerate(records, start=1):
        where = f"{file} 第 {i} 条记录" if isinstance(doc, list) else file
        try:
            hy = HolidayYear.from_dict(rec, where=where)
        except HolidayDataError as exc:
            problems += exc.problems
            continue
        if hy.year in seen:
            problems.append(
                f"{where}：{hy.year} 年重复（已在第 {seen[hy.year]} 条记录出现），每年应只出现一次"
            )
            continue
        seen[hy.year] = i
        years.append(replace(hy, source=source))
    if problems:
        raise _fail(file, problems)
    return sorted(years, key=lambda y: y.year)


# -- .csv -----------------------------------------------------------------------------------------

_CSV_COLUMNS = ("date", "kind", "name")
_KINDS = {"holiday": "holiday", "workday": "workday"}


def _parse_csv(data: bytes, file: str, source: str) -> list[HolidayYear]:
    text = _decode(data, file, allow_gb=True)
    reader = csv.reader(io.StringIO(text, newline=""))
    problems: list[str] = []
    entries: list[Entry] = []
    columns: dict[str, int] | None = None
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue  # blank lines are allowed anywhere
            cells = [c.strip() for c in row]
            if columns is None:
                header = [c.lower() for c in cells]
                if sorted(header) != sorted(_CSV_COLUMNS):
                    raise HolidayFileError(
                        f"{file} 第 {line} 行（表头）：应为 date,kind,name 三列，实为 {','.join(cells)!r}（整个文件未导入）"
                    )
                columns = {name: header.index(name) for name in _CSV_COLUMNS}
                continue
            where = f"{file} 第 {line} 行"
            if len(cells) != len(_CSV_COLUMNS):
                problems.append(f"{where}：应为 3 列（date,kind,name），实为 {len(cells)} 列")
                continue
            raw_date, raw_kind, name = (cells[columns[c]] for c in _CSV_COLUMNS)
            day = parse_iso_date(raw_date)
            kind = _KINDS.get(raw_kind.lower())
            if day is None:
                problems.append(f"{where} date 列：应为 YYYY-MM-DD，实为 {raw_date!r}")
            if kind is None:
                problems.append(f"{where} kind 列：应为 holiday 或 workday，实为 {raw_kind!r}")
            if not name:
                problems.append(f"{where} name 列：应为节日名称（如 国庆节、国庆节调休上班），实为空")
            if day is not None and kind is not None and name:
                entries.append(Entry(day, "holiday" if kind == "holiday" else "workday", name, where))
    except csv.Error as exc:
        raise HolidayFileError(
            f"{file} 第 {reader.line_num} 行：应为合法的 CSV，实为格式错误（{exc}）"
        ) from None
    if columns is None:
        raise HolidayFileError(f"{file}：应有表头 date,kind,name 和数据行，实为空文件")
    if not entries and not problems:
        raise HolidayFileError(f"{file}：表头之后应至少有一行数据，实为没有数据行")
    return _years_from_entries(file, entries, source, problems)


# -- .ics -----------------------------------------------------------------------------------------

# A trailing "休"/"班" marker written as its own token, e.g. "国庆节 休", "春节（班）"; it is dropped from
# the name. A marker glued to a word ("调休", "上班") is part of the name and stays.
_MARKER = re.compile(r"(?:^|\s+|[（(])[休班][)）]?\s*$")


def _classify(summary: str, categories: list[str]) -> tuple[str | None, str | None]:
    """(kind, problem) of one VEVENT by the documented rule (docs/holidays-format.md)."""
    cats = {c.strip().upper() for c in categories}
    if {"HOLIDAY", "WORKDAY"} <= cats:
        return None, "CATEGORIES 应为 HOLIDAY 或 WORKDAY 之一，实为两者都有"
    if "HOLIDAY" in cats:
        return "holiday", None
    if "WORKDAY" in cats:
        return "workday", None
    if "班" in summary:  # "补班", "调休上班", "国庆节 班": 班 wins over 休 (调休上班 contains both)
        return "workday", None
    if "休" in summary:
        return "holiday", None
    return None, None


def _event_name(summary: str, kind: str) -> str:
    name = _MARKER.sub("", summary).strip()
    if kind == "holiday":
        return name or "节假日"
    if not name:
        return "调休上班"
    return name if "班" in name else f"{name}调休上班"


def _as_date(value: object, *, end: bool) -> _dt.date | None:
    """A DTSTART/DTEND value as a civil date in China; an exclusive end instant maps to its last day."""
    if isinstance(value, _dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(_ZONE)
        if end:
            value -= _dt.timedelta(microseconds=1)
        return value.date()
    if isinstance(value, _dt.date):
        return value - _dt.timedelta(days=1) if end else value
    return None


def _later(end: object, start: object) -> bool:
    """Whether ``end`` is after ``start`` (an ics DTEND must be; mixed date/datetime compare by civil date)."""
    if isinstance(end, _dt.datetime) and isinstance(start, _dt.datetime):
        if (end.tzinfo is None) != (start.tzinfo is None):
            end, start = end.replace(tzinfo=None), start.replace(tzinfo=None)
        return end > start
    if isinstance(end, _dt.date) and isinstance(start, _dt.date):
        e = end.date() if isinstance(end, _dt.datetime) else end
        s = start.date() if isinstance(start, _dt.datetime) else start
        return e > s or (isinstance(end, _dt.datetime) and e == s)
    return False


def _parse_ics(data: bytes, file: str, source: str) -> list[HolidayYear]:
    import icalendar  # only needed for .ics imports

    text = _decode(data, file, allow_gb=False)
    try:
        cal = icalendar.Calendar.from_ical(text)
    except ValueError as exc:
        raise HolidayFileError(f"{file}：应为 iCalendar（.ics）格式，实为无法解析的内容（{exc}）") from None
    events = cal.walk("VEVENT")
    if not events:
        raise HolidayFileError(f"{file}：应至少含一个 VEVENT（日历事件），实为 0 个")
    # icalendar keeps no line numbers; BEGIN:VEVENT lines are never folded, so find them in the text.
    starts = [n for n, ln in enumerate(text.splitlines(), start=1) if ln.strip().upper() == "BEGIN:VEVENT"]
    problems: list[str] = []
    entries: list[Entry] = []
    for i, ev in enumerate(events, start=1):
        summary = str(ev.get("SUMMARY", "")).strip()
        line = f"第 {starts[i - 1]} 行，" if len(starts) == len(events) else ""
        where = f"{file} {line}第 {i} 个 VEVENT“{summary}”"
        raw_cats = ev.get("CATEGORIES")
        cat_props = raw_cats if isinstance(raw_cats, list) else [raw_cats] if raw_cats is not None else []
        categories = [str(c) for prop in cat_props for c in getattr(prop, "cats", [])]
        kind, problem = _classify(summary, categories)
        if problem:
            problems.append(f"{where}：{problem}")
            continue
        if kind is None:
            continue  # neither 休/班 nor HOLIDAY/WORKDAY: an unrelated event (e.g. 妇女节), ignored
        if ev.get("RRULE") is not None or ev.get("RDATE") is not None:
            problems.append(f"{where}：应为具体日期或日期范围，实为重复规则（RRULE/RDATE 不支持）")
            continue
        if ev.get("DTSTART") is None:
            problems.append(f"{where} DTSTART：应为日期（如 DTSTART;VALUE=DATE:20251001），实为缺失")
            continue
        start_raw = ev.decoded("DTSTART")
        first = _as_date(start_raw, end=False)
        if first is None:
            problems.append(f"{where} DTSTART：应为日期，实为 {ev.get('DTSTART').to_ical().decode()!r}")
            continue
        if ev.get("DTEND") is not None:
            end_raw = ev.decoded("DTEND")
        elif ev.get("DURATION") is not None:
            duration = ev.decoded("DURATION")
            if not isinstance(duration, _dt.timedelta) or duration <= _dt.timedelta(0):
                problems.append(
                    f"{where} DURATION：应为正的时长（如 P3D），实为 {ev.get('DURATION').to_ical().decode()!r}"
                )
                continue
            end_raw = start_raw + duration
        else:
            end_raw = None  # RFC 5545: an all-day event without DTEND/DURATION lasts one day
        if end_raw is None:
            last = first
        else:
            last_or_none = _as_date(end_raw, end=True)
            if last_or_none is None or not _later(end_raw, start_raw):
                shown = ev.get("DTEND").to_ical().decode() if ev.get("DTEND") is not None else str(end_raw)
                problems.append(f"{where} DTEND：应为晚于 DTSTART 的日期（DTEND 不含当天），实为 {shown!r}")
                continue
            last = max(first, last_or_none)
        span = (last - first).days + 1
        if span > MAX_EVENT_DAYS:
            problems.append(f"{where}：一个事件应不超过 {MAX_EVENT_DAYS} 天，实为 {span} 天")
            continue
        name = _event_name(summary, kind)
        for k in range(span):
            entries.append(
                Entry(
                    first + _dt.timedelta(days=k), "holiday" if kind == "holiday" else "workday", name, where
                )
            )
    if not entries and not problems:
        raise HolidayFileError(
            f"{file}：应含放假或调休上班事件（SUMMARY 含“休”或“班”，或 CATEGORIES 为 HOLIDAY/WORKDAY），"
            f"实为 {len(events)} 个事件都不是"
        )
    return _years_from_entries(file, entries, source, problems)
