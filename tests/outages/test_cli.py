"""`callcenter outages import/lookup` as a subprocess on a temporary data dir."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import GOOD_ROWS, write_csv


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "callcenter", "outages", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=60, check=False)


def test_import_then_lookup_json(tmp_path: Path) -> None:
    data = tmp_path / "data"
    # times far ahead, so "now" is well defined for the lookup: everything is upcoming
    rows = [r.replace("2026-11-23", "2099-11-23").replace("2026/11/23", "2099/11/23")
            .replace("2026-11-20", "2099-11-20") for r in GOOD_ROWS]
    r = run("import", str(write_csv(tmp_path / "a.csv", rows)), "--data-dir", str(data))
    assert r.returncode == 0, r.stderr
    assert "4 added" in r.stdout
    r = run("lookup", "江城区幸福路12号3栋", "--json", "--data-dir", str(data))
    assert r.returncode == 0, r.stderr
    hits = json.loads(r.stdout)
    assert [(h["id"], h["kind"], h["matched_by"]) for h in hits] == [("TD001", "planned", "address_scope")]
    assert {"status", "start", "expected_restore"} <= set(hits[0])
    assert hits[0]["start"].startswith("2099-11-23T00:00")  # 08:00 Shanghai stored as UTC
    r = run("lookup", "--account", "0000000000", "--json", "--data-dir", str(data))
    assert r.returncode == 0 and json.loads(r.stdout) == []
    r = run("lookup", "--transformer-area", "幸福路1号台区", "--at", "2099-11-23 14:00", "--json",
            "--data-dir", str(data))
    assert [(h["id"], h["phase"]) for h in json.loads(r.stdout)] == [("TD002", "active")]


def test_bad_file_exits_1_with_the_report(tmp_path: Path) -> None:
    bad = write_csv(tmp_path / "bad.csv", ["TD9,停电啦,x,2026-11-23 08:00,2026-11-23 09:00,,,线,,,"])
    r = run("import", str(bad), "--data-dir", str(tmp_path / "d"))
    assert r.returncode == 1
    assert "row 2, column 停电类型" in r.stderr
    r = run("lookup", "--feeder", "线", "--json", "--data-dir", str(tmp_path / "d"))
    assert json.loads(r.stdout) == []


def test_an_overlong_lookup_is_refused_with_a_message(tmp_path: Path) -> None:
    r = run("lookup", "幸福" * 5_000, "--data-dir", str(tmp_path / "data"))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip() == "callcenter outages lookup: the text is 10000 characters long; at most 200"
