"""The sync wire schema: the one module the city-platform server shares with the client.

Responsibility: the shapes that cross the network (push ops and results, pull changes, checkpoints,
hello), their canonical JSON form and the SHA-256 based checksums both sides compute, plus the
last-line check for unmasked personal numbers that the server applies before storing or rendering.

It imports nothing from the rest of Gongkai (tests/test_layering.py enforces it), so ``server/``
may import exactly this module and nothing else of ours.

Checksums follow docs/ARCHITECTURE.md ("Sync") and the design it cites (PowerSync):
``row_hash = LE-uint32(sha256("entity|id|version|deleted|canon_json")[:4])`` and a bucket's checksum
is the sum of its rows' hashes mod 2**32, so it is order-independent and can be kept incrementally.
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

#: Wire format version; the server accepts [PROTOCOL_MIN, PROTOCOL] and answers 426 otherwise.
PROTOCOL = 1
PROTOCOL_MIN = 1
API_PREFIX = "/sync/v1"

#: Pull buckets. Global buckets hold the same rows for every site; "site_records" holds only the
#: pushing site's own records (the echo of what it pushed, with server-assigned fields).
BUCKET_HOLIDAYS = "holidays"
BUCKET_CATALOGUE = "catalogue_releases"
BUCKET_SITE = "site_records"
#: The city's policy library (政策文件库): documents (key = uuid) and interpretations (key =
#: "<document uuid>/<uuid>") the platform publishes to every site; files travel as public blobs
#: named in each row's ``blob_refs``.
BUCKET_POLICIES = "policy_library"
GLOBAL_BUCKETS = (BUCKET_HOLIDAYS, BUCKET_CATALOGUE, BUCKET_POLICIES)
BUCKETS = (BUCKET_HOLIDAYS, BUCKET_CATALOGUE, BUCKET_POLICIES, BUCKET_SITE)
#: The row schema each bucket is at; a client that meets a newer one pauses that bucket only.
BUCKET_SCHEMA = {BUCKET_HOLIDAYS: 1, BUCKET_CATALOGUE: 1, BUCKET_POLICIES: 1, BUCKET_SITE: 1}

#: Entities a site pushes (the payload shapes are documented in docs/ARCHITECTURE.md, "Sync").
SITE_ENTITIES = (
    "notice",
    "event",
    "request",
    "catalogue_item",
    "catalogue_disclosure",
    "posting",
    "policy_document",
    "policy_interpretation",
    "staff",
    "setting",
)
#: Entities that only carry a sealed aggregate between the site's PCs (docs/sync-replication.md):
#: their payload is ``{"uuid", "sealed"}`` and the platform publishes nothing of them.
PRIVATE_ENTITIES = ("staff", "setting")
#: Settings the hall's kiosk PC needs (a display device has no site key to open ``sealed``): their
#: ``setting`` payload also carries ``key`` and ``value`` in clear. None is personal data: an idle
#: time, the exit PIN's argon2 hash, the interface language, the platform's public address.
KIOSK_SETTINGS = frozenset({"kiosk_idle_seconds", "kiosk_pin_hash", "language", "public_base_url"})
#: The payload field holding a record's private form sealed under the site key (app/sync/sitekey.py):
#: opaque to the platform, never scanned for personal numbers, never rendered.
SEALED_KEY = "sealed"
SEALED_PREFIX = "gks1."
#: Entities of the policy library (in BUCKET_POLICIES when the platform publishes them, in
#: BUCKET_SITE when a site pushed its own).
POLICY_DOCUMENT = "policy_document"
POLICY_INTERPRETATION = "policy_interpretation"

#: Push batches and pull pages. The design bounds a push at ~200 ops or 1 MB; our largest payload
#: (a notice with its roster) is ~1–2 KB, so 500 ops stay well under the 1 MB bound and a first sync
#: of 10,000 records needs 20 round trips instead of 50. Pull pages are ~500 rows (CouchDB's default).
PUSH_BATCH = 500
PULL_LIMIT = 500

# Limits both sides keep (docs/limits.md, "The city platform"). The platform refuses a request
# beyond them before doing any work; the workstation keeps its own input limits well inside them
# (a notice's body and roster, app/notices/limits.py) and sizes its push batches by PUSH_TARGET_BYTES.
#: One op's payload as canonical JSON. The largest real payload is a notice with its roster at the
#: notice input limits (about 1 MB); a payload beyond this is refused per op ("payload_too_large").
MAX_PAYLOAD_BYTES = 2 * 1024 * 1024
#: The sealed box beside the public fields (a notice's whole private record, roster and reviews
#: included, as base64 of AES-GCM): counted apart from MAX_PAYLOAD_BYTES, refused beyond this.
MAX_SEALED_BYTES = 4 * 1024 * 1024
#: Nesting of a payload (a notice's roster cell is at depth 4); deeper is refused per op.
MAX_JSON_DEPTH = 32
#: Integers in a payload or a cursor: JavaScript's safe range, so every reader agrees on them.
MAX_SAFE_INT = 2**53 - 1
#: A whole push request body; the workstation aims its batches at PUSH_TARGET_BYTES.
MAX_PUSH_BYTES = 16 * 1024 * 1024
PUSH_TARGET_BYTES = 4 * 1024 * 1024
#: Other JSON request bodies (pull, status).
MAX_SMALL_BODY_BYTES = 64 * 1024
#: A blob (posting photo) and one upload chunk of it (the workstation sends 64 KiB chunks).
MAX_BLOB_BYTES = 64 * 1024 * 1024
MAX_BLOB_CHUNK = 1024 * 1024

#: Number blocks (``POST /numbers``): the most numbers one request may reserve, and the highest
#: number of a series in a year (a request number prints as four digits, 第0024号).
MAX_NUMBER_BLOCK = 1000
MAX_NUMBER = 999_999
#: The series whose numbers the platform leases: information requests (依申请〔2026〕第0024号).
SERIES_REQUEST = "request"

# Results of one pushed op.
APPLIED = "applied"
DUPLICATE = "duplicate"
GAP = "gap"
RETRYABLE = "retryable"
REJECTED = "rejected"
CONFLICT = "conflict"

#: Headers: the device credential and the checksum of a response body.
#: Token prefixes (never "-", which a command line reads as an option): a site token from
#: ``gongkai-server add-site`` only enrols PCs; each PC syncs with its own device token.
SITE_TOKEN_PREFIX = "gk1s."
DEVICE_TOKEN_PREFIX = "gk1d."
AUTH_HEADER = "Authorization"
DEVICE_HEADER = "X-Gongkai-Device"
BODY_SHA_HEADER = "X-Body-SHA256"
UPLOAD_OFFSET_HEADER = "Upload-Offset"
UPLOAD_LENGTH_HEADER = "Upload-Length"

_MOD = 2**32


# -- canonical form and checksums ------------------------------------------------------------------


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {_nfc(k): _nfc(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_nfc(v) for v in value]
    return value


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no spaces, NFC strings, UTF-8: the same bytes on every machine."""
    text = _dumps(value)
    if not unicodedata.is_normalized("NFC", text):
        # Rare (text pasted with combining marks): normalise every string, then sort the keys.
        text = _dumps(_nfc(value))
    return text.encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def payload_sha256(payload: Any) -> str:
    """SHA-256 of the canonical JSON of a payload (sent with every op, checked by the server)."""
    return sha256_hex(canonical_json(payload))


def row_hash(entity: str, key: str, version: int, deleted: bool, data: Any) -> int:
    """One row's 32-bit checksum."""
    return row_hash_of_canonical(entity, key, version, deleted, canonical_json(data))


def row_hash_of_canonical(entity: str, key: str, version: int, deleted: bool, canonical: bytes) -> int:
    """``row_hash`` for data already in canonical form (saves a serialisation per row)."""
    head = f"{entity}|{key}|{version}|{int(deleted)}|".encode()
    return int.from_bytes(hashlib.sha256(head + canonical).digest()[:4], "little")


def add_checksum(total: int, value: int) -> int:
    return (total + value) % _MOD


def sum_checksums(values: Any) -> int:
    total = 0
    for v in values:
        total = (total + int(v)) % _MOD
    return total


# -- cursors ----------------------------------------------------------------------------------------


def encode_cursor(epoch: str, bucket: str, seq: int) -> str:
    """An opaque cursor: which server life (epoch), which bucket, and the last seq seen."""
    raw = json.dumps({"e": epoch, "b": bucket, "s": seq}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode("ascii")


def decode_cursor(cursor: str) -> tuple[str, str, int] | None:
    """``(epoch, bucket, seq)``, or None for an empty or unreadable cursor (start from zero).

    A cursor comes back from the client, so it is untrusted: a seq that is not an integer in
    [0, MAX_SAFE_INT] (``Infinity``, ``1e400``, 10**30, "7") makes the cursor unreadable.
    """
    if not cursor or len(cursor) > 512:
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor.encode("ascii")), parse_constant=_no_constant)
        seq = data["s"]
        epoch, bucket = data["e"], data["b"]
    except (ValueError, KeyError, TypeError, RecursionError):
        return None
    if not isinstance(seq, int) or isinstance(seq, bool) or not 0 <= seq <= MAX_SAFE_INT:
        return None
    if not isinstance(epoch, str) or not isinstance(bucket, str):
        return None
    return epoch, bucket, seq


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


# -- bounds on untrusted JSON -----------------------------------------------------------------------


def json_problem(value: Any, max_depth: int = MAX_JSON_DEPTH) -> str | None:
    """The first reason ``value`` (parsed JSON) is not acceptable, in Chinese; None if it is fine.

    Checks what a JSON parser lets through but our readers cannot take: nesting deeper than
    ``max_depth`` (containers count one level each), numbers that are not finite (``1e400`` parses
    as infinity) or integers outside ±MAX_SAFE_INT, and strings or keys holding lone UTF-16
    surrogates (which no UTF-8 encoder, database or browser accepts). Iterative, so a hostile
    nesting cannot exhaust the stack.
    """
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list | tuple):
            if depth > max_depth:
                return f"嵌套超过 {max_depth} 层"
            if isinstance(item, dict):
                for key, child in item.items():
                    if not isinstance(key, str):
                        return "对象的键应为字符串"
                    if _bad_text(key):
                        return "含有无效的 Unicode 字符（孤立的代理项）"
                    stack.append((child, depth + 1))
            else:
                stack.extend((child, depth + 1) for child in item)
        elif isinstance(item, str):
            if _bad_text(item):
                return "含有无效的 Unicode 字符（孤立的代理项）"
        elif isinstance(item, bool) or item is None:
            continue
        elif isinstance(item, int):
            if not -MAX_SAFE_INT <= item <= MAX_SAFE_INT:
                return f"整数超出范围（绝对值应不超过 {MAX_SAFE_INT}）"
        elif isinstance(item, float):
            if item != item or item in (float("inf"), float("-inf")):
                return "数值应为有限数（不接受 NaN、Infinity 或超出范围的数）"
        else:
            return f"不是 JSON 值（{type(item).__name__}）"
    return None


def _bad_text(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


# -- last-line privacy check ------------------------------------------------------------------------

# Identifiers that legitimately contain digit runs are blanked before scanning, so a UUID or a
# SHA-256 never looks like a phone number.
_IDENTIFIERS = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-f]{32,}"
)
_DIGITS = "0-9\uff10-\uff19"
_ID_NUMBER = rf"[{_DIGITS}]{{17}}[{_DIGITS}Xx\uff38\uff58]"
_MOBILE = rf"1[3-9][{_DIGITS}]{{9}}|１[３-９][{_DIGITS}]{{9}}"
_UNMASKED = re.compile(rf"(?<![{_DIGITS}])(?:{_ID_NUMBER}|{_MOBILE})(?![{_DIGITS}])")
_PHONE_DIGITS = re.compile(rf"[{_DIGITS}][{_DIGITS}\- ]{{5,}}[{_DIGITS}]")

# -- what may be public: the one rule the workstation and the platform share -----------------------
#
# A public page shows a record's payload. Personal numbers (resident IDs, mobiles) never appear in
# it unmasked, with one exception: an office's *public lines*. A notice prints its 监督电话 and the
# contact line of the office that issued it; those are public by purpose, even when the number is a
# mobile. Which fields may be public lines is fixed here, per entity; which of them a given notice
# declares public is its template's decision (app/notices/templates.py, ``public_lines``), carried
# in the payload as ``public_lines``. A phone number that stands in a declared public line is
# public wherever it appears in that payload (the body may repeat it); a resident ID never is.
# The workstation checks a notice with this same function before it is approved
# (app/notices/service.py), so a notice the PC approves is one the platform accepts.

#: Payload fields that may be an office's public line, per entity.
PUBLIC_LINE_FIELDS: dict[str, frozenset[str]] = {"notice": frozenset({"contact", "supervision_phone"})}
#: The payload key listing the fields a record declares public (a subset of PUBLIC_LINE_FIELDS).
PUBLIC_LINES_KEY = "public_lines"


def declared_public_lines(entity: str, payload: Any) -> frozenset[str]:
    """The fields of ``payload`` that are public lines: declared by it and allowed for ``entity``."""
    if not isinstance(payload, dict):
        return frozenset()
    declared = payload.get(PUBLIC_LINES_KEY)
    if not isinstance(declared, list):
        return frozenset()
    return frozenset(f for f in declared if isinstance(f, str)) & PUBLIC_LINE_FIELDS.get(entity, frozenset())


def _digits_of(text: str) -> str:
    return "".join(str(unicodedata.digit(ch)) for ch in text if ch.isdigit())


def public_numbers(entity: str, payload: Any) -> frozenset[str]:
    """The phone numbers (as ASCII digits) standing in the payload's declared public lines."""
    found: set[str] = set()
    for key in declared_public_lines(entity, payload):
        value = payload.get(key)
        if isinstance(value, str):
            found.update(d for d in (_digits_of(m) for m in _PHONE_DIGITS.findall(value)) if len(d) >= 7)
    return frozenset(found)


# GB 11643-1999: the check character of a resident ID (the same computation as
# app/privacy/checks.py, which wire cannot import; tests/app/test_sync_wire.py keeps them equal).
# An 18-digit number whose check character does not match is not taken for an ID on either side
# (a 统一社会信用代码 or an order number can be 18 digits; the PC leaves them readable too).
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"


def is_resident_id(text: str) -> bool:
    """True for an 18-character resident ID with a valid check character (full-width digits too)."""
    chars = [
        str(unicodedata.digit(c)) if c.isdigit() else c.upper() for c in unicodedata.normalize("NFKC", text)
    ]
    if len(chars) != 18 or chars[0] == "0" or not all(c.isdigit() for c in chars[:17]):
        return False
    total = sum(int(c) * w for c, w in zip(chars[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11] == chars[17]


def without_sealed(payload: dict[str, Any]) -> dict[str, Any]:
    """The payload's public fields (everything but the sealed box)."""
    return {k: v for k, v in payload.items() if k != SEALED_KEY}


def sealed_problem(entity: str, payload: Any) -> str | None:
    """Why a payload's sealed box (if any) is not acceptable, in Chinese; None if fine."""
    if not isinstance(payload, dict):
        return None
    sealed = payload.get(SEALED_KEY)
    if entity in PRIVATE_ENTITIES:
        extra = set(payload) - {"uuid", SEALED_KEY}
        if entity == "setting" and payload.get("key") in KIOSK_SETTINGS:
            # A kiosk setting also travels in clear, as a plain value (KIOSK_SETTINGS).
            value = payload.get("value")
            if isinstance(value, bool) or not isinstance(value, str | int | None):
                return "触摸屏设置的值（value）应为文字或整数"
            extra -= {"key", "value"}
        if extra or sealed is None:
            return "此类记录只能携带加密内容（uuid 与 sealed）"
    if sealed is None:
        return None
    if not isinstance(sealed, str) or not sealed.startswith(SEALED_PREFIX):
        return "加密内容（sealed）格式无效"
    if len(sealed) > MAX_SEALED_BYTES:
        return f"加密内容超过平台上限 {MAX_SEALED_BYTES // (1024 * 1024)} MB"
    if not re.fullmatch(r"[A-Za-z0-9_\-=]*", sealed[len(SEALED_PREFIX) :]):
        return "加密内容（sealed）格式无效"
    return None


def unmasked_numbers(value: Any, *, entity: str = "") -> list[str]:
    """Where a value still holds an unmasked 18-character resident ID or 11-digit mobile number.

    This is deliberately not the client's masking service (app.privacy): it is a blunt check that
    needs no context, run by the server on every pushed payload and again on every field it renders
    on a public page, and by the workstation on a notice before it is approved. An ID is 18
    characters with a valid GB 11643 check character, as app.privacy decides. With ``entity``, the
    shared public-line rule above applies: a mobile number in a declared public line of the payload
    (and the same number elsewhere in it) is not reported; an ID always is. Returns the JSON paths of
    the offending strings ("roster.rows[2][1]"), never the numbers themselves (they must not reach
    a log either).
    """
    found: list[str] = []
    if isinstance(value, dict) and SEALED_KEY in value:
        # Ciphertext: base64 text may hold any digit run by chance, and it reveals nothing.
        value = without_sealed(value)
    # Fast path: one scan of the whole serialised value (strings are separated by quotes and commas
    # there, so digits of two fields never join); only a hit needs the walk that names the field.
    if not _UNMASKED.search(_IDENTIFIERS.sub(" ", _dumps(value))):
        return found
    allowed = public_numbers(entity, value) if entity else frozenset()

    def leaks(text: str) -> bool:
        for m in _UNMASKED.finditer(_IDENTIFIERS.sub(" ", text)):
            found = m.group()
            if len(found) == 18:
                if is_resident_id(found):
                    return True  # an ID is never public
            elif _digits_of(found) not in allowed:
                return True
        return False

    def walk(v: Any, path: str) -> None:
        if isinstance(v, str):
            if leaks(v):
                found.append(path or "$")
        elif isinstance(v, dict):
            for k, item in v.items():
                walk(item, f"{path}.{k}" if path else str(k))
        elif isinstance(v, list | tuple):
            for i, item in enumerate(v):
                walk(item, f"{path}[{i}]")

    walk(value, "")
    return found


# -- holiday years: what a complete year is ----------------------------------------------------------
#
# A year's holiday data replaces the whole year, so a partial file (one line, one festival) would make
# the rest of the year count as ordinary working days while no longer marked provisional. A year is
# *complete* when it holds at least the statutory days off of 《全国年节及纪念日放假办法》 for that year
# (国务院令第270号 1999: 10 days; 第513号, from 2008: 11 days; 第795号, from 2025: 13 days), with the
# fixed-date ones among them (1月1日 元旦, 5月1日 劳动节, 10月1–3日 国庆节) and at least four days off in
# January–February (元旦 plus the three or more days of 春节, which always falls between 21 January and
# 20 February). Every official schedule since 2004 passes (tests/app/test_holidays_import.py); the
# workstation's import and the platform's publish both apply this one rule (docs/holidays-format.md).


def statutory_days_off(year: int) -> int:
    """The number of full days off the law grants in ``year``."""
    return 10 if year < 2008 else 11 if year < 2025 else 13


def holiday_year_problem(year: int, holidays: Any) -> str | None:
    """Why a year's holiday dates are not a complete year, in Chinese; None when complete."""
    days = {d for d in holidays if isinstance(d, _dt.date) and d.year == year}
    fixed = [_dt.date(year, 1, 1), _dt.date(year, 5, 1), *(_dt.date(year, 10, d) for d in (1, 2, 3))]
    missing = [f"{d.month}月{d.day}日" for d in fixed if d not in days]
    if missing:
        return f"{year} 年的数据不完整：缺少法定假日 {'、'.join(missing)}（只导入部分节日会使其余节日按工作日计算）"
    needed = statutory_days_off(year)
    if len(days) < needed:
        return f"{year} 年的数据不完整：只有 {len(days)} 天假日，少于法定的 {needed} 天"
    if sum(1 for d in days if d.month <= 2) < 4:
        return f"{year} 年的数据不完整：1–2 月应有元旦和春节的假日（至少 4 天）"
    return None


#: Chinese names of payload fields, for messages staff read (rejections, conflict comparisons).
FIELD_LABELS = {
    "title": "标题",
    "body": "正文",
    "roster": "公示名单",
    "issuer": "发布单位",
    "contact": "联系方式",
    "supervision_phone": "监督电话",
    "period_start": "公示开始",
    "period_end": "公示结束",
    "status": "状态",
    "revision": "修订版次",
    "kind": "类别",
    "template": "模板",
    "boards": "公示栏",
    "description": "内容介绍",
    "place": "地点",
    "start": "开始时间",
    "end": "结束时间",
    "host": "主办",
    "speakers": "主讲",
    "audience": "面向对象",
    "capacity": "名额",
    "registered": "已报名",
    "type_label": "活动类型",
    "number": "申请编号",
    "due_on": "答复期限",
    "received_on": "收到日期",
    "public_url": "公开网址",
}

_ROSTER_CELL = re.compile(r"^roster\.rows\[(\d+)\]\[(\d+)\]$")


def describe_path(path: str) -> str:
    """A payload path in words: "roster.rows[0][3]" → "公示名单第 1 行第 4 列", "contact" → "联系方式"."""
    cell = _ROSTER_CELL.match(path)
    if cell:
        return f"公示名单第 {int(cell.group(1)) + 1} 行第 {int(cell.group(2)) + 1} 列"
    head = re.split(r"[.\[]", path, maxsplit=1)[0]
    return FIELD_LABELS.get(head, path)


# -- messages ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hello:
    """``GET /hello``: who the server is and what it expects."""

    server_epoch: str
    server_time: str
    protocol_min: int
    protocol_max: int
    site_code: str
    site_name: str
    device_last_applied: int
    buckets: list[str]
    bucket_schema: dict[str, int]
    #: This device as the platform knows it, and the address of the public pages (QR codes).
    device_id: str = ""
    device_kind: str = "staff"
    public_base_url: str = ""

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Hello:
        return cls(
            str(d["server_epoch"]),
            str(d["server_time"]),
            int(d["protocol_min"]),
            int(d["protocol_max"]),
            str(d["site_code"]),
            str(d["site_name"]),
            int(d["device_last_applied"]),
            [str(b) for b in d["buckets"]],
            {str(k): int(v) for k, v in d["bucket_schema"].items()},
            str(d.get("device_id", "")),
            str(d.get("device_kind", "staff")),
            str(d.get("public_base_url", "")),
        )


@dataclass(frozen=True)
class PushOp:
    """One outbox entry on the wire. ``seq`` is gapless per device; ``op_id`` identifies it forever."""

    op_id: str
    seq: int
    entity: str
    entity_uuid: str
    op: str  # "upsert" | "delete"
    payload: dict[str, Any]
    payload_sha256: str
    base_version: int | None = None
    device_time: str = ""
    clock_suspect: bool = False
    blob_refs: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PushOp:
        return cls(
            op_id=str(d["op_id"]),
            seq=int(d["seq"]),
            entity=str(d["entity"]),
            entity_uuid=str(d["entity_uuid"]),
            op=str(d["op"]),
            payload=dict(d["payload"]),
            payload_sha256=str(d["payload_sha256"]),
            base_version=None if d.get("base_version") is None else int(d["base_version"]),
            device_time=str(d.get("device_time", "")),
            clock_suspect=bool(d.get("clock_suspect", False)),
            blob_refs=[str(b) for b in d.get("blob_refs", [])],
        )


@dataclass(frozen=True)
class PushRequest:
    device_id: str
    protocol: int
    ops: list[PushOp]

    def to_dict(self) -> dict[str, Any]:
        # Shallow per op (asdict deep-copies every payload, which dominated large pushes).
        return {
            "device_id": self.device_id,
            "protocol": self.protocol,
            "ops": [dict(vars(op)) for op in self.ops],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PushRequest:
        return cls(str(d["device_id"]), int(d["protocol"]), [PushOp.from_dict(o) for o in d["ops"]])


@dataclass(frozen=True)
class OpResult:
    """What happened to one op: ``status`` is one of APPLIED, DUPLICATE, GAP, RETRYABLE, REJECTED,
    CONFLICT; ``code``/``message`` explain a rejection, ``version`` is the record's server version."""

    op_id: str
    seq: int
    status: str
    code: str = ""
    message: str = ""
    version: int | None = None
    expected: int | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> OpResult:
        return cls(
            str(d["op_id"]),
            int(d["seq"]),
            str(d["status"]),
            str(d.get("code", "")),
            str(d.get("message", "")),
            None if d.get("version") is None else int(d["version"]),
            None if d.get("expected") is None else int(d["expected"]),
        )


@dataclass(frozen=True)
class PushResponse:
    acked_through: int
    results: list[OpResult]
    server_time: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PushResponse:
        return cls(
            int(d["acked_through"]), [OpResult.from_dict(r) for r in d["results"]], str(d["server_time"])
        )


@dataclass(frozen=True)
class Change:
    """One row of a bucket: ``key`` identifies it inside the bucket, ``version`` only ever grows."""

    bucket: str
    entity: str
    key: str
    version: int
    server_seq: int
    deleted: bool
    data: dict[str, Any]
    row_hash: int

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Change:
        return cls(
            str(d["bucket"]),
            str(d["entity"]),
            str(d["key"]),
            int(d["version"]),
            int(d["server_seq"]),
            bool(d["deleted"]),
            dict(d["data"]),
            int(d["row_hash"]),
        )

    def hash_ok(self) -> bool:
        return row_hash(self.entity, self.key, self.version, self.deleted, self.data) == self.row_hash


@dataclass(frozen=True)
class Checkpoint:
    """A bucket's state on the server when a pull finished it: rows, checksum, highest seq."""

    through_seq: int
    count: int
    checksum: int

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Checkpoint:
        return cls(int(d["through_seq"]), int(d["count"]), int(d["checksum"]))


@dataclass(frozen=True)
class PullResponse:
    changes: list[Change]
    cursors: dict[str, str]
    more: bool
    checkpoints: dict[str, Checkpoint]
    reset: list[str]
    bucket_schema: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PullResponse:
        return cls(
            [Change.from_dict(c) for c in d["changes"]],
            {str(k): str(v) for k, v in d["cursors"].items()},
            bool(d["more"]),
            {str(k): Checkpoint.from_dict(v) for k, v in d["checkpoints"].items()},
            [str(b) for b in d["reset"]],
            {str(k): int(v) for k, v in d["bucket_schema"].items()},
        )
