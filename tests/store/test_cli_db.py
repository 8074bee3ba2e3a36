"""`callcenter db upgrade` brings a store up to date and says where it is."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from callcenter.store.migrate import head_revision


def test_db_upgrade_creates_a_current_private_store(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "callcenter", "db", "upgrade", "--data-dir", str(tmp_path)],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    db = tmp_path / "desk.sqlite3"
    assert str(db) in proc.stdout
    assert os.stat(db).st_mode & 0o777 == 0o600
    con = sqlite3.connect(db)
    try:
        (rev,) = con.execute("SELECT version_num FROM alembic_version").fetchone()
        assert rev == head_revision()
    finally:
        con.close()
