"""Sync rounds between real desks (SQLite files) and a real central PostgreSQL:
rows reach the other desk, per-field merges, conflicts kept for the user, local
pending edits never overwritten, retries after a lost acknowledgement."""

from __future__ import annotations

import random
import threading
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import psycopg
import pytest
from sqlalchemy import select

from callcenter.services.storage.database import Database, open_database
from callcenter.services.sync.conflicts import SyncConflicts
from callcenter.services.sync.engine import SchemaTooOld, SyncEngine, SyncReport
from callcenter.store.models import Account, Customer, Ticket
from callcenter.store.sync_models import SyncConflict
from callcenter.sync import outbox_reader as reader
from callcenter.sync.central import CentralClient
from tests.fakes import signed_in

from .test_outbox_replay import run_shift, stored

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
# central owns versions (it bumps them on every applied op) and pulled rows carry them
CENTRAL_OWNED = {"version"}

Desks = Callable[[str], tuple[Database, SyncEngine]]


@pytest.fixture
def desks(tmp_path: Path, central_url: str) -> Iterator[Desks]:
    made: list[tuple[Database, SyncEngine]] = []

    def make(name: str) -> tuple[Database, SyncEngine]:
        db = open_database(tmp_path / f"{name}.sqlite3")
        engine = SyncEngine(db, name, lambda: CentralClient(central_url), page_rows=10,
                            push_ops=10)
        made.append((db, engine))
        return db, engine

    yield make
    for db, engine in made:
        engine.close()
        db.close()


def comparable(db: Database) -> dict[str, dict[str, dict[str, Any]]]:
    return {t: {rid: {k: v for k, v in row.items() if k not in CENTRAL_OWNED}
                for rid, row in rows.items()} for t, rows in stored(db).items()}


def edit_ticket(db: Database, tid: uuid.UUID, **fields: Any) -> None:
    def go(s: Any) -> None:
        t = s.get(Ticket, tid)
        for k, v in fields.items():
            setattr(t, k, v)
        t.version += 1
        t.updated_at = datetime.now(UTC)
    db.write_now(go)


def one_ticket(db: Database) -> Ticket:
    return db.read_now(lambda s: s.scalars(select(Ticket).order_by(Ticket.created_at)).first())


def customer(db: Database, name: str, account_no: str) -> None:
    """A customer with one account, written as a desk would (captured for sync)."""
    def go(s: Any) -> None:
        c = Customer(name=name, phone="13800000000", address="幸福路1号", area_type="urban",
                     updated_at=NOW, origin_workstation="x")
        s.add(c)
        s.flush()
        s.add(Account(customer_id=c.id, account_no=account_no, meter_no="1", address="幸福路1号",
                      updated_at=NOW, origin_workstation="x"))
    db.write_now(go)


def conflicts(db: Database) -> list[SyncConflict]:
    return db.read_now(lambda s: list(s.scalars(select(SyncConflict))))


def test_a_shift_on_one_desk_reaches_another_desk_exactly(desks: Desks) -> None:
    a_db, a = desks("WA")
    b_db, b = desks("WB")
    run_shift(a_db)
    first = a.run_once()
    assert first.pushed_ops > 30 and first.push_calls > 1 and first.conflicts == 0
    assert first.caught_up and a_db.read_now(reader.queue_status).depth == 0
    got = b.run_once()
    assert got.caught_up and got.pulled_rows > 0 and got.pages > 1 and got.clashes == 0
    assert comparable(b_db) == comparable(a_db)
    # a second round moves nothing new and leaves both the same
    assert a.run_once().pushed_ops == 0 and b.run_once().pushed_ops == 0
    assert stored(a_db) == stored(b_db)  # versions too: both took central's


def test_edits_of_different_fields_merge_and_of_the_same_field_conflict(desks: Desks) -> None:
    a_db, a = desks("WA")
    b_db, b = desks("WB")
    run_shift(a_db)
    a.run_once()
    b.run_once()
    tid = one_ticket(a_db).id
    edit_ticket(a_db, tid, address="江城区幸福路12号3栋", content="A 的说明")
    edit_ticket(b_db, tid, priority="urgent", content="B 的说明")
    a.run_once()
    rep = b.run_once()
    assert rep.conflicts == 1
    (c,) = conflicts(b_db)
    assert (c.source, c.table_name, c.row_id, c.fields) == ("push", "tickets", tid, ["content"])
    assert c.local_values == {"content": "B 的说明"} and c.central_values == {"content": "A 的说明"}
    assert c.resolved_at is None
    a.run_once()
    for db in (a_db, b_db):
        t = db.read_now(lambda s: s.get(Ticket, tid))
        assert (t.address, t.priority, t.content) == ("江城区幸福路12号3栋", "urgent", "A 的说明")
    assert conflicts(a_db) == []  # shown to the desk that made the later change only


def test_a_pulled_row_never_overwrites_a_local_edit_still_to_be_pushed(desks: Desks) -> None:
    a_db, a = desks("WA")
    b_db, b = desks("WB")
    run_shift(a_db)
    a.run_once()
    b.run_once()
    tid = one_ticket(a_db).id
    edit_ticket(a_db, tid, caller_name="李四")
    a.run_once()
    edit_ticket(b_db, tid, meter_no="999")
    from callcenter.services.sync.engine import SyncReport

    rep = SyncReport()
    b.pull_all(rep)  # pull before pushing: the pending row is left alone
    assert rep.kept_local == 1
    t = b_db.read_now(lambda s: s.get(Ticket, tid))
    assert (t.caller_name, t.meter_no) != ("李四", "999") and t.meter_no == "999"
    b.run_once()  # push, then central sends the merged row back
    a.run_once()
    for db in (a_db, b_db):
        t = db.read_now(lambda s: s.get(Ticket, tid))
        assert (t.caller_name, t.meter_no) == ("李四", "999")


def test_a_push_whose_answer_was_lost_is_retried_without_duplicates(
        desks: Desks, central_url: str) -> None:
    a_db, a = desks("WA")
    run_shift(a_db)
    with CentralClient(central_url) as client:  # central applies, the desk never hears back
        txs = a_db.read_now(lambda s: reader.pending_transactions(s, 3))
        for ops in txs:
            assert client.push("WA", ops)["applied"]
    rep = a.run_once()
    assert rep.pushed_ops > 0 and rep.conflicts == 0
    with psycopg.connect(central_url) as conn:
        n_central = conn.execute("SELECT count(*) FROM public.call_events").fetchone()
    assert n_central is not None and n_central[0] == len(stored(a_db)["call_events"])


def test_a_unique_clash_on_pull_is_kept_and_the_rest_applied(desks: Desks) -> None:
    a_db, a = desks("WA")
    b_db, b = desks("WB")

    customer(a_db, "王五", "3100000077")
    customer(a_db, "赵六", "3100000078")
    customer(b_db, "钱七", "3100000077")  # the same account number, another row
    a.run_once()
    rep = b.run_once()
    assert rep.clashes == 1 and rep.caught_up
    (c,) = conflicts(b_db)
    assert (c.source, c.table_name, c.fields) == ("pull", "accounts", ["account_no"])
    numbers = b_db.read_now(lambda s: sorted(s.scalars(select(Account.account_no))))
    assert numbers == ["3100000077", "3100000078"]
    b.run_once()  # pulled again later: still one open conflict
    assert len(conflicts(b_db)) == 1


def test_a_desk_older_than_centrals_minimum_does_not_push(desks: Desks, central_url: str) -> None:
    a_db, a = desks("WA")
    run_shift(a_db)
    with psycopg.connect(central_url) as conn:
        conn.execute("UPDATE sync.meta SET min_desk_schema = 9999")
    with pytest.raises(SchemaTooOld, match="9999"):
        a.run_once()
    assert a_db.read_now(reader.queue_status).depth > 0
    with psycopg.connect(central_url) as conn:
        row = conn.execute("SELECT count(*) FROM sync.applied_ops").fetchone()
    assert row == (0,)


def test_a_resolution_made_on_the_desk_is_recorded_on_central_once(
        desks: Desks, central_url: str) -> None:
    from callcenter.services.sync.conflicts import Choice

    a_db, a = desks("WA")
    b_db, b = desks("WB")
    run_shift(a_db)
    a.run_once()
    b.run_once()
    tid = one_ticket(a_db).id
    edit_ticket(a_db, tid, content="A 的说明")
    edit_ticket(b_db, tid, content="B 的说明")
    a.run_once()
    assert b.run_once().conflicts == 1
    (c,) = conflicts(b_db)
    conflicts_of(b_db).resolve(c.id, Choice.MINE, "1024").result(timeout=5)
    rep = b.run_once()
    # the ticket and the audit record of editing it after dispatch
    assert rep.resolutions_sent == 1 and rep.conflicts == 0 and rep.pushed_ops == 2
    assert b.run_once().resolutions_sent == 0
    with psycopg.connect(central_url) as conn:
        row = conn.execute("SELECT resolution, resolved_at IS NOT NULL FROM sync.conflicts").fetchall()
        content = conn.execute("SELECT content FROM public.tickets WHERE id = %s", (tid,)).fetchone()
    assert row == [("mine", True)] and content == ("B 的说明",)
    a.run_once()
    assert a_db.read_now(lambda s: s.get(Ticket, tid)).content == "B 的说明"


# -- pull_all: storing a page while fetching the next ----------------------------------------------

class ScriptedCentral:
    """Central's pull answers, scripted: page i is the i-th answer."""

    def __init__(self, pages: list[dict[str, Any]], served: Callable[[int], None] = lambda _n: None) -> None:
        self.pages = pages
        self.asked: list[dict[str, Any] | None] = []
        self._served = served

    def min_desk_schema(self) -> int:
        return 0

    def close(self) -> None:
        pass

    def pull(self, desk: str, cursor: dict[str, Any] | None, max_rows: int, **_kw: Any) -> dict[str, Any]:
        self.asked.append(cursor)
        page = self.pages[len(self.asked) - 1]
        self._served(len(self.asked))
        return page


def scripted_pages(n: int, per_page: int) -> list[dict[str, Any]]:
    from .test_pull_apply import ticket, wire

    rng = random.Random(n)
    return [{"rows": [{"table": "tickets", "row": wire("tickets", ticket(rng, number=f"P-{i}-{j}"))}
                      for j in range(per_page)],
             "cursor": {"xid": str(i + 1)}, "more": i < n - 1} for i in range(n)]


def stored_numbers(db: Database) -> list[str]:
    return db.read_now(lambda s: sorted(s.scalars(select(Ticket.number))))


def numbers_of(pages: list[dict[str, Any]]) -> list[str]:
    return sorted(r["row"]["number"] for p in pages for r in p["rows"])


def test_a_page_that_fails_to_store_stops_the_pull_with_the_cursor_before_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import callcenter.services.sync.engine as sync_engine

    pages = scripted_pages(5, 3)
    real = sync_engine.apply_prepared
    calls: list[int] = []

    def failing_third(s: Any, **kw: Any) -> Any:
        calls.append(len(kw["prepared"].rows))
        if len(calls) == 3:
            raise RuntimeError("disk on fire")
        return real(s, **kw)
    monkeypatch.setattr(sync_engine, "apply_prepared", failing_third)
    db = open_database(tmp_path / "d.sqlite3")
    central = ScriptedCentral(pages)
    engine = SyncEngine(db, "WA", lambda: cast(CentralClient, central), apply_rows=1)  # a page a time
    try:
        report = SyncReport()
        with pytest.raises(RuntimeError, match="disk on fire"):
            engine.pull_all(report)
        # pages 1 and 2 stored with their cursor; page 4 may have been fetched meanwhile, never stored
        assert (report.pages, report.pulled_rows, len(calls)) == (2, 6, 3)
        assert db.read_now(lambda s: reader.get_state(s, reader.CURSOR)) == {"xid": "2"}
        assert stored_numbers(db) == numbers_of(pages[:2])
        assert len(central.asked) in (3, 4)
    finally:
        engine.close()
        db.close()


def test_pages_fetched_while_the_writer_is_busy_are_stored_together(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import callcenter.services.sync.engine as sync_engine

    pages = scripted_pages(6, 4)
    all_fetched = threading.Event()
    real = sync_engine.apply_prepared
    groups: list[int] = []

    def slow_first(s: Any, **kw: Any) -> Any:
        groups.append(len(kw["prepared"].rows))
        if len(groups) == 1:  # the writer is busy until every page has been fetched
            assert all_fetched.wait(10)
        return real(s, **kw)
    monkeypatch.setattr(sync_engine, "apply_prepared", slow_first)
    db = open_database(tmp_path / "d.sqlite3")
    central = ScriptedCentral(pages, lambda n: all_fetched.set() if n == len(pages) else None)
    engine = SyncEngine(db, "WA", lambda: cast(CentralClient, central))
    try:
        report = SyncReport()
        engine.pull_all(report)
        assert groups == [4, 20]  # page 1 alone, pages 2-6 in one transaction
        assert central.asked == [None] + [p["cursor"] for p in pages[:-1]]
        assert (report.pages, report.pulled_rows, report.caught_up) == (6, 24, True)
        assert db.read_now(lambda s: reader.get_state(s, reader.CURSOR)) == {"xid": "6"}
        assert stored_numbers(db) == numbers_of(pages)
    finally:
        engine.close()
        db.close()


def conflicts_of(db: Database) -> SyncConflicts:
    """The desk's conflicts service as agent 1024 (signed in on W01) resolves them."""
    return SyncConflicts(db, user=signed_in("1024"), workstation="W01")
