"""A whole demo call in the real app (subprocess) with the diagnostic log at DEBUG:
the log says what happened and never a phone, account or meter number; every
file the desk wrote is owner-only."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from callcenter.domain.privacy.masking import REDACTED

HERE = Path(__file__).parent
CALLER = "13800138001"  # one_call.toml

pytestmark = pytest.mark.e2e


def _personal_numbers(db: Path) -> set[str]:
    """The caller's number and every account/meter number the call put on screen."""
    con = sqlite3.connect(db)
    try:
        rows = con.execute(
            "SELECT a.account_no, a.meter_no FROM accounts a JOIN customers c "
            "ON a.customer_id = c.id WHERE c.phone = ?", (CALLER,)).fetchall()
        tickets = con.execute("SELECT caller_phone, account_no, meter_no FROM tickets").fetchall()
    finally:
        con.close()
    found = {CALLER} | {v for r in rows for v in r if v} | {v for r in tickets for v in r if v}
    assert len(found) >= 3, found  # the caller has accounts with meters
    return found


def test_demo_call_logs_no_personal_number_and_leaves_only_owner_only_files(
        tmp_path: Path) -> None:
    data, logs = tmp_path / "data", tmp_path / "support-logs"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CALLCENTER_LOG_DIR=str(logs))
    proc = subprocess.run(
        [sys.executable, "-m", "callcenter", "--demo", "--autopilot", "1", "--log-level", "DEBUG",
         "--data-dir", str(data), "--scenario", str(HERE / "one_call.toml"), "--workstation", "E2E"],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    log_file = logs / "callcenter.log"
    text = log_file.read_text(encoding="utf-8")

    for number in _personal_numbers(data / "desk.sqlite3"):
        assert number not in text, f"{number} is in the diagnostic log"
    assert REDACTED not in text  # not even the safety net had anything to catch
    for expected in ("callcenter starting", "log level DEBUG", "desk E2E ready",
                     "agent 1001 signed in", "state signed_out -> busy",
                     "ready -> ringing", "ringing -> talking", "talking -> wrap_up",
                     " offered (telephony id ", " released by agent",
                     " saved (", "agent 1001 signed out", "shutting down (exit code 0)", "stopped"):
        assert expected in text, f"{expected!r} missing from:\n{text}"

    # owner-only: the store and its -wal/-shm, settings, logs; folders 0700
    written = [p for root in (data, logs) for p in [root, *root.rglob("*")]]
    assert any(p.name == "desk.sqlite3" for p in written)
    assert any(p.name == "callcenter.log" for p in written)
    loose = {str(p.relative_to(tmp_path)): oct(stat.S_IMODE(p.stat().st_mode)) for p in written
             if stat.S_IMODE(p.stat().st_mode) != (0o700 if p.is_dir() else 0o600)}
    assert not loose, loose
