"""Central c0005 on a real PostgreSQL. sync.push_rows: a desk's batch of new rows,
grouped by its SQLite, has the effects and answer sync.push would have; a retry
after a lost answer is a duplicate; a re-batched retry, or a batch with a row
central has, applies nothing there and goes to sync.push. c0005's json
sync.pull returns the rows and cursor c0002's jsonb one did, and rows pulled in
their stored form (sync.pull_rows) are stored byte for byte as object rows are."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psycopg
import pytest

from callcenter.domain.clock import FakeClock
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database, open_database
from callcenter.services.tickets.entry import Tickets
from callcenter.sync import central
from callcenter.sync.central import CentralClient
from callcenter.sync.outbox_reader import PendingBatch, WireOps, pending_batch
from callcenter.sync.protocol import Op, dumps
from callcenter.sync.registry import SYNCED
from tests.fakes import signed_in

from .central_ops import fields_for, new_row_id, op, pull_all, register_desk, ticket_fields
from .conftest import with_db
from .test_outbox_reader import DRAFT, T0


class SqlLog(CentralClient):
    """The real client, noting which sync function each call ran."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.called: list[str] = []

    def _call(self, query: str, params: tuple[Any, ...]) -> Any:
        self.called.append(query.split("(", 1)[0].removeprefix("SELECT "))
        return super()._call(query, params)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    d = open_database(tmp_path / "desk.sqlite3")
    yield d
    d.close()


def _saves(db: Database, n: int) -> None:
    tickets = Tickets(db, load_profile(), FakeClock(T0), "W01", user=signed_in("1001"))
    for _ in range(n):
        tickets.save(DRAFT, agent_id="1001").result()


def _batch(db: Database, max_ops: int = 1000) -> PendingBatch:
    batch = db.read_now(lambda s: pending_batch(s, max_ops=max_ops, grouped=True))
    assert batch is not None
    return batch


def _central_state(url: str) -> dict[str, Any]:
    """Every synced row (without its commit marker) and every applied op."""
    with psycopg.connect(url) as conn:
        out: dict[str, Any] = {t: conn.execute(
            f"SELECT coalesce(jsonb_agg(to_jsonb(x) - 'sync_xid' ORDER BY x.id), '[]') FROM public.{t} x"
        ).fetchone()[0] for t in sorted(SYNCED)}  # type: ignore[index]
        out["applied_ops"] = conn.execute(
            "SELECT op_id, desk, tx_id, result FROM sync.applied_ops ORDER BY op_id").fetchall()
    return out


def _second_central(pg_server_url: str, name: str) -> str:
    from .conftest import _TEMPLATE, create_database

    return create_database(pg_server_url, name, template=_TEMPLATE)


def test_new_rows_go_through_push_rows_with_the_effects_of_push(
        db: Database, central_url: str, pg_server_url: str) -> None:
    _saves(db, 4)
    batch = _batch(db)
    assert batch.ops.new_rows is not None  # a ticket save is nothing but inserts
    plain_url = _second_central(pg_server_url, f"plain_{urlsplit(central_url).path.lstrip('/')}")
    with SqlLog(central_url) as client:
        answer = client.push("W01", batch.ops)
        assert client.called == ["sync.schema_version", "sync.push_rows"]
    with CentralClient(plain_url) as client:
        plain = client.push("W01", WireOps(batch.ops.payload, len(batch.ops)))
    ops = list(batch.ops)
    assert answer == plain == {"applied": [o.op_id for o in ops], "duplicate": False, "conflicts": []}
    grouped_state, plain_state = _central_state(central_url), _central_state(plain_url)
    assert grouped_state == plain_state
    assert len(grouped_state["applied_ops"]) == len(ops) and grouped_state["tickets"]


def test_a_retry_after_a_lost_answer_is_a_duplicate_that_changes_nothing(
        db: Database, central_url: str) -> None:
    _saves(db, 3)
    batch = _batch(db)
    with SqlLog(central_url) as client:
        first = client.push("W01", batch.ops)  # committed; say the answer never arrived
        before = _central_state(central_url)
        again = client.push("W01", batch.ops)
        assert client.called[1:] == ["sync.push_rows", "sync.push_rows"]
    assert first["applied"] and not first["duplicate"]
    assert again == {**first, "duplicate": True}
    assert _central_state(central_url) == before


def test_a_rebatched_retry_goes_to_push_and_applies_only_the_new_ops(
        db: Database, central_url: str) -> None:
    _saves(db, 5)
    small = _batch(db, max_ops=4)  # the first transactions, answer lost
    big = _batch(db)  # the retry takes the whole queue
    assert len(small.ops) < len(big.ops) and big.ops.new_rows is not None
    with SqlLog(central_url) as client:
        client.push("W01", small.ops)
        answer = client.push("W01", big.ops)
        # nothing applied by push_rows: it answered "fallback" and sync.push decided op by op
        assert client.called[1:] == ["sync.push_rows", "sync.push_rows", "sync.push"]
    assert answer == {"applied": [o.op_id for o in big.ops], "duplicate": False, "conflicts": []}
    state = _central_state(central_url)
    assert len(state["applied_ops"]) == len(big.ops)
    assert len(state["tickets"]) == 5
    # and its own retry is a duplicate
    with CentralClient(central_url) as client:
        assert client.push("W01", big.ops) == {**answer, "duplicate": True}


def _grouped(ops: list[Op]) -> WireOps:
    """``ops`` (inserts) as a desk's reader groups them (outbox_reader.new_rows)."""
    from callcenter.sync.outbox_reader import NewRows

    groups: dict[tuple[str, str], list[str]] = {}
    for o in ops:
        keys = json.dumps([*o.fields, "id"])
        groups.setdefault((o.table, keys), []).append(json.dumps({"id": o.row_id, **o.fields}))
    rows = NewRows("{" + ",".join(o.op_id for o in ops) + "}", "{" + ",".join(o.tx_id for o in ops) + "}",
                   [t for t, _ in groups], [k for _, k in groups],
                   ["[" + ",".join(r) + "]" for r in groups.values()])
    return WireOps(dumps(ops), len(ops), rows)


def test_a_row_central_has_makes_push_rows_apply_nothing(central_url: str) -> None:
    register_desk(central_url, "D1")
    have = new_row_id()
    with CentralClient(central_url) as client:
        client.push("D1", [op("tickets", have, ticket_fields("H-1"))])
    fresh = new_row_id()
    ops = [op("tickets", fresh, ticket_fields("H-2"), seq=1),
           op("tickets", have, ticket_fields("H-1", status="closed"), seq=2)]
    wire = _grouped(ops)
    rows = wire.new_rows
    assert rows is not None
    before = _central_state(central_url)
    with psycopg.connect(central_url, autocommit=True) as conn:
        answer = conn.execute(
            "SELECT sync.push_rows('D1', %s::uuid[], %s::uuid[], %s::text[], %s::text[], %b::text[]::json[])",
            (rows.op_ids, rows.tx_ids, rows.tables, rows.keys, rows.rows)).fetchone()[0]  # type: ignore[index]
    assert answer == {"fallback": True}
    assert _central_state(central_url) == before  # all or nothing: not even the fresh row
    with SqlLog(central_url) as client:
        answer = client.push("D1", wire)  # the client takes it to sync.push
        assert client.called[-1] == "sync.push"
    assert answer["applied"] == [o.op_id for o in ops] and not answer["duplicate"]


def test_push_rows_refuses_what_push_refuses(central_url: str) -> None:
    register_desk(central_url, "D1")
    bad = [op("tickets", new_row_id(), {**ticket_fields("B-1"), "sync_seen": {}})]
    with CentralClient(central_url) as client, pytest.raises(psycopg.errors.InvalidParameterValue):
        client.push("D1", _grouped(bad))
    assert _central_state(central_url)["applied_ops"] == []


def test_every_synced_table_takes_push_rows(central_url: str) -> None:
    register_desk(central_url, "D1")
    ops = [op(t, new_row_id(), fields_for(t, "D1"), seq=i) for i, t in enumerate(sorted(SYNCED))]
    with SqlLog(central_url) as client:
        answer = client.push("D1", _grouped(ops))
        assert client.called[-1] == "sync.push_rows"
    assert answer == {"applied": [o.op_id for o in ops], "duplicate": False, "conflicts": []}
    state = _central_state(central_url)
    assert all(len(state[t]) == 1 for t in SYNCED)


def test_a_desk_role_may_push_and_pull_rows_as_itself_only(new_central_db: Callable[[], str]) -> None:
    url = new_central_db()
    central.create_desk_role(url, "D1", "pw-d1")
    central.create_desk_role(url, "D2", "pw-d2")
    desk_url = with_db(url, urlsplit(url).path.lstrip("/"), "desk_d1", "pw-d1")
    with SqlLog(desk_url) as client:
        assert client.push("D1", _grouped([op("tickets", new_row_id(), ticket_fields("R-1"))]))["applied"]
        assert client.called[-1] == "sync.push_rows"
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            client.push("D2", _grouped([op("tickets", new_row_id(), ticket_fields("R-2", "D2"))]))
        page = client.pull("D1", None, 10, stored=True)
        assert client.called[-1] == "sync.pull_rows" and [r[0] for r in page["rows"]] == ["tickets"]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            client.pull("D2", None, 10, stored=True)


def test_a_central_before_c0005_gets_the_ops_through_push(db: Database, fresh_db_url: str) -> None:
    central.upgrade(fresh_db_url, "c0004")
    register_desk(fresh_db_url, "W01")
    _saves(db, 2)
    batch = _batch(db)
    with SqlLog(fresh_db_url) as client:
        answer = client.push("W01", batch.ops)
        assert client.called == ["sync.schema_version", "sync.push"]
    assert answer["applied"] == [o.op_id for o in batch.ops]


def test_the_json_pull_returns_what_the_jsonb_pull_did(fresh_db_url: str) -> None:
    central.upgrade(fresh_db_url, "c0004")
    register_desk(fresh_db_url, "D1", kind="admin")
    with psycopg.connect(fresh_db_url) as conn:  # the tables (and columns) central had at c0004
        tables = sorted(r[0] for r in conn.execute("SELECT name FROM sync.tables"))
        had = set(conn.execute("SELECT table_name, column_name FROM information_schema.columns "
                               "WHERE table_schema = 'public'").fetchall())
    assert set(tables) <= set(SYNCED)

    def row(t: str) -> dict[str, Any]:  # as a desk of that time pushed it
        f = fields_for(t, "D1", **({"caller_name": "张三 \"q\" \\ \n"} if t == "tickets" else {}))
        return {k: v for k, v in f.items() if (t, k) in had}
    ops = [op(t, new_row_id(), row(t), seq=i) for i, t in enumerate(tables)]
    with CentralClient(fresh_db_url) as client:
        client.push("D1", ops[:5])
        client.push("D1", ops[5:])
        before, cursor_before = pull_all(client, "D1", max_rows=3)
    central.upgrade(fresh_db_url, "c0005")
    with CentralClient(fresh_db_url) as client:
        after, cursor_after = pull_all(client, "D1", max_rows=3)
        assert client.pull("D1", cursor_after, 3)["rows"] == []
    assert len(before) == len(tables) and after == before
    # caught up both times (the xmin bound moved on with the migration's transaction)
    assert set(cursor_after) == set(cursor_before) and cursor_after["table"] == ""


class ObjectPull(CentralClient):
    """A desk that does not know sync.pull_rows: rows as objects, converted here."""

    def pull(self, desk: str, cursor: dict[str, Any] | None, max_rows: int, **_kw: Any) -> dict[str, Any]:
        return super().pull(desk, cursor, max_rows)


def _sqlite_tables(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every local table's rows as SQLite holds them (but the sync state: the
    cursor's "at" is each call's own clock)."""
    con = sqlite3.connect(path)
    try:
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('sync_state') "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {n: sorted(con.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}
    finally:
        con.close()


def test_rows_pulled_in_their_stored_form_are_stored_as_object_rows_are(
        tmp_path: Path, central_url: str) -> None:
    from callcenter.services.sync.engine import SyncEngine

    register_desk(central_url, "D1", kind="admin")
    register_desk(central_url, "PA", kind="admin")
    register_desk(central_url, "PB", kind="admin")
    odd = {"jsonb": {"键": ["值", 1.5, True, None]}, "double precision": 1.5, "boolean": True,
           "timestamptz": "2026-11-23T01:02:03.04+00:00", "text": "引号\"与\\反斜杠\n"}
    ops = []
    for i, t in enumerate(sorted(SYNCED)):
        from callcenter.sync.central_schema import synced_specs

        _, columns = synced_specs()[t]
        for j in range(3):
            over = {c: odd[k] for c, k, _n in columns if k in odd and c not in ("updated_at", "deleted_at")
                    and j == 1}
            ops.append(op(t, new_row_id(), fields_for(t, "D1", **over), seq=3 * i + j))
    with CentralClient(central_url) as client:
        for k in range(0, len(ops), 10):
            client.push("D1", ops[k:k + 10])
    got = {}
    for desk, client_type in (("PA", SqlLog), ("PB", ObjectPull)):
        db = open_database(tmp_path / f"{desk}.sqlite3")
        # one page: which of two rows clashing on a unique key is kept aside depends on
        # how pages are grouped into local transactions (timing), whatever their form
        engine = SyncEngine(db, desk, lambda c=client_type: c(central_url), page_rows=100)
        try:
            engine.run_once()
            if desk == "PA":
                assert "sync.pull_rows" in engine.client().called  # type: ignore[attr-defined]
        finally:
            engine.close()
            db.close()
        got[desk] = _sqlite_tables(tmp_path / f"{desk}.sqlite3")
    # rows that clash on a local unique key ("x" twice) are kept aside, on both desks alike
    clashes = {d: _clashes(got[d].pop("sync_conflicts")) for d in got}
    assert clashes["PA"] == clashes["PB"] and clashes["PA"]
    assert all(got["PA"][t] for t in SYNCED)
    assert got["PA"] == got["PB"]


def _clashes(rows: list[tuple[Any, ...]]) -> set[tuple[Any, ...]]:
    """(table, row id, fields, central's values) of pull clashes, stamps as instants."""
    from datetime import datetime

    def instant(v: Any) -> Any:  # and a number as a float (PostgreSQL writes 0.0 as 0)
        if isinstance(v, str) and v.endswith("+00:00"):
            return datetime.fromisoformat(v)
        return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else v
    out = set()
    for r in rows:
        assert r[1] == "pull"
        central_values = {k: instant(v) for k, v in json.loads(r[7]).items()}
        out.add((r[2], r[3], r[5], repr(sorted(central_values.items()))))
    return out


def test_a_stored_row_goes_back_to_the_wire_form_central_sent(central_url: str, db: Database) -> None:
    from datetime import datetime

    from callcenter.sync.local_rows import wire_from_stored
    from callcenter.sync.pull_apply import prepare_page

    register_desk(central_url, "D1", kind="admin")
    rid = new_row_id()
    with CentralClient(central_url) as client:
        client.push("D1", [op("tickets", rid, ticket_fields("W-1", backfilled=True,
                                                           created_at="2026-11-23T01:02:03.5+00:00"))])
        objects = client.pull("D1", None, 10)
        arrays = client.pull("D1", None, 10, stored=True)
    assert "columns" in arrays and "columns" not in objects
    dialect = db.write_engine.dialect
    cols, vals, _ = prepare_page(arrays, dialect).by_table["tickets"][rid.replace("-", "")]
    assert prepare_page(objects, dialect).by_table["tickets"][rid.replace("-", "")][:2] == (cols, vals)
    wire = wire_from_stored("tickets", cols, vals, dialect)
    sent = objects["rows"][0]["row"]

    def same(v: Any) -> Any:
        try:
            return datetime.fromisoformat(v) if isinstance(v, str) and "+00:00" in v else v
        except ValueError:
            return v
    assert {k: same(v) for k, v in wire.items()} == {k: same(v) for k, v in sent.items() if k in wire}


def test_a_grouped_batch_makes_its_json_only_when_asked(db: Database) -> None:
    _saves(db, 3)
    grouped = _batch(db)
    plain = db.read_now(lambda s: pending_batch(s, max_ops=1000))
    assert plain is not None and grouped.ops.new_rows is not None
    assert not isinstance(grouped.ops._payload, str)  # not made by the reader
    assert grouped.ops.payload == plain.ops.payload and list(grouped.ops) == list(plain.ops)
    assert (grouped.first_seq, grouped.last_seq, grouped.tx_ids) == (plain.first_seq, plain.last_seq,
                                                                      plain.tx_ids)
