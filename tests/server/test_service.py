"""The platform as the systemd unit runs it: ``migrate`` then ``serve`` with several workers on loopback,
read from packaging/server/gongkai-server.service and its environment file, and ``check`` as a probe.

systemd itself does not run here; the unit's own command lines do, with /opt/gongkai-server/bin
replaced by this virtual environment's bin and the database and port replaced by the test's.
"""

from __future__ import annotations

import configparser
import os
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.server.support import PgCluster, free_port

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]
UNIT = ROOT / "packaging" / "server" / "gongkai-server.service"
ENVIRONMENT = ROOT / "packaging" / "server" / "environment"
BIN = Path(sys.executable).parent


def unit_commands() -> dict[str, list[str]]:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(UNIT, encoding="utf-8")
    service = parser["Service"]
    return {key: shlex.split(service[key]) for key in ("ExecStartPre", "ExecStart")}


def environment(**overrides: str) -> dict[str, str]:
    values = dict(
        line.split("=", 1)
        for line in ENVIRONMENT.read_text().splitlines()
        if line and not line.startswith("#")
    )
    return {**values, **overrides}


def expand(argv: list[str], env: dict[str, str]) -> list[str]:
    """systemd's ${VAR} expansion and the install prefix replaced by this venv."""
    words = [re.sub(r"\$\{(\w+)\}", lambda m: env[m.group(1)], word) for word in argv]
    return [w.replace("/opt/gongkai-server/bin", str(BIN)) for w in words]


def server_cli(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "gongkai-server"), *args],
        env={**os.environ, "GONGKAI_SERVER_DB": db},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_unit_is_what_the_docs_say() -> None:
    commands = unit_commands()
    assert commands["ExecStartPre"][1:] == ["migrate"]
    serve = commands["ExecStart"]
    assert serve[1] == "serve" and "--workers" in serve and "--forwarded-allow-ips" in serve
    env = environment()
    assert env["GONGKAI_SERVER_HOST"] == "127.0.0.1"  # loopback: TLS ends in front of us
    assert int(env["GONGKAI_SERVER_WORKERS"]) > 1
    assert env["GONGKAI_SERVER_DB"].startswith("postgresql+psycopg2://")
    text = UNIT.read_text()
    assert "EnvironmentFile=/etc/gongkai-server/environment" in text and "User=gongkai" in text


def test_check_exit_codes(pg: PgCluster, pg_url: str) -> None:
    empty = server_cli("check", db=pg_url)
    assert empty.returncode == 3, empty.stdout
    assert "gongkai-server migrate" in empty.stdout
    migrated = server_cli("migrate", db=pg_url)
    assert migrated.returncode == 0, migrated.stderr
    assert "平台数据库结构已是最新" in migrated.stdout
    again = server_cli("migrate", db=pg_url)  # idempotent
    assert again.returncode == 0
    healthy = server_cli("check", db=pg_url)
    assert healthy.returncode == 0, healthy.stdout
    assert "[通过] 数据库连接" in healthy.stdout and "[通过] 数据库结构" in healthy.stdout
    nobody = server_cli("check", "--http", f"http://127.0.0.1:{free_port()}", "--timeout", "2", db=pg_url)
    assert nobody.returncode == 4, nobody.stdout
    gone = pg.url("no_such_database")
    unreachable = server_cli("check", "--timeout", "2", db=gone)
    assert unreachable.returncode == 1, unreachable.stdout
    assert "[问题] 数据库连接" in unreachable.stdout


@pytest.mark.slow
def test_the_unit_commands_serve_with_workers_behind_a_proxy(pg_url: str) -> None:
    port = str(free_port())
    env = environment(GONGKAI_SERVER_DB=pg_url, GONGKAI_SERVER_PORT=port, GONGKAI_SERVER_WORKERS="2")
    commands = {name: expand(argv, env) for name, argv in unit_commands().items()}
    process_env = {**os.environ, **env}
    subprocess.run(commands["ExecStartPre"], env=process_env, check=True, capture_output=True, timeout=60)
    service = subprocess.Popen(
        commands["ExecStart"], env=process_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            probe = server_cli("check", "--http", url, "--timeout", "2", db=pg_url)
            if probe.returncode == 0:
                break
            assert service.poll() is None, service.stdout.read() if service.stdout else ""
            assert time.monotonic() < deadline, probe.stdout
            time.sleep(0.5)
        # A request forwarded by the TLS terminator on loopback: answered normally.
        answer = httpx.get(
            f"{url}/healthz", headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "10.1.2.3"}
        )
        assert answer.status_code == 200 and answer.text == "ok"
    finally:
        service.terminate()
        output, _ = service.communicate(timeout=30)
    assert "Started parent process" in output or "Uvicorn running" in output, output
    assert output.count("Started server process") == 2, output  # two workers
    assert "10.1.2.3" in output  # the access log names the real client, from X-Forwarded-For
