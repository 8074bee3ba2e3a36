"""Callback tests run on a real SQLite file with a fake clock; tickets reach
已回复 through the real workflow (dispatch, accept, reply)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from callcenter.domain.clock import FakeClock
from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.ticket import TicketDraft
from callcenter.domain.ticket_lifecycle import Actor, Role, TicketAction
from callcenter.services.auth.directory import UserDirectory, find_user, user_actor
from callcenter.services.callbacks.queue import Callbacks
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database, open_database
from callcenter.services.tickets.entry import Tickets
from callcenter.services.tickets.workflow import ActionRequest, TicketWorkflow
from tests.fakes import signed_in

AGENT = "1024"
OTHER_AGENT = "1025"
LEAD = "9001"  # a shift lead (users added by make_rig)
DEPT_USER = "8001"  # department user (repair)


@dataclass
class CallbackRig:
    db: Database
    clock: FakeClock
    profile: SiteProfile
    tickets: Tickets
    workflow: TicketWorkflow
    callbacks: Callbacks

    def sign_in(self, user_id: str) -> None:
        """This desk's user is now ``user_id`` (its role from the users table)."""
        actor = user_actor(self.db, user_id)
        assert actor is not None, user_id
        self.callbacks.user.set(actor)

    def replied_ticket(self, content: str = "家中停电", phone: str = "13800138001") -> uuid.UUID:
        """A repair ticket saved by an agent, dispatched, accepted and replied."""
        draft = TicketDraft(category="fault_repair", content=content, caller_name="张先生",
                            caller_phone=phone, address="临江市江城区幸福路12号",
                            area_type="urban", priority="soon")
        me = self.tickets.user.actor
        self.sign_in(AGENT)
        tid = self.tickets.save(draft, agent_id=AGENT).result(timeout=5).id
        if me is not None:
            self.tickets.user.set(me)
        self.act(tid, TicketAction.DISPATCH, Actor(AGENT, Role.AGENT), department="repair")
        self.reply(tid)
        return tid

    def reply(self, tid: uuid.UUID, result: str = "已恢复供电") -> None:
        repair = Actor(DEPT_USER, Role.DEPARTMENT, "repair")
        self.act(tid, TicketAction.ACCEPT, repair)
        self.act(tid, TicketAction.REPLY, repair, reply={
            "departed_at": "10:00", "arrived_at": "10:35", "cause": "表后开关跳闸",
            "restored_at": "10:50", "result": result})

    def act(self, tid: uuid.UUID, action: TicketAction, actor: Actor, **kw: object) -> None:
        snap = self.workflow.get(tid)
        self.workflow.apply(ActionRequest(tid, action, actor, snap.version, **kw))  # type: ignore[arg-type]
        self.clock.advance(60)


def add_rig_users(db: Database, profile: SiteProfile, clock: FakeClock) -> None:
    """The rig's users in the users table (their roles come from it), unless there."""
    users = UserDirectory(profile, "W01", audit=False)
    wanted = ((AGENT, "张敏", "agent", None), (OTHER_AGENT, "李强", "agent", None),
              (LEAD, "王班长", "lead", None), (DEPT_USER, "抢修", "department", "repair"))

    def add(s: Session) -> None:
        for uid, name, role, dept in wanted:
            if find_user(s, uid) is None:
                users.add_in(s, uid, name=name, role=role, password="test-pw-1",
                             now=clock.utc_now(), department=dept)

    db.write_now(add)


def make_rig(tmp: Path, profile: SiteProfile | None = None) -> CallbackRig:
    clock = FakeClock()
    prof = profile or load_profile()
    db = open_database(tmp / "desk.sqlite3", busy_timeout_ms=200)
    add_rig_users(db, prof, clock)
    user = signed_in(AGENT)
    tickets = Tickets(db, prof, clock, "W01", user=user)
    workflow = TicketWorkflow(db, clock, "W01")
    return CallbackRig(db, clock, prof, tickets, workflow,
                       Callbacks(db, prof, clock, workflow, "W01", user=user))


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[CallbackRig]:
    r = make_rig(tmp_path)
    yield r
    r.db.close()
