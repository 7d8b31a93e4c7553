"""Section 3 of the annual report (国办公开办函〔2021〕30号): applications received and handled.

Pure counting over plain facts, so tests can compare it with an independent count. Columns are the
applicant kinds (自然人; 法人或其他组织: 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他) and 总计.

Rows (docs/domain-facts.md, §3.3 "Annual report format"):
- 一、本年新收: received (receipt date) within the year;
- 二、上年结转: received before the year and not yet answered when it began;
- 三、本年度办理结果: answered within the year, one row per answer type, （七）总计 their sum;
- 四、结转下年度继续办理: received by 31 December and not answered by then.

Beside the national table, a supplementary reading figure (``reading_rows``): what the zone's 政府信息
查阅场所 register (查阅登记, app/policies) recorded in the year — readings, prints, pages printed and
documents. It is not part of section 3 and says so; report writers quote it in the section on the
reading place (docs/policies.md, "The annual report").

The format's check "第一项加第二项之和，等于第三项加第四项之和" is computed from rows counted
independently of each other, so data that breaks it (an answer dated before its receipt, an answer
without a known type) shows as a failed check instead of being balanced away.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from app.policies.values import RegisterFigures
from app.requests.rules import ANSWER_GROUPS, ANSWER_TYPES, APPLICANT_KINDS

KIND_ORDER: tuple[str, ...] = tuple(APPLICANT_KINDS)
COLUMN_LABELS: tuple[str, ...] = tuple(APPLICANT_KINDS.values()) + ("总计",)
CHECK_NOTE = "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和"


READING_TITLE = "补充数据：政府信息公开查阅场所查阅登记（政策文件查阅、打印）"
READING_NOTE = "此项为补充数据，不属于第三部分表格，取自政务公开专区的查阅登记。"


def reading_rows(figures: RegisterFigures) -> list[tuple[str, int]]:
    """The supplementary reading figure of ``figures.year`` as (label, number) lines."""
    return [
        ("现场查阅政策文件（人次）", figures.readings),
        ("打印政策文件（次）", figures.prints),
        ("打印页数（页，含份数）", figures.printed_pages),
        ("查阅或打印的政策文件（件）", figures.documents),
    ]


@dataclass(frozen=True)
class RequestFacts:
    """What the table needs to know about one request."""

    applicant_kind: str
    received_on: date
    answered_on: date | None
    answer_type: str


@dataclass(frozen=True)
class AnnualRow:
    """One printed row. ``counts`` is None for a heading row (三、本年度办理结果, （三）不予公开 …)."""

    key: str
    label: str
    level: int  # 0 = 一/二/三/四, 1 = （一）…（七）, 2 = 1. 2. …
    counts: tuple[int, ...] | None


@dataclass(frozen=True)
class AnnualTable:
    year: int
    columns: tuple[str, ...]
    rows: tuple[AnnualRow, ...]
    check_ok: bool
    check_lines: tuple[str, ...]

    def row(self, key: str) -> AnnualRow:
        return next(r for r in self.rows if r.key == key)


def _counts(facts: Iterable[RequestFacts]) -> tuple[int, ...]:
    per = dict.fromkeys(KIND_ORDER, 0)
    for f in facts:
        if f.applicant_kind in per:
            per[f.applicant_kind] += 1
    values = [per[k] for k in KIND_ORDER]
    return (*values, sum(values))


def compute_table(year: int, facts: Iterable[RequestFacts]) -> AnnualTable:
    """The section-3 table for ``year`` from every request's facts."""
    all_facts = list(facts)
    first, last = date(year, 1, 1), date(year, 12, 31)
    new = _counts(f for f in all_facts if first <= f.received_on <= last)
    carried_in = _counts(
        f for f in all_facts if f.received_on < first and (f.answered_on is None or f.answered_on >= first)
    )
    answered = [f for f in all_facts if f.answered_on is not None and first <= f.answered_on <= last]
    carried_out = _counts(
        f for f in all_facts if f.received_on <= last and (f.answered_on is None or f.answered_on > last)
    )

    rows: list[AnnualRow] = [
        AnnualRow("new", "一、本年新收政府信息公开申请数量", 0, new),
        AnnualRow("carried_in", "二、上年结转政府信息公开申请数量", 0, carried_in),
        AnnualRow("results", "三、本年度办理结果", 0, None),
    ]
    result_rows: list[tuple[int, ...]] = []
    for group, group_label in ANSWER_GROUPS.items():
        # Row labels of this group in report order; not_exist and not_ours share one row.
        labels: list[str] = []
        for a in ANSWER_TYPES.values():
            if a.group == group and a.row not in labels:
                labels.append(a.row)
        if group in ("1", "2"):
            counts = _counts(f for f in answered if _group(f) == group)
            rows.append(AnnualRow(f"g{group}", group_label, 1, counts))
            result_rows.append(counts)
            continue
        rows.append(AnnualRow(f"g{group}", group_label, 1, None))
        for i, label in enumerate(labels, start=1):
            counts = _counts(f for f in answered if _row_label(f) == label and _group(f) == group)
            rows.append(AnnualRow(f"g{group}.{i}", label, 2, counts))
            result_rows.append(counts)
    total = tuple(sum(c[i] for c in result_rows) for i in range(len(COLUMN_LABELS)))
    rows.append(AnnualRow("g7", "（七）总计", 1, total))
    rows.append(AnnualRow("carried_out", "四、结转下年度继续办理", 0, carried_out))

    lines: list[str] = []
    ok = True
    for i, col in enumerate(COLUMN_LABELS):
        left, right = new[i] + carried_in[i], total[i] + carried_out[i]
        if left != right:
            ok = False
            lines.append(
                f"“{col}”列不平衡：第一项 {new[i]} + 第二项 {carried_in[i]} = {left}，"
                f"第三项 {total[i]} + 第四项 {carried_out[i]} = {right}"
            )
    if ok:
        lines.append(
            f"勾稽关系成立：第一项 {new[-1]} + 第二项 {carried_in[-1]} = 第三项 {total[-1]} + 第四项 {carried_out[-1]}"
        )
    unknown = sum(1 for f in answered if f.answer_type not in ANSWER_TYPES)
    if unknown:
        lines.append(f"有 {unknown} 件申请的答复类型无法归入任何一行，请核对")
    return AnnualTable(year, COLUMN_LABELS, tuple(rows), ok, tuple(lines))


def _group(f: RequestFacts) -> str:
    a = ANSWER_TYPES.get(f.answer_type)
    return a.group if a else ""


def _row_label(f: RequestFacts) -> str:
    a = ANSWER_TYPES.get(f.answer_type)
    return a.row if a else ""
