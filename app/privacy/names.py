"""Name masking (张三 -> 张*, 欧阳小明 -> 欧阳**) and recognising which roster columns or JSON keys hold
names or other personal fields.

Names cannot be found reliably in free text, so they are masked only where the caller says a string
is a name: ``Masker.mask_name`` and roster columns (found by header) / JSON keys (found by key).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from app.privacy.finding import (
    KIND_ADDRESS,
    KIND_BANK_CARD,
    KIND_ID_NUMBER,
    KIND_MOBILE,
    KIND_NAME,
    STAR,
)
from app.privacy.numbers import HOTLINE_LABEL


def _words(spaced: str) -> list[str]:
    return spaced.split()


# Two-character surnames (复姓) in the Hundred Family Surnames plus the common modern ones; the
# surname is what a masked name keeps, so 欧阳小明 -> 欧阳** and not 欧***.
COMPOUND_SURNAMES: Final = frozenset(
    _words(
        """
        欧阳 太史 端木 上官 司马 东方 独孤 南宫 万俟 闻人 夏侯 诸葛 尉迟
        公羊 赫连 澹台 皇甫 宗政 濮阳 公冶 太叔 申屠 公孙 慕容 仲孙 钟离
        长孙 宇文 司徒 鲜于 司空 闾丘 子车 亓官 司寇 巫马 公西 颛孙 壤驷
        公良 漆雕 乐正 宰父 谷梁 拓跋 夹谷 轩辕 令狐 段干 百里 呼延 东郭
        南门 羊舌 微生 公户 公玉 公仪 梁丘 公仲 公上 公门 公山 公坚 左丘
        公伯 西门 公祖 第五 公乘 贯丘 公皙 南荣 东里 东宫 仲长 子书 子桑
        即墨 达奚 褚师 单于 淳于 呼衍 叱干
        """
    )
)

# Separators between several names in one cell ("张三、李四").
_LIST_SPLIT_RE = re.compile(r"([、，,;；/|\n]+)")
_WHITESPACE_RE = re.compile(r"(\s+)")
_NAME_SEPARATORS = frozenset("·•・.．- ")

# Roster headers / JSON keys. Order matters: "户主身份证号" is an ID column, not a name column.
_HEADER_KINDS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    (
        "hotline",
        re.compile(
            rf"{HOTLINE_LABEL}|^(hotline|supervision_(phone|tel)|complaint_(phone|tel)|"
            r"report_(phone|tel)|consultation_(phone|tel)|service_(phone|tel)|office_(phone|tel))$"
        ),
    ),
    (KIND_ID_NUMBER, re.compile(r"身份证|证件号|身份号码|^(id_?(number|no|card)|idcard|citizen_id)$")),
    (
        KIND_BANK_CARD,
        re.compile(r"银行卡|卡号|账号|帐号|银行账户|^(bank_?(card|account)|card_no|account_no)$"),
    ),
    (
        KIND_MOBILE,
        re.compile(r"电话|手机|联系方式|^(phone|mobile|tel|telephone|contact_phone|phone_number)$"),
    ),
    (KIND_ADDRESS, re.compile(r"住址|地址|住所|居住地|户籍地|^(address|home_address|addr)$")),
    (
        KIND_NAME,
        re.compile(
            r"(姓名|名字|户主|申请人|户名|监护人|联系人|代理人|法定代表人|承包人|受助人|领取人|收款人|持卡人|"
            r"家庭成员|救助对象|保障对象|补助对象|帮扶对象|被申请人)$|"
            r"^(applicant|applicant_name|person_name|full_name|householder|household_head|"
            r"contact_name|member_names?|guardian|guardian_name|payee|cardholder|beneficiary)$"
        ),
    ),
)


def classify_field(label: str) -> str | None:
    """The personal-data kind a roster header or JSON key announces, or None.

    Returns one of "id_number", "bank_card", "mobile" (any phone), "address", "name", or "hotline" for
    the office's public supervision line (which must stay readable).
    """
    key = re.sub(r"[\s()（）:：*]", "", label).lower()
    for kind, pattern in _HEADER_KINDS:
        if pattern.search(key):
            return kind
    return None


def mask_person_name(name: str) -> str:
    """张三 -> 张*, 欧阳小明 -> 欧阳**, 张　三 -> 张　* (padding kept), "张三、李四" -> "张*、李*".

    The surname stays; every other letter becomes "*", separators and padding stay where they are,
    so an aligned roster stays aligned. Already-masked names come back unchanged.
    """
    out: list[str] = []
    for part in _LIST_SPLIT_RE.split(name):
        if not part or _LIST_SPLIT_RE.fullmatch(part):
            out.append(part)
            continue
        pieces = part.split()
        # "张三 李四" is two names; "张 三" is one name padded to line up with three-character names.
        if len(pieces) > 1 and all(len(p) >= 2 for p in pieces):
            out.append("".join(_mask_one(p) if not p.isspace() else p for p in _WHITESPACE_RE.split(part)))
        else:
            out.append(_mask_one(part))
    return "".join(out)


def _is_mark(ch: str) -> bool:
    """A character that belongs to the one before it: a variation selector (U+FE00–FE0F, the
    ideographic variation selectors U+E0100–E01EF that pick a name character's variant form), a
    combining mark or a zero-width joiner."""
    o = ord(ch)
    return (
        0xFE00 <= o <= 0xFE0F
        or 0xE0100 <= o <= 0xE01EF
        or o == 0x200D
        or unicodedata.category(ch) in ("Mn", "Me")
    )


def _mask_one(name: str) -> str:
    # Clusters, not code points: a rare character with its variation selector is one letter. (A
    # Python str holds 𠮷 U+20BB7 as one character, so surrogate pairs never split here.)
    clusters: list[str] = []
    for ch in name:
        if clusters and _is_mark(ch):
            clusters[-1] += ch
        else:
            clusters.append(ch)
    letters = [i for i, c in enumerate(clusters) if not c.isspace() and c[0] not in _NAME_SEPARATORS]
    if len(letters) <= 1:
        return name  # a lone surname (or nothing) reveals nothing more
    compact = "".join(clusters[i][0] for i in letters)
    keep = 2 if len(compact) > 2 and compact[:2] in COMPOUND_SURNAMES else 1
    hidden = set(letters[keep:])
    return "".join(STAR if i in hidden else c for i, c in enumerate(clusters))
