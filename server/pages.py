"""Public pages the printed QR codes open: /n/{uuid} (notice), /e/{uuid} (event), /r/{uuid} (request).

Server-rendered HTML for a phone screen: big readable Chinese text, no scripts, nothing to load but
the page, and a Content-Security-Policy that allows exactly that (its one stylesheet, by hash).
Every value is HTML-escaped, and every text field passes ``wire.unmasked_numbers`` again before it
is shown (defence in depth: the site masks with app.privacy and the push refuses unmasked payloads,
but a row that slipped past both is withheld here and logged by field name, never by value).

A page shows the record's *owner's* row only (server/ownership.py: the site that first pushed the
UUID), so no other site can put words on it. Rendering is defensive: a stored payload of any shape
(a field of the wrong type, a list where a dict belongs) renders what it can and leaves the rest
out; it never answers 500. A notice the platform holds but that is not public answers 200 saying
so; an unknown uuid answers 404.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
import logging
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session, sessionmaker

import app.sync.wire as wire
from server.models import BucketRow
from server.ownership import owner_row
from server.push import PUBLIC_NOTICE_STATUSES

log = logging.getLogger(__name__)
router = APIRouter()

WITHHELD = "（此处内容未通过隐私检查，暂不显示）"

NOTICE_STATUS = {
    "draft": "草稿",
    "first_review": "初审中",
    "second_review": "复审中",
    "final_review": "终审中",
    "approved": "已审定",
    "published": "公示中",
    "expired": "公示期已满",
    "withdrawn": "已撤回",
}
NOTICE_KIND = {"publicity": "公示", "announcement": "公告"}
REQUEST_STATUS = {
    "received": "已登记",
    "registered": "已登记",
    "clarification": "待补正",
    "clarification_requested": "待补正",
    "in_progress": "办理中",
    "consulting": "征求意见中",
    "extended": "已延期",
    "answered": "已答复",
    "closed": "已办结",
    "withdrawn": "已撤回",
}
EVENT_STATUS = {
    "planned": "计划中",
    "open": "报名中",
    "full": "名额已满",
    "held": "已举办",
    "cancelled": "已取消",
}

STYLE = """
*{box-sizing:border-box}
body{margin:0;background:#f4f5f7;color:#1b1b1b;font-size:20px;line-height:1.75;
font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif}
header{background:#b3261e;color:#fff;padding:18px 18px 14px}
header .kind{font-size:17px;opacity:.9}
h1{font-size:26px;line-height:1.4;margin:6px 0 0}
main{padding:4px 12px 28px;max-width:760px;margin:0 auto}
.card{background:#fff;border-radius:12px;padding:16px 16px;margin:14px 0;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.card h2{font-size:20px;margin:0 0 8px;color:#b3261e}
p{margin:0 0 12px}
dl{margin:0;display:grid;grid-template-columns:max-content 1fr;gap:6px 14px}
dt{color:#555}
dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:18px}
th,td{border:1px solid #c9ccd1;padding:8px 10px;text-align:left;vertical-align:top;white-space:nowrap}
th{background:#f0f1f3}
.status{display:inline-block;padding:2px 12px;border-radius:20px;background:#fff3cd;color:#6b4e00;font-size:18px}
.status.ok{background:#e3f3e6;color:#1e5b2b}
.note{color:#555;font-size:17px}
.hint{color:#777;font-size:16px;margin:0 0 6px}
.nw{white-space:nowrap}
.phone{font-size:24px;font-weight:700;color:#b3261e;text-decoration:none}
footer{color:#666;font-size:16px;text-align:center;padding:0 12px 24px}
"""


# The pages' only resource is their inline stylesheet, allowed by its hash.
STYLE_HASH = base64.b64encode(hashlib.sha256(STYLE.encode("utf-8")).digest()).decode("ascii")
CSP = (
    f"default-src 'none'; style-src 'sha256-{STYLE_HASH}'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
FALLBACK = "这条信息的内容格式有误，暂时无法显示。请向政务公开专区工作人员咨询。"


def _factory(request: Request) -> sessionmaker[Session]:
    factory: sessionmaker[Session] = request.app.state.sessions
    return factory


def _find(request: Request, entity: str, uuid: str) -> BucketRow | None:
    """The owner's row of ``uuid`` if it is a record of ``entity``; None for anything else."""
    uuid = uuid.lower()
    if not _UUID.match(uuid):
        return None
    with _factory(request)() as session:
        row = owner_row(session, uuid)
        if row is None or row.entity != entity:
            return None
        session.expunge(row)
        return row


def _data(row: BucketRow) -> dict[str, Any]:
    try:
        data = json.loads(row.data)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _scalar_text(value: Any) -> str:
    """Text of a scalar; "" for anything else (a list or object where text belongs)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    return ""


def _count(value: Any) -> int | None:
    """A head count (0 … 1,000,000) from an int or a string of digits; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 7:
        value = int(value.strip())
    if isinstance(value, int) and 0 <= value <= 1_000_000:
        return value
    return None


class _Safe:
    """Reads payload fields, withholding any that still hold an unmasked ID or mobile number.

    The payload is checked once with the shared rule (``wire.unmasked_numbers`` with the entity, so
    a notice's declared public lines stay readable); a field is withheld when any path inside it was
    reported.
    """

    def __init__(self, entity: str, uuid: str, data: dict[str, Any]) -> None:
        self._entity = entity
        self._uuid = uuid
        self._data = wire.without_sealed(data)  # ciphertext between the site's PCs: never shown
        self._leaking: dict[str, str] = {}
        for path in wire.unmasked_numbers(data, entity=entity):
            self._leaking.setdefault(re.split(r"[.\[]", path, maxsplit=1)[0], path)

    def withheld(self, key: str) -> bool:
        path = self._leaking.get(key)
        if path is not None:
            # The field path only: the number itself must not reach the log either.
            log.error("withheld %s %s field %s: unmasked personal number", self._entity, self._uuid, path)
        return path is not None

    def raw(self, key: str) -> Any:
        return None if self.withheld(key) else self._data.get(key)

    def text(self, key: str) -> str:
        value = _scalar_text(self._data.get(key))
        if not value:
            return ""
        return WITHHELD if self.withheld(key) else value


def _never_fails(page: Callable[[Request, str], HTMLResponse]) -> Callable[[Request, str], HTMLResponse]:
    """Last resort: a rendering bug shows an apology page (logged), never a 500."""

    @functools.wraps(page)
    def guarded(request: Request, uuid: str) -> HTMLResponse:
        try:
            return page(request, uuid)
        except Exception:
            log.exception("public page %s failed", request.url.path[:80])
            return _page("暂时无法显示", "政务公开", f'<div class="card"><p>{FALLBACK}</p></div>')

    return guarded


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _page(title: str, kind: str, body: str, status: int = 200) -> HTMLResponse:
    doc = (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{STYLE}</style></head><body>"
        f'<header><div class="kind">{_e(kind)}</div><h1>{_e(title)}</h1></header>'
        f"<main>{body}</main><footer>市级政务公开平台 · 基层政务公开专区</footer></body></html>"
    )
    return HTMLResponse(doc, status_code=status, headers={"Cache-Control": "no-store"})


def _not_found() -> HTMLResponse:
    body = (
        '<div class="card"><p>没有找到这条信息。请核对二维码或网址，或向政务公开专区工作人员咨询。</p></div>'
    )
    return _page("未找到", "政务公开", body, status=404)


def _date(value: Any) -> str:
    text = _scalar_text(value)
    if not text:
        return ""
    try:
        d = date.fromisoformat(text[:10])
    except ValueError:
        return text[:40]
    return f"{d.year}年{d.month}月{d.day}日"


def _datetime(value: Any) -> str:
    text = _scalar_text(value)
    if not text:
        return ""
    try:
        dt = datetime.fromisoformat(text[:40])
    except ValueError:
        return text[:40]
    return f"{dt.year}年{dt.month}月{dt.day}日 {dt:%H:%M}"


def _paragraphs(text: str) -> str:
    parts = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join("<p>" + _e(p).replace("\n", "<br>") + "</p>" for p in parts)


def _dl(items: list[tuple[str, str]]) -> str:
    shown = [(k, v) for k, v in items if v]
    return "<dl>" + "".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in shown) + "</dl>"


def _roster(safe: _Safe) -> str:
    if safe.withheld("roster"):
        return f'<div class="card"><h2>公示名单</h2><p class="note">{WITHHELD}</p></div>'
    roster = safe.raw("roster")
    if not isinstance(roster, dict):
        return ""
    columns = roster.get("columns")
    rows = roster.get("rows")
    if not isinstance(columns, list) or not columns:
        return ""
    rows = [r for r in rows if isinstance(r, list)] if isinstance(rows, list) else []
    head = "".join(f"<th>{_e(_scalar_text(c))}</th>" for c in columns)
    hint = '<p class="hint">表格较宽时可左右滑动查看</p>' if len(columns) > 3 else ""
    body = "".join("<tr>" + "".join(f"<td>{_e(_scalar_text(c))}</td>" for c in r) + "</tr>" for r in rows)
    return (
        f'<div class="card"><h2>公示名单（共 {len(rows)} 人）</h2>{hint}'
        f'<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div></div>'
    )


#: 有效性 of a cited document as its link shows it when it is no longer in force.
_NOT_IN_FORCE = {"expired": "已失效", "repealed": "已废止", "revised": "已修订"}


def _cited_documents(request: Request, safe: _Safe, heading: str) -> str:
    """The policy documents a notice or an event cites (``policy_links``: UUID and title), each a link
    to its public page /d/{uuid} when the platform holds it, with the title the platform has and a
    mark when it is no longer in force. A title not yet linked to a document (no UUID), or a
    document the platform does not hold (a site's draft), is listed as plain text."""
    links = safe.raw("policy_links")
    if not isinstance(links, list) or not links:
        return ""
    from server.policies import find_document  # server.policies is heavier; only pages citing one

    items: list[str] = []
    seen: set[str] = set()
    with _factory(request)() as session:
        for link in links[:50]:
            if not isinstance(link, dict):
                continue
            uuid = _scalar_text(link.get("uuid")).lower()
            title = _scalar_text(link.get("title")).strip("《》")
            found = find_document(session, uuid) if _UUID.match(uuid) else None
            if found is not None:
                data = found[0]
                # The document's own title passes the privacy check again, as on its own page.
                title = _Safe("policy_document", uuid, {"title": data.get("title")}).text("title") or title
                mark = _NOT_IN_FORCE.get(_scalar_text(data.get("validity")), "")
                note = f'<span class="note">（{_e(mark)}）</span>' if mark else ""
                key = uuid
                item = f'<a href="/d/{uuid}">《{_e(title)}》</a>{note}'
            else:
                key = f"title:{title}"
                item = f"《{_e(title)}》" if title else ""
            if item and key not in seen:
                seen.add(key)
                items.append(f"<li>{item}</li>")
    if not items:
        return ""
    return f'<div class="card"><h2>{_e(heading)}</h2><ul>{"".join(items)}</ul></div>'


@router.get("/n/{uuid}", response_class=HTMLResponse)
@_never_fails
def notice_page(request: Request, uuid: str) -> HTMLResponse:
    row = _find(request, "notice", uuid)
    if row is None:
        return _not_found()
    data = _data(row)
    safe = _Safe("notice", row.entity_uuid, data)
    kind = NOTICE_KIND.get(_scalar_text(data.get("kind")), "公示公告")
    if row.deleted or _scalar_text(data.get("status")) not in PUBLIC_NOTICE_STATUSES:
        status = "已撤回" if row.deleted else NOTICE_STATUS.get(_scalar_text(data.get("status")), "未发布")
        body = (
            '<div class="card"><p><span class="status">尚未发布</span></p>'
            f"<p>这份{_e(kind)}还没有在平台上发布（当前状态：{_e(status)}）。"
            "审核通过后将在这里公开，请稍后再查看。</p></div>"
        )
        return _page(f"{kind}尚未发布", kind, body)
    period = ""
    if data.get("period_start") or data.get("period_end"):
        period = (
            f'<span class="nw">{_e(_date(safe.text("period_start")))}</span> 至 '
            f'<span class="nw">{_e(_date(safe.text("period_end")))}</span>'
        )
    phone = safe.text("supervision_phone")
    meta = _dl(
        [
            ("公示期", period),
            ("发布单位", _e(safe.text("issuer"))),
            ("联系方式", _e(safe.text("contact"))),
            ("监督电话", f'<a class="phone" href="tel:{_e(phone)}">{_e(phone)}</a>' if phone else ""),
            (
                "状态",
                '<span class="status ok">'
                + _e(NOTICE_STATUS.get(_scalar_text(data.get("status")), ""))
                + "</span>",
            ),
        ]
    )
    body = f'<div class="card">{meta}</div>'
    body += f'<div class="card">{_paragraphs(safe.text("body"))}</div>'
    body += _roster(safe)
    body += _cited_documents(request, safe, "政策依据")
    body += (
        '<div class="card note">公示期内如有异议，可拨打监督电话反映，或到政务公开专区当面提出。'
        "名单中的个人信息已按规定遮蔽。</div>"
    )
    return _page(safe.text("title") or kind, kind, body)


@router.get("/e/{uuid}", response_class=HTMLResponse)
@_never_fails
def event_page(request: Request, uuid: str) -> HTMLResponse:
    row = _find(request, "event", uuid)
    if row is None:
        return _not_found()
    data = _data(row)
    safe = _Safe("event", row.entity_uuid, data)
    label = safe.text("type_label") or "政务公开活动"
    status = _scalar_text(data.get("status"))
    if row.deleted or status in ("draft", "cancelled"):
        msg = "本次活动已取消。" if status == "cancelled" else "本次活动尚未发布。"
        return _page(safe.text("title") or label, label, f'<div class="card"><p>{msg}</p></div>')
    when = _datetime(data.get("start"))
    end = _datetime(data.get("end"))
    if end:
        when += " 至 " + (end.split(" ", 1)[1] if end[:11] == when[:11] else end)
    capacity = _count(data.get("capacity"))
    seats = ""
    if capacity:
        seats = f"{_count(data.get('registered')) or 0} / {capacity} 人"
    speakers = safe.raw("speakers")
    speakers_text = (
        "、".join(t for t in (_scalar_text(s) for s in speakers) if t)
        if isinstance(speakers, list)
        else safe.text("speakers")
    )
    meta = _dl(
        [
            ("时间", _e(when)),
            ("地点", _e(safe.text("place"))),
            ("主办", _e(safe.text("host"))),
            ("主讲", _e(speakers_text)),
            ("面向", _e(safe.text("audience"))),
            ("已报名", _e(seats)),
            ("状态", _e(EVENT_STATUS.get(status, status))),
        ]
    )
    body = f'<div class="card">{meta}</div>'
    if safe.text("description"):
        body += f'<div class="card">{_paragraphs(safe.text("description"))}</div>'
    body += _cited_documents(request, safe, "相关政策文件")
    return _page(safe.text("title") or label, label, body)


@router.get("/r/{uuid}", response_class=HTMLResponse)
@_never_fails
def request_page(request: Request, uuid: str) -> HTMLResponse:
    """A request's status only: number, status and due date (nothing about the applicant)."""
    row = _find(request, "request", uuid)
    if row is None or row.deleted:
        return _not_found()
    data = _data(row)
    safe = _Safe("request", row.entity_uuid, data)
    due = _date(safe.text("due_on"))
    if due and data.get("provisional") is True:
        due += "（暂定：节假日安排公布后可能调整）"
    status = _scalar_text(data.get("status"))
    meta = _dl(
        [
            ("申请编号", _e(safe.text("number"))),
            ("办理状态", _e(REQUEST_STATUS.get(status, status))),
            ("答复期限", _e(due)),
        ]
    )
    return _page("依申请公开办理进度", "政府信息公开申请", f'<div class="card">{meta}</div>')
