"""Where Gongkai keeps its files: one data directory holding the database, backups, logs and output.

Chosen by ``--data-dir``, else the ``GONGKAI_DATA_DIR`` environment variable, else the platform's
user data directory (platformdirs).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from app.filemodes import database_files, private_dir, tighten

ENV_DATA_DIR = "GONGKAI_DATA_DIR"


@dataclass(frozen=True)
class DataPaths:
    """Every path under the data directory; ``ensure()`` creates the folders."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "gongkai.sqlite"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def log_file(self) -> Path:
        return self.logs / "gongkai.log"

    @property
    def output(self) -> Path:
        return self.root / "output"

    @property
    def blobs(self) -> Path:
        return self.root / "blobs"

    def ensure(self) -> DataPaths:
        """Create the folders, owner-only (0700), and tighten what an older version left readable:
        the database and its -wal/-shm, copies beside it, backups and logs (0600; app/filemodes.py)."""
        for folder in (self.root, self.backups, self.logs, self.output, self.blobs):
            private_dir(folder)
        for path in (*database_files(self.database), *self.root.glob("*.bak")):
            tighten(path)
        for folder in (self.backups, self.logs):
            for path in folder.iterdir():
                tighten(path)
        return self


def resolve_data_dir(cli_value: str | None = None) -> DataPaths:
    """The data directory from the command line, the environment, or the platform default."""
    if cli_value:
        root = Path(cli_value)
    elif os.environ.get(ENV_DATA_DIR):
        root = Path(os.environ[ENV_DATA_DIR])
    else:
        root = Path(platformdirs.user_data_dir("gongkai", appauthor=False))
    return DataPaths(root.expanduser().resolve())
