"""Logging: a rotating log file in the data directory, quiet libraries, one named logger per module."""

from __future__ import annotations

import logging
import logging.handlers

from app.paths import DataPaths

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure(paths: DataPaths, *, verbose: bool = False) -> None:
    """Send everything at INFO and above to ``logs/gongkai.log`` (5 × 1 MB, rotated)."""
    paths.logs.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    if any(getattr(h, "_gongkai", False) for h in root.handlers):
        return
    handler = logging.handlers.RotatingFileHandler(
        paths.log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._gongkai = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for noisy in ("sqlalchemy.engine", "alembic", "httpx", "httpcore", "PIL", "fontTools"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
