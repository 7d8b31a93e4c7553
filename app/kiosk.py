"""What the zone's touch screen may show: published, approved, masked content only, as plain values.

``KioskService`` is the kiosk's one door into the data. It is built over a (normally read-only)
``AppContext`` and gathers the current published notices, the upcoming events and the catalogue,
and nothing else: drafts, reviews, information requests and originals of personal data never pass
through it. Text that reaches the screen is run through the masking service once more as a safety
net for ID and bank-card numbers (idempotent on masked text), so a capability that forgot to mask
cannot leak those here.

``DataVersionWatcher`` tells the kiosk when another connection (the staff window, a sync) has
committed, via SQLite's ``PRAGMA data_version``, so the screen reloads without a restart.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine

from app import audit
from app.authz import authorize
from app.catalogue.model import MODES, CatalogueItemView, display_value
from app.catalogue.search import pinyin_forms
from app.clock import local
from app.context import AppContext
from app.errors import GongkaiError, InputError, NotFoundError
from app.events.values import EventValue
from app.lockout import PinAttempt, PinGuard
from app.notices.templates import KIND_LABELS
from app.notices.values import PublicNotice
from app.policies import values as pv
from app.privacy.masker import mask_text
from app.privacy.profile import MaskingProfile
from app.settings import SETTINGS
from app.uow import transaction
from app.users import StaffUser, hash_password, verify_password

PIN_KEY = "kiosk_pin_hash"
IDLE_KEY = "kiosk_idle_seconds"
_PIN = re.compile(r"^[0-9]{4,12}$")
#: Never let a mis-set idle time make the screen jump home while someone is still reading.
MIN_IDLE_SECONDS = 5


@dataclass(frozen=True)
class KioskSite:
    """The zone the screen stands in."""

    name: str
    zone_location: str
    district: str
    supervision_phone: str


@dataclass(frozen=True)
class KioskField:
    """One labelled line of a detail page, in plain language."""

    label: str
    value: str


@dataclass(frozen=True)
class KioskNotice:
    """A current published notice, masked."""

    uuid: str
    title: str
    kind_label: str
    body: str
    period_start: date
    period_end: date
    issuer: str
    contact: str
    public_url: str
    roster_columns: tuple[str, ...] = ()
    roster_rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class KioskEvent:
    """One upcoming occurrence of an event, in Shanghai time; ``key`` tells occurrences apart."""

    key: str  # "<event uuid>@<start ISO>"
    uuid: str
    title: str
    type_label: str
    start: datetime
    end: datetime
    place: str
    description: str
    public_url: str


@dataclass(frozen=True)
class KioskDomain:
    code: str
    name: str
    item_count: int


@dataclass(frozen=True)
class KioskItem:
    """A catalogue item with every column as a labelled line."""

    uuid: str
    domain: str
    title: str
    fields: tuple[KioskField, ...]
    qr_text: str


@dataclass(frozen=True)
class Slide:
    """One page of the home carousel: a notice or an event, with the QR target."""

    kind: str  # "notice" | "event"
    uuid: str  # the notice's uuid, or the event occurrence's key
    badge: str
    title: str
    when: str
    text: str
    public_url: str


def excerpt(text: str, limit: int = 160) -> str:
    """The first ``limit`` characters of ``text`` on one paragraph, with an ellipsis when cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class KioskService:
    """Read-side queries for the touch screen, plus the admin's exit PIN."""

    def __init__(self, ctx: AppContext, *, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._ctx = ctx
        self.policies = KioskPolicies(ctx)
        # The PIN pad's lock (app.lockout): 5 wrong PINs lock it for a minute.
        self._pin_guard = PinGuard(self.check_pin, monotonic)

    # -- the zone and the screen's settings ----------------------------------------------------------

    def site(self) -> KioskSite:
        site = self._ctx.sites.get()
        if site is None:
            return KioskSite("政务公开专区", "", "", "")
        return KioskSite(site.name, site.zone_location, site.district, site.supervision_phone)

    def require_ready(self) -> None:
        """Raise GongkaiError unless the site exists and an exit PIN has been set."""
        if self._ctx.sites.get() is None:
            raise GongkaiError("数据库中还没有站点：请先运行 gongkai init")
        if not self.pin_is_set():
            raise GongkaiError(
                "尚未设置触摸屏退出密码：请先运行 gongkai kiosk set-pin --user 管理员用户名（从标准输入读取“登录密码”和“退出密码”两行）"
            )

    def idle_seconds(self) -> int:
        value = self._ctx.settings.get(IDLE_KEY)
        try:
            seconds = int(value)
        except (TypeError, ValueError):
            seconds = int(SETTINGS[IDLE_KEY].default)
        return max(MIN_IDLE_SECONDS, seconds)

    def today(self) -> date:
        return self._ctx.clock.today()

    def now(self) -> datetime:
        return self._ctx.clock.now()

    def day_note(self, day: date) -> str:
        """'工作日' or why ``day`` is a day off (国庆节, 周末...), from the working-day calendar."""
        calendar = self._ctx.holidays.calendar()
        if calendar.is_workday(day):
            return "工作日"
        return f"休息日（{calendar.day_off_reason(day) or '周末'}）"

    def public_base_url(self) -> str:
        return str(self._ctx.settings.get("public_base_url") or "").rstrip("/")

    # -- exit PIN --------------------------------------------------------------------------------------

    def pin_is_set(self) -> bool:
        return bool(self._ctx.settings.get(PIN_KEY))

    def check_pin(self, pin: str) -> bool:
        """True if ``pin`` matches the stored hash (read afresh, so a new PIN applies at once)."""
        stored = str(self._ctx.settings.get(PIN_KEY) or "")
        return bool(stored) and verify_password(stored, pin)

    def try_pin(self, pin: str) -> PinAttempt:
        """One try at the PIN pad: right, wrong (with the tries left) or locked (for how long)."""
        return self._pin_guard.attempt(pin)

    def pin_locked_for(self) -> float:
        """Seconds the PIN pad stays locked (0 when it takes PINs)."""
        return self._pin_guard.locked_for()

    def set_pin(self, user: StaffUser, pin: str) -> None:
        """Store the exit PIN's argon2 hash (admin only; needs a writable context)."""
        authorize(user, "kiosk.pin")
        if not _PIN.match(pin):
            raise InputError("退出密码：应为 4–12 位数字（触摸屏上只有数字键）")
        with transaction(self._ctx.session_factory) as session:
            self._ctx.settings.set(PIN_KEY, hash_password(pin), session=session)
            audit.record(
                session, actor=user.name, action="kiosk.set_pin", entity="setting", detail={"key": PIN_KEY}
            )

    # -- content ---------------------------------------------------------------------------------------

    def notices(self) -> tuple[KioskNotice, ...]:
        """Notices published and within their posting period today, newest first (already masked)."""
        base = self.public_base_url()
        return tuple(_notice(n, base) for n in self._ctx.notices.published_current(self.today()))

    def notice(self, uuid: str) -> KioskNotice | None:
        return next((n for n in self.notices() if n.uuid == uuid), None)

    def events(self, limit: int = 30) -> tuple[KioskEvent, ...]:
        """Occurrences not yet over, soonest first, with each event's description and public page."""
        details: dict[str, EventValue] = {}
        out = []
        base = self.public_base_url()
        for o in self._ctx.events.upcoming(self.now(), limit):
            ev = details.get(o.event_uuid)
            if ev is None:
                ev = details[o.event_uuid] = self._ctx.events.get(o.event_uuid)
            start, end = local(o.start), local(o.end)
            out.append(
                KioskEvent(
                    key=f"{o.event_uuid}@{start.isoformat()}",
                    uuid=o.event_uuid,
                    title=safe(o.title),
                    type_label=o.type_label,
                    start=start,
                    end=end,
                    place=o.place,
                    description=safe(ev.description),
                    public_url=openable(ev.public_url, base),
                )
            )
        return tuple(out)

    def event(self, key: str) -> KioskEvent | None:
        """The occurrence with this key (or the next occurrence of the event with this uuid)."""
        return next((e for e in self.events(200) if key in (e.key, e.uuid)), None)

    def domains(self) -> tuple[KioskDomain, ...]:
        """Domains that apply to this site and have active items, in catalogue order."""
        return tuple(
            KioskDomain(d.code, d.name, d.active_items)
            for d in self._ctx.catalogue.domains()
            if d.applicable and d.active_items
        )

    def items(self, domain_code: str) -> tuple[KioskItem, ...]:
        """The active items of one domain (retired ones never show)."""
        return tuple(self._item(v) for v in self._ctx.catalogue.items(domain_code, status="active"))

    def search(self, initials: str, domain_code: str | None = None, limit: int = 60) -> tuple[KioskItem, ...]:
        """Active items matching ``initials`` (pinyin initials such as ``DB`` for 低保), titles first."""
        query = initials.strip().lower()
        if not query:
            return ()
        # Over-fetch when a domain narrows the results, so the limit applies after the filter.
        want = limit if domain_code is None else limit * 10
        # Villagers say 低保, the catalogue says 最低生活保障: when the letters are the initials of
        # a synonym the site keeps (DB -> 低保), the items of its full term come first.
        found: list[CatalogueItemView] = []
        for short, full in self._ctx.catalogue.synonyms():
            if pinyin_forms([short])[1] == query:
                found += self._ctx.catalogue.search(full, want)
        found += self._ctx.catalogue.search(query, want)
        found = list({v.uuid: v for v in found}.values())  # first occurrence keeps its place
        if domain_code is not None:
            found = [v for v in found if v.domain_code == domain_code]
        return tuple(self._item(v) for v in found[:limit] if v.status == "active")

    def item(self, uuid: str) -> KioskItem | None:
        try:
            view = self._ctx.catalogue.get(uuid)
        except NotFoundError:
            return None
        return self._item(view) if view.status == "active" else None

    def _item(self, view: CatalogueItemView) -> KioskItem:
        d = view.data
        fields = tuple(
            KioskField(label, _plain_value(name, getattr(d, name)))
            for name, label in PLAIN_LABELS.items()
            if getattr(d, name)
        )
        if view.refinement is not None:
            # The site's wording is shown; say so, in words a visitor reads (staff see the standard text).
            fields += (
                KioskField("本专区细化", f"本专区按本地实际细化了：{'、'.join(view.refinement.labels)}"),
            )
        # The city platform has no page per catalogue item, so the QR code carries the essentials
        # as text (a phone shows them at once, offline) instead of a link that would not open.
        lines = [d.title, f"公开主体：{d.publisher}", f"公开时限：{d.time_limit}"]
        if d.contact_phone:
            lines.append(f"咨询电话：{d.contact_phone}")
        lines.append(f"（{self.site().name}政务公开专区）")
        return KioskItem(view.uuid, d.domain, d.title, fields, "\n".join(lines))

    def slides(self) -> tuple[Slide, ...]:
        """The home carousel: every current notice, then the next events."""
        out: list[Slide] = []
        for n in self.notices():
            when = f"公示期：{_cn_date(n.period_start)} 至 {_cn_date(n.period_end)}"
            out.append(Slide("notice", n.uuid, n.kind_label, n.title, when, excerpt(n.body), n.public_url))
        for e in self.events(10):
            when = f"时间：{_cn_datetime(e.start)}　地点：{e.place or '见详情'}"
            out.append(
                Slide("event", e.uuid, e.type_label, e.title, when, excerpt(e.description), e.public_url)
            )
        return tuple(out)


@dataclass(frozen=True)
class KioskPolicyRow:
    """A current policy document in a list (always 有效 and published)."""

    uuid: str
    title: str
    doc_number: str
    issuer: str
    when: str
    domain: str
    interpretations: int


@dataclass(frozen=True)
class KioskInterpretation:
    uuid: str
    form_label: str
    title: str
    text: str
    images: tuple[str, ...]  # local paths of 图解 images, shown full screen


@dataclass(frozen=True)
class KioskPolicy:
    """A document for the reader: its facts, its text (empty for a scan: see ``pdf_path``), its
    interpretations and the QR to its public page. ``notice`` is set when it is no longer in force
    (废止/失效/已修订) and says so, naming the current document (``current_uuid``) when there is one."""

    uuid: str
    title: str
    fields: tuple[KioskField, ...]
    body: str
    pdf_path: str
    pdf_pages: int
    interpretations: tuple[KioskInterpretation, ...]
    public_url: str
    notice: str = ""
    current_uuid: str = ""
    #: "现场演示：<date, time>，<place>" for the next events of the zone that interpret it
    demonstrations: tuple[str, ...] = ()


class KioskPolicies:
    """The policy library as the touch screen may show it: current (有效), published documents only."""

    CURRENT = pv.SearchFilters(validity="current", published_only=True)

    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def domains(self) -> tuple[tuple[str, int], ...]:
        """(domain, number of current documents), in catalogue order; documents without one last."""
        rows = self._ctx.policies.list(self.CURRENT)
        counts: dict[str, int] = {}
        for r in rows:
            counts[r.domain or "其他"] = counts.get(r.domain or "其他", 0) + 1
        order = {name: i for i, name in enumerate(self._ctx.policies.domains())}
        return tuple(sorted(counts.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))

    def documents(self, domain: str = "") -> tuple[KioskPolicyRow, ...]:
        rows = self._ctx.policies.list(self.CURRENT)
        if domain:
            rows = [r for r in rows if (r.domain or "其他") == domain]
        return tuple(_policy_row(r) for r in rows)

    def search(self, initials: str, domain: str = "", limit: int = 60) -> tuple[KioskPolicyRow, ...]:
        """Current documents whose title's pinyin initials (or title, number, keywords) match."""
        query = initials.strip().lower()
        if not query:
            return ()
        f = pv.SearchFilters(
            domain=domain if domain != "其他" else "", validity="current", published_only=True
        )
        return tuple(_policy_row(h.row) for h in self._ctx.policies.search(query, f, limit) if h.row.current)

    def document(self, uuid: str) -> KioskPolicy | None:
        """The document for the reader; a document no longer in force comes with its notice."""
        try:
            doc = self._ctx.policies.get(uuid)
        except GongkaiError:
            return None
        r = doc.row
        if r.status != pv.PUBLISHED:
            return None
        notice, current = "", ""
        if not r.current:
            when = f"已于{_cn_date(r.validity_on)}" if r.validity_on else "已"
            notice = f"此文件{when}{r.validity_label}，不再执行。"
            if doc.replaced_by_title:
                notice += f"现行文件是《{doc.replaced_by_title}》。"
                current = r.replaced_by
        facts = [
            ("发文字号", r.doc_number),
            ("发文机关", r.issuer),
            ("发布日期", _cn_date(r.published_on) if r.published_on else ""),
            ("施行日期", _cn_date(r.effective_on) if r.effective_on else ""),
            ("有效性", r.validity_label),
        ]
        pdf_path = ""
        if doc.has_original_pdf:
            try:
                pdf_path = str(self._ctx.policies.blob_path(doc.source_sha256))
            except GongkaiError:
                pdf_path = ""
        interps = []
        for i in doc.interpretations:
            images = []
            for a in i.images:
                try:
                    images.append(str(self._ctx.policies.blob_path(a.sha256)))
                except GongkaiError:
                    continue
            interps.append(
                KioskInterpretation(i.uuid, i.form_label, safe(i.title), safe(i.text()), tuple(images))
            )
        return KioskPolicy(
            uuid=doc.uuid,
            title=safe(doc.title),
            fields=tuple(KioskField(label, value) for label, value in facts if value),
            body=safe(doc.body),
            pdf_path=pdf_path,
            pdf_pages=doc.source_pages if pdf_path else 0,
            interpretations=tuple(interps),
            public_url=r.public_url,
            notice=notice,
            current_uuid=current,
            demonstrations=tuple(safe(d.line) for d in doc.demonstrations) if r.current else (),
        )


def _policy_row(r: pv.DocumentRow) -> KioskPolicyRow:
    day = r.published_on or r.written_on
    return KioskPolicyRow(
        r.uuid,
        safe(r.title),
        r.doc_number,
        r.issuer,
        _cn_date(day) if day else "",
        r.domain or "其他",
        r.interpretations,
    )


def paginate(text: str, chars: int) -> list[str]:
    """``text`` cut into pages of about ``chars`` characters, at paragraph ends where it can."""
    pages: list[str] = []
    current = ""
    for para in text.split("\n"):
        para = para.strip()
        if not para:
            continue
        while len(para) > chars:
            room = chars - len(current)
            if room < chars // 4 and current:
                pages.append(current.rstrip())
                current = ""
                continue
            pages.append((current + para[:room]).rstrip())
            current, para = "", para[room:]
        if len(current) + len(para) > chars and current:
            pages.append(current.rstrip())
            current = ""
        current += para + "\n"
    if current.strip():
        pages.append(current.rstrip())
    return pages or [""]


#: The catalogue's columns as questions a visitor would ask (the staff window keeps the official
#: column names of app.catalogue.model.FIELD_LABELS).
PLAIN_LABELS: dict[str, str] = {
    "domain": "所属领域",
    "content": "公开哪些内容",
    "basis": "依据哪些规定",
    "time_limit": "多长时间内公开",
    "publisher": "由哪个单位公开",
    "channels": "在哪里可以看到",
    "extra_channels": "其他查看途径",
    "audience": "面向哪些人",
    "audience_group": "具体面向",
    "modes": "怎样公开",
    "tiers": "由哪一级公开",
    "contact_phone": "咨询电话",
    "retention": "公开多长时间",
}


def _plain_value(name: str, value: object) -> str:
    if name == "modes" and isinstance(value, tuple):
        return "、".join(MODES.get(str(m), str(m)) + "公开" for m in value)
    if name == "audience" and value == "specific_group":
        return "特定群体"
    return display_value(name, value)


def openable(url: str, base: str) -> str:
    """The address a visitor's phone can open, or "" (no QR code shown): a record made before the
    site knew its platform has a relative address, completed once the platform's is known."""
    if url.startswith(("http://", "https://")):
        return url
    if base and url.startswith("/"):
        return base + url
    return ""


def _notice(n: PublicNotice, base: str) -> KioskNotice:
    roster = n.roster
    return KioskNotice(
        uuid=n.uuid,
        title=safe(n.title),
        kind_label=KIND_LABELS.get(n.kind, "公示"),
        body=safe("\n\n".join(n.paragraphs)),
        period_start=n.period_start,
        period_end=n.period_end,
        issuer=n.issuer,
        contact=n.contact,
        public_url=openable(n.public_url, base),
        roster_columns=roster.columns if roster else (),
        roster_rows=tuple(tuple(safe(c) for c in row) for row in roster.rows) if roster else (),
    )


#: The safety net masks only what can never be public on a screen (resident ID and bank card
#: numbers); phones and addresses are left to the owning capability's masking, which knows the
#: hotline and the exemptions a reviewer approved.
SAFETY_NET = MaskingProfile(mobile=False, landline=False, address=False)


def safe(text: str) -> str:
    """Text for the screen with any ID or bank-card number masked (idempotent on masked text)."""
    return mask_text(text, SAFETY_NET) if text else ""


WEEKDAYS = "一二三四五六日"


def _cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _cn_datetime(dt: datetime) -> str:
    return f"{dt.month}月{dt.day}日（周{WEEKDAYS[dt.weekday()]}）{dt:%H:%M}"


class DataVersionWatcher:
    """Notices commits made by other connections to the same database file.

    ``PRAGMA data_version`` changes on a connection whenever another connection commits; it needs
    the same connection each time, so the watcher keeps one raw DBAPI connection of its own.
    """

    def __init__(self, engine: Engine) -> None:
        self._conn = engine.raw_connection()
        self._last = self._read()

    def _read(self) -> int:
        cursor = self._conn.cursor()
        try:
            cursor.execute("PRAGMA data_version")
            row = cursor.fetchone()
            return int(row[0]) if row else 0
        finally:
            cursor.close()

    def changed(self) -> bool:
        """True once after each commit by someone else."""
        now = self._read()
        if now != self._last:
            self._last = now
            return True
        return False

    def close(self) -> None:
        self._conn.close()
