"""The privacy masking service (app.privacy): detection, masking, rosters, JSON, profiles, properties."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.privacy import (
    ADDRESS_MARKER,
    DEFAULT_PROFILE,
    Finding,
    Masker,
    MaskingProfile,
    find_personal_data,
    mask_text,
)
from app.privacy.checks import id_check_char, luhn_ok

# -- independent helpers (deliberately not the implementation under test) ---------------------------

_WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]  # GB 11643-1999: W_i = 2^(i-1) mod 11, i = 18..2


def make_id(first17: str) -> str:
    """A resident ID with its real GB 11643 check character."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return first17 + "10X98765432"[total % 11]


def wrong_check_ids(first17: str) -> list[str]:
    """The same 17 digits with each wrong check character."""
    good = make_id(first17)[-1]
    return [first17 + c for c in "0123456789X" if c != good]


def make_card(body: str) -> str:
    """Append the Luhn check digit."""
    for d in "0123456789":
        candidate = body + d
        total = 0
        for i, c in enumerate(reversed(candidate)):
            v = int(c) * (2 if i % 2 else 1)
            total += v - 9 if v > 9 else v
        if total % 10 == 0:
            return candidate
    raise AssertionError("unreachable")


def to_fullwidth(s: str) -> str:
    return s.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))


def kinds(text: str, profile: MaskingProfile = DEFAULT_PROFILE) -> list[str]:
    return [f.kind for f in find_personal_data(text, profile)]


ID_A = make_id("37010219900307123")  # 济南市历下区, born 1990-03-07
ID_X = "11010519491231002X"  # the worked example of GB 11643-1999 (check character X)
ID_B = "440524188001010014"  # the standard's other worked example
CARD_19 = make_card("622202123456789012")
CARD_16 = make_card("621700123456789")


# -- check digits ------------------------------------------------------------------------------------


def test_check_character_matches_the_standard_examples() -> None:
    assert id_check_char(ID_X[:17]) == "X"
    assert id_check_char(ID_B[:17]) == "4"
    for first17 in ("37010219900307123", "11010119800101001", "44030520011231987", "65010219751111222"):
        assert id_check_char(first17) == make_id(first17)[-1]


def test_luhn() -> None:
    assert luhn_ok("4111111111111111") and luhn_ok(CARD_19) and luhn_ok(CARD_16)
    assert not luhn_ok("4111111111111112") and not luhn_ok("") and not luhn_ok("12a4")


# -- ID numbers --------------------------------------------------------------------------------------


def test_valid_18_digit_id_keeps_first_2_and_last_3() -> None:
    assert mask_text(ID_A) == "37" + "*" * 13 + ID_A[-3:]
    assert mask_text(ID_X) == "11*************02X"
    assert mask_text(ID_X.lower()) == "11*************02x"
    assert kinds(ID_B) == ["id_number"]


def test_id_embedded_in_chinese_text_without_spaces() -> None:
    text = f"申请人张三，身份证号{ID_A}，家庭人口3人，月保障金额650元。"
    assert (
        mask_text(text) == f"申请人张三，身份证号37*************{ID_A[-3:]}，家庭人口3人，月保障金额650元。"
    )


def test_wrong_check_character_is_not_an_id() -> None:
    wrong = wrong_check_ids("37010219900307123")
    assert len(wrong) == 10
    for number in wrong:
        found = kinds(f"编号{number}")
        # Not an ID; masked only if it happens to pass Luhn (then it could be a card number).
        assert "id_number" not in found
        if luhn_ok(number):
            assert found == ["bank_card"]
            assert mask_text(number) == "*" * 14 + number[-4:]
        else:
            assert found == []
            assert mask_text(number) == number
    # Both branches really occur for this prefix.
    assert any(luhn_ok(n) for n in wrong) and not all(luhn_ok(n) for n in wrong)


def test_spec_example_number_is_masked_as_a_card() -> None:
    # 370102199003071234 has a wrong check digit (the real one is 8) but passes Luhn: masked anyway.
    assert make_id("37010219900307123") != "370102199003071234" and luhn_ok("370102199003071234")
    assert kinds("身份证号370102199003071234") == ["bank_card"]
    assert "19900307" not in mask_text("身份证号370102199003071234")


def test_15_digit_old_ids() -> None:
    old = "370102900307123"  # born 1990-03-07
    assert mask_text(f"身份证{old}号") == "身份证37**********123号"
    assert kinds(old) == ["id_number"]
    # Month 13 is no date: not an ID. Pick a sequence number whose 15 digits also fail Luhn.
    bad = next(n for n in (f"3701029013{d:02d}123" for d in range(10, 100)) if not luhn_ok(n))
    assert kinds(bad) == []


def test_full_width_digits_keep_their_characters() -> None:
    wide = to_fullwidth(ID_A)
    assert mask_text(f"身份证号{wide}") == f"身份证号{wide[:2]}{'*' * 13}{wide[-3:]}"
    assert mask_text(to_fullwidth(ID_X)) == "１１*************０２Ｘ"
    assert mask_text("手机１３８１２３４５６７８") == "手机１３８****５６７８"


def test_numbers_split_by_spaces_or_hyphens() -> None:
    spaced = " ".join([ID_A[:4], ID_A[4:8], ID_A[8:12], ID_A[12:16], ID_A[16:]])
    masked = mask_text(f"身份证号 {spaced} 。")
    assert masked == f"身份证号 37** **** **** ***{ID_A[15]} {ID_A[16:]} 。"
    assert mask_text(f"{ID_A[:6]}-{ID_A[6:14]}-{ID_A[14:]}") == f"37****-********-*{ID_A[15:]}"
    assert mask_text("138-1234-5678") == "138-****-5678"
    assert mask_text("138 1234 5678") == "138 **** 5678"
    grouped = " ".join(CARD_19[i : i + 4] for i in range(0, 19, 4))
    assert mask_text(f"卡号：{grouped}") == "卡号：**** **** **** ***" + CARD_19[15] + " " + CARD_19[16:]


def test_numbers_glued_together_are_split_when_they_tile_exactly() -> None:
    other = make_id("11010119800101001")
    assert mask_text(ID_A + other) == f"37*************{ID_A[-3:]}11*************{other[-3:]}"
    assert kinds(f"{ID_X}13812345678") == ["id_number", "mobile"]
    serial = "2025103000012345678901"  # a 22-digit serial number that is no concatenation: left alone
    assert mask_text(serial) == serial


def test_several_numbers_in_one_space_separated_run() -> None:
    text = "联系电话13812345678 13987654321 15005311234"
    assert mask_text(text) == "联系电话138****5678 139****4321 150****1234"
    assert kinds(f"{ID_A} 13812345678") == ["id_number", "mobile"]


# -- phones ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13812345678", "138****5678"),
        ("+8613812345678", "+86138****5678"),
        ("+86 138 1234 5678", "+86 138 **** 5678"),
        ("+86-138-1234-5678", "+86-138-****-5678"),
        ("8613812345678", "86138****5678"),
        ("0086 13812345678", "0086 138****5678"),
        ("(+86)13812345678", "(+86)138****5678"),
        ("（+86）13812345678", "（+86）138****5678"),
        ("手机:19912345678。", "手机:199****5678。"),
    ],
)
def test_mobiles(text: str, expected: str) -> None:
    assert mask_text(text) == expected
    assert kinds(text) == ["mobile"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0531-12345678", "0531-****5678"),
        ("(0531)1234567", "(0531)****567"),
        ("（0531）88886666", "（0531）****6666"),
        ("0531 8888 6666", "0531 **** 6666"),
        ("010-62345678", "010-****5678"),
        ("021 6234 5678", "021 **** 5678"),
        ("053188886666", "0531****6666"),
        ("0531－88886666", "0531－****6666"),
    ],
)
def test_landlines(text: str, expected: str) -> None:
    assert mask_text(f"电话{text}转") == f"电话{expected}转"
    assert kinds(text) == ["landline"]


def test_bare_hotline_verbs_and_lists() -> None:
    text = "政府网站 (+咨询电话 0562-2896842、投诉 0562-2896840)"
    assert mask_text(text) == text
    assert mask_text("投诉人电话0562-2896840") == "投诉人电话0562-****840"


def test_landline_extension_stays_readable() -> None:
    assert mask_text("0531-88886666-8001") == "0531-****6666-8001"


def test_not_landlines() -> None:
    for text in (
        "2025-1030",
        "2025-10-30",
        "0531-2025",
        "12-34567890",
        "0531-0123456",
        "1234-5678",
        "400-123-4567",
    ):
        assert kinds(text) == [], text


def test_hotline_after_label_stays_readable() -> None:
    text = "监督电话：0531-88886666，举报电话 0531-88887777、13812345678。申请人电话0531-88881234"
    assert (
        mask_text(text)
        == "监督电话：0531-88886666，举报电话 0531-88887777、13812345678。申请人电话0531-****1234"
    )
    strict = MaskingProfile(exempt_hotlines=False)
    assert mask_text("监督电话：0531-88886666", strict) == "监督电话：0531-****6666"


def test_public_numbers_are_never_masked() -> None:
    profile = MaskingProfile(public_numbers=("0531 8888-6666", "１３９１２３４５６７８"))
    assert profile.public_numbers == ("053188886666", "13912345678")
    text = "咨询0531-88886666或13912345678，不是13812345678"
    assert mask_text(text, profile) == "咨询0531-88886666或13912345678，不是138****5678"


# -- bank cards --------------------------------------------------------------------------------------


def test_bank_cards_luhn_valid_vs_invalid() -> None:
    assert mask_text(f"银行卡号{CARD_19}") == "银行卡号" + "*" * 15 + CARD_19[-4:]
    assert mask_text(CARD_16) == "*" * 12 + CARD_16[-4:]
    assert kinds("4111111111111111") == ["bank_card"]
    broken = CARD_16[:-1] + str((int(CARD_16[-1]) + 1) % 10)
    assert kinds(broken) == [] and mask_text(broken) == broken
    grouped = " ".join(CARD_16[i : i + 4] for i in range(0, 16, 4))
    assert mask_text(grouped) == "**** **** **** " + CARD_16[-4:]


def test_year_lists_are_not_cards() -> None:
    years = "2015 2016 2017 2018"
    assert luhn_ok(years.replace(" ", ""))  # grouped like a card and passes Luhn, yet a list of years
    assert mask_text(f"对比{years}年度数据") == f"对比{years}年度数据"


# -- addresses ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("山东省济南市历城区唐王街道东营村5组18号", f"山东省济南市历城区唐王街道{ADDRESS_MARKER}"),
        ("家住唐王镇西营村三组12号，", f"家住唐王镇{ADDRESS_MARKER}，"),
        ("住址：历城区花园路18号3单元201室", f"住址：历城区{ADDRESS_MARKER}"),
        ("历城区阳光小区3号楼2单元301", f"历城区{ADDRESS_MARKER}"),
        ("济南市市中区经十路18号", f"济南市市中区{ADDRESS_MARKER}"),
        ("家住东营村5组18号", f"家住{ADDRESS_MARKER}"),
        ("住址:东营村5组18号", f"住址:{ADDRESS_MARKER}"),
        ("唐王街道 东营村 5组 18号", f"唐王街道 {ADDRESS_MARKER}"),
        ("唐王街道乡城村2号", f"唐王街道{ADDRESS_MARKER}"),
        ("东营村5组18号", ADDRESS_MARKER),
    ],
)
def test_addresses_are_cut_to_township(text: str, expected: str) -> None:
    assert mask_text(text) == expected
    assert kinds(text) == ["address"]


@pytest.mark.parametrize(
    "text",
    [
        "关于唐王街道东营村2025年低保对象的公示",  # a place in a title, not a home
        "唐王街道东营村3组道路硬化工程",  # no household-level unit
        "本村共有3户低保户",
        "各村5号前上报",
        "济政办发〔2023〕12号",
        "国务院令第711号",
        "历城区人民医院3号楼",
        "活动地点：唐王街道便民服务中心2楼",
        "2025年10月30日",
        "唐王街道18号",
    ],
)
def test_not_addresses(text: str) -> None:
    assert mask_text(text) == text


def test_address_running_into_a_phone_number() -> None:
    text = "唐王街道东营村0号13812345678"
    assert mask_text(text) == f"唐王街道{ADDRESS_MARKER}138****5678"
    assert [f.original for f in find_personal_data(text)] == ["东营村0号", "13812345678"]


def test_address_finding_covers_only_the_removed_detail() -> None:
    text = "申请人张三，山东省济南市历城区唐王街道东营村5组18号。"
    (found,) = find_personal_data(text)
    assert found.kind == "address" and found.original == "东营村5组18号" and found.masked == ADDRESS_MARKER


# -- names -------------------------------------------------------------------------------------------

NAMES = MaskingProfile(names=True)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("张三", "张*"),
        ("王小明", "王**"),
        ("欧阳小明", "欧阳**"),
        ("司马光", "司马*"),
        ("欧阳", "欧*"),
        ("张", "张"),
        ("张　三", "张　*"),
        ("张三、李四", "张*、李*"),
        ("张三 李四", "张* 李*"),
        ("买买提·艾力", "买**·**"),
        ("张*", "张*"),
        ("", ""),
    ],
)
def test_mask_name(name: str, expected: str) -> None:
    assert Masker(NAMES).mask_name(name) == expected


def test_names_are_kept_unless_the_profile_masks_them() -> None:
    assert Masker().mask_name("张三") == "张三"
    assert mask_text("张三", NAMES) == "张三"  # free text never guesses names


# -- rosters -----------------------------------------------------------------------------------------


def test_mask_table_roster() -> None:
    bad_id = next(n for n in wrong_check_ids("37010219850612001") if not luhn_ok(n))
    columns = ["序号", "户主姓名", "与户主关系", "身份证号", "联系电话", "家庭住址", "保障金额(元)"]
    rows = [
        ["1", "张三", "本人", ID_A, "13812345678", "唐王街道东营村5组18号", "650.00"],
        ["2", "欧阳小明", "本人", bad_id, "0531-88886666", "东营村3组7号", "1,200.00"],
    ]
    masked = Masker(NAMES).mask_table(columns, rows)
    assert masked[0] == [
        "1",
        "张*",
        "本人",
        f"37*************{ID_A[-3:]}",
        "138****5678",
        "唐王街道××",
        "650.00",
    ]
    # The typo'd ID still gets starred because of its column; the address column needs no anchor.
    assert masked[1] == [
        "2",
        "欧阳**",
        "本人",
        f"37*************{bad_id[-3:]}",
        "0531-****6666",
        "××",
        "1,200.00",
    ]
    assert rows[0][1] == "张三"  # input untouched


def test_mask_table_integer_cells_from_excel() -> None:
    rows: list[list[object]] = [[1, 13812345678, 650]]
    out = Masker().mask_table(["序号", "手机", "金额"], rows)  # type: ignore[arg-type]
    assert out == [[1, "138****5678", 650]]


def test_mask_table_name_columns_explicit_and_profile_gated() -> None:
    rows = [["张三", "李四"]]
    assert Masker(NAMES).mask_table(["甲", "乙"], rows, name_columns={1}) == [["张三", "李*"]]
    assert Masker().mask_table(["姓名", "申请人"], rows) == [["张三", "李四"]]
    assert Masker(NAMES).mask_table(["姓 名", "申请人"], rows) == [["张*", "李*"]]


def test_mask_table_hotline_column_and_ragged_rows() -> None:
    masker = Masker()
    out = masker.mask_table(["单位", "监督电话"], [["唐王街道", "0531-88886666"], ["民政局"], []])
    assert out == [["唐王街道", "0531-88886666"], ["民政局"], []]


# -- JSON --------------------------------------------------------------------------------------------


def test_mask_mapping_nested() -> None:
    payload = {
        "notice": {
            "title": "关于唐王街道2025年低保对象的公示",
            "hotline": "0531-88886666",
            "body": f"申请人身份证{ID_A}，手机13812345678",
            "roster": [
                {"applicant_name": "张三", "id_number": ID_A, "phone": 13812345678, "members": 3},
                {"applicant_name": "欧阳小明", "address": "东营村5组18号", "amount": 650.5, "ok": True},
            ],
        },
        "tags": ("低保", "13987654321"),
        "count": 2,
        "none": None,
    }
    out = Masker(NAMES).mask_mapping(payload)
    notice = out["notice"]
    assert notice["title"] == payload["notice"]["title"]  # type: ignore[index]
    assert notice["hotline"] == "0531-88886666"
    assert notice["body"] == f"申请人身份证37*************{ID_A[-3:]}，手机138****5678"
    assert notice["roster"][0] == {
        "applicant_name": "张*",
        "id_number": f"37*************{ID_A[-3:]}",
        "phone": "138****5678",
        "members": 3,
    }
    assert notice["roster"][1] == {"applicant_name": "欧阳**", "address": "××", "amount": 650.5, "ok": True}
    assert out["tags"] == ["低保", "139****4321"]
    assert out["count"] == 2 and out["none"] is None
    assert ID_A not in json.dumps(out, ensure_ascii=False)
    with pytest.raises(TypeError):
        Masker().mask_mapping(["not", "a", "mapping"])  # type: ignore[arg-type]


# -- find() ------------------------------------------------------------------------------------------

MIXED = (
    f"申请人张三（身份证号{ID_A}，手机+86 138-1234-5678，座机(0531)88886666），"
    f"住山东省济南市历城区唐王街道东营村5组18号，银行卡{CARD_19}，"
    "于2025年10月30日申请，金额12,345.00元，依据济政办发〔2023〕12号第十五条。"
)


def test_find_offsets_match_the_text_and_are_sorted() -> None:
    found = find_personal_data(MIXED)
    assert [f.kind for f in found] == ["id_number", "mobile", "landline", "address", "bank_card"]
    for f in found:
        assert isinstance(f, Finding)
        assert MIXED[f.start : f.end] == f.original
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    # mask() is exactly the findings applied
    rebuilt, pos = [], 0
    for f in found:
        rebuilt += [MIXED[pos : f.start], f.masked]
        pos = f.end
    assert mask_text(MIXED) == "".join(rebuilt) + MIXED[pos:]


def test_masked_numbers_keep_their_length() -> None:
    for f in find_personal_data(MIXED):
        if f.kind != "address":
            assert len(f.masked) == len(f.original)


# -- idempotence and false positives -------------------------------------------------------------------

CORPUS = [
    MIXED,
    "电话 138-1234-5678 和 0531-12345678 以及 (0531)1234567，0531 8888 6666",
    f"{to_fullwidth(ID_A)} {CARD_16} +8613812345678",
    "家住东营村5组18号；住址：历城区花园路18号3单元201室",
]


@pytest.mark.parametrize("text", CORPUS)
def test_masking_is_idempotent(text: str) -> None:
    once = mask_text(text)
    assert once != text
    assert mask_text(once) == once
    assert find_personal_data(once) == []


@pytest.mark.parametrize(
    "text",
    [
        "2025-10-30",
        "2025年10月30日",
        "2025/10/30 08:30",
        "20251030",
        "12,345.00元",
        "1234567.89元",
        "共计123456元",
        "济政办发〔2023〕12号",
        "国办公开办函〔2021〕30号",
        "国务院令第711号",
        "第十五条、第33条",
        "2019年5月15日起施行",
        "2023 2024 2025",
        "受理编号 20251030001",
        "邮编250100",
        "12345市民热线",
        "400-123-4567",
        "GB/T 9704-2012",
        "2021-2025年规划",
        "第1、2、3项",
    ],
)
def test_no_false_positives(text: str) -> None:
    assert find_personal_data(text) == []
    assert mask_text(text) == text


# -- profiles ----------------------------------------------------------------------------------------


def test_profile_switches() -> None:
    text = f"{ID_A} 13812345678 0531-88886666 {CARD_16} 唐王街道东营村5组18号"
    everything_off = MaskingProfile(
        id_number=False, mobile=False, landline=False, bank_card=False, address=False
    )
    assert mask_text(text, everything_off) == text
    only_mobile = MaskingProfile(id_number=False, landline=False, bank_card=False, address=False)
    assert kinds(text, only_mobile) == ["mobile"]


def test_profile_round_trips_through_json() -> None:
    profile = MaskingProfile(names=True, landline=False, public_numbers=("0531-88886666",))
    data = json.loads(json.dumps(profile.to_dict()))
    assert data["public_numbers"] == ["053188886666"]
    assert MaskingProfile.from_dict(data) == profile
    assert MaskingProfile.from_dict({}) == DEFAULT_PROFILE
    assert MaskingProfile.from_dict({"names": True, "from_the_future": 1}) == MaskingProfile(names=True)
    with pytest.raises(TypeError):
        MaskingProfile.from_dict({"id_number": "no"})
    with pytest.raises(TypeError):
        MaskingProfile.from_dict({"public_numbers": "0531"})


def test_default_profile() -> None:
    assert DEFAULT_PROFILE.to_dict() == {
        "id_number": True,
        "mobile": True,
        "landline": True,
        "bank_card": True,
        "address": True,
        "names": False,
        "public_numbers": [],
        "exempt_hotlines": True,
    }


def test_rejects_non_strings() -> None:
    with pytest.raises(TypeError):
        mask_text(123)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Masker("strict")  # type: ignore[arg-type]


# -- properties --------------------------------------------------------------------------------------

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
# Real region-code prefixes (province + city + county) and birth dates from 1900 to 2025.
PREFIXES = [
    "110101",
    "110105",
    "310104",
    "370102",
    "370112",
    "440305",
    "510107",
    "650102",
    "130102",
    "230103",
]


@st.composite
def valid_ids(draw: st.DrawFn) -> str:
    prefix = draw(st.sampled_from(PREFIXES))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 12, 31)))
    seq = draw(st.integers(min_value=0, max_value=999))
    return make_id(f"{prefix}{born:%Y%m%d}{seq:03d}")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ids=st.lists(valid_ids(), min_size=1, max_size=3),
    pieces=st.lists(st.text(alphabet=CJK, max_size=12), min_size=4, max_size=4),
    wide=st.booleans(),
)
def test_valid_ids_in_random_cjk_text_never_leak_their_middle(
    ids: list[str], pieces: list[str], wide: bool
) -> None:
    numbers = [to_fullwidth(i) if wide else i for i in ids]
    text = pieces[0] + "".join(n + p for n, p in zip(numbers, pieces[1:], strict=False))
    masked = mask_text(text)
    for number in numbers:
        assert number[2:15] not in masked
    assert mask_text(masked) == masked


# Fragments chosen to collide: digits, separators, house units, anchors, labels, masked pieces.
_PIECES = st.sampled_from(
    [*"0123456789０１２３ -－+()（）X号村路组室单元栋楼街道镇区市住址家:，。张三元年月日第*×", "\u3000"]
    + ["小区", "东营村", "13812345678", "0531", "370102", "6222", "监督电话", "住址：", "+86", "2025"]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_findings_are_consistent_and_masking_idempotent_on_arbitrary_text(text: str) -> None:
    found = find_personal_data(text)
    for f in found:
        assert text[f.start : f.end] == f.original
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    masked = mask_text(text)
    assert mask_text(masked) == masked


def _spell(number: str, sep: str, sizes: list[int]) -> str:
    out, i = [], 0
    for size in sizes:
        out.append(number[i : i + size])
        i += size
    return sep.join([*out, number[i:]] if i < len(number) else out)


@st.composite
def spelled_secrets(draw: st.DrawFn) -> tuple[str, str]:
    """(hidden digits that must not survive, the number as written)."""
    kind = draw(st.sampled_from(["id", "mobile", "card"]))
    sep = draw(st.sampled_from(["", " ", "-"]))
    if kind == "id":
        number = draw(valid_ids())
        written, hidden = _spell(number, sep, [6, 8]), number[2:15]
    elif kind == "mobile":
        number = f"1{draw(st.sampled_from('3456789'))}{draw(st.integers(0, 10**9 - 1)):09d}"
        prefix = draw(st.sampled_from(["", "+86", "+86 ", "86-"]))
        written, hidden = prefix + _spell(number, sep, [3, 4]), number
    else:
        number = make_card(f"62{draw(st.integers(0, 10**16 - 1)):016d}")
        written, hidden = _spell(number, sep, [4, 4, 4, 4]), number[:-4]
    return hidden, to_fullwidth(written) if draw(st.booleans()) else written


_FILLERS = st.sampled_from(
    ["，", "。", "张三", "身份证号", "电话", "的2025年10月30日", "的12,345.00元", "济政办发〔2023〕12号", "共3户",
     "唐王街道东营村5组18号", "住址：", " ", "、", "第3条", "于2025-10-30，", "（", "）", "联系人"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(spelled_secrets(), _FILLERS), min_size=1, max_size=5))
def test_numbers_in_mixed_text_never_leak_and_masking_is_idempotent(
    parts: list[tuple[tuple[str, str], str]],
) -> None:
    text = "".join(written + filler for (_, written), filler in parts)
    masked = mask_text(text)
    assert mask_text(masked) == masked
    flat = (
        masked.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        .replace(" ", "")
        .replace("-", "")
    )
    for (hidden, _), _ in parts:
        assert hidden not in flat
