"""Applying pulled pages locally (callcenter/sync/pull_apply.py, local_rows.py),
without central: stored bytes equal an ORM write of the same values, rows the
desk has are updated in place and new ones inserted, pending local edits are
kept, unique clashes are kept aside, nothing is captured, hooks run, pulled
tickets are found by the ticket search."""

from __future__ import annotations

import json
import random
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from callcenter.domain.clock import FakeClock
from callcenter.services.storage.database import Database, open_database
from callcenter.services.tickets.search import TicketQuery, TicketSearch
from callcenter.store.all_models import Base
from callcenter.store.sync_models import SyncConflict
from callcenter.sync import pull_hooks
from callcenter.sync.central_schema import pg_type
from callcenter.sync.pull_apply import PageResult, apply_page
from callcenter.sync.registry import SYNCED

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    d = open_database(tmp_path / "desk.sqlite3")
    yield d
    d.close()


# -- rows as central sends them -------------------------------------------------------------------

def pg_stamp(v: datetime) -> str:
    """A timestamptz as PostgreSQL's to_jsonb writes it in a UTC session: the
    fraction without trailing zeros, none at all for whole seconds."""
    s = v.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    frac = f"{v.microsecond:06d}".rstrip("0")
    return s + ("." + frac if frac else "") + "+00:00"


def py_value(kind: str, rng: random.Random, nullable: bool) -> Any:
    if nullable and rng.random() < 0.2:
        return None
    if kind == "uuid":
        return uuid.UUID(int=rng.getrandbits(128))
    if kind == "timestamptz":
        micro = rng.choice([0, 120000, 5, 999999, rng.randrange(1_000_000)])
        return (datetime(2026, 1, 1, tzinfo=UTC) + timedelta(seconds=rng.randrange(40_000_000))
                ).replace(microsecond=micro)
    if kind == "boolean":
        return rng.random() < 0.5
    if kind == "bigint":
        return rng.randrange(-2**40, 2**40)
    if kind == "double precision":
        return rng.choice([0.0, 1.5, rng.random() * 1000, -3.25e-7])
    if kind == "text":
        # unique (several tables have a unique text key), with quotes and CJK now and then
        text = rng.choice(["", "幸福路1号 3栋 ", "a'b\"c ", "x" * rng.randrange(1, 30)])
        return text + str(rng.getrandbits(40))
    return rng.choice([{}, {"note": "停电", "n": [1, 2.5, None, True]}, {"a": {"b": "é"}}])


def orm_values(table: str, rng: random.Random) -> dict[str, Any]:
    t = Base.metadata.tables[table]
    return {c.name: py_value(pg_type(c.type), rng, bool(c.nullable) and not c.primary_key)
            for c in t.columns}


def wire(table: str, values: dict[str, Any], form: str = "pg") -> dict[str, Any]:
    """The row as pulled. ``pg``: PostgreSQL's output (what central sends); ``iso``:
    Python's isoformat with all six digits; ``odd``: forms central does not send
    (another offset, upper-case UUIDs), which take the long way."""
    t = Base.metadata.tables[table]
    out: dict[str, Any] = {}
    for c in t.columns:
        v = values[c.name]
        kind = pg_type(c.type)
        if v is None:
            out[c.name] = None
        elif kind == "uuid":
            out[c.name] = str(v).upper() if form == "odd" else str(v)
        elif kind == "timestamptz":
            if form == "pg":
                out[c.name] = pg_stamp(v)
            elif form == "iso":
                out[c.name] = v.isoformat()
            else:
                out[c.name] = v.astimezone(timezone(timedelta(hours=8))).isoformat()
        else:
            out[c.name] = json.loads(json.dumps(v))  # through JSON, as the wire does
    return out


def raw_rows(path: Path, table: str) -> list[tuple[Any, ...]]:
    """Every stored value with its SQLite type, in id order."""
    con = sqlite3.connect(path)
    try:
        cols = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
        sel = ", ".join(f'"{c}", typeof("{c}")' for c in cols)
        return con.execute(f'SELECT {sel} FROM "{table}" ORDER BY id').fetchall()
    finally:
        con.close()


def pull(db: Database, items: list[dict[str, Any]], cursor: dict[str, Any] | None = None) -> PageResult:
    return db.write_unchecked_now(partial(apply_page, rows=items, cursor=cursor, now=NOW, caught_up=True))


# -- stored bytes -----------------------------------------------------------------------------------

@pytest.mark.parametrize("form", ["pg", "iso", "odd"])
def test_every_synced_table_is_stored_byte_for_byte_as_an_orm_write(
        tmp_path: Path, form: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # without after-pull hooks (they derive local columns, e.g. outage address keys)
    monkeypatch.setattr(pull_hooks, "_HOOKS", {})
    rng = random.Random(f"bytes-{form}")
    rows = {table: [orm_values(table, rng) for _ in range(25)] for table in SYNCED}
    orm = open_database(tmp_path / "orm.sqlite3")
    pulled = open_database(tmp_path / "pulled.sqlite3")
    try:
        def write(s: Session) -> None:
            for table, values in rows.items():
                s.execute(Base.metadata.tables[table].insert(), values)  # the column types' own binds
        orm.write_unchecked_now(write)
        res = pull(pulled, [{"table": t, "row": wire(t, v, form)} for t, vs in rows.items() for v in vs])
        assert res.applied == 25 * len(SYNCED) and res.clashes == 0
    finally:
        orm.close()
        pulled.close()
    for table in SYNCED:
        want = raw_rows(tmp_path / "orm.sqlite3", table)
        assert raw_rows(tmp_path / "pulled.sqlite3", table) == want, table


def test_central_forms_become_the_stored_text_directly(db: Database) -> None:
    tid = uuid.UUID("0192f3a4-5b6c-7d8e-9f00-112233445566")
    row = wire("ticket_events", {
        "ticket_id": tid, "kind": "saved", "actor": "1024", "at": NOW, "data": {"k": "停电"},
        "id": uuid.UUID(int=7), "version": 1, "updated_at": NOW.replace(microsecond=120000),
        "deleted_at": None, "origin_workstation": "W01"})
    assert row["updated_at"] == "2026-11-23T02:00:00.12+00:00" and row["at"] == "2026-11-23T02:00:00+00:00"
    pull(db, [{"table": "ticket_events", "row": row}])
    (got,) = raw_rows(db.path, "ticket_events")
    stored = dict(zip([c.name for c in Base.metadata.tables["ticket_events"].columns], got[::2], strict=True))
    assert stored["ticket_id"] == "0192f3a45b6c7d8e9f00112233445566"
    assert stored["at"] == "2026-11-23 02:00:00.000000"
    assert stored["updated_at"] == "2026-11-23 02:00:00.120000"
    assert stored["data"] == json.dumps({"k": "停电"}) and stored["deleted_at"] is None


def test_a_malformed_stamp_is_refused_not_stored() -> None:
    from sqlalchemy.dialects.sqlite import pysqlite

    from callcenter.sync.local_rows import shape
    sh = shape("ticket_events", pysqlite.dialect())
    row = wire("ticket_events", orm_values("ticket_events", random.Random(1)))
    with pytest.raises(ValueError):
        sh.values({**row, "at": "2026-02-30T01:00:00+00:00"})


# -- what a page does -------------------------------------------------------------------------------

def ticket(rng: random.Random, **over: Any) -> dict[str, Any]:
    v = orm_values("tickets", rng)
    v.update(deleted_at=None, status="accepted", version=1)
    v.update(over)
    return v


def tickets_by_id(db: Database) -> dict[str, tuple[int, str, str, int]]:
    con = sqlite3.connect(db.path)
    try:
        return {r[0]: r[1:] for r in con.execute("SELECT id, rowid, number, content, version FROM tickets")}
    finally:
        con.close()


def test_rows_the_desk_has_are_updated_in_place_and_new_ones_inserted(db: Database) -> None:
    rng = random.Random(2)
    old = [ticket(rng, number=f"N-{i}") for i in range(5)]
    pull(db, [{"table": "tickets", "row": wire("tickets", v)} for v in old])
    before = tickets_by_id(db)
    # old[0] gives up its number, which a new ticket takes, in the same page
    changed = {**old[0], "number": "N-0-renumbered", "content": "新的内容", "version": 2}
    new = [ticket(rng, number="N-0"), ticket(rng, number="N-new")]
    res = pull(db, [{"table": "tickets", "row": wire("tickets", v)} for v in (new[0], changed, new[1])])
    assert (res.applied, res.clashes, res.kept_local, res.tables) == (3, 0, 0, {"tickets"})
    after = tickets_by_id(db)
    assert len(after) == 7
    key = old[0]["id"].hex
    # the same rowid: the text index follows the row
    assert after[key] == (before[key][0], "N-0-renumbered", "新的内容", 2)
    assert {after[v["id"].hex][1] for v in new} == {"N-0", "N-new"}
    assert db.read_now(lambda s: s.execute(select(SyncConflict)).first()) is None


def test_a_row_sent_twice_in_a_page_is_stored_as_its_last_state(db: Database) -> None:
    v = ticket(random.Random(3), number="T-1")
    items = [{"table": "tickets", "row": wire("tickets", {**v, "content": c, "version": n})}
             for n, c in ((1, "first"), (2, "second"))]
    res = pull(db, items)
    assert res.clashes == 0
    (only,) = tickets_by_id(db).values()
    assert only[1:] == ("T-1", "second", 2)


def test_pending_rows_are_kept_clashes_kept_aside_nothing_captured(db: Database) -> None:
    rng = random.Random(4)
    mine, taken, other = ticket(rng, number="A-1"), ticket(rng, number="A-2"), ticket(rng, number="A-3")
    pull(db, [{"table": "tickets", "row": wire("tickets", v)} for v in (mine, taken, other)])
    con = sqlite3.connect(db.path)
    with con:  # an unpushed local op on `mine`
        con.execute("INSERT INTO sync_outbox (op_id, tx_id, table_name, row_id, kind, fields, at) "
                    "VALUES (?, ?, 'tickets', ?, 'upsert', '{}', '2026-11-23 02:00:00.000000')",
                    (uuid.uuid4().hex, uuid.uuid4().hex, mine["id"].hex))
    outbox = con.execute("SELECT count(*) FROM sync_outbox").fetchone()
    con.close()
    page = [
        {"table": "tickets", "row": wire("tickets", {**mine, "content": "central's", "version": 2})},
        # a clash on update, then on insert
        {"table": "tickets", "row": wire("tickets", {**other, "number": "A-2", "version": 2})},
        {"table": "tickets", "row": wire("tickets", ticket(rng, number="A-1"))},
        {"table": "tickets", "row": wire("tickets", ticket(rng, number="A-4"))},
        {"table": "not_here_yet", "row": {"id": str(uuid.uuid4())}},
    ]
    seen: list[list[str]] = []

    def hook(_s: Session, ids: list[str]) -> None:
        seen.append(ids)
    pull_hooks.register_after_pull("tickets", hook)
    try:
        res = pull(db, page, cursor={"xid": "42"})
    finally:
        pull_hooks.unregister_after_pull("tickets", hook)
    assert (res.applied, res.kept_local, res.clashes) == (1, 1, 2)
    assert seen == [[r["row"]["id"] for r in page[:4]]]  # every row of the table, kept ones too
    got = tickets_by_id(db)
    assert got[mine["id"].hex][2:] == (mine["content"], 1)
    assert got[other["id"].hex][1] == "A-3"
    assert sorted(n for _r, n, _c, _v in got.values()) == ["A-1", "A-2", "A-3", "A-4"]
    conflicts = db.read_now(lambda s: list(s.scalars(select(SyncConflict))))
    assert sorted((c.source, c.table_name, tuple(c.fields)) for c in conflicts) == [
        ("pull", "tickets", ("number",))] * 2
    con = sqlite3.connect(db.path)
    try:
        assert con.execute("SELECT count(*) FROM sync_outbox").fetchone() == outbox
        assert json.loads(con.execute("SELECT value FROM sync_state WHERE key = 'cursor'").fetchone()[0]) \
            == {"xid": "42"}
    finally:
        con.close()


def test_pulled_tickets_are_found_by_the_ticket_search(db: Database) -> None:
    rng = random.Random(5)
    a = ticket(rng, number="S-1", content="变压器冒烟 请速来", created_at=NOW, deleted_at=None)
    b = ticket(rng, number="S-2", content="路灯不亮", created_at=NOW, deleted_at=None)
    pull(db, [{"table": "tickets", "row": wire("tickets", v)} for v in (a, b)])
    search = TicketSearch(db, FakeClock(NOW))
    try:
        def found(text: str) -> list[str]:
            return [r.number for r in search.page(TicketQuery(text=text)).rows]
        assert found("变压器冒烟") == ["S-1"]
        drain = getattr(getattr(db, "search_indexer", None), "drain", None)
        if drain is not None:
            drain()  # now from the text index
        assert found("变压器冒烟") == ["S-1"]
        edited = {**b, "content": "变压器冒烟了", "version": 2}
        pull(db, [{"table": "tickets", "row": wire("tickets", edited)}])
        assert sorted(found("变压器冒烟")) == ["S-1", "S-2"]
        assert found("路灯不亮") == []
        if drain is not None:
            drain()
        con = sqlite3.connect(db.path)
        try:
            con.execute("INSERT INTO ticket_fts(ticket_fts, rank) VALUES('integrity-check', 1)")
        finally:
            con.close()
    finally:
        search.close()
