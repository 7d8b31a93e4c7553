"""The platform as its own process (``gongkai-server serve``), for tests and benchmarks that measure
its memory or send it raw bytes: resident memory from /proc, and a raw HTTP sender that stops as
soon as the server answers (so a refused 800 MB body costs the sender nothing either)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.server.support import free_port

ROOT = Path(__file__).resolve().parents[2]


def rss_kib(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM): the resident memory of a process now and at its peak, in KiB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0])
    return fields.get("VmRSS", 0), fields.get("VmHWM", 0)


class PlatformProcess:
    """``python -m server.cli --db URL serve`` on a free loopback port; its log goes to ``log``."""

    def __init__(self, db_url: str, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._log = log.open("wb")
        cmd = [sys.executable, "-m", "server.cli", "--db", db_url, "serve", "--port", str(self.port)]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while not self.alive():
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.stop()
                raise RuntimeError(f"platform did not start (see {log})")
            time.sleep(0.1)
        self.baseline_kib = rss_kib(self.proc.pid)[0]

    def alive(self) -> bool:
        if self.proc.poll() is not None:
            return False
        try:
            return httpx.get(self.url + "/healthz", timeout=5).status_code == 200
        except httpx.TransportError:
            return False

    def rss_mib(self) -> tuple[float, float]:
        """(now, peak) resident memory in MiB."""
        now, peak = rss_kib(self.proc.pid)
        return now / 1024, peak / 1024

    def peak_growth_mib(self) -> float:
        """How far the peak resident memory rose above what the started server used."""
        return (rss_kib(self.proc.pid)[1] - self.baseline_kib) / 1024

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()


def raw_request(port: int, head: str, body_size: int, *, chunked: bool = False) -> tuple[str, float, int]:
    """Send ``head`` then up to ``body_size`` bytes of "x" (``chunked``: in chunked transfer
    encoding), stopping as soon as the server answers.

    Returns (the answer's status line or what happened, seconds until the answer, bytes sent).
    """
    sock = socket.create_connection(("127.0.0.1", port))
    sock.settimeout(300)
    start = time.monotonic()
    sent = 0
    piece = b"x" * (1 << 20)
    answer = b""
    try:
        sock.sendall(head.encode("latin-1"))
        sock.setblocking(False)
        out = b""
        while sent < body_size or out:
            with contextlib.suppress(BlockingIOError):
                answer += sock.recv(65536)
            if answer:
                break
            if not out:
                part = piece[: min(len(piece), body_size - sent)]
                out = (b"%x\r\n" % len(part) + part + b"\r\n") if chunked else part
                sent += len(part)
            try:
                n = sock.send(out)
                out = out[n:]
            except BlockingIOError:
                time.sleep(0.001)
        sock.setblocking(True)
        if chunked and not answer:
            sock.sendall(b"0\r\n\r\n")
        while b"\r\n" not in answer:
            more = sock.recv(65536)
            if not more:
                break
            answer += more
    except (BrokenPipeError, ConnectionResetError) as exc:
        if not answer:
            return f"connection closed ({type(exc).__name__})", time.monotonic() - start, sent
    finally:
        sock.close()
    line = answer.split(b"\r\n", 1)[0].decode("latin-1") or "no answer"
    return line, time.monotonic() - start, sent
