"""``make package-server``: the city platform as a wheel plus its systemd unit and install guide.

Writes dist/gongkai-server-<version>.tar.gz holding the gongkai wheel (install it with the
``[server]`` extra), gongkai-server.service, the environment file and docs/platform-service.md,
which says step by step how a city installs, upgrades, backs up and restores the platform.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    name = f"gongkai-server-{version}"
    stage = ROOT / "build" / "package" / "server" / name
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(stage), str(ROOT)],
        check=True,
    )
    for part in ("gongkai-server.service", "environment"):
        shutil.copy(ROOT / "packaging" / "server" / part, stage / part)
    shutil.copy(ROOT / "docs" / "platform-service.md", stage / "platform-service.md")
    args.out.mkdir(parents=True, exist_ok=True)
    archive = args.out / f"{name}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(stage, arcname=name)
    print(archive)
    return 0


if __name__ == "__main__":
    sys.exit(main())
