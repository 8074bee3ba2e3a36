"""Migration 0009 keeps a store's text index: what 0004's insert trigger indexed
stays indexed (the mark starts at the newest ticket), and the way back indexes
what the background indexer had not reached before 0004's triggers return."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, text

from callcenter.bench.seed import TICKET_COLUMNS
from callcenter.store import migrate
from callcenter.store.engine import make_engine

INTEGRITY = "INSERT INTO ticket_fts(ticket_fts, rank) VALUES('integrity-check', 1)"


# the tickets columns at revisions 0008/0009 (0010 added the sub-type)
COLUMNS = tuple(c for c in TICKET_COLUMNS if c != "subtype")


def _add_tickets(conn: Connection, first: int, count: int) -> None:
    """Bare rows, the way a bulk load writes them (no ORM, no indexer)."""
    stamp = "2026-11-02 01:00:00.000000"
    values = {c: "x" for c in COLUMNS} | {
        "call_id": None, "department": None, "deadline_days": None, "deadline_at": None,
        "backfilled": 0, "call_time": None, "created_at": stamp, "updated_at": stamp,
        "version": 1, "deleted_at": None}
    sql = (f"INSERT INTO tickets ({', '.join(COLUMNS)}) "
           f"VALUES ({', '.join(':' + c for c in COLUMNS)})")
    for i in range(first, first + count):
        conn.execute(text(sql), values | {"id": f"{i:032x}", "number": f"N{i}",
                                          "content": f"客户第{i}次反映变压器异响。"})


def _state(engine: Engine, *, complete: bool = True) -> tuple[int, int | None, int, set[str]]:
    """(index hits for the word, the mark or None, newest rowid, trigger names).

    ``complete``: every ticket should be indexed, so FTS5's integrity check
    (which compares the index with all of ``tickets``) must pass."""
    with engine.begin() as conn:
        if complete:
            conn.execute(text(INTEGRITY))  # raises unless index and tickets agree
        hits = conn.execute(text(
            "SELECT count(*) FROM ticket_fts WHERE ticket_fts MATCH '\"变压器\"'")).scalar_one()
        has_state = conn.execute(text(
            "SELECT count(*) FROM sqlite_master WHERE name = 'ticket_fts_state'")).scalar_one()
        mark = conn.execute(text("SELECT indexed_upto FROM ticket_fts_state")).scalar_one() \
            if has_state else None
        newest = conn.execute(text("SELECT coalesce(max(rowid), 0) FROM tickets")).scalar_one()
        triggers = set(conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'tickets'"
        )).scalars())
    return hits, mark, newest, triggers


def test_upgrade_keeps_the_index_and_downgrade_indexes_the_rest(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "s.sqlite3")
    try:
        migrate.upgrade(engine, "0008")
        with engine.begin() as conn:
            _add_tickets(conn, 1, 3)  # indexed by 0004's insert trigger
        migrate.upgrade(engine, "0009")
        assert _state(engine) == (3, 3, 3, {"ticket_fts_au", "ticket_fts_ad"})

        with engine.begin() as conn:
            _add_tickets(conn, 4, 2)  # no trigger now: left above the mark
        assert _state(engine, complete=False) == (3, 3, 5, {"ticket_fts_au", "ticket_fts_ad"})

        migrate.downgrade(engine, "0008")
        assert _state(engine) == (5, None, 5, {"ticket_fts_ai", "ticket_fts_au", "ticket_fts_ad"})
        migrate.upgrade(engine)
        assert _state(engine)[:3] == (5, 5, 5)
    finally:
        engine.dispose()
