"""The statutory clock of one request: receipt date, due date, and how the due date was computed.

Pure functions over the working-day engine (app/workdays); the service feeds them the request's
dates and the rule figures from the database.

- Receipt date (条例第三十一条): see ``receipt_date``.
- Answer period (第三十三条): ``answer_days`` working days after the clock start, the start day not
  counted (the engine's rule, 民法典第二百零一条). The clock start is the receipt date, or the day
  the corrected application arrived (第三十条: "答复期限自行政机关收到补正的申请之日起计算").
- Consultations (第三十二条、第三十三条第三款): each span from the day the letter went out to the day
  the reply came back is a ``Pause``; an unfinished one runs to today and the date is marked paused.
- Extension (第三十三条第二款): its working days are added to the period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.errors import InputError
from app.requests.rules import CHANNELS
from app.workdays import Pause, SkippedDay, WorkdayCalendar


def receipt_date(channel: str, arrived_on: date, confirmed_on: date | None) -> date:
    """The day the law counts as receipt of the application, per channel (条例第三十一条).

    (一) in person: the day it was handed in (``arrived_on``);
    (二) signed post (挂号/EMS): the day the body signed for it (``arrived_on``); ordinary letters
         need no signature, so the body confirms with the applicant and that day counts
         (``confirmed_on``);
    (三) online or by fax: the day both sides confirm (``confirmed_on``).

    Raises InputError when a channel needing confirmation has none, or it precedes arrival.
    """
    spec = CHANNELS.get(channel)
    if spec is None:
        raise InputError(f"channel：应为 {'、'.join(CHANNELS)} 之一，实为“{channel}”")
    if not spec.needs_confirmation:
        return arrived_on
    if confirmed_on is None:
        raise InputError(
            f"确认日期：{spec.label}的申请以与申请人确认之日为收到日（{spec.rule}），请填写确认日期"
        )
    if confirmed_on < arrived_on:
        raise InputError(
            f"确认日期：应不早于到达日 {arrived_on.isoformat()}，实为 {confirmed_on.isoformat()}"
        )
    return confirmed_on


@dataclass(frozen=True)
class PauseSpan:
    """A span the clock stood still, for display (``open`` = still running, counted to today)."""

    start: date
    end: date
    reason: str
    open: bool = False


@dataclass(frozen=True)
class ClockResult:
    """A due date and everything needed to show how it was computed."""

    received_on: date
    channel: str
    clock_start_on: date
    answer_days: int
    extension_days: int
    due_on: date
    provisional: bool
    skipped: tuple[SkippedDay, ...]
    pauses: tuple[PauseSpan, ...]
    #: True while a consultation is under way: the due date moves on every day until it ends.
    paused_now: bool
    lines: tuple[str, ...]

    @property
    def total_days(self) -> int:
        return self.answer_days + self.extension_days

    def to_json(self) -> dict[str, object]:
        return {
            "received_on": self.received_on.isoformat(),
            "channel": self.channel,
            "clock_start_on": self.clock_start_on.isoformat(),
            "answer_days": self.answer_days,
            "extension_days": self.extension_days,
            "due_on": self.due_on.isoformat(),
            "provisional": self.provisional,
            "paused_now": self.paused_now,
            "skipped": [{"date": s.date.isoformat(), "reason": s.reason} for s in self.skipped],
            "pauses": [
                {"start": p.start.isoformat(), "end": p.end.isoformat(), "reason": p.reason, "open": p.open}
                for p in self.pauses
            ],
            "explanation": list(self.lines),
        }


def compute(
    calendar: WorkdayCalendar,
    *,
    received_on: date,
    channel: str,
    answer_days: int,
    clock_start_on: date | None = None,
    extension_days: int = 0,
    pauses: tuple[PauseSpan, ...] = (),
    correction_note: str = "",
) -> ClockResult:
    """The due date of an answer, with the explanation lines a clerk can check on a wall calendar."""
    start = clock_start_on or received_on
    total = answer_days + extension_days
    engine_pauses = [Pause(p.start, p.end, p.reason) for p in pauses if p.end >= p.start]
    result = calendar.add(start, total, engine_pauses)
    spec = CHANNELS.get(channel)
    lines = [f"收到申请之日：{received_on.isoformat()}（{spec.label if spec else channel}）"]
    if spec is not None:
        lines.append(f"依据：{spec.rule}")
    if start != received_on:
        lines.append(f"收到补正材料之日：{start.isoformat()}，答复期限自该日重新起算（条例第三十条）")
    if correction_note:
        lines.append(correction_note)
    lines.append(f"起算日 {start.isoformat()} 当日不计入，自次日起计算（民法典第二百零一条）")
    lines.append(f"答复期限：{answer_days} 个工作日（条例第三十三条）")
    if extension_days:
        lines.append(f"延期：{extension_days} 个工作日（条例第三十三条第二款，经负责人同意）")
    for p in pauses:
        state = "，征求意见中，暂按至今日计" if p.open else ""
        lines.append(
            f"暂停计时：{p.start.isoformat()} 至 {p.end.isoformat()}，{p.reason}{state}（条例第三十三条第三款：不计算在期限内）"
        )
    for s in result.skipped:
        lines.append(f"跳过 {s.date.isoformat()}（{s.date.month}月{s.date.day}日）：{s.reason}")
    lines.append(f"第 {total} 个工作日，即答复截止日：{result.date.isoformat()}")
    if result.provisional:
        missing = [y for y in range(start.year, result.date.year + 1) if not calendar.has_official_data(y)]
        years = "、".join(f"{y} 年" for y in missing)
        lines.append(
            f"暂定：{years}尚无官方放假安排，按周六、周日休息推算；国务院办公厅公布安排并更新节假日数据后请复核"
        )
    paused_now = any(p.open for p in pauses)
    if paused_now:
        lines.append("征求意见尚未结束：截止日将随暂停天数顺延，收到意见后自动重算")
    return ClockResult(
        received_on=received_on,
        channel=channel,
        clock_start_on=start,
        answer_days=answer_days,
        extension_days=extension_days,
        due_on=result.date,
        provisional=result.provisional,
        skipped=result.skipped,
        pauses=pauses,
        paused_now=paused_now,
        lines=tuple(lines),
    )
