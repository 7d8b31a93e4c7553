"""The masking profile: which kinds of personal data a given output masks.

A profile is chosen per notice template (a 低保 roster masks more than an event poster) and travels
with templates and sync payloads, so it round-trips through a JSON-able dict. Unknown keys are
ignored on load (a newer site may know more switches); known keys must have the right type, because a
profile that silently turned masking off would be a privacy leak.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from app.privacy.checks import ASCII_DIGITS, normalise_digits


@dataclass(frozen=True)
class MaskingProfile:
    """Switches for each kind of personal data; the defaults follow docs/domain-facts.md §2.3 (永安 2023 format)."""

    #: 18-digit resident IDs with a valid GB 11643 check character and 15-digit IDs with a valid
    #: date of birth: keep the first 2 and last 3 characters ("37*************315").
    id_number: bool = True
    #: mainland mobiles 1[3-9]xxxxxxxxx, optional +86/86/0086 prefix: keep first 3 and last 4.
    mobile: bool = True
    #: landlines with an area code: keep the area code and the last 3-4 digits of the local number.
    landline: bool = True
    #: 15-19 digit numbers passing the Luhn check: keep the last 4 digits.
    bank_card: bool = True
    #: detailed home addresses: cut to township (乡/镇/街道) level, detail replaced by "××".
    address: bool = True
    #: names (张三 -> 张*), only for strings the caller marks as names and for roster name columns.
    names: bool = False
    #: phone numbers that are public by nature (the hall's 监督电话/举报电话) and are never masked,
    #: in any spelling; compared by their digits only.
    public_numbers: tuple[str, ...] = ()
    #: leave mobiles/landlines alone when they directly follow a 监督电话/举报电话/投诉电话/咨询电话
    #: style label (a 公示 must print its supervision number; docs/domain-facts.md §2.2 item 5).
    exempt_hotlines: bool = True

    def __post_init__(self) -> None:
        # Store public numbers as bare ASCII digits so comparisons ignore spelling ("0531-8888 6666").
        normalised = tuple(sorted({d for d in (_digits_only(n) for n in self.public_numbers) if d}))
        object.__setattr__(self, "public_numbers", normalised)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able dict (lists instead of tuples)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = list(value) if isinstance(value, tuple) else value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MaskingProfile:
        """Build a profile from ``to_dict`` output; missing keys take the defaults, unknown keys are ignored.

        Raises ``TypeError`` when a known key has the wrong type (e.g. ``"id_number": "no"``).
        """
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            if f.name == "public_numbers":
                if isinstance(value, str) or not isinstance(value, list | tuple):
                    raise TypeError("public_numbers must be a list of strings")
                if not all(isinstance(v, str) for v in value):
                    raise TypeError("public_numbers must be a list of strings")
                kwargs[f.name] = tuple(value)
            else:
                if not isinstance(value, bool):
                    raise TypeError(f"{f.name} must be a boolean, got {type(value).__name__}")
                kwargs[f.name] = value
        return cls(**kwargs)


def _digits_only(number: str) -> str:
    return "".join(ch for ch in normalise_digits(number) if ch in ASCII_DIGITS)


DEFAULT_PROFILE = MaskingProfile()
