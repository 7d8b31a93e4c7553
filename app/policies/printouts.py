"""What the counter prints from the library when there is no original PDF: the text typeset on A4.

Wording is decided here (facts, the validity note, the footer); layout is ``printing/policies.py``.
Text passes the masking service's safety net (resident ID and bank-card numbers) like every printout.
"""

from __future__ import annotations

from datetime import date

from app.policies.values import FORMS, VALID, DocumentView, InterpretationView, validity_label
from app.privacy import MaskingProfile, mask_text
from printing.policies import PolicyPrintData, QAItem, policy_pdf

#: Policy documents are public; only numbers that can never be public are masked (a hotline stays).
SAFETY_NET = MaskingProfile(mobile=False, landline=False, address=False)


def cn_date(d: date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def facts(doc: DocumentView) -> tuple[str, ...]:
    r = doc.row
    lines = []
    if r.issuer:
        lines.append(f"发文机关：{r.issuer}")
    if r.written_on:
        lines.append(f"成文日期：{cn_date(r.written_on)}")
    if r.published_on:
        lines.append(f"发布日期：{cn_date(r.published_on)}")
    if r.effective_on:
        lines.append(f"施行日期：{cn_date(r.effective_on)}")
    lines.append(f"有效性：{r.validity_label}")
    return tuple(lines)


def warning(doc: DocumentView) -> str:
    r = doc.row
    if r.validity == VALID:
        return ""
    when = f"已于{cn_date(r.validity_on)}" if r.validity_on else "已"
    text = f"本文件{when}{validity_label(r.validity)}"
    if doc.replaced_by_title:
        text += f"，现行文件为《{doc.replaced_by_title}》"
    return text + "，仅供查阅"


def _footer(site: str, today: date) -> str:
    return f"{site}政务公开专区 {cn_date(today)}打印" if site else f"{cn_date(today)}打印"


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p for p in mask_text(text, SAFETY_NET).split("\n") if p.strip())


def document_pdf(doc: DocumentView, site: str, today: date) -> bytes:
    body = _paragraphs(doc.body) if doc.body else ("（本文件为扫描件，无文字内容，请查看原件。）",)
    return policy_pdf(
        PolicyPrintData(
            title=doc.title,
            subtitle=doc.row.doc_number,
            facts=facts(doc),
            warning=warning(doc),
            paragraphs=body,
            url=doc.row.public_url,
            footer=_footer(site, today),
        )
    )


def interpretation_pdf(doc: DocumentView, interp: InterpretationView, site: str, today: date) -> bytes:
    return policy_pdf(
        PolicyPrintData(
            title=interp.title,
            subtitle=f"{FORMS.get(interp.form, interp.form)}　《{doc.title}》",
            facts=tuple(f for f in (f"解读机关：{interp.issuer}" if interp.issuer else "",) if f),
            warning=warning(doc),
            paragraphs=_paragraphs(interp.body) if interp.body else (),
            qa=tuple(
                QAItem(mask_text(p.question, SAFETY_NET), mask_text(p.answer, SAFETY_NET)) for p in interp.qa
            ),
            url=doc.row.public_url,
            footer=_footer(site, today),
        )
    )
