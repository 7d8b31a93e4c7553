"""The public page of a policy document, /d/{uuid} (what the kiosk's and the printout's QR codes open),
and its files, /d/{uuid}/f/{sha256}.

Like the other public pages (server/pages.py, whose helpers it uses): server-rendered, escaped, no
scripts, every text field checked again for unmasked personal numbers. A document that is no longer in
force says so at the top (废止/失效/已修订, the date and the current document), never passing as current.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from server import pages
from server.policies import FORMS, VALIDITIES, file_of, find_document, interpretations_of

router = APIRouter()
_SHA = re.compile(r"^[0-9a-f]{64}$")


def _files(uuid: str, items: list[dict[str, Any]]) -> str:
    links = []
    for item in items:
        sha = str(item.get("sha256") or "")
        if not _SHA.match(sha) or item.get("local_only"):
            continue
        name = pages._scalar_text(item.get("name")) or "附件"
        links.append(f'<li><a href="/d/{uuid}/f/{sha}">{pages._e(name)}</a></li>')
    return "<ul>" + "".join(links) + "</ul>" if links else ""


@router.get("/d/{uuid}", response_class=HTMLResponse)
@pages._never_fails
def document_page(request: Request, uuid: str) -> HTMLResponse:
    uuid = uuid.lower()
    if not pages._UUID.match(uuid):
        return pages._not_found()
    with pages._factory(request)() as session:
        found = find_document(session, uuid)
        if found is None:
            return pages._not_found()
        data, from_library = found
        interps = interpretations_of(session, uuid, from_library)
        replacement = (
            find_document(session, str(data.get("replaced_by") or "")) if data.get("replaced_by") else None
        )
    safe = pages._Safe("policy_document", uuid, data)
    title = safe.text("title") or "政策文件"
    validity = pages._scalar_text(data.get("validity")) or "valid"
    body = ""
    if validity != "valid":
        when = pages._date(data.get("validity_on"))
        note = f"此文件{'已于' + when if when else '已'}{VALIDITIES.get(validity, '不再有效')}，不再执行。"
        if replacement is not None:
            new_uuid = pages._e(data.get("replaced_by"))
            new_title = pages._e(pages._scalar_text(replacement[0].get("title")))
            note_html = pages._e(note) + f'现行文件：<a href="/d/{new_uuid}">《{new_title}》</a>'
        else:
            note_html = pages._e(note)
        body += f'<div class="card"><h2>{note_html}</h2></div>'
    meta = pages._dl(
        [
            ("发文字号", pages._e(safe.text("doc_number"))),
            ("发文机关", pages._e(safe.text("issuer"))),
            ("成文日期", pages._e(pages._date(data.get("written_on")))),
            ("发布日期", pages._e(pages._date(data.get("published_on")))),
            ("施行日期", pages._e(pages._date(data.get("effective_on")))),
            ("有效性", pages._e(VALIDITIES.get(validity, validity))),
            ("主题分类", pages._e(safe.text("domain"))),
        ]
    )
    body += f'<div class="card">{meta}</div>'
    text = safe.text("body")
    if text:
        body += (
            f'<div class="card"><h2>全文</h2>{pages._paragraphs(text.replace(chr(10), chr(10) * 2))}</div>'
        )
    files = [data["source"]] if isinstance(data.get("source"), dict) else []
    attachments = safe.raw("attachments")
    files += [a for a in (attachments if isinstance(attachments, list) else []) if isinstance(a, dict)]
    listed = _files(uuid, files)
    if listed:
        body += f'<div class="card"><h2>原件和附件</h2>{listed}</div>'
    for interp in interps:
        isafe = pages._Safe("policy_interpretation", str(interp.get("uuid", "")), interp)
        form = FORMS.get(pages._scalar_text(interp.get("form")), "解读")
        parts = [f"<h2>{pages._e(form)}：{pages._e(isafe.text('title'))}</h2>"]
        if isafe.text("body"):
            parts.append(pages._paragraphs(isafe.text("body")))
        qa = isafe.raw("qa")
        for i, pair in enumerate(qa if isinstance(qa, list) else [], 1):
            if isinstance(pair, dict):
                q, a = pages._scalar_text(pair.get("question")), pages._scalar_text(pair.get("answer"))
                parts.append(f"<p><b>问{i}：{pages._e(q)}</b><br>答：{pages._e(a)}</p>")
        items = isafe.raw("attachments")
        parts.append(
            _files(uuid, [a for a in (items if isinstance(items, list) else []) if isinstance(a, dict)])
        )
        body += f'<div class="card">{"".join(parts)}</div>'
    return pages._page(title, "政策文件", body)


@router.get("/d/{uuid}/f/{sha}")
def document_file(request: Request, uuid: str, sha: str) -> Response:
    """A file the document's page lists (public by being published), as a download."""
    uuid, sha = uuid.lower(), sha.lower()
    if not pages._UUID.match(uuid) or not _SHA.match(sha):
        return pages._not_found()
    with pages._factory(request)() as session:
        found = file_of(session, uuid, sha)
    if found is None:
        return pages._not_found()
    data, name = found
    media = "application/pdf" if name.lower().endswith(".pdf") else "application/octet-stream"
    return Response(
        data,
        media_type=media,
        headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}",
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-store",
        },
    )
