"""Board figures on a seeded shift, on the desk's SQLite (the answers are worked
out by hand from tests/board/shift.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import insert

from callcenter.domain.auth.roles import Role
from callcenter.domain.board.figures import (
    BoardSettings,
    CallTotals,
    figures,
    service_level_breached,
)
from callcenter.domain.sla import SlaTargets
from callcenter.services.board.figures import BoardData, BoardFigures, BoardQuery
from callcenter.services.storage.database import open_database
from tests.board import shift
from tests.fakes import signed_in

SH = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def board(tmp_path: Path) -> Iterator[BoardFigures]:
    db = open_database(tmp_path / "desk.sqlite3")
    db.write_now(lambda s: [s.execute(insert(table), rows()) for table, rows in shift.TABLES])
    yield BoardFigures(db, SlaTargets(), BoardSettings(), user=signed_in("9001", Role.SHIFT_LEAD))
    db.close()


def q(**kw: str) -> BoardQuery:
    return BoardQuery(shift.T0, shift.END, shift.NOW, **kw)


def check_team_a(d: BoardData) -> None:
    f = d.figures
    assert (f.offered, f.answered, f.returned, f.abandoned) == (5, 3, 1, 1)
    assert f.service_level_pct == pytest.approx(40.0)  # calls 1 and 4 of 5
    assert f.avg_talk_s == pytest.approx(140.0)  # (100 + 200 + 120) / 3
    assert f.avg_hold_s == pytest.approx(40 / 3)
    assert f.avg_wrap_s == pytest.approx(160 / 3)  # (40 + 70 + 50) / 3
    assert f.wrap_on_time_pct == pytest.approx(200 / 3)  # 40 and 50 within 60 s
    assert f.aht_s == pytest.approx(580 / 3)  # (140 + 270 + 170) / 3
    assert [(h.hour, h.totals.offered, h.totals.within_limit) for h in d.hourly] == [
        (datetime(2026, 12, 6, 16, tzinfo=SH), 3, 1),
        (datetime(2026, 12, 6, 17, tzinfo=SH), 2, 1)]
    assert d.tickets_by_hour == (
        (datetime(2026, 12, 6, 16, tzinfo=SH), "complaint", 1),
        (datetime(2026, 12, 6, 16, tzinfo=SH), "fault_repair", 1),
        (datetime(2026, 12, 6, 17, tzinfo=SH), "fault_repair", 1))
    assert (d.overdue, d.near_deadline, d.callbacks_due) == (1, 1, 1)
    assert [(t.number, t.overdue, t.phone_masked) for t in d.late_tickets] == [
        ("NA", True, "139****5678"), ("NB", False, "139****5678")]


def test_a_team(board: BoardFigures) -> None:
    check_team_a(board.load(q(team="A")).result(timeout=10))


def test_everyone_and_one_agent(board: BoardFigures) -> None:
    d = board.load_now(q())
    assert (d.figures.offered, d.figures.answered) == (6, 4)
    assert d.figures.service_level_pct == pytest.approx(50.0)  # calls 1, 4 and 6 of 6
    assert (d.overdue, d.callbacks_due) == (2, 2)
    one = board.load_now(q(agent_id="1002")).figures
    assert (one.offered, one.answered, one.returned, one.abandoned) == (3, 1, 1, 1)
    assert one.service_level_pct == pytest.approx(100 / 3)
    assert one.aht_s == pytest.approx(170.0)


def test_an_empty_period_has_no_ratios(board: BoardFigures) -> None:
    f = board.load_now(BoardQuery(shift.END, shift.END, shift.NOW)).figures
    assert f.offered == 0 and f.service_level_pct is None and f.aht_s is None


def test_the_figures_from_sums() -> None:
    t = CallTotals(offered=10, answered=9, within_limit=7, talk_n=9, talk_sum_s=900.0,
                   wrap_n=8, wrap_sum_s=400.0, wrap_on_time=6, aht_n=8, aht_sum_s=1600.0)
    f = figures(t, SlaTargets(talk_target_s=90.0))
    assert (f.service_level_pct, f.avg_talk_s, f.avg_wrap_s) == (70.0, 100.0, 50.0)
    assert (f.wrap_on_time_pct, f.aht_s, f.talk_over_target) == (75.0, 200.0, True)
    assert service_level_breached(t, BoardSettings(service_level_target_pct=80))
    assert not service_level_breached(t, BoardSettings(service_level_target_pct=70))
    assert not service_level_breached(CallTotals(), BoardSettings())
    assert (t + t).offered == 20
    with pytest.raises(ValueError):
        BoardSettings.from_mapping({"service_level_target_pct": 0})
    assert BoardSettings.from_mapping({"stale_after_s": 90}).stale_after_s == 90.0


def test_the_profile_board_section() -> None:
    from callcenter.services.site.profile import load_profile

    p = load_profile()
    assert p.board.service_level_target_pct == 80.0 and p.board.wrap_up_alert_s == 120.0


def test_the_hourly_rollup_follows_every_change_of_the_calls(board: BoardFigures) -> None:
    """Migration 0019's triggers: an update takes the old contribution out, a tombstone
    and a delete remove it; whole hours read from the roll-up agree with the calls."""
    from sqlalchemy import delete, update

    from callcenter.store.models import CallSession, Ticket

    db = board.db
    calls = CallSession.__table__
    ids = db.read_now(lambda s: s.execute(
        calls.select().with_only_columns(calls.c.id).order_by(calls.c.started_at)).scalars().all())
    db.write_now(lambda s: s.execute(update(calls).where(calls.c.id == ids[2]).values(
        outcome="answered", ring_s=4.0, talk_s=60.0, hold_s=0.0, wrapup_s=20.0, late_answer=False)))
    db.write_now(lambda s: s.execute(update(calls).where(calls.c.id == ids[4]).values(
        deleted_at=shift.NOW)))
    db.write_now(lambda s: s.execute(delete(calls).where(calls.c.id == ids[5])))
    d = board.load_now(q())  # 08:00-10:00: whole hours only, all from the roll-up
    # by hand: calls 1, 2, 3 (now answered in time), 4; call 5 a tombstone, call 6 gone
    assert (d.figures.offered, d.figures.answered, d.figures.returned) == (4, 4, 0)
    assert d.figures.service_level_pct == pytest.approx(75.0)
    assert d.figures.aht_s == pytest.approx((140 + 270 + 80 + 170) / 4)
    assert d.figures.wrap_on_time_pct == pytest.approx(75.0)  # 40, 20, 50 of 40, 70, 20, 50
    tickets = Ticket.__table__
    db.write_now(lambda s: s.execute(update(tickets).where(tickets.c.number == "NB").values(
        deleted_at=shift.NOW)))
    db.write_now(lambda s: s.execute(update(tickets).where(tickets.c.number == "NA").values(
        category="complaint")))
    assert board.load_now(q(team="A")).tickets_by_hour == (
        (datetime(2026, 12, 6, 16, tzinfo=SH), "complaint", 1),  # A moved, B a tombstone
        (datetime(2026, 12, 6, 17, tzinfo=SH), "fault_repair", 1))
    # a period with partial hours (08:30-09:30) adds the calls of the edges from the calls
    half = board.load_now(BoardQuery(shift.T0 + timedelta(minutes=30),
                                     shift.T0 + timedelta(minutes=90), shift.NOW))
    assert (half.figures.offered, half.figures.answered) == (2, 2)  # calls 3 and 4


def test_a_refresh_rereads_the_last_two_hours(board: BoardFigures) -> None:
    from callcenter.store.models import CallSession

    period = BoardQuery(shift.T0, shift.T0 + timedelta(hours=3), shift.NOW, team="A")
    prev = board.load_now(period)
    assert prev.figures.offered == 6  # with the 10:30 call
    new = [{**shift.calls()[0], "started_at": shift.T0 + timedelta(minutes=m), "agent_id": "1002"}
           for m in (10, 110)]  # 08:10 (older than the refresh reads) and 09:50
    board.db.write_now(lambda s: s.execute(insert(CallSession.__table__), new))
    fresh = board.refresh(prev, shift.NOW).result(timeout=10)  # 10:00: reads 09:00 on
    assert fresh.figures.offered == 7 and fresh.query.now == shift.NOW
    assert [h.totals.offered for h in fresh.hourly] == [3, 3, 1]  # 08:00 as it was
    assert board.load_now(period).figures.offered == 8  # a full load sees both
