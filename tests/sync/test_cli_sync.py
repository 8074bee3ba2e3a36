"""``callcenter sync`` against a real central: one round as a subprocess, the exit
code and the reason when it cannot sync (unreachable, login refused, desk too
old); the desk's password from the system keyring (an in-memory backend here,
so those cases run in-process); the URL's precedence (flag > env > settings)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import keyring
import psycopg
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from callcenter.cli import main
from callcenter.services.site.settings import DeskSettings, load_settings, save_settings
from callcenter.services.storage.database import open_database
from callcenter.services.sync import credentials
from callcenter.sync import central

from .conftest import with_db
from .test_outbox_replay import run_shift

UNREACHABLE = "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"


class MemoryKeyring(KeyringBackend):
    """A keyring that forgets everything when the test ends."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    yield kr
    keyring.set_keyring(before)


def desk_url(central_url: str, desk: str = "W01", password: str | None = "pw-w01") -> str:
    """The desk's login on the test's central database (admin creates the role)."""
    central.create_desk_role(central_url, desk, "pw-w01")
    return with_db(central_url, urlsplit(central_url).path.lstrip("/"), central.role_name(desk),
                   password)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "desk"
    save_settings(d, DeskSettings("W01"))
    db = open_database(d / "desk.sqlite3")
    run_shift(db)
    db.close()
    return d


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if k != "CALLCENTER_CENTRAL_URL"} | (env or {})
    return subprocess.run([sys.executable, "-m", "callcenter", "sync", *args], capture_output=True,
                          text=True, timeout=120, env=full)


def central_tickets(central_url: str) -> int:
    with psycopg.connect(central_url) as conn:
        row = conn.execute("SELECT count(*) FROM public.tickets").fetchone()
    assert row is not None
    return int(row[0])


def test_once_pushes_everything_and_exits_0(data_dir: Path, central_url: str) -> None:
    url = desk_url(central_url)
    p = run("--once", "--central", url, "--data-dir", str(data_dir))
    assert p.returncode == 0, p.stderr
    assert "pushed:" in p.stdout and "queue left: 0 ops" in p.stdout and "caught up" in p.stdout
    assert "pw-w01" not in p.stdout + p.stderr  # the password is never printed
    assert central_tickets(central_url) == 3
    again = run("--once", "--json", "--data-dir", str(data_dir),
                env={"CALLCENTER_CENTRAL_URL": url})  # the URL from the environment
    assert again.returncode == 0, again.stderr
    out = json.loads(again.stdout)
    assert out["ok"] and out["pushed_ops"] == 0 and out["queue_left"] == 0 and out["caught_up"]
    status = run("status", "--json", "--data-dir", str(data_dir))
    assert status.returncode == 0
    st = json.loads(status.stdout)
    assert st["queue_depth"] == 0 and st["last_pull_at"] and st["open_conflicts"] == 0


@pytest.mark.parametrize("case", ["unreachable", "auth", "wrong_desk", "schema_too_old"])
def test_once_says_why_it_failed_and_exits_1(data_dir: Path, central_url: str, case: str) -> None:
    url = desk_url(central_url)
    expect = {"unreachable": "unreachable", "auth": "auth failed", "wrong_desk": "auth failed",
              "schema_too_old": "schema is too old"}[case]
    if case == "unreachable":
        url = UNREACHABLE
    elif case == "auth":
        url = url.replace("pw-w01", "not-it")
    elif case == "wrong_desk":
        save_settings(data_dir, DeskSettings("W02"))  # W01's login may not sync as W02
    else:
        with psycopg.connect(central_url) as conn:
            conn.execute("UPDATE sync.meta SET min_desk_schema = 9999")
    p = run("--once", "--central", url, "--data-dir", str(data_dir))
    assert p.returncode == 1, p.stdout + p.stderr
    assert expect in p.stderr, p.stderr
    assert "not-it" not in p.stderr
    status = run("status", "--data-dir", str(data_dir))
    assert status.returncode == 0 and "queue: 0 ops" not in status.stdout  # still queued


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("--data-dir", str(tmp_path)).returncode == 2  # no action
    assert run("--once", "--watch", "--data-dir", str(tmp_path)).returncode == 2
    p = run("--once", "--data-dir", str(tmp_path))  # no URL anywhere
    assert p.returncode == 2 and "CALLCENTER_CENTRAL_URL" in p.stderr


def test_password_from_the_keyring(data_dir: Path, central_url: str, memory_keyring: MemoryKeyring,
                                   monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
                                   ) -> None:
    monkeypatch.delenv("CALLCENTER_CENTRAL_URL", raising=False)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    url = desk_url(central_url, password=None)  # no password in the URL
    monkeypatch.setattr(sys, "stdin", io.StringIO("pw-w01\n"))
    assert main(["sync", "set-password", "--central", url, "--password-stdin",
                 "--data-dir", str(data_dir)]) == 0
    user = credentials.keyring_user(url)
    assert user.startswith("desk_w01@") and memory_keyring.items == {("callcenter-central", user): "pw-w01"}
    assert load_settings(data_dir).central_url == url  # remembered, without a password
    assert "pw-w01" not in (data_dir / "settings.toml").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["sync", "--once", "--data-dir", str(data_dir)]) == 0  # URL from settings
    assert "queue left: 0 ops" in capsys.readouterr().out
    assert central_tickets(central_url) == 3
    # the flag wins over the environment, which wins over settings.toml
    monkeypatch.setenv("CALLCENTER_CENTRAL_URL", UNREACHABLE)
    assert main(["sync", "--once", "--data-dir", str(data_dir)]) == 1
    assert "unreachable" in capsys.readouterr().err
    assert main(["sync", "--once", "--central", url, "--data-dir", str(data_dir)]) == 0
    # a wrong password in the keyring is a refused login
    memory_keyring.items[("callcenter-central", user)] = "not-it"
    assert main(["sync", "--once", "--central", url, "--data-dir", str(data_dir)]) == 1
    assert "auth failed" in capsys.readouterr().err


def test_no_keyring_backend_stores_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        monkeypatch.setattr(sys, "stdin", io.StringIO("secret\n"))
        url = "postgresql://desk_w01@central.example:5432/callcenter"
        assert main(["sync", "set-password", "--central", url, "--password-stdin",
                     "--data-dir", str(tmp_path)]) == 1
        err = capsys.readouterr().err
        assert "no system keyring" in err and "plain-text" in err
        assert list(tmp_path.rglob("*secret*")) == []
        assert "secret" not in (tmp_path / "settings.toml").read_text(encoding="utf-8")
        assert load_settings(tmp_path).central_url == ""  # nothing configured half-way
    finally:
        keyring.set_keyring(before)


def test_settings_keep_the_url_escaped_and_without_a_password(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text('workstation = "W07"\nlast_agent_id = "1024"\n',
                                            encoding="utf-8")
    old = load_settings(tmp_path)  # a file from before sync loads as a desk that does not sync
    assert (old.workstation, old.last_agent_id, old.central_url) == ("W07", "1024", "")
    odd = 'postgresql://desk_w07@h/cc?application_name=a"b\\c\n'
    save_settings(tmp_path, DeskSettings("W07", "1024", odd))
    assert load_settings(tmp_path).central_url == odd
    with pytest.raises(ValueError, match="password"):
        save_settings(tmp_path, DeskSettings("W07", central_url="postgresql://u:pw@h/cc"))
    assert credentials.keyring_user("postgresql://desk_w07@h/cc") == "desk_w07@h:5432/cc"
    assert credentials.without_password("postgresql://u:p%40w@h:5/cc") == "postgresql://u@h:5/cc"
