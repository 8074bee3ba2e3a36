"""Owner-only files: everything the desk writes holds personal data or secrets.

Files are 0600 and their directories 0700. The command line sets the process
umask to 077 at start (``private_umask``), so whatever a library creates (SQLite's
-wal and -shm, rotated logs) is private too; the helpers here create or tighten
the files the desk knows by name, whatever the umask.
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
UMASK = 0o077


def private_umask() -> int:
    """Set the process umask to 077; returns the previous one."""
    return os.umask(UMASK)


def ensure_private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    os.chmod(path, DIR_MODE)
    return path


def write_private_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` (UTF-8) through a 0600 file, replacing it atomically."""
    ensure_private_dir(path.parent)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            fd = -1
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
    finally:
        if fd >= 0:
            os.close(fd)
    os.replace(tmp, path)


def _owner_only(path: str) -> None:
    """Take group and other bits away, never add any: a store the user made
    read-only (0400) stays read-only, and a read-only file system is left as is."""
    try:
        mode = os.stat(path).st_mode & 0o7777
        if mode & 0o077:
            os.chmod(path, mode & ~0o077)
    except OSError:
        pass


def tighten(directory: Path) -> None:
    """Make ``directory`` and everything in it owner-only (group and other bits off)."""
    try:
        ensure_private_dir(directory)
    except OSError:  # read-only or not creatable: opening the store says so in one line
        return
    for root, dirs, files in os.walk(directory):
        for d in dirs:
            _owner_only(os.path.join(root, d))
        for f in files:
            p = os.path.join(root, f)
            if not os.path.islink(p):
                _owner_only(p)
