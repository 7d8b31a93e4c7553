"""The wire schema both sides share: canonical JSON, checksums, cursors, the last-line privacy check."""

from __future__ import annotations

import uuid

import pytest

from app.sync import wire


def test_canonical_json_is_stable_across_key_order_and_unicode_forms() -> None:
    a = {"b": 1, "a": "é", "c": [{"y": 2, "x": 1}]}
    b = {"c": [{"x": 1, "y": 2}], "a": "e\u0301", "b": 1}
    assert wire.canonical_json(a) == wire.canonical_json(b)
    assert wire.payload_sha256(a) == wire.payload_sha256(b)
    assert wire.canonical_json({"t": "公示"}) == '{"t":"公示"}'.encode()


def test_row_hash_changes_with_every_part_and_bucket_sums_are_order_free() -> None:
    base = wire.row_hash("notice", "k", 1, False, {"a": 1})
    assert 0 <= base < 2**32
    assert base != wire.row_hash("notice", "k", 2, False, {"a": 1})
    assert base != wire.row_hash("notice", "k", 1, True, {"a": 1})
    assert base != wire.row_hash("notice", "k", 1, False, {"a": 2})
    values = [wire.row_hash("e", str(i), 1, False, {}) for i in range(50)]
    assert wire.sum_checksums(values) == wire.sum_checksums(reversed(values))


def test_cursors_round_trip_and_garbage_means_start_over() -> None:
    c = wire.encode_cursor("epoch-1", "holidays", 42)
    assert wire.decode_cursor(c) == ("epoch-1", "holidays", 42)
    assert wire.decode_cursor("") is None
    assert wire.decode_cursor("not base64 !!") is None


@pytest.mark.parametrize(
    "text",
    [
        "身份证 370102199003071238",  # a valid GB 11643 check character
        "11010519491231002X",  # the standard's worked example, check character X
        "电话13812345678",
        "１３８１２３４５６７８",
    ],
)
def test_unmasked_ids_and_mobiles_are_found(text: str) -> None:
    assert wire.unmasked_numbers({"roster": {"rows": [["1", text]]}}) == ["roster.rows[0][1]"]


@pytest.mark.parametrize(
    "text",
    [
        "370112********1234",
        "138****5678",
        "0531-88123456",
        "053188123456",
        "2025-09-26T09:00:00+08:00",
        "济政办发〔2023〕12号",
        "https://gk.example.gov.cn/n/" + "a1380013800-" * 0 + str(uuid.UUID(int=13800138000)),
        "ab" * 32,
    ],
)
def test_masked_numbers_dates_and_identifiers_pass(text: str) -> None:
    assert wire.unmasked_numbers({"x": text}) == []


def test_an_18_digit_number_is_an_id_only_with_its_check_character() -> None:
    """The platform decides like app.privacy: a wrong check character is not an ID (an order
    number, a 统一社会信用代码), so the PC shows it and the platform accepts it."""
    import random

    from app.privacy.checks import is_valid_id18

    rng = random.Random(13)
    for _ in range(3000):
        first17 = str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(16))
        for check in "0123456789X":
            assert wire.is_resident_id(first17 + check) == is_valid_id18(first17 + check)
    assert wire.unmasked_numbers({"x": "编号370102199003071234不是身份证号"}) == []


def test_uuids_never_look_like_phone_numbers() -> None:
    """A UUID segment can hold an 11-digit run; identifiers are blanked before scanning."""
    tricky = "0a5c3b2e-1d4f-4e6a-9b7c-a13812345678"
    assert wire.unmasked_numbers({"public_url": f"https://x/n/{tricky}", "uuid": tricky}) == []


def test_paths_are_described_in_chinese() -> None:
    assert wire.describe_path("roster.rows[0][3]") == "公示名单第 1 行第 4 列"
    assert wire.describe_path("contact") == "联系方式"
    assert wire.describe_path("unknown.field") == "unknown.field"


def test_messages_round_trip() -> None:
    op = wire.PushOp("id", 3, "event", "u", "upsert", {"uuid": "u"}, wire.payload_sha256({"uuid": "u"}), 2)
    request = wire.PushRequest("dev", wire.PROTOCOL, [op])
    assert wire.PushRequest.from_dict(request.to_dict()) == request
    change = wire.Change(
        "holidays",
        "holiday_year",
        "2026",
        1,
        7,
        False,
        {"year": 2026},
        wire.row_hash("holiday_year", "2026", 1, False, {"year": 2026}),
    )
    assert change.hash_ok()
    assert not wire.Change(**{**change.__dict__, "data": {"year": 2027}}).hash_ok()


def test_the_sealed_box_is_never_scanned_and_is_bounded() -> None:
    from app.sync.replica import track

    assert track.SEALED == wire.SEALED_KEY
    # base64 text may hold a mobile-like digit run by chance: it is ciphertext, not a leak
    payload = {"uuid": "u", "title": "x", "sealed": "gks1.AB13953107721CD"}
    assert wire.unmasked_numbers(payload, entity="notice") == []
    assert wire.unmasked_numbers({**payload, "title": "13953107721"}, entity="notice") == ["title"]
    assert wire.sealed_problem("notice", payload) is None
    assert wire.sealed_problem("notice", {"sealed": "plain text"})
    assert wire.sealed_problem("notice", {"sealed": "gks1." + "A" * wire.MAX_SEALED_BYTES})
    assert wire.sealed_problem("staff", {"uuid": "u", "sealed": "gks1.AA", "name": "张三"})
    assert wire.sealed_problem("staff", {"uuid": "u"})
    assert wire.sealed_problem("setting", {"uuid": "u", "sealed": "gks1.AA"}) is None


def test_only_the_kiosk_settings_travel_in_clear_beside_their_sealed_box() -> None:
    box = {"uuid": "u", "sealed": "gks1.AA"}
    assert (
        wire.sealed_problem("setting", {**box, "key": "kiosk_pin_hash", "value": "$argon2id$v=19$x"}) is None
    )
    assert wire.sealed_problem("setting", {**box, "key": "kiosk_idle_seconds", "value": 90}) is None
    # any other setting stays sealed only; a kiosk setting's value is text or a whole number
    assert wire.sealed_problem("setting", {**box, "key": "reminder_time", "value": "08:30"})
    assert wire.sealed_problem("setting", {**box, "key": "kiosk_idle_seconds", "value": {"a": 1}})
    assert wire.sealed_problem("setting", {**box, "key": "kiosk_idle_seconds", "value": True})
    assert wire.sealed_problem("setting", {**box, "key": "kiosk_pin_hash", "value": "x", "note": "y"})
    assert wire.sealed_problem("setting", {"uuid": "u", "key": "kiosk_pin_hash", "value": "x"})
    assert wire.sealed_problem("staff", {**box, "key": "kiosk_pin_hash", "value": "x"})
