"""Detection of numeric personal data: resident IDs, mobiles, landlines and bank cards.

How it works, and why:

1. A *token* is a run of digit groups joined by single spaces or hyphens ("3701 0219 9003 0712 34",
   "138-1234-5678", "2025-10-30"), optionally led by "+" or a parenthesised code ("(0531)", "(+86)")
   and optionally ending in an X/x check character. ASCII and full-width digits are both digits.
   Anything else (Chinese characters, "," "." "*" "〔" ...) ends a token, so money (12,345.00),
   文号 (济政办发〔2023〕12号) and already-masked numbers (138****5678) never form long tokens. A group
   touching a "*" is the kept part of a masked number and never joins a span, which keeps masking
   idempotent.
2. One token may hold several numbers separated by one space ("13812345678 13987654321"), so a
   small dynamic programme picks the split into consecutive group spans that masks the most digits.
   A span of several groups must have at least 2 digits in every group; a span of three or more
   4-digit groups that are all years (1900-2099) is taken as a list of years, not a number.
3. Each span is classified, strongest rule first:
   - ``id_number``: 18 characters with a valid GB 11643 check character, or 15 digits with a real
     1900s birth date (old IDs). An 18-digit number with a wrong check character is *not* an ID.
   - ``bank_card``: 15-19 digits, not starting with 0, passing Luhn. Split numbers must be grouped
     like a card (groups of 4, last group 1-4). So an 18-digit number with a bad ID check character
     that passes Luhn is still masked (as a card); one that fails both is left alone.
   - ``mobile``: 1[3-9] + 9 digits, optionally prefixed by 86 or 0086 (with or without "+").
   - ``landline``: area code 010/02x (3 digits) or 0[3-9]xx (4 digits) plus a 7-8 digit local
     number. A separate or parenthesised area code allows any non-zero first local digit
     ("0531-12345678"); a run with no separator needs a local number starting with 2-9. A landline
     always needs its area code, which is why dates like 2025-1030 (no leading 0) never match.
   A run of more than 19 digits with no separator is split only if it is *exactly* a concatenation
   of such numbers (two IDs, an ID and a mobile, ...); otherwise it is left alone, since guessing
   inside long serial or order numbers would mask the wrong things.
4. Masking replaces the hidden digits with "*" one-for-one and keeps every other character (spaces,
   hyphens, "+86", parentheses); kept digits keep their original (possibly full-width) characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from app.privacy.checks import ASCII_DIGITS, is_valid_id15, is_valid_id18, luhn_ok, normalise_digits
from app.privacy.finding import (
    KIND_BANK_CARD,
    KIND_ID_NUMBER,
    KIND_LANDLINE,
    KIND_MOBILE,
    STAR,
    Finding,
)
from app.privacy.profile import MaskingProfile

_DIGIT_CLASS = "0-9\uff10-\uff19"  # ASCII and full-width digits
_D = f"[{_DIGIT_CLASS}]"
_X = "[Xx\uff38\uff58]"  # the check character X, ASCII or full-width
# Exactly one separator between digit groups: ASCII/ideographic space, ASCII/full-width hyphen and
# the Unicode dashes people paste from word processors.
_SEP = "[ \u3000\\-\u2010\u2011\u2012\u2013\u2014\u2212\uff0d]"

TOKEN_RE = re.compile(
    rf"""
    (?<![{_DIGIT_CLASS}])                      # never start inside a longer digit run
    (?:
        (?P<paren>[(\uff08][+\uff0b]?{_D}{{2,4}}[)\uff09]){_SEP}?   # "(0531)" / "(+86)" / "（0531）"
      | (?P<plus>[+\uff0b])                                        # "+86 ..."
    )?
    {_D}+
    (?:
        {_SEP}{_D}+                            # the next group, after ONE separator
      | {_X}{_D}+                              # an ID's check character, then (glued) more digits
    )*
    (?:{_X}(?![A-Za-z]))?                      # GB 11643 check character (not the start of a word)
    (?![{_DIGIT_CLASS}])
    """,
    re.VERBOSE,
)
_GROUP_RE = re.compile(f"{_D}+{_X}?")
_DIGIT_OR_X = frozenset(ASCII_DIGITS + "Xx")

_MOBILE_RE = re.compile(r"1[3-9]\d{9}")
_AREA_CODE_RE = re.compile(r"0(?:10|2\d|[3-9]\d\d)")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")

# Labels after which a phone number is the office's public supervision/complaint line (a 公示 must
# print it), followed by nothing but other numbers of the same list.
HOTLINE_LABEL = r"(?:(?:监督|举报|投诉|咨询|服务|值班|办公|受理)(?:电话|热线|专线|号码)|热线电话|服务热线)"
_HOTLINE_CONTEXT_RE = re.compile(
    # the bare verbs too: "咨询电话 0562-2896842、投诉 0562-2896840"
    rf"(?:{HOTLINE_LABEL}|监督|举报|投诉|咨询)[ \u3000]*[:：]?[ \u3000]*[{_DIGIT_CLASS}()（）+＋\-－ \u3000、,，/；;*]*$"
)
_HOTLINE_LOOKBACK = 80


@dataclass(frozen=True)
class _Group:
    start: int  # offset in the text
    end: int
    digits: str  # ASCII digits, plus a trailing "X" when the group ends with a check character
    fragment: bool = False  # touches a "*": the kept digits of an already-masked number


@dataclass(frozen=True)
class Token:
    """One maximal run of digit groups; ``lead_start`` covers a "+" or "(0531)" lead."""

    lead_start: int
    end: int
    groups: tuple[_Group, ...]
    paren: bool  # the first group was written in parentheses


@dataclass(frozen=True)
class _Match:
    kind: str
    hidden: frozenset[int]  # indexes into the span's digit characters that become "*"


def iter_tokens(text: str) -> Iterator[Token]:
    """All digit tokens of ``text`` (see the module docstring)."""
    for m in TOKEN_RE.finditer(text):
        groups = tuple(
            _Group(
                g.start(),
                g.end(),
                normalise_digits(g.group()).upper(),
                text[g.start() - 1 : g.start()] == STAR or text[g.end() : g.end() + 1] == STAR,
            )
            for g in _GROUP_RE.finditer(text, m.start(), m.end())
        )
        yield Token(m.start(), m.end(), groups, m.group("paren") is not None)


def find_numbers(text: str, profile: MaskingProfile, *, exempt_phones: bool = False) -> list[Finding]:
    """Numeric findings in ``text``, sorted and non-overlapping.

    ``exempt_phones`` leaves every mobile/landline alone (used for values the caller already knows
    are the public supervision line, e.g. a roster column headed 监督电话).
    """
    if not (profile.id_number or profile.mobile or profile.landline or profile.bank_card):
        return []
    findings: list[Finding] = []
    for token in iter_tokens(text):
        token = _split_concatenated(token)
        phones_ok = not exempt_phones and not (profile.exempt_hotlines and _after_hotline_label(text, token))
        for i, j, match in _best_split(token, profile, phones_ok):
            start = token.lead_start if i == 0 else token.groups[i].start
            end = token.groups[j].end
            original = text[start:end]
            findings.append(Finding(match.kind, start, end, original, star_digits(original, match.hidden)))
    return findings


def star_digits(segment: str, hidden: frozenset[int]) -> str:
    """Replace the digit characters (and X) of ``segment`` whose running index is in ``hidden``."""
    out: list[str] = []
    index = 0
    for ch in segment:
        if normalise_digits(ch) in _DIGIT_OR_X:
            out.append(STAR if index in hidden else ch)
            index += 1
        else:
            out.append(ch)
    return "".join(out)


def _split_concatenated(token: Token) -> Token:
    """Cut groups longer than 19 digits at the boundaries of an exact tiling by maskable numbers."""
    if all(len(g.digits) <= 19 for g in token.groups):
        return token
    groups: list[_Group] = []
    for g in token.groups:
        cuts = _tiling(g.digits) if len(g.digits) > 19 else None
        if not cuts:
            groups.append(g)
            continue
        pos = 0
        for length in cuts:
            end = g.end if pos + length == len(g.digits) else g.start + pos + length
            groups.append(_Group(g.start + pos, end, g.digits[pos : pos + length]))
            pos += length
    return Token(token.lead_start, token.end, tuple(groups), token.paren)


def _tiling(digits: str) -> list[int] | None:
    """Lengths of consecutive IDs/mobiles/cards that make up ``digits`` exactly, or None."""
    n = len(digits)
    if n > 120:
        return None
    back: list[int | None] = [None] * (n + 1)
    back[0] = 0
    for p in range(n):
        if back[p] is None:
            continue
        for length in (18, 15, 11, 19, 17, 16):
            piece = digits[p : p + length]
            if len(piece) != length or back[p + length] is not None:
                continue
            if "X" in piece[:-1] or (piece.endswith("X") and p + length != n):
                continue
            if (
                is_valid_id18(piece)
                or is_valid_id15(piece)
                or _MOBILE_RE.fullmatch(piece)
                or (length >= 16 and piece[0] != "0" and luhn_ok(piece))
            ):
                back[p + length] = length
    if back[n] is None:
        return None
    cuts: list[int] = []
    pos = n
    while pos > 0:
        step = back[pos]
        assert step is not None  # every reached position records how it was reached
        cuts.append(step)
        pos -= step
    return cuts[::-1]


def _after_hotline_label(text: str, token: Token) -> bool:
    before = text[max(0, token.lead_start - _HOTLINE_LOOKBACK) : token.lead_start]
    return _HOTLINE_CONTEXT_RE.search(before) is not None


def _best_split(token: Token, profile: MaskingProfile, phones_ok: bool) -> list[tuple[int, int, _Match]]:
    """Split the token's groups into classified spans, maximising the number of masked digits.

    Ties go to fewer, longer spans. ``score[i]`` is the best (masked digits, -spans) for groups
    ``i..end`` and ``choice[i]`` the span starting at ``i`` that achieves it (None: skip group i).
    """
    groups = token.groups
    n = len(groups)
    score: list[tuple[int, int]] = [(0, 0)] * (n + 1)
    choice: list[tuple[int, _Match] | None] = [None] * (n + 1)
    for i in range(n - 1, -1, -1):
        score[i] = score[i + 1]
        length = 0
        for j in range(i, n):
            length += len(groups[j].digits)
            if length > 19:  # the longest thing we mask: a 19-digit card, or 0086 + 11
                break
            if groups[j].fragment or (j > i and (len(groups[i].digits) < 2 or len(groups[j].digits) < 2)):
                break  # every longer span would contain this one-digit group or masked fragment
            match = _classify(token, i, j, profile, phones_ok)
            if match is None:
                continue
            covered, neg_count = score[j + 1]
            candidate = (covered + length, neg_count - 1)
            if candidate > score[i]:
                score[i] = candidate
                choice[i] = (j, match)
    spans: list[tuple[int, int, _Match]] = []
    i = 0
    while i < n:
        picked = choice[i]
        if picked is None:
            i += 1
        else:
            spans.append((i, picked[0], picked[1]))
            i = picked[0] + 1
    return spans


def _classify(token: Token, i: int, j: int, profile: MaskingProfile, phones_ok: bool) -> _Match | None:
    span = token.groups[i : j + 1]
    parts = [g.digits for g in span]
    digits = "".join(parts)
    n = len(digits)
    if n < 7:
        return None
    multi = len(parts) > 1
    if multi and (any(len(p) < 2 for p in parts) or _looks_like_years(parts)):
        return None
    if digits in profile.public_numbers:
        return None

    if profile.id_number and (is_valid_id18(digits) or is_valid_id15(digits)):
        # Keep the first 2 (province) and last 3 characters: the 永安 2023 format.
        return _Match(KIND_ID_NUMBER, frozenset(range(2, n - 3)))
    if "X" in digits:
        return None  # an X only ever ends a resident ID
    if profile.bank_card and _is_bank_card(digits, parts):
        return _Match(KIND_BANK_CARD, frozenset(range(0, n - 4)))
    if not phones_ok:
        return None
    if profile.mobile:
        mobile = _mobile_prefix_len(digits)
        if mobile is not None and digits[mobile:] not in profile.public_numbers:
            # Keep the prefix, the first 3 (network) and the last 4 digits: 138****5678.
            return _Match(KIND_MOBILE, frozenset(range(mobile + 3, mobile + 7)))
    if profile.landline:
        area = _landline_area_len(parts, token.paren and i == 0)
        if area is not None:
            local = n - area
            keep = min(4, local // 2)
            return _Match(KIND_LANDLINE, frozenset(range(area, n - keep)))
    return None


def _looks_like_years(parts: list[str]) -> bool:
    """Three or more groups that are all 4-digit years ("2021 2022 2023") are a list, not a number."""
    return len(parts) >= 3 and all(len(p) == 4 and _YEAR_RE.fullmatch(p) for p in parts)


def _is_bank_card(digits: str, parts: list[str]) -> bool:
    if not 15 <= len(digits) <= 19 or digits[0] == "0" or not luhn_ok(digits):
        return False
    if len(parts) == 1:
        return True
    # Printed card numbers are grouped in fours; other splits are more likely several numbers.
    return all(len(p) == 4 for p in parts[:-1]) and 1 <= len(parts[-1]) <= 4


def _mobile_prefix_len(digits: str) -> int | None:
    """Length of the country prefix (0, 2 for 86, 4 for 0086) if ``digits`` is a mainland mobile."""
    for prefix in ("", "86", "0086"):
        if digits.startswith(prefix) and _MOBILE_RE.fullmatch(digits[len(prefix) :]):
            return len(prefix)
    return None


def _landline_area_len(parts: list[str], parenthesised: bool) -> int | None:
    """Length of the area code if the groups spell a landline, else None."""
    if len(parts) > 1 or parenthesised:
        area, local_parts = parts[0], parts[1:]
        local = "".join(local_parts)
        if not _AREA_CODE_RE.fullmatch(area) or not 7 <= len(local) <= 8 or local[0] == "0":
            return None
        # "0531 8888 6666" is fine; "0531 88 886666" is not how anyone writes a phone number.
        if any(len(p) < 3 for p in local_parts):
            return None
        return len(area)
    digits = parts[0]
    area_len = 3 if digits.startswith(("010", "02")) else 4
    area, local = digits[:area_len], digits[area_len:]
    if _AREA_CODE_RE.fullmatch(area) and 7 <= len(local) <= 8 and local[0] in "23456789":
        return area_len
    return None
