"""Logging: a rotating log file in the data directory, quiet libraries, one named logger per module."""

from __future__ import annotations

import io
import logging
import logging.handlers
import os

from app.filemodes import private_dir
from app.paths import DataPaths

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are created owner-only (0600), the first and every rotated one."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        stream = open(fd, self.mode, encoding=self.encoding, errors=self.errors)  # noqa: SIM115
        assert isinstance(stream, io.TextIOWrapper)
        return stream


def configure(paths: DataPaths, *, verbose: bool = False) -> None:
    """Send everything at INFO and above to ``logs/gongkai.log`` (5 × 1 MB, rotated)."""
    private_dir(paths.logs)
    root = logging.getLogger()
    if any(getattr(h, "_gongkai", False) for h in root.handlers):
        return
    handler = PrivateRotatingFileHandler(paths.log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._gongkai = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for noisy in ("sqlalchemy.engine", "alembic", "httpx", "httpcore", "PIL", "fontTools"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
