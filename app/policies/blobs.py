"""Files of the policy library by content: ``DATA/blobs/<sha256>``.

The same layout the sync service uploads from (``SyncService.store_blob``), so a site's own document
can list its files under ``blob_refs`` and they reach the platform before the record does. A file
stored twice takes no extra space and its name on disk reveals nothing about it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from app.errors import InputError, NotFoundError

_CHUNK = 1024 * 1024


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as src:
        while chunk := src.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class BlobStore:
    """Put and find files by SHA-256 under one folder (atomic writes: a crash leaves no half file)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha: str) -> Path:
        if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
            raise NotFoundError(f"附件编号无效：{sha[:16]}")
        return self.root / sha

    def exists(self, sha: str) -> bool:
        return self.path(sha).is_file()

    def read(self, sha: str) -> bytes:
        path = self.path(sha)
        if not path.is_file():
            raise NotFoundError(f"本机没有附件 {sha[:12]}（可能尚未从市级平台同步）")
        return path.read_bytes()

    def put_bytes(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        target = self.path(sha)
        if not target.exists():
            self.root.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.root, suffix=".part")
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, target)
        return sha

    def put_file(self, source: Path, *, max_bytes: int) -> tuple[str, int]:
        """Copy ``source`` in (streamed, hashed on the way); returns (sha256, size)."""
        size = source.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{source.name}：文件有 {size / 1024 / 1024:.0f} MB，超过上限 {max_bytes // 1024 // 1024} MB"
            )
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        fd, tmp = tempfile.mkstemp(dir=self.root, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                while chunk := src.read(_CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
            sha = digest.hexdigest()
            target = self.path(sha)
            if target.exists():
                os.unlink(tmp)
            else:
                os.replace(tmp, target)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
        return sha, size

    def copy_out(self, sha: str, target: Path) -> None:
        shutil.copyfile(self.path(sha), target)
