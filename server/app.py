"""The FastAPI application of the reference city platform: sync endpoints plus public pages."""

from __future__ import annotations

import os
from collections.abc import Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse
from sqlalchemy.orm import sessionmaker
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server import devices_api, pages, policy_pages, sync_api
from server.store import init_db, make_engine

#: The public address for worker processes (set by ``serve --public-url``).
ENV_PUBLIC_URL = "GONGKAI_PUBLIC_URL"


class SecurityHeaders:
    """Adds the usual security headers to every answer (pure ASGI: no body buffering).

    The public pages have no scripts, frames, forms or outside resources, so the
    Content-Security-Policy allows only their one inline stylesheet (by hash) and images from the
    platform itself. HSTS belongs to the TLS-terminating proxy in front of the platform.
    """

    HEADERS = {
        "Content-Security-Policy": pages.CSP,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    }

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _invalid_request(_request: Request, exc: Exception) -> JSONResponse:
    """A path, query or header that fails its declared type: 400 with the field, never the input."""
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    first = errors[0] if errors else {"loc": (), "msg": "格式错误"}
    where = ".".join(str(p) for p in first.get("loc", ())) or "请求"
    return JSONResponse(
        {"detail": f"请求格式错误：字段 {where}：{first.get('msg', '')}"[:300]}, status_code=400
    )


def create_app(
    db_url: str, *, after_commit: Callable[[str], None] | None = None, public_url: str = ""
) -> FastAPI:
    """Build the app over ``db_url`` (tables created on an empty database).

    ``public_url`` is the address of the public pages announced to devices (``serve --public-url``);
    empty means the address a request reached.

    ``after_commit`` is a fault-injection point for tests only (called after a push has committed
    and before its answer is sent); production never passes it.
    """
    engine = make_engine(db_url)
    init_db(engine)
    app = FastAPI(title="市级政务公开平台（参考实现）", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.engine = engine
    app.state.sessions = sessionmaker(engine, expire_on_commit=False)
    app.state.after_commit = after_commit
    app.state.public_url = public_url.rstrip("/")
    app.include_router(sync_api.router)
    app.include_router(devices_api.router)
    app.include_router(pages.router)
    app.include_router(policy_pages.router)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_middleware(SecurityHeaders)

    @app.get("/healthz", response_class=PlainTextResponse)
    def healthz() -> str:
        return "ok"

    return app


def from_environment() -> FastAPI:
    """The app over ``GONGKAI_SERVER_DB``: what each uvicorn worker process builds (``--factory``)."""
    url = os.environ.get("GONGKAI_SERVER_DB")
    if not url:
        raise RuntimeError("GONGKAI_SERVER_DB is not set (see docs/platform-service.md)")
    return create_app(url, public_url=os.environ.get(ENV_PUBLIC_URL, ""))
