"""The masking service: combines the detectors, applies a profile to text, names, rosters and JSON.

Number findings win over address findings when they overlap (a number is detected exactly; an
address only heuristically), so the digits are always masked by their own rule; the address keeps
whatever part of it lies before the number.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from app.privacy.address import find_addresses
from app.privacy.finding import KIND_ADDRESS, KIND_BANK_CARD, KIND_ID_NUMBER, KIND_MOBILE, KIND_NAME, Finding
from app.privacy.identifiers import (
    BLANK,
    blank_identifiers,
    is_amount_key,
    is_identifier_key,
    is_iso_date,
    is_numeric_text,
)
from app.privacy.names import classify_field, mask_person_name
from app.privacy.numbers import find_numbers, iter_tokens, star_digits
from app.privacy.profile import DEFAULT_PROFILE, MaskingProfile

_HOTLINE = "hotline"
# A roster cell under a 身份证号/银行卡号/电话 header is masked even when the number fails its check
# (a typo in an ID is still an ID): runs of at least this many digits are starred by the column's rule.
_FORCE_MIN_DIGITS = {KIND_ID_NUMBER: 8, KIND_BANK_CARD: 8, KIND_MOBILE: 7}


class Masker:
    """Masks personal data according to one ``MaskingProfile``. Stateless and cheap; safe to share."""

    def __init__(self, profile: MaskingProfile = DEFAULT_PROFILE) -> None:
        if not isinstance(profile, MaskingProfile):
            raise TypeError("profile must be a MaskingProfile")
        self.profile = profile

    # -- free text ---------------------------------------------------------------------------------

    def find(self, text: str) -> list[Finding]:
        """Everything ``mask`` would replace, sorted by position and non-overlapping.

        Names are never reported here: free text is not searched for names (see ``mask_name``).
        """
        return self._find(text)

    def mask(self, text: str) -> str:
        """``text`` with every finding replaced by its masked form."""
        return _apply(text, self._find(text))

    # -- fields the caller has typed -----------------------------------------------------------------

    def mask_name(self, name: str) -> str:
        """张三 -> 张*, 欧阳小明 -> 欧阳** when the profile masks names; otherwise ``name`` unchanged."""
        _require_str(name)
        return mask_person_name(name) if self.profile.names else name

    def mask_table(
        self, columns: Sequence[str], rows: Sequence[Sequence[str]], name_columns: set[int] | None = None
    ) -> list[list[str]]:
        """Mask roster cells; returns new rows (the header is not personal data and is not returned).

        Every cell is masked like free text. In addition, a column's header decides:
        - name columns (姓名/户主/申请人/户主姓名...; or exactly ``name_columns`` when given) get
          ``mask_name`` when ``profile.names`` is on;
        - 身份证号 / 银行卡号 / 电话 columns star any long digit run even if it fails its check;
        - 住址 columns are read as addresses from the first character;
        - 监督电话/举报电话 columns keep their phone numbers.
        Cells read from Excel as integers are masked like ``mask_mapping`` does (returned as masked
        strings when they hold personal numbers).
        """
        kinds = [classify_field(c) for c in columns]
        if name_columns is None:
            name_cols = {i for i, kind in enumerate(kinds) if kind == KIND_NAME}
        else:
            name_cols = set(name_columns)
        return [
            [
                self._mask_field(cell, kinds[i] if i < len(kinds) else None, i in name_cols)
                if isinstance(cell, str)
                else self._mask_value(cell, kinds[i] if i < len(kinds) else None)  # Excel ints
                for i, cell in enumerate(row)
            ]
            for row in rows
        ]

    def mask_mapping(self, data: Mapping[str, Any]) -> dict[str, Any]:
        """Recursively mask every string in a JSON-like structure (QR payloads, exports, sync).

        Keys are kept as they are; a key is read like a roster header (``applicant_name``, ``id_number``,
        ``phone``, ``address``, ``hotline``, or Chinese 姓名/身份证号...). Lists inherit their key.
        Integers that turn out to be personal numbers come back as masked strings; other
        scalars (floats, bools, None) are returned unchanged. Tuples become lists.

        Identifiers are never touched (identifiers.py): values under identifier keys (``uuid``,
        ``…_uuid``, ``sha256``, ``number`` …), numbers under amount keys, whole ISO dates, and
        UUIDs or digests inside any text.
        """
        if not isinstance(data, Mapping):
            raise TypeError("mask_mapping needs a mapping")
        return self._mask_mapping(data)

    # -- internals -----------------------------------------------------------------------------------

    def _find(self, text: str, *, exempt_phones: bool = False, assume_address: bool = False) -> list[Finding]:
        _require_str(text)
        # Detectors see UUIDs and digests blanked out (same length, so offsets hold), so a finding
        # never starts or ends inside an identifier; originals are read back from ``text``.
        seen = blank_identifiers(text)
        numbers = _originals(find_numbers(seen, self.profile, exempt_phones=exempt_phones), seen, text)
        if not self.profile.address:
            return numbers
        merged = list(numbers)
        for found in _originals(find_addresses(seen, assume_address=assume_address), seen, text):
            clashes = [n for n in numbers if n.start < found.end and found.start < n.end]
            if clashes:
                # "…18号13812345678": the room-number digits ran into a phone number. The number keeps
                # its own mask; the address keeps its part outside the number(s).
                start = max([found.start] + [n.end for n in clashes if n.start <= found.start])
                end = min([found.end] + [n.start for n in clashes if n.start > found.start])
                if start >= end:
                    continue
                found = Finding(found.kind, start, end, text[start:end], found.masked)
            merged.append(found)
        merged.sort(key=lambda f: f.start)
        return merged

    def _mask_field(self, value: str, kind: str | None, is_name: bool) -> str:
        exempt = kind == _HOTLINE and self.profile.exempt_hotlines
        masked = _apply(value, self._find(value, exempt_phones=exempt, assume_address=kind == KIND_ADDRESS))
        if kind in _FORCE_MIN_DIGITS:
            masked = self._force(masked, kind)
        if is_name and self.profile.names:
            masked = mask_person_name(masked)
        return masked

    def _force(self, text: str, kind: str) -> str:
        """Star long digit runs in a field known to hold ``kind`` that the detectors did not accept."""
        enabled = {
            KIND_ID_NUMBER: self.profile.id_number,
            KIND_BANK_CARD: self.profile.bank_card,
            KIND_MOBILE: self.profile.mobile or self.profile.landline,
        }[kind]
        if not enabled:
            return text
        out: list[str] = []
        pos = 0
        for token in iter_tokens(text):
            n = sum(len(g.digits) for g in token.groups)
            if n < _FORCE_MIN_DIGITS[kind]:
                continue
            if kind == KIND_ID_NUMBER:
                hidden = range(2, n - 3)  # same shape as a valid ID
            elif kind == KIND_BANK_CARD:
                hidden = range(0, n - 4)
            elif n >= 11:
                hidden = range(n - 8, n - 4)  # mobile-like: the four digits before the last four
            else:
                hidden = range(0, n - 2)
            segment = text[token.lead_start : token.end]
            out.append(text[pos : token.lead_start])
            out.append(star_digits(segment, frozenset(hidden)))
            pos = token.end
        out.append(text[pos:])
        return "".join(out)

    def _mask_mapping(self, data: Mapping[Any, Any]) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        for key, value in data.items():
            if isinstance(key, str) and is_identifier_key(key):
                out[key] = value  # an identifier, whatever it looks like
            elif isinstance(key, str) and is_amount_key(key) and _is_number(value):
                out[key] = value
            else:
                out[key] = self._mask_value(value, classify_field(key) if isinstance(key, str) else None)
        return out

    def _mask_value(self, value: Any, kind: str | None) -> Any:
        if isinstance(value, str):
            if is_iso_date(value):
                return value
            return self._mask_field(value, kind, kind == KIND_NAME)
        if isinstance(value, Mapping):
            return self._mask_mapping(value)
        if isinstance(value, list | tuple):
            return [self._mask_value(item, kind) for item in value]
        if isinstance(value, int) and not isinstance(value, bool):
            as_text = str(value)
            masked = self._mask_field(as_text, kind, False)
            return value if masked == as_text else masked
        return value


def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int | float) or (isinstance(value, str) and is_numeric_text(value))


def _originals(findings: list[Finding], seen: str, text: str) -> list[Finding]:
    """Findings made on the blanked text ``seen``, holding the original characters they cover;
    any that would cover part of an identifier is dropped."""
    if seen is text:
        return findings
    return [
        Finding(f.kind, f.start, f.end, text[f.start : f.end], f.masked)
        for f in findings
        if BLANK not in seen[f.start : f.end]
    ]


def _apply(text: str, findings: list[Finding]) -> str:
    out: list[str] = []
    pos = 0
    for f in findings:
        out.append(text[pos : f.start])
        out.append(f.masked)
        pos = f.end
    out.append(text[pos:])
    return "".join(out)


def _require_str(value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(f"expected str, got {type(value).__name__}")


@lru_cache(maxsize=32)
def _masker_for(profile: MaskingProfile) -> Masker:
    return Masker(profile)


def mask_text(text: str, profile: MaskingProfile = DEFAULT_PROFILE) -> str:
    """Module-level ``Masker(profile).mask(text)``."""
    return _masker_for(profile).mask(text)


def find_personal_data(text: str, profile: MaskingProfile = DEFAULT_PROFILE) -> list[Finding]:
    """Module-level ``Masker(profile).find(text)``."""
    return _masker_for(profile).find(text)
