"""Tombstone expiry on a real PostgreSQL: sync.prune hard-deletes tombstones
older than the retention (written before a mark at least that old) and old
applied op ids; a cursor from before the prune horizon is answered with
``resync``, and a full pull from an empty cursor works on."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from callcenter.sync.central import CentralClient

from .central_ops import new_row_id, op, pull_all, ticket_fields

OLD = "2026-01-01T00:00:00+00:00"


def _scalar(url: str, query: str, *params: Any) -> Any:
    with psycopg.connect(url) as conn:
        row = conn.execute(query, params).fetchone()
    assert row is not None
    return row[0]


def _prune(url: str, now: str = "now()") -> dict[str, Any]:
    return dict(_scalar(url, f"SELECT sync.prune({now})"))


def _tombstoned(client: CentralClient, number: str, deleted_at: str = OLD) -> str:
    rid = new_row_id()
    client.push("D1", [op("tickets", rid, ticket_fields(number))])
    client.push("D1", [op("tickets", rid, {"deleted_at": deleted_at, "version": 2}, base=1, kind="delete")])
    return rid


def _ids(url: str, table: str) -> set[str]:
    with psycopg.connect(url) as conn:
        return {r[0] for r in conn.execute(f"SELECT id::text FROM public.{table}").fetchall()}


def _mark_everything_so_far_as(url: str, age: str) -> None:
    """Pretend every write until now happened ``age`` ago (a mark, as a prune then would leave)."""
    with psycopg.connect(url) as conn:
        conn.execute("INSERT INTO sync.xid_marks (at, xid_bound) "
                     "VALUES (now() - %s::interval, pg_snapshot_xmin(pg_current_snapshot()))", (age,))


def test_prune_removes_old_tombstones_and_a_stale_cursor_gets_resync(central_url: str) -> None:
    with CentralClient(central_url) as client:
        dead = _tombstoned(client, "P-1")
        alive = new_row_id()
        client.push("D1", [op("tickets", alive, ticket_fields("P-2"))])
        _, stale = pull_all(client, "D9")
        assert "at" in stale
        assert _scalar(central_url, "SELECT count(*) FROM sync.applied_ops") == 3

        result = _prune(central_url, "now() + interval '31 days'")
        assert result["deleted"]["tickets"] == 1 and result["applied_ops"] == 3
        assert _ids(central_url, "tickets") == {alive}
        assert _scalar(central_url, "SELECT count(*) FROM sync.applied_ops") == 0
        assert _scalar(central_url, "SELECT pruned_before IS NOT NULL FROM sync.meta")

        page = client.pull("D9", stale, 100)
        assert page == {"resync": True, "rows": [], "cursor": {}, "more": True}
        # the full re-sync: from an empty cursor, without the pruned row
        rows, fresh = pull_all(client, "D9", page["cursor"])
        assert [r["row"]["id"] for r in rows] == [alive] and dead not in _ids(central_url, "tickets")
        later = new_row_id()
        client.push("D1", [op("tickets", later, ticket_fields("P-3"))])
        assert [r["row"]["id"] for r in pull_all(client, "D9", fresh)[0]] == [later]


def test_a_late_tombstone_with_an_old_deleted_at_lives_a_full_retention(central_url: str) -> None:
    """deleted_at is the desk's clock: a desk offline for weeks pushes a delete
    made long ago. Central keeps it until a retention after it arrived, so the
    other desks still pull it."""
    with CentralClient(central_url) as client:
        old = _tombstoned(client, "L-1")
        _mark_everything_so_far_as(central_url, "40 days")
        late = _tombstoned(client, "L-2")  # arrives now, deleted_at months ago
        result = _prune(central_url)
    assert result["deleted"]["tickets"] == 1
    assert _ids(central_url, "tickets") == {late}
    assert old not in _ids(central_url, "tickets")
    assert _scalar(central_url, "SELECT now() - pruned_before > interval '39 days' FROM sync.meta")


def test_nothing_to_prune_forces_no_resync(central_url: str) -> None:
    with CentralClient(central_url) as client:
        rid = new_row_id()
        client.push("D1", [op("tickets", rid, ticket_fields("N-1"))])
        _, cursor = pull_all(client, "D9")
        _mark_everything_so_far_as(central_url, "40 days")
        result = _prune(central_url)  # no tombstones: nothing a desk could have missed
        assert result["deleted"]["tickets"] == 0 and result["pruned_before"] is None
        page = client.pull("D9", cursor, 10)
        assert "resync" not in page and page["rows"] == []


def test_the_first_prune_after_install_deletes_nothing_recent(central_url: str) -> None:
    with CentralClient(central_url) as client:
        rid = _tombstoned(client, "F-1")
    assert _prune(central_url)["deleted"] == {}  # no mark a retention old yet
    assert rid in _ids(central_url, "tickets")


def test_the_retention_is_a_setting(central_url: str) -> None:
    with CentralClient(central_url) as client:
        rid = _tombstoned(client, "R-1")
    with psycopg.connect(central_url) as conn:
        conn.execute("UPDATE sync.meta SET tombstone_retention = '2 days'")
    _prune(central_url, "now() + interval '1 day'")
    assert rid in _ids(central_url, "tickets")
    _prune(central_url, "now() + interval '3 days'")
    assert rid not in _ids(central_url, "tickets")
    with psycopg.connect(central_url) as conn, pytest.raises(psycopg.errors.CheckViolation):
        conn.execute("UPDATE sync.meta SET tombstone_retention = '1 hour'")


def test_a_cursor_mid_pagination_keeps_the_time_it_was_last_caught_up(central_url: str) -> None:
    """A page's cursor is only as fresh as the last time the desk had everything:
    a desk interrupted mid-way after an old cursor is still sent to re-sync."""
    with CentralClient(central_url) as client:
        client.push("D1", [op("tickets", new_row_id(), ticket_fields("M-0"))])
        _, caught_up = pull_all(client, "D9")
        client.push("D1", [op("tickets", new_row_id(), ticket_fields(f"M-{i}"), seq=i) for i in range(1, 4)])
        page = client.pull("D9", caught_up, 1)
        assert page["more"] and page["cursor"]["at"] == caught_up["at"]
        _tombstoned(client, "M-dead")
        _prune(central_url, "now() + interval '31 days'")
        assert client.pull("D9", page["cursor"], 1)["resync"] is True


def test_a_cursor_from_before_c0002_without_at(central_url: str) -> None:
    with CentralClient(central_url) as client:
        rid = new_row_id()
        client.push("D1", [op("tickets", rid, ticket_fields("O-1"))])
        xid = _scalar(central_url, "SELECT sync_xid::text FROM public.tickets WHERE id = %s", rid)
        legacy = {"xid": xid, "table": "tickets", "id": rid}
        # it resumes at the start of its xid (its row comes again, a no-op for the desk) ...
        assert [r["row"]["id"] for r in pull_all(client, "D9", legacy)[0]] == [rid]
        # ... until the first prune that removes something: then its age is unknown
        _tombstoned(client, "O-dead")
        _prune(central_url, "now() + interval '31 days'")
        assert client.pull("D9", legacy, 10)["resync"] is True
