"""The HTTP side of sync: one request with checks and bounded retries.

A timeout, a dropped connection, a 5xx, a truncated body or a body whose SHA-256 does not match
``X-Body-SHA256`` all mean "outcome unknown": the same request is sent again (every request is
idempotent). Other 4xx answers are final and raised as ``ServerRefused``.
"""

from __future__ import annotations

import functools
import json
import logging
import ssl
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from app.errors import GongkaiError
from app.sync import wire

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)


@functools.cache
def _tls() -> ssl.SSLContext:
    """The system's trust store, loaded once: loading it costs ~0.1 s, more than a no-change round."""
    return ssl.create_default_context()


class SyncUnavailable(GongkaiError):
    """The platform could not be reached or answered unusably after the retries."""


class ServerRefused(GongkaiError):
    """The platform answered with a definite refusal (bad token, too-old client, bad request)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class PlatformClient:
    """Talks to one platform with one device token."""

    def __init__(
        self,
        base_url: str,
        token: str,
        device_id: str,
        *,
        transport: httpx.BaseTransport | None = None,
        retry_delays: Sequence[float] = (0.2, 0.6, 1.5),
        timeout: float = 30.0,
    ) -> None:
        # httpx (and with it asyncio and ssl's helpers) is imported when a client is made, not when
        # this module is: Today reads the sync status through SyncService on every load, and the
        # command line's ``gongkai today`` should not wait for the network library.
        import httpx

        self._http = httpx.Client(
            base_url=base_url.rstrip("/"),
            transport=transport,
            verify=_tls(),
            timeout=timeout,
            # No token: ``/join``, where the invitation code's SHA-256 is the proof.
            headers={wire.AUTH_HEADER: f"Bearer {token}", wire.DEVICE_HEADER: device_id}
            if token
            else {wire.DEVICE_HEADER: device_id},
        )
        self._delays = list(retry_delays)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> PlatformClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def json(self, method: str, path: str, body: Any = None, params: dict[str, Any] | None = None) -> Any:
        """Send, verify, decode; retried while the outcome is unknown."""
        import httpx  # already loaded by __init__; a local name for the except clause

        content = wire.canonical_json(body) if body is not None else None
        headers = {"Content-Type": "application/json"} if content is not None else None
        last = ""
        for attempt in range(len(self._delays) + 1):
            if attempt:
                time.sleep(self._delays[attempt - 1])
            try:
                response = self._http.request(
                    method, wire.API_PREFIX + path, content=content, params=params, headers=headers
                )
                raw = response.read()
            except httpx.TransportError as exc:
                last = f"网络错误：{type(exc).__name__}"
                log.info("sync %s %s: %s (attempt %d)", method, path, exc, attempt + 1)
                continue
            if response.status_code >= 500:
                last = f"平台暂时出错（HTTP {response.status_code}）"
                continue
            if response.status_code >= 400:
                raise ServerRefused(response.status_code, _detail(response.status_code, raw))
            expected = response.headers.get(wire.BODY_SHA_HEADER)
            if expected and wire.sha256_hex(raw) != expected:
                last = "平台的回应不完整或已损坏"
                log.info("sync %s %s: body checksum mismatch (attempt %d)", method, path, attempt + 1)
                continue
            try:
                return json.loads(raw)
            except ValueError:
                last = "平台的回应不是有效的 JSON"
                continue
        raise SyncUnavailable(f"无法与市级平台同步：{last}")

    def request_raw(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """A request whose status the caller interprets (blobs); transport errors retried."""
        import httpx  # already loaded by __init__; a local name for the except clause

        last = ""
        for attempt in range(len(self._delays) + 1):
            if attempt:
                time.sleep(self._delays[attempt - 1])
            try:
                response = self._http.request(method, wire.API_PREFIX + path, **kwargs)
                response.read()
            except httpx.TransportError as exc:
                last = f"网络错误：{type(exc).__name__}"
                continue
            if response.status_code >= 500:
                last = f"平台暂时出错（HTTP {response.status_code}）"
                continue
            if response.status_code in (401, 403, 426):
                raise ServerRefused(response.status_code, _detail(response.status_code, response.content))
            return response
        raise SyncUnavailable(f"无法与市级平台同步：{last}")


def _detail(status: int, raw: bytes) -> str:
    try:
        detail = json.loads(raw).get("detail", "")
    except (ValueError, AttributeError):
        detail = ""
    if status == 401:
        return f"市级平台拒绝了设备令牌：{detail or '令牌无效'}（请在同步设置中核对令牌）"
    if status == 403 and detail:
        return detail  # e.g. this PC's credential was revoked: the platform's sentence says when and why
    if status == 426:
        return f"本程序版本过旧，平台要求升级：{detail}（待同步的记录保留在本机，不会丢失）"
    return f"市级平台拒绝了请求（HTTP {status}）：{detail}"
