"""Encrypted backup files: AES-256-GCM from ``cryptography``, the key derived from a passphrase with
scrypt (memory-hard), the file sealed in 1 MiB chunks so a large database never has to fit in memory.

No cipher of our own: AES-GCM and scrypt are ``cryptography``'s (OpenSSL). What is ours is only the
framing, which follows the STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár 2015, as used by
age and Tink): each chunk has its own nonce = a random 7-byte prefix, a 4-byte chunk counter and a
"last chunk" flag byte, and every chunk authenticates the whole header. So chunks cannot be
reordered, dropped, repeated or cut off at a chunk boundary, and the header (scrypt parameters,
salt) cannot be altered, without the decryption failing.

File layout (docs/security.md, "Encrypted backups")::

    MAGIC (8 bytes) | header length (4 bytes, big-endian) | header (UTF-8 JSON)
    | chunk 0 ciphertext (CHUNK + 16 bytes) | … | last chunk ciphertext (≤ CHUNK + 16 bytes)
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from app.errors import InputError

MAGIC = b"GKBAK1\n\x00"
CHUNK = 1024 * 1024
TAG = 16
#: scrypt cost: N = 2**17, r = 8 (128 MiB of memory, about half a second on a hall PC; RFC 7914 and
#: the OWASP password-storage guidance give N = 2**17 as the interactive-use minimum).
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
#: Bounds on what a file's header may ask for (a hostile header must not make us allocate gigabytes).
MAX_N = 2**20
MAX_R = 16
MAX_P = 4
MIN_PASSPHRASE = 8


class BadPassphraseOrDamaged(InputError):
    """The passphrase is wrong, or the file was altered or cut short (AES-GCM cannot tell which)."""


def is_encrypted(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(len(MAGIC)) == MAGIC


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise InputError(f"口令至少 {MIN_PASSPHRASE} 个字符（请用一句容易记、别人猜不到的话）")


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt  # imported only to back up/restore

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    return prefix + counter.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def encrypt_file(source: Path, target: Path, passphrase: str, *, n: int = SCRYPT_N) -> None:
    """Write ``source`` encrypted to ``target`` (created owner-only)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    check_passphrase(passphrase)
    salt = secrets.token_bytes(16)
    prefix = secrets.token_bytes(7)
    header = json.dumps(
        {
            "format": 1,
            "cipher": "AES-256-GCM",
            "kdf": "scrypt",
            "n": n,
            "r": SCRYPT_R,
            "p": SCRYPT_P,
            "salt": base64.b64encode(salt).decode("ascii"),
            "nonce_prefix": base64.b64encode(prefix).decode("ascii"),
            "chunk": CHUNK,
        },
        sort_keys=True,
    ).encode("utf-8")
    head = MAGIC + len(header).to_bytes(4, "big") + header
    aead = AESGCM(_key(passphrase, salt, n, SCRYPT_R, SCRYPT_P))
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out, source.open("rb") as src:
        out.write(head)
        for counter, (chunk, last) in enumerate(_chunks(src, CHUNK)):
            out.write(aead.encrypt(_nonce(prefix, counter, last), chunk, head))
        out.flush()
        os.fsync(out.fileno())


def decrypt_file(source: Path, target: Path, passphrase: str) -> None:
    """Write the decrypted ``source`` to ``target`` (owner-only); BadPassphraseOrDamaged if the
    passphrase is wrong or the file was altered. ``target`` is removed on failure."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    with source.open("rb") as src:
        head, params = _read_header(src, source)
        aead = AESGCM(_key(passphrase, params["salt"], params["n"], params["r"], params["p"]))
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "wb") as out:
                for counter, (chunk, last) in enumerate(_chunks(src, params["chunk"] + TAG)):
                    try:
                        out.write(aead.decrypt(_nonce(params["prefix"], counter, last), chunk, head))
                    except InvalidTag:
                        raise BadPassphraseOrDamaged(
                            f"{source}：口令不对，或备份文件已损坏、被改动或不完整（无法解密）"
                        ) from None
        except BaseException:
            target.unlink(missing_ok=True)
            raise


def _read_header(src: BinaryIO, where: Path) -> tuple[bytes, dict[str, Any]]:
    magic = src.read(len(MAGIC))
    if magic != MAGIC:
        raise InputError(f"{where}：不是公开专区工作台的加密备份文件")
    size = int.from_bytes(src.read(4), "big")
    if not 0 < size <= 4096:
        raise InputError(f"{where}：加密备份的文件头已损坏")
    header = src.read(size)
    try:
        data = json.loads(header)
        params: dict[str, Any] = {
            "n": int(data["n"]),
            "r": int(data["r"]),
            "p": int(data["p"]),
            "salt": base64.b64decode(data["salt"]),
            "prefix": base64.b64decode(data["nonce_prefix"]),
            "chunk": int(data["chunk"]),
        }
        ok = data.get("format") == 1 and data.get("cipher") == "AES-256-GCM" and data.get("kdf") == "scrypt"
    except (ValueError, KeyError, TypeError):
        raise InputError(f"{where}：加密备份的文件头已损坏") from None
    n, r, p, chunk = params["n"], params["r"], params["p"], params["chunk"]
    if (
        not ok
        or n < 2
        or n & (n - 1)
        or n > MAX_N
        or not 1 <= r <= MAX_R
        or not 1 <= p <= MAX_P
        or not 1 <= chunk <= 16 * CHUNK
        or len(params["prefix"]) != 7
        or len(params["salt"]) < 16
    ):
        raise InputError(f"{where}：加密备份的参数不受支持（可能来自更新的版本，或文件已损坏）")
    return MAGIC + size.to_bytes(4, "big") + header, params


def _chunks(src: BinaryIO, size: int) -> Iterator[tuple[bytes, bool]]:
    """(chunk, is_last) pairs; an empty input is one empty last chunk (so there is always a tag)."""
    current = src.read(size)
    while True:
        following = src.read(size)
        yield current, not following
        if not following:
            return
        current = following
