"""The city's policy library on the platform: publish documents and interpretations to every site, mark
documents 废止/失效/已修订, and find a document for its public page.

Documents and interpretations are rows of the global ``policy_library`` bucket (every site pulls them);
their files are public blobs by SHA-256. A document's text is read by each site from the original file
(the site has the extraction code; the platform stays small), so the platform stores a ``.txt`` file's
text only. A site's own documents arrive through its pushes (``site_records``) and are shown on the same
public page.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid as uuid_mod
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

import app.sync.wire as wire
from server.models import Blob, BucketRow
from server.ownership import owner_row
from server.store import iso, lock_counter, put_row, utcnow

VALIDITIES = {"valid": "有效", "expired": "失效", "repealed": "废止", "revised": "已修订"}
FORMS = {"text": "文字解读", "graphic": "图解", "qa": "问答", "video": "视频", "demonstration": "现场演示"}
_KINDS = {".pdf": "pdf", ".jpg": "image", ".jpeg": "image", ".png": "image", ".gif": "image", ".webp": "image",
          ".mp4": "video", ".webm": "video", ".mov": "video", ".docx": "document", ".txt": "document"}  # fmt: skip
#: Files a document's text can be read from (by the sites).
TEXT_SUFFIXES = (".pdf", ".docx", ".txt")


class PolicyAdminError(Exception):
    """A user-facing problem with a library command (Chinese, naming the input)."""


@dataclass(frozen=True)
class DocumentMeta:
    title: str
    doc_number: str = ""
    issuer: str = ""
    written_on: str = ""
    published_on: str = ""
    effective_on: str = ""
    domain: str = ""
    keywords: tuple[str, ...] = ()


def _date(value: str, label: str) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise PolicyAdminError(f"{label}：应为 YYYY-MM-DD，实为“{value}”") from None


def _read(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PolicyAdminError(f"{path}：无法读取（{exc.strerror or exc}）") from None
    if len(data) > wire.MAX_BLOB_BYTES:
        raise PolicyAdminError(f"{path.name}：超过 {wire.MAX_BLOB_BYTES >> 20} MB 的附件上限")
    return data


def _store_public(session: Session, data: bytes) -> str:
    sha = wire.sha256_hex(data)
    blob = session.get(Blob, sha)
    if blob is None:
        session.add(Blob(sha256=sha, size=len(data), data=data, public=True))
    else:
        blob.public = True
    return sha


def _file_entry(path: Path, sha: str, size: int) -> dict[str, Any]:
    return {
        "name": path.name,
        "kind": _KINDS.get(path.suffix.lower(), "other"),
        "sha256": sha,
        "size": size,
        "pages": 0,
    }


def _row(session: Session, key: str) -> BucketRow | None:
    return session.execute(
        select(BucketRow).where(
            BucketRow.bucket == wire.BUCKET_POLICIES, BucketRow.scope == "", BucketRow.key == key
        )
    ).scalar_one_or_none()


def public_base(base_url: str) -> str:
    return base_url.rstrip("/")


def publish_document(
    factory: sessionmaker[Session],
    path: Path,
    meta: DocumentMeta,
    *,
    attachments: tuple[Path, ...] = (),
    base_url: str = "",
    document_uuid: str = "",
) -> dict[str, Any]:
    """Publish (or, with ``document_uuid``, republish) a document with its original file to every site."""
    if not meta.title.strip():
        raise PolicyAdminError("--title：不能为空")
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise PolicyAdminError(f"{path.name}：原件应为 .pdf、.docx 或 .txt")
    data = _read(path)
    files = [(p, _read(p)) for p in attachments]
    uuid = document_uuid or str(uuid_mod.uuid4())
    record: dict[str, Any] = {
        "uuid": uuid,
        "title": " ".join(meta.title.split()),
        "doc_number": "".join(meta.doc_number.split()),
        "issuer": meta.issuer.strip(),
        "written_on": _date(meta.written_on, "--written-on"),
        "published_on": _date(meta.published_on, "--published-on") or dt.date.today().isoformat(),
        "effective_on": _date(meta.effective_on, "--effective-on"),
        "validity": "valid",
        "validity_on": None,
        "replaced_by": "",
        "domain": meta.domain.strip(),
        "keywords": [k for k in meta.keywords if k.strip()],
        "public_url": f"{public_base(base_url)}/d/{uuid}" if base_url else "",
        "platform_published_at": iso(utcnow()),
    }
    if path.suffix.lower() == ".txt":
        record["body"] = data.decode("utf-8-sig", errors="replace")[:600_000]
    with factory() as session, session.begin():
        counter = lock_counter(session)
        existing = _row(session, uuid)
        if document_uuid and existing is None:
            raise PolicyAdminError(f"--uuid：平台文件库中没有 {document_uuid}")
        if existing is not None:
            old = json.loads(existing.data)
            record["validity"], record["validity_on"] = old.get("validity", "valid"), old.get("validity_on")
            record["replaced_by"] = old.get("replaced_by", "")
        sha = _store_public(session, data)
        record["source"] = {"name": path.name, "sha256": sha, "pages": 0}
        record["attachments"] = [_file_entry(p, _store_public(session, d), len(d)) for p, d in files]
        record["blob_refs"] = [sha, *(a["sha256"] for a in record["attachments"])]
        put_row(session, counter, bucket=wire.BUCKET_POLICIES, scope="", key=uuid, entity=wire.POLICY_DOCUMENT,
                entity_uuid=uuid, data=record, existing=existing, looked_up=True)  # fmt: skip
    return record


def publish_interpretation(
    factory: sessionmaker[Session],
    document_uuid: str,
    form: str,
    title: str,
    *,
    text: str = "",
    qa: tuple[tuple[str, str], ...] = (),
    files: tuple[Path, ...] = (),
    issuer: str = "",
) -> dict[str, Any]:
    """Publish an interpretation of a library document to every site."""
    if form not in FORMS:
        raise PolicyAdminError(f"--form：应为 {'、'.join(FORMS)} 之一，实为“{form}”")
    if not title.strip():
        raise PolicyAdminError("--title：不能为空")
    if form in ("graphic", "video") and not files:
        raise PolicyAdminError(f"--file：{FORMS[form]}应附上文件")
    loaded = [(p, _read(p)) for p in files]
    uuid = str(uuid_mod.uuid4())
    with factory() as session, session.begin():
        counter = lock_counter(session)
        if _row(session, document_uuid) is None:
            raise PolicyAdminError(f"平台文件库中没有文件 {document_uuid}（解读应关联已发布的文件）")
        attachments = [_file_entry(p, _store_public(session, d), len(d)) for p, d in loaded]
        record = {
            "uuid": uuid,
            "document_uuid": document_uuid,
            "form": form,
            "title": title.strip(),
            "body": text.strip(),
            "qa": [{"question": q, "answer": a} for q, a in qa],
            "issuer": issuer.strip(),
            "published_on": dt.date.today().isoformat(),
            "attachments": attachments,
            "blob_refs": [a["sha256"] for a in attachments],
        }
        put_row(session, counter, bucket=wire.BUCKET_POLICIES, scope="", key=f"{document_uuid}/{uuid}",
                entity=wire.POLICY_INTERPRETATION, entity_uuid=uuid, data=record)  # fmt: skip
    return record


def retire_document(
    factory: sessionmaker[Session],
    document_uuid: str,
    *,
    validity: str = "repealed",
    on: str = "",
    replaced_by: str = "",
) -> dict[str, Any]:
    """Mark a library document 废止 (失效, 已修订) from a date: every site follows at its next sync."""
    if validity not in ("repealed", "expired", "revised"):
        raise PolicyAdminError(f"--validity：应为 repealed、expired 或 revised，实为“{validity}”")
    day = _date(on, "--on") or dt.date.today().isoformat()
    with factory() as session, session.begin():
        counter = lock_counter(session)
        row = _row(session, document_uuid)
        if row is None:
            raise PolicyAdminError(f"平台文件库中没有文件 {document_uuid}")
        if replaced_by and _row(session, replaced_by) is None:
            raise PolicyAdminError(f"--replaced-by：平台文件库中没有文件 {replaced_by}")
        data = json.loads(row.data)
        if data.get("validity", "valid") != "valid":
            raise PolicyAdminError(
                f"这份文件已于 {data.get('validity_on')} 标记为{VALIDITIES.get(data['validity'], '')}"
            )
        data.update(validity=validity, validity_on=day, replaced_by=replaced_by)
        put_row(session, counter, bucket=wire.BUCKET_POLICIES, scope="", key=document_uuid,
                entity=wire.POLICY_DOCUMENT, entity_uuid=document_uuid, data=data, existing=row, looked_up=True)  # fmt: skip
    return data


def list_documents(factory: sessionmaker[Session]) -> list[dict[str, Any]]:
    with factory() as session:
        rows = session.execute(
            select(BucketRow)
            .where(
                BucketRow.bucket == wire.BUCKET_POLICIES,
                BucketRow.entity == wire.POLICY_DOCUMENT,
                BucketRow.deleted.is_(False),
            )
            .order_by(BucketRow.server_seq)
        ).scalars()
        return [json.loads(r.data) for r in rows]


# -- what the public page reads -----------------------------------------------------------------------


def find_document(session: Session, uuid: str) -> tuple[dict[str, Any], bool] | None:
    """A document's data and whether it came from the platform's library (else a site's push)."""
    row = _row(session, uuid)
    if row is not None and not row.deleted:
        return json.loads(row.data), True
    owned = owner_row(session, uuid)
    if owned is not None and owned.entity == wire.POLICY_DOCUMENT and not owned.deleted:
        return json.loads(owned.data), False
    return None


def interpretations_of(session: Session, uuid: str, from_library: bool) -> list[dict[str, Any]]:
    if from_library:
        query = select(BucketRow).where(
            BucketRow.bucket == wire.BUCKET_POLICIES,
            BucketRow.entity == wire.POLICY_INTERPRETATION,
            BucketRow.key.startswith(f"{uuid}/"),
            BucketRow.deleted.is_(False),
        )
    else:
        query = select(BucketRow).where(
            BucketRow.bucket == wire.BUCKET_SITE,
            BucketRow.entity == wire.POLICY_INTERPRETATION,
            BucketRow.data.contains(uuid),
            BucketRow.deleted.is_(False),
        )
    out = []
    for row in session.execute(query.order_by(BucketRow.id)).scalars():
        data = json.loads(row.data)
        if isinstance(data, dict) and data.get("document_uuid") == uuid:
            out.append(data)
    return out


def file_of(session: Session, uuid: str, sha: str) -> tuple[bytes, str] | None:
    """A file of a published document (its original or an attachment, or an interpretation's)."""
    found = find_document(session, uuid)
    if found is None:
        return None
    data, from_library = found
    entries: list[dict[str, Any]] = []
    if isinstance(data.get("source"), dict):
        entries.append(data["source"])
    for item in [data, *interpretations_of(session, uuid, from_library)]:
        attachments = item.get("attachments")
        entries.extend(
            a for a in (attachments if isinstance(attachments, list) else []) if isinstance(a, dict)
        )
    entry = next((e for e in entries if e.get("sha256") == sha), None)
    blob = session.get(Blob, sha) if entry is not None else None
    if blob is None or entry is None:
        return None
    return blob.data, str(entry.get("name") or "file")
