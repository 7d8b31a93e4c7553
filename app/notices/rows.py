"""Conversions between notice rows and values, the outbox payload, and draft validation.

Kept apart from the service so the service reads as the list of user actions it offers.
"""

from __future__ import annotations

import json
import uuid as uuidlib
from datetime import date
from typing import Any

from app.errors import InputError
from app.notices.masking import MaskedContent, NoticeMasker, notice_profile, public_line_values, public_lines
from app.notices.templates import TEMPLATE_BY_KEY
from app.notices.values import NoticeDraft, PeriodCheck, ReviewStep, Roster
from app.policies.links import links_from_json, links_to_json
from app.sync import wire
from db.models import Notice, NoticeReview

TITLE_MAX = 300


def roster_from_json(text: str | None) -> Roster | None:
    if not text:
        return None
    data = json.loads(text)
    return Roster(tuple(data["columns"]), tuple(tuple(r) for r in data["rows"]))


def roster_to_json(roster: Roster | None) -> str | None:
    return None if roster is None else json.dumps(roster.to_json(), ensure_ascii=False)


def review_value(row: NoticeReview) -> ReviewStep:
    return ReviewStep(
        row.uuid,
        row.revision,
        row.step,
        row.decision,
        row.opinion,
        row.confidentiality_checked,
        row.actor,
        row.actor_label,
        row.at,
    )


def masker_for(row: Notice) -> NoticeMasker:
    phones = public_line_values(row.template, supervision_phone=row.supervision_phone, contact=row.contact)
    profile = notice_profile(json.loads(row.masking_profile), phones)
    return NoticeMasker(profile, json.loads(row.masking_exemptions))


def masked_content(row: Notice) -> MaskedContent:
    """The notice's content as every output shows it."""
    return masker_for(row).content(
        row.title,
        row.body,
        roster_from_json(row.roster_json),
        row.contact,
        row.supervision_phone,
        row.objection_channel,
    )


def content_snapshot(row: Notice) -> dict[str, Any]:
    """The editable fields of a revision (originals: this stays on the device)."""
    return {
        "template": row.template,
        "title": row.title,
        "body": row.body,
        "roster": json.loads(row.roster_json) if row.roster_json else None,
        "period_start": row.period_start.isoformat(),
        "period_end": row.period_end.isoformat(),
        "issuer": row.issuer,
        "contact": row.contact,
        "supervision_phone": row.supervision_phone,
        "objection_channel": row.objection_channel,
        "issue_date": row.issue_date.isoformat(),
    }


def outbox_payload(row: Notice, board_names: list[str]) -> dict[str, Any]:
    """What the city platform receives; every personal field is masked here (app.privacy)."""
    masked = masked_content(row)
    return {
        "uuid": row.uuid,
        "revision": row.revision,
        "kind": row.kind,
        "template": row.template,
        "title": masked.title,
        "body": masked.body,
        "roster": masked.roster.to_json() if masked.roster else None,
        "issuer": row.issuer,
        "contact": masked.contact,
        "supervision_phone": masked.supervision_phone,
        "period_start": row.period_start.isoformat(),
        "period_end": row.period_end.isoformat(),
        "status": row.status,
        "public_url": row.public_url,
        "published_at": row.published_at.isoformat() if row.published_at else None,
        "catalogue_item_uuids": json.loads(row.catalogue_item_uuids),
        "policy_links": links_to_json(links_from_json(row.policy_links)),
        "boards": board_names,
        # The fields the platform may show with a phone number in clear (wire.PUBLIC_LINES_KEY).
        wire.PUBLIC_LINES_KEY: sorted(public_lines(row.template)),
    }


def platform_refusal(row: Notice) -> str:
    """Why the city platform would refuse this notice's payload, or "" if it would accept it.

    The same check the platform runs on every push (``wire.unmasked_numbers`` with the shared
    public-line rule), so a notice the PC lets through review is one the platform publishes.
    """
    leaks = wire.unmasked_numbers(outbox_payload(row, []), entity="notice")
    if not leaks:
        return ""
    where = "、".join(dict.fromkeys(wire.describe_path(p) for p in leaks[:8]))
    return (
        f"{where}含有未遮蔽的身份证号或手机号，市级平台会拒收这份公示。"
        "请在正文或名单中遮蔽这些号码（或恢复对它们的遮蔽）；办公电话请填在“联系方式”“监督电话”栏。"
    )


def validate_draft(data: NoticeDraft, known_boards: set[str], where: str = "") -> None:
    """Every problem of a draft at once, each naming its field; raises InputError."""
    prefix = f"{where}：" if where else ""
    problems: list[str] = []
    if data.template not in TEMPLATE_BY_KEY:
        problems.append(f"template：未知模板“{data.template}”，应为 {', '.join(TEMPLATE_BY_KEY)} 之一")
    if not data.title.strip():
        problems.append("title：标题不能为空")
    elif len(data.title) > TITLE_MAX:
        problems.append(f"title：标题最长 {TITLE_MAX} 字，实为 {len(data.title)} 字")
    if not data.body.strip():
        problems.append("body：正文不能为空")
    if not data.issuer.strip():
        problems.append("issuer：发布单位不能为空")
    if not data.contact.strip():
        problems.append("contact：联系人及电话不能为空")
    if data.period_end < data.period_start:
        problems.append(
            f"period_end：结束日期 {data.period_end.isoformat()} 早于开始日期 {data.period_start.isoformat()}"
        )
    if data.audience_mode not in ("fixed", "targeted"):
        problems.append(f"audience_mode：应为 fixed（定点）或 targeted（定向），实为“{data.audience_mode}”")
    elif data.audience_mode == "targeted" and not data.audience_group.strip():
        problems.append("audience_group：定向公开须写明对象群体")
    if data.roster is not None:
        if not data.roster.columns or any(not str(c).strip() for c in data.roster.columns):
            problems.append("roster.columns：表头不能为空")
        for i, row in enumerate(data.roster.rows, start=1):
            if len(row) != len(data.roster.columns):
                problems.append(
                    f"roster.rows 第 {i} 行：应有 {len(data.roster.columns)} 列（与表头一致），实为 {len(row)} 列"
                )
            elif any(not isinstance(c, str) for c in row):
                problems.append(f"roster.rows 第 {i} 行：单元格应为文字")
    for i, u in enumerate(data.catalogue_item_uuids):
        try:
            uuidlib.UUID(u)
        except (ValueError, AttributeError, TypeError):
            problems.append(f"catalogue_item_uuids[{i}]：应为 UUID，实为“{u}”")
    for u in data.target_board_uuids:
        if u not in known_boards:
            problems.append(f"target_board_uuids：没有编号为 {u} 的公开栏")
    if problems:
        raise InputError(f"{prefix}公示内容有 {len(problems)} 处问题", problems)


def check_period_or_raise(check: PeriodCheck, where: str = "") -> None:
    if not check.ok:
        prefix = f"{where}：" if where else ""
        raise InputError(f"{prefix}period_end：公示期不足法定最短期限。{check.message}")


def parse_iso(value: object, field: str, where: str) -> date:
    if not isinstance(value, str):
        raise InputError(f"{where}：{field} 应为 YYYY-MM-DD 日期字符串")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{where}：{field} 应为 YYYY-MM-DD 日期，实为“{value}”") from None
