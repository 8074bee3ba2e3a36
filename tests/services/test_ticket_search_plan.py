"""The ticket list's queries use the indexes made for them (EXPLAIN QUERY PLAN of
the statements TicketSearch really runs), so no ``ix_search_*`` index is kept
for nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from callcenter.domain.clock import FakeClock
from callcenter.services.storage.database import Database, open_database
from callcenter.services.tickets.search import TicketQuery, TicketSearch


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "plan.sqlite3")
    yield database
    database.close()


def _plan_of_page(db: Database, query: TicketQuery) -> str:
    """The plan of the last statement a page runs (the page query itself)."""
    seen: list[tuple[str, Any]] = []

    def capture(_conn: object, _cur: object, statement: str, params: Any, *_rest: object) -> None:
        seen.append((statement, params))

    event.listen(db.read_engine, "before_cursor_execute", capture)
    search = TicketSearch(db, FakeClock(datetime(2026, 11, 23, tzinfo=UTC)))
    try:
        search.page(query)
    finally:
        event.remove(db.read_engine, "before_cursor_execute", capture)
        search.close()
    statement, params = seen[-1]
    rows = db.read_now(lambda s: s.connection().exec_driver_sql(
        "EXPLAIN QUERY PLAN " + statement, params).all())
    return " | ".join(str(r[-1]) for r in rows)


@pytest.mark.parametrize(("query", "index"), [
    (TicketQuery(), "ix_search_tickets_created_at_id"),
    (TicketQuery(meter="3330000000000000000001"), "ix_search_tickets_meter_no_created_at"),
    (TicketQuery(status="dispatched"), "ix_search_tickets_status_created_at_id"),
    (TicketQuery(category="complaint"), "ix_search_tickets_category_created_at_id"),
    (TicketQuery(department="repair"), "ix_search_tickets_department_created_at_id"),
    (TicketQuery(agent="1024"), "ix_search_tickets_created_by_created_at_id"),
    # the partial index's WHERE must reach SQLite word for word (no "= 1")
    (TicketQuery(overdue_only=True), "ix_search_tickets_open_deadline"),
], ids=["newest", "meter", "status", "category", "department", "agent", "overdue"])
def test_each_list_filter_uses_its_index(db: Database, query: TicketQuery, index: str) -> None:
    assert f"INDEX {index} " in _plan_of_page(db, query) + " "
