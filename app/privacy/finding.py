"""What a detector reports: one span of personal data, its kind and its masked replacement."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

#: Replaces each hidden digit (or the X check character) one-for-one, so lengths are preserved.
STAR: Final = "*"
#: Replaces the cut-off detail of an address (village, road, house number...): two U+00D7, the
#: "××" that Chinese official documents already use for "withheld".
ADDRESS_MARKER: Final = "××"

KIND_ID_NUMBER: Final = "id_number"
KIND_MOBILE: Final = "mobile"
KIND_LANDLINE: Final = "landline"
KIND_BANK_CARD: Final = "bank_card"
KIND_ADDRESS: Final = "address"
KIND_NAME: Final = "name"
KINDS: Final = frozenset(
    {KIND_ID_NUMBER, KIND_MOBILE, KIND_LANDLINE, KIND_BANK_CARD, KIND_ADDRESS, KIND_NAME}
)


@dataclass(frozen=True)
class Finding:
    """``text[start:end] == original``; ``masked`` is what the output shows instead."""

    kind: str
    start: int
    end: int
    original: str
    masked: str
