"""The text index is filled off the save path, and search stays exact meanwhile:
tickets the indexer has not reached are found, edits and deletes stay correct
on both sides of its mark, and a store left with a backlog catches up when it
is opened again.

Each test stops the indexer thread first and moves the index on by hand with
``drain()``, so which tickets are indexed is decided by the test, not by timing.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Executable, delete, text, update
from sqlalchemy.orm import Session

from callcenter.domain.clock import FakeClock
from callcenter.domain.ticket import TicketDraft
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database, open_database
from callcenter.services.tickets import search as ticket_search
from callcenter.services.tickets.entry import Tickets
from callcenter.services.tickets.search import TicketQuery, TicketSearch
from callcenter.store.models import Ticket, TicketEvent
from tests.fakes import signed_in

START = datetime(2026, 11, 2, 1, 0, tzinfo=UTC)
INTEGRITY = "INSERT INTO ticket_fts(ticket_fts, rank) VALUES('integrity-check', 1)"


class Desk:
    """One store: save tickets, search them, look at the index's mark."""

    def __init__(self, path: Path) -> None:
        self.clock = FakeClock(START)
        self.db = open_database(path)
        self.db.search_indexer.stop()  # the tests move the index on with drain()
        self.tickets = Tickets(self.db, load_profile(), self.clock, "W01", user=signed_in())
        self.search = TicketSearch(self.db, self.clock)

    def save(self, content: str, address: str = "临江市河西区建设路1号") -> uuid.UUID:
        self.clock.advance(60)
        draft = TicketDraft(category="fault_repair", content=content, caller_name="王伟",
                            caller_phone="13800138000", account_no="1000000001",
                            meter_no="3330000000000000000001", address=address,
                            area_type="urban", priority="soon")
        return self.db.write_now(lambda s: self.tickets.save_in(s, draft, agent_id="1024")).id

    def found(self, words: str) -> list[uuid.UUID]:
        return [r.id for r in self.search.page(TicketQuery(text=words), limit=1000).rows]

    def sql(self, statement: str) -> int:
        return int(self.db.read_now(lambda s: s.execute(text(statement)).scalar()) or 0)

    def mark(self) -> int:
        return self.sql("SELECT indexed_upto FROM ticket_fts_state")

    def rowid(self, ticket_id: uuid.UUID) -> int:
        return self.sql(f"SELECT rowid FROM tickets WHERE id = '{ticket_id.hex}'")

    def in_index(self, words: str) -> int:
        return self.sql(f"SELECT count(*) FROM ticket_fts WHERE ticket_fts MATCH '\"{words}\"'")

    def write(self, statement: Executable) -> None:
        self.db.write_now(lambda s: s.execute(statement))

    def check_index(self) -> None:
        self.db.write_now(lambda s: s.execute(text(INTEGRITY)))  # raises if index != tickets

    def close(self) -> None:
        self.search.close()
        self.db.close()


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    d = Desk(tmp_path / "desk.sqlite3")
    yield d
    d.close()


def test_newest_ticket_is_found_before_and_after_it_is_indexed(desk: Desk) -> None:
    older = desk.save("客户反映变压器有嗡嗡异响。")
    assert desk.db.search_indexer.drain() == 1
    newest = desk.save("客户反映变压器冒烟。")
    assert desk.rowid(newest) > desk.mark()  # the save left it to the indexer
    assert desk.in_index("变压器") == 1
    assert desk.found("变压器") == [newest, older]
    assert desk.found("冒烟") == [newest]  # only in the unindexed ticket
    assert desk.db.search_indexer.drain() == 1
    assert desk.mark() == desk.rowid(newest) and desk.in_index("变压器") == 2
    assert desk.found("变压器") == [newest, older]  # once each, now both from the index
    desk.check_index()


@pytest.mark.parametrize(("drive_limit", "materialize_limit"),
                         [(100_000, 100_000), (2, 100_000), (2, 2)],
                         ids=["hits-drive", "walk-probing-hit-set", "walk-in-batches"])
def test_every_plan_adds_the_unindexed_tickets(desk: Desk, drive_limit: int,
                                               materialize_limit: int,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ticket_search, "FTS_DRIVE_LIMIT", drive_limit)
    monkeypatch.setattr(ticket_search, "FTS_MATERIALIZE_LIMIT", materialize_limit)
    monkeypatch.setattr(ticket_search, "WALK_BATCH", 2)
    indexed = [desk.save(f"第{i}次反映电线杆倾斜。") for i in range(4)]
    desk.db.search_indexer.drain()
    unindexed = [desk.save(f"第{i}次反映电线杆倾斜。") for i in range(4, 7)]
    desk.save("客户咨询电费。")  # unindexed and not a hit
    expected = list(reversed(indexed + unindexed))
    assert desk.found("电线杆") == expected
    pages, after = [], None
    while True:
        page = desk.search.page(TicketQuery(text="电线杆 倾斜"), after, 2)
        pages += [r.id for r in page.rows]
        if page.next is None:
            break
        after = page.next
    assert pages == expected


@pytest.mark.parametrize("indexed", [True, False], ids=["indexed", "not-indexed-yet"])
def test_edited_text_is_found_by_new_words_not_old(desk: Desk, indexed: bool) -> None:
    tid = desk.save("客户反映变压器有异响。", address="临江市青山县白沙镇")
    if indexed:
        desk.db.search_indexer.drain()
    desk.write(update(Ticket).where(Ticket.id == tid).values(content="客户咨询阶梯电价。"))
    desk.write(update(Ticket).where(Ticket.id == tid).values(address="临江市高新区芙蓉路"))
    for _ in range(2):  # as edited, and again once the indexer has caught up
        assert desk.found("变压器") == [] and desk.found("白沙镇") == []
        assert desk.found("阶梯电价") == [tid] and desk.found("芙蓉路") == [tid]
        desk.db.search_indexer.drain()
    desk.check_index()


def test_a_status_change_leaves_the_index_alone(desk: Desk) -> None:
    tid = desk.save("客户反映路灯白天常亮。")
    desk.db.search_indexer.drain()
    segments = desk.sql("SELECT count(*) FROM ticket_fts_data")
    # the sync pull's upsert sets every column, the text included, to what it was
    desk.write(update(Ticket).where(Ticket.id == tid).values(
        status="replied", content="客户反映路灯白天常亮。"))
    assert desk.sql("SELECT count(*) FROM ticket_fts_data") == segments  # nothing re-indexed
    assert desk.in_index("路灯白天") == 1 and desk.found("路灯白天") == [tid]
    desk.check_index()


def _hard_delete(s: Session, tid: uuid.UUID) -> None:
    s.execute(delete(TicketEvent).where(TicketEvent.ticket_id == tid))
    s.execute(delete(Ticket).where(Ticket.id == tid))


def test_deleting_the_newest_tickets_lowers_the_mark(desk: Desk) -> None:
    first = desk.save("客户反映电能表走字快。")
    second = desk.save("客户反映电能表黑屏。")
    freed = desk.rowid(second)
    desk.db.search_indexer.drain()
    desk.db.write_now(lambda s: _hard_delete(s, second))
    assert desk.mark() == desk.rowid(first)
    assert desk.found("电能表") == [first]
    third = desk.save("客户反映电能表冒火花。")
    assert desk.rowid(third) == freed  # SQLite hands the freed rowid out again
    assert desk.found("电能表") == [third, first] and desk.found("冒火花") == [third]
    assert desk.db.search_indexer.drain() == 1
    assert desk.found("冒火花") == [third]
    desk.db.write_now(lambda s: _hard_delete(s, first))  # indexed, below the newest
    assert desk.found("电能表") == [third]
    desk.check_index()


def test_a_store_left_with_unindexed_tickets_catches_up_when_reopened(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    first = Desk(path)
    saved = [first.save(f"客户反映第{i}根电线杆倾斜。") for i in range(3)]
    first.close()  # the indexer was stopped: all three are left to the next start
    db = Database(path)  # its indexer starts on its own
    try:
        assert db.search_indexer.wait_idle(timeout=30)
        upto, newest = db.read_now(lambda s: s.execute(text(
            "SELECT (SELECT indexed_upto FROM ticket_fts_state), max(rowid) FROM tickets")).one())
        assert upto == newest
        hits = db.read_now(lambda s: s.execute(text(
            "SELECT count(*) FROM ticket_fts WHERE ticket_fts MATCH '\"电线杆\"'")).scalar())
        assert hits == len(saved)
    finally:
        db.close()


def test_the_indexer_follows_saves_on_its_own(tmp_path: Path) -> None:
    db = open_database(tmp_path / "desk.sqlite3")
    try:
        tickets = Tickets(db, load_profile(), FakeClock(START), "W01", user=signed_in())
        draft = TicketDraft(category="fault_repair", content="客户反映配电箱进水。",
                            caller_name="王伟", caller_phone="13800138000",
                            account_no="1000000001", meter_no="3330000000000000000001",
                            address="临江市河西区建设路1号", area_type="urban", priority="soon")
        tickets.save(draft, agent_id="1024").result(timeout=10)
        assert db.search_indexer.wait_idle(timeout=30)
        assert db.read_now(lambda s: s.execute(text(
            "SELECT count(*) FROM ticket_fts WHERE ticket_fts MATCH '\"配电箱\"'")).scalar()) == 1
    finally:
        db.close()
