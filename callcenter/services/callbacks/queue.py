"""The callback queue (回访, rules sections 4 and 7; seed 004 Q61): every ticket a
department has replied to is called back, and the result closes the loop.

- ``enqueue`` puts replied tickets in the queue: one task per reply (keyed by
  the reply event), so running it again changes nothing, and a ticket that was
  reopened and replied again gets a new task. A pending task whose ticket moved
  on without it (e.g. called back from the ticket's own screen) is closed as
  ``superseded`` - recorded, not deleted.
- The shift lead assigns a task to an agent, or an agent takes one.
- ``record_attempt`` writes, in ONE transaction, the append-only attempt, the
  task's new state and the ticket's side: reached + satisfied moves the ticket
  on (CALLBACK_SATISFIED), reached + not satisfied reopens it
  (CALLBACK_NOT_SATISFIED); not reached sets the retry time, and after the
  profile's ``callback_max_attempts`` the task's outcome is ``unreachable`` with
  an event on the ticket - a recorded outcome, never a silent drop.

Reads return futures of plain dataclasses (the GUI never waits on a query).
Real outbound dialling belongs to telephony later; here only the result is
recorded. The opening line is a seam (``OutboundOpening``): a basic one now,
the script library's ``outbound_opening`` when it is wired in.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, exists, func, literal_column, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from callcenter.domain.auth.permissions import Permission, allowed
from callcenter.domain.clock import Clock
from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.ticket_lifecycle import Actor, Role, TicketAction, TicketState
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.auth.directory import user_actor
from callcenter.services.scripts.call_lines import render
from callcenter.services.storage.database import Database
from callcenter.services.tickets.workflow import ActionRequest, TicketNotFound, TicketWorkflow
from callcenter.store.callback_models import (
    PENDING,
    REACHED_NOT_SATISFIED,
    REACHED_SATISFIED,
    UNREACHABLE,
    CallbackAttempt,
    CallbackTask,
)
from callcenter.store.models import Ticket, TicketEvent

SUPERSEDED = "superseded"  # the ticket left 已回复 without this queue
DEFAULT_RETRY = timedelta(minutes=30)
QUEUE_LIMIT = 200  # the queue is read in small bounded pages
ENQUEUE_BATCH = 500  # tickets put in the queue per write, so the writer is never held long

# (rules section 7, 000 外拨): introduce yourself, say why, apologise for the disturbance.
# Same placeholders as the library's ``outbound_opening`` so it can replace this one.
BASIC_OPENING = {
    "zh": "您好！我是{unit}95598，{agent_id}号，{callback_reason}，不好意思，可以打扰您一下吗？",
    "en": "Hello! This is {unit} 95598, agent {agent_id}, {callback_reason}. "
          "Sorry to disturb you; may I have a moment?",
}

# values -> the opening line; values: unit, agent_id, callback_reason, ticket_number,
# customer_name, category
OutboundOpening = Callable[[Mapping[str, str]], str]


def basic_outbound_opening(lang: str = "zh") -> OutboundOpening:
    template = BASIC_OPENING["en" if lang == "en" else "zh"]
    return lambda values: render(template, dict(values))


class CallResult(Enum):
    REACHED_SATISFIED = "reached_satisfied"
    REACHED_NOT_SATISFIED = "reached_not_satisfied"
    NOT_REACHED = "not_reached"


class QueueFilter(Enum):
    OPEN = "open"  # pending: due now first, then waiting for a retry
    MINE = "mine"  # pending and assigned to the asking agent
    UNREACHABLE = "unreachable"
    DONE = "done"  # reached (either way) or superseded


class CallbackRefused(Exception):
    """``reason``: assignee_invalid | task_closed | assigned_to_other | not_claimed |
    note_required | retry_in_past. (Who may act at all is the permission table:
    ``PermissionDenied``.)"""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class StaleTask(Exception):
    """The task changed since this window read it (someone took it or called)."""


class TaskNotFound(LookupError):
    pass


@dataclass(frozen=True)
class CallbackRow:
    id: uuid.UUID
    version: int
    ticket_id: uuid.UUID
    ticket_number: str
    category: str
    caller_name: str
    caller_phone: str
    replied_at: datetime
    due_at: datetime
    next_try_at: datetime | None
    assigned_to: str | None
    attempts: int
    outcome: str
    overdue: bool  # pending and past due_at
    ready: bool  # pending and no retry time in the future


@dataclass(frozen=True)
class QueuePage:
    rows: tuple[CallbackRow, ...]
    total: int  # rows matching the filter (the page shows at most QUEUE_LIMIT)


@dataclass(frozen=True)
class DueCount:
    due: int  # ready to call now, for this agent (theirs or unassigned)
    overdue: int


@dataclass(frozen=True)
class AttemptView:
    at: datetime
    agent: str
    result: str
    satisfaction: str | None
    note: str
    retry_at: datetime | None


@dataclass(frozen=True)
class TaskDetail:
    row: CallbackRow
    content: str
    address: str
    department: str | None
    reply: dict[str, str]  # what the department replied (result, cause, ...)
    opening: str  # the outbound opening, filled for the asking agent
    attempts: tuple[AttemptView, ...]
    max_attempts: int


@dataclass(frozen=True)
class AttemptRequest:
    task_id: uuid.UUID
    agent_id: str
    expected_version: int
    result: CallResult
    note: str = ""
    retry_at: datetime | None = None  # NOT_REACHED: when to try again (default in 30 min)


@dataclass(frozen=True)
class AttemptOutcome:
    row: CallbackRow
    ticket_state: TicketState
    unreachable: bool


def _row(task: CallbackTask, ticket: Ticket, now: datetime) -> CallbackRow:
    pending = task.outcome == PENDING
    return CallbackRow(
        task.id, task.version, ticket.id, ticket.number, ticket.category, ticket.caller_name,
        ticket.caller_phone, task.replied_at, task.due_at, task.next_try_at, task.assigned_to,
        task.attempts, task.outcome, overdue=pending and task.due_at < now,
        ready=pending and (task.next_try_at is None or task.next_try_at <= now),
    )


def _forward(src: Future[int], dst: Future[int]) -> None:
    exc = src.exception()
    if exc is not None:
        dst.set_exception(exc)
    else:
        dst.set_result(src.result())


def _ready(now: datetime) -> ColumnElement[bool]:
    return or_(CallbackTask.next_try_at.is_(None), CallbackTask.next_try_at <= now)


class Callbacks:
    def __init__(self, db: Database, profile: SiteProfile, clock: Clock, workflow: TicketWorkflow,
                 workstation: str, *, lang: str = "zh", opening: OutboundOpening | None = None,
                 due_hours: float | None = None, user: CurrentUser) -> None:
        self._db = db
        self.user = user  # who is signed in: every take, assign and call is checked
        self.profile = profile
        self._clock = clock
        self._workflow = workflow
        self._ws = workstation
        self._lang = lang
        self._tz = ZoneInfo(profile.timezone)
        self._opening = opening or basic_outbound_opening(lang)
        # the profile's [callback] due_hours unless a caller (a test) overrides it
        self._due = timedelta(hours=profile.callback_due_hours if due_hours is None else due_hours)

    # ----- who may do what ---------------------------------------------------
    def role_of(self, user_id: str) -> Role:
        """Another user's role (an assignee's)."""
        actor = user_actor(self._db, user_id)
        return actor.role if actor is not None else Role.AGENT

    def may_assign(self, user_id: str) -> bool:
        """``user_id`` is signed in here and may assign callbacks (a shift lead)."""
        return self.user.user_id == user_id and self.user.allows(Permission.CALLBACK_ASSIGN)

    def _caller(self, user_id: str) -> Actor:
        """The signed-in actor, if it is ``user_id`` and may call customers back."""
        return self.user.require_as(user_id, Permission.CALLBACK_RECORD)

    # ----- putting replied tickets in the queue -------------------------------
    def enqueue(self, batch: int = ENQUEUE_BATCH) -> Future[int]:
        """New tasks for replied tickets (at most ``batch``); the count made.

        The search runs on the reader; the writer (which ticket saves wait
        behind) only re-checks and inserts what it found, so a big store costs
        the writer nothing when there is nothing new."""
        out: Future[int] = Future()

        def scan(s: Session) -> tuple[list[uuid.UUID], list[uuid.UUID]]:
            return ([r[0] for r in self._missing(s, None, batch)],
                    [t.id for t in self._superseded(s, None)])

        def then(found: Future[tuple[list[uuid.UUID], list[uuid.UUID]]]) -> None:
            try:
                tickets, stale = found.result()
                if not tickets and not stale:
                    out.set_result(0)
                    return
                write = self._db.write(lambda s: self.enqueue_in(s, batch, tickets, stale))
            except BaseException as exc:  # noqa: BLE001 (handed to whoever waits on ``out``)
                out.set_exception(exc)
                return
            write.add_done_callback(lambda w: _forward(w, out))

        self._db.read(scan).add_done_callback(then)
        return out

    def enqueue_in(self, session: Session, batch: int = ENQUEUE_BATCH,
                   tickets: Sequence[uuid.UUID] | None = None,
                   stale: Sequence[uuid.UUID] | None = None) -> int:
        """The transaction body; ``tickets``/``stale`` narrow the re-check to what
        a read found (None: look at everything)."""
        now = self._clock.utc_now()
        for task in self._superseded(session, stale):
            task.outcome, task.closed_at, task.next_try_at = SUPERSEDED, now, None
            task.version += 1
            task.updated_at = now
        found = self._missing(session, tickets, batch)
        reply_ids = [r[2] for r in found if r[2] is not None]
        reply_at = {eid: at for eid, at in session.execute(
            select(TicketEvent.id, TicketEvent.at).where(TicketEvent.id.in_(reply_ids)))}
        for ticket_id, updated_at, reply_id in found:
            replied = reply_at.get(reply_id, updated_at) if reply_id else updated_at
            session.add(CallbackTask(
                ticket_id=ticket_id, reply_event_id=reply_id, replied_at=replied,
                due_at=replied + self._due, attempts=0, outcome=PENDING, created_at=now,
                updated_at=now, origin_workstation=self._ws,
            ))
        return len(found)

    def _missing(self, session: Session, among: Sequence[uuid.UUID] | None,
                 batch: int) -> list[tuple[uuid.UUID, datetime, uuid.UUID | None]]:
        """Replied tickets whose latest reply has no task yet, oldest first."""
        latest_reply = (
            select(TicketEvent.id)
            .where(TicketEvent.ticket_id == Ticket.id, TicketEvent.kind == TicketAction.REPLY.value)
            .order_by(TicketEvent.at.desc(), TicketEvent.id.desc()).limit(1)
            .correlate(Ticket).scalar_subquery()
        )
        # null-safe "same reply", written so SQLite looks tasks up by ticket_id
        # (an index search on reply_event_id IS NULL would visit every legacy task)
        none: ColumnElement[Any] = literal_column("''")
        has_task = exists().where(
            CallbackTask.ticket_id == Ticket.id,
            func.coalesce(CallbackTask.reply_event_id, none) == func.coalesce(latest_reply, none))
        query = (select(Ticket.id, Ticket.updated_at, latest_reply.label("reply_id"))
                 .where(Ticket.status == TicketState.REPLIED.value, ~has_task))
        if among is not None:
            query = query.where(Ticket.id.in_(among))
        rows = session.execute(query.order_by(Ticket.created_at, Ticket.id).limit(batch)).all()
        return [(r[0], r[1], r[2]) for r in rows]

    def _superseded(self, session: Session, among: Sequence[uuid.UUID] | None) -> Sequence[CallbackTask]:
        """Pending tasks whose ticket left 已回复 without this queue."""
        query = (select(CallbackTask).join(Ticket, Ticket.id == CallbackTask.ticket_id)
                 .where(CallbackTask.outcome == PENDING, Ticket.status != TicketState.REPLIED.value))
        if among is not None:
            query = query.where(CallbackTask.id.in_(among))
        return session.scalars(query).all()

    # ----- reads ---------------------------------------------------------------
    def queue(self, which: QueueFilter = QueueFilter.OPEN, agent_id: str | None = None,
              limit: int = QUEUE_LIMIT) -> Future[QueuePage]:
        now = self._clock.utc_now()
        return self._db.read(lambda s: self._queue(s, which, agent_id, limit, now))

    def _queue(self, s: Session, which: QueueFilter, agent_id: str | None, limit: int,
               now: datetime) -> QueuePage:
        cond: ColumnElement[bool]
        if which in (QueueFilter.OPEN, QueueFilter.MINE):
            cond = CallbackTask.outcome == PENDING
            if which is QueueFilter.MINE:
                cond = and_(cond, CallbackTask.assigned_to == (agent_id or ""))
            ready = _ready(now)
            order: list[Any] = [case((ready, 0), else_=1),
                                case((ready, CallbackTask.due_at), else_=CallbackTask.next_try_at)]
        else:
            cond = (CallbackTask.outcome == UNREACHABLE if which is QueueFilter.UNREACHABLE
                    else CallbackTask.outcome.in_((REACHED_SATISFIED, REACHED_NOT_SATISFIED, SUPERSEDED)))
            order = [CallbackTask.closed_at.desc()]
        pairs = s.execute(
            select(CallbackTask, Ticket).join(Ticket, Ticket.id == CallbackTask.ticket_id)
            .where(cond).order_by(*order, CallbackTask.id).limit(limit)
        ).all()
        total = s.scalar(select(func.count(CallbackTask.id)).where(cond)) or 0
        return QueuePage(tuple(_row(t, k, now) for t, k in pairs), int(total))

    def due_count(self, agent_id: str | None) -> Future[DueCount]:
        """Tasks this agent could call now (theirs or unassigned; a lead: all)."""
        now = self._clock.utc_now()

        def read(s: Session) -> DueCount:
            cond = and_(CallbackTask.outcome == PENDING, _ready(now))
            if agent_id is not None and not self.may_assign(agent_id):
                cond = and_(cond, or_(CallbackTask.assigned_to.is_(None),
                                      CallbackTask.assigned_to == agent_id))
            due, overdue = s.execute(select(
                func.count(CallbackTask.id),
                func.coalesce(func.sum(case((CallbackTask.due_at < now, 1), else_=0)), 0),
            ).where(cond)).one()
            return DueCount(int(due), int(overdue))
        return self._db.read(read)

    def detail(self, task_id: uuid.UUID, agent_id: str) -> Future[TaskDetail]:
        """The task with its ticket, the reply to read out and the opening line
        filled with ``agent_id``."""
        now = self._clock.utc_now()
        return self._db.read(lambda s: self._detail(s, task_id, agent_id, now))

    def _detail(self, s: Session, task_id: uuid.UUID, agent_id: str, now: datetime) -> TaskDetail:
        task = s.get(CallbackTask, task_id)
        if task is None:
            raise TaskNotFound(task_id)
        ticket = s.get(Ticket, task.ticket_id)
        if ticket is None:
            raise TicketNotFound(task.ticket_id)
        event = s.get(TicketEvent, task.reply_event_id) if task.reply_event_id else None
        reply = {str(k): str(v) for k, v in ((event.data or {}).get("reply") or {}).items()} \
            if event else {}
        attempts = s.scalars(select(CallbackAttempt).where(CallbackAttempt.task_id == task.id)
                             .order_by(CallbackAttempt.at, CallbackAttempt.id)).all()
        return TaskDetail(
            _row(task, ticket, now), ticket.content, ticket.address, ticket.department, reply,
            self._opening(self.opening_values(ticket, agent_id)),
            tuple(AttemptView(a.at, a.agent, a.result, a.satisfaction, a.note, a.retry_at)
                  for a in attempts),
            self.profile.callback_max_attempts,
        )

    def opening_values(self, ticket: Ticket, agent_id: str) -> dict[str, str]:
        cat = self.profile.category(ticket.category)
        name = cat.label(self._lang) if cat else ticket.category
        day = (ticket.call_time or ticket.created_at).astimezone(self._tz)
        reason = (f"following up your {name} request of {day:%d %b}" if self._lang == "en"
                  else f"就您{day.month}月{day.day}日反映的{name}问题进行回访")
        values = {"unit": self.profile.unit_name, "agent_id": agent_id, "callback_reason": reason,
                  "ticket_number": ticket.number, "customer_name": ticket.caller_name,
                  "category": name}
        return {k: v for k, v in values.items() if v}  # a missing value shows as a blank ＿＿

    # ----- assigning and taking -----------------------------------------------
    def take(self, task_id: uuid.UUID, agent_id: str, expected_version: int) -> Future[CallbackRow]:
        self._caller(agent_id)
        return self._db.write(lambda s: self._assign(s, task_id, agent_id, agent_id, expected_version))

    def assign(self, task_id: uuid.UUID, to_agent: str, lead_id: str,
               expected_version: int) -> Future[CallbackRow]:
        """The shift lead gives (or moves) a task to an agent. Raises
        ``PermissionDenied`` unless ``lead_id`` is signed in and may assign."""
        self.user.require_as(lead_id, Permission.CALLBACK_ASSIGN)
        to_agent = to_agent.strip()
        if (not re.fullmatch(self.profile.agent_id_pattern, to_agent, re.ASCII)
                or not allowed(user_actor(self._db, to_agent), Permission.CALLBACK_RECORD)):
            raise CallbackRefused("assignee_invalid")
        return self._db.write(lambda s: self._assign(s, task_id, to_agent, lead_id, expected_version))

    def _open_task(self, s: Session, task_id: uuid.UUID, expected_version: int) -> CallbackTask:
        task = s.get(CallbackTask, task_id)
        if task is None:
            raise TaskNotFound(task_id)
        if task.version != expected_version:
            raise StaleTask(task_id)
        if task.outcome != PENDING:
            raise CallbackRefused("task_closed")
        return task

    def _assign(self, s: Session, task_id: uuid.UUID, to_agent: str, by: str,
                expected_version: int) -> CallbackRow:
        task = self._open_task(s, task_id, expected_version)
        now = self._clock.utc_now()
        if by == to_agent and task.assigned_to not in (None, to_agent):
            raise CallbackRefused("assigned_to_other")  # an agent takes only a free task
        task.assigned_to, task.assigned_by, task.taken_at = to_agent, by, now
        task.version += 1
        task.updated_at = now
        ticket = s.get(Ticket, task.ticket_id)
        assert ticket is not None
        return _row(task, ticket, now)

    # ----- recording a call ---------------------------------------------------
    def record_attempt(self, req: AttemptRequest) -> Future[AttemptOutcome]:
        """One transaction: attempt row + task update + ticket event/transition.
        Raises (in the future) CallbackRefused, StaleTask, TransitionRefused or
        StoreFailure; then nothing was written."""
        self._caller(req.agent_id)
        if req.result is CallResult.REACHED_NOT_SATISFIED and not req.note.strip():
            raise CallbackRefused("note_required")  # the department needs to know why
        return self._db.write(lambda s: self.record_attempt_in(s, req))

    def record_attempt_in(self, s: Session, req: AttemptRequest) -> AttemptOutcome:
        actor = self._caller(req.agent_id)
        task = self._open_task(s, req.task_id, req.expected_version)
        if task.assigned_to is None:  # a result needs someone who took the task (issue 17)
            raise CallbackRefused("not_claimed")
        if task.assigned_to != req.agent_id:
            raise CallbackRefused("assigned_to_other")
        ticket = s.get(Ticket, task.ticket_id)
        if ticket is None:
            raise TicketNotFound(task.ticket_id)
        now = self._clock.utc_now()
        task.attempts += 1
        reached = req.result is not CallResult.NOT_REACHED
        final = reached or task.attempts >= self.profile.callback_max_attempts
        retry_at = None if final else (req.retry_at or now + DEFAULT_RETRY)
        if retry_at is not None and retry_at <= now:
            raise CallbackRefused("retry_in_past")
        satisfaction = {CallResult.REACHED_SATISFIED: "satisfied",
                        CallResult.REACHED_NOT_SATISFIED: "not_satisfied"}.get(req.result)
        s.add(CallbackAttempt(
            task_id=task.id, agent=req.agent_id, at=now,
            result="reached" if reached else "not_reached", satisfaction=satisfaction,
            note=req.note.strip(), retry_at=retry_at, updated_at=now, origin_workstation=self._ws,
        ))
        if reached:
            action = (TicketAction.CALLBACK_SATISFIED if req.result is CallResult.REACHED_SATISFIED
                      else TicketAction.CALLBACK_NOT_SATISFIED)
            snap = self._workflow.apply_in(s, ActionRequest(
                ticket.id, action, actor, ticket.version, note=req.note.strip()))
            task.outcome = req.result.value
            state = snap.state
        else:
            task.outcome = UNREACHABLE if final else PENDING
            s.add(TicketEvent(
                ticket_id=ticket.id, kind="callback_unreachable" if final else "callback_not_reached",
                actor=req.agent_id, at=now, updated_at=now, origin_workstation=self._ws,
                data={"task_id": str(task.id), "attempt": task.attempts,
                      "max_attempts": self.profile.callback_max_attempts, "note": req.note.strip(),
                      "retry_at": retry_at.isoformat() if retry_at else None},
            ))
            state = TicketState(ticket.status)
        task.next_try_at = retry_at
        task.closed_at = now if final else None
        task.version += 1
        task.updated_at = now
        s.flush()
        return AttemptOutcome(_row(task, ticket, now), state, task.outcome == UNREACHABLE)
