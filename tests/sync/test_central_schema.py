"""The central schema: migrations go up, down and up again on PostgreSQL, and
the tables they create match the models (the central stand-in for autogenerate)."""

from __future__ import annotations

import io

import psycopg
import pytest

from callcenter.commands import central as central_cmd
from callcenter.sync import central
from callcenter.sync.central_schema import synced_specs
from callcenter.sync.registry import SYNCED


def _tables(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables "
            "WHERE table_schema IN ('public', 'sync')").fetchall()
    return {r[0] for r in rows}


def test_upgrade_downgrade_upgrade(fresh_db_url: str) -> None:
    central.upgrade(fresh_db_url)
    after = _tables(fresh_db_url)
    assert {f"public.{t}" for t in SYNCED} <= after
    assert {"sync.applied_ops", "sync.conflicts", "sync.desks", "sync.meta", "sync.tables"} <= after
    central.downgrade(fresh_db_url, "base")
    assert _tables(fresh_db_url) == {"public.alembic_version"}
    central.upgrade(fresh_db_url)
    assert _tables(fresh_db_url) == after
    with central.CentralClient(fresh_db_url) as client:
        assert client.schema_version() == 17
        assert client.min_desk_schema() == 7


def _sync_catalog(url: str) -> dict[str, object]:
    """What a revision defines in schema sync: functions (text, volatility,
    security, settings, grants), columns, constraints and indexes."""
    with psycopg.connect(url) as conn:
        return {
            "functions": conn.execute(
                "SELECT p.proname, pg_get_function_identity_arguments(p.oid), p.prosrc, p.provolatile, "
                "p.prosecdef, p.proconfig, p.proacl::text[] FROM pg_proc p "
                "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'sync' ORDER BY 1, 2"
            ).fetchall(),
            "columns": conn.execute(
                "SELECT table_name, column_name, data_type, is_nullable, column_default "
                "FROM information_schema.columns WHERE table_schema = 'sync' ORDER BY 1, 2").fetchall(),
            "constraints": conn.execute(
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE connamespace = 'sync'::regnamespace ORDER BY 1, 2").fetchall(),
            "indexes": conn.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'sync' ORDER BY 1").fetchall(),
        }


def _at(url: str, revision: str, *, down: bool = False) -> dict[str, object]:
    """Upgrade (or downgrade) to ``revision``; central says it is that version
    (c000N is schema version N). Returns its sync catalog."""
    (central.downgrade if down else central.upgrade)(url, revision)
    with central.CentralClient(url) as client:
        assert client.schema_version() == int(revision[1:])
    return _sync_catalog(url)


def _count(url: str, query: str) -> object:
    with psycopg.connect(url) as conn:
        row = conn.execute(query).fetchone()
    assert row is not None
    return row[0]


def test_each_revision_goes_down_to_what_it_came_from(fresh_db_url: str) -> None:
    url = fresh_db_url
    c0001 = _at(url, "c0001")
    c0002 = _at(url, "c0002")
    assert c0002 != c0001
    assert _at(url, "c0001", down=True) == c0001  # sync.pull and sync.visible as c0001 wrote them
    assert _at(url, "c0002") == c0002
    c0003 = _at(url, "c0003")
    assert c0003 != c0002
    assert _at(url, "c0002", down=True) == c0002  # sync.push and sync.check_columns as c0001 wrote them
    assert _at(url, "c0003") == c0003
    c0004 = _at(url, "c0004")  # expand only: tickets.subtype
    c0005 = _at(url, "c0005")
    assert c0005 != c0004
    assert _at(url, "c0004", down=True) == c0004  # sync.pull (jsonb) and its grant as c0002 made them
    assert _at(url, "c0005") == c0005
    c0006 = _at(url, "c0006")  # fetch on demand, children re-sent on dispatch
    assert c0006 != c0005
    c0007 = _at(url, "c0007")  # site documents: a new reference table
    assert "public.site_documents" in _tables(url)
    c0008 = _at(url, "c0008")  # users, sign-in attempts, the users and origin guards
    assert c0008 != c0007 and "public.users" in _tables(url)
    c0009 = _at(url, "c0009")  # the audit log and its chain check
    assert c0009 != c0008 and "public.audit_log" in _tables(url)
    c0010 = _at(url, "c0010")  # rejected ops: sync.push_checked and its record
    assert "sync.rejected_ops" in _tables(url)
    c0011 = _at(url, "c0011")  # expand only: emergency_banners.cleared_by
    assert _count(url, "SELECT count(*) FROM information_schema.columns WHERE "
                       "table_name = 'emergency_banners' AND column_name = 'cleared_by'") == 1
    c0012 = _at(url, "c0012")  # the author guard: a function and its triggers
    assert c0012 != c0011
    c0013 = _at(url, "c0013")  # the handover record and its entries, their subset rule
    assert c0013 != c0012 and {"public.handover_records", "public.handover_entries"} <= _tables(url)
    c0014 = _at(url, "c0014")  # QA reviews and their steps, their subset rules
    assert c0014 != c0013 and {"public.qa_reviews", "public.qa_review_events"} <= _tables(url)
    c0015 = _at(url, "c0015")  # call recordings: a sync table and its two functions
    assert "sync.call_recordings" in _tables(url)
    c0016 = _at(url, "c0016")  # guard_users: password changes only where the user signed in
    assert c0016 != c0015
    _at(url, "c0017")  # live desk states for the lead's board
    assert "sync.desk_states" in _tables(url)
    assert _at(url, "c0016", down=True) == c0016
    assert "sync.desk_states" not in _tables(url)
    assert _at(url, "c0015", down=True) == c0015
    assert _at(url, "c0014", down=True) == c0014
    assert "sync.call_recordings" not in _tables(url)
    assert _at(url, "c0013", down=True) == c0013  # sync.subset_sql as c0013 wrote it
    assert "public.qa_reviews" not in _tables(url)
    assert _at(url, "c0012", down=True) == c0012  # sync.subset_sql as c0009 wrote it
    assert "public.handover_records" not in _tables(url)
    assert _at(url, "c0011", down=True) == c0011  # no guard_author
    assert _at(url, "c0010", down=True) == c0010
    assert _count(url, "SELECT count(*) FROM information_schema.columns WHERE "
                       "table_name = 'emergency_banners' AND column_name = 'cleared_by'") == 0
    assert _at(url, "c0009", down=True) == c0009
    assert "sync.rejected_ops" not in _tables(url)
    assert _at(url, "c0008", down=True) == c0008  # sync.subset_sql as c0008 wrote it
    assert "public.audit_log" not in _tables(url)
    assert _at(url, "c0007", down=True) == c0007  # sync.subset_sql and check_desk as before
    assert "public.users" not in _tables(url)
    assert _at(url, "c0006", down=True) == c0006  # sync.subset_sql as c0002 wrote it
    assert "public.site_documents" not in _tables(url)
    assert _at(url, "c0005", down=True) == c0005
    assert _count(url, "SELECT count(*) FROM pg_indexes WHERE indexname = "
                       "'ix_ticket_events_ticket_id'") == 0
    assert _count(url, "SELECT count(*) FROM pg_trigger WHERE tgname = 'sync_restamp_children'") == 0
    assert _at(url, "c0004", down=True) == c0004
    _at(url, "c0003", down=True)
    assert _count(url, "SELECT count(*) FROM information_schema.columns WHERE "
                       "table_name = 'tickets' AND column_name = 'subtype'") == 0


def test_central_tables_match_the_models(central_url: str) -> None:
    """Fails when a synced model changed without a central migration."""
    udt = {"uuid": "uuid", "timestamptz": "timestamptz", "jsonb": "jsonb", "text": "text",
           "bigint": "int8", "boolean": "bool", "double precision": "float8"}
    with psycopg.connect(central_url) as conn:
        registered: dict[str, str] = dict(conn.execute("SELECT name, mode FROM sync.tables").fetchall())
        assert registered == dict(SYNCED)
        for name, (mode, columns) in synced_specs().items():
            rows = conn.execute(
                "SELECT column_name, udt_name, is_nullable = 'YES' FROM information_schema.columns "
                "WHERE table_schema = 'public' AND table_name = %s", (name,)).fetchall()
            actual = {r[0]: (r[1], r[2]) for r in rows}
            expected = {c: (udt[t], n) for c, t, n in columns}
            expected["sync_xid"] = ("xid8", False)
            if mode == "merge":
                expected["sync_fver"] = expected["sync_seen"] = ("jsonb", False)
            assert actual == expected, name


def test_cli_upgrade_and_add_desk(fresh_db_url: str, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret\n"))
    # before the upgrade there is no sync.desks: an error message, not a traceback
    assert central_cmd.main(["add-desk", "WS-01", "--url", fresh_db_url, "--password-stdin"]) == 1
    assert "sync.desks" in capsys.readouterr().err
    assert central_cmd.main(["upgrade", "--url", fresh_db_url]) == 0
    # the test server runs without fsync/synchronous_commit: production must not
    assert "synchronous_commit = off" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret\n"))
    assert central_cmd.main(["add-desk", "WS-01", "--url", fresh_db_url, "--password-stdin"]) == 0
    assert "desk_ws_01" in capsys.readouterr().out
    with psycopg.connect(fresh_db_url) as conn:
        assert conn.execute("SELECT role FROM sync.desks WHERE desk = 'WS-01'").fetchone() == (
            "desk_ws_01",)
        # the password is stored as a SCRAM verifier, never as clear text
        secret = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = 'desk_ws_01'").fetchone()
        assert secret is not None and str(secret[0]).startswith("SCRAM-SHA-256$")
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret\n"))
    assert central_cmd.main(["add-desk", "REP-1", "--kind", "department", "--team", "repair",
                             "--url", fresh_db_url, "--password-stdin"]) == 0
    assert "department" in capsys.readouterr().out
    with psycopg.connect(fresh_db_url) as conn:
        assert conn.execute("SELECT team, kind FROM sync.desks WHERE desk = 'REP-1'").fetchone() == (
            "repair", "department")
        assert conn.execute("SELECT kind FROM sync.desks WHERE desk = 'WS-01'").fetchone() == ("agent",)
    assert central_cmd.main(["add-desk", "X", "--kind", "boss", "--url", fresh_db_url]) == 2
    monkeypatch.delenv("CALLCENTER_CENTRAL_URL", raising=False)
    assert central_cmd.main(["upgrade"]) == 2  # no URL anywhere: a usage error, not a traceback
