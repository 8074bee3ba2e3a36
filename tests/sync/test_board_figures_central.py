"""The board's queries give the same answers on central PostgreSQL as on a desk's
SQLite (the seeded shift of tests/board/shift.py)."""

from __future__ import annotations

from sqlalchemy import create_engine, insert, pool

from callcenter.domain.board.figures import BoardSettings
from callcenter.domain.sla import SlaTargets
from callcenter.services.board.figures import BoardQuery, board_data
from callcenter.sync.central import sqlalchemy_url
from tests.board import shift
from tests.board.test_figures import check_team_a


def test_the_seeded_shift_on_central(central_url: str) -> None:
    engine = create_engine(sqlalchemy_url(central_url), poolclass=pool.NullPool)
    try:
        with engine.begin() as conn:
            for table, rows in shift.TABLES:
                conn.execute(insert(table), rows())
        with engine.connect() as conn:
            d = board_data(conn, BoardQuery(shift.T0, shift.END, shift.NOW, team="A"),
                           SlaTargets(), BoardSettings())
            check_team_a(d)
            everyone = board_data(conn, BoardQuery(shift.T0, shift.END, shift.NOW),
                                  SlaTargets(), BoardSettings())
            assert (everyone.figures.offered, everyone.overdue, everyone.callbacks_due) == (6, 2, 2)
    finally:
        engine.dispose()
