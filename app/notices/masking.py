"""Applying app.privacy to a notice: the masked title, body and roster every output uses.

Only ``highlight`` (the staff preview) shows originals. A staff member may untick a detection in the
preview (e.g. a project number the detector took for a bank card); such *exemptions* are exact
original strings in the notice's own text, apply to the title and body only (roster columns headed
身份证号/电话/... are always masked), and every change of them is written to the audit log by the
service (the monthly self-assessment counts them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from app.notices.templates import TEMPLATE_BY_KEY
from app.notices.values import Roster
from app.privacy import Finding, Masker, MaskingProfile
from app.privacy.checks import ASCII_DIGITS, normalise_digits

_PARAGRAPH_SPLIT = re.compile(r"\n[ \t\u3000]*\n+")


def paragraphs(body: str) -> list[str]:
    """Body text split at blank lines; single newlines inside a paragraph are kept."""
    return [p.strip() for p in _PARAGRAPH_SPLIT.split(body.replace("\r\n", "\n")) if p.strip()]


def _digits(text: str) -> str:
    return "".join(ch for ch in normalise_digits(text) if ch in ASCII_DIGITS)


def public_lines(template: str) -> tuple[str, ...]:
    """The fields a notice of ``template`` declares as the office's public lines (templates.py)."""
    found = TEMPLATE_BY_KEY.get(template)
    return found.public_lines if found is not None else ("supervision_phone",)


def public_line_values(template: str, *, supervision_phone: str, contact: str) -> list[str]:
    """The texts of the notice's public lines, whose phone numbers stay readable."""
    values = {"supervision_phone": supervision_phone, "contact": contact}
    return [values[f] for f in public_lines(template) if f in values]


def notice_profile(base: dict[str, Any], public_phones: Iterable[str]) -> MaskingProfile:
    """The stored profile plus the notice's own public lines (``public_line_values``: the
    supervision and, if its template says so, the contact numbers).

    Those numbers are typed into dedicated fields for printing and are the office's public lines, so
    they stay readable wherever they appear in the notice.
    """
    profile = MaskingProfile.from_dict(base)
    numbers = [m for p in public_phones for m in re.findall(r"[0-9０-９][0-9０-９\- ]{5,}[0-9０-９]", p)]
    extra = tuple(n for n in numbers if len(_digits(n)) >= 7)
    return replace(profile, public_numbers=tuple(profile.public_numbers) + extra)


@dataclass(frozen=True)
class MaskedContent:
    title: str
    paragraphs: tuple[str, ...]
    roster: Roster | None
    contact: str
    supervision_phone: str
    objection: str = ""

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


class NoticeMasker:
    """Masks one notice's content with its profile and exemptions."""

    def __init__(self, profile: MaskingProfile, exemptions: Iterable[str] = ()) -> None:
        self.masker = Masker(profile)
        self.exemptions = frozenset(exemptions)

    def findings(self, text: str) -> list[Finding]:
        """What would be masked in ``text`` (exempted findings included: the preview shows them unticked)."""
        return self.masker.find(text)

    def text(self, text: str) -> str:
        out: list[str] = []
        pos = 0
        for f in self.masker.find(text):
            if f.original in self.exemptions:
                continue
            out.append(text[pos : f.start])
            out.append(f.masked)
            pos = f.end
        out.append(text[pos:])
        return "".join(out)

    def roster(self, roster: Roster | None) -> Roster | None:
        if roster is None:
            return None
        rows = self.masker.mask_table(list(roster.columns), [list(r) for r in roster.rows])
        return Roster(roster.columns, tuple(tuple(r) for r in rows))

    def content(
        self, title: str, body: str, roster: Roster | None, contact: str, phone: str, objection: str = ""
    ) -> MaskedContent:
        return MaskedContent(
            title=self.text(title),
            paragraphs=tuple(self.text(p) for p in paragraphs(body)),
            roster=self.roster(roster),
            contact=self.text(contact),
            supervision_phone=self.text(phone),
            objection=self.text(objection),
        )


@dataclass(frozen=True)
class PreviewFinding:
    """One distinct detection in the texts a staff member may exempt (title, body, contact,
    objection channel): what it is, what it becomes, where, how often, and whether it was unticked."""

    kind: str
    original: str
    masked: str
    where: tuple[str, ...]  # field labels (标题/正文/联系方式/异议渠道), in form order
    count: int
    exempt: bool


@dataclass(frozen=True)
class MaskingPreview:
    """Everything the editor's masking preview shows, computed by the one masking service.

    ``body`` is the body as segments ``(text, finding)`` (finding None for plain text); ``roster``
    is the roster as ``(original, masked)`` cells. Roster cells are always masked (no exemptions,
    see the module docstring); ``roster_columns_masked`` counts them per column header.
    """

    body: tuple[tuple[str, Finding | None], ...]
    findings: tuple[PreviewFinding, ...]
    roster_columns: tuple[str, ...]
    roster: tuple[tuple[tuple[str, str], ...], ...]
    roster_columns_masked: tuple[tuple[str, int], ...]

    @property
    def roster_masked(self) -> int:
        return sum(n for _, n in self.roster_columns_masked)

    @property
    def text_masked(self) -> int:
        """Occurrences in the texts that will be masked (exempted ones not counted)."""
        return sum(f.count for f in self.findings if not f.exempt)

    @property
    def masked(self) -> int:
        return self.text_masked + self.roster_masked


#: the free-text fields an exemption applies to, with their labels (Simplified Chinese source)
PREVIEW_FIELDS = (("title", "标题"), ("body", "正文"), ("contact", "联系方式"), ("objection", "异议渠道"))


def masking_preview(masker: NoticeMasker, texts: dict[str, str], roster: Roster | None) -> MaskingPreview:
    """The preview of ``texts`` (keys of PREVIEW_FIELDS) and ``roster`` under ``masker``."""
    found: dict[str, tuple[Finding, list[str], int]] = {}
    body: list[tuple[str, Finding | None]] = []
    for key, label in PREVIEW_FIELDS:
        text = texts.get(key, "")
        pos = 0
        for f in masker.findings(text):
            first, where, count = found.get(f.original, (f, [], 0))
            found[f.original] = (first, where if label in where else [*where, label], count + 1)
            if key == "body":
                body.append((text[pos : f.start], None))
                body.append((f.original, f))
                pos = f.end
        if key == "body":
            body.append((text[pos:], None))
    findings = tuple(
        PreviewFinding(f.kind, f.original, f.masked, tuple(where), count, f.original in masker.exemptions)
        for f, where, count in found.values()
    )
    columns: tuple[str, ...] = ()
    cells: list[tuple[tuple[str, str], ...]] = []
    per_column: dict[str, int] = {}
    masked_roster = masker.roster(roster)
    if roster is not None and masked_roster is not None:
        columns = roster.columns
        for orig, masked in zip(roster.rows, masked_roster.rows, strict=False):
            cells.append(tuple(zip(orig, masked, strict=False)))
            for i, (o, m) in enumerate(zip(orig, masked, strict=False)):
                if o != m:
                    name = columns[i] if i < len(columns) else str(i + 1)
                    per_column[name] = per_column.get(name, 0) + 1
    return MaskingPreview(
        body=tuple((t, f) for t, f in body if t),
        findings=findings,
        roster_columns=columns,
        roster=tuple(cells),
        roster_columns_masked=tuple(per_column.items()),
    )
