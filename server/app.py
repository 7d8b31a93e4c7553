"""The FastAPI application of the reference city platform: sync endpoints plus public pages."""

from __future__ import annotations

import os
from collections.abc import Callable

from fastapi import FastAPI
from fastapi.responses import PlainTextResponse
from sqlalchemy.orm import sessionmaker

from server import pages, sync_api
from server.store import init_db, make_engine


def create_app(db_url: str, *, after_commit: Callable[[str], None] | None = None) -> FastAPI:
    """Build the app over ``db_url`` (tables created on an empty database).

    ``after_commit`` is a fault-injection point for tests only (called after a push has committed
    and before its answer is sent); production never passes it.
    """
    engine = make_engine(db_url)
    init_db(engine)
    app = FastAPI(title="市级政务公开平台（参考实现）", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.engine = engine
    app.state.sessions = sessionmaker(engine, expire_on_commit=False)
    app.state.after_commit = after_commit
    app.include_router(sync_api.router)
    app.include_router(pages.router)

    @app.get("/healthz", response_class=PlainTextResponse)
    def healthz() -> str:
        return "ok"

    return app


def from_environment() -> FastAPI:
    """The app over ``GONGKAI_SERVER_DB``: what each uvicorn worker process builds (``--factory``)."""
    url = os.environ.get("GONGKAI_SERVER_DB")
    if not url:
        raise RuntimeError("GONGKAI_SERVER_DB is not set (see docs/platform-service.md)")
    return create_app(url)
