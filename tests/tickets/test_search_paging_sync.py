"""Keyset paging returns every row exactly once, newest first, whichever plan
the text search takes; the FTS index follows inserts, updates and deletes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text, update

from callcenter.bench.seed import seed_tickets
from callcenter.services.tickets import search as ticket_search
from callcenter.services.tickets.search import Cursor, TicketQuery, TicketRow
from callcenter.store import migrate
from callcenter.store.models import Ticket

from .conftest import Store


def all_pages(store: Store, query: TicketQuery, limit: int) -> list[TicketRow]:
    rows: list[TicketRow] = []
    after: Cursor | None = None
    while True:
        page = store.search.page(query, after, limit)
        assert len(page.rows) <= limit
        rows += page.rows
        if page.next is None:
            return rows
        assert page.rows, "a next cursor after an empty page"
        after = page.next


def newest_first(rows: list[TicketRow]) -> bool:
    keys = [(r.created_at, r.id) for r in rows]
    return keys == sorted(keys, reverse=True) and len(set(keys)) == len(keys)


@pytest.fixture
def seeded(store: Store) -> Store:
    seed_tickets(store.db.path, 900, store.profile, days=3,
                 now=datetime(2026, 11, 20, tzinfo=UTC))
    return store


@pytest.mark.parametrize(("drive_limit", "materialize_limit"),
                         [(100_000, 100_000), (5, 100_000), (5, 5)],
                         ids=["hits-drive", "walk-probing-hit-set", "walk-in-batches"])
def test_every_row_once_newest_first(seeded: Store, drive_limit: int, materialize_limit: int,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ticket_search, "FTS_DRIVE_LIMIT", drive_limit)
    monkeypatch.setattr(ticket_search, "FTS_MATERIALIZE_LIMIT", materialize_limit)
    monkeypatch.setattr(ticket_search, "WALK_BATCH", 7)  # many small batches per page
    everything = all_pages(seeded, TicketQuery(), 37)
    assert len(everything) == 900 and newest_first(everything)
    for query in (TicketQuery(text="临江市"), TicketQuery(text="抢修"),
                  TicketQuery(text="电线杆", category="fault_repair"),
                  TicketQuery(status="dispatched"), TicketQuery(text="建设路 客户")):
        paged = all_pages(seeded, query, 23)
        assert newest_first(paged), query
        one_go = seeded.search.page(query, limit=10_000).rows
        assert [r.id for r in paged] == [r.id for r in one_go], query
        assert one_go, query


def test_ties_in_created_at_are_paged_by_id(store: Store) -> None:
    for _ in range(7):
        store.save(advance_s=0)
    rows = all_pages(store, TicketQuery(), 2)
    assert len(rows) == 7 and newest_first(rows)
    assert len({r.created_at for r in rows}) == 1


def test_fts_follows_insert_update_delete(store: Store) -> None:
    saved = store.save(content="客户反映变压器有异响。", address="临江市青山县白沙镇")
    hit = TicketQuery(text="变压器")
    assert [r.id for r in store.search.page(hit).rows] == [saved.id]
    store.db.write_now(lambda s: s.execute(
        update(Ticket).where(Ticket.id == saved.id).values(content="客户咨询电费。")))
    assert store.search.page(hit).rows == []
    assert len(store.search.page(TicketQuery(text="咨询电费")).rows) == 1
    store.db.write_now(lambda s: s.execute(
        update(Ticket).where(Ticket.id == saved.id).values(address="临江市高新区芙蓉路")))
    assert store.search.page(TicketQuery(text="白沙镇")).rows == []
    assert len(store.search.page(TicketQuery(text="芙蓉路")).rows) == 1
    # a status change leaves the index alone (the trigger only watches the text)
    store.db.write_now(lambda s: s.execute(
        update(Ticket).where(Ticket.id == saved.id).values(status="replied")))
    assert len(store.search.page(TicketQuery(text="芙蓉路")).rows) == 1
    store.db.write_now(lambda s: s.execute(text("DELETE FROM ticket_events")))
    store.db.write_now(lambda s: s.execute(text("DELETE FROM tickets")))
    assert store.search.page(TicketQuery(text="芙蓉路")).rows == []
    check = "INSERT INTO ticket_fts(ticket_fts, rank) VALUES('integrity-check', 1)"
    store.db.write_now(lambda s: s.execute(text(check)))  # raises if index != content


def test_tombstoned_tickets_are_not_found(store: Store) -> None:
    saved = store.save(content="客户反映路灯白天常亮。")
    store.db.write_now(lambda s: s.execute(
        update(Ticket).where(Ticket.id == saved.id).values(deleted_at=store.clock.utc_now())))
    assert store.search.page(TicketQuery(text="路灯白天")).rows == []


def test_downgrade_drops_search_objects_and_upgrade_indexes_old_tickets(
        store: Store, tmp_path: Path) -> None:
    store.save(content="客户反映漏电保护器频繁跳闸。")
    engine = store.db.write_engine
    store.db.flush()
    migrate.downgrade(engine, "0003")
    with engine.connect() as conn:
        left = conn.execute(text(
            "SELECT name FROM sqlite_master WHERE name LIKE 'ticket_fts%' "
            "OR name LIKE 'ix_search_%'")).all()
    assert left == []
    migrate.upgrade(engine)
    assert len(store.search.page(TicketQuery(text="漏电保护器")).rows) == 1


def test_overdue_filter_uses_the_partial_index(store: Store) -> None:
    from callcenter.store.search_schema import OPEN_WITH_DEADLINE_SQL

    sql = (f"EXPLAIN QUERY PLAN SELECT id FROM tickets WHERE {OPEN_WITH_DEADLINE_SQL} "
           "AND deadline_at < '2026-11-23' ORDER BY created_at DESC, id DESC LIMIT 10")
    plan = store.db.read_now(lambda s: s.execute(text(sql)).all())
    assert "ix_search_tickets_open_deadline" in str(plan)
