"""The callback queue on a real SQLite file: enqueue, assign/take, the three
results, retries until unreachable, and all-or-nothing writes."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from callcenter.domain.auth.permissions import PermissionDenied
from callcenter.domain.ticket import TicketDraft
from callcenter.domain.ticket_lifecycle import Actor, Role, TicketAction, TicketState, TransitionRefused
from callcenter.services.callbacks.queue import (
    AttemptRequest,
    CallbackRefused,
    CallbackRow,
    CallResult,
    QueueFilter,
    StaleTask,
)
from callcenter.services.tickets.workflow import ActionRequest, TicketSnapshot, TicketWorkflow
from callcenter.store.callback_models import CallbackAttempt, CallbackTask
from callcenter.store.models import TicketEvent
from tests.fakes import signed_in

from .conftest import AGENT, DEPT_USER, LEAD, OTHER_AGENT, CallbackRig, make_rig


def open_rows(rig: CallbackRig, which: QueueFilter = QueueFilter.OPEN,
              agent: str | None = None) -> tuple[CallbackRow, ...]:
    return rig.callbacks.queue(which, agent).result(timeout=5).rows


def attempt(rig: CallbackRig, row: CallbackRow, result: CallResult, agent: str = AGENT,
            **kw: object) -> object:
    rig.sign_in(agent)
    if row.assigned_to is None:  # a result needs the task taken first (issue 17 item 18)
        row = rig.callbacks.take(row.id, agent, row.version).result(timeout=5)
    req = AttemptRequest(row.id, agent, row.version, result, **kw)  # type: ignore[arg-type]
    return rig.callbacks.record_attempt(req).result(timeout=5)


def taken(rig: CallbackRig, agent: str = AGENT) -> CallbackRow:
    """The first open task, taken by ``agent`` (a result needs it taken)."""
    rig.sign_in(agent)
    row = open_rows(rig)[0]
    return rig.callbacks.take(row.id, agent, row.version).result(timeout=5)


def ticket_events(rig: CallbackRig, tid: uuid.UUID) -> list[str]:
    return rig.db.read_now(lambda s: list(s.scalars(
        select(TicketEvent.kind).where(TicketEvent.ticket_id == tid)
        .order_by(TicketEvent.at, TicketEvent.id))))


def count(rig: CallbackRig, model: type) -> int:
    return int(rig.db.read_now(lambda s: s.scalar(select(func.count()).select_from(model))))


def test_replied_tickets_enter_the_queue_once(rig: CallbackRig) -> None:
    first = rig.replied_ticket()
    second = rig.replied_ticket(phone="13800138002")
    draft_only = rig.tickets.save(TicketDraft(category="inquiry", content="电价咨询",
                                              caller_phone="13800138003"),
                                  agent_id=AGENT).result(timeout=5)
    assert rig.callbacks.enqueue().result(timeout=5) == 2
    assert rig.callbacks.enqueue().result(timeout=5) == 0  # idempotent
    rows = open_rows(rig)
    assert [r.ticket_id for r in rows] == [first, second]  # earliest due first
    assert draft_only.id not in {r.ticket_id for r in rows}
    r = rows[0]
    assert r.outcome == "pending" and r.attempts == 0 and r.assigned_to is None and r.ready
    assert r.due_at == r.replied_at + timedelta(hours=24)
    rig.clock.advance(25 * 3600)
    assert all(r.overdue for r in open_rows(rig))


def test_a_reopened_ticket_replied_again_gets_a_new_task(rig: CallbackRig) -> None:
    tid = rig.replied_ticket()
    rig.callbacks.enqueue().result(timeout=5)
    attempt(rig, open_rows(rig)[0], CallResult.REACHED_NOT_SATISFIED, note="仍然闪断")
    assert rig.workflow.get(tid).state is TicketState.DISPATCHED  # reopened
    assert rig.callbacks.enqueue().result(timeout=5) == 0  # not replied: nothing to call
    rig.reply(tid, result="更换接头")
    assert rig.callbacks.enqueue().result(timeout=5) == 1
    assert len(open_rows(rig)) == 1
    assert [r.outcome for r in open_rows(rig, QueueFilter.DONE)] == ["reached_not_satisfied"]


def test_a_ticket_called_back_elsewhere_leaves_the_queue_recorded(rig: CallbackRig) -> None:
    tid = rig.replied_ticket()
    rig.callbacks.enqueue().result(timeout=5)
    rig.act(tid, TicketAction.CALLBACK_SATISFIED, Actor(AGENT, Role.AGENT))
    rig.callbacks.enqueue().result(timeout=5)
    assert open_rows(rig) == ()
    assert [r.outcome for r in open_rows(rig, QueueFilter.DONE)] == ["superseded"]


def test_lead_assigns_agents_take_free_tasks(rig: CallbackRig) -> None:
    rig.replied_ticket()
    rig.replied_ticket(phone="13800138002")
    rig.callbacks.enqueue().result(timeout=5)
    a, b = open_rows(rig)
    with pytest.raises(PermissionDenied) as denied:  # an agent is signed in
        rig.callbacks.assign(a.id, OTHER_AGENT, AGENT, a.version)
    assert denied.value.reason == "role"
    rig.callbacks.user.clear()
    with pytest.raises(PermissionDenied) as denied:  # nobody is signed in here
        rig.callbacks.assign(a.id, OTHER_AGENT, LEAD, a.version)
    assert denied.value.reason == "not_signed_in"
    rig.sign_in(LEAD)
    with pytest.raises(CallbackRefused) as err:
        rig.sign_in(LEAD)
        rig.callbacks.assign(a.id, DEPT_USER, LEAD, a.version)
    assert err.value.reason == "assignee_invalid"
    rig.sign_in(LEAD)
    given = rig.callbacks.assign(a.id, OTHER_AGENT, LEAD, a.version).result(timeout=5)
    assert given.assigned_to == OTHER_AGENT and given.version == a.version + 1
    rig.sign_in(AGENT)
    with pytest.raises(CallbackRefused) as err:  # an agent cannot take someone else's task
        rig.callbacks.take(a.id, AGENT, given.version).result(timeout=5)
    assert err.value.reason == "assigned_to_other"
    taken = rig.callbacks.take(b.id, AGENT, b.version).result(timeout=5)
    assert taken.assigned_to == AGENT
    rig.sign_in(OTHER_AGENT)
    with pytest.raises(StaleTask):  # a second window that read the old version
        rig.callbacks.take(b.id, OTHER_AGENT, b.version).result(timeout=5)
    assert [r.ticket_id for r in open_rows(rig, QueueFilter.MINE, AGENT)] == [b.ticket_id]
    rig.sign_in(DEPT_USER)
    with pytest.raises(PermissionDenied) as denied:
        rig.callbacks.take(b.id, DEPT_USER, taken.version)
    assert denied.value.reason == "role"


def test_reached_satisfied_moves_the_ticket_on_to_archive(rig: CallbackRig) -> None:
    tid = rig.replied_ticket()
    rig.callbacks.enqueue().result(timeout=5)
    out = attempt(rig, open_rows(rig)[0], CallResult.REACHED_SATISFIED, note="客户满意")
    assert out.ticket_state is TicketState.VISITED and not out.unreachable  # type: ignore[attr-defined]
    assert out.row.outcome == "reached_satisfied" and out.row.attempts == 1  # type: ignore[attr-defined]
    assert ticket_events(rig, tid)[-1] == "callback_satisfied"
    rig.act(tid, TicketAction.ARCHIVE, Actor(LEAD, Role.SHIFT_LEAD))
    assert rig.workflow.get(tid).state is TicketState.ARCHIVED
    assert open_rows(rig) == ()


def test_reached_not_satisfied_reopens_and_needs_a_note(rig: CallbackRig) -> None:
    tid = rig.replied_ticket()
    rig.callbacks.enqueue().result(timeout=5)
    row = taken(rig)
    with pytest.raises(CallbackRefused) as err:
        attempt(rig, row, CallResult.REACHED_NOT_SATISFIED, note="  ")
    assert err.value.reason == "note_required"
    out = attempt(rig, row, CallResult.REACHED_NOT_SATISFIED, note="抢修人员态度差")
    assert out.ticket_state is TicketState.DISPATCHED  # type: ignore[attr-defined]
    last = rig.db.read_now(lambda s: s.scalars(select(TicketEvent).where(
        TicketEvent.ticket_id == tid).order_by(TicketEvent.at.desc())).first())
    assert last.kind == "callback_not_satisfied" and last.data["note"] == "抢修人员态度差"


def test_not_reached_retries_then_unreachable_is_recorded(rig: CallbackRig) -> None:
    assert rig.profile.callback_max_attempts == 3
    tid = rig.replied_ticket()
    rig.callbacks.enqueue().result(timeout=5)
    for n in (1, 2):
        row = open_rows(rig)[0]
        retry = rig.clock.utc_now() + timedelta(hours=2)
        out = attempt(rig, row, CallResult.NOT_REACHED, note="无人接听", retry_at=retry)
        assert not out.unreachable and out.row.attempts == n  # type: ignore[attr-defined]
        assert out.row.next_try_at == retry and not out.row.ready  # type: ignore[attr-defined]
        assert rig.callbacks.due_count(AGENT).result(timeout=5).due == 0
        rig.clock.advance(2 * 3600)
        assert rig.callbacks.due_count(AGENT).result(timeout=5).due == 1
    out = attempt(rig, open_rows(rig)[0], CallResult.NOT_REACHED, note="关机")
    assert out.unreachable and out.row.outcome == "unreachable"  # type: ignore[attr-defined]
    assert out.row.next_try_at is None  # type: ignore[attr-defined]
    assert rig.workflow.get(tid).state is TicketState.REPLIED  # not moved, not dropped
    kinds = ticket_events(rig, tid)
    assert kinds[-3:] == ["callback_not_reached", "callback_not_reached", "callback_unreachable"]
    assert rig.callbacks.enqueue().result(timeout=5) == 0  # stays a recorded outcome
    assert open_rows(rig) == ()
    [gone] = open_rows(rig, QueueFilter.UNREACHABLE)
    assert gone.ticket_id == tid and gone.attempts == 3
    detail = rig.callbacks.detail(gone.id, AGENT).result(timeout=5)
    assert [a.result for a in detail.attempts] == ["not_reached"] * 3
    with pytest.raises(CallbackRefused) as err:
        attempt(rig, gone, CallResult.REACHED_SATISFIED)
    assert err.value.reason == "task_closed"


def test_max_attempts_comes_from_the_profile(tmp_path: Path) -> None:
    from callcenter.services.site.profile import load_profile

    rig = make_rig(tmp_path, dataclasses.replace(load_profile(), callback_max_attempts=1))
    try:
        rig.replied_ticket()
        rig.callbacks.enqueue().result(timeout=5)
        out = attempt(rig, open_rows(rig)[0], CallResult.NOT_REACHED)
        assert out.unreachable  # type: ignore[attr-defined]
    finally:
        rig.db.close()


def test_retry_in_the_past_is_refused_and_nothing_is_written(rig: CallbackRig) -> None:
    rig.replied_ticket()
    rig.callbacks.enqueue().result(timeout=5)
    row = taken(rig)
    with pytest.raises(CallbackRefused) as err:
        attempt(rig, row, CallResult.NOT_REACHED, retry_at=rig.clock.utc_now() - timedelta(minutes=1))
    assert err.value.reason == "retry_in_past"
    assert count(rig, CallbackAttempt) == 0
    assert open_rows(rig)[0] == row


def test_a_refused_transition_writes_nothing(rig: CallbackRig) -> None:
    """The ticket was reopened behind the queue's back: the attempt is refused whole."""
    tid = rig.replied_ticket()
    rig.callbacks.enqueue().result(timeout=5)
    row = taken(rig)
    rig.act(tid, TicketAction.CALLBACK_NOT_SATISFIED, Actor(LEAD, Role.SHIFT_LEAD), note="值班长回访")
    events = ticket_events(rig, tid)
    with pytest.raises(TransitionRefused) as err:
        attempt(rig, row, CallResult.REACHED_SATISFIED)
    assert err.value.reason == "wrong_state"
    assert count(rig, CallbackAttempt) == 0
    assert ticket_events(rig, tid) == events
    task = rig.db.read_now(lambda s: s.get(CallbackTask, row.id))
    assert (task.attempts, task.version, task.assigned_to) == (0, row.version, AGENT)


class FailingWorkflow(TicketWorkflow):
    """The ticket move succeeds in the session, then the transaction fails."""

    def apply_in(self, session: object, req: ActionRequest) -> TicketSnapshot:
        super().apply_in(session, req)  # type: ignore[arg-type]
        raise RuntimeError("disk went away")


def test_a_failure_after_the_ticket_moved_rolls_everything_back(rig: CallbackRig) -> None:
    from callcenter.services.callbacks.queue import Callbacks

    tid = rig.replied_ticket()
    cb = Callbacks(rig.db, rig.profile, rig.clock, FailingWorkflow(rig.db, rig.clock, "W01"), "W01",
                   user=signed_in(AGENT))
    cb.enqueue().result(timeout=5)
    row = taken(rig)
    version = rig.workflow.get(tid).version
    with pytest.raises(RuntimeError):
        cb.record_attempt(AttemptRequest(row.id, AGENT, row.version, CallResult.REACHED_SATISFIED)
                          ).result(timeout=5)
    snap = rig.workflow.get(tid)
    assert snap.state is TicketState.REPLIED and snap.version == version
    assert count(rig, CallbackAttempt) == 0
    assert open_rows(rig)[0] == row


def test_only_the_assignee_records_and_departments_never(rig: CallbackRig) -> None:
    rig.replied_ticket()
    rig.callbacks.enqueue().result(timeout=5)
    row = open_rows(rig)[0]
    rig.sign_in(LEAD)
    given = rig.callbacks.assign(row.id, OTHER_AGENT, LEAD, row.version).result(timeout=5)
    with pytest.raises(CallbackRefused) as err:
        attempt(rig, given, CallResult.REACHED_SATISFIED, agent=AGENT)
    assert err.value.reason == "assigned_to_other"
    with pytest.raises(PermissionDenied) as denied:
        attempt(rig, given, CallResult.REACHED_SATISFIED, agent=DEPT_USER)
    assert denied.value.reason == "role"


def test_due_count_and_order_put_due_and_overdue_first(rig: CallbackRig) -> None:
    first = rig.replied_ticket()
    rig.clock.advance(3600)
    second = rig.replied_ticket(phone="13800138002")
    third = rig.replied_ticket(phone="13800138005")
    rig.callbacks.enqueue().result(timeout=5)
    rows = open_rows(rig)
    attempt(rig, rows[0], CallResult.NOT_REACHED, retry_at=rig.clock.utc_now() + timedelta(hours=1))
    rig.sign_in(LEAD)
    rig.callbacks.assign(rows[2].id, OTHER_AGENT, LEAD, rows[2].version).result(timeout=5)
    rig.clock.advance(24 * 3600)  # the retry time has passed and all three are overdue
    order = [r.ticket_id for r in open_rows(rig)]
    assert order == [first, second, third]
    assert rig.callbacks.due_count(AGENT).result(timeout=5).due == 2  # not the other's
    assert rig.callbacks.due_count(LEAD).result(timeout=5).due == 3
    assert rig.callbacks.due_count(LEAD).result(timeout=5).overdue == 3


def test_waiting_for_a_retry_sorts_after_due_now(rig: CallbackRig) -> None:
    first = rig.replied_ticket()
    second = rig.replied_ticket(phone="13800138002")
    rig.callbacks.enqueue().result(timeout=5)
    row = open_rows(rig)[0]
    attempt(rig, row, CallResult.NOT_REACHED, retry_at=rig.clock.utc_now() + timedelta(hours=1))
    assert [r.ticket_id for r in open_rows(rig)] == [second, first]


def test_detail_has_the_reply_and_the_outbound_opening(rig: CallbackRig) -> None:
    rig.replied_ticket()
    rig.callbacks.enqueue().result(timeout=5)
    row = open_rows(rig)[0]
    d = rig.callbacks.detail(row.id, AGENT).result(timeout=5)
    assert d.reply["result"] == "已恢复供电" and d.reply["cause"] == "表后开关跳闸"
    assert d.opening.startswith("您好！我是国网临江供电公司95598，1024号，")
    assert d.opening.endswith("不好意思，可以打扰您一下吗？")
    assert "就您11月23日反映的故障报修问题进行回访" in d.opening, d.opening
    assert d.max_attempts == 3 and d.attempts == ()


def test_a_replied_ticket_without_a_reply_event_gets_one_task(rig: CallbackRig) -> None:
    """Imported or bench data: replied with no reply event is still called back, once."""
    from callcenter.store.models import Ticket

    saved = rig.tickets.save(TicketDraft(category="complaint", content="服务态度差", caller_name="李女士",
                                         caller_phone="13800138009"), agent_id=AGENT).result(timeout=5)

    def mark(s: object) -> None:
        t = s.get(Ticket, saved.id)  # type: ignore[attr-defined]
        t.status = "replied"
    rig.db.write_now(mark)
    assert rig.callbacks.enqueue().result(timeout=5) == 1
    assert rig.callbacks.enqueue().result(timeout=5) == 0
    [r] = open_rows(rig)
    assert r.ticket_id == saved.id and r.replied_at == rig.clock.utc_now()
    assert rig.callbacks.detail(r.id, AGENT).result(timeout=5).reply == {}


def test_the_opening_is_a_seam_and_speaks_english_too(rig: CallbackRig) -> None:
    from callcenter.services.callbacks.queue import Callbacks

    rig.replied_ticket()
    rig.callbacks.enqueue().result(timeout=5)
    row = open_rows(rig)[0]
    en = Callbacks(rig.db, rig.profile, rig.clock, rig.workflow, "W01", lang="en", user=signed_in())
    text = en.detail(row.id, AGENT).result(timeout=5).opening
    assert text.startswith("Hello! This is 国网临江供电公司 95598, agent 1024, following up your "
                           "Fault repair request of 23 Nov.")
    seen: list[dict[str, str]] = []
    lib = Callbacks(rig.db, rig.profile, rig.clock, rig.workflow, "W01",
                    opening=lambda v: seen.append(dict(v)) or "library line", user=signed_in())
    assert lib.detail(row.id, AGENT).result(timeout=5).opening == "library line"
    assert seen[0]["agent_id"] == AGENT and seen[0]["unit"] == "国网临江供电公司"


def test_the_callback_due_time_comes_from_the_profile(tmp_path: Path) -> None:
    from callcenter.services.site.profile import load_profile

    rig = make_rig(tmp_path, dataclasses.replace(load_profile(), callback_due_hours=2.5))
    try:
        rig.replied_ticket()
        assert rig.callbacks.enqueue().result(timeout=5) == 1
        (r,) = open_rows(rig)
        assert r.due_at == r.replied_at + timedelta(hours=2.5)
    finally:
        rig.db.close()


def test_a_result_needs_the_task_taken(rig: CallbackRig) -> None:
    """Issue 17 item 18: nobody records 客户满意 on a callback nobody took."""
    tid = rig.replied_ticket()
    rig.callbacks.enqueue().result(timeout=5)
    row = open_rows(rig)[0]
    rig.sign_in(AGENT)
    with pytest.raises(CallbackRefused) as err:
        rig.callbacks.record_attempt(AttemptRequest(row.id, AGENT, row.version,
                                                    CallResult.REACHED_SATISFIED)).result(timeout=5)
    assert err.value.reason == "not_claimed"
    assert count(rig, CallbackAttempt) == 0
    assert rig.workflow.get(tid).state is TicketState.REPLIED
    assert open_rows(rig)[0] == row
