"""The installed version of Gongkai."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def app_version() -> str:
    try:
        return version("gongkai")
    except PackageNotFoundError:
        return "0.1.0"
