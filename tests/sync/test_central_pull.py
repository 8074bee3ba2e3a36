"""sync.pull on a real PostgreSQL: pages in commit order, resumes exactly after
the last row (also inside one transaction's rows), and never skips a commit."""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from callcenter.sync.central import CentralClient

from .central_ops import event_fields, new_row_id, op, ticket_fields


def _pull_all(client: CentralClient, cursor: dict[str, Any] | None, max_rows: int
              ) -> tuple[list[tuple[str, str]], dict[str, Any]]:
    got: list[tuple[str, str]] = []
    while True:
        page = client.pull("D9", cursor, max_rows)
        assert len(page["rows"]) <= max_rows
        got += [(r["table"], r["row"]["id"]) for r in page["rows"]]
        cursor = page["cursor"]
        if not page["more"]:
            return got, cursor


def test_pages_resume_exactly_after_the_last_row(central_url: str) -> None:
    tx = new_row_id()
    tickets = [new_row_id() for _ in range(3)]
    ops = [op("tickets", rid, ticket_fields(f"P-{i}"), tx=tx, seq=i) for i, rid in enumerate(tickets)]
    ops += [op("ticket_events", new_row_id(), event_fields(rid), tx=tx, seq=10 + i)
            for i, rid in enumerate(tickets)]
    with CentralClient(central_url) as client:
        client.push("D1", ops)  # six rows with one commit marker: ties everywhere
        later = new_row_id()
        client.push("D1", [op("tickets", later, ticket_fields("P-later"))])
        got, cursor = _pull_all(client, None, 2)
        assert sorted(got) == sorted({(o.table, o.row_id) for o in ops} | {("tickets", later)})
        assert len(got) == 7 and got[-1] == ("tickets", later)
        assert _pull_all(client, cursor, 2)[0] == []
        # a row changed after it was pulled comes again, with the new version
        client.push("D2", [op("tickets", later, {"status": "closed", "version": 2}, base=1)])
        page = client.pull("D9", cursor, 10)
    assert [(r["row"]["id"], r["row"]["version"]) for r in page["rows"]] == [(later, 2)]
    assert "sync_xid" not in page["rows"][0]["row"] and "sync_fver" not in page["rows"][0]["row"]


def test_a_slow_transaction_is_never_skipped(central_url: str) -> None:
    slow_id, fast_id = new_row_id(), new_row_id()
    with CentralClient(central_url) as client, psycopg.connect(central_url) as slow:
        _, cursor = _pull_all(client, None, 100)
        # the slow transaction takes its xid first and stays open ...
        slow.execute("SELECT sync.push('D1', %s)",
                     (Jsonb([op("tickets", slow_id, ticket_fields("S-slow")).to_json()]),))
        # ... while a later transaction commits
        client.push("D2", [op("tickets", fast_id, ticket_fields("S-fast", "D2"))])
        during, cursor = _pull_all(client, cursor, 100)
        assert during == []  # held back below the slow transaction's xid, not skipped past it
        slow.commit()
        after, cursor = _pull_all(client, cursor, 100)
    assert sorted(after) == sorted([("tickets", slow_id), ("tickets", fast_id)])
    assert after[0] == ("tickets", slow_id)  # commit-marker order: the slow one took the smaller xid
