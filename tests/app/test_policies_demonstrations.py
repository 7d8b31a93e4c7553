"""现场演示: a document's on-site demonstrations come from the zone's calendar — events of type
现场政策解读 (or 办事流程演示) linking the document by UUID, and the event a 现场演示 interpretation
names — and the staff reader and the kiosk show the next ones as "现场演示：<date, time>，<place>"."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from app.clock import ZONE
from app.context import AppContext
from app.errors import InputError
from app.events import EventDraft
from app.kiosk import KioskService
from app.policies import values as v
from app.policies.links import PolicyLink
from app.users import Role, StaffUser
from db.models import CatalogueDomain
from tests.app.policy_files import make_folder

TITLE = "关于调整城乡最低生活保障标准的通知"


def at(m: int, d: int, h: int = 9, mi: int = 0, y: int = 2025) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=ZONE)


@pytest.fixture
def admin(ctx: AppContext) -> StaffUser:
    return ctx.users.add("admin", frozenset({Role.ADMIN, Role.CLERK}), "gongkai123")


@pytest.fixture
def doc(ctx: AppContext, tmp_path: Path) -> v.DocumentRow:
    with ctx.session_factory() as session, session.begin():
        for code, name in (("19", "社会救助"), ("20", "养老服务"), ("21", "就业")):
            session.add(CatalogueDomain(code=code, name=name))
    ctx.policies.import_path(make_folder(tmp_path / "docs"))
    return next(r for r in ctx.policies.list() if r.title == TITLE)


def event(ctx: AppContext, admin: StaffUser, title: str, start: datetime, **kw: object) -> str:
    base: dict[str, object] = {
        "type_key": "policy_interpretation",
        "title": title,
        "start": start,
        "end": start.replace(hour=start.hour + 1, minute=30),
        "place": "政务公开专区",
    }
    base.update(kw)
    return ctx.events.create(admin, EventDraft(**base)).uuid  # type: ignore[arg-type]


def test_events_interpreting_a_document_show_as_its_demonstrations(
    ctx: AppContext, admin: StaffUser, doc: v.DocumentRow
) -> None:
    link = (PolicyLink(doc.uuid, TITLE),)
    # The clock stands at 2025-09-26 09:00. Past, cancelled, other documents' and other types'
    # events are not demonstrations of this document.
    event(ctx, admin, "上周的低保解读", at(9, 19, 14), policy_links=link)
    cancelled = event(ctx, admin, "取消的低保解读", at(10, 9, 14), policy_links=link)
    ctx.events.cancel(admin, cancelled, "主讲人出差")
    event(ctx, admin, "医保解读", at(10, 10, 14), policy_links=(PolicyLink("x" * 36, "医保文件"),))
    event(ctx, admin, "开放日", at(10, 11, 9), type_key="open_day", policy_links=link)
    event(ctx, admin, "低保政策现场解读", at(10, 16, 14, 30), policy_links=link)
    event(
        ctx, admin, "低保申请流程演示", at(10, 14, 9), type_key="procedure_demonstration", policy_links=link
    )
    # A 现场演示 interpretation names its event, of any type and without linking the document.
    hall = event(ctx, admin, "政府开放日：低保办理演示", at(11, 4, 9), type_key="open_day", place="一楼大厅")
    ctx.policies.add_interpretation(
        admin, doc.uuid, v.InterpretationDraft(v.DEMONSTRATION, "低保办理现场演示", event_uuid=hall)
    )

    view = ctx.policies.get(doc.uuid)
    assert [d.title for d in view.demonstrations] == [
        "低保申请流程演示",
        "低保政策现场解读",
        "政府开放日：低保办理演示",
    ]
    assert [d.line for d in view.demonstrations] == [
        "现场演示：2025年10月14日（周二）09:00—10:30，政务公开专区",
        "现场演示：2025年10月16日（周四）14:30—15:30，政务公开专区",
        "现场演示：2025年11月4日（周二）09:00—10:30，一楼大厅",
    ]
    kiosk = KioskService(ctx).policies.document(doc.uuid)
    assert kiosk is not None
    assert kiosk.demonstrations == tuple(d.line for d in view.demonstrations)

    # Once the first is over it is no longer shown.
    ctx.clock.set(at(10, 14, 11))  # type: ignore[attr-defined]
    assert [d.title for d in ctx.policies.get(doc.uuid).demonstrations][0] == "低保政策现场解读"


def test_a_weekly_series_shows_its_next_occurrences(
    ctx: AppContext, admin: StaffUser, doc: v.DocumentRow
) -> None:
    event(
        ctx,
        admin,
        "每周二低保政策讲解",
        at(9, 2, 15),
        rrule="FREQ=WEEKLY;BYDAY=TU",
        policy_links=(PolicyLink(doc.uuid, TITLE),),
    )
    lines = [d.when for d in ctx.policies.get(doc.uuid).demonstrations]
    assert lines == [
        "2025年9月30日（周二）15:00—16:30",
        "2025年10月7日（周二）15:00—16:30",
        "2025年10月14日（周二）15:00—16:30",
    ]


def test_a_demonstration_must_name_an_event_of_the_calendar(
    ctx: AppContext, admin: StaffUser, doc: v.DocumentRow
) -> None:
    with pytest.raises(InputError) as err:
        ctx.policies.add_interpretation(admin, doc.uuid, v.InterpretationDraft(v.DEMONSTRATION, "现场演示"))
    assert "现场演示应选择举办演示的活动" in str(err.value.problems)
    with pytest.raises(InputError) as err:
        ctx.policies.add_interpretation(
            admin, doc.uuid, v.InterpretationDraft(v.DEMONSTRATION, "现场演示", event_uuid="y" * 36)
        )
    assert "没有编号为" in str(err.value.problems)
    assert ctx.policies.get(doc.uuid).interpretations == ()
    assert ctx.policies.get(doc.uuid).demonstrations == ()
