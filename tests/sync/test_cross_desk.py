"""What one desk raises for others reaches them through central: the shift
lead's repeat-complaint alert (004 Q68) and the emergency banner (004 Q70)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from callcenter.domain.auth.roles import Role
from callcenter.domain.clock import FakeClock
from callcenter.services.alerts.inbox import REPEAT_COMPLAINT, SHIFT_LEAD, Alerts
from callcenter.services.outages.lookup import Outages
from callcenter.services.storage.database import Database, open_database
from callcenter.services.sync.engine import SyncEngine
from callcenter.store.outage_models import EmergencyBanner
from callcenter.sync.central import CentralClient
from tests.fakes import signed_in


@pytest.fixture
def two(tmp_path: Path, central_url: str) -> Iterator[tuple[tuple[Database, SyncEngine], ...]]:
    out = []
    for name in ("AGENT1", "LEAD1"):
        db = open_database(tmp_path / f"{name}.sqlite3")
        out.append((db, SyncEngine(db, name, lambda: CentralClient(central_url))))
    yield tuple(out)
    for db, engine in out:
        engine.close()
        db.close()


def test_an_alert_raised_on_an_agent_desk_reaches_the_lead_desk(
        two: tuple[tuple[Database, SyncEngine], ...]) -> None:
    (a_db, a), (l_db, lead) = two
    clock = FakeClock()
    Alerts(a_db, clock, "AGENT1", user=signed_in()).raise_alert(
        REPEAT_COMPLAINT, "重复投诉：工单未办结", created_by="1024").result(timeout=5)
    on_lead = Alerts(l_db, clock, "LEAD1", user=signed_in("9001", Role.SHIFT_LEAD))
    assert on_lead.open_for(SHIFT_LEAD).result(timeout=5) == []
    a.run_once()
    lead.run_once()
    (alert,) = on_lead.open_for(SHIFT_LEAD).result(timeout=5)
    assert alert.kind == REPEAT_COMPLAINT and alert.message == "重复投诉：工单未办结"
    on_lead.acknowledge(alert.id, by="9001").result(timeout=5)
    lead.run_once()
    a.run_once()  # the acknowledgement goes back too
    assert on_lead.open_for(SHIFT_LEAD).result(timeout=5) == []


def test_an_emergency_banner_raised_by_the_lead_shows_on_other_desks_and_clears(
        two: tuple[tuple[Database, SyncEngine], ...]) -> None:
    (a_db, a), (l_db, lead) = two
    clock = FakeClock()
    lead_desk = Outages(l_db, clock, "LEAD1", user=signed_in("9001", Role.SHIFT_LEAD))
    notice = lead_desk.raise_emergency(
        "江城区大面积停电，抢修中", "您好，江城区因线路故障大面积停电……", "9001").result(timeout=5)
    agent_side = Outages(a_db, clock, "AGENT1", user=signed_in())
    assert agent_side.current_emergency().result(timeout=5) is None
    lead.run_once()
    a.run_once()
    shown = agent_side.current_emergency().result(timeout=5)
    assert shown is not None and (shown.id, shown.message) == (notice.id, "江城区大面积停电，抢修中")
    lead_desk.clear_emergency(notice.id).result(timeout=5)
    lead.run_once()
    a.run_once()
    assert agent_side.current_emergency().result(timeout=5) is None
    # who cleared it and when reached the agent's desk too
    row = a_db.read_now(lambda s: s.get(EmergencyBanner, notice.id))
    assert row is not None and row.cleared_by == "9001" and row.cleared_at == clock.utc_now()
