"""The store's write lock puts the user's writes before background work.

A save must not fail because the search indexer or a page of pulled rows held
the write lock when the process was short of CPU (the sync-fleet bench saw
saves fail as "locked" behind the indexer); a write behind another write still
fails as locked after the busy timeout; the indexer only takes the lock when no
write waits or is queued, and holds it for a few statements per batch.

No sleeps: the background work is held by the test on events, and "the save is
still waiting" is a bounded wait on its future (many times its busy timeout).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from callcenter.domain.clock import FakeClock
from callcenter.domain.ticket import TicketDraft
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database, StoreFailure, StoreFailureKind, open_database
from callcenter.services.storage.write_lock import WriteLock
from callcenter.services.tickets import indexer as search_indexer
from callcenter.services.tickets.entry import Tickets
from callcenter.services.tickets.indexer import SearchIndexer
from tests.fakes import signed_in

BUSY_MS = 50  # the store's busy timeout in these tests
STILL_WAITING_S = 1.0  # 20x the busy timeout: a save not failed by then waits it out
LONG_S = 30.0  # bounds every event wait, so a broken test fails instead of hanging
START = datetime(2026, 11, 2, 1, 0, tzinfo=UTC)


def draft(content: str = "客户反映变压器有嗡嗡异响。") -> TicketDraft:
    return TicketDraft(category="fault_repair", content=content, caller_name="王伟",
                       caller_phone="13800138000", account_no="1000000001",
                       meter_no="3330000000000000000001", address="临江市河西区建设路1号",
                       area_type="urban", priority="soon")


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    d = open_database(tmp_path / "desk.sqlite3", busy_timeout_ms=BUSY_MS)
    yield d
    d.close()


@pytest.fixture
def tickets(db: Database) -> Tickets:
    return Tickets(db, load_profile(), FakeClock(START), "W01", user=signed_in())


def count_tickets(db: Database) -> int:
    return int(db.read_now(lambda s: s.execute(text("SELECT count(*) FROM tickets")).scalar()) or 0)


def indexed_upto(db: Database) -> int:
    return int(db.read_now(lambda s: s.execute(text(
        "SELECT indexed_upto FROM ticket_fts_state")).scalar()) or 0)


class HeldBatches:
    """Stands in for ``index_batch``: each batch notes how many tickets the store
    holds when it runs; the first one stops until ``go`` is set."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.go = threading.Event()
        self.seen: list[int] = []
        self._real = search_indexer.index_batch

    def __call__(self, con: sqlite3.Connection, limit: int) -> int:
        self.seen.append(con.execute("SELECT count(*) FROM tickets").fetchone()[0])
        if len(self.seen) == 1:
            self.entered.set()
            assert self.go.wait(LONG_S)
        return self._real(con, limit)


Held = tuple[threading.Event, threading.Event, Future[Any]]  # held, go, the holder's future


def hold_on_writer(db: Database, *, unchecked: bool = False) -> Held:
    """Queue a write that holds the lock on the writer thread until ``go``."""
    held, go = threading.Event(), threading.Event()

    def body(_s: Session) -> None:
        held.set()
        assert go.wait(LONG_S)

    fut = db.write_unchecked(body) if unchecked else db.write(body)
    assert held.wait(LONG_S)
    return held, go, fut


def still_waiting(fut: Future[Any]) -> bool:
    done, _ = wait_for([fut], timeout=STILL_WAITING_S)
    return not done


def test_a_save_waits_out_a_slow_index_batch_instead_of_failing(
        db: Database, tickets: Tickets, monkeypatch: pytest.MonkeyPatch) -> None:
    batches = HeldBatches()
    monkeypatch.setattr(search_indexer, "index_batch", batches)
    db.write_now(lambda s: tickets.save_in(s, draft(), agent_id="1024"))  # for the indexer
    assert batches.entered.wait(LONG_S)  # the indexer thread holds the lock, stuck mid-batch
    saving = tickets.save(draft("客户反映电能表黑屏。"), agent_id="1024")
    try:
        assert still_waiting(saving)  # not failed as locked after 20x its busy timeout
    finally:
        batches.go.set()
    saving.result(timeout=LONG_S)
    assert count_tickets(db) == 2
    assert db.search_indexer.wait_idle(LONG_S)
    assert indexed_upto(db) == 2


def test_a_write_waits_out_a_slow_pulled_page(db: Database, tickets: Tickets) -> None:
    # a ticket action (TicketWorkflow.apply) writes on its own thread, behind a
    # page of pulled rows being stored on the writer thread
    _held, go, page = hold_on_writer(db, unchecked=True)
    with ThreadPoolExecutor(1) as other:
        action = other.submit(db.write_now, lambda s: tickets.save_in(s, draft(), agent_id="1024"))
        try:
            assert still_waiting(action)
        finally:
            go.set()
        action.result(timeout=LONG_S)
    page.result(timeout=LONG_S)
    assert count_tickets(db) == 1
    assert db.write_lock.longest_write_wait_s >= STILL_WAITING_S  # what the fleet bench reports


def test_a_write_behind_another_write_still_fails_as_locked(db: Database, tickets: Tickets) -> None:
    with ThreadPoolExecutor(1) as other:
        held, go = threading.Event(), threading.Event()

        def long_write(_s: Session) -> None:
            held.set()
            assert go.wait(LONG_S)

        first = other.submit(db.write_now, long_write)
        assert held.wait(LONG_S)
        try:
            with pytest.raises(StoreFailure) as err:
                tickets.save(draft(), agent_id="1024").result(timeout=LONG_S)
        finally:
            go.set()
        first.result(timeout=LONG_S)
    assert err.value.kind is StoreFailureKind.LOCKED
    assert "another write is still running" in str(err.value)
    tickets.save(draft(), agent_id="1024").result(timeout=LONG_S)  # and the next one goes through
    assert count_tickets(db) == 1


def test_the_indexer_waits_while_a_save_is_queued(
        db: Database, tickets: Tickets, monkeypatch: pytest.MonkeyPatch) -> None:
    db.search_indexer.stop()  # the test drives the index with drain()
    seen: list[int] = []
    real = search_indexer.index_batch

    def batch(con: sqlite3.Connection, limit: int) -> int:
        seen.append(con.execute("SELECT count(*) FROM tickets").fetchone()[0])
        return real(con, limit)

    monkeypatch.setattr(search_indexer, "index_batch", batch)
    asking = threading.Event()
    real_idle = WriteLock.acquire_idle

    def acquire_idle(self: WriteLock, timeout: float) -> bool:
        asking.set()
        return real_idle(self, timeout)

    monkeypatch.setattr(WriteLock, "acquire_idle", acquire_idle)
    db.write_now(lambda s: tickets.save_in(s, draft(), agent_id="1024"))
    _held, go, blocker = hold_on_writer(db)  # the writer thread is busy ...
    saving = tickets.save(draft("客户反映电能表黑屏。"), agent_id="1024")  # ... and a save waits behind it
    with ThreadPoolExecutor(1) as other:
        draining = other.submit(db.search_indexer.drain)
        assert asking.wait(LONG_S)  # the indexer asks for the lock while the save is queued
        go.set()
        blocker.result(timeout=LONG_S)
        saving.result(timeout=LONG_S)
        assert draining.result(timeout=LONG_S) == 2
    assert seen == [2]  # its one batch ran after the save, not between the two writes


def test_the_indexer_lets_a_save_in_between_its_batches(db: Database, tickets: Tickets,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    db.search_indexer.stop()
    for i in range(3):  # a backlog of three batches of one
        db.write_now(lambda s, i=i: tickets.save_in(s, draft(f"第{i}次反映电线杆倾斜。"), agent_id="1024"))
    batches = HeldBatches()
    monkeypatch.setattr(search_indexer, "index_batch", batches)
    indexer = SearchIndexer(db.path, db.write_lock, batch=1, interval_s=LONG_S)
    try:
        with ThreadPoolExecutor(1) as other:
            draining = other.submit(indexer.drain)
            assert batches.entered.wait(LONG_S)  # the first batch holds the lock
            saving = tickets.save(draft("客户反映电能表黑屏。"), agent_id="1024")
            batches.go.set()
            saving.result(timeout=LONG_S)
            assert draining.result(timeout=LONG_S) == 4
    finally:
        indexer.stop()
    assert batches.seen == [3, 4, 4, 4]  # the save went right after the first batch


def test_an_index_batch_is_a_few_statements_whatever_its_size(db: Database, tickets: Tickets) -> None:
    """Each statement hands the GIL back and waits for it again: in a starved
    process that wait, not SQLite, is what makes a batch hold the lock long."""
    db.search_indexer.stop()
    for i in range(50):
        db.write_now(lambda s, i=i: tickets.save_in(s, draft(f"第{i}次反映电线杆倾斜。"), agent_id="1024"))
    con = sqlite3.connect(db.path, isolation_level=None)
    try:
        statements: list[str] = []
        con.set_trace_callback(statements.append)
        assert search_indexer.index_batch(con, 40) == 40
        # what the indexer ran (not FTS5's own statements on its shadow tables)
        ours = [q for q in statements if not q.startswith("--") and "'main'." not in q]
        assert len(ours) <= 4, ours
        con.set_trace_callback(None)
        assert con.execute("SELECT indexed_upto FROM ticket_fts_state").fetchone()[0] == 40
        assert search_indexer.index_batch(con, 40) == 10
        assert search_indexer.index_batch(con, 40) == 0
        assert con.execute("SELECT indexed_upto FROM ticket_fts_state").fetchone()[0] == 50
        hits = con.execute("SELECT count(*) FROM ticket_fts WHERE ticket_fts MATCH '\"电线杆\"'").fetchone()
        assert hits[0] == 50
    finally:
        con.close()


# -- the lock on its own -------------------------------------------------------


def in_thread(fn: Callable[[], Any]) -> Held:
    """Run ``fn`` (which takes the lock) on a thread that then holds it until ``go``."""
    held, go = threading.Event(), threading.Event()
    pool = ThreadPoolExecutor(1)

    def body() -> None:
        fn()
        held.set()
        assert go.wait(LONG_S)

    fut = pool.submit(body)
    pool.shutdown(wait=False)
    assert held.wait(LONG_S)
    return held, go, fut


def test_waiting_behind_background_work_is_still_bounded() -> None:
    lock = WriteLock(background_grace_s=0.05)

    def hold_background() -> None:
        assert lock.acquire(0, background=True)

    _held, go, fut = in_thread(hold_background)
    try:
        assert not lock.acquire(0.05)  # gives up after its timeout plus the grace
    finally:
        go.set()
    fut.result(timeout=LONG_S)


def test_idle_work_waits_for_waiting_and_queued_writes() -> None:
    lock = WriteLock()
    lock.queued()
    assert lock.writes_pending()
    assert not lock.acquire_idle(0)  # a write is queued for the writer thread
    lock.done()
    assert not lock.writes_pending()
    assert lock.acquire_idle(0)
    lock.release()


def test_the_lock_is_reentrant_for_its_holder_only() -> None:
    lock = WriteLock()
    assert lock.acquire(0)
    assert lock.acquire(0)  # a write nested in a write (SQLite itself then says busy)
    lock.release()
    with ThreadPoolExecutor(1) as other:
        assert other.submit(lock.acquire, 0).result(timeout=LONG_S) is False
        with pytest.raises(RuntimeError):
            other.submit(lock.release).result(timeout=LONG_S)
    lock.release()

    def take_and_give_back() -> bool:
        if not lock.acquire(0):
            return False
        lock.release()
        return True

    with ThreadPoolExecutor(1) as other:
        assert other.submit(take_and_give_back).result(timeout=LONG_S)


def test_a_read_or_write_after_close_fails_as_a_store_failure(tmp_path: Path) -> None:
    """A refresh that fires after shutdown gets a failed Future, not a RuntimeError
    raised into its Qt slot."""
    from callcenter.services.storage.database import StoreFailure, open_database

    db = open_database(tmp_path / "closed.sqlite3")
    db.close()
    with pytest.raises(StoreFailure):
        db.read(lambda s: 1).result(timeout=1)
    with pytest.raises(StoreFailure):
        db.write(lambda s: 1).result(timeout=1)
