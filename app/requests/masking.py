"""How identity numbers and phone numbers of applicants appear outside the staff detail view.

Both go through app.privacy as roster fields, so a number with a typo is still starred.
"""

from __future__ import annotations

from app.privacy import Masker

_masker = Masker()


def mask_id(value: str) -> str:
    """An identity number (or credit code) as lists and printouts show it."""
    return _masker.mask_table(["身份证号"], [[value]])[0][0] if value else ""


def mask_phone(value: str) -> str:
    """A phone number as lists and printouts show it."""
    return _masker.mask_table(["电话"], [[value]])[0][0] if value else ""
