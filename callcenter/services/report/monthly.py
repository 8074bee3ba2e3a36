"""The figures of the monthly 供电优质服务月报表 (rules section 4, seed 004 Q61).

One set of SQLAlchemy Core queries over the synced tables serves both sources:
central PostgreSQL (the whole site) and a desk's SQLite (the desk's own
subset). The queries run on the model tables' metadata; central keeps the same
tables and columns in ``public`` (sync/central_schema.py).

What each figure counts (all over rows without a tombstone):

* categories: tickets whose ``created_at`` falls in the site-local month, by
  report group, beside the previous month and the same month last year;
* quality findings over the month's tickets: *empty reply* (replied, called
  back or archived, not closed on the call, and no reply event with a
  non-blank result), *handled late* (a deadline, and the first reply after it,
  or no reply yet while the deadline is before ``as_of``), *back-filled*;
* callbacks: tickets dispatched in the month (a ``dispatch`` event in it);
  of them, those with any callback attempt (``callback_*`` events), reached
  ones, and satisfaction = satisfied / reached callbacks;
* SLA (the three timers, as the shift's status bar counts them): calls
  started in the month, offered = answered + missed, answered within the ring
  limit / offered, average talk of answered calls against 150 s, wrap-ups
  within 60 s / answered calls with a wrap-up;
* top issues: the most frequent (category, sub-type) pairs and addresses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, and_, case, func, not_, or_, select
from sqlalchemy.sql.elements import ColumnElement

from callcenter.domain.report.figures import GROUPS, Change, grouped, rate
from callcenter.domain.report.period import Month
from callcenter.store.all_models import Base

SITE = "site"  # central: the whole site
DESK = "desk"  # a desk's SQLite: what this desk holds

_T = Base.metadata.tables
tickets = _T["tickets"]
ticket_events = _T["ticket_events"]
call_sessions = _T["call_sessions"]

REPLIED_OR_LATER = ("replied", "visited", "archived")
CALLBACK_KINDS = ("callback_satisfied", "callback_not_satisfied", "callback_not_reached",
                  "callback_unreachable")
REACHED_KINDS = ("callback_satisfied", "callback_not_satisfied")
STEPS = 6  # the sections computed, for progress


class ReportCancelled(Exception):
    """The caller asked to stop; nothing was written."""


@dataclass(frozen=True)
class CategoryRow:
    group: str
    current: int
    previous: int
    last_year: int

    @property
    def vs_previous(self) -> Change:
        return Change(self.current, self.previous)

    @property
    def vs_last_year(self) -> Change:
        return Change(self.current, self.last_year)


@dataclass(frozen=True)
class Quality:
    tickets: int
    empty_reply: int
    handled_late: int
    backfilled: int


@dataclass(frozen=True)
class Callbacks:
    dispatched: int  # tickets dispatched in the month
    called: int  # of them, with any callback attempt
    reached: int  # of them, with a callback that reached the customer
    reached_calls: int  # reached callbacks (a reopened ticket may have several)
    satisfied_calls: int

    @property
    def coverage(self) -> float | None:
        return rate(self.called, self.dispatched)

    @property
    def reached_share(self) -> float | None:
        return rate(self.reached, self.dispatched)

    @property
    def satisfaction(self) -> float | None:
        return rate(self.satisfied_calls, self.reached_calls)


@dataclass(frozen=True)
class Sla:
    offered: int
    answered: int
    answered_in_limit: int
    talk_avg_s: float | None
    wrapups: int
    wrapups_on_time: int

    @property
    def service_level(self) -> float | None:
        return rate(self.answered_in_limit, self.offered)

    @property
    def wrapup_on_time(self) -> float | None:
        return rate(self.wrapups_on_time, self.wrapups)


@dataclass(frozen=True)
class MonthlyReport:
    month: Month
    scope: str  # SITE | DESK
    unit_name: str
    timezone: str
    generated_at: datetime
    as_of: datetime
    categories: tuple[CategoryRow, ...]
    quality: Quality
    callbacks: Callbacks
    sla: Sla
    top_subtypes: tuple[tuple[str, str, int], ...]  # (category, sub-type, count)
    top_addresses: tuple[tuple[str, int], ...]
    talk_target_s: float = 150.0
    wrapup_target_s: float = 60.0
    ring_limit: int = 3

    @property
    def total(self) -> CategoryRow:
        return CategoryRow("total", sum(r.current for r in self.categories),
                           sum(r.previous for r in self.categories),
                           sum(r.last_year for r in self.categories))


@dataclass(frozen=True)
class ReportRequest:
    month: Month
    timezone: str
    unit_name: str
    scope: str
    as_of: datetime  # open tickets whose deadline is before this are late
    generated_at: datetime
    top_n: int = 10
    talk_target_s: float = 150.0
    wrapup_target_s: float = 60.0
    ring_limit: int = 3



def _in_span(col: ColumnElement[datetime], span: tuple[datetime, datetime]) -> ColumnElement[bool]:
    return and_(col >= span[0], col < span[1])


def _month_tickets(span: tuple[datetime, datetime]) -> ColumnElement[bool]:
    return and_(tickets.c.deleted_at.is_(None), _in_span(tickets.c.created_at, span))


def category_counts(conn: Connection,
                    spans: tuple[tuple[datetime, datetime], ...]) -> list[dict[str, int]]:
    """Tickets per category in each span, in one pass over the tickets."""
    q = (select(tickets.c.category,
                *(func.coalesce(func.sum(case((_in_span(tickets.c.created_at, sp), 1), else_=0)), 0)
                  for sp in spans))
         .where(tickets.c.deleted_at.is_(None),
                or_(*(_in_span(tickets.c.created_at, sp) for sp in spans)))
         .group_by(tickets.c.category))
    out: list[dict[str, int]] = [{} for _ in spans]
    for cat, *counts in conn.execute(q):
        for i, n in enumerate(counts):
            if n:
                out[i][str(cat)] = int(n)
    return out


def quality(conn: Connection, span: tuple[datetime, datetime], as_of: datetime) -> Quality:
    """One pass: the month's tickets, left-joined to their reply and close-on-call
    events grouped per ticket (no correlated subquery: central has no index on
    ``ticket_events.ticket_id``, so a hash join; SQLite probes its index)."""
    te = ticket_events
    month = select(tickets.c.id, tickets.c.status, tickets.c.deadline_at,
                   tickets.c.backfilled).where(_month_tickets(span)).subquery()
    result = func.trim(func.coalesce(te.c.data[("reply", "result")].as_string(), ""))
    is_reply = te.c.kind == "reply"
    per_ticket = (
        select(te.c.ticket_id,
               func.min(case((is_reply, te.c.at))).label("first_reply"),
               func.max(case((and_(is_reply, result != ""), 1), else_=0)).label("answered"),
               func.max(case((te.c.kind == "close_on_call", 1), else_=0)).label("on_call"))
        .where(te.c.deleted_at.is_(None), te.c.kind.in_(("reply", "close_on_call")),
               te.c.ticket_id.in_(select(month.c.id)))
        .group_by(te.c.ticket_id).subquery()
    )
    answered = func.coalesce(per_ticket.c.answered, 0) == 1
    on_call = func.coalesce(per_ticket.c.on_call, 0) == 1
    empty = and_(month.c.status.in_(REPLIED_OR_LATER), not_(answered), not_(on_call))
    first = per_ticket.c.first_reply
    late = and_(month.c.deadline_at.is_not(None), or_(
        first > month.c.deadline_at, and_(first.is_(None), month.c.deadline_at < as_of)))
    q = select(
        func.count(),
        func.coalesce(func.sum(case((empty, 1), else_=0)), 0),
        func.coalesce(func.sum(case((late, 1), else_=0)), 0),
        func.coalesce(func.sum(case((month.c.backfilled.is_(True), 1), else_=0)), 0),
    ).select_from(month.outerjoin(per_ticket, per_ticket.c.ticket_id == month.c.id))
    n, e, lt, b = conn.execute(q).one()
    return Quality(int(n), int(e), int(lt), int(b))


def callbacks(conn: Connection, span: tuple[datetime, datetime]) -> Callbacks:
    te = ticket_events
    dispatched = (select(te.c.ticket_id.label("tid"))
                  .where(te.c.deleted_at.is_(None), te.c.kind == "dispatch",
                         _in_span(te.c.at, span))
                  .distinct().subquery())
    per_ticket = (
        select(
            dispatched.c.tid,
            func.count(te.c.id).label("calls"),
            func.coalesce(func.sum(case((te.c.kind.in_(REACHED_KINDS), 1), else_=0)), 0)
            .label("reached"),
            func.coalesce(func.sum(case((te.c.kind == "callback_satisfied", 1), else_=0)), 0)
            .label("satisfied"),
        )
        .select_from(dispatched.outerjoin(te, and_(
            te.c.ticket_id == dispatched.c.tid, te.c.deleted_at.is_(None),
            te.c.kind.in_(CALLBACK_KINDS))))
        .join(tickets, and_(tickets.c.id == dispatched.c.tid, tickets.c.deleted_at.is_(None)))
        .group_by(dispatched.c.tid)
        .subquery()
    )
    q = select(
        func.count(),
        func.coalesce(func.sum(case((per_ticket.c.calls > 0, 1), else_=0)), 0),
        func.coalesce(func.sum(case((per_ticket.c.reached > 0, 1), else_=0)), 0),
        func.coalesce(func.sum(per_ticket.c.reached), 0),
        func.coalesce(func.sum(per_ticket.c.satisfied), 0),
    )
    d, c, r, rc, sc = conn.execute(q).one()
    return Callbacks(int(d), int(c), int(r), int(rc), int(sc))


def sla(conn: Connection, span: tuple[datetime, datetime]) -> Sla:
    cs = call_sessions
    answered = cs.c.outcome == "answered"
    q = select(
        func.coalesce(func.sum(case((cs.c.outcome.in_(("answered", "missed")), 1), else_=0)), 0),
        func.coalesce(func.sum(case((answered, 1), else_=0)), 0),
        func.coalesce(func.sum(case((and_(answered, cs.c.late_answer.is_(False)), 1),
                                    else_=0)), 0),
        func.avg(case((and_(answered, cs.c.talk_s.is_not(None)), cs.c.talk_s))),
        func.coalesce(func.sum(case((and_(answered, cs.c.wrapup_s.is_not(None)), 1),
                                    else_=0)), 0),
        func.coalesce(func.sum(case((and_(answered, cs.c.wrapup_s.is_not(None),
                                          cs.c.wrapup_over.is_(False)), 1), else_=0)), 0),
    ).where(cs.c.deleted_at.is_(None), _in_span(cs.c.started_at, span))
    o, a, ai, talk, w, wo = conn.execute(q).one()
    return Sla(int(o), int(a), int(ai), None if talk is None else float(talk), int(w), int(wo))


def top_subtypes(conn: Connection, span: tuple[datetime, datetime],
                 n: int) -> tuple[tuple[str, str, int], ...]:
    count = func.count().label("n")
    q = (select(tickets.c.category, tickets.c.subtype, count)
         .where(_month_tickets(span), tickets.c.subtype.is_not(None), tickets.c.subtype != "")
         .group_by(tickets.c.category, tickets.c.subtype)
         .order_by(count.desc(), tickets.c.category, tickets.c.subtype).limit(n))
    return tuple((str(c), str(s), int(k)) for c, s, k in conn.execute(q))


def top_addresses(conn: Connection, span: tuple[datetime, datetime],
                  n: int) -> tuple[tuple[str, int], ...]:
    count = func.count().label("n")
    addr = func.trim(tickets.c.address)
    q = (select(addr, count)
         .where(_month_tickets(span), addr != "")
         .group_by(addr).order_by(count.desc(), addr).limit(n))
    return tuple((str(a), int(k)) for a, k in conn.execute(q))


def build(conn: Connection, req: ReportRequest, *,
          progress: Callable[[int, int], None] | None = None,
          cancelled: Callable[[], bool] | None = None) -> MonthlyReport:
    """Every figure of ``req.month``, read in one snapshot of ``conn``.

    ``progress(done, STEPS)`` after each section; ``cancelled()`` is asked
    between sections and ends the work with ``ReportCancelled``."""
    step = 0

    def advance() -> None:
        nonlocal step
        step += 1
        if progress is not None:
            progress(step, STEPS)
        if cancelled is not None and cancelled():
            raise ReportCancelled(str(req.month))

    if cancelled is not None and cancelled():
        raise ReportCancelled(str(req.month))
    span = req.month.utc_span(req.timezone)
    counts = category_counts(conn, (span, req.month.previous().utc_span(req.timezone),
                                    req.month.same_last_year().utc_span(req.timezone)))
    current, previous, last_year = (grouped(c) for c in counts)
    advance()
    advance()
    q = quality(conn, span, req.as_of)
    advance()
    cb = callbacks(conn, span)
    advance()
    s = sla(conn, span)
    advance()
    subtypes = top_subtypes(conn, span, req.top_n)
    addresses = top_addresses(conn, span, req.top_n)
    advance()
    return MonthlyReport(
        month=req.month, scope=req.scope, unit_name=req.unit_name, timezone=req.timezone,
        generated_at=req.generated_at, as_of=req.as_of,
        categories=tuple(CategoryRow(g, current[g], previous[g], last_year[g]) for g in GROUPS),
        quality=q, callbacks=cb, sla=s, top_subtypes=subtypes, top_addresses=addresses,
        talk_target_s=req.talk_target_s, wrapup_target_s=req.wrapup_target_s,
        ring_limit=req.ring_limit,
    )
