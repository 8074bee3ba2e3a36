"""sync.push on a real PostgreSQL: idempotent, atomic, append-only inserts and
per-field merge with a version check (no wall-clock last-writer-wins)."""

from __future__ import annotations

import threading
from typing import Any

import psycopg
import pytest
from psycopg.types.json import Jsonb

from callcenter.sync.central import CentralClient

from .central_ops import event_fields, new_row_id, op, ticket_fields


def _row(url: str, table: str, row_id: str) -> dict[str, Any]:
    with psycopg.connect(url) as conn:
        row = conn.execute(f"SELECT to_jsonb(t) FROM public.{table} t WHERE id = %s", (row_id,)).fetchone()
    assert row is not None
    return dict(row[0])


def _count(url: str, query: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute(query).fetchone()
    assert row is not None
    return int(row[0])


def _new_ticket(client: CentralClient, number: str, desk: str = "D1") -> str:
    rid = new_row_id()
    res = client.push(desk, [op("tickets", rid, ticket_fields(number, desk))])
    assert res["conflicts"] == [] and not res["duplicate"]
    return rid


def test_same_ops_twice_is_a_duplicate_that_changes_nothing(central_url: str) -> None:
    rid = new_row_id()
    tx = new_row_id()
    ops = [op("tickets", rid, ticket_fields("T-1"), tx=tx, seq=1),
           op("ticket_events", new_row_id(), event_fields(rid), tx=tx, seq=2)]
    with CentralClient(central_url) as client:
        first = client.push("D1", ops)
        before = _row(central_url, "tickets", rid)
        applied = _count(central_url, "SELECT count(*) FROM sync.applied_ops")
        second = client.push("D1", ops)
    assert first == {"applied": [o.op_id for o in ops], "duplicate": False, "conflicts": []}
    assert second == {**first, "duplicate": True}
    assert _row(central_url, "tickets", rid) == before  # same version, same commit marker
    assert _count(central_url, "SELECT count(*) FROM sync.applied_ops") == applied == 2


def test_a_retry_after_a_lost_ack_returns_the_same_result(central_url: str) -> None:
    with CentralClient(central_url) as client:
        rid = _new_ticket(client, "T-2")
        client.push("D1", [op("tickets", rid, {"status": "dispatched", "version": 2}, base=1)])
        late = [op("tickets", rid, {"status": "closed", "version": 2}, base=1)]
        lost = client.push("D2", late)  # committed on central, but say the ack never arrived
        retry = client.push("D2", late)
    assert lost["conflicts"] and retry == {**lost, "duplicate": True}
    assert _count(central_url, "SELECT count(*) FROM sync.conflicts") == 1


def test_a_retry_racing_its_unfinished_original_waits_and_is_a_duplicate(central_url: str) -> None:
    ops = [op("tickets", new_row_id(), ticket_fields("T-3"))]
    payload = Jsonb([o.to_json() for o in ops])
    results: list[dict[str, Any]] = []
    with psycopg.connect(central_url) as original:  # a transaction still open on central
        first = original.execute("SELECT sync.push('D1', %s)", (payload,)).fetchone()
        assert first is not None

        def retry() -> None:
            with CentralClient(central_url) as client:
                results.append(client.push("D1", ops))

        t = threading.Thread(target=retry)
        t.start()
        original.commit()
        t.join(timeout=30)
    assert results == [{**first[0], "duplicate": True}]


def test_append_only_rows_are_inserted_once_and_never_conflict(central_url: str) -> None:
    with CentralClient(central_url) as client:
        rid = _new_ticket(client, "T-4")
        eid = new_row_id()
        client.push("D1", [op("ticket_events", eid, event_fields(rid, "saved"))])
        again = client.push("D2", [op("ticket_events", eid, event_fields(rid, "dispatched"), base=1)])
    assert again["conflicts"] == []
    assert _row(central_url, "ticket_events", eid)["kind"] == "saved"
    assert _count(central_url, "SELECT count(*) FROM public.ticket_events") == 1


def test_different_fields_changed_on_two_desks_merge_without_conflict(central_url: str) -> None:
    with CentralClient(central_url) as client:
        rid = _new_ticket(client, "T-5")
        a = client.push("D1", [op("tickets", rid, {"status": "dispatched", "version": 2,
                                                   "updated_at": "2026-11-23T02:00:00Z"}, base=1)])
        b = client.push("D2", [op("tickets", rid, {"content": "no power since 8:00", "version": 2,
                                                   "updated_at": "2026-11-23T01:30:00+00:00"}, base=1)])
    assert a["conflicts"] == b["conflicts"] == []
    row = _row(central_url, "tickets", rid)
    assert (row["status"], row["content"], row["version"]) == ("dispatched", "no power since 8:00", 3)
    assert row["updated_at"] == "2026-11-23T02:00:00+00:00"  # the later one; it never conflicts


def test_the_same_field_changed_on_two_desks_is_a_recorded_conflict(central_url: str) -> None:
    with CentralClient(central_url) as client:
        rid = _new_ticket(client, "T-6")
        client.push("D1", [op("tickets", rid, {"status": "dispatched", "version": 2}, base=1)])
        late = op("tickets", rid, {"status": "closed", "priority": "urgent", "version": 2}, base=1)
        res = client.push("D2", [late])
        # the same change made on both sides is no conflict
        same = client.push("D3", [op("tickets", rid, {"status": "dispatched", "version": 2}, base=1)])
    assert res["conflicts"] == [{"op_id": late.op_id, "table": "tickets", "row_id": rid,
                                 "fields": ["status"], "central": {"status": "dispatched"}}]
    assert same["conflicts"] == []
    row = _row(central_url, "tickets", rid)
    assert (row["status"], row["priority"]) == ("dispatched", "urgent")  # central kept, rest applied
    with psycopg.connect(central_url) as conn:
        rec = conn.execute("SELECT desk, fields, desk_values, central_values, base_version, resolved_at "
                           "FROM sync.conflicts").fetchall()
    assert rec == [("D2", ["status"], {"status": "closed"}, {"status": "dispatched"}, 1, None)]


def test_a_desk_that_saw_central_change_overwrites_it(central_url: str) -> None:
    with CentralClient(central_url) as client:
        rid = _new_ticket(client, "T-7")
        client.push("D1", [op("tickets", rid, {"status": "dispatched", "version": 2}, base=1)])
        res = client.push("D2", [op("tickets", rid, {"status": "closed", "version": 3}, base=2)])
    assert res["conflicts"] == []
    assert _row(central_url, "tickets", rid)["status"] == "closed"


def test_delete_is_a_tombstone(central_url: str) -> None:
    with CentralClient(central_url) as client:
        rid = _new_ticket(client, "T-8")
        client.push("D1", [op("tickets", rid, {"deleted_at": "2026-11-23T03:00:00+00:00", "version": 2},
                              base=1, kind="delete")])
        pulled = client.pull("D2", None, 10)["rows"]
    row = _row(central_url, "tickets", rid)
    assert (row["deleted_at"], row["version"]) == ("2026-11-23T03:00:00+00:00", 2)
    assert [r["row"]["deleted_at"] for r in pulled] == ["2026-11-23T03:00:00+00:00"]  # the tombstone


def test_a_push_is_atomic_and_refuses_tables_outside_the_synced_set(central_url: str) -> None:
    tx = new_row_id()
    ok = op("tickets", new_row_id(), ticket_fields("T-9"), tx=tx, seq=1)
    bad = op("ticket_sequences", new_row_id(), {"last_seq": 1}, tx=tx, seq=2)
    with CentralClient(central_url) as client:
        with pytest.raises(psycopg.errors.InvalidParameterValue, match="not synced"):
            client.push("D1", [ok, bad])
        with pytest.raises(psycopg.errors.InvalidParameterValue, match="unknown columns"):
            client.push("D1", [op("tickets", new_row_id(), {"sync_xid": "1"})])
    assert _count(central_url, "SELECT count(*) FROM public.tickets") == 0
    assert _count(central_url, "SELECT count(*) FROM sync.applied_ops") == 0


def test_offline_edit_chains_are_judged_by_what_the_desk_last_pulled(central_url: str) -> None:
    """A desk saving a ticket twice offline numbers its versions 2 and 3 itself;
    central's numbers move on with other desks' changes. The second save must
    still conflict with a change it never saw, and not with its own first save."""
    with CentralClient(central_url) as client:
        rid = _new_ticket(client, "T-10")  # D1 made it: version 1 on both sides
        # D2 pulled version 1 and changed the content: central version 2
        client.push("D2", [op("tickets", rid, {"content": "sparks", "version": 2}, base=1)])
        # D1, offline since version 1, saved twice: status (local 2), then content (local 3)
        first = client.push("D1", [op("tickets", rid, {"status": "dispatched", "version": 2}, base=1)])
        second = client.push("D1", [op("tickets", rid, {"content": "no power", "version": 3}, base=2)])
        # and once more, its own field again: no conflict with itself
        third = client.push("D1", [op("tickets", rid, {"status": "closed", "version": 4}, base=3)])
    assert first["conflicts"] == [] and third["conflicts"] == []
    assert [c["fields"] for c in second["conflicts"]] == [["content"]]
    row = _row(central_url, "tickets", rid)
    assert (row["content"], row["status"], row["version"]) == ("sparks", "closed", 5)


def test_concurrent_pushes_to_one_row_lose_no_update(central_url: str) -> None:
    with CentralClient(central_url) as client:
        rid = _new_ticket(client, "T-11")
    rounds = 40
    errors: list[BaseException] = []

    def desk(name: str, field: str) -> None:
        try:
            with CentralClient(central_url) as c:
                for i in range(rounds):  # each save on its own chain: local versions 2, 3, ...
                    c.push(name, [op("tickets", rid, {field: f"{name}-{i}", "version": i + 2}, base=i + 1)])
        except BaseException as exc:  # noqa: B036 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=desk, args=("D1", "content")),
               threading.Thread(target=desk, args=("D2", "address"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    row = _row(central_url, "tickets", rid)
    assert (row["content"], row["address"], row["version"]) == (
        f"D1-{rounds - 1}", f"D2-{rounds - 1}", 1 + 2 * rounds)
    assert _count(central_url, "SELECT count(*) FROM sync.conflicts") == 0
