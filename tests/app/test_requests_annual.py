"""The annual-report table (section 3): cells match an independent count; the row check holds or shows."""

from __future__ import annotations

import io
import random
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import update

from app.context import AppContext
from app.requests import annual
from app.requests.rules import ANSWER_TYPES, APPLICANT_KINDS
from app.users import Role
from db.models import InfoRequest


def test_generated_year_matches_an_independent_count(ctx: AppContext) -> None:
    """Sixty requests through the real service, outcomes chosen at random (seeded)."""
    rnd = random.Random(7)
    clerk = ctx.users.add("clerk", frozenset({Role.CLERK}), "gongkai123")
    signer = ctx.users.add("final", frozenset({Role.FINAL_REVIEWER}), "gongkai123")
    cal = ctx.requests.calendar()
    kinds = list(APPLICANT_KINDS)
    types = [t for t in ANSWER_TYPES if t not in ("other_no_correction",)]
    expect_new: Counter[str] = Counter()
    expect_in: Counter[str] = Counter()
    expect_out: Counter[str] = Counter()
    expect_rows: Counter[tuple[str, str]] = Counter()
    for i in range(60):
        received = date(2024, 11, 1) + timedelta(days=rnd.randrange(0, 320))
        kind = rnd.choice(kinds)
        uuid = ctx.requests.intake(
            actor=clerk,
            channel="in_person",
            arrived_on=received,
            applicant_kind=kind,
            applicant_name=f"申请人{i}",
            description="某信息",
        ).uuid
        answered = None
        if rnd.random() < 0.75:
            answered = cal.add(received, rnd.randrange(1, 30)).date
            if answered > ctx.clock.today():
                answered = None
        if answered is not None:
            t = rnd.choice(types)
            ctx.requests.transition(uuid, "registered", actor=clerk)
            ctx.requests.answer(uuid, answer_type=t, actor=signer, on=answered)
        if received.year == 2025:
            expect_new[kind] += 1
        elif answered is None or answered.year == 2025:
            expect_in[kind] += 1
        if answered is not None and answered.year == 2025:
            expect_rows[(ANSWER_TYPES[t].group, ANSWER_TYPES[t].row)] += 1
            expect_rows[("total", kind)] += 1
        if answered is None:
            expect_out[kind] += 1

    table = ctx.requests.annual_table(2025)
    col = {k: i for i, k in enumerate(kinds)}
    for kind in kinds:
        assert table.row("new").counts[col[kind]] == expect_new[kind]  # type: ignore[index]
        assert table.row("carried_in").counts[col[kind]] == expect_in[kind]  # type: ignore[index]
        assert table.row("carried_out").counts[col[kind]] == expect_out[kind]  # type: ignore[index]
        assert table.row("g7").counts[col[kind]] == expect_rows[("total", kind)]  # type: ignore[index]
    totals = {r.label: r.counts[-1] for r in table.rows if r.counts is not None and r.level == 2}
    for (group, label), n in expect_rows.items():
        if group in ("3", "4", "5", "6"):
            assert totals[label] == n
    assert table.row("g1").counts[-1] == expect_rows[("1", "予以公开")]  # type: ignore[index]
    assert table.check_ok, table.check_lines
    assert table.row("new").counts[-1] == sum(expect_new.values())  # type: ignore[index]


def test_rows_follow_the_national_format() -> None:
    table = annual.compute_table(2025, [])
    labels = [r.label for r in table.rows]
    assert labels[0].startswith("一、本年新收") and labels[-1] == "四、结转下年度继续办理"
    assert "（七）总计" in labels
    assert sum(1 for r in table.rows if r.key.startswith("g3.")) == 8
    assert sum(1 for r in table.rows if r.key.startswith("g4.")) == 3
    assert sum(1 for r in table.rows if r.key.startswith("g5.")) == 5
    assert sum(1 for r in table.rows if r.key.startswith("g6.")) == 3
    assert table.columns == ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")


def test_a_failing_check_is_shown_in_the_exports(ctx: AppContext, tmp_path: Path) -> None:
    clerk = ctx.users.add("clerk", frozenset({Role.CLERK, Role.ADMIN}), "gongkai123")
    uuid = ctx.requests.intake(
        actor=clerk,
        channel="in_person",
        arrived_on=date(2025, 3, 3),
        applicant_kind="research",
        applicant_name="某研究所",
        description="某信息",
    ).uuid
    with ctx.session_factory() as s, s.begin():  # corrupt data: answered before it was received
        s.execute(
            update(InfoRequest)
            .where(InfoRequest.uuid == uuid)
            .values(answered_on=date(2024, 12, 1), answer_type="disclose", status="answered")
        )
    table = ctx.requests.annual_table(2025)
    assert not table.check_ok
    assert any("科研机构" in line and "不平衡" in line for line in table.check_lines)
    out = ctx.requests.export_annual(2025, tmp_path / "t.xlsx")
    ws = load_workbook(io.BytesIO(out.read_bytes())).active
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "勾稽关系检查：未通过" in texts
