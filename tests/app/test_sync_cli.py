"""``gongkai sync`` and the SyncService's local side, against the platform in SQLite try-out mode."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli.main import main
from app.context import AppContext
from app.errors import GongkaiError, InputError, PermissionDeniedError
from app.paths import DataPaths
from app.users import Role
from tests.server.support import Platform, notice_payload, start_platform, write


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[Platform]:
    p = start_platform(f"sqlite:///{tmp_path / 'platform.sqlite'}")
    p.add_site("370112-TW")
    yield p
    p.stop()


def test_sync_remembers_the_server_and_reports(
    platform: Platform, data_paths: DataPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    d = ["--data-dir", str(data_paths.root)]
    assert main([*d, "init", "--site-code", "370112-TW", "--site-name", "历城区唐王街道"]) == 0
    ctx = AppContext.open(data_paths)
    write(ctx, "notice", notice_payload(str(uuid.uuid4())))
    ctx.close()
    capsys.readouterr()
    assert main([*d, "sync", "--server", platform.url, "--token", platform.tokens["370112-TW"]]) == 0
    out = capsys.readouterr().out
    assert "推送 1 条（平台接收 1" in out and "同步完成" in out
    assert main([*d, "sync", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pushed"] == 0
    assert main([*d, "sync", "--status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["server_url"] == platform.url and status["queued"] == 0 and status["last_good_sync"]
    assert main([*d, "sync", "--status"]) == 0
    assert "待同步变更：0 条" in capsys.readouterr().out


def test_sync_failures_exit_2_with_a_reason(
    platform: Platform, data_paths: DataPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    d = ["--data-dir", str(data_paths.root)]
    main([*d, "init", "--site-code", "370112-TW", "--site-name", "历城区唐王街道"])
    assert main([*d, "sync"]) == 2
    assert "尚未配置同步" in capsys.readouterr().err
    assert main([*d, "sync", "--server", platform.url, "--token", "wrong"]) == 2
    assert "令牌" in capsys.readouterr().err
    assert main([*d, "sync", "--server", "ftp://x", "--token", "t"]) == 2
    assert main([*d, "sync", "--server", platform.url]) == 2


def test_service_local_side(ctx: AppContext) -> None:
    status = ctx.sync.status()
    assert not status.configured and status.queued == 0 and status.last_good_sync is None
    with pytest.raises(GongkaiError, match="尚未配置"):
        ctx.sync.run_once()
    with pytest.raises(InputError, match="同步服务器地址"):
        ctx.sync.configure("gk.example.gov.cn", "token")
    with pytest.raises(InputError, match="设备令牌"):
        ctx.sync.configure("https://gk.example.gov.cn", " ")
    with pytest.raises(ValueError, match="unknown bucket"):
        ctx.sync.register_applier("nonsense", lambda rows: None)
    write(ctx, "notice", notice_payload(str(uuid.uuid4())))
    ctx.clock.advance(hours=5)  # type: ignore[attr-defined]
    status = ctx.sync.status()
    assert status.queued == 1 and status.oldest_queued_age_seconds is not None
    [item] = ctx.sync.queue()
    assert item.title.startswith("关于2025年第三季度")


def test_resolving_needs_a_clerk(ctx: AppContext) -> None:
    viewer = ctx.users.add("reviewer3", frozenset({Role.FINAL_REVIEWER}), "gongkai123")
    with pytest.raises(PermissionDeniedError):
        ctx.sync.resolve("no-such", "mine", actor=viewer)
