"""The call loop as a use case, on a real SQLite file with a fake clock."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from sqlalchemy import select

from callcenter.domain.agent_state import AgentState, IllegalTransition
from callcenter.domain.ticket import TicketDraft, TicketInvalid
from callcenter.services.calls.desk import AgentIdInvalid
from callcenter.services.storage.database import StoreFailure, StoreFailureKind
from callcenter.services.tickets.entry import Backfill, DispatchRequest
from callcenter.store.models import CallEventRow, CallSession, Ticket, TicketEvent
from callcenter.telephony.port import CallAbandoned, CallOffered, CallReleased
from tests.fakes import signed_in

from .conftest import DeskRig


def repair_draft(**over: str) -> TicketDraft:
    d = TicketDraft(
        category="fault_repair", content="家里停电了，邻居家有电", caller_name="张三",
        caller_phone="13800138001", account_no="3100000001", meter_no="3330000000000000000001",
        address="临江市江城区幸福路12号", area_type="urban", priority="soon",
    )
    for k, v in over.items():
        setattr(d, k, v)
    return d


def ready(rig: DeskRig) -> None:
    rig.desk.sign_in("1024")
    rig.desk.set_ready()


def ring(rig: DeskRig, call_id: str = "c1", number: str = "13800138001") -> None:
    rig.tel.send(CallOffered(call_id, number))


def kinds(rig: DeskRig, call_id: object) -> list[str]:
    rig.db.flush()
    return rig.db.read_now(lambda s: list(s.scalars(
        select(CallEventRow.kind).where(CallEventRow.call_id == call_id).order_by(CallEventRow.seq))))


def test_full_loop_saves_ticket_events_and_sla_in_one_go(rig: DeskRig) -> None:
    ready(rig)
    ring(rig)
    assert rig.desk.status.state is AgentState.RINGING
    rig.sched.advance(9.0)  # answered on ring 2
    rig.desk.answer()
    call = rig.desk.current_call
    assert call is not None and not call.late_answer
    lines = rig.rec.of("script_lines")[-1][0]
    assert [line.key for line in lines] == ["greeting", "closing"]
    assert "1024" in lines[0].text and "国网临江供电公司" in lines[0].text
    rig.sched.advance(100.0)
    rig.tel.send(CallReleased("c1", by="customer"))
    assert rig.desk.status.state is AgentState.WRAP_UP
    rig.sched.advance(20.0)
    fut = rig.desk.finish_wrapup(repair_draft())
    saved = fut.result(timeout=5)
    rig.posted.run_until(lambda: bool(rig.rec.of("ticket_saved")))
    assert rig.desk.status.state is AgentState.READY
    assert saved.number.startswith("LJ-W01-")
    assert kinds(rig, call.id) == [
        "ringing", "answered", "script_shown", "script_shown", "hung_up",
        "ticket_saved", "wrap_up_done",
    ]
    row = rig.db.read_now(lambda s: s.get(CallSession, call.id))
    assert row is not None
    assert row.outcome == "answered"
    assert row.ring_s == pytest.approx(9.0)
    assert row.talk_s == pytest.approx(100.0)
    assert row.wrapup_s == pytest.approx(20.0)
    assert (row.late_answer, row.talk_over, row.wrapup_over) == (False, False, False)
    assert row.hung_up_by == "customer"
    stats = rig.rec.of("stats_changed")[-1][0]
    assert stats.calls == 1 and stats.answered_within_limit_pct == 100.0
    assert stats.avg_talk_s == pytest.approx(100.0)
    assert ("available", True) == rig.tel.commands[-1]


def test_late_answer_shows_apology_first_and_breaches_are_stored(rig: DeskRig) -> None:
    ready(rig)
    ring(rig)
    rig.sched.advance(15.0)  # ring 4 starts: past the 3-ring limit
    rig.desk.answer()
    lines = rig.rec.of("script_lines")[-1][0]
    assert lines[0].text == "对不起，让您久等了。"
    assert lines[1].key == "greeting"
    rig.sched.advance(150.5)
    rig.desk.hang_up()
    assert rig.tel.commands[-1][0] == "hang_up"
    rig.sched.advance(61.0)
    call = rig.desk.current_call
    assert call is not None
    rig.desk.finish_wrapup(repair_draft()).result(timeout=5)
    rig.posted.run_until(lambda: bool(rig.rec.of("ticket_saved") or rig.rec.of("ticket_failed")))
    row = rig.db.read_now(lambda s: s.get(CallSession, call.id))
    assert row is not None
    assert (row.late_answer, row.talk_over, row.wrapup_over) == (True, True, True)
    assert row.hung_up_by == "agent"
    stats = rig.rec.of("stats_changed")[-1][0]
    assert stats.answered_within_limit_pct == 0.0
    assert stats.wrapup_within_target_pct == 0.0


def test_answer_just_inside_the_limit_is_not_late(rig: DeskRig) -> None:
    ready(rig)
    ring(rig)
    rig.sched.advance(14.99)
    rig.desk.answer()
    assert rig.desk.current_call is not None and not rig.desk.current_call.late_answer


def test_no_answer_requeues_and_sets_busy_with_missed_call(rig: DeskRig) -> None:
    ready(rig)
    ring(rig)
    rig.sched.advance(29.9)
    assert rig.desk.status.state is AgentState.RINGING
    rig.sched.advance(0.2)
    assert rig.desk.status.state is AgentState.BUSY
    assert rig.desk.status.busy_reason == "missed_call"
    assert ("requeue", "c1") in rig.tel.commands
    assert rig.rec.of("notice")[-1][0] == "missed_call"
    rig.db.flush()
    row = rig.db.read_now(lambda s: s.scalars(select(CallSession)).one())
    assert row.outcome == "missed"


def test_caller_hanging_up_while_ringing_returns_agent_to_ready(rig: DeskRig) -> None:
    ready(rig)
    ring(rig)
    rig.sched.advance(4.0)
    rig.tel.send(CallAbandoned("c1"))
    assert rig.desk.status.state is AgentState.READY
    assert rig.sched.pending_count == 0  # the no-answer timer is gone
    rig.db.flush()
    assert rig.db.read_now(lambda s: s.scalars(select(CallSession.outcome)).one()) == "abandoned"


def test_illegal_moves_are_refused_by_the_state_machine(rig: DeskRig) -> None:
    with pytest.raises(IllegalTransition):
        rig.desk.set_ready()  # signed out
    rig.desk.sign_in("1024")
    with pytest.raises(IllegalTransition):
        rig.desk.answer()  # busy, nothing ringing
    rig.desk.set_ready()
    ring(rig)
    rig.desk.answer()
    with pytest.raises(IllegalTransition):
        rig.desk.set_ready()  # talking
    with pytest.raises(IllegalTransition):
        rig.desk.sign_out()


def test_bad_agent_id_is_refused(rig: DeskRig) -> None:
    with pytest.raises(AgentIdInvalid):
        rig.desk.sign_in("ab")
    assert rig.desk.status.state is AgentState.SIGNED_OUT


def test_call_offered_while_busy_goes_back_to_the_queue(rig: DeskRig) -> None:
    rig.desk.sign_in("1024")
    ring(rig)
    assert rig.desk.status.state is AgentState.BUSY
    assert ("requeue", "c1") in rig.tel.commands


def test_hold_and_resume_are_events_and_hold_time_is_derived(rig: DeskRig) -> None:
    ready(rig)
    ring(rig)
    rig.desk.answer()
    rig.sched.advance(10)
    rig.desk.hold()
    assert rig.desk.status.state is AgentState.HELD
    rig.sched.advance(30)
    rig.desk.resume()
    rig.sched.advance(5)
    rig.desk.hang_up()
    call = rig.desk.current_call
    assert call is not None
    rig.desk.finish_wrapup(repair_draft()).result(timeout=5)
    rig.posted.run_until(lambda: bool(rig.rec.of("ticket_saved") or rig.rec.of("ticket_failed")))
    row = rig.db.read_now(lambda s: s.get(CallSession, call.id))
    assert row is not None and row.hold_s == pytest.approx(30.0)
    assert "held" in kinds(rig, call.id) and "resumed" in kinds(rig, call.id)


def test_invalid_ticket_is_refused_and_desk_stays_in_wrap_up(rig: DeskRig) -> None:
    ready(rig)
    ring(rig)
    rig.desk.answer()
    rig.desk.hang_up()
    before = len(rig.desk.call_events())
    with pytest.raises(TicketInvalid) as err:
        rig.desk.finish_wrapup(repair_draft(caller_phone="12345", content=""))
    assert [e.field for e in err.value.errors] == ["content", "caller_phone"]
    assert rig.desk.status.state is AgentState.WRAP_UP
    assert len(rig.desk.call_events()) == before


def test_dispatch_saves_dispatched_ticket_with_deadline(rig: DeskRig) -> None:
    ready(rig)
    ring(rig)
    rig.desk.answer()
    rig.desk.hang_up()
    saved = rig.desk.finish_wrapup(repair_draft(), DispatchRequest("repair", 2)).result(timeout=5)
    rig.posted.run_until(lambda: bool(rig.rec.of("ticket_saved") or rig.rec.of("ticket_failed")))
    assert saved.status == "dispatched"
    t = rig.db.read_now(lambda s: s.scalars(select(Ticket)).one())
    assert t.department == "repair" and t.deadline_days == 2
    # a repair's deadline is the arrival time for its area type (urban: 45 min), not days
    assert t.deadline_at is not None and t.deadline_at - t.created_at == timedelta(minutes=45)
    evs = rig.db.read_now(lambda s: list(s.scalars(select(TicketEvent.kind))))
    assert sorted(evs) == ["dispatched", "saved"]


def test_failed_save_keeps_wrap_up_and_writes_nothing(rig: DeskRig) -> None:
    ready(rig)
    ring(rig)
    rig.desk.answer()
    rig.desk.hang_up()
    rig.db.flush()
    call = rig.desk.current_call
    assert call is not None
    events_before = kinds(rig, call.id)
    other = sqlite3.connect(rig.db.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another process holds the write lock
    try:
        fut = rig.desk.finish_wrapup(repair_draft())
        with pytest.raises(StoreFailure) as err:
            fut.result(timeout=10)
        rig.posted.run_until(lambda: bool(rig.rec.of("ticket_failed")))
    finally:
        other.rollback()
        other.close()
    assert err.value.kind is StoreFailureKind.LOCKED
    assert rig.desk.status.state is AgentState.WRAP_UP
    assert not rig.desk.snapshot().saving
    assert kinds(rig, call.id) == events_before
    assert rig.db.read_now(lambda s: s.scalars(select(Ticket)).all()) == []
    # once the lock is gone the same draft saves and the loop goes on
    rig.desk.finish_wrapup(repair_draft()).result(timeout=5)
    rig.posted.run_until(lambda: bool(rig.rec.of("ticket_saved")))
    assert rig.desk.status.state is AgentState.READY
    assert kinds(rig, call.id)[-2:] == ["ticket_saved", "wrap_up_done"]


def test_backfill_keeps_real_call_time_and_is_marked(rig: DeskRig) -> None:
    rig.desk.sign_in("1024")
    when = rig.clock.utc_now() - timedelta(hours=3)
    saved = rig.desk.backfill(repair_draft(), Backfill(when, "13800138001")).result(timeout=5)
    rig.posted.run_until(lambda: bool(rig.rec.of("ticket_saved") or rig.rec.of("ticket_failed")))
    assert saved.backfilled
    t = rig.db.read_now(lambda s: s.scalars(select(Ticket)).one())
    assert t.backfilled and t.call_time == when
    call = rig.db.read_now(lambda s: s.get(CallSession, t.call_id))
    assert call is not None and call.backfilled and call.started_at == when


def test_backfill_in_the_future_is_refused(rig: DeskRig) -> None:
    rig.desk.sign_in("1024")
    with pytest.raises(TicketInvalid) as err:
        rig.desk.backfill(repair_draft(), Backfill(rig.clock.utc_now() + timedelta(hours=1), "1"))
    assert err.value.errors[-1].field == "call_time"


def test_ticket_numbers_count_up_per_desk_and_day(rig: DeskRig) -> None:
    rig.desk.sign_in("1024")
    nums = []
    for _ in range(3):
        nums.append(rig.tickets.save(repair_draft(), agent_id="1024").result(timeout=5).number)
    assert [n[-4:] for n in nums] == ["0001", "0002", "0003"]
    assert len(set(nums)) == 3


def test_call_events_ride_out_a_lock_in_order(rig: DeskRig) -> None:
    ready(rig)
    other = sqlite3.connect(rig.db.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # locked before the call row is written
    try:
        ring(rig)
        rig.desk.answer()
        rig.desk.hang_up()
        call = rig.desk.current_call
        assert call is not None
    finally:
        other.rollback()
        other.close()
    assert kinds(rig, call.id) == ["ringing", "answered", "script_shown", "script_shown", "hung_up"]
    assert not rig.rec.of("store_error")


def test_full_disk_is_reported_and_nothing_half_written(rig: DeskRig) -> None:
    from sqlalchemy import text

    ready(rig)
    ring(rig)
    rig.desk.answer()
    rig.desk.hang_up()
    rig.db.flush()
    # cap the file at its current size: the next page it needs is "disk full" (SQLITE_FULL)
    pages = rig.db.write_now(lambda s: s.execute(text("PRAGMA page_count")).scalar())
    rig.db.write_now(lambda s: s.execute(text(f"PRAGMA max_page_count = {pages}")))
    big = repair_draft(content="停" * 2000)
    with pytest.raises(StoreFailure) as err:
        rig.desk.finish_wrapup(big).result(timeout=10)
    rig.posted.run_until(lambda: bool(rig.rec.of("ticket_failed")))
    assert err.value.kind is StoreFailureKind.DISK_FULL
    assert rig.desk.status.state is AgentState.WRAP_UP
    assert rig.db.read_now(lambda s: s.scalars(select(Ticket)).all()) == []
    assert rig.db.read_now(lambda s: s.scalars(select(TicketEvent)).all()) == []


def test_read_only_database_is_reported_and_the_desk_stays_in_wrap_up(rig: DeskRig) -> None:
    from sqlalchemy import text

    ready(rig)
    ring(rig)
    rig.desk.answer()
    rig.desk.hang_up()
    rig.db.flush()
    # root ignores file modes, so make the writer's connection refuse writes the way
    # SQLite does for a read-only file ("attempt to write a readonly database")
    rig.db.write_now(lambda s: s.execute(text("PRAGMA query_only = ON")))
    with pytest.raises(StoreFailure) as err:
        rig.desk.finish_wrapup(repair_draft()).result(timeout=10)
    rig.posted.run_until(lambda: bool(rig.rec.of("ticket_failed")))
    assert err.value.kind is StoreFailureKind.READ_ONLY
    assert rig.desk.status.state is AgentState.WRAP_UP


def test_agent_may_shorten_a_deadline_but_never_lengthen_it(rig: DeskRig) -> None:
    complaint = TicketDraft(category="complaint", content="抄表员态度差", caller_name="王五",
                            caller_phone="13800138002")
    with pytest.raises(TicketInvalid) as err:
        rig.tickets.save(complaint, agent_id="1024", dispatch=DispatchRequest("marketing", 6))
    assert (err.value.errors[0].field, err.value.errors[0].limit) == ("deadline_days", 5)
    rig.tickets.save(complaint, agent_id="1024", dispatch=DispatchRequest("marketing", 3)).result(5)
    t = rig.db.read_now(lambda s: s.scalars(select(Ticket)).one())
    assert t.deadline_at is not None and t.deadline_at - t.created_at == timedelta(days=3)


def test_working_day_deadlines_skip_the_national_day_holiday(rig: DeskRig, db: object) -> None:
    from datetime import UTC, datetime

    from callcenter.domain.clock import FakeClock
    from callcenter.services.tickets.entry import Tickets

    clock = FakeClock(start=datetime(2026, 9, 29, 2, 30, tzinfo=UTC))  # Tue 10:30 local
    profile = rig.tickets.profile
    from dataclasses import replace

    from callcenter.domain.deadlines import Deadline, DeadlineUnit
    from callcenter.domain.site_profile import DeadlineRule

    # a site whose inquiries are answered within 3 working days
    site = replace(profile, deadlines=profile.deadlines + (
        DeadlineRule("inquiry", Deadline(3, DeadlineUnit.WORKING_DAYS)),))
    tickets = Tickets(rig.db, site, clock, "W01", user=signed_in())
    draft = TicketDraft(category="inquiry", content="咨询业务办理进度", caller_phone="13800138001")
    saved = tickets.save(draft, agent_id="1024", dispatch=DispatchRequest("marketing", 3)).result(5)
    t = rig.db.read_now(lambda s: s.get(Ticket, saved.id))
    assert t is not None and t.deadline_at == datetime(2026, 10, 9, 2, 30, tzinfo=UTC)


def test_wrap_up_can_end_without_a_ticket_when_the_call_was_an_urge(rig: DeskRig) -> None:
    ready(rig)
    ring(rig)
    rig.desk.answer()
    rig.desk.hang_up()
    call = rig.desk.current_call
    assert call is not None
    rig.desk.finish_wrapup_without_ticket("urge", number="LJ-W01-20261120-0007")
    assert rig.desk.status.state is AgentState.READY
    assert ("available", True) == rig.tel.commands[-1]
    assert kinds(rig, call.id)[-1] == "wrap_up_done"
    with pytest.raises(IllegalTransition):
        rig.desk.finish_wrapup_without_ticket("urge")


def test_busy_in_wrap_up_needs_a_no_ticket_reason(rig: DeskRig) -> None:
    from callcenter.services.calls.desk import NoTicketReasonMissing

    ready(rig)
    ring(rig)
    rig.desk.answer()
    rig.desk.hang_up()
    call = rig.desk.current_call
    assert call is not None
    with pytest.raises(NoTicketReasonMissing):
        rig.desk.set_busy("break", no_ticket_reason="  ")
    assert rig.desk.status.state is AgentState.WRAP_UP and rig.desk.current_call == call
    rig.desk.set_busy("break", no_ticket_reason="无需建单：当场答复")
    assert rig.desk.status.state is AgentState.BUSY
    rig.db.flush()
    rows = rig.db.read_now(lambda s: [dict(r.data) for r in s.scalars(select(CallEventRow).where(
        CallEventRow.call_id == call.id, CallEventRow.kind == "wrap_up_done"))])
    assert rows == [{"via": "busy", "no_ticket_reason": "无需建单：当场答复"}]
