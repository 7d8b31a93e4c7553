"""Validation models for the sync request bodies (pydantic, strict types, bounded sizes).

The envelope of a request is checked here: a client that sends a string where a number belongs, a
sequence number of 10**30, an op id that is not a UUID or more ops than a batch may hold gets a 400
naming the field. What is inside an op's payload is checked per op in ``server.push`` so that one
bad record is refused as that record and the rest of the batch goes on (the workstation shows the
refusal; nothing later is held up).
"""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

from fastapi import HTTPException
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

import app.sync.wire as wire

UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"

Uuid = Annotated[str, StringConstraints(pattern=UUID_PATTERN)]
Sha256 = Annotated[str, StringConstraints(pattern=SHA256_PATTERN)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=64)]
Seq = Annotated[int, Field(ge=1, le=wire.MAX_SAFE_INT)]
Version = Annotated[int, Field(ge=0, le=wire.MAX_SAFE_INT)]

_M = TypeVar("_M", bound=BaseModel)


class _Strict(BaseModel):
    # Unknown fields are ignored (a newer client may send more); types are not coerced.
    model_config = ConfigDict(strict=True, extra="ignore", frozen=True, allow_inf_nan=False)


class PushOpIn(_Strict):
    op_id: Uuid
    seq: Seq
    entity: Name
    entity_uuid: Uuid
    op: Name
    payload: dict[str, Any]
    payload_sha256: Sha256
    base_version: Version | None = None
    device_time: Annotated[str, StringConstraints(max_length=40, pattern=r"^[0-9T:+\-. Z]*$")] = ""
    clock_suspect: bool = False
    blob_refs: Annotated[list[Sha256], Field(max_length=64)] = []

    def to_wire(self) -> wire.PushOp:
        return wire.PushOp(
            op_id=self.op_id,
            seq=self.seq,
            entity=self.entity,
            entity_uuid=self.entity_uuid,
            op=self.op,
            payload=self.payload,
            payload_sha256=self.payload_sha256,
            base_version=self.base_version,
            device_time=self.device_time,
            clock_suspect=self.clock_suspect,
            blob_refs=list(self.blob_refs),
        )


class PushIn(_Strict):
    device_id: Uuid
    protocol: Annotated[int, Field(ge=0, le=10_000)]
    ops: Annotated[list[PushOpIn], Field(max_length=2 * wire.PUSH_BATCH)]

    def to_wire(self) -> wire.PushRequest:
        return wire.PushRequest(self.device_id, self.protocol, [op.to_wire() for op in self.ops])


class BucketIn(_Strict):
    name: Name
    cursor: Annotated[str, StringConstraints(max_length=512)] = ""


class PullIn(_Strict):
    buckets: Annotated[list[BucketIn], Field(max_length=len(wire.BUCKETS))]
    # Out-of-range integers are clamped to [1, 2000] (as before); non-integers are refused.
    limit: Annotated[int, Field(ge=-wire.MAX_SAFE_INT, le=wire.MAX_SAFE_INT)] = wire.PULL_LIMIT


class StatusIn(BaseModel):
    """A workstation's monitoring report: its device id plus whatever it counts (kept as sent)."""

    model_config = ConfigDict(strict=True, extra="allow", frozen=True)
    device_id: Annotated[str, StringConstraints(max_length=64)] = ""


class NumbersIn(BaseModel):
    """A device asks for a block of the numbers people see (docs/sync-replication.md,
    "Number allocation"): ``count`` numbers of ``series`` in ``year``, none below ``at_least``."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)
    series: Annotated[str, StringConstraints(pattern=r"^[a-z_]{1,32}$")]
    year: Annotated[int, Field(ge=2000, le=2999)]
    count: Annotated[int, Field(ge=1, le=wire.MAX_NUMBER_BLOCK)]
    at_least: Annotated[int, Field(ge=1, le=wire.MAX_NUMBER)] = 1


def validate(model: type[_M], data: Any, what: str) -> _M:
    """``model`` from parsed JSON, or HTTPException(400) naming the first wrong field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise HTTPException(400, f"{what}：{describe(exc)}") from None


def describe(exc: ValidationError) -> str:
    """The first error of a validation in one line, without echoing the (possibly huge) input."""
    errors = exc.errors(include_url=False, include_input=False)
    if not errors:
        return "格式错误"
    first = errors[0]
    where = ".".join(str(p) for p in first["loc"]) or "请求"
    more = f"（另有 {len(errors) - 1} 处）" if len(errors) > 1 else ""
    return f"字段 {where}：{first['msg']}{more}"[:300]


class EnrolIn(_Strict):
    """``POST /enrol`` (site token): this PC's device id and a name people recognise."""

    device_id: Uuid
    name: Annotated[str, StringConstraints(max_length=100)] = ""


class InviteIn(_Strict):
    """``POST /invitations``: the code's SHA-256 (never the code) and the site key wrapped under it."""

    code_sha256: Sha256
    kind: Annotated[str, StringConstraints(pattern=r"^(staff|display)$")]
    wrapped_key: Annotated[str, StringConstraints(min_length=1, max_length=4096)]


class JoinIn(_Strict):
    """``POST /join`` (no token): the code's SHA-256 and the new PC's device id and name."""

    code_sha256: Sha256
    device_id: Uuid
    name: Annotated[str, StringConstraints(max_length=100)] = ""


class RevokeIn(_Strict):
    reason: Annotated[str, StringConstraints(max_length=200)] = ""
