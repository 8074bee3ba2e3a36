"""The QA workspace's search: calls (and their tickets) by agent, team, date,
category, breach type and check result, each with its automatic checks.

Reads run on the store's reader (a Future), never on the GUI thread. Phone
numbers come masked for the reviewer (services/privacy/policy.py: QA sees
tickets masked); the service checks ``QA_REVIEW_READ`` before it reads.
"""

from __future__ import annotations

import uuid
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from callcenter.domain.auth.permissions import Permission
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.privacy.policy import NumberPolicy, Surface, policy_for
from callcenter.services.qa.checks import CallChecks, checks_for_calls_in, rules_of
from callcenter.services.storage.database import Database
from callcenter.store.auth_models import User
from callcenter.store.models import CallSession, Ticket

# breach types a reviewer filters by (call_sessions columns the desk derives from events)
BREACHES = ("late_answer", "talk_over", "wrapup_over", "agent_hung_up", "backfilled")
ANY_FAILED, ALL_PASSED = "any_failed", "all_passed"
SCAN_LIMIT = 5_000  # calls checked per search at most, newest first (a narrower filter finds the rest)


@dataclass(frozen=True)
class CallFilter:
    agent: str = ""
    team: str = ""
    start: datetime | None = None  # UTC, inclusive
    end: datetime | None = None  # UTC, exclusive
    category: str = ""
    breach: str = ""  # one of BREACHES, or "" for any
    check: str = ""  # "", ANY_FAILED, ALL_PASSED, or a check name that failed
    limit: int = 2_000
    call_ids: tuple[uuid.UUID, ...] = ()  # only these calls (a sample), when given


@dataclass(frozen=True)
class CallRow:
    call_id: uuid.UUID
    agent_id: str
    team: str
    started_at: datetime
    caller: str  # masked unless the role sees it
    outcome: str
    talk_s: float | None
    breaches: tuple[str, ...]
    ticket_id: uuid.UUID | None
    ticket_number: str | None
    category: str | None
    checks: CallChecks
    contact: str = ""  # the ticket's contact phone, masked likewise

    @property
    def failed(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.checks.failed)


def _breaches(r: Any) -> tuple[str, ...]:
    out = []
    if r.late_answer:
        out.append("late_answer")
    if r.talk_over:
        out.append("talk_over")
    if r.wrapup_over:
        out.append("wrapup_over")
    if r.hung_up_by == "agent":
        out.append("agent_hung_up")
    if r.backfilled:
        out.append("backfilled")
    return tuple(out)


def _keep(row: CallRow, check: str) -> bool:
    if not check:
        return True
    if check == ANY_FAILED:
        return bool(row.failed)
    if check == ALL_PASSED:
        return not row.failed
    return check in row.failed


def find_calls_in(session: Session, f: CallFilter, profile: SiteProfile,
                  numbers: NumberPolicy) -> list[CallRow]:
    c, t, u = CallSession, Ticket, User
    q = (select(c.id, c.agent_id, c.started_at, c.caller_number, c.outcome, c.talk_s,
                c.late_answer, c.talk_over, c.wrapup_over, c.hung_up_by, c.backfilled,
                u.team, t.id.label("ticket_id"), t.number, t.category, t.caller_phone)
         .outerjoin(u, u.user_id == c.agent_id)
         .outerjoin(t, (t.call_id == c.id) & t.deleted_at.is_(None))
         .where(c.deleted_at.is_(None)))
    if f.call_ids:
        q = q.where(c.id.in_(list(f.call_ids)))
    if f.agent:
        q = q.where(c.agent_id == f.agent.strip())
    if f.team:
        q = q.where(u.team == f.team.strip())
    if f.start is not None:
        q = q.where(c.started_at >= f.start)
    if f.end is not None:
        q = q.where(c.started_at < f.end)
    if f.category:
        q = q.where(t.category == f.category)
    if f.breach == "agent_hung_up":
        q = q.where(c.hung_up_by == "agent")
    elif f.breach in BREACHES:
        q = q.where(getattr(c, f.breach).is_(True))
    q = q.order_by(c.started_at.desc(), c.id).limit(SCAN_LIMIT)
    rows = list(session.execute(q))
    firsts: dict[uuid.UUID, Any] = {}
    for r in rows:  # one row per call (a call with two tickets: the first)
        firsts.setdefault(r.id, r)
    unique = list(firsts.values())
    checks = checks_for_calls_in(session, unique, rules_of(profile))
    out: list[CallRow] = []
    for r, ch in zip(unique, checks, strict=True):
        row = CallRow(r.id, r.agent_id, r.team or "", r.started_at,
                      numbers.phone(r.caller_number, Surface.TICKETS), r.outcome, r.talk_s,
                      _breaches(r), r.ticket_id, r.number, r.category, ch,
                      numbers.phone(r.caller_phone, Surface.TICKETS) if r.caller_phone else "")
        if _keep(row, f.check):
            out.append(row)
            if len(out) >= f.limit:
                break
    return out


class QaWorkspace:
    """What the QA workspace tab asks of the store, for the signed-in reviewer."""

    def __init__(self, db: Database, profile: SiteProfile, user: CurrentUser) -> None:
        self._db, self._profile, self.user = db, profile, user

    def find(self, f: CallFilter) -> Future[list[CallRow]]:
        """Raises PermissionDenied at once for a role that may not read reviews."""
        actor = self.user.require(Permission.QA_REVIEW_READ)
        numbers = policy_for(actor)
        return self._db.read(lambda s: find_calls_in(s, f, self._profile, numbers))

    def full_numbers(self, call_id: uuid.UUID) -> Future[FullNumbers]:
        """The call's numbers in full, for the screen to show after a reveal was
        recorded (ui/privacy/reveal_dialog.ask_reveal). Raises PermissionDenied at
        once for a role that may not unmask (UNMASK_PERSONAL_DATA)."""
        self.user.require(Permission.QA_REVIEW_READ)
        self.user.require(Permission.UNMASK_PERSONAL_DATA)

        def read(s: Session) -> FullNumbers:
            caller = s.scalar(select(CallSession.caller_number).where(CallSession.id == call_id))
            contact = s.scalar(select(Ticket.caller_phone).where(
                Ticket.call_id == call_id, Ticket.deleted_at.is_(None)).order_by(Ticket.created_at)
                .limit(1))
            return FullNumbers(call_id, caller or "", contact or "")
        return self._db.read(read)


@dataclass(frozen=True)
class FullNumbers:
    call_id: uuid.UUID
    caller: str
    contact: str
