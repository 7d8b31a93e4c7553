"""What the kiosk's service lets through: published, current, masked notices only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest

from app.clock import ZONE
from app.context import AppContext
from app.events.values import EventDraft
from app.kiosk import KioskService
from app.notices.values import NoticeDraft, NoticeView
from app.users import Role, StaffUser

#: A resident ID with a valid GB 11643 check character (the standard's own example).
VALID_ID = "11010519491231002X"
MASKED_ID = "11*************02X"


@dataclass(frozen=True)
class Staff:
    clerk: StaffUser
    first: StaffUser
    second: StaffUser
    final: StaffUser


def make_staff(ctx: AppContext) -> Staff:
    def add(name: str, role: Role) -> StaffUser:
        return ctx.users.get(name) or ctx.users.add(name, frozenset({role}), "gongkai123")

    return Staff(
        add("clerk", Role.CLERK),
        add("r1", Role.FIRST_REVIEWER),
        add("r2", Role.SECOND_REVIEWER),
        add("r3", Role.FINAL_REVIEWER),
    )


def draft(ctx: AppContext, title: str, body: str = "根据有关规定，现将有关事项公告如下。") -> NoticeDraft:
    today = ctx.clock.today()
    return NoticeDraft(
        template="general",
        title=title,
        body=body,
        period_start=today,
        period_end=today + timedelta(days=10),
        issuer="历城区唐王街道办事处",
        contact="街道党政办 0531-88123458",
        supervision_phone="0531-88123456",
    )


def approve(ctx: AppContext, staff: Staff, notice: NoticeView) -> None:
    s = ctx.notices
    s.review(notice.uuid, actor=staff.first, decision="approve", opinion="同意。")
    s.review(notice.uuid, actor=staff.second, decision="approve", opinion="同意。")
    s.review(
        notice.uuid, actor=staff.final, decision="approve", opinion="同意发布。", confidentiality_checked=True
    )


def publish(ctx: AppContext, staff: Staff, data: NoticeDraft) -> NoticeView:
    notice = ctx.notices.create(data, actor=staff.clerk, submit=True)
    approve(ctx, staff, notice)
    return ctx.notices.publish(notice.uuid, actor=staff.clerk)


@pytest.fixture
def staff(ctx: AppContext) -> Staff:
    return make_staff(ctx)


def test_only_published_notices_in_their_period_appear(ctx: AppContext, staff: Staff) -> None:
    """Drafts, notices under review and approved-but-unpublished ones never reach the kiosk."""
    ctx.notices.create(draft(ctx, "草稿公告"), actor=staff.clerk)
    ctx.notices.create(draft(ctx, "待初审公告"), actor=staff.clerk, submit=True)
    approved = ctx.notices.create(draft(ctx, "已审定未发布公告"), actor=staff.clerk, submit=True)
    approve(ctx, staff, approved)
    published = publish(ctx, staff, draft(ctx, "已发布公告"))
    service = KioskService(ctx)
    assert [n.title for n in service.notices()] == ["已发布公告"]
    assert [s.title for s in service.slides()] == ["已发布公告"]
    assert service.notice(approved.uuid) is None
    shown = service.notice(published.uuid)
    assert shown is not None and shown.kind_label == "公告"
    assert shown.public_url.endswith("/n/" + published.uuid)


def test_a_withdrawn_or_ended_notice_leaves_the_screen(ctx: AppContext, staff: Staff) -> None:
    notice = publish(ctx, staff, draft(ctx, "将撤回的公告"))
    admin = ctx.users.add("admin", frozenset({Role.ADMIN}), "gongkai123")
    ctx.notices.withdraw(notice.uuid, actor=admin, reason="内容有误")
    assert KioskService(ctx).notices() == ()
    publish(ctx, staff, draft(ctx, "十天后结束的公告"))
    ctx.clock.advance(days=11)  # type: ignore[attr-defined]
    assert KioskService(ctx).notices() == ()


def test_notice_text_is_masked(ctx: AppContext, staff: Staff) -> None:
    """A body with a valid ID number shows only its masked form, in the notice and its slide."""
    body = f"经审核，申请人身份证号{VALID_ID}，符合条件，现予公示。"
    publish(ctx, staff, draft(ctx, "关于申请人资格的公示", body))
    (notice,) = KioskService(ctx).notices()
    assert VALID_ID not in notice.body and MASKED_ID in notice.body
    (slide,) = KioskService(ctx).slides()
    assert VALID_ID not in slide.text


def test_upcoming_events_each_occurrence_with_its_public_page(ctx: AppContext) -> None:
    """A weekly series shows one entry per occurrence (distinct keys), all linking to /e/<uuid>."""
    admin = ctx.users.add("admin", frozenset({Role.ADMIN}), "gongkai123")
    start = datetime(2025, 9, 30, 9, 0, tzinfo=ZONE)  # a Tuesday, after the fixed clock's now
    series = ctx.events.create(
        admin,
        EventDraft(
            type_key="policy_counselling",
            title="每周二综合政策辅导",
            start=start,
            end=start + timedelta(hours=2),
            place="便民服务中心一楼",
            description=f"咨询人身份证号{VALID_ID}仅作示例。",
            rrule="FREQ=WEEKLY;BYDAY=TU;COUNT=3",
        ),
    )
    events = KioskService(ctx).events(10)
    assert [e.start.date().isoformat() for e in events] == ["2025-09-30", "2025-10-07", "2025-10-14"]
    assert len({e.key for e in events}) == 3
    assert all(e.public_url.endswith("/e/" + series.uuid) for e in events)
    assert VALID_ID not in events[0].description and MASKED_ID in events[0].description
    assert KioskService(ctx).event(events[1].key) == events[1]
    assert [s.kind for s in KioskService(ctx).slides()] == ["event"] * 3


def test_catalogue_by_domain_search_and_detail(ctx: AppContext) -> None:
    """Domains with active items, items in plain words, initials search (with a domain filter)."""
    ctx.catalogue.seed_bundled()
    service = KioskService(ctx)
    domains = service.domains()
    assert domains and all(d.item_count > 0 for d in domains)
    rescue = next(d for d in domains if d.name == "社会救助")
    items = service.items(rescue.code)
    assert len(items) == rescue.item_count
    found = service.search("DB", rescue.code)
    assert found and all(i.domain == "社会救助" for i in found)
    assert any("低保" in i.title or "最低生活保障" in i.title for i in found)
    detail = service.item(items[0].uuid)
    assert detail is not None
    labels = [f.label for f in detail.fields]
    assert "由哪个单位公开" in labels and "公开哪些内容" in labels
    assert detail.title in detail.qr_text
    assert service.item("no-such-uuid") is None
    assert service.search("  ") == ()
