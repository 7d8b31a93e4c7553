"""Detection of detailed home addresses, which are cut back to township (乡/镇/街道) level.

The rule (永安市人民政府办公室 通报 2023-01-04, quoted in docs/domain-facts.md, §2.3 "Privacy rules for
notices"): "个人家庭地址只保留到乡(镇)、街道". We keep the administrative
prefix (省/市/区/县/乡/镇/街道) and replace everything below it (村/社区/小区/路/街/巷 ... 组/号/栋/
单元/室) with ``ADDRESS_MARKER`` ("××"). The finding covers only the removed detail, so the preview
highlights exactly what disappears.

Being conservative but real, an address is recognised only when it ends in a *house-level* unit:

    <anchor> <places> <house>
    anchor: a township unit (街道/乡/镇/苏木 ...), else a county/city/province unit (区/县/市/省 ...),
            else a label (住址/家住/户籍地 ...), else nothing (then the places must look like a
            2-4 character village or road name: "东营村5组18号")
    places: one or more NAME+SUFFIX units, e.g. 东营村, 花园路, 阳光小区 (at least one unless a
            label anchors the address)
    house:  NUMBER+UNIT items (5组, 18号, 3号楼, 2单元, 301室) ending in 号/号院/号楼/栋/幢/座/单元/室
            or a trailing room number ("2单元301")

So a bare "东营村" or "唐王街道东营村3组" (a place, as in notice titles) is not masked, and neither
are 文号 such as 济政办发〔2023〕12号 (nothing place-like precedes "12号"), 国务院令第711号, dates or
institutional addresses such as "历城区人民医院3号楼" (hospital/court/college/park are not homes).
"""

from __future__ import annotations

import re

from app.privacy.finding import ADDRESS_MARKER, KIND_ADDRESS, Finding


def _words(spaced: str) -> list[str]:
    return spaced.split()


_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SPACES = " \u3000"
_ALL_DIGITS = frozenset("0123456789０１２３４５６７８９")

# One house item: an optional 第, a number (at most 6 Arabic or full-width digits (longer runs are
# phone or ID numbers), Chinese numerals or one letter, with "-" allowed inside: 18-1号, 3-2-201),
# then a unit. Longer units come first in the alternation.
_NUM = "(?:[0-9\uff10-\uff19]{1,6}(?![0-9\uff10-\uff19])|[零〇一二三四五六七八九十百两]+|[A-Za-z\uff21-\uff3a\uff41-\uff5a])"
_NUMS = rf"{_NUM}(?:[-\uff0d]{_NUM})*"
_ITEM = rf"第?{_NUMS}(?:号院|号楼|单元|号|栋|幢|座|组|层|楼|室)"
_HOUSE_RE = re.compile(
    rf"""
    (?<![0-9\uff10-\uff19*\-\uff0d])          # start a whole number, never the tail of a (masked) one
    {_ITEM}(?:[{_SPACES}]?{_ITEM})*          # 5组18号 / 3号楼 2单元 301室
    (?P<room>                                # a bare room number right after: 2单元301, 18号3-2-201
        [0-9\uff10-\uff19]{{1,5}}(?:[-\uff0d][0-9\uff10-\uff19]{{1,5}})*
        (?![0-9\uff10-\uff19*年月日元万岁人个])  # ... but not a date, an amount or a masked number
    )?
    """,
    re.VERBOSE,
)
# The house part must end at household level; "东营村3组" or "3楼" alone is a place, not a home.
_ENDS_AT_HOUSE_RE = re.compile("(?:号院|号楼|单元|号|栋|幢|座|室)$")

# "第649号" alone is a serial number (国务院令第711号, 公告第3号), never a house number.
_SERIAL_RE = re.compile(rf"第{_NUMS}号")

# Anchors, longest spelling first.
_TOWNSHIP_RE = re.compile("街道办事处|办事处|街道|苏木|乡|镇")
_ADMIN_RE = re.compile("特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|盟|区|县|旗")
# "区"/"市" that are really part of a place or a word: 社区 小区 园区 校区 东区; 超市 集市 城市 ...
_NOT_ADMIN_BEFORE = {
    "区": set("社小园校景厂片营街东西南北") | set("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "市": set("超集门菜夜股城"),
}
_LABELS = (
    "家庭住址|家庭地址|居住地址|现住址|现居住地|户籍地址|户籍所在地|户籍地|通讯地址|联系地址|"
    "住址|地址|住所|家住|住在|现住|居住在|居住地|所在地"
)
_LABEL_RE = re.compile(_LABELS)
_LABEL_BEFORE_RE = re.compile(rf"(?:{_LABELS})[{_SPACES}]*[:：]?[{_SPACES}]*$")

# Place units below the township: NAME + one of these suffixes (longest first; "街" is not "街道").
_PLACE_SUFFIXES = tuple(
    sorted(
        _words(
            "社区 小区 新村 花园 家园 公寓 大厦 广场 胡同 大街 大道 嘎查 村 屯 庄 苑 园 城 路 街 巷 弄 里 期 区 湾 寨 坊"
        ),
        key=len,
        reverse=True,
    )
)
# Words that end in a place suffix but are not a home's place: generic words and institutions.
_GENERIC_PLACES = frozenset(
    _words("农村 乡村 山村 渔村 马路 道路 公路 铁路 沿街 临街 上街 城里 医院 法院 学院 剧院 影院 公园 校园")
)
# "各村", "本社区": a determiner plus a suffix is ordinary prose.
_DETERMINERS = frozenset("各每本该全此某邻外其诸")
_MAX_NAME = 10
_MAX_WINDOW = 40
_LABEL_LOOKBACK = 12


def find_addresses(text: str, *, assume_address: bool = False) -> list[Finding]:
    """Address findings in ``text``, sorted and non-overlapping; ``masked`` is always ``ADDRESS_MARKER``.

    ``assume_address`` treats the start of ``text`` as if a 住址 label preceded it (roster cells in an
    address column), so "东营村5组18号" there needs no further anchor.
    """
    findings: list[Finding] = []
    lower = 0
    for m in _HOUSE_RE.finditer(text):
        house = m.group().rstrip(_SPACES)
        if not (m.group("room") or _ENDS_AT_HOUSE_RE.search(house)) or _SERIAL_RE.fullmatch(house):
            continue
        house_start, house_end = m.start(), m.start() + len(house)
        start = _detail_start(text, house_start, lower, assume_address)
        if start is not None and start < house_start:
            findings.append(Finding(KIND_ADDRESS, start, house_end, text[start:house_end], ADDRESS_MARKER))
        lower = house_end
    return findings


def _is_window_char(ch: str) -> bool:
    return ch.isalnum() or ch in "-－·"


def _detail_start(text: str, house_start: int, lower: int, assume_address: bool) -> int | None:
    """Where the removable detail begins, or None if this is not a recognisable home address."""
    # The window: the run of name-like characters (single spaces allowed) left of the house number.
    ws = house_start
    while ws > lower and house_start - ws < _MAX_WINDOW:
        ch = text[ws - 1]
        if _is_window_char(ch) or (ch in _SPACES and ws - 2 >= lower and _is_window_char(text[ws - 2])):
            ws -= 1
        else:
            break
    # A digit run at the window's start that continues a masked number ("138****5678") or is long
    # enough to be a phone or ID number is not part of a place name.
    digits_end = ws
    while digits_end < house_start and text[digits_end] in _ALL_DIGITS:
        digits_end += 1
    if digits_end > ws and (digits_end - ws >= 7 or (ws > 0 and text[ws - 1] == "*")):
        ws = digits_end
    while ws < house_start and text[ws] in _SPACES:
        ws += 1

    # A label inside the window ("家住东营村"), or right before it ("住址：东营村").
    label_end: int | None = None
    for lm in _LABEL_RE.finditer(text, ws, house_start):
        label_end = lm.end()
    if label_end is None and (
        _LABEL_BEFORE_RE.search(text, max(lower, ws - _LABEL_LOOKBACK), ws)
        or (assume_address and ws == lower)
    ):
        label_end = ws
    base = ws if label_end is None else label_end

    # 1. The leftmost township unit after which only place units follow (keeps the most prefix that
    #    is still at or above township level; "唐王街道乡城村" cuts after 街道, not after 乡).
    for am in _TOWNSHIP_RE.finditer(text, base, house_start):
        if _place_chain_ok(text[am.end() : house_start], min_units=1):
            return _skip_spaces(text, am.end())
    # 2. No township: the rightmost county/city/province unit (历城区|花园路18号).
    for am in reversed(list(_ADMIN_RE.finditer(text, base, house_start))):
        excluded = _NOT_ADMIN_BEFORE.get(am.group(), set())
        if am.start() > 0 and text[am.start() - 1] in excluded:
            continue
        if _place_chain_ok(text[am.end() : house_start], min_units=1):
            return _skip_spaces(text, am.end())
    # 3. A label: everything after it goes.
    if label_end is not None and _place_chain_ok(text[label_end:house_start], min_units=0):
        return _skip_spaces(text, label_end)
    # 4. No anchor: the longest tail of the window that is a chain of places whose first name has
    #    2-4 characters (village and road names; longer would swallow the surrounding sentence).
    for s in range(ws, house_start):
        if text[s] in _SPACES or (
            s > 0 and text[s].isalnum() and not _is_cjk(text[s]) and text[s - 1].isalnum()
        ):
            continue  # never start in the middle of a number or a Latin word
        if _place_chain_ok(text[s:house_start], min_units=1, first_name=(2, 4)):
            return s
    return None


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] in _SPACES:
        i += 1
    return i


def _place_chain_ok(s: str, *, min_units: int, first_name: tuple[int, int] = (1, _MAX_NAME)) -> bool:
    """True if ``s`` is a sequence of NAME+SUFFIX place units (at least ``min_units`` of them).

    A small dynamic programme over positions instead of a backtracking regex, so a hostile string of
    suffix characters cannot make it exponential.
    """
    s = s.strip(_SPACES)
    n = len(s)
    if n == 0:
        return min_units == 0
    if n > _MAX_WINDOW:
        return False
    reached = [False] * (n + 1)
    reached[0] = True
    for p in range(n):
        if not reached[p]:
            continue
        q = p
        while q < n and s[q] in _SPACES:  # one unit may be separated from the next by a space
            q += 1
        lo, hi = first_name if p == 0 else (1, _MAX_NAME)
        for name_len in range(1, hi + 1):
            k = q + name_len
            if k >= n or not _is_name_char(s[k - 1]):
                break
            if name_len < lo or not any(_is_cjk(c) for c in s[q:k]):
                continue  # a place name has at least one Chinese character ("阳光100小区", not "5678区")
            for suffix in _PLACE_SUFFIXES:
                if not s.startswith(suffix, k) or (suffix == "街" and s.startswith("街道", k)):
                    continue
                unit = s[q:k] + suffix
                if unit[-2:] in _GENERIC_PLACES or (name_len == 1 and s[q] in _DETERMINERS):
                    continue
                reached[k + len(suffix)] = True
    return reached[n]


_CJK_RE = re.compile(f"[{_CJK}]")


def _is_cjk(ch: str) -> bool:
    return _CJK_RE.match(ch) is not None


def _is_name_char(ch: str) -> bool:
    return ch.isalnum() or ch in "·-－"
