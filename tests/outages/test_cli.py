"""`callcenter outages import/lookup` as a subprocess on a temporary data dir."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import GOOD_ROWS, HEADER, write_csv


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


def _demo_like_store(tmp_path: Path) -> Path:
    """A temporary outage on feeder 10kV海关路1线, as the demo has (DEMO-T001), and an
    address-scope outage on 海关路 numbers 1-20, far ahead so both are upcoming."""
    header = HEADER
    rows = ["TD101,临时停电,线路临时抢修消缺,2099-11-23 08:00,2099-11-23 18:00,,,10kV海关路1线,,,",
            "TD102,计划停电,配网改造,2099-11-24 08:00,2099-11-24 18:00,,,,,临港区海关路12号,2099-11-10 10:00"]
    data = tmp_path / "data"
    r = run("import", str(write_csv(tmp_path / "h.csv", rows, header=header)), "--data-dir", str(data))
    assert r.returncode == 0, r.stderr
    return data


def test_lookup_matches_part_of_a_feeder_name_and_a_street(tmp_path: Path) -> None:
    """Issue 17 item 22: the help says partial text works."""
    data = _demo_like_store(tmp_path)
    r = run("lookup", "海关路1线", "--json", "--data-dir", str(data))
    assert r.returncode == 0, r.stderr
    assert [(h["id"], h["matched_by"]) for h in json.loads(r.stdout)] == [("TD101", "feeder")]
    r = run("lookup", "--feeder", "海关路1线", "--json", "--data-dir", str(data))
    assert [h["id"] for h in json.loads(r.stdout)] == ["TD101"]
    r = run("lookup", "海关路", "--json", "--data-dir", str(data))
    assert sorted(h["id"] for h in json.loads(r.stdout)) == ["TD101", "TD102"]
    r = run("lookup", "线", "--json", "--data-dir", str(data))  # one character is too little
    assert json.loads(r.stdout) == []


def test_lookup_text_output_prints_chinese_labels(tmp_path: Path) -> None:
    data = _demo_like_store(tmp_path)
    r = run("lookup", "海关路1线", "--data-dir", str(data))
    assert r.returncode == 0, r.stderr
    line = r.stdout.strip()
    assert "TD101" in line and "临时停电" in line and "即将停电" in line and "线路" in line
    assert "temporary" not in line and "upcoming" not in line and "feeder" not in line
    r = run("lookup", "无此路", "--data-dir", str(data))
    assert r.stdout.strip() == "未找到相关停电信息"
