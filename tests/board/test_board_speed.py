"""What makes the board fast stays true: its reads are answered from the covering
indexes of migration 0020, and a refresh (the last hours re-read and merged)
agrees with a full load (the answers of tests/board/test_figures.py hold for both)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, insert

from callcenter.domain.auth.roles import Role
from callcenter.domain.board.figures import BoardSettings
from callcenter.domain.sla import SlaTargets
from callcenter.services.board.figures import BoardFigures, BoardQuery, board_data
from callcenter.services.storage.database import open_database
from callcenter.store.models import CallSession, Ticket
from tests.board import shift
from tests.fakes import signed_in


@pytest.fixture
def board(tmp_path: Path) -> Iterator[BoardFigures]:
    db = open_database(tmp_path / "desk.sqlite3")
    db.write_now(lambda s: [s.execute(insert(table), rows()) for table, rows in shift.TABLES])
    yield BoardFigures(db, SlaTargets(), BoardSettings(), user=signed_in("9001", Role.SHIFT_LEAD))
    db.close()


@pytest.mark.parametrize("team", [None, "A"])
def test_the_board_reads_from_covering_indexes(board: BoardFigures, team: str | None) -> None:
    statements: list[tuple[str, Any]] = []

    def run(s: Any) -> list[str]:
        conn = s.connection()

        def seen(_c: Any, _cur: Any, sql: str, params: Any, _ctx: Any, _many: bool) -> None:
            statements.append((sql, params))
        event.listen(conn, "before_cursor_execute", seen)
        board_data(conn, BoardQuery(shift.T0, shift.END, shift.NOW, team=team), SlaTargets(),
                   BoardSettings())
        event.remove(conn, "before_cursor_execute", seen)
        raw = conn.connection.dbapi_connection
        return [" | ".join(r[3] for r in raw.execute("EXPLAIN QUERY PLAN " + sql, params))
                for sql, params in statements]
    plans = board.db.read_now(run)
    by_table = {t: [p for p in plans if p.startswith(f"SEARCH {t} ")]
                for t in ("board_call_hours", "board_ticket_hours", "tickets")}
    assert by_table["board_call_hours"] == [
        p for p in plans if "USING COVERING INDEX ix_board_call_hours_cover" in p]
    assert len(by_table["board_call_hours"]) == 1
    ticket_hours = by_table["board_ticket_hours"]
    assert len(ticket_hours) == 1 and "COVERING INDEX ix_board_ticket_hours_cover" in ticket_hours[0]
    assert "TEMP B-TREE FOR GROUP BY" not in ticket_hours[0]
    # the overdue / near-deadline counts: no ticket row read
    assert any("COVERING INDEX ix_tickets_status_deadline_cover" in p for p in by_table["tickets"])


def test_a_refresh_agrees_with_a_full_load(board: BoardFigures) -> None:
    period = BoardQuery(shift.T0, shift.T0 + timedelta(hours=3), shift.NOW)
    prev = board.load_now(period)
    late = shift.T0 + timedelta(minutes=115)  # 09:55, inside the hours a refresh re-reads
    calls = [{**shift.calls()[0], "started_at": late, "agent_id": "1002"},
             {**shift.calls()[1], "started_at": late, "agent_id": "2001"}]
    ticket = {**shift.tickets()[0], "id": uuid.uuid4(), "number": "NEW1", "created_at": late}
    board.db.write_now(lambda s: (s.execute(insert(CallSession.__table__), calls),
                                  s.execute(insert(Ticket.__table__), [ticket])))
    fresh = board.refresh(prev, shift.NOW).result(timeout=10)
    full = board.load_now(period)
    assert fresh.figures.offered == prev.figures.offered + 2
    assert fresh.hourly == full.hourly and fresh.tickets_by_hour == full.tickets_by_hour
    f, g = fresh.totals, full.totals
    assert (f.offered, f.answered, f.within_limit, f.returned, f.abandoned, f.talk_n, f.wrap_n,
            f.wrap_on_time, f.aht_n) == (g.offered, g.answered, g.within_limit, g.returned,
                                         g.abandoned, g.talk_n, g.wrap_n, g.wrap_on_time, g.aht_n)
    assert (f.talk_sum_s, f.hold_sum_s, f.wrap_sum_s, f.aht_sum_s) == pytest.approx(
        (g.talk_sum_s, g.hold_sum_s, g.wrap_sum_s, g.aht_sum_s))
    assert (fresh.overdue, fresh.near_deadline, fresh.callbacks_due) == (
        full.overdue, full.near_deadline, full.callbacks_due)
