"""Privacy masking: the one service every public output passes through (README).

Why
    Supervisors flag "个人身份证号、手机号、银行卡号未进行模糊处理" in posted 公示 as violations (e.g.
    汉台区 2022 年第二季度通报), and 国办《2018年政务公开工作要点》 requires that personal data in
    disclosures "公开时要去标识化处理". Gongkai therefore has exactly one masking service, this package;
    its formats follow 永安市人民政府办公室 通报 (2023-01-04): "电话号码138****1234，身份证号码
    35*************123", addresses kept to 乡（镇）、街道.

The rule
    The original of a masked value never reaches a PDF, a QR payload, the kiosk, an export or a
    public page (city-platform sync payloads included). Every caller that renders or ships text for
    anyone outside the staff window passes it through ``Masker`` (or ``mask_text``) with the
    notice template's ``MaskingProfile`` first. Only the staff preview sees originals, through
    ``Masker.find``, which lists what will be masked so the clerk can check it.

What is masked (``DEFAULT_PROFILE``: everything except names)
    ============  ==========================================================  ========================
    kind          detected                                                    shown as
    ============  ==========================================================  ========================
    id_number     18 characters with a valid GB 11643 check character (X/x),  37*************315
                  15-digit old IDs with a real 19YYMMDD birth date            (first 2 + last 3)
    mobile        1[3-9] + 9 digits, optional +86 / 86 / 0086 / (+86)         138****5678
    landline      area code (010, 02x, 0xxx) + 7-8 digit local number:       0531-****5678
                  0531-12345678, (0531)1234567, 0531 8888 6666                (area + last 3-4)
    bank_card     15-19 digits passing Luhn (printed in groups of 4 if split) ***************7890
    address       detailed home address below township level                 唐王街道××
    name          only strings marked as names (``mask_name``, roster name    张*, 欧阳**
                  columns, name keys in JSON), and only if ``profile.names``
    ============  ==========================================================  ========================

Markers
    ``*`` (ASCII asterisk, ``STAR``) replaces each hidden digit one-for-one, so masked numbers keep
    their length and their spaces/hyphens ("138-****-5678"); kept digits keep their original
    characters, full-width included ("３７*************３１５"). ``××`` (two U+00D7,
    ``ADDRESS_MARKER``) replaces the whole cut-off part of an address, whatever its length.
    Masking is idempotent: masking masked text changes nothing.

Never masked: identifiers (identifiers.py)
    UUIDs and SHA-256 digests inside any text, values under identifier keys (``uuid``, ``…_uuid``,
    ``sha256``, ``number`` …), numbers under amount keys and whole ISO dates pass unchanged, so a
    record's identity survives masking (a masked UUID once made the platform refuse a request for
    good). tests/app/test_privacy_identifiers.py proves it over generated records.

Decisions worth knowing
    - An 18-digit number with a wrong check character is not an ID. If it passes Luhn it is still
      masked as a bank card; if it fails both it is left alone (it is then neither an ID nor a card
      number, e.g. a file or order number). Any 15-19-digit run that is a valid ID or passes Luhn is
      masked.
    - Numbers are found inside Chinese text without spaces, in full-width digits, and split by single
      spaces or hyphens, and numbers glued together (two IDs, an ID and a mobile) when they make up a
      digit run exactly; dates, money (12,345.00元), 文号 (济政办发〔2023〕12号), article numbers, years
      and short numbers are not masked. A landline always needs its area code.
    - Phone numbers right after a 监督电话/举报电话/投诉电话/咨询电话 label, in a column or key of that
      name, or listed in ``profile.public_numbers`` stay readable: a 公示 must print its
      supervision line. Set ``exempt_hotlines=False`` to mask them too.
    - Roster columns headed 身份证号/银行卡号/电话 have long digit runs starred even when the number
      fails its check (a typo in an ID is still someone's ID).
    - Addresses are recognised only when they reach household level (…号/栋/单元/室); a bare village
      name ("东营村", as in notice titles) is a place, not an address, and is kept.

Pure Python (stdlib only): no Qt, no database.
"""

from app.privacy.finding import ADDRESS_MARKER, KINDS, STAR, Finding
from app.privacy.masker import Masker, find_personal_data, mask_text
from app.privacy.names import COMPOUND_SURNAMES, classify_field
from app.privacy.profile import DEFAULT_PROFILE, MaskingProfile

__all__ = [
    "ADDRESS_MARKER",
    "COMPOUND_SURNAMES",
    "DEFAULT_PROFILE",
    "KINDS",
    "STAR",
    "Finding",
    "Masker",
    "MaskingProfile",
    "classify_field",
    "find_personal_data",
    "mask_text",
]
