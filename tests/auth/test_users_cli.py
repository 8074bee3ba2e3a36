"""``callcenter users`` on a desk's store, as a subprocess: the password only on
standard input, every refusal a message and exit 1, nothing changed by one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def cli(data_dir: Path, *args: str, password: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "callcenter", "users", *args, "--data-dir", str(data_dir)],
        input=(password + "\n") if password is not None else "", capture_output=True, text=True,
        timeout=120)


def listed(data_dir: Path) -> list[dict[str, object]]:
    p = cli(data_dir, "list", "--json")
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)  # type: ignore[no-any-return]


def test_add_disable_enable_reset_list(tmp_path: Path) -> None:
    assert cli(tmp_path, "list").stdout.startswith("no users yet")
    p = cli(tmp_path, "add", "6001", "--name", "管理员", "--role", "admin", "--password-stdin",
            password="first admin pw")
    assert p.returncode == 0, p.stderr
    p = cli(tmp_path, "add", "8001", "--name", "抢修班", "--role", "department",
            "--department", "repair", "--password-stdin", password="repair-pw-1")
    assert p.returncode == 0, p.stderr
    assert [(u["id"], u["role"], u["department"]) for u in listed(tmp_path)] == [
        ("6001", "admin", None), ("8001", "department", "repair")]
    assert cli(tmp_path, "disable", "8001").returncode == 0
    assert listed(tmp_path)[1]["disabled"] is True
    assert cli(tmp_path, "enable", "8001").returncode == 0
    assert cli(tmp_path, "reset-password", "8001", "--password-stdin",
               password="new-temp-pw").returncode == 0
    assert listed(tmp_path)[1]["must_change_password"] is True
    db_bytes = (tmp_path / "desk.sqlite3").read_bytes()
    wal = tmp_path / "desk.sqlite3-wal"
    if wal.exists():
        db_bytes += wal.read_bytes()
    for pw in (b"first admin pw", b"repair-pw-1", b"new-temp-pw"):
        assert pw not in db_bytes


def test_refusals_say_why_and_change_nothing(tmp_path: Path) -> None:
    assert cli(tmp_path, "add", "1001", "--name", "张敏", "--role", "agent", "--password-stdin",
               password="agent-pw-1").returncode == 0
    before = listed(tmp_path)
    cases = [
        (("add", "1001", "--name", "x", "--role", "agent", "--password-stdin"), "agent-pw-1",
         "already exists"),
        (("add", "12", "--name", "x", "--role", "agent", "--password-stdin"), "agent-pw-1",
         "工号 pattern"),
        (("add", "1002", "--name", "x", "--role", "agent", "--password-stdin"), "", "empty"),
        (("add", "1002", "--name", "x", "--role", "agent", "--password-stdin"), "x" * 10_000,
         "longer than 128"),
        (("add", "1002", "--name", "x", "--role", "department", "--password-stdin"), "agent-pw-2",
         "department code"),
        (("add", "1002", "--name", "'; DROP TABLE users; --", "--role", "agent",
          "--password-stdin"), "short", "at least 8"),
        (("disable", "4040"), None, "no such user"),
    ]
    for args, pw, says in cases:
        p = cli(tmp_path, *args, password=pw)
        assert p.returncode == 1 and says in p.stderr, (args, p.stderr)
        assert "Traceback" not in p.stderr
    assert listed(tmp_path) == before


def test_a_password_on_the_command_line_is_not_accepted(tmp_path: Path) -> None:
    p = cli(tmp_path, "add", "1001", "--name", "张敏", "--role", "agent", "--password", "pw")
    assert p.returncode == 2
    assert listed(tmp_path) == []


def test_sql_looking_names_are_stored_verbatim(tmp_path: Path) -> None:
    name = "王'); DROP TABLE users;--"
    assert cli(tmp_path, "add", "1001", "--name", name, "--role", "agent", "--password-stdin",
               password="agent-pw-1").returncode == 0
    assert listed(tmp_path)[0]["name"] == name
