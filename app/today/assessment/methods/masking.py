"""Masking overrides: how often staff chose to leave personal data unmasked, from the audit log.

Every service that lets staff untick a detected ID number, phone or address writes an audit entry
whose action ends in ``.masking_override`` with the unmasked findings (already masked) in its
detail; each entry that unmasked something counts once. Fewer is better: personal data must not
leave the device unmasked (个人信息保护法 art. 6, 政府信息公开条例 art. 15).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.clock import local
from app.today.assessment.figures import Direction, Evidence, Figure, Method
from app.today.assessment.period import Month
from app.uow import read_only
from db.models import AuditEntry

if TYPE_CHECKING:
    from app.context import AppContext

ACTION_SUFFIX = ".masking_override"

# entity → page that opens it
_PAGES = {"notice": "notices", "event": "calendar", "request": "requests"}
_KINDS = {
    "id": "身份证号",
    "mobile": "手机号",
    "phone": "电话",
    "bank": "银行卡号",
    "address": "地址",
    "name": "姓名",
}


def masking_overrides(ctx: AppContext, month: Month) -> Figure:
    evidence: list[Evidence] = []
    with read_only(ctx.session_factory) as session:
        rows = session.execute(
            select(AuditEntry).where(AuditEntry.action.like(f"%{ACTION_SUFFIX}")).order_by(AuditEntry.id)
        ).scalars()
        for row in rows:
            day = local(row.at).date()
            if not month.contains(day):
                continue
            detail = json.loads(row.detail or "{}")
            unmasked = detail.get("unmasked", [None]) if isinstance(detail, dict) else [None]
            if not unmasked:
                continue  # only re-masked: no personal data was exposed
            kinds = "、".join(
                sorted({_KINDS.get(str(u.get("kind")), "其他") for u in unmasked if isinstance(u, dict)})
            )
            evidence.append(
                Evidence(
                    record_uuid=row.entity_uuid,
                    page_key=_PAGES.get(row.entity, row.entity),
                    title=f"{row.actor} 取消遮蔽 {len(unmasked)} 处" + (f"（{kinds}）" if kinds else ""),
                    day=day,
                    ok=False,
                    note=row.action,
                )
            )
    return Figure(len(evidence), 0, tuple(evidence))


METHODS = (
    Method(
        key="masking_overrides",
        label="取消遮蔽次数",
        direction=Direction.LIMIT,
        describe="本月审计日志中工作人员取消隐私遮蔽（保留身份证号、电话、地址等原文）的次数",
        compute=masking_overrides,
    ),
)
