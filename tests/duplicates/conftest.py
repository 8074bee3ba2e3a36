"""Duplicate and alert services on a real SQLite file with a fake clock."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from callcenter.domain.clock import FakeClock
from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.ticket import TicketDraft
from callcenter.domain.ticket_lifecycle import Actor, Role, TicketAction
from callcenter.services.alerts.inbox import Alerts
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database, open_database
from callcenter.services.tickets.duplicates import Duplicates
from callcenter.services.tickets.entry import DispatchRequest, Tickets
from callcenter.services.tickets.workflow import ActionRequest, TicketWorkflow
from tests.fakes import signed_in

PHONE = "13800138001"
ACCOUNT = "3100000001"
ADDRESS = "临江市江城区幸福路12号"
AGENT = Actor("1024", Role.AGENT)
LEAD = Actor("9001", Role.SHIFT_LEAD)
MARKETING = Actor("8002", Role.DEPARTMENT, "marketing")


@dataclass
class Dup:
    db: Database
    clock: FakeClock
    profile: SiteProfile
    tickets: Tickets
    workflow: TicketWorkflow
    alerts: Alerts
    duplicates: Duplicates
    lead: Alerts  # the same store as the shift lead 9001 signed in would read it

    def save(self, category: str = "complaint", *, phone: str = PHONE, account: str = ACCOUNT,
             address: str = ADDRESS, content: str = "抄表员态度恶劣", dispatch: str | None = None
             ) -> uuid.UUID:
        draft = TicketDraft(category=category, content=content, caller_name="张三",
                            caller_phone=phone, account_no=account, address=address,
                            area_type="urban", priority="soon")
        req = DispatchRequest(dispatch, 5) if dispatch else None
        return self.tickets.save(draft, agent_id="1024", dispatch=req).result(timeout=5).id

    def act(self, tid: uuid.UUID, action: TicketAction, actor: Actor, **kw: object) -> None:
        snap = self.workflow.get(tid)
        self.workflow.apply(ActionRequest(tid, action, actor, snap.version, **kw))  # type: ignore[arg-type]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    d = open_database(tmp_path / "desk.sqlite3", busy_timeout_ms=200)
    yield d
    d.close()


@pytest.fixture
def dup(db: Database) -> Dup:
    clock = FakeClock()
    profile = load_profile()
    workflow = TicketWorkflow(db, clock, "W01")
    alerts = Alerts(db, clock, "W01", user=signed_in())
    return Dup(db, clock, profile, Tickets(db, profile, clock, "W01", user=alerts.user), workflow, alerts,
               Duplicates(db, profile, clock, alerts, workflow),
               Alerts(db, clock, "W01", user=signed_in("9001", Role.SHIFT_LEAD)))
