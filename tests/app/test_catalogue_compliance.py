"""Time-limit rules, disclosures and the overdue / due-soon list; site edits and retirement."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from app.catalogue import ItemData
from app.catalogue.rules import describe, parse_time_limit
from app.context import AppContext
from app.errors import InputError, PermissionDeniedError, StateError
from app.users import Role


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("信息形成或者变更之日起20个工作日内", {"kind": "workdays", "n": 20}),
        ("制定或获取信息之日起10个工作日内,公示7个工作日", {"kind": "workdays", "n": 10}),
        ("20工作日", {"kind": "workdays", "n": 20}),
        ("本级政府财政部门批复后20日内", {"kind": "days", "n": 20}),
        ("实时公开", {"kind": "immediate"}),
        ("随时公布", {"kind": "immediate"}),
        (
            "每季度的首个月20日 (集体财务往来较多的,财务收支情况应每月公布一次)",
            {"kind": "quarterly", "day": 20},
        ),
        ("每年1月31日前公开上一年度公开年度报告", {"kind": "yearly", "month": 1, "day": 31}),
        ("提前一周发通知邀请", {"kind": "manual"}),
        ("1.除处罚决定外其他内容:长期公开(动态调整); 2.处罚决定:20个工作日内", {"kind": "manual"}),
    ],
)
def test_time_limit_rules(text: str, rule: dict) -> None:
    assert parse_time_limit(text) == rule


def test_unknown_rule_is_shown_as_manual() -> None:
    assert describe({"kind": "manual"}) == "需人工判断"


@pytest.fixture
def seeded(ctx: AppContext) -> AppContext:
    ctx.catalogue.seed_bundled(actor="test")
    return ctx


def test_quarterly_village_items_overdue_until_disclosed(seeded: AppContext) -> None:
    today = seeded.clock.today()
    entries = seeded.catalogue.compliance(today)
    quarterly = [e for e in entries if e.item.rule["kind"] == "quarterly"]
    assert quarterly and all(e.status == "overdue" and e.due == date(2025, 7, 20) for e in quarterly)
    target = quarterly[0].item
    seeded.catalogue.record_disclosure(target.uuid, on=date(2025, 7, 15), channel="村务公开栏", actor="t")
    after = {e.item.uuid for e in seeded.catalogue.compliance(today)}
    assert target.uuid not in after and len(after) == len(entries) - 1


def test_workday_rule_due_soon_with_holidays(seeded: AppContext) -> None:
    """Changed Fri 9-26 with a 3-workday limit: due Tue 9-30 (Sun 9-28 is a make-up workday, 调休)."""
    admin = seeded.users.add("adm", frozenset({Role.ADMIN}), "secret1")
    item = seeded.catalogue.add_item(admin, ItemData("乡镇通用事项", "政策解读", "解读材料", content="解读", time_limit="政策性文件公开后3个工作日内",
                                                     publisher="街道办事处", channels=("政府网站",)))  # fmt: skip
    assert item.rule == {"kind": "workdays", "n": 3}
    soon = {e.item.uuid: e for e in seeded.catalogue.compliance(date(2025, 9, 29), within_workdays=1)}
    assert soon[item.uuid].due == date(2025, 9, 30) and soon[item.uuid].status == "due_soon"
    late = {e.item.uuid: e for e in seeded.catalogue.compliance(date(2025, 10, 9))}
    assert late[item.uuid].status == "overdue"
    seeded.catalogue.record_disclosure(
        item.uuid, on=date(2025, 9, 26), channel="政府网站", notice_uuid="n-1", actor="t"
    )
    assert item.uuid not in {e.item.uuid for e in seeded.catalogue.compliance(date(2025, 10, 13))}
    assert seeded.catalogue.disclosures(item.uuid)[0].notice_uuid == "n-1"
    with sqlite3.connect(seeded.paths.database) as conn:
        assert ("catalogue_disclosure",) in conn.execute("SELECT entity FROM outbox_entry").fetchall()


def test_disclosure_in_the_future_rejected(seeded: AppContext) -> None:
    uuid = seeded.catalogue.items()[0].uuid
    with pytest.raises(InputError, match="不能晚于今天"):
        seeded.catalogue.record_disclosure(uuid, on=date(2030, 1, 1), channel="政府网站", actor="t")


def test_standard_items_read_only_site_items_editable_and_retired(seeded: AppContext) -> None:
    admin = seeded.users.add("adm", frozenset({Role.ADMIN}), "secret1")
    clerk = seeded.users.add("clk", frozenset({Role.CLERK}), "secret1")
    city = seeded.catalogue.items()[0]
    with pytest.raises(StateError, match="只读"):
        seeded.catalogue.update_item(admin, city.uuid, city.data)
    data = ItemData(
        "村务公开",
        "村级事务",
        "议事记录",
        content="记录",
        time_limit="随时公布",
        publisher="村委会",
        channels=("政府网站",),
    )
    with pytest.raises(PermissionDeniedError):
        seeded.catalogue.add_item(clerk, data)
    item = seeded.catalogue.add_item(admin, data)
    from dataclasses import replace

    edited = seeded.catalogue.update_item(admin, item.uuid, replace(data, content="会议记录与决议"))
    assert edited.uuid == item.uuid and edited.data.content == "会议记录与决议"
    retired = seeded.catalogue.retire_item(admin, item.uuid)
    assert retired.status == "retired" and item.uuid not in {v.uuid for v in seeded.catalogue.items()}
    assert [h.change for h in seeded.catalogue.history(item.uuid)] == ["added", "changed", "retired"]
    back = seeded.catalogue.add_item(admin, data)
    assert back.uuid == item.uuid and back.status == "active"
    with pytest.raises(InputError, match="公开渠道"):
        seeded.catalogue.add_item(admin, replace(data, level2="另一个", channels=()))


def test_domain_not_applicable_needs_reason(seeded: AppContext) -> None:
    admin = seeded.users.add("adm", frozenset({Role.ADMIN}), "secret1")
    with pytest.raises(InputError, match="原因"):
        seeded.catalogue.set_domain_applicable(admin, "05", False)
    seeded.catalogue.set_domain_applicable(admin, "05", False, "税务机关垂直管理，本街道不涉及")
    d = next(d for d in seeded.catalogue.domains() if d.code == "05")
    assert not d.applicable and "垂直管理" in d.not_applicable_reason
