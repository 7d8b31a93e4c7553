"""What masking never touches: identifiers, dates and amounts (issue #13).

Masking is for personal fields. An identifier that happens to contain a digit run shaped like a
mobile number (a UUID such as ``…-0637 9078 2706``, about 3 in 1,000 random UUIDs) must come out
unchanged, or the record it names is damaged: a request whose outbox payload carried a masked UUID
was refused by the city platform for good. Three rules keep identifiers whole:

1. In any text, UUIDs and long hexadecimal digests (SHA-256 and the like: 32+ hex digits, a letter
   among them) are blanked before the detectors run, so no finding can start or end inside one,
   and the text around them is masked as usual (a phone number after a URL's UUID is still found).
2. In JSON-like records, a key that names an identifier (``uuid``, ``…_uuid(s)``, ``sha256``,
   ``blob_refs``, ``op_id``, ``number`` …) keeps its value as it is, whatever its shape.
3. A key that names an amount or a count (``amount``, ``fee``, ``capacity`` …) keeps a numeric value
   (an int, a float or a number written as text), and a string that is wholly an ISO date or
   date-time is kept everywhere.

Record numbers (``依申请〔2026〕第0024号``, ``TW-2025-0012``) and dates were never taken for personal
numbers by the detectors (see numbers.py); rule 2 keeps the ``number`` field out of reach anyway.
"""

from __future__ import annotations

import re

_HEX = "0-9a-fA-F"
# A digest must hold a letter: a run of 32+ plain digits is two IDs glued together, not a hash (the
# chance that a SHA-256 has no letter a-f in its 64 hex digits is (10/16)**64, about 1e-13).
IDENTIFIER_RE = re.compile(
    rf"(?<![{_HEX}])(?:[{_HEX}]{{8}}-[{_HEX}]{{4}}-[{_HEX}]{{4}}-[{_HEX}]{{4}}-[{_HEX}]{{12}}"
    rf"|(?=[0-9]*[a-fA-F])[{_HEX}]{{32,}})(?![{_HEX}])"
)
#: Stands in for each character of a blanked identifier: not a digit, separator, letter or "*".
BLANK = "\u2591"

_IDENTIFIER_KEY = re.compile(
    r"^(?:uuid|uuids|\w+_uuids?|sha256|\w+_sha256|blob_refs|op_id|device_id|entity|seq|revision|version|"
    r"number|record_number|template|kind|status|channel|public_lines)$"
)
_AMOUNT_KEY = re.compile(
    r"^(?:amount|\w+_amount|fee|fees|\w+_fee|price|total|subtotal|sum|count|\w+_count|capacity|registered|"
    r"quantity|months|days|year|month|per_page|limit)$"
)
_NUMERIC_TEXT = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_ISO_DATE = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)


def blank_identifiers(text: str) -> str:
    """``text`` with every UUID and long hex digest replaced by BLANKs of the same length."""
    if "-" not in text and len(text) < 32:
        return text
    return IDENTIFIER_RE.sub(lambda m: BLANK * len(m.group()), text)


def is_identifier_key(key: str) -> bool:
    return bool(_IDENTIFIER_KEY.match(key))


def is_amount_key(key: str) -> bool:
    return bool(_AMOUNT_KEY.match(key))


def is_numeric_text(text: str) -> bool:
    return bool(_NUMERIC_TEXT.match(text.strip()))


def is_iso_date(text: str) -> bool:
    return bool(_ISO_DATE.match(text))
