"""The automatic checks over stored calls: read the calls, their events and
tickets in bulk, run ``domain.qa.checks`` on each, and name the proving events
by their stored ``seq`` (what the replay jumps to)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from callcenter.domain.call_events import CallEvent, EventKind
from callcenter.domain.qa.checks import CheckResult, CheckRules, TicketFacts, run_checks
from callcenter.domain.site_profile import SiteProfile
from callcenter.store.models import CallEventRow, CallSession, Ticket

CHUNK = 500  # calls read and checked at a time (ids per IN (...) query)
_KINDS = {k.value: k for k in EventKind}


@dataclass(frozen=True)
class CallChecks:
    call_id: uuid.UUID
    agent_id: str
    started_at: datetime
    caller_number: str
    ticket_number: str | None
    category: str | None
    seqs: tuple[int, ...]  # the stored seq of each event the checks saw, in order
    results: tuple[CheckResult, ...]

    def event_seqs(self, result: CheckResult) -> list[int]:
        return [self.seqs[i] for i in result.events]

    @property
    def failed(self) -> tuple[CheckResult, ...]:
        return tuple(r for r in self.results if not r.passed)

    def as_json(self) -> dict[str, Any]:
        """``{"call", "agent", "started_at", "ticket", "checks": [{"name", "passed",
        "applicable", "events", "detail"}]}`` (issue 14's shape; events are seqs)."""
        return {
            "call": str(self.call_id), "agent": self.agent_id,
            "started_at": self.started_at.isoformat(), "ticket": self.ticket_number,
            "checks": [{"name": r.name, "passed": r.passed, "applicable": r.applicable,
                        "events": self.event_seqs(r), "detail": r.detail} for r in self.results],
        }


def rules_of(profile: SiteProfile) -> CheckRules:
    return CheckRules(profile.cadence, profile.targets)


def _payloads(rows: Sequence[Any]) -> list[dict[str, Any]]:
    """The JSON payloads (the last column) of ``rows``, decoded in one call: one
    array of them all, so the per-document cost of ``json.loads`` is paid once per
    chunk rather than once per event. An empty or null payload is ``{}``."""
    if not rows:
        return []
    decoded = json.loads("[" + ",".join(r[-1] or "{}" for r in rows) + "]")
    return [d if d is not None else {} for d in decoded]


def checks_for_calls_in(session: Session, calls: Iterable[CallSession | Any],
                        rules: CheckRules) -> list[CallChecks]:
    """The checks of ``calls`` (rows with id, agent_id, started_at, caller_number).

    A chunk of calls at a time: its events in one query in SQL order (call, seq),
    their payloads decoded in one call, its tickets in another query, then its
    checks; the chunk's events are dropped before the next is read, so a long
    period never holds every event at once (nor gives the garbage collector
    millions of them to walk)."""
    rows = list(calls)
    out: list[CallChecks] = []
    for i in range(0, len(rows), CHUNK):
        out += _checks_of_chunk(session, rows[i:i + CHUNK], rules)
    return out


def _checks_of_chunk(session: Session, rows: Sequence[Any], rules: CheckRules) -> list[CallChecks]:
    ids = [c.id for c in rows]
    started = {c.id.hex: c.started_at for c in rows}
    # keyed by the id's hex as stored, read as text: no UUID object per event row
    events: dict[str, list[CallEvent]] = {h: [] for h in started}
    seqs: dict[str, list[int]] = {h: [] for h in started}
    kinds = _KINDS
    # the checks read no event times: each event carries its call's start as ``at``
    # (the replay reads the real ones), which spares a datetime per row
    q = (select(type_coerce(CallEventRow.call_id, String), CallEventRow.seq, CallEventRow.kind,
                CallEventRow.mono_ns, type_coerce(CallEventRow.data, String))
         .where(CallEventRow.call_id.in_(ids), CallEventRow.deleted_at.is_(None))
         .order_by(CallEventRow.call_id, CallEventRow.seq))
    found = session.connection().execute(q).all()  # Core: rows as read, no ORM step
    for (call_hex, seq, kind, mono, _), data in zip(found, _payloads(found), strict=True):
        k = kinds.get(kind)
        if k is not None:  # a kind this build does not know is no evidence either way
            events[call_hex].append(CallEvent(k, mono, started[call_hex], data))
            seqs[call_hex].append(seq)
    tickets: dict[uuid.UUID, Any] = {}
    tq = (select(Ticket.call_id, Ticket.number, Ticket.category, Ticket.content,
                 Ticket.caller_phone, Ticket.backfilled)
          .where(Ticket.call_id.in_(ids), Ticket.deleted_at.is_(None))
          .order_by(Ticket.created_at))
    for row in session.connection().execute(tq):
        if row.call_id is not None:
            tickets.setdefault(row.call_id, row)
    out = []
    for c in rows:
        t = tickets.get(c.id)
        facts = None if t is None else TicketFacts(t.category, t.content, t.caller_phone,
                                                   bool(t.backfilled))
        results = run_checks(events[c.id.hex], c.agent_id, facts, rules)
        out.append(CallChecks(c.id, c.agent_id, c.started_at, c.caller_number,
                              None if t is None else t.number, None if t is None else t.category,
                              tuple(seqs[c.id.hex]), results))
    return out


def call_rows_in(session: Session, *, call_id: uuid.UUID | None = None,
                 since: datetime | None = None, until: datetime | None = None,
                 agent_ids: Sequence[str] = ()) -> list[Any]:
    """The call rows a query names, oldest first."""
    q = select(CallSession.id, CallSession.agent_id, CallSession.started_at,
               CallSession.caller_number).where(CallSession.deleted_at.is_(None))
    if call_id is not None:
        q = q.where(CallSession.id == call_id)
    if since is not None:
        q = q.where(CallSession.started_at >= since)
    if until is not None:
        q = q.where(CallSession.started_at < until)
    if agent_ids:
        q = q.where(CallSession.agent_id.in_(list(agent_ids)))
    return list(session.execute(q.order_by(CallSession.started_at, CallSession.id)))


def checks_in(session: Session, rules: CheckRules, *, call_id: uuid.UUID | None = None,
              since: datetime | None = None, until: datetime | None = None,
              agent_ids: Sequence[str] = ()) -> list[CallChecks]:
    rows = call_rows_in(session, call_id=call_id, since=since, until=until, agent_ids=agent_ids)
    return checks_for_calls_in(session, rows, rules)
