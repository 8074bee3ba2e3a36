"""Lifecycle transitions on a real SQLite file: events, roles, stale versions."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from callcenter.domain.ticket import TicketDraft
from callcenter.domain.ticket_lifecycle import Actor, Role, TicketAction, TicketState, TransitionRefused
from callcenter.services.storage.database import Database
from callcenter.services.tickets.workflow import ActionRequest, StaleTicket, TicketWorkflow
from callcenter.store.models import TicketEvent

from .conftest import DeskRig

AGENT = Actor("1024", Role.AGENT)
LEAD = Actor("9001", Role.SHIFT_LEAD)
REPAIR = Actor("r01", Role.DEPARTMENT, "repair")


def saved_repair(rig: DeskRig) -> object:
    draft = TicketDraft(category="fault_repair", content="停电", caller_phone="13800138001",
                        address="临江市江城区幸福路12号", area_type="urban", priority="soon")
    return rig.tickets.save(draft, agent_id="1024").result(timeout=5).id


def test_full_lifecycle_records_every_step(rig: DeskRig, db: Database) -> None:
    wf = TicketWorkflow(db, rig.clock, "W01")
    tid = saved_repair(rig)
    snap = wf.get(tid)  # type: ignore[arg-type]
    assert snap.state is TicketState.ACCEPTED

    def act(action: TicketAction, actor: Actor, **kw: object) -> None:
        nonlocal snap
        snap = wf.apply(ActionRequest(snap.id, action, actor, snap.version, **kw))  # type: ignore[arg-type]

    act(TicketAction.DISPATCH, AGENT, department="repair", note="请尽快到场")
    act(TicketAction.URGE, AGENT, note="客户再次来电催促")
    act(TicketAction.SUPERVISE, LEAD)
    act(TicketAction.ACCEPT, REPAIR)
    act(TicketAction.REPLY, REPAIR, reply={"departed_at": "10:00", "arrived_at": "10:35",
                                          "cause": "表后开关跳闸", "restored_at": "10:50",
                                          "result": "已恢复供电"})
    act(TicketAction.CALLBACK_NOT_SATISFIED, AGENT, note="客户称仍有闪断")
    assert snap.state is TicketState.DISPATCHED  # reopened
    act(TicketAction.ACCEPT, REPAIR)
    act(TicketAction.REPLY, REPAIR, reply={"departed_at": "14:00", "arrived_at": "14:30",
                                          "cause": "接头松动", "restored_at": "15:00",
                                          "result": "已紧固"})
    act(TicketAction.CALLBACK_SATISFIED, AGENT)
    act(TicketAction.ARCHIVE, LEAD)
    assert snap.state is TicketState.ARCHIVED
    assert snap.urge_count == 1 and snap.supervised
    kinds = db.read_now(lambda s: list(s.scalars(
        select(TicketEvent.kind).where(TicketEvent.ticket_id == tid).order_by(TicketEvent.at,
                                                                              TicketEvent.id))))
    assert kinds[0] == "saved" and kinds[-1] == "archive" and kinds.count("reply") == 2


def test_refused_transition_writes_nothing(rig: DeskRig, db: Database) -> None:
    wf = TicketWorkflow(db, rig.clock, "W01")
    tid = saved_repair(rig)
    snap = wf.get(tid)  # type: ignore[arg-type]
    with pytest.raises(TransitionRefused) as err:
        wf.apply(ActionRequest(snap.id, TicketAction.ACCEPT, REPAIR, snap.version))
    assert err.value.reason == "wrong_state"
    assert wf.get(snap.id).version == snap.version


def test_second_window_is_told_the_ticket_changed(rig: DeskRig, db: Database) -> None:
    wf = TicketWorkflow(db, rig.clock, "W01")
    tid = saved_repair(rig)
    first = wf.get(tid)  # type: ignore[arg-type]
    second = wf.get(tid)  # type: ignore[arg-type]  (another window read it too)
    wf.apply(ActionRequest(first.id, TicketAction.DISPATCH, AGENT, first.version, department="repair"))
    with pytest.raises(StaleTicket) as err:
        wf.apply(ActionRequest(second.id, TicketAction.URGE, LEAD, second.version, note="催办"))
    assert err.value.actual == second.version + 1
    assert wf.get(second.id).urge_count == 0


def test_detail_timeline_merges_call_and_ticket_events(rig: DeskRig, db: Database) -> None:
    from callcenter.services.tickets.detail import department_queue, load_detail
    from callcenter.telephony.port import CallOffered

    rig.desk.sign_in("1024")
    rig.desk.set_ready()
    rig.tel.send(CallOffered("c1", "13800138001"))
    rig.sched.advance(3)
    rig.desk.answer()
    rig.sched.advance(30)
    rig.desk.hang_up()
    draft = TicketDraft(category="fault_repair", content="停电", caller_phone="13800138001",
                        address="临江市江城区幸福路12号", area_type="urban", priority="soon")
    from callcenter.services.tickets.entry import DispatchRequest

    saved = rig.desk.finish_wrapup(draft, DispatchRequest("repair", 1)).result(timeout=5)
    rig.posted.run_until(lambda: bool(rig.rec.of("ticket_saved")))
    rig.db.flush()
    wf = TicketWorkflow(db, rig.clock, "W01")
    rig.sched.advance(60)
    snap = wf.get(saved.id)
    wf.apply(ActionRequest(snap.id, TicketAction.ACCEPT, REPAIR, snap.version))
    detail = db.read_now(lambda s: load_detail(s, saved.id))
    kinds = [(e.source, e.kind) for e in detail.timeline]
    assert kinds[0] == ("call", "ringing")
    assert ("ticket", "saved") in kinds and ("ticket", "dispatched") in kinds
    assert kinds[-1] == ("ticket", "accept")
    assert [e.at for e in detail.timeline] == sorted(e.at for e in detail.timeline)
    assert detail.state is TicketState.IN_PROGRESS
    queue = db.read_now(lambda s: department_queue(s, "repair"))
    assert [r.number for r in queue] == [saved.number]
    assert db.read_now(lambda s: department_queue(s, "marketing")) == []


def test_deadline_counts_warning_and_overdue(rig: DeskRig, db: Database) -> None:
    from datetime import timedelta

    from callcenter.services.tickets.deadline_watch import count_deadlines
    from callcenter.services.tickets.entry import DispatchRequest

    complaint = TicketDraft(category="complaint", content="投诉", caller_name="王五",
                            caller_phone="13800138002")
    for days in (1, 2, 5):
        rig.tickets.save(complaint, agent_id="1024", dispatch=DispatchRequest("marketing", days)).result(5)
    now = rig.clock.utc_now()
    assert db.read_now(lambda s: count_deadlines(s, now)) == (0, 0)
    # 40 h on: the 1-day ticket is overdue, the 2-day one is past 80% (83%), the 5-day one is fine
    later = now + timedelta(hours=40)
    counts = db.read_now(lambda s: count_deadlines(s, later))
    assert (counts.warning, counts.overdue) == (1, 1)
    assert db.read_now(lambda s: count_deadlines(s, later, department="repair")) == (0, 0)


def test_every_move_into_dispatched_gets_the_profiles_deadline(rig: DeskRig, db: Database) -> None:
    """Issue 17 item 5: a ticket saved with 置闲 and dispatched later, and a ticket
    reopened by an unsatisfied callback, both get a deadline counted from then."""
    from datetime import timedelta

    from callcenter.store.models import Ticket

    wf = TicketWorkflow(db, rig.clock, "W01")
    tid = saved_repair(rig)  # fault repair, urban: 45 minutes to arrive
    snap = wf.get(tid)  # type: ignore[arg-type]

    def act(action: TicketAction, actor: Actor, **kw: object) -> None:
        nonlocal snap
        snap = wf.apply(ActionRequest(snap.id, action, actor, snap.version, **kw))  # type: ignore[arg-type]

    def deadline() -> object:
        return db.read_now(lambda s: s.get(Ticket, tid).deadline_at)  # type: ignore[union-attr]

    rig.clock.advance(600)
    dispatched_at = rig.clock.utc_now()
    act(TicketAction.DISPATCH, AGENT, department="repair")
    assert deadline() == dispatched_at + timedelta(minutes=45)
    act(TicketAction.ACCEPT, REPAIR)
    act(TicketAction.REPLY, REPAIR, reply={"departed_at": "10:00", "arrived_at": "10:35",
                                          "cause": "表后开关跳闸", "restored_at": "10:50",
                                          "result": "已恢复供电"})
    rig.clock.advance(3 * 3600)
    reopened_at = rig.clock.utc_now()
    act(TicketAction.CALLBACK_NOT_SATISFIED, AGENT, note="客户称仍有闪断")
    assert snap.state is TicketState.DISPATCHED
    assert deadline() == reopened_at + timedelta(minutes=45)  # not the old, long-past one
    data = db.read_now(lambda s: s.scalars(select(TicketEvent.data).where(
        TicketEvent.ticket_id == tid, TicketEvent.kind == "callback_not_satisfied")).one())
    assert data["deadline_at"] == (reopened_at + timedelta(minutes=45)).isoformat()
