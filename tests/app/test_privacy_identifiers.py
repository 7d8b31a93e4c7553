"""Masking touches personal fields only, never identifiers (issue #13): UUIDs, record numbers,
dates, amounts and SHA-256 digests come out of the masker unchanged, in records and inside text."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from app.context import AppContext
from app.privacy import Masker, MaskingProfile
from app.users import Role
from db.models import InfoRequest, OutboxEntry

# A UUID whose last group holds a mobile-shaped run (0637 9078 2706 → "063790782706"); about 3 in
# 1,000 random UUIDs are like this, and the masker used to star four of its digits.
TRICKY_UUID = "0c6a0182-c165-421d-a89a-063790782706"

uuids = st.uuids().map(str)
# Phone-shaped digit runs inside UUIDs are what went wrong: make them common.
mobile_like_uuids = st.from_regex(r"\A[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9]{12}\Z")
sha256s = st.binary(max_size=64).map(lambda b: hashlib.sha256(b).hexdigest())
record_numbers = st.one_of(
    st.from_regex(r"\A依申请〔20[0-9]{2}〕第[0-9]{4}号\Z"),
    st.from_regex(r"\A[A-Z]{2}-20[0-9]{2}-[0-9]{4}\Z"),
    st.integers(min_value=1, max_value=10**12).map(str),
)
dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)).map(date.isoformat)
datetimes = st.datetimes(timezones=st.just(UTC)).map(lambda d: d.isoformat(timespec="seconds"))
amounts = st.one_of(
    st.integers(min_value=0, max_value=10**14),
    st.floats(min_value=0, max_value=1e12, allow_nan=False),
    st.decimals(min_value=0, max_value=Decimal(10**12), places=2, allow_nan=False).map(str),
)
personal_text = st.text(alphabet="0123456789 -张李王村号（）:：电话身份证abcX", max_size=40)


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    own = draw(st.one_of(uuids, mobile_like_uuids))
    return {
        "uuid": own,
        "item_uuid": draw(st.one_of(uuids, mobile_like_uuids)),
        "catalogue_item_uuids": draw(st.lists(st.one_of(uuids, mobile_like_uuids), max_size=3)),
        "sha256": draw(sha256s),
        "blob_refs": draw(st.lists(sha256s, max_size=2)),
        "number": draw(record_numbers),
        "received_on": draw(dates),
        "due_on": draw(dates),
        "created_at": draw(datetimes),
        "amount": draw(amounts),
        "fee": draw(amounts),
        "capacity": draw(st.integers(min_value=0, max_value=10**12)),
        "public_url": f"https://gk.example.gov.cn/r/{own}",
        # personal fields with arbitrary content around them
        "applicant_name": draw(st.text(max_size=6)),
        "phone": draw(personal_text),
        "note": draw(personal_text) + f" 见 {own} " + draw(personal_text),
    }


IDENTIFIER_FIELDS = (
    "uuid", "item_uuid", "catalogue_item_uuids", "sha256", "blob_refs", "number", "received_on",
    "due_on", "created_at", "amount", "fee", "capacity", "public_url",
)  # fmt: skip


@settings(max_examples=120)
@given(record=records(), names=st.booleans())
def test_identifiers_survive_masking_unchanged(record: dict[str, Any], names: bool) -> None:
    masked = Masker(MaskingProfile(names=names)).mask_mapping(record)
    for field in IDENTIFIER_FIELDS:
        assert masked[field] == record[field], field
    assert record["uuid"] in masked["note"], "a UUID inside text is kept whole"


@settings(max_examples=150)
@given(ident=st.one_of(uuids, mobile_like_uuids, sha256s), before=personal_text, after=personal_text)
def test_identifiers_inside_free_text_are_kept(ident: str, before: str, after: str) -> None:
    text = f"{before}（{ident}）{after}"
    masked = Masker().mask(text)
    assert f"（{ident}）" in masked


def test_personal_numbers_around_identifiers_are_still_masked() -> None:
    m = Masker()
    text = f"编号 {TRICKY_UUID} 联系 13812345678，网址 https://x/r/{TRICKY_UUID}?tel=13912345678"
    masked = m.mask(text)
    assert masked.count(TRICKY_UUID) == 2
    assert "13812345678" not in masked and "13912345678" not in masked
    record = m.mask_mapping({"uuid": TRICKY_UUID, "phone": 13812345678, "amount": 13812345678})
    assert record == {"uuid": TRICKY_UUID, "phone": "138****5678", "amount": 13812345678}
    assert m.mask("两个身份证号连写 370102199003071238110101198001010010") != (
        "两个身份证号连写 370102199003071238110101198001010010"
    ), "a long run of plain digits is not a digest"


def test_a_requests_outbox_payload_keeps_its_uuid(ctx: AppContext) -> None:
    """The bug of issue #13: the platform refused every change to such a request for good."""
    clerk = ctx.users.add("clerk", frozenset({Role.CLERK}), "gongkai123")
    view = ctx.requests.intake(
        actor=clerk,
        channel="in_person",
        arrived_on=date(2025, 9, 26),
        applicant_kind="natural_person",
        applicant_name="张建国",
        id_number="370112198503127715",
        phone="13805311234",
        description="唐王街道2025年老旧小区改造项目清单",
    )
    with ctx.session_factory() as s, s.begin():
        s.execute(update(InfoRequest).where(InfoRequest.uuid == view.uuid).values(uuid=TRICKY_UUID))
    ctx.requests.transition(TRICKY_UUID, "registered", actor=clerk)
    with ctx.session_factory() as s:
        entry = (
            s.execute(
                select(OutboxEntry)
                .where(OutboxEntry.entity_uuid == TRICKY_UUID)
                .order_by(OutboxEntry.seq.desc())
            )
            .scalars()
            .first()
        )
    assert entry is not None
    payload = json.loads(entry.payload)
    assert payload["uuid"] == TRICKY_UUID and payload["number"] == "依申请〔2025〕第0001号"
    assert "13805311234" not in entry.payload and "370112198503127715" not in entry.payload
