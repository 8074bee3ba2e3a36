"""Users made on central with ``callcenter users --central`` reach every desk, a
desk signs them in offline, a lock-out made on one desk holds on another once
synced, and central refuses user changes pushed by a desk that is not an
administrator's."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

from callcenter.domain.clock import FakeClock
from callcenter.services.auth.directory import UserDirectory
from callcenter.services.auth.sign_in import SignInRefused, SignInService
from callcenter.services.site.profile import load_profile
from callcenter.store.auth_models import User, user_row_id
from callcenter.sync import central
from callcenter.sync.central import CentralClient
from callcenter.sync.outbox_reader import pending_batch

from .conftest import with_db
from .desk_sim import desk_url, open_desk


def users_cli(*args: str, password: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "callcenter", "users", *args], input=password + "\n",
                          capture_output=True, text=True, timeout=120)


def test_a_user_added_on_central_signs_in_on_a_desk_offline(tmp_path: Path, central_url: str) -> None:
    p = users_cli("add", "9001", "--name", "王班长", "--role", "lead", "--central", central_url,
                  "--password-stdin", password="lead-pass-1")
    assert p.returncode == 0, p.stderr
    listed = users_cli("list", "--json", "--central", central_url)
    assert json.loads(listed.stdout)[0] | {"locked_until": None} == {
        "id": "9001", "name": "王班长", "role": "shift_lead", "team": None, "department": None,
        "disabled": False, "must_change_password": True, "locked_until": None}
    assert users_cli("add", "9001", "--name", "x", "--role", "lead", "--central", central_url,
                     "--password-stdin", password="lead-pass-1").returncode == 1

    clock = FakeClock()
    url = desk_url(central_url, "A1")
    desk = open_desk(tmp_path / "a1.sqlite3", "A1", lambda: CentralClient(url), clock)
    signin = SignInService(desk.db, load_profile(), clock, "A1")
    try:
        desk.engine.run_once()
        # central is gone now: the desk signs in with the hash it has
        got = signin.sign_in_now("9001", "lead-pass-1")
        assert got.actor.role.value == "shift_lead" and got.must_change_password
    finally:
        signin.close()
        desk.close()


def test_a_lock_out_made_on_one_desk_holds_on_another(tmp_path: Path, central_url: str) -> None:
    assert users_cli("add", "1001", "--name", "张敏", "--role", "agent", "--central", central_url,
                     "--password-stdin", password="agent-pass-1").returncode == 0
    # after the user was added (on the real clock): attempts made before a password
    # was set never count towards a lock-out
    clock = FakeClock(datetime.now(UTC) + timedelta(seconds=1))
    a_url, b_url = desk_url(central_url, "A1"), desk_url(central_url, "B1", team="T2")
    a = open_desk(tmp_path / "a.sqlite3", "A1", lambda: CentralClient(a_url), clock)
    b = open_desk(tmp_path / "b.sqlite3", "B1", lambda: CentralClient(b_url), clock)
    profile = load_profile()
    sa, sb = SignInService(a.db, profile, clock, "A1"), SignInService(b.db, profile, clock, "B1")
    try:
        a.engine.run_once()
        b.engine.run_once()
        for _ in range(5):
            with pytest.raises(SignInRefused):
                sa.sign_in_now("1001", "guess")
        b.engine.run_once()
        assert a.engine.run_once().pushed_txs == 5  # the attempts with their audit records
        b.engine.run_once()
        with pytest.raises(SignInRefused) as exc:
            sb.sign_in_now("1001", "agent-pass-1")
        assert exc.value.code == "locked"
    finally:
        sa.close()
        sb.close()
        a.close()
        b.close()


def test_central_refuses_user_changes_from_a_desk_that_is_not_an_admins(
        tmp_path: Path, central_url: str) -> None:
    assert users_cli("add", "1001", "--name", "张敏", "--role", "agent", "--central", central_url,
                     "--password-stdin", password="agent-pass-1").returncode == 0
    clock = FakeClock()
    url = desk_url(central_url, "A1")
    desk = open_desk(tmp_path / "a.sqlite3", "A1", lambda: CentralClient(url), clock)
    try:
        desk.engine.run_once()

        def promote(s):  # type: ignore[no-untyped-def]
            u = s.get(User, user_row_id("1001"))
            u.role, u.updated_at = "admin", clock.utc_now()

        desk.db.write_now(promote)
        batch = desk.db.read_now(lambda s: pending_batch(s, 100))
        assert batch is not None
        with CentralClient(url) as client:  # refused for good: answered as rejected (c0010)
            answer = client.push("A1", batch.ops)
        assert [r["op_id"] for r in answer["rejected"]] == [o.op_id for o in batch.ops]
        assert "may not add, remove or change users" in answer["rejected"][0]["reason"]
        with psycopg.connect(central_url) as conn:
            assert conn.execute("SELECT role FROM public.users").fetchone() == ("agent",)
        # the desk's own sync keeps going: the refused change is held aside, not retried
        assert desk.engine.run_once().caught_up
        # an admin desk may
        admin_role = central.create_desk_role(central_url, "ADM", "pw-adm", kind="admin")
        admin_url = with_db(central_url, urlsplit(central_url).path.lstrip("/"), admin_role, "pw-adm")
        admin = open_desk(tmp_path / "adm.sqlite3", "ADM", lambda: CentralClient(admin_url), clock)
        try:
            admin.engine.run_once()
            directory = UserDirectory(load_profile(), "ADM")
            admin.db.write_now(lambda s: directory.set_disabled_in(s, "1001", True, clock.utc_now()))
            assert admin.engine.run_once().pushed_txs == 1  # the change and its audit record
        finally:
            admin.close()
        with psycopg.connect(central_url) as conn:
            assert conn.execute("SELECT disabled FROM public.users").fetchone() == (True,)
    finally:
        desk.close()


def test_central_refuses_rows_a_desk_pushes_in_another_desks_name(
        tmp_path: Path, central_url: str) -> None:
    from callcenter.sync.protocol import Op

    url = desk_url(central_url, "A1")
    desk_url(central_url, "B1")
    row = {"kind": "profile", "number": 1, "source": "x", "author": "1001",
           "created_at": "2026-12-07T01:00:00+00:00", "version": 1,
           "updated_at": "2026-12-07T01:00:00+00:00", "deleted_at": None}
    forged = Op(str(uuid.uuid4()), str(uuid.uuid4()), 1, "site_documents", str(uuid.uuid4()),
                "upsert", None, {**row, "origin_workstation": "B1"}, "2026-12-07T01:00:00+00:00")
    with CentralClient(url) as client:
        answer = client.push("A1", [forged])
    assert answer["rejected"][0]["op_id"] == forged.op_id
    assert "made by desk B1" in answer["rejected"][0]["reason"]
    with psycopg.connect(central_url) as conn:
        assert conn.execute("SELECT count(*) FROM public.site_documents").fetchone() == (0,)
    own = Op(str(uuid.uuid4()), str(uuid.uuid4()), 1, "site_documents", str(uuid.uuid4()),
             "upsert", None, {**row, "origin_workstation": "A1"}, "2026-12-07T01:00:00+00:00")
    with CentralClient(url) as client:
        assert client.push("A1", [own])["applied"] == [own.op_id]


def test_every_synced_table_has_the_origin_guard(central_url: str) -> None:
    with psycopg.connect(central_url) as conn:
        missing = conn.execute(
            "SELECT t.name FROM sync.tables t WHERE NOT EXISTS (SELECT 1 FROM pg_trigger g "
            "WHERE g.tgrelid = ('public.' || quote_ident(t.name))::regclass "
            "AND g.tgname = 'guard_origin')").fetchall()
    assert missing == []


def test_central_checks_the_author_of_what_a_desk_pushes(tmp_path: Path, central_url: str) -> None:
    """Issue 12: once central has users, a pushed row's author must be one whose role
    may have made it (migration c0012): an agent's emergency banner, or a ticket by
    nobody central knows, is refused; the lead's banner and the agent's ticket pass."""
    from callcenter.sync.protocol import Op

    from .central_ops import op, ticket_fields

    for uid, role in (("1001", "agent"), ("9001", "lead")):
        assert users_cli("add", uid, "--name", "张敏", "--role", role, "--central", central_url,
                         "--password-stdin", password="pass-word-1").returncode == 0
    url = desk_url(central_url, "A1")
    at = "2026-12-07T01:00:00+00:00"

    def banner(by: str) -> Op:
        row = {"message": "江城区大面积停电", "script": "您好……", "raised_by": by, "raised_at": at,
               "cleared_at": None, "cleared_by": None, "version": 1, "updated_at": at,
               "deleted_at": None, "origin_workstation": "A1"}
        return Op(str(uuid.uuid4()), str(uuid.uuid4()), 1, "emergency_banners", str(uuid.uuid4()),
                  "upsert", None, row, at)

    with CentralClient(url) as client:
        refused = client.push("A1", [banner("1001")])["rejected"]
        assert refused and "shift_lead" not in refused[0]["reason"] and "1001" in refused[0]["reason"]
        assert client.push("A1", [banner("9001")])["applied"]
        forged = op("tickets", str(uuid.uuid4()), ticket_fields("LJ-1", "A1", created_by="4444"))
        assert "no such user" in client.push("A1", [forged])["rejected"][0]["reason"]
        own = op("tickets", str(uuid.uuid4()), ticket_fields("LJ-2", "A1", created_by="1001"))
        assert client.push("A1", [own])["applied"] == [own.op_id]
    with psycopg.connect(central_url) as conn:
        assert conn.execute("SELECT raised_by FROM public.emergency_banners").fetchall() == [("9001",)]
        assert conn.execute("SELECT number FROM public.tickets").fetchall() == [("LJ-2",)]


def test_a_password_changes_only_on_the_desk_the_user_signed_in_on(
        tmp_path: Path, central_url: str) -> None:
    """Issue 12 (c0016): A1, where agent 1001 signed in, pushes 1001's new password;
    B1, where 1001 never signed in, cannot set 1001's password on central."""
    assert users_cli("add", "1001", "--name", "张敏", "--role", "agent", "--central", central_url,
                     "--password-stdin", password="agent-pass-1").returncode == 0
    clock = FakeClock()
    a_url, b_url = desk_url(central_url, "A1"), desk_url(central_url, "B1")
    a = open_desk(tmp_path / "a.sqlite3", "A1", lambda: CentralClient(a_url), clock)
    b = open_desk(tmp_path / "b.sqlite3", "B1", lambda: CentralClient(b_url), clock)
    signin = SignInService(a.db, load_profile(), clock, "A1")

    def central_hash() -> str:
        with psycopg.connect(central_url) as conn:
            row = conn.execute("SELECT password_hash FROM public.users WHERE user_id = '1001'").fetchone()
        assert row is not None
        return str(row[0])

    try:
        a.engine.run_once()
        b.engine.run_once()
        before = central_hash()
        # on B1 (nobody signed in as 1001 there), the stored hash is replaced by a tampered desk
        forged = a.db.read_now(lambda s: s.get(User, user_row_id("1001")).password_hash)

        def tamper(s):  # type: ignore[no-untyped-def]
            u = s.get(User, user_row_id("1001"))
            u.password_hash, u.must_change_password = forged.replace("$argon2id$", "$argon2id$ "), False
            u.updated_at, u.version = clock.utc_now(), u.version + 1

        b.db.write_now(tamper)
        batch = b.db.read_now(lambda s: pending_batch(s, 100))
        assert batch is not None
        with CentralClient(b_url) as client:
            answer = client.push("B1", batch.ops)
        assert "not signed in there" in answer["rejected"][0]["reason"]
        assert central_hash() == before
        # on A1, 1001 signs in (must change after the reset) and changes it: central takes it
        signin.sign_in_now("1001", "agent-pass-1")
        signin.change_password_now("1001", "agent-pass-1", "agent-pass-2")
        rep = a.engine.run_once()
        assert rep.caught_up and central_hash() != before
        with psycopg.connect(central_url) as conn:
            assert conn.execute("SELECT must_change_password FROM public.users").fetchone() == (False,)
    finally:
        signin.close()
        a.close()
        b.close()
