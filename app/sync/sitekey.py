"""The site key: personal data travels between a site's PCs sealed under a key the platform never holds.

What it protects (docs/sync-devices.md, "The site key"): a record's full private form (identity
numbers, phones, bank numbers, addresses and names of applicants and households) goes to the platform
only inside ``sealed``, an AES-256-GCM box under the site key; the platform stores and forwards that
box and publishes only the masked, public fields beside it. The first device of a site creates the key;
an invitation carries it wrapped under the one-time code, the wrapping key derived with Argon2id
(memory-hard, RFC 9106), so the platform, which relays the invitation, cannot unwrap it without
guessing the code at Argon2id's cost.

No cipher of our own: AES-GCM is ``cryptography``'s (OpenSSL) and Argon2id is ``argon2-cffi``'s
(the reference implementation). What is ours is only the framing below.

Formats (all text, so they travel inside JSON payloads):

* sealed box: ``"gks1." + base64url(nonce(12) | ciphertext+tag)``; the associated data binds the box to
  its record (``"<entity>|<uuid>"``), so a box cannot be moved onto another record.
* wrapped key: ``{"v": 1, "kdf": "argon2id", "t": T, "m": KiB, "p": P, "salt": b64, "box": b64}``.

If every PC and every backup of a site are lost, the key is gone and the sealed boxes on the platform
are unreadable: the platform still serves the public pages, but the private fields cannot be
recovered from it. That is the point of the design.
"""

from __future__ import annotations

import base64
import json
import os
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.errors import InputError

KEY_BYTES = 32
NONCE_BYTES = 12
PREFIX = "gks1."
#: Argon2id cost for wrapping the key under an invitation code: 64 MiB, 3 passes (RFC 9106's second
#: recommended option, "if much less memory is available"), about 0.2 s on a hall PC. The code is
#: single use and valid 24 hours; the cost slows an offline guess at a copied invitation.
ARGON2_T = 3
ARGON2_M_KIB = 64 * 1024
ARGON2_P = 1
#: A hostile invitation must not make the joining PC allocate gigabytes.
MAX_M_KIB = 1024 * 1024
MAX_T = 10
MAX_P = 8


class SiteKeyError(InputError):
    """A sealed box or a wrapped key that does not open (wrong key, wrong code, altered data)."""


def new_key() -> bytes:
    """A fresh random 256-bit site key."""
    return AESGCM.generate_key(bit_length=256)


def encode_key(key: bytes) -> str:
    return base64.urlsafe_b64encode(key).decode("ascii")


def decode_key(text: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(text.encode("ascii"))
    except (ValueError, UnicodeEncodeError) as exc:
        raise SiteKeyError("站点密钥格式无效") from exc
    if len(key) != KEY_BYTES:
        raise SiteKeyError("站点密钥长度无效")
    return key


def _aad(entity: str, uuid: str) -> bytes:
    return f"{entity}|{uuid}".encode()


def seal(key: bytes, entity: str, uuid: str, record: dict[str, Any]) -> str:
    """The record's private form as a sealed box bound to ``entity``/``uuid``."""
    plain = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    nonce = os.urandom(NONCE_BYTES)
    box = AESGCM(key).encrypt(nonce, plain, _aad(entity, uuid))
    return PREFIX + base64.urlsafe_b64encode(nonce + box).decode("ascii")


def unseal(key: bytes, entity: str, uuid: str, sealed: str) -> dict[str, Any]:
    """Open a sealed box; SiteKeyError if it was made under another key, for another record, or altered."""
    if not isinstance(sealed, str) or not sealed.startswith(PREFIX):
        raise SiteKeyError(f"{entity} {uuid}：加密内容格式无效")
    try:
        raw = base64.urlsafe_b64decode(sealed[len(PREFIX) :].encode("ascii"))
        plain = AESGCM(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], _aad(entity, uuid))
        value = json.loads(plain)
    except (ValueError, UnicodeEncodeError, InvalidTag) as exc:
        raise SiteKeyError(f"{entity} {uuid}：无法用本站点密钥解开（密钥不同或内容被改动）") from exc
    if not isinstance(value, dict):
        raise SiteKeyError(f"{entity} {uuid}：加密内容不是一条记录")
    return value


def _derive(code: str, salt: bytes, t: int, m: int, p: int) -> bytes:
    normalized = "".join(code.split()).upper().encode()
    return hash_secret_raw(normalized, salt, time_cost=t, memory_cost=m, parallelism=p, hash_len=32, type=Type.ID)


def wrap(key: bytes, code: str) -> dict[str, Any]:
    """The site key wrapped under an invitation code (Argon2id → AES-256-GCM)."""
    salt = os.urandom(16)
    kek = _derive(code, salt, ARGON2_T, ARGON2_M_KIB, ARGON2_P)
    nonce = os.urandom(NONCE_BYTES)
    box = AESGCM(kek).encrypt(nonce, key, b"gongkai site key")
    return {
        "v": 1,
        "kdf": "argon2id",
        "t": ARGON2_T,
        "m": ARGON2_M_KIB,
        "p": ARGON2_P,
        "salt": base64.b64encode(salt).decode("ascii"),
        "box": base64.b64encode(nonce + box).decode("ascii"),
    }


def unwrap(wrapped: Any, code: str) -> bytes:
    """The site key from an invitation; SiteKeyError for a wrong code or a malformed/hostile wrapping."""
    if not isinstance(wrapped, dict) or wrapped.get("v") != 1 or wrapped.get("kdf") != "argon2id":
        raise SiteKeyError("邀请中的站点密钥格式无效")
    t, m, p = wrapped.get("t"), wrapped.get("m"), wrapped.get("p")
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (t, m, p)):
        raise SiteKeyError("邀请中的站点密钥参数无效")
    assert isinstance(t, int) and isinstance(m, int) and isinstance(p, int)
    if not (1 <= t <= MAX_T and 8 * p <= m <= MAX_M_KIB and 1 <= p <= MAX_P):
        raise SiteKeyError("邀请中的站点密钥参数超出允许范围")
    try:
        salt = base64.b64decode(str(wrapped["salt"]), validate=True)
        raw = base64.b64decode(str(wrapped["box"]), validate=True)
    except (KeyError, ValueError) as exc:
        raise SiteKeyError("邀请中的站点密钥格式无效") from exc
    kek = _derive(code, salt, t, m, p)
    try:
        key = AESGCM(kek).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], b"gongkai site key")
    except (InvalidTag, ValueError) as exc:
        raise SiteKeyError("邀请码不正确，无法取得站点密钥") from exc
    if len(key) != KEY_BYTES:
        raise SiteKeyError("站点密钥长度无效")
    return key
