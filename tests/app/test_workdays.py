"""The working-day engine against the real bundled holiday data (no mocks).

Expected dates are counted by hand from the State Council schedules transcribed in
docs/domain-facts.md §4.2; each case states its count so a reviewer can redo it with a wall calendar.
Rule used throughout: the start day is not counted (民法典 art. 201; 条例 art. 33
"自收到申请之日起20个工作日内"); weekends and holidays are skipped; 调休 weekend workdays count.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import InputError
from app.workdays import (
    HolidayDataError,
    HolidayFileError,
    HolidayYear,
    Pause,
    SkippedDay,
    WorkdayCalendar,
    WorkdayResult,
    load_bundled,
    parse_holiday_file,
)

ROOT = Path(__file__).resolve().parents[2]
D = date.fromisoformat


@pytest.fixture(scope="module")
def cal() -> WorkdayCalendar:
    return WorkdayCalendar.bundled()


def days(first: str, last: str) -> list[date]:
    a, b = D(first), D(last)
    return [a + timedelta(days=k) for k in range((b - a).days + 1)]


# --------------------------------------------------------------------------------------------------
# Bundled data
# --------------------------------------------------------------------------------------------------

# docs/domain-facts.md §4.2, transcribed independently of scripts/gen_holidays.py.
SECTION_4_2 = {
    2025: (
        {
            "元旦": days("2025-01-01", "2025-01-01"),
            "春节": days("2025-01-28", "2025-02-04"),
            "清明节": days("2025-04-04", "2025-04-06"),
            "劳动节": days("2025-05-01", "2025-05-05"),
            "端午节": days("2025-05-31", "2025-06-02"),
            "国庆节、中秋节": days("2025-10-01", "2025-10-08"),
        },
        ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
    ),
    2026: (
        {
            "元旦": days("2026-01-01", "2026-01-03"),
            "春节": days("2026-02-15", "2026-02-23"),
            "清明节": days("2026-04-04", "2026-04-06"),
            "劳动节": days("2026-05-01", "2026-05-05"),
            "端午节": days("2026-06-19", "2026-06-21"),
            "中秋节": days("2026-09-25", "2026-09-27"),
            "国庆节": days("2026-10-01", "2026-10-07"),
        },
        ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
    ),
}


def test_bundled_covers_2004_to_2026() -> None:
    years = load_bundled()
    assert sorted(years) == list(range(2004, 2027))
    assert all(hy.source == "bundled" for hy in years.values())


@pytest.mark.parametrize("year", [2025, 2026])
def test_bundled_matches_domain_facts_4_2(year: int) -> None:
    hy = load_bundled()[year]
    spans, makeups = SECTION_4_2[year]
    assert dict(hy.holidays) == {d: name for name, ds in spans.items() for d in ds}
    assert sorted(hy.workdays) == [D(x) for x in makeups]
    assert all(name.endswith("调休上班") for name in hy.workdays.values())


def test_bundled_names_merged_and_special_holidays() -> None:
    years = load_bundled()
    # 2020-10-01 was both National Day and Mid-Autumn: the notice calls the break "国庆节、中秋节".
    assert years[2020].holidays[D("2020-10-01")] == "国庆节、中秋节"
    assert years[2020].workdays[D("2020-10-10")] == "国庆节、中秋节调休上班"
    # 国发明电〔2015〕1号: 9月3日至5日调休放假, 9月6日(星期日)上班.
    assert [years[2015].holidays.get(d) for d in days("2015-09-03", "2015-09-05")] == ["抗战胜利纪念日"] * 3
    assert years[2015].workdays[D("2015-09-06")] == "抗战胜利纪念日调休上班"
    # Weekend inside "6月4日至6日放假公休" is recorded so explanations can name it.
    assert years[2011].holidays[D("2011-06-05")] == "端午节"
    # 国办发明电〔2018〕15号: 清明节 "4月5日放假，与周末连休" — the weekend is an ordinary weekend.
    assert D("2019-04-06") not in years[2019].holidays


def test_generated_files_are_up_to_date() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_holidays.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_app_does_not_need_chinese_calendar_or_qt_at_run_time() -> None:
    code = (
        "import sys; from app.workdays import WorkdayCalendar; WorkdayCalendar.bundled()\n"
        "bad = [m for m in ('chinese_calendar', 'PySide6', 'sqlalchemy') if m in sys.modules]\n"
        "assert not bad, bad"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert proc.returncode == 0, proc.stderr


# --------------------------------------------------------------------------------------------------
# Hand-checked deadlines
# --------------------------------------------------------------------------------------------------


def test_golden_week_2025(cal: WorkdayCalendar) -> None:
    # Received Fri 2025-09-26. 9/27 Sat skip; 9/28 Sun 调休 = 1; 9/29–9/30 = 2–3; 10/1–10/8 国庆节、中秋节
    # skip; 10/9–10/10 = 4–5; 10/11 Sat 调休 = 6; 10/12 Sun skip; 10/13–17 = 7–11; 10/20–24 = 12–16;
    # 10/27–30 = 17–20.
    r = cal.add(D("2025-09-26"), 20)
    assert r.date == D("2025-10-30")
    assert not r.provisional
    assert len(r.counted) == 20 and r.counted[0] == D("2025-09-28") and r.counted[5] == D("2025-10-11")
    assert [s.date for s in r.skipped] == [
        D("2025-09-27"),
        *days("2025-10-01", "2025-10-08"),
        D("2025-10-12"),
        D("2025-10-18"),
        D("2025-10-19"),
        D("2025-10-25"),
        D("2025-10-26"),
    ]
    assert r.skipped[0] == SkippedDay(D("2025-09-27"), "周六")
    assert r.skipped[1].reason == "国庆节、中秋节"
    assert cal.workdays_between(D("2025-09-26"), D("2025-10-30")) == 20


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # 2025 Spring Festival, 7 working days (条例 art. 30 补正 notice). Fri 1/24 received; 1/25 Sat skip;
        # 1/26 Sun 调休 = 1; 1/27 Mon = 2; 1/28–2/4 春节 skip; 2/5–2/7 = 3–5; 2/8 Sat 调休 = 6;
        # 2/9 Sun skip; 2/10 Mon = 7.
        ("2025-01-24", 7, "2025-02-10"),
        # ... and 20: 2/11–2/14 = 8–11, 2/17–2/21 = 12–16, 2/24–2/27 = 17–20.
        ("2025-01-24", 20, "2025-02-27"),
        # 2026 元旦: Wed 2025-12-31 received; 1/1–1/3 skip; 1/4 Sun 调休 = 1; 1/5 = 2; 1/6 = 3.
        ("2025-12-31", 3, "2026-01-06"),
        # 2026 Spring Festival: Fri 2/13 received; 2/14 Sat 调休 = 1; 2/15–2/23 skip; 2/24–2/27 = 2–5;
        # 2/28 Sat 调休 = 6 (a Saturday deadline).
        ("2026-02-13", 5, "2026-02-27"),
        ("2026-02-13", 6, "2026-02-28"),
        # 2026 劳动节: Thu 4/30 received; 5/1–5/5 skip; 5/6–5/8 = 1–3; 5/9 Sat 调休 = 4; 5/11–15 = 5–9;
        # 5/18–22 = 10–14; 5/25–29 = 15–19; Mon 6/1 = 20.
        ("2026-04-30", 20, "2026-06-01"),
        # 2026 中秋 + 国庆, 15 working days (条例 art. 32 third-party reply). Fri 9/18 received; 9/19 skip;
        # 9/20 Sun 调休 = 1; 9/21–24 = 2–5; 9/25–27 中秋节 skip; 9/28–30 = 6–8; 10/1–7 国庆节 skip;
        # 10/8–9 = 9–10; 10/10 Sat 调休 = 11; 10/11 skip; 10/12–15 = 12–15.
        ("2026-09-18", 15, "2026-10-15"),
    ],
)
def test_hand_checked_dates(cal: WorkdayCalendar, start: str, n: int, expected: str) -> None:
    r = cal.add(D(start), n)
    assert r.date == D(expected)
    assert not r.provisional
    assert cal.workdays_between(D(start), D(expected)) == n


def test_receipt_on_a_holiday(cal: WorkdayCalendar) -> None:
    # Received on 2025-10-01 (holiday). 10/2–10/8 skip; 10/9–10/10 = 1–2; 10/11 Sat 调休 = 3;
    # 10/13–17 = 4–8; 10/20–24 = 9–13; 10/27–31 = 14–18; 11/3–4 = 19–20.
    r = cal.add(D("2025-10-01"), 20)
    assert r.date == D("2025-11-04")
    assert r.skipped[0] == SkippedDay(D("2025-10-02"), "国庆节、中秋节")


def test_receipt_on_a_make_up_workday(cal: WorkdayCalendar) -> None:
    # Received Sun 2025-09-28 (调休 working day; the receipt day is not counted either way).
    # 9/29–9/30 = 1–2; 10/9–10/11 = 3–5; 10/13–17, 10/20–24, 10/27–31 = 6–20.
    assert cal.is_workday(D("2025-09-28"))
    assert cal.add(D("2025-09-28"), 20).date == D("2025-10-31")


def test_receipt_on_a_weekend(cal: WorkdayCalendar) -> None:
    # Received Sun 2025-10-12: 10/13–17, 10/20–24, 10/27–31, 11/3–7 = 1–20.
    assert cal.add(D("2025-10-12"), 20).date == D("2025-11-07")
    assert cal.add(D("2025-10-18"), 1).date == D("2025-10-20")


def test_is_workday_rules(cal: WorkdayCalendar) -> None:
    assert not cal.is_workday(D("2025-10-06"))  # holiday on a Monday
    assert cal.is_workday(D("2025-10-11"))  # 调休 Saturday
    assert not cal.is_workday(D("2025-10-12"))  # ordinary Sunday
    assert cal.is_workday(D("2025-10-13"))  # ordinary Monday
    assert cal.day_off_reason(D("2026-02-15")) == "春节"
    assert cal.day_off_reason(D("2026-02-14")) is None


def test_zero_days_returns_start(cal: WorkdayCalendar) -> None:
    r = cal.add(D("2025-10-01"), 0)
    assert (r.date, r.provisional, r.skipped, r.counted) == (D("2025-10-01"), False, (), ())
    assert cal.add(D("2031-05-05"), 0).provisional


def test_negative_days_rejected(cal: WorkdayCalendar) -> None:
    with pytest.raises(ValueError, match="非负"):
        cal.add(D("2025-01-01"), -1)


# --------------------------------------------------------------------------------------------------
# Years without official data
# --------------------------------------------------------------------------------------------------


def test_year_without_data_is_provisional_weekends_only(cal: WorkdayCalendar) -> None:
    assert not cal.has_official_data(2031)
    # Mon 2031-03-03: 3/4–3/7 = 1–4, 3/10–14 = 5–9, 3/17 = 10.
    r = cal.add(D("2031-03-03"), 10)
    assert (r.date, r.provisional) == (D("2031-03-17"), True)
    assert {s.reason for s in r.skipped} == {"周六", "周日"}
    # 1 January is surely 元旦, but without data only weekends are skipped, and the result says so.
    assert cal.add(D("2030-12-31"), 1).date == D("2031-01-01")
    assert any(line.startswith("暂定：2031 年") for line in cal.explain(D("2031-03-03"), 10))


def test_span_into_2027_becomes_provisional_only_when_it_reaches_2027(cal: WorkdayCalendar) -> None:
    # Mon 2026-12-28: 12/29, 12/30, 12/31 = 1–3 (still 2026); the 4th is Fri 2027-01-01.
    r3 = cal.add(D("2026-12-28"), 3)
    assert (r3.date, r3.provisional) == (D("2026-12-31"), False)
    r4 = cal.add(D("2026-12-28"), 4)
    assert (r4.date, r4.provisional) == (D("2027-01-01"), True)
    assert cal.add(D("2026-12-31"), 0).provisional is False


def test_with_year_adds_official_data_immutably(cal: WorkdayCalendar) -> None:
    y2027 = HolidayYear(2027, {D("2027-01-01"): "元旦"}, {}, source="import:2027.csv")
    newer = cal.with_year(y2027)
    r = newer.add(D("2026-12-28"), 4)
    assert (r.date, r.provisional) == (D("2027-01-04"), False)
    assert SkippedDay(D("2027-01-01"), "元旦") in r.skipped
    assert cal.add(D("2026-12-28"), 4).date == D("2027-01-01")  # the original is unchanged
    assert not cal.has_official_data(2027) and newer.has_official_data(2027)


# --------------------------------------------------------------------------------------------------
# Pauses (条例 art. 33: time consulting third parties is excluded)
# --------------------------------------------------------------------------------------------------


def test_pause_days_are_skipped_and_listed(cal: WorkdayCalendar) -> None:
    pause = Pause(D("2025-10-13"), D("2025-10-19"), "征求第三方意见")
    r = cal.add(D("2025-09-26"), 20, [pause])
    # Without the pause the 20th day is 10/30; the pause removes the 5 working days 10/13–17, so the
    # count continues 10/31, 11/3, 11/4, 11/5, 11/6.
    assert r.date == D("2025-11-06")
    paused = [s for s in r.skipped if s.reason.startswith("暂停")]
    assert [s.date for s in paused] == days("2025-10-13", "2025-10-19")
    assert {s.reason for s in paused} == {"暂停：征求第三方意见"}
    assert all(d not in r.counted for d in days("2025-10-13", "2025-10-19"))
    assert len(r.counted) == 20


def test_pause_outside_the_span_changes_nothing(cal: WorkdayCalendar) -> None:
    before = Pause(D("2025-01-01"), D("2025-09-26"), "补正")
    assert cal.add(D("2025-09-26"), 20, [before]) == cal.add(D("2025-09-26"), 20)


def test_pause_end_before_start_rejected() -> None:
    with pytest.raises(ValueError):
        Pause(D("2025-10-02"), D("2025-10-01"), "x")


# --------------------------------------------------------------------------------------------------
# explain() and JSON
# --------------------------------------------------------------------------------------------------


def test_explain_lists_every_skipped_day(cal: WorkdayCalendar) -> None:
    pause = Pause(D("2025-10-20"), D("2025-10-21"), "等待补正")
    lines = cal.explain(D("2025-09-26"), 20, [pause])
    r = cal.add(D("2025-09-26"), 20, [pause])
    assert lines[0] == "收到日 2025-09-26（不计入）"
    assert lines[1:-1] == [f"跳过 {s.date.isoformat()} {s.reason}" for s in r.skipped]
    assert "跳过 2025-10-01 国庆节、中秋节" in lines
    assert "跳过 2025-09-27 周六" in lines
    assert "跳过 2025-10-20 暂停：等待补正" in lines
    assert lines[-1] == f"第 20 个工作日：{r.date.isoformat()}"
    assert not any(line.startswith("暂定") for line in lines)


def test_result_to_json(cal: WorkdayCalendar) -> None:
    j = cal.add(D("2025-09-26"), 2).to_json()
    assert j == {
        "date": "2025-09-29",
        "provisional": False,
        "skipped": [{"date": "2025-09-27", "reason": "周六"}],
        "counted": ["2025-09-28", "2025-09-29"],
    }
    json.dumps(j)


# --------------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------------

_dates = st.dates(min_value=date(2004, 1, 1), max_value=date(2032, 12, 31))
_n = st.integers(min_value=0, max_value=40)


@settings(max_examples=400, database=None, deadline=None)
@given(d=_dates, n=_n, m=_n)
def test_add_composes_and_lands_on_workdays(cal: WorkdayCalendar, d: date, n: int, m: int) -> None:
    first = cal.add(d, n)
    assert cal.add(first.date, m).date == cal.add(d, n + m).date
    if n > 0:
        assert cal.is_workday(first.date)
        assert first.counted[-1] == first.date
    assert len(first.counted) == n
    assert all(cal.is_workday(x) for x in first.counted)
    assert all(not cal.is_workday(s.date) for s in first.skipped)
    # counted + skipped are exactly the days after d up to the result, with no gaps.
    assert sorted([*first.counted, *(s.date for s in first.skipped)]) == [
        d + timedelta(days=k) for k in range(1, (first.date - d).days + 1)
    ]
    assert cal.workdays_between(d, first.date) == n
    assert first.provisional == any(not cal.has_official_data(y) for y in range(d.year, first.date.year + 1))


def naive_add(cal: WorkdayCalendar, start: date, n: int, pauses: list[Pause]) -> WorkdayResult:
    """The definition, one day at a time, for comparison with the precomputed tables."""
    counted: list[date] = []
    skipped: list[SkippedDay] = []
    d = start
    while len(counted) < n:
        d += timedelta(days=1)
        pause = next((p for p in pauses if p.start <= d <= p.end), None)
        if pause is not None:
            skipped.append(SkippedDay(d, f"暂停：{pause.reason}"))
        elif cal.is_workday(d):
            counted.append(d)
        else:
            skipped.append(SkippedDay(d, cal.day_off_reason(d) or "?"))
    provisional = any(not cal.has_official_data(y) for y in range(start.year, d.year + 1))
    return WorkdayResult(d, provisional, tuple(skipped), tuple(counted))


_pauses = st.lists(st.tuples(st.integers(-10, 60), st.integers(0, 20)), max_size=3)


@settings(max_examples=300, database=None, deadline=None)
@given(d=_dates, n=_n, spans=_pauses)
def test_add_matches_day_by_day_definition(
    cal: WorkdayCalendar, d: date, n: int, spans: list[tuple[int, int]]
) -> None:
    pauses = [
        Pause(d + timedelta(days=off), d + timedelta(days=off + length), f"p{i}")
        for i, (off, length) in enumerate(spans)
    ]
    assert cal.add(d, n, pauses) == naive_add(cal, d, n, pauses)
    assert cal.add(d, n) == naive_add(cal, d, n, [])


# --------------------------------------------------------------------------------------------------
# HolidayYear
# --------------------------------------------------------------------------------------------------


def test_holiday_year_round_trip_and_read_only() -> None:
    hy = load_bundled()[2025]
    again = HolidayYear.from_dict(hy.to_dict())
    assert again == hy and hash(again) == hash(hy)
    with pytest.raises(TypeError):
        hy.holidays[D("2025-03-03")] = "x"  # type: ignore[index]


def test_holiday_year_rejects_bad_data() -> None:
    with pytest.raises(HolidayDataError, match="调休上班日应为周六或周日"):
        HolidayYear(2025, {}, {D("2025-10-09"): "x"})
    with pytest.raises(HolidayDataError, match="日期应属于 2025 年"):
        HolidayYear(2025, {D("2026-01-01"): "元旦"}, {})
    with pytest.raises(HolidayDataError, match="不能同时是放假日和调休上班日"):
        HolidayYear(2025, {D("2025-10-11"): "a"}, {D("2025-10-11"): "b"})


def test_calendar_rejects_mismatched_year_key() -> None:
    with pytest.raises(ValueError):
        WorkdayCalendar({2024: load_bundled()[2025]})


# --------------------------------------------------------------------------------------------------
# Files: .json
# --------------------------------------------------------------------------------------------------


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def test_json_single_object_and_list(tmp_path: Path) -> None:
    obj = {
        "year": 2027,
        "holidays": [{"date": "2027-01-01", "name": "元旦"}],
        "workdays": [{"date": "2027-01-02", "name": "元旦调休上班"}],
    }
    [hy] = parse_holiday_file(write(tmp_path, "y.json", json.dumps(obj, ensure_ascii=False)))
    assert hy == HolidayYear(
        2027, {D("2027-01-01"): "元旦"}, {D("2027-01-02"): "元旦调休上班"}, "import:y.json"
    )
    both = [load_bundled()[2026].to_dict(include_source=False), obj]
    years = parse_holiday_file(write(tmp_path, "list.json", json.dumps(both, ensure_ascii=False)))
    assert [y.year for y in years] == [2026, 2027]
    assert years[0].holidays == load_bundled()[2026].holidays


def test_json_bad_date_names_record_and_field(tmp_path: Path) -> None:
    obj = [
        {
            "year": 2025,
            "holidays": [{"date": "2025-01-01", "name": "元旦"}, {"date": "2025/13/01", "name": "x"}],
            "workdays": [],
        }
    ]
    with pytest.raises(HolidayFileError) as ei:
        parse_holiday_file(write(tmp_path, "bad.json", json.dumps(obj)))
    assert "bad.json 第 1 条记录 holidays 第 2 项 date：应为 YYYY-MM-DD，实为 '2025/13/01'" in str(ei.value)
    assert isinstance(ei.value, InputError)


def test_json_truncated_names_line_and_column(tmp_path: Path) -> None:
    p = write(tmp_path, "cut.json", '{\n  "year": 2025,\n  "holidays": [\n    {"date": "2025-01-01", "na')
    with pytest.raises(HolidayFileError, match=r"cut\.json 第 4 行第 \d+ 列：应为完整、合法的 JSON"):
        parse_holiday_file(p)


def test_json_workday_on_weekday_and_wrong_year(tmp_path: Path) -> None:
    obj = {
        "year": 2025,
        "holidays": [{"date": "2026-01-01", "name": "元旦"}],
        "workdays": [{"date": "2025-10-09", "name": "国庆节调休上班"}],
    }
    with pytest.raises(HolidayFileError) as ei:
        parse_holiday_file(write(tmp_path, "w.json", json.dumps(obj, ensure_ascii=False)))
    err = ei.value
    assert len(err.problems) == 2
    assert "w.json workdays 第 1 项：调休上班日应为周六或周日，实为 2025-10-09（周四）" in str(err)
    assert "w.json holidays 第 1 项：日期应属于 2025 年，实为 2026-01-01" in str(err)


def test_json_duplicate_year_and_unknown_field(tmp_path: Path) -> None:
    obj = {"year": 2025, "holidays": [], "workdays": []}
    with pytest.raises(HolidayFileError, match="第 2 条记录：2025 年重复"):
        parse_holiday_file(write(tmp_path, "d.json", json.dumps([obj, obj])))
    with pytest.raises(HolidayFileError, match="未知字段 holiday"):
        parse_holiday_file(write(tmp_path, "u.json", json.dumps({**obj, "holiday": []})))


# --------------------------------------------------------------------------------------------------
# Files: .csv
# --------------------------------------------------------------------------------------------------

GOOD_CSV = """date,kind,name
2026-12-31,holiday,示例
2027-01-01,holiday,元旦
2027-01-02,holiday,元旦
2027-01-03,workday,元旦调休上班
"""


def test_csv_infers_years(tmp_path: Path) -> None:
    years = parse_holiday_file(write(tmp_path, "h.csv", "\ufeff" + GOOD_CSV))
    assert [y.year for y in years] == [2026, 2027]
    assert years[1].holidays == {D("2027-01-01"): "元旦", D("2027-01-02"): "元旦"}
    assert years[1].workdays == {D("2027-01-03"): "元旦调休上班"}
    assert years[1].source == "import:h.csv"


def test_csv_saved_by_excel_in_gb18030(tmp_path: Path) -> None:
    years = parse_holiday_file(write(tmp_path, "gbk.csv", GOOD_CSV, encoding="gb18030"))
    assert years[1].holidays[D("2027-01-01")] == "元旦"


def test_csv_bad_date_message_names_file_line_column(tmp_path: Path) -> None:
    text = "date,kind,name\n2025-01-01,holiday,元旦\n2025-01-28,holiday,春节\n2025/13/01,holiday,春节\n"
    with pytest.raises(HolidayFileError) as ei:
        parse_holiday_file(write(tmp_path, "holidays.csv", text))
    assert str(ei.value).startswith("holidays.csv 第 4 行 date 列：应为 YYYY-MM-DD，实为 '2025/13/01'")


def test_csv_bad_kind_and_weekday_workday_listed_together(tmp_path: Path) -> None:
    text = "date,kind,name\n2025-10-01,休息,国庆节\n\n2025-10-09,workday,国庆节调休上班\n"
    with pytest.raises(HolidayFileError) as ei:
        parse_holiday_file(write(tmp_path, "k.csv", text))
    assert "k.csv 第 2 行 kind 列：应为 holiday 或 workday，实为 '休息'" in ei.value.problems
    assert "k.csv 第 4 行：调休上班日应为周六或周日，实为 2025-10-09（周四）" in ei.value.problems


def test_csv_header_and_empty(tmp_path: Path) -> None:
    with pytest.raises(HolidayFileError, match="第 1 行（表头）：应为 date,kind,name"):
        parse_holiday_file(write(tmp_path, "x.csv", "day,type,name\n2025-01-01,holiday,元旦\n"))
    with pytest.raises(HolidayFileError, match="没有数据行"):
        parse_holiday_file(write(tmp_path, "y.csv", "date,kind,name\n"))


def test_csv_duplicate_between_holiday_and_workday(tmp_path: Path) -> None:
    text = "date,kind,name\n2025-10-11,holiday,a\n2025-10-11,workday,b\n"
    with pytest.raises(
        HolidayFileError, match="第 3 行：2025-10-11 不能同时是放假日和调休上班日（另见 .*第 2 行）"
    ):
        parse_holiday_file(write(tmp_path, "dup.csv", text))


# --------------------------------------------------------------------------------------------------
# Files: .ics
# --------------------------------------------------------------------------------------------------


def ics(*events: str) -> str:
    body = "".join(f"BEGIN:VEVENT\r\nUID:{i}@test\r\n{e}END:VEVENT\r\n" for i, e in enumerate(events))
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//gongkai//test//CN\r\n{body}END:VCALENDAR\r\n"


def test_ics_spans_markers_and_categories(tmp_path: Path) -> None:
    text = ics(
        "SUMMARY:国庆节 休\r\nDTSTART;VALUE=DATE:20271001\r\nDTEND;VALUE=DATE:20271008\r\n",
        "SUMMARY:补班\r\nDTSTART;VALUE=DATE:20270926\r\n",
        "SUMMARY:国庆节\r\nCATEGORIES:WORKDAY\r\nDTSTART;VALUE=DATE:20271009\r\n",
        "SUMMARY:妇女节\r\nDTSTART;VALUE=DATE:20270308\r\n",  # neither 休 nor 班: ignored
    )
    [hy] = parse_holiday_file(write(tmp_path, "cn.ics", text))
    assert hy.year == 2027 and hy.source == "import:cn.ics"
    assert hy.holidays == {d: "国庆节" for d in days("2027-10-01", "2027-10-07")}  # DTEND exclusive
    assert hy.workdays == {D("2027-09-26"): "补班", D("2027-10-09"): "国庆节调休上班"}


def test_ics_without_vevent(tmp_path: Path) -> None:
    p = write(tmp_path, "empty.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n")
    with pytest.raises(HolidayFileError, match=r"empty\.ics：应至少含一个 VEVENT"):
        parse_holiday_file(p)


def test_ics_errors_name_line_and_event(tmp_path: Path) -> None:
    text = ics(
        "SUMMARY:春节 休\r\nDTSTART;VALUE=DATE:20270206\r\nDTEND;VALUE=DATE:20270213\r\n",
        "SUMMARY:春节 班\r\nDTSTART;VALUE=DATE:20270210\r\n",  # a Wednesday, and inside the holiday
        "SUMMARY:端午 休\r\nDTSTART;VALUE=DATE:20270610\r\nDTEND;VALUE=DATE:20270609\r\n",
    )
    with pytest.raises(HolidayFileError) as ei:
        parse_holiday_file(write(tmp_path, "bad.ics", text))
    msg = str(ei.value)
    # Events begin on lines 4, 10 and 15 of the file.
    assert (
        "bad.ics 第 10 行，第 2 个 VEVENT“春节 班”：调休上班日应为周六或周日，实为 2027-02-10（周三）" in msg
    )
    assert "第 10 行，第 2 个 VEVENT“春节 班”：2027-02-10 不能同时是放假日和调休上班日" in msg
    assert "bad.ics 第 15 行，第 3 个 VEVENT“端午 休” DTEND：应为晚于 DTSTART 的日期" in msg


def test_ics_garbage_and_rrule(tmp_path: Path) -> None:
    with pytest.raises(HolidayFileError, match=r"g\.ics：应为 iCalendar"):
        parse_holiday_file(write(tmp_path, "g.ics", "not a calendar"))
    text = ics("SUMMARY:休\r\nDTSTART;VALUE=DATE:20270101\r\nRRULE:FREQ=YEARLY\r\n")
    with pytest.raises(HolidayFileError, match="RRULE"):
        parse_holiday_file(write(tmp_path, "r.ics", text))


def test_unknown_suffix_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(HolidayFileError, match=r"h\.xlsx：文件类型应为 \.json、\.csv 或 \.ics"):
        parse_holiday_file(write(tmp_path, "h.xlsx", "x"))
    with pytest.raises(HolidayFileError, match=r"none\.csv：无法读取文件"):
        parse_holiday_file(tmp_path / "none.csv")
