"""The .deb as district IT installs it: build, apt-get install, run with nothing of ours on PATH, upgrade
over an older package (data migrated after its backup copy), downgrade refused, remove (data stays).

Builds the bundle once (packaging/build.py reuses it while its inputs are unchanged) and wraps it twice:
the "previous release" is the same bundle without the newest migration, and the data it wrote is made
here at that schema level (created, then taken one revision down with this checkout's Alembic), so
the newer package's first start has a real migration to run.
Needs root, apt-get and dpkg-deb (CI runs as root); installing puts /usr/bin/gongkai on this machine,
so every path out of the test removes the package again. Timings are in docs/packaging.md.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import shutil
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from db import migrate

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow, pytest.mark.package]

needs_root_apt = pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("apt-get") or not shutil.which("dpkg-shlibdeps"),
    reason="installs a .deb: needs root, apt-get and dpkg-dev (CI has them)",
)
APT = ["apt-get", "-o", "DPkg::Lock::Timeout=600", "-y", "-q", "--no-install-recommends"]


def revisions(database: Path) -> set[str]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as conn:
        return {row[0] for row in conn.execute("SELECT version_num FROM alembic_version")}


def load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gongkai_package_build", ROOT / "packaging" / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def installed_version() -> str | None:
    out = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Status} ${Version}", "gongkai"], capture_output=True, text=True
    )
    words = out.stdout.split()
    return words[-1] if out.returncode == 0 and "installed" in words[:3] else None


def apt(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    return subprocess.run([*APT, *args], capture_output=True, text=True, env=env, check=check)


class Clean:
    """Runs /usr/bin/gongkai as a clerk's login would: env -i, no venv, no checkout on PATH."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}

    @property
    def database(self) -> Path:
        return self.home / ".local/share/gongkai/gongkai.sqlite"

    def run(self, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["/usr/bin/gongkai", *args], env=self.env, capture_output=True, text=True, timeout=120, cwd=cwd
        )


@pytest.fixture(scope="module")
def debs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str, str]:
    """(older .deb, newer .deb, their versions): the same bundle, the older without the newest migration."""
    builder = load_builder()
    out = tmp_path_factory.mktemp("debs")
    bundle = builder.build_bundle()
    version = builder.project_version()
    # zstd: seconds instead of minutes for xz; Debian 12's dpkg reads it (the release .deb uses xz).
    depends = builder.shlib_depends(bundle)  # the same libraries in both: ask dpkg-shlibdeps once
    new = builder.build_deb(bundle, version, out, compression="zstd", depends=depends)
    older_bundle = out / "older" / "gongkai"
    shutil.copytree(bundle, older_bundle, symlinks=True)
    head = next(iter(migrate.script_heads()))
    versions = older_bundle / "_internal" / "db" / "migrations" / "versions"
    (removed,) = [p for p in versions.glob("*.py") if p.stem.startswith(head[:4])]
    removed.unlink()
    old = builder.build_deb(older_bundle, f"{version}~previous", out, compression="zstd", depends=depends)
    return old, new, f"{version}~previous", version


@pytest.fixture
def clean_machine() -> Iterator[None]:
    if installed_version() is not None:
        pytest.skip("a gongkai package is installed on this machine already; not touching it")
    try:
        yield
    finally:
        if installed_version() is not None or Path("/opt/gongkai").exists():
            subprocess.run(["dpkg", "--purge", "gongkai"], capture_output=True)
        assert not Path("/usr/bin/gongkai").exists(), "the package test must not leave gongkai installed"


@needs_root_apt
def test_install_run_upgrade_downgrade_remove(
    debs: tuple[Path, Path, str, str], clean_machine: None, tmp_path: Path
) -> None:
    old, new, old_version, new_version = debs
    clerk = Clean(tmp_path / "home")
    clerk.home.mkdir()

    # 1. The previous release, installed the way district IT does it, over data it wrote.
    previous_head = write_previous_release_data(clerk.database)
    apt("install", str(old))
    assert installed_version() == old_version
    assert clerk.run("--version").stdout.strip() == f"gongkai {old_version}"
    doctor = clerk.run("doctor")
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr

    # 2. The new release over it: the data is migrated on first start, after a backup copy.
    apt("install", str(new))
    assert installed_version() == new_version
    assert clerk.run("--version").stdout.strip() == f"gongkai {new_version}"
    listing = clerk.run("notice", "list", "--json")
    assert listing.returncode == 0, listing.stderr
    backup = clerk.database.with_name(f"gongkai.sqlite.pre-{'-'.join(sorted(previous_head))}.bak")
    assert backup.is_file(), sorted(p.name for p in clerk.database.parent.iterdir())
    assert revisions(clerk.database) == migrate.script_heads()
    doctor = clerk.run("doctor")
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    for kind in ("字体文件", "界面翻译", "Qt 界面翻译", "迁移脚本", "内置数据", "分词词典", "安装包文件"):
        assert f"[通过] {kind}" in doctor.stdout, doctor.stdout
    pdf = tmp_path / "notice.pdf"
    printed = clerk.run("notice", "pdf", "4", "-o", str(pdf))
    assert printed.returncode == 0, printed.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "公告" in text
    # A workbook read back through python-calamine (a compiled library, collected generically).
    sheet = tmp_path / "catalogue.xlsx"
    assert clerk.run("catalogue", "export", str(sheet)).returncode == 0
    dry = clerk.run("catalogue", "import", str(sheet), "--origin", "city", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "试运行" in dry.stdout

    # 3. The window opens (sign-in first) under a virtual display.
    assert window_opens(clerk, "公开专区工作台")

    # 4. Going back is refused: apt will not downgrade unasked, and the older program, forced in,
    #    refuses the newer data with the message it has always shown, leaving the file untouched.
    refused = apt("install", str(old), check=False)
    assert refused.returncode != 0 and installed_version() == new_version
    apt("install", "--allow-downgrades", str(old))
    before = hashlib.sha256(clerk.database.read_bytes()).hexdigest()
    opened = clerk.run("notice", "list")
    assert opened.returncode == 2
    assert "数据库由更新版本的公开专区工作台写入" in opened.stderr
    assert hashlib.sha256(clerk.database.read_bytes()).hexdigest() == before

    # 5. Removing (and purging) the program leaves the clerk's data.
    apt("purge", "gongkai")
    assert installed_version() is None
    assert not Path("/usr/bin/gongkai").exists() and not Path("/opt/gongkai").exists()
    assert clerk.database.is_file() and backup.is_file()


def write_previous_release_data(database: Path) -> set[str]:
    """A demo site's database one schema revision below this checkout's head."""
    from app import bootstrap
    from app.context import AppContext
    from app.paths import DataPaths
    from db.session import make_engine

    ctx = AppContext.open(DataPaths(database.parent).ensure())
    # Earlier releases defaulted the public address to the example host; their notices carry it.
    ctx.settings.set("public_base_url", "https://gk.example.gov.cn")
    bootstrap.initialise(ctx, demo=True, **bootstrap.DEMO_SITE)
    ctx.close()
    engine = make_engine(database)
    try:
        (head,) = migrate.script_heads()
        (previous,) = migrate.revision_graph()[head]
        migrate.downgrade(engine, previous)
        return migrate.current_revisions(engine)
    finally:
        engine.dispose()


def window_opens(clerk: Clean, title_part: str, timeout: float = 60.0) -> bool:
    """Start the packaged window under Xvfb and wait until a window with ``title_part`` is mapped.

    The X server is started on a display number of its own (not the lowest free one, where other
    test runs on this shared machine start theirs) and proven reachable before the program starts;
    a program that still cannot reach it is tried again on a fresh server, twice at most.
    """
    base = 400 + os.getpid() % 400
    for attempt in range(3):
        with virtual_display(base + attempt * 7) as display:
            env = {**clerk.env, "DISPLAY": display}
            app = subprocess.Popen(
                ["/usr/bin/gongkai"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                start_new_session=True,
            )  # fmt: skip
            try:
                deadline = time.monotonic() + timeout
                while time.monotonic() < deadline:
                    if title_part in x_tree(display):
                        return app.poll() is None
                    if app.poll() is not None:
                        errors = app.stderr.read().decode() if app.stderr else ""
                        if "could not connect to display" in errors and attempt < 2:
                            break  # the server went away under us: a fresh one
                        raise AssertionError(f"the window exited with {app.returncode}: {errors}")
                    time.sleep(0.5)
                else:
                    return False
            finally:
                if app.poll() is None:
                    os.killpg(app.pid, signal.SIGTERM)
                    app.wait(timeout=10)
    return False


def x_tree(display: str) -> str:
    env = {"DISPLAY": display, "LANG": "C.UTF-8"}
    return subprocess.run(["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True).stdout


@contextlib.contextmanager
def virtual_display(first: int) -> Iterator[str]:
    """An Xvfb on the first free display from ``first`` on, reachable before it is handed out."""
    for number in range(first, first + 50):
        if Path(f"/tmp/.X{number}-lock").exists():
            continue
        display = f":{number}"
        # -noreset: without it each xwininfo poll, as the last client to leave, resets the server.
        xvfb = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 20
            while xvfb.poll() is None and time.monotonic() < deadline and not x_tree(display):
                time.sleep(0.2)
            if xvfb.poll() is None and x_tree(display):
                yield display
                return
        finally:
            xvfb.terminate()
            xvfb.wait(timeout=10)
    raise AssertionError(f"no X display could be started from :{first}")
