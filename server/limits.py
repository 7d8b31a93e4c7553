"""Limits before work: request bodies are read only after the token is checked, and only up to a
bound; JSON is parsed by a parser with a nesting limit and then checked for what parsers let
through (infinite numbers, huge integers, lone surrogates).

The figures are in ``app/sync/wire.py`` (shared with the workstation) and documented in
docs/limits.md. Every refusal is a 4xx with a Chinese message naming the limit.
"""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException, Request
from pydantic_core import from_json

import app.sync.wire as wire

#: What jiter (pydantic's JSON parser) refuses beyond, long before Python's stack is at risk; the
#: request models and ``wire.json_problem`` apply the tighter per-field bounds after parsing.
PARSER_DEPTH = 200


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"请求内容超过上限 {_size(limit)}，平台未处理")


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def declared_length(request: Request, limit: int) -> int | None:
    """The Content-Length, refused at once when it is over ``limit`` (nothing is read)."""
    raw = request.headers.get("content-length")
    if raw is None:
        return None
    if not raw.isdigit() or len(raw) > 18:
        raise HTTPException(400, "Content-Length 应为非负整数")
    length = int(raw)
    if length > limit:
        raise BodyTooLarge(limit)
    return length


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, at most ``limit`` bytes: refused by Content-Length before reading, and
    while streaming when the client sends more than it declared (or declares nothing)."""
    declared_length(request, limit)
    parts: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge(limit)
        parts.append(chunk)
    return b"".join(parts)


def parse_json(raw: bytes, what: str, *, max_depth: int | None = wire.MAX_JSON_DEPTH) -> Any:
    """Parse untrusted JSON, raising HTTPException(400) naming ``what``.

    The parser refuses ``NaN``/``Infinity`` literals, lone surrogates and nesting beyond
    PARSER_DEPTH. With ``max_depth`` the whole value is also held to ``wire.json_problem`` (depth,
    finite numbers, safe integers); a push passes None because its payloads are checked one by one,
    so a bad payload is refused as that op (the rest of the batch goes on) rather than as the batch.
    """
    if not raw.strip():
        raise HTTPException(400, f"{what}：请求内容为空，应为 JSON")
    try:
        value = from_json(raw, allow_inf_nan=False)
    except ValueError as exc:
        raise HTTPException(400, f"{what}：不是有效的 JSON（{_short(str(exc))}）") from None
    if max_depth is not None:
        problem = wire.json_problem(value, max_depth)
        if problem:
            raise HTTPException(400, f"{what}：{problem}")
    return value


def _short(text: str) -> str:
    return text if len(text) <= 120 else text[:117] + "…"
