"""Files at rest are the owner's only: the data directory 0700, the database and everything beside it
0600 (issue #13: the database and backups hold resident IDs and phone numbers in clear).

On POSIX every folder of the data directory is created 0700 and every file Gongkai writes there
(database, its -wal/-shm, pre-migration copies, backups, logs) 0600; opening a data directory
tightens what an older version left 0755/0644. SQLite gives the -wal and -shm files the database
file's own mode, so a database created 0600 keeps them 0600 too.

On Windows, modes do not apply: the data directory is in the user's profile
(``%LOCALAPPDATA%\\gongkai``), whose ACL grants the user, SYSTEM and Administrators only
(docs/security.md).
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600
POSIX = os.name == "posix"


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed; make it 0700 on POSIX."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    _tighten(path, DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty if it does not exist, 0600 from its first moment; tighten it if it does."""
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
        os.close(fd)
    _tighten(path, FILE_MODE)
    return path


def tighten(path: Path) -> None:
    """Make an existing file 0600 or folder 0700 (a no-op if it is missing or already so)."""
    if path.is_dir():
        _tighten(path, DIR_MODE)
    elif path.exists():
        _tighten(path, FILE_MODE)


def tighten_tree(root: Path) -> None:
    """Tighten ``root`` and everything under it (folders 0700, files 0600)."""
    if not root.exists():
        return
    tighten(root)
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            _tighten(Path(folder) / name, DIR_MODE)
        for name in files:
            _tighten(Path(folder) / name, FILE_MODE)


def database_files(database: Path) -> list[Path]:
    """The database and the files SQLite keeps beside it."""
    return [database, *(database.with_name(database.name + s) for s in ("-wal", "-shm", "-journal"))]


def _tighten(path: Path, mode: int) -> None:
    if not POSIX:
        return
    try:
        st = path.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISLNK(st.st_mode):
        return  # never follow a link out of the data directory
    if stat.S_IMODE(st.st_mode) & ~mode:
        # A file that is not ours (a shared folder) stays as it is: reported by doctor, never fatal.
        with contextlib.suppress(PermissionError):
            os.chmod(path, stat.S_IMODE(st.st_mode) & mode)
