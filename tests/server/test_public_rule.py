"""One masking rule on both sides (issue #13): a staff mobile on a notice's contact line is printed,
approved and published alike; a notice the platform would refuse cannot be approved; and a refusal
the platform does send reaches the Today list and the notice's detail until a corrected version is
accepted. Real workstation services, a real platform on PostgreSQL over loopback HTTP."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import date
from pathlib import Path

import httpx
import pytest

from app.context import AppContext
from app.errors import InputError
from app.notices.draft_file import read_draft
from app.notices.rows import outbox_payload
from app.notices.templates import TEMPLATES
from app.sync import wire
from app.users import Role, StaffUser
from db.models import Notice
from tests.server.support import Platform, Sites, write

pytestmark = pytest.mark.postgres

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "notice-dibao.json"
STAFF_MOBILE = "13953112345"


def staff(ctx: AppContext) -> dict[str, StaffUser]:
    people = {
        "clerk": {Role.CLERK},
        "first": {Role.FIRST_REVIEWER},
        "second": {Role.SECOND_REVIEWER},
        "final": {Role.FINAL_REVIEWER},
    }
    return {name: ctx.users.add(name, frozenset(roles), "pw-123456") for name, roles in people.items()}


def approve(ctx: AppContext, people: dict[str, StaffUser], notice_uuid: str) -> None:
    ctx.notices.review(notice_uuid, actor=people["first"], decision="approve")
    ctx.notices.review(notice_uuid, actor=people["second"], decision="approve")
    ctx.notices.review(notice_uuid, actor=people["final"], decision="approve", confidentiality_checked=True)


def test_every_template_declares_only_fields_the_platform_allows() -> None:
    for template in TEMPLATES:
        assert set(template.public_lines) <= wire.PUBLIC_LINE_FIELDS["notice"], template.key


def test_a_staff_mobile_on_the_contact_line_is_public_on_both_sides(platform: Platform, sites: Sites) -> None:
    platform.add_site("370112-TW")
    ctx = sites.open("370112-TW", platform)
    ctx.settings.set("public_base_url", platform.url)
    people = staff(ctx)
    draft = replace(
        read_draft(EXAMPLE, ctx.notices.boards()), contact=f"街道社会事务办 王专员 {STAFF_MOBILE}"
    )
    notice = ctx.notices.create(draft, actor=people["clerk"], submit=True)
    assert STAFF_MOBILE in ctx.notices.masked(notice.uuid).contact, "the PC prints it"
    approve(ctx, people, notice.uuid)
    report = ctx.sync.run_once()
    assert report.ok and report.rejected == 0, report
    page = httpx.get(f"{platform.url}/n/{notice.uuid}")
    assert page.status_code == 200 and STAFF_MOBILE in page.text, "the platform publishes it"
    assert "未通过隐私检查" not in page.text


def test_a_notice_the_platform_would_refuse_cannot_be_submitted_or_approved(ctx: AppContext) -> None:
    people = staff(ctx)
    draft = read_draft(EXAMPLE, ctx.notices.boards())
    # The hotline exemption keeps a number after 咨询电话 readable on the PC; the platform's rule
    # keeps only the declared public lines, so this body would be refused there.
    body = draft.body + f"\n\n咨询电话：{STAFF_MOBILE}"
    with pytest.raises(InputError, match="正文含有未遮蔽的身份证号或手机号"):
        ctx.notices.create(replace(draft, body=body), actor=people["clerk"], submit=True)
    assert ctx.notices.list() == []
    ok = ctx.notices.create(
        replace(draft, body=body, supervision_phone=f"0531-88123456、{STAFF_MOBILE}"),
        actor=people["clerk"],
        submit=True,
    )
    assert ok.status == "first_review", "the same number declared as a public line passes"


def test_a_refusal_reaches_today_and_the_notice_until_it_is_fixed(platform: Platform, sites: Sites) -> None:
    platform.add_site("370112-TW")
    ctx = sites.open("370112-TW", platform)
    people = staff(ctx)
    notice = ctx.notices.create(read_draft(EXAMPLE, ctx.notices.boards()), actor=people["clerk"], submit=True)
    approve(ctx, people, notice.uuid)
    # A payload that slipped past the PC's check (e.g. queued by an older version of the program).
    with ctx.session_factory() as s:
        row = s.query(Notice).filter(Notice.uuid == notice.uuid).one()
        payload = outbox_payload(row, [])
    payload["body"] += f" 联系人手机 {STAFF_MOBILE}"
    write(ctx, "notice", payload)
    report = ctx.sync.run_once()
    assert report.rejected == 1
    refusal = ctx.sync.refusal_for("notice", notice.uuid)
    assert refusal is not None and refusal.code == "unmasked_personal_data" and "正文" in refusal.message
    [item] = [i for i in ctx.today.items(people["clerk"]) if i.kind == "sync.rejected"]
    assert (item.page_key, item.record_uuid) == ("notices", notice.uuid), "a way to the record"
    assert "正文" in item.why and "不会显示这次修改" in item.why
    assert ctx.sync.status().rejected == 1

    # The clerk corrects the notice (a new revision); once the platform accepts it, the problem is gone.
    fixed = ctx.notices.update(notice.uuid, read_draft(EXAMPLE, ctx.notices.boards()), actor=people["clerk"])
    assert fixed.revision == 2
    assert ctx.sync.run_once().ok
    assert ctx.sync.refusal_for("notice", notice.uuid) is None
    assert not [i for i in ctx.today.items(people["clerk"]) if i.kind == "sync.rejected"]
    assert ctx.sync.status().rejected == 0


def test_outbox_payload_declares_its_public_lines(ctx: AppContext) -> None:
    people = staff(ctx)
    notice = ctx.notices.create(read_draft(EXAMPLE, ctx.notices.boards()), actor=people["clerk"])
    with ctx.session_factory() as s:
        row = s.query(Notice).filter(Notice.uuid == notice.uuid).one()
        payload = outbox_payload(row, [])
    assert payload["public_lines"] == ["contact", "supervision_phone"]
    assert json.loads(json.dumps(payload)) == payload
    assert date.fromisoformat(payload["period_start"])
    assert uuid.UUID(payload["uuid"])
