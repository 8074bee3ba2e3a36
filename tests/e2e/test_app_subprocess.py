"""The real app as a subprocess, offscreen, in demo mode: it takes a call,
saves the ticket and quits cleanly."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent

pytestmark = pytest.mark.e2e


def test_demo_app_handles_a_call_and_quits_cleanly(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-m", "callcenter", "--demo", "--autopilot", "1",
         "--data-dir", str(tmp_path), "--scenario", str(HERE / "one_call.toml"),
         "--workstation", "E2E"],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    db = tmp_path / "desk.sqlite3"
    assert (db.stat().st_mode & 0o777) == 0o600
    con = sqlite3.connect(db)
    try:
        rows = con.execute(
            "SELECT number, category, call_id FROM tickets WHERE created_by = '1001'").fetchall()
        assert len(rows) == 1
        number, category, call_id = rows[0]
        assert number.startswith("LJ-E2E-") and category == "inquiry"
        kinds = [k for (k,) in con.execute(
            "SELECT kind FROM call_events WHERE call_id = ? ORDER BY seq", (call_id,))]
        assert kinds[0] == "ringing" and kinds[1] == "answered"
        assert kinds[-2:] == ["ticket_saved", "wrap_up_done"]
        assert "hung_up" in kinds
        outcome, caller = con.execute(
            "SELECT outcome, caller_number FROM call_sessions WHERE id = ?", (call_id,)).fetchone()
        assert outcome == "answered" and caller == "13800138001"
        signed_out = con.execute("SELECT signed_out_at FROM agent_shifts").fetchone()[0]
        assert signed_out is not None
    finally:
        con.close()


def test_bad_profile_is_refused_at_start_naming_file_and_line(tmp_path: Path) -> None:
    from callcenter.services.site.profile import DEFAULT_PROFILE

    bad = DEFAULT_PROFILE.read_text(encoding="utf-8").replace(
        'category = "complaint"          #', 'category = "complain"           #')
    profile = tmp_path / "site.toml"
    profile.write_text(bad, encoding="utf-8")
    line = next(i for i, ln in enumerate(bad.splitlines(), 1) if '"complain"' in ln)
    proc = subprocess.run(
        [sys.executable, "-m", "callcenter", "--profile", str(profile), "--data-dir", str(tmp_path),
         "--exit-when-shown"],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), capture_output=True, text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert f"{profile}:{line}:" in proc.stderr and "complain" in proc.stderr
    assert "Traceback" not in proc.stderr
