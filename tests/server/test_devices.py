"""Devices of a site: the site token only enrols; each PC syncs with its own credential; invitations
(one-time, 24 h, the site key wrapped under the code); revocation stops one PC, the others carry on.
A real platform on loopback over real HTTP, on SQLite and on PostgreSQL."""

from __future__ import annotations

import hashlib
import io
import json
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, update

from app.cli.main import main
from app.context import AppContext
from app.paths import DataPaths
from app.sync import sitekey, wire
from app.sync.devices import code_sha256, normalise_code
from app.sync.join import join
from server.app import create_app
from server.cli import main as server_main
from server.models import Device, Invitation, utcnow
from tests.server.support import (
    FAST_RETRIES,
    ClientCrash,
    FaultyTransport,
    Platform,
    Sites,
    ThreadServer,
    new_notice,
    start_platform,
)

SITE = "370112-TW"
PASSWORD = "Admin-Passw0rd!"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_platform(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Platform]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'platform.sqlite'}"
    else:
        url = request.getfixturevalue("pg_url")
    p = start_platform(url)
    p.add_site(SITE, "历城区唐王街道")
    yield p
    p.stop()


def run(argv: list[str], monkeypatch: pytest.MonkeyPatch, stdin: str = "") -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(argv)


def first_pc(root: Path, platform: Platform, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    d = ["--data-dir", str(root)]
    assert run([*d, "init", "--site-code", SITE, "--site-name", "历城区唐王街道", "--admin", "admin"],
               monkeypatch, PASSWORD + "\n") == 0  # fmt: skip
    assert run([*d, "sync", "--server", platform.url, "--token", platform.tokens[SITE]], monkeypatch) == 0
    return d


def test_the_site_token_enrols_and_each_pc_has_its_own_credential(
    any_platform: Platform,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    platform = any_platform
    assert platform.tokens[SITE].startswith("gk1s.")  # never "-": argparse would read an option
    d = first_pc(tmp_path / "pc1", platform, monkeypatch)
    ctx = AppContext.open(DataPaths(tmp_path / "pc1"))
    token = ctx.settings.get("sync_token")
    assert token.startswith(wire.DEVICE_TOKEN_PREFIX) and token != platform.tokens[SITE]
    sitekey.decode_key(ctx.settings.get("sync_site_key"))  # the first PC made the site key
    assert ctx.settings.get("public_base_url") == platform.url  # announced: the address it listens on
    device_id = ctx.sync.status().device_id
    ctx.close()
    with platform.sessions() as s:
        row = s.execute(select(Device).where(Device.device_id == device_id)).scalar_one()
        assert row.token_sha256 == hashlib.sha256(token.encode()).hexdigest() and row.kind == "staff"
    capsys.readouterr()
    assert run([*d, "sync", "--status", "--json"], monkeypatch) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["device_id"] == device_id and status["device_kind"] == "staff"
    # The site token itself no longer syncs: it only enrols.
    site_auth = {"Authorization": f"Bearer {platform.tokens[SITE]}"}
    refused = httpx.get(platform.url + "/sync/v1/hello", headers=site_auth)
    assert refused.status_code == 401 and "只能用来登记" in refused.json()["detail"]
    assert server_main(["--db", platform.db_url, "devices", SITE, "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert listed["device_id"] == device_id and not listed["revoked"]


def test_invite_join_and_revoke(
    any_platform: Platform,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    platform = any_platform
    d1 = first_pc(tmp_path / "pc1", platform, monkeypatch)
    ctx = AppContext.open(DataPaths(tmp_path / "pc1"))
    for _ in range(3):
        new_notice(ctx)
    ctx.close()
    assert run([*d1, "sync"], monkeypatch) == 0
    capsys.readouterr()
    # Only an admin invites; the password comes on stdin; the code is the last word.
    assert run([*d1, "device", "invite", "--user", "admin"], monkeypatch, "wrong\n") == 2
    assert run([*d1, "device", "invite", "--user", "admin"], monkeypatch, PASSWORD + "\n") == 0
    code = capsys.readouterr().out.split()[-1]
    assert len(normalise_code(code)) == 16 and code.count("-") == 3
    with platform.sessions() as s:
        invitation = s.execute(select(Invitation)).scalar_one()
        assert invitation.code_sha256 == code_sha256(code)  # the code itself is never stored
        assert normalise_code(code) not in invitation.wrapped_key
    # The second PC joins from an empty data directory (no init first).
    pc2 = tmp_path / "pc2"
    assert run(["--data-dir", str(pc2), "join", "--server", platform.url, "--code", "AAAA-BBBB-CCCC-DDDD"],
               monkeypatch) == 2  # fmt: skip
    assert "邀请码不正确" in capsys.readouterr().err
    assert not DataPaths(pc2).database.exists()
    assert (
        run(["--data-dir", str(pc2), "join", "--server", platform.url, "--code", code.lower()], monkeypatch)
        == 0
    )
    captured = capsys.readouterr()
    assert "加入站点 370112-TW" in captured.out and "已接收" in captured.err
    joined = AppContext.open(DataPaths(pc2))
    assert joined.sites.get() is not None and joined.sites.get().code == SITE  # type: ignore[union-attr]
    assert joined.settings.get("sync_site_key") == AppContext.open(DataPaths(tmp_path / "pc1")).settings.get(
        "sync_site_key"
    )
    pc2_id = joined.sync.status().device_id
    joined.close()
    # Single use: a third PC cannot use the same code.
    assert run(["--data-dir", str(tmp_path / "pc3"), "join", "--server", platform.url, "--code", code],
               monkeypatch) == 2  # fmt: skip
    assert "只能使用一次" in capsys.readouterr().err
    # Both PCs are listed; revoke the second one from the first.
    assert run([*d1, "device", "list", "--json"], monkeypatch) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {r["device_id"] for r in listed} >= {pc2_id} and sum(r["this_device"] for r in listed) == 1
    assert run([*d1, "device", "revoke", pc2_id, "--user", "admin", "--reason", "电脑报废"], monkeypatch,
               PASSWORD + "\n") == 0  # fmt: skip
    capsys.readouterr()
    d2 = ["--data-dir", str(pc2)]
    assert run([*d2, "sync"], monkeypatch) == 2
    err = capsys.readouterr().err
    assert "已于" in err and "被撤销" in err and "电脑报废" in err
    assert run([*d1, "sync"], monkeypatch) == 0  # the other PC carries on


def test_the_platform_operator_revokes_and_an_invitation_expires(
    any_platform: Platform,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    platform = any_platform
    d1 = first_pc(tmp_path / "pc1", platform, monkeypatch)
    capsys.readouterr()
    assert run([*d1, "device", "invite", "--user", "admin", "--json"], monkeypatch, PASSWORD + "\n") == 0
    code = json.loads(capsys.readouterr().out)["code"]
    with platform.sessions() as s, s.begin():
        s.execute(update(Invitation).values(expires_at=utcnow() - timedelta(minutes=1)))
    assert run(["--data-dir", str(tmp_path / "pc2"), "join", "--server", platform.url, "--code", code],
               monkeypatch) == 2  # fmt: skip
    assert "已过期" in capsys.readouterr().err
    assert not (tmp_path / "pc2" / "gongkai.sqlite").exists()
    ctx = AppContext.open(DataPaths(tmp_path / "pc1"))
    device_id = ctx.sync.status().device_id
    ctx.close()
    assert server_main(["--db", platform.db_url, "revoke", device_id, "--reason", "丢失"]) == 0
    assert server_main(["--db", platform.db_url, "devices", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.split("\n", 1)[1])[0]["revoked"]
    assert run([*d1, "sync"], monkeypatch) == 2
    assert "丢失" in capsys.readouterr().err
    assert server_main(["--db", platform.db_url, "revoke", "00000000-0000-0000-0000-000000000000"]) == 2


def test_a_join_killed_halfway_leaves_the_directory_empty_and_a_rerun_works(
    any_platform: Platform,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    platform = any_platform
    d1 = first_pc(tmp_path / "pc1", platform, monkeypatch)
    ctx = AppContext.open(DataPaths(tmp_path / "pc1"))
    new_notice(ctx)
    ctx.close()
    assert run([*d1, "sync"], monkeypatch) == 0
    capsys.readouterr()
    assert run([*d1, "device", "invite", "--user", "admin", "--json"], monkeypatch, PASSWORD + "\n") == 0
    code = json.loads(capsys.readouterr().out)["code"]
    pc2 = DataPaths(tmp_path / "pc2")
    faulty = FaultyTransport()
    faulty.arm("/pull", "crash_after")  # the process dies after the code was redeemed
    with pytest.raises(ClientCrash):
        join(pc2, platform.url, code, transport=faulty, retry_delays=FAST_RETRIES)
    assert not pc2.database.exists() and not (pc2.root / ".joining").exists()
    (pc2.root / ".joining").mkdir(parents=True)  # what a SIGKILL would have left
    (pc2.root / ".joining" / "gongkai.sqlite").write_bytes(b"half")
    assert (
        run(["--data-dir", str(pc2.root), "join", "--server", platform.url, "--code", code], monkeypatch) == 0
    )
    joined = AppContext.open(pc2)
    assert joined.sync.run_once().ok and not (pc2.root / ".joining").exists()
    joined.close()
    # A data directory with a database is refused, untouched.
    assert run(["--data-dir", str(tmp_path / "pc1"), "join", "--server", platform.url, "--code", code],
               monkeypatch) == 2  # fmt: skip
    assert "已有数据库" in capsys.readouterr().err


def test_serve_public_url_is_announced(tmp_path: Path, sites: Sites) -> None:
    app = create_app(f"sqlite:///{tmp_path / 'p.sqlite'}", public_url="https://gk.jinan.gov.cn/")
    server = ThreadServer(app).start()
    try:
        platform = Platform(f"sqlite:///{tmp_path / 'p.sqlite'}", server, app.state.sessions)
        platform.add_site(SITE)
        ctx = sites.open(SITE, platform)
        assert ctx.sync.run_once().ok
        assert ctx.settings.get("public_base_url") == "https://gk.jinan.gov.cn"
    finally:
        server.stop()
