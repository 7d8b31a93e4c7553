"""``gongkai join``: make this PC a device of a site from an empty data directory.

Steps: redeem the invitation code on the platform (its answer has this PC's token, its kind, the
site's code and name, and the site key wrapped under the code), unwrap the site key, create the
database as ``gongkai init`` does (site details from the platform), store the credential, then sync
until a round receives nothing more. Everything is built in ``DATA/.joining`` and moved into place
only at the end, the database last, so a failure or a kill leaves the data directory as empty as it
was and a rerun starts afresh (the platform lets the same code redeem again for the same PC: the
device id is derived from the code, server/devices.py).
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from app.errors import GongkaiError, InputError
from app.paths import DataPaths
from app.sync import sitekey, store
from app.sync.client import PlatformClient
from app.sync.devices import normalise_code, redeem
from app.uow import transaction

log = logging.getLogger(__name__)

STAGING = ".joining"
#: What a data directory may hold and still count as empty: what any command (logs) or an
#: interrupted join leaves behind, without a database.
EMPTY_ENOUGH = {"logs", STAGING, "backups", "output", "blobs", "gongkai.sqlite-wal", "gongkai.sqlite-shm"}
MAX_ROUNDS = 20


@dataclass(frozen=True)
class Joined:
    site_code: str
    site_name: str
    device_id: str
    kind: str
    received: int


def _check_empty(paths: DataPaths) -> None:
    if paths.database.exists():
        raise GongkaiError(
            f"数据目录 {paths.root} 已有数据库：gongkai join 只能在空的数据目录上运行（无需先 init）"
        )
    if paths.root.exists():
        extra = sorted(p.name for p in paths.root.iterdir() if p.name not in EMPTY_ENOUGH)
        if extra:
            raise GongkaiError(f"数据目录 {paths.root} 不是空的（有 {'、'.join(extra[:5])}）：请换一个空目录")


def join(
    paths: DataPaths,
    url: str,
    code: str,
    *,
    progress: Callable[[int], None] | None = None,
    transport: Any = None,
    retry_delays: tuple[float, ...] | None = None,
) -> Joined:
    """Join the site that invited this PC; see the module docstring. Raises GongkaiError."""
    from app.bootstrap import initialise
    from app.context import AppContext

    url = url.strip().rstrip("/")
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise InputError(f"--server：应为 http:// 或 https:// 开头的网址，实为“{url}”")
    normal = normalise_code(code)
    _check_empty(paths)
    staging = DataPaths(paths.root / STAGING)
    shutil.rmtree(staging.root, ignore_errors=True)  # what an interrupted join left
    try:
        answer = redeem(url, normal, transport=transport)
        ctx = AppContext.open(staging)
        try:
            initialise(ctx, str(answer["site_code"]), str(answer["site_name"]))
            with transaction(ctx.session_factory) as session:
                ctx.settings.set("sync_server_url", url, session)
                ctx.settings.set("sync_token", str(answer["device_token"]), session)
                kind = str(answer.get("device_kind", "staff"))
                ctx.settings.set("sync_device_kind", kind, session)
                if kind != "display":
                    # The hall's kiosk PC is a public machine: it never holds the key that opens
                    # the site's sealed records (it receives display views only).
                    ctx.settings.set("sync_site_key", sitekey.encode_key(answer["site_key"]), session)
                store.begin_write(session).device_id = str(answer["device_id"])
            ctx.sync.transport = transport
            if retry_delays is not None:
                ctx.sync.retry_delays = retry_delays
            received = 0

            def counted(n: int) -> None:
                if progress is not None:
                    progress(received + n)

            ctx.sync.on_pulled = counted
            for _ in range(MAX_ROUNDS):
                report = ctx.sync.run_once()
                if not report.ok:
                    raise GongkaiError("加入未完成：" + "；".join(report.errors))
                received += report.pulled
                if report.pulled == 0:
                    break
        finally:
            ctx.close()
        _move_into_place(staging.root, paths.root)
    except BaseException:
        shutil.rmtree(staging.root, ignore_errors=True)
        raise
    # Used up only now: until here a rerun of an interrupted join could redeem the code again.
    with PlatformClient(
        url, str(answer["device_token"]), str(answer["device_id"]), transport=transport
    ) as client:
        client.json("POST", "/join/confirm", {})
    return Joined(
        str(answer["site_code"]),
        str(answer["site_name"]),
        str(answer["device_id"]),
        str(answer.get("device_kind", "staff")),
        received,
    )


def _move_into_place(staging: Path, root: Path) -> None:
    """Everything but the database first, the database last (its presence means "joined")."""
    database = "gongkai.sqlite"
    for item in sorted(staging.iterdir(), key=lambda p: p.name == database):
        _merge(item, root / item.name)
    shutil.rmtree(staging, ignore_errors=True)


def _merge(src: Path, dst: Path) -> None:
    if src.is_dir() and dst.is_dir():
        for child in src.iterdir():
            _merge(child, dst / child.name)
        return
    os.replace(src, dst)
