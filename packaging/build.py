"""Build the desktop bundle and its Debian package: ``make package`` runs ``python packaging/build.py``.

Steps (docs/packaging.md has the decisions and measurements):

1. ``bundle``: PyInstaller over packaging/gongkai.spec gives a one-folder bundle with its own Python
   and Qt in build/package/pyinstaller/gongkai. The bundle is reused when nothing it is made from
   changed (our packages' files, the spec, pyproject.toml, the installed Python packages): the
   digest of those inputs is kept next to it.
2. ``stamp``: writes gongkai-build.json into the bundle: the version and the SHA-256 of each data
   file of our packages, which ``gongkai doctor`` checks (app/installation.py).
3. ``deb``: lays out /opt/gongkai (the bundle), /usr/bin/gongkai, the desktop entry and icons, and
   DEBIAN/control with the Debian packages the bundle's libraries need (dpkg-shlibdeps), and runs
   dpkg-deb: dist/gongkai_<version>_amd64.deb.

Run from the project's virtual environment (it freezes what is installed there). No package of
ours is imported here, so this script cannot shadow or be shadowed by PyPI's ``packaging``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "package"
SPEC = ROOT / "packaging" / "gongkai.spec"
OUR_PACKAGES = ("app", "ui", "db", "printing", "resources")
STAMP_NAME = "gongkai-build.json"  # read by app/installation.py
INSTALL_DIR = "opt/gongkai"
DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Name=Gongkai Disclosure Desk
Name[zh_CN]=公开专区工作台
GenericName=Government disclosure zone desk
GenericName[zh_CN]=政务公开专区工作台
Comment=Catalogue, notices, events and information requests of a service hall's disclosure zone
Comment[zh_CN]=基层政务公开专区的标准目录、公示公告、活动日历与依申请公开
Keywords=disclosure;notice;catalogue;kiosk;
Keywords[zh_CN]=政务公开;公示;公告;标准目录;依申请公开;便民服务中心;
Exec=gongkai
Icon=gongkai
Terminal=false
Categories=Office;
StartupNotify=true
StartupWMClass=gongkai
"""
PRERM = """#!/bin/sh
# Removing the program also removes a kiosk session that would start it (its user's data stays).
set -e
if [ "$1" = remove ] && [ -e /var/lib/gongkai/kiosk-session.json ]; then
    /opt/gongkai/gongkai kiosk remove-session || true
fi
exit 0
"""
# Programs the bundle runs but does not link, so dpkg-shlibdeps cannot see them: fc-list finds the PC's
# official 公文 faces for printing (printing/), which otherwise falls back to the bundled face.
DEPENDS_EXTRA = ["fontconfig"]
# The kiosk session's window manager and blanking switch; "open the PDF" (xdg-open).
RECOMMENDS = ["xdg-utils", "openbox", "x11-xserver-utils"]
DESCRIPTION = """Gongkai 公开专区工作台: desk for government-disclosure zones
 Offline-first desktop program for the government-disclosure zones (政务公开专区) of
 township and street service halls: the standardized disclosure catalogue, the zone's
 event calendar, bulletin-board notices with QR codes, information requests against
 the statutory clock, sync with the city platform, and a locked touch kiosk.
 .
 The program carries its own Python and Qt under /opt/gongkai. Users' data stays in
 their data directories (~/.local/share/gongkai) when the package is removed.
"""


def log(message: str) -> None:
    print(f"[package] {message}", flush=True)


def project_version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def input_digest() -> str:
    """SHA-256 over everything the bundle is made from."""
    h = hashlib.sha256()
    for top in (*OUR_PACKAGES, "packaging"):
        for path in sorted((ROOT / top).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                h.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    h.update((ROOT / "pyproject.toml").read_bytes())
    freeze = subprocess.run(
        [sys.executable, "-m", "pip", "freeze", "--exclude-editable"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    h.update(freeze.encode() + sys.version.encode())
    return h.hexdigest()


def build_bundle(force: bool = False) -> Path:
    """The PyInstaller one-folder bundle, rebuilt only when its inputs changed."""
    dist, work = BUILD / "pyinstaller", BUILD / "work"
    bundle, digest_file = dist / "gongkai", dist / "inputs.sha256"
    digest = input_digest()
    if not force and bundle.is_dir() and digest_file.is_file() and digest_file.read_text() == digest:
        log(f"reusing {bundle} (inputs unchanged)")
        return bundle
    digest_file.unlink(missing_ok=True)
    started = time.monotonic()
    log("running PyInstaller (about a minute on 2 cores)")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(SPEC),
        ],
        check=True,
        cwd=ROOT,
    )
    _drop_dangling_links(bundle)
    digest_file.write_text(digest)
    log(f"bundle built in {time.monotonic() - started:.0f} s: {bundle} ({_size_mb(bundle):.0f} MB)")
    return bundle


def _drop_dangling_links(folder: Path) -> None:
    # The spec drops unused Qt libraries after PyInstaller planned its top-level links to them.
    for path in folder.rglob("*"):
        if path.is_symlink() and not path.exists():
            path.unlink()


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def contents_dir(bundle: Path) -> Path:
    """Where PyInstaller put the bundle's files (``_internal`` next to the executable)."""
    return bundle / "_internal"


def stamp(bundle: Path, version: str) -> Path:
    """Write the version and the manifest of our data files into the bundle."""
    contents = contents_dir(bundle)
    files = {}
    for top in OUR_PACKAGES:
        for path in sorted((contents / top).rglob("*")):
            if path.is_file() and not path.is_symlink():
                files[path.relative_to(contents).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    data = {"version": version, "commit": commit, "python": sys.version.split()[0], "files": files}
    out = contents / STAMP_NAME
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return out


def render_icons(staging: Path) -> None:
    """The SVG icon and PNG sizes for the hicolor theme (rendered with the Qt we bundle)."""
    svg = ROOT / "resources" / "icons" / "gongkai.svg"
    icons = staging / "usr/share/icons/hicolor"
    (icons / "scalable/apps").mkdir(parents=True)
    shutil.copy(svg, icons / "scalable/apps/gongkai.svg")
    sizes = (16, 32, 48, 64, 128, 256)
    for size in sizes:
        (icons / f"{size}x{size}/apps").mkdir(parents=True)
    code = (
        "import sys\n"
        "from PySide6.QtCore import Qt\n"
        "from PySide6.QtGui import QGuiApplication, QImage, QPainter\n"
        "from PySide6.QtSvg import QSvgRenderer\n"
        "app = QGuiApplication(sys.argv[:1])\n"
        "renderer = QSvgRenderer(sys.argv[1])\n"
        "for size in map(int, sys.argv[3:]):\n"
        "    img = QImage(size, size, QImage.Format.Format_ARGB32)\n"
        "    img.fill(Qt.GlobalColor.transparent)\n"
        "    painter = QPainter(img)\n"
        "    painter.setRenderHint(QPainter.RenderHint.Antialiasing)\n"
        "    renderer.render(painter)\n"
        "    painter.end()\n"
        "    assert img.save(f'{sys.argv[2]}/{size}x{size}/apps/gongkai.png')\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "-c", code, str(svg), str(icons), *map(str, sizes)], check=True, env=env)


def shlib_depends(tree: Path) -> str:
    """The Debian packages the bundle's ELF files link against, with versions (dpkg-shlibdeps)."""
    elves = [p for p in tree.rglob("*") if p.is_file() and not p.is_symlink() and _is_elf(p)]
    private = sorted({str(p.parent) for p in elves if ".so" in p.name})
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "debian").mkdir()
        (Path(tmp) / "debian/control").write_text(
            "Source: gongkai\n\nPackage: gongkai\nArchitecture: amd64\n"
        )
        out = subprocess.run(
            ["dpkg-shlibdeps", "-O", "--ignore-missing-info", *(f"-l{d}" for d in private), *map(str, elves)],
            capture_output=True,
            text=True,
            check=True,
            cwd=tmp,
        ).stdout
    for line in out.splitlines():
        if line.startswith("shlibs:Depends="):
            return line.split("=", 1)[1]
    raise RuntimeError(f"dpkg-shlibdeps gave no dependencies:\n{out}")


def _is_elf(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def build_deb(
    bundle: Path, version: str, out_dir: Path, compression: str = "xz", depends: str | None = None
) -> Path:
    started = time.monotonic()
    staging = BUILD / "deb" / f"gongkai_{version}_amd64"
    if staging.exists():
        shutil.rmtree(staging)
    target = staging / INSTALL_DIR
    target.parent.mkdir(parents=True)
    shutil.copytree(bundle, target, symlinks=True)
    stamp(target, version)
    (staging / "usr/bin").mkdir(parents=True)
    (staging / "usr/bin/gongkai").symlink_to("../../opt/gongkai/gongkai")
    apps = staging / "usr/share/applications"
    apps.mkdir(parents=True)
    (apps / "gongkai.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    render_icons(staging)
    doc = staging / "usr/share/doc/gongkai"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(_copyright(), encoding="utf-8")
    depends = depends or shlib_depends(target)
    debian = staging / "DEBIAN"
    debian.mkdir()
    installed_kb = sum(p.lstat().st_size for p in staging.rglob("*")) // 1024
    (debian / "control").write_text(
        "Package: gongkai\n"
        f"Version: {version}\n"
        "Architecture: amd64\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Maintainer: Gongkai maintainers <gongkai@localhost>\n"
        f"Installed-Size: {installed_kb}\n"
        f"Depends: {', '.join([depends, *DEPENDS_EXTRA])}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\n"
        f"Description: {DESCRIPTION}",
        encoding="utf-8",
    )
    (debian / "prerm").write_text(PRERM)
    (debian / "prerm").chmod(0o755)
    for path in staging.rglob("*"):  # dpkg wants no group/world-writable files
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & ~0o022)
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"gongkai_{version}_amd64.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build", str(staging), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    log(
        f"{deb} ({deb.stat().st_size / 1e6:.0f} MB, installed {installed_kb / 1024:.0f} MB) "
        f"in {time.monotonic() - started:.0f} s"
    )
    return deb


def _copyright() -> str:
    parts = [
        "Gongkai 公开专区工作台 is licensed under the Apache License, Version 2.0.\n",
        (ROOT / "LICENSE").read_text(encoding="utf-8"),
    ]
    for extra in sorted((ROOT / "resources").rglob("LICENSE*")):  # bundled fonts, dictionaries …
        rel = extra.relative_to(ROOT).as_posix()
        parts += [f"\n\n==== {rel} ====\n\n", extra.read_text(encoding="utf-8")]
    parts.append(
        "\n\nThe bundled Python packages keep their licences in /opt/gongkai/_internal/*.dist-info.\n"
    )
    return "".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "step",
        nargs="?",
        default="deb",
        choices=["bundle", "stamp", "deb"],
        help="bundle: PyInstaller only; stamp: bundle + stamp in place (Windows); deb (default)",
    )
    parser.add_argument("--version", default=None, help="package version (default: pyproject.toml's)")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "dist", help="where the .deb goes (default: dist/)"
    )
    parser.add_argument(
        "--force", action="store_true", help="rebuild the bundle even if its inputs are unchanged"
    )
    parser.add_argument(
        "--compression",
        default="xz",
        choices=["xz", "gzip", "zstd", "none"],
        help="dpkg-deb compression (xz: smallest, read by every dpkg; gzip: fastest)",
    )
    args = parser.parse_args(argv)
    version = args.version or project_version()
    bundle = build_bundle(force=args.force)
    if args.step == "stamp":
        log(f"stamped {stamp(bundle, version)}")
    elif args.step == "deb":
        print(build_deb(bundle, version, args.out, args.compression))
    return 0


if __name__ == "__main__":
    sys.exit(main())
