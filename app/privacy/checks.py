"""Pure validity checks: GB 11643-1999 check character, Luhn, old-ID birth dates, digit normalisation.

Everything here works on ASCII strings; callers normalise full-width input first with
``normalise_digits`` (which maps one character to one character, so offsets are preserved).
"""

from __future__ import annotations

from datetime import date

ASCII_DIGITS = "0123456789"

# Full-width ０-９ and Ｘ/ｘ map to ASCII one-for-one; everything else is left as it is.
_FULLWIDTH = str.maketrans("０１２３４５６７８９Ｘｘ", "0123456789Xx")

# GB 11643-1999: weights W_i = 2^(17-i) mod 11 for the first 17 digits; the check character is
# CHECK_CHARS[sum mod 11] ("X" stands for 10).
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"


def normalise_digits(text: str) -> str:
    """Map full-width digits and Ｘ/ｘ to ASCII, keeping the length (offsets stay valid)."""
    return text.translate(_FULLWIDTH)


def id_check_char(first17: str) -> str:
    """The GB 11643-1999 check character for 17 ASCII digits."""
    if len(first17) != 17 or any(c not in ASCII_DIGITS for c in first17):
        raise ValueError("need exactly 17 ASCII digits")
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def is_valid_id18(number: str) -> bool:
    """True for 17 digits plus the matching check character (X/x for 10)."""
    if len(number) != 18 or any(c not in ASCII_DIGITS for c in number[:17]):
        return False
    # Region codes start with 1-8; a leading 0 is never a resident ID.
    return number[0] != "0" and id_check_char(number[:17]) == number[17].upper()


def is_valid_id15(number: str) -> bool:
    """Old (pre-1999) 15-digit IDs: 6-digit region, YYMMDD birth date in the 1900s, 3-digit sequence.

    They carry no check digit, so a real calendar date is the only test we have.
    """
    if len(number) != 15 or any(c not in ASCII_DIGITS for c in number) or number[0] == "0":
        return False
    return is_real_date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))


def is_real_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def luhn_ok(number: str) -> bool:
    """The Luhn (mod 10) check used by UnionPay and the international card schemes."""
    if not number or any(c not in ASCII_DIGITS for c in number):
        return False
    total = 0
    # Double every second digit counting from the right (the check digit itself is not doubled).
    for i, c in enumerate(reversed(number)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0
