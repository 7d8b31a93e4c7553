"""The installed version of Gongkai: the packaged version in a bundle, else the Python package's."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from app.installation import build_stamp


def app_version() -> str:
    stamp = build_stamp()
    if stamp is not None:
        return str(stamp["version"])
    try:
        return version("gongkai")
    except PackageNotFoundError:
        return "0.1.0"
