"""Generate resources/data/holidays/YYYY.json (2004–2026) from the ``chinese_calendar`` package.

Dev-time only: the app reads the generated JSON and never imports ``chinese_calendar``.

    .venv/bin/python scripts/gen_holidays.py          # (re)write the files
    .venv/bin/python scripts/gen_holidays.py --check  # exit 1 if a file differs from what would be written

What it does, in order (each step is explained in docs/holidays-format.md):

1. take every holiday day and make-up workday of ``chinese_calendar`` and name it in Chinese from its
   ``Holiday`` enum (元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节, 抗战胜利纪念日);
2. name the combined National Day / Mid-Autumn breaks "国庆节、中秋节";
3. record weekend days that lie inside a notice's span (between two days of the same holiday) but
   that ``chinese_calendar`` leaves out, and apply the few corrections in ``CORRECTIONS`` (each cites
   the State Council notice);
4. verify 2025 and 2026 day by day against the tables of docs/domain-facts.md §4.2 and stop if they differ;
5. validate every year through ``HolidayYear`` and write one file per calendar year.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import chinese_calendar  # noqa: E402  (dev-time source only)

from app.workdays.calendar import HolidayYear  # noqa: E402

FIRST_YEAR, LAST_YEAR = 2004, 2026
OUT_DIR = ROOT / "resources" / "data" / "holidays"

#: ``chinese_calendar.Holiday`` member name -> the name shown to clerks.
NAMES = {
    "new_years_day": "元旦",
    "spring_festival": "春节",
    "tomb_sweeping_day": "清明节",
    "labour_day": "劳动节",
    "dragon_boat_festival": "端午节",
    "mid_autumn_festival": "中秋节",
    "national_day": "国庆节",
    "anti_fascist_70th_day": "抗战胜利纪念日",
}
MERGED = "国庆节、中秋节"
MAKEUP_SUFFIX = "调休上班"

#: Years whose National Day break also contains Mid-Autumn but where ``chinese_calendar`` tags every
#: day as National Day. 2020: Mid-Autumn fell on 1 October; the notice (国务院办公厅关于2020年部分
#: 节假日安排的通知) lists "国庆节、中秋节：10月1日至8日放假调休，共8天".
MERGED_WITHOUT_MID_AUTUMN_TAG = {2020}

#: Corrections to ``chinese_calendar`` so that a year records exactly the days a notice names as days
#: off: weekend days inside an "X至Y" span are holidays; ordinary weekends that a notice only says are
#: "与周末连休" are not. (date, name to add, or None to remove, citation)
CORRECTIONS: tuple[tuple[dt.date, str | None, str], ...] = (
    (
        dt.date(2015, 9, 5),
        "抗战胜利纪念日",
        "国发明电〔2015〕1号：9月3日至5日调休放假，共3天……9月6日（星期日）上班",
    ),
    # 国办发明电〔2018〕15号 (2019 schedule): 清明节、端午节、中秋节 each "放假，与周末连休": one day.
    (dt.date(2019, 4, 6), None, "国办发明电〔2018〕15号：清明节 4月5日放假，与周末连休"),
    (dt.date(2019, 4, 7), None, "国办发明电〔2018〕15号：清明节 4月5日放假，与周末连休"),
    (dt.date(2019, 6, 8), None, "国办发明电〔2018〕15号：端午节 6月7日放假，与周末连休"),
    (dt.date(2019, 6, 9), None, "国办发明电〔2018〕15号：端午节 6月7日放假，与周末连休"),
    (dt.date(2019, 9, 14), None, "国办发明电〔2018〕15号：中秋节 9月13日放假，与周末连休"),
    (dt.date(2019, 9, 15), None, "国办发明电〔2018〕15号：中秋节 9月13日放假，与周末连休"),
    (dt.date(2023, 12, 30), None, "国办发明电〔2023〕7号：元旦 1月1日放假，与周末连休"),
    (dt.date(2023, 12, 31), None, "国办发明电〔2023〕7号：元旦 1月1日放假，与周末连休"),
)

#: docs/domain-facts.md §4.2, transcribed: (first day, last day, name) of each break, and the make-up days.
#: 2025: 国办发明电〔2024〕12号. 2026: 国务院办公厅 notice of 2025-11-04.
SECTION_4_2: dict[int, tuple[list[tuple[str, str, str]], dict[str, str]]] = {
    2025: (
        [
            ("2025-01-01", "2025-01-01", "元旦"),
            ("2025-01-28", "2025-02-04", "春节"),
            ("2025-04-04", "2025-04-06", "清明节"),
            ("2025-05-01", "2025-05-05", "劳动节"),
            ("2025-05-31", "2025-06-02", "端午节"),
            ("2025-10-01", "2025-10-08", MERGED),
        ],
        {
            "2025-01-26": "春节调休上班",
            "2025-02-08": "春节调休上班",
            "2025-04-27": "劳动节调休上班",
            "2025-09-28": "国庆节、中秋节调休上班",
            "2025-10-11": "国庆节、中秋节调休上班",
        },
    ),
    2026: (
        [
            ("2026-01-01", "2026-01-03", "元旦"),
            ("2026-02-15", "2026-02-23", "春节"),
            ("2026-04-04", "2026-04-06", "清明节"),
            ("2026-05-01", "2026-05-05", "劳动节"),
            ("2026-06-19", "2026-06-21", "端午节"),
            ("2026-09-25", "2026-09-27", "中秋节"),
            ("2026-10-01", "2026-10-07", "国庆节"),
        ],
        {
            "2026-01-04": "元旦调休上班",
            "2026-02-14": "春节调休上班",
            "2026-02-28": "春节调休上班",
            "2026-05-09": "劳动节调休上班",
            "2026-09-20": "国庆节调休上班",
            "2026-10-10": "国庆节调休上班",
        },
    ),
}


def _name(value: str) -> str:
    return NAMES[chinese_calendar.Holiday(value).name]


def _blocks(days: Iterable[dt.date]) -> list[list[dt.date]]:
    """Runs of consecutive dates."""
    out: list[list[dt.date]] = []
    for d in sorted(days):
        if out and (d - out[-1][-1]).days == 1:
            out[-1].append(d)
        else:
            out.append([d])
    return out


def build() -> tuple[dict[int, HolidayYear], list[str]]:
    """All years, and a log of every change made to the package's data."""
    log: list[str] = []
    holidays = {
        d: _name(v) for d, v in chinese_calendar.holidays.items() if FIRST_YEAR <= d.year <= LAST_YEAR
    }
    workdays = {
        d: _name(v) for d, v in chinese_calendar.workdays.items() if FIRST_YEAR <= d.year <= LAST_YEAR
    }

    # 2. Combined National Day / Mid-Autumn breaks take the combined name, and so do their make-up days.
    merged_years = set(MERGED_WITHOUT_MID_AUTUMN_TAG)
    for block in _blocks(holidays):
        if {holidays[d] for d in block} >= {"国庆节", "中秋节"}:
            merged_years.add(block[0].year)
    for table in (holidays, workdays):
        for d, n in table.items():
            if d.year in merged_years and n in ("国庆节", "中秋节"):
                table[d] = MERGED

    # 3a. Weekend days between two days of the same holiday belong to it (e.g. 2011 端午
    #     "6月4日至6日放假公休"; chinese_calendar lists 4 and 6 June only).
    ordered = sorted(holidays)
    for a, b in zip(ordered, ordered[1:], strict=False):
        gap = [a + dt.timedelta(days=k) for k in range(1, (b - a).days)]
        if (
            gap
            and len(gap) <= 2
            and holidays[a] == holidays[b]
            and all(g.weekday() >= 5 and g not in workdays for g in gap)
        ):
            for g in gap:
                holidays[g] = holidays[a]
                log.append(f"+ {g} {holidays[a]}（周末位于假期之内）")

    # 3b. Cited corrections.
    for d, name, why in CORRECTIONS:
        if name is None:
            if holidays.pop(d, None) is not None:
                log.append(f"- {d}（{why}）")
        elif holidays.get(d) != name:
            holidays[d] = name
            log.append(f"+ {d} {name}（{why}）")

    workdays = {d: f"{n}{MAKEUP_SUFFIX}" for d, n in workdays.items()}

    # 4. 2025 and 2026 must match docs/domain-facts.md §4.2 exactly.
    for year, (spans, makeups) in SECTION_4_2.items():
        want_h: dict[dt.date, str] = {}
        for first, last, name in spans:
            d, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
            while d <= end:
                want_h[d] = name
                d += dt.timedelta(days=1)
        want_w = {dt.date.fromisoformat(k): v for k, v in makeups.items()}
        got_h = {d: n for d, n in holidays.items() if d.year == year}
        got_w = {d: n for d, n in workdays.items() if d.year == year}
        if got_h != want_h or got_w != want_w:
            diff = sorted(set(got_h.items()) ^ set(want_h.items())) + sorted(
                set(got_w.items()) ^ set(want_w.items())
            )
            raise SystemExit(f"{year} 与 docs/domain-facts.md §4.2 不一致：{diff}")

    # 5. One validated HolidayYear per calendar year (a 元旦 break starting 30 Dec is split by year).
    years = {
        y: HolidayYear(
            year=y,
            holidays={d: n for d, n in holidays.items() if d.year == y},
            workdays={d: n for d, n in workdays.items() if d.year == y},
        )
        for y in range(FIRST_YEAR, LAST_YEAR + 1)
    }
    return years, log


def render(hy: HolidayYear) -> str:
    """The bundled file: one record per line, so a change to a year reads as a small diff."""
    d = hy.to_dict(include_source=False)

    def items(key: str) -> str:
        rows = [json.dumps(r, ensure_ascii=False) for r in d[key]]
        return "[]" if not rows else "[\n    " + ",\n    ".join(rows) + "\n  ]"

    return f'{{\n  "year": {hy.year},\n  "holidays": {items("holidays")},\n  "workdays": {items("workdays")}\n}}\n'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 if a file would change")
    args = parser.parse_args(argv)
    years, log = build()
    print(
        f"chinese_calendar {chinese_calendar.__version__}; {len(years)} years; {len(log)} changes to its data:"
    )
    for line in log:
        print("  " + line)
    stale = []
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for y, hy in years.items():
        path = OUT_DIR / f"{y}.json"
        text = render(hy)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(path.name)
            if not args.check:
                path.write_text(text, encoding="utf-8")
    if args.check:
        print("stale: " + ", ".join(stale) if stale else "all files up to date")
        return 1 if stale else 0
    print("wrote: " + (", ".join(stale) if stale else "nothing (all files up to date)"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
