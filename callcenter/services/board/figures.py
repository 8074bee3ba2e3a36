"""The board's aggregate queries (SQLAlchemy Core, the same text on the desk's
SQLite and on central PostgreSQL).

``board_data(conn, query, targets, settings)`` reads one period for a team, an
agent or everyone: the call totals, the same per UTC hour (shown in site-local
hours), tickets by category per hour, open tickets overdue or near their
deadline, and callbacks due. All the arithmetic on the sums is in
domain/board/figures.py. ``BoardFigures`` runs it on the desk's reader thread
and returns a Future, so the GUI thread never waits for it.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, String, and_, case, func, select, type_coerce
from sqlalchemy.orm import Session

from callcenter.domain.auth.permissions import Permission
from callcenter.domain.board.figures import (
    BoardSettings,
    CallFigures,
    CallTotals,
    figures,
    total_of,
)
from callcenter.domain.privacy.masking import mask_phone
from callcenter.domain.sla import SlaTargets
from callcenter.domain.ticket_lifecycle import OPEN
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.storage.database import Database
from callcenter.store.auth_models import User
from callcenter.store.board_models import BoardCallHour, BoardTicketHour
from callcenter.store.callback_models import PENDING, CallbackTask
from callcenter.store.models import CallSession, Ticket

CALLS = CallSession.__table__
TICKETS = Ticket.__table__
USERS = User.__table__
CALLBACKS = CallbackTask.__table__
HOURS = BoardCallHour.__table__
TICKET_HOURS = BoardTicketHour.__table__
ROLLUP_COLUMNS = ("offered", "answered", "within_limit", "returned", "abandoned", "talk_n",
                  "talk_sum_s", "hold_sum_s", "wrap_n", "wrap_sum_s", "wrap_on_time", "aht_n",
                  "aht_sum_s")
OFFERED = ("answered", "backfilled", "missed", "abandoned")
OPEN_STATES = tuple(sorted(s.value for s in OPEN))


@dataclass(frozen=True)
class BoardQuery:
    start: datetime  # UTC, inclusive
    end: datetime  # UTC, exclusive
    now: datetime  # UTC: overdue and due are judged at this time
    team: str | None = None
    agent_id: str | None = None


@dataclass(frozen=True)
class HourTotals:
    hour: datetime  # site-local start of the hour
    totals: CallTotals


@dataclass(frozen=True)
class LateTicket:
    number: str
    category: str
    deadline_at: datetime
    phone_masked: str
    overdue: bool


@dataclass(frozen=True)
class BoardData:
    query: BoardQuery
    totals: CallTotals
    figures: CallFigures
    hourly: tuple[HourTotals, ...]
    tickets_by_hour: tuple[tuple[datetime, str, int], ...]  # (local hour, category, count)
    overdue: int
    near_deadline: int
    late_tickets: tuple[LateTicket, ...]  # the first ones, soonest deadline first
    callbacks_due: int


def _totals_columns() -> list[ColumnElement[Any]]:
    """The CallTotals sums over calls; wrap-up on time is the call's own flag (its
    desk judged it against its profile's target), as the roll-up counts it."""
    c = CALLS.c
    answered = c.outcome == "answered"
    talk_ok = and_(answered, c.talk_s.is_not(None))
    wrap_ok = c.wrapup_s.is_not(None)

    def n(cond: ColumnElement[bool]) -> ColumnElement[Any]:
        return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

    def s(cond: ColumnElement[bool], value: ColumnElement[Any]) -> ColumnElement[Any]:
        return func.coalesce(func.sum(case((cond, value), else_=0.0)), 0.0)

    return [
        n(c.outcome.in_(OFFERED)),
        n(c.outcome.in_(("answered", "backfilled"))),
        n(and_(answered, c.late_answer.is_(False))),
        n(c.outcome == "missed"),
        n(c.outcome == "abandoned"),
        n(talk_ok), s(talk_ok, c.talk_s), s(talk_ok, func.coalesce(c.hold_s, 0.0)),
        n(wrap_ok), s(wrap_ok, c.wrapup_s), n(and_(wrap_ok, c.wrapup_over.is_(False))),
        n(and_(talk_ok, wrap_ok)), s(and_(talk_ok, wrap_ok), c.talk_s + c.wrapup_s),
    ]


def _totals(row: Any) -> CallTotals:
    v = list(row)
    return CallTotals(int(v[0]), int(v[1]), int(v[2]), int(v[3]), int(v[4]), int(v[5]),
                      float(v[6]), float(v[7]), int(v[8]), float(v[9]), int(v[10]),
                      int(v[11]), float(v[12]))


def _hour(conn: Connection, col: Any) -> ColumnElement[Any]:
    if conn.dialect.name == "postgresql":
        return func.date_trunc("hour", func.timezone("UTC", col))
    return func.strftime("%Y-%m-%d %H:00:00", col)


def _utc_hour(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)


class _Hours:
    """Hour keys as read (SQLite text, PostgreSQL datetimes) to UTC and site-local
    hours, each distinct key converted once (a month has 720, its rows ~60 times
    as many)."""

    def __init__(self, zone: zoneinfo.ZoneInfo) -> None:
        self.zone = zone
        self._utc: dict[Any, datetime] = {}
        self._local: dict[datetime, datetime] = {}

    def utc(self, value: Any) -> datetime:
        h = self._utc.get(value)
        if h is None:
            h = self._utc[value] = _utc_hour(value)
        return h

    def local(self, utc_hour: datetime) -> datetime:
        h = self._local.get(utc_hour)
        if h is None:
            h = self._local[utc_hour] = utc_hour.astimezone(self.zone)
        return h


def _raw_hour(col: Any) -> ColumnElement[Any]:
    """A roll-up's hour as stored (text on SQLite: no datetime parsing per row;
    _Hours converts each distinct hour once)."""
    return type_coerce(col, String)


def _call_filter(q: BoardQuery) -> list[ColumnElement[bool]]:
    c = CALLS.c
    where: list[ColumnElement[bool]] = [
        c.started_at >= q.start, c.started_at < q.end, c.deleted_at.is_(None)]
    if q.agent_id:
        where.append(c.agent_id == q.agent_id)
    elif q.team:
        where.append(c.agent_id.in_(select(USERS.c.user_id).where(USERS.c.team == q.team)))
    return where


def _ticket_filter(q: BoardQuery) -> list[ColumnElement[bool]]:
    t = TICKETS.c
    where: list[ColumnElement[bool]] = [t.deleted_at.is_(None)]
    if q.agent_id:
        where.append(t.created_by == q.agent_id)
    elif q.team:
        where.append(t.created_by.in_(select(USERS.c.user_id).where(USERS.c.team == q.team)))
    return where


def _rollup_filter(q: BoardQuery, start: datetime, end: datetime) -> list[ColumnElement[bool]]:
    h = HOURS.c
    where: list[ColumnElement[bool]] = [h.hour >= start, h.hour < end]
    if q.agent_id:
        where.append(h.agent_id == q.agent_id)
    elif q.team:
        where.append(h.agent_id.in_(select(USERS.c.user_id).where(USERS.c.team == q.team)))
    return where


def _whole_hours(q: BoardQuery) -> tuple[datetime, datetime] | None:
    """The whole UTC hours inside the period (the roll-up's part), or None."""
    floor = q.start.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    h0 = floor if floor == q.start else floor + timedelta(hours=1)
    h1 = q.end.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    return (h0, h1) if h0 < h1 else None


def _parts(conn: Connection, q: BoardQuery) -> tuple[tuple[datetime, datetime] | None,
                                                     list[BoardQuery]]:
    """The roll-up's whole hours and the raw calls' periods around them (SQLite desks
    have the roll-up, migration 0017; central reads the calls)."""
    whole = _whole_hours(q) if conn.dialect.name == "sqlite" else None
    if whole is None:
        return None, [q]
    raw = [replace(q, end=whole[0])] if q.start < whole[0] else []
    if whole[1] < q.end:
        raw.append(replace(q, start=whole[1]))
    return whole, raw


def call_totals(conn: Connection, q: BoardQuery, targets: SlaTargets) -> CallTotals:
    whole, raw = _parts(conn, q)
    total = CallTotals()
    if whole is not None:
        total += _totals(conn.execute(select(*_rollup_sums())
                                      .where(*_rollup_filter(q, *whole))).one())
    for part in raw:
        total += _totals(conn.execute(select(*_totals_columns()).where(*_call_filter(part))).one())
    return total


def _rollup_sums() -> list[ColumnElement[Any]]:
    h = HOURS.c
    return [func.coalesce(func.sum(h[c]), 0) for c in ROLLUP_COLUMNS]


def _hourly(conn: Connection, q: BoardQuery, zone: zoneinfo.ZoneInfo) -> tuple[HourTotals, ...]:
    whole, raw = _parts(conn, q)
    by_hour: dict[datetime, CallTotals] = {}
    rows: list[Any] = []
    if whole is not None:
        h = HOURS.c.hour
        rows += conn.execute(select(_raw_hour(h), *_rollup_sums())
                             .where(*_rollup_filter(q, *whole)).group_by(h)).all()
    hour = _hour(conn, CALLS.c.started_at).label("h")
    for part in raw:
        rows += conn.execute(select(hour, *_totals_columns()).where(*_call_filter(part))
                             .group_by(hour)).all()
    hours = _Hours(zone)
    for r in rows:
        key = hours.utc(r[0])
        t = _totals(r[1:])
        prev = by_hour.get(key)
        by_hour[key] = t if prev is None else prev + t
    return tuple(HourTotals(hours.local(k), by_hour[k]) for k in sorted(by_hour))


def _tickets_by_hour(conn: Connection, q: BoardQuery, zone: zoneinfo.ZoneInfo,
                     ) -> tuple[tuple[datetime, str, int], ...]:
    whole, raw = _parts(conn, q)
    rows: list[Any] = []
    if whole is not None:
        h = TICKET_HOURS.c
        where: list[ColumnElement[bool]] = [h.hour >= whole[0], h.hour < whole[1]]
        if q.agent_id:
            where.append(h.created_by == q.agent_id)
        elif q.team:
            where.append(h.created_by.in_(select(USERS.c.user_id).where(USERS.c.team == q.team)))
        rows += conn.execute(select(_raw_hour(h.hour), h.category, func.sum(h.tickets))
                             .where(*where).group_by(h.hour, h.category)
                             .order_by(h.hour, h.category)).all()  # the index's order
    t = TICKETS.c
    th = _hour(conn, t.created_at).label("h")
    for part in raw:
        rows += conn.execute(select(th, t.category, func.count()).where(
            *_ticket_filter(part), t.created_at >= part.start, t.created_at < part.end)
            .group_by(th, t.category)).all()
    hours = _Hours(zone)
    if not raw:  # one query, grouped and ordered by (hour, category): nothing to merge
        local: dict[Any, datetime] = {}  # each stored hour converted once
        out: list[tuple[datetime, str, int]] = []
        for h_, cat, n in rows:
            if n:
                at = local.get(h_)
                if at is None:
                    at = local[h_] = hours.local(hours.utc(h_))
                out.append((at, str(cat), int(n)))
        return tuple(out)
    counts: dict[tuple[datetime, str], int] = {}
    for h_, cat, n in rows:
        key = (hours.utc(h_), str(cat))
        counts[key] = counts.get(key, 0) + int(n)
    return tuple((hours.local(h_), cat, counts[h_, cat]) for h_, cat in sorted(counts)
                 if counts[h_, cat])


def _deadlines(conn: Connection, q: BoardQuery, settings: BoardSettings, late_limit: int,
               ) -> tuple[int, int, tuple[LateTicket, ...], int]:
    """Open tickets overdue and near their deadline at ``q.now``, the first of them,
    and callbacks due (the index on tickets (status, deadline_at) serves these)."""
    t = TICKETS.c
    near_until = q.now + timedelta(hours=settings.near_deadline_h)
    open_due = [*_ticket_filter(q), t.status.in_(OPEN_STATES), t.deadline_at.is_not(None)]
    overdue, near = conn.execute(select(
        func.coalesce(func.sum(case((t.deadline_at < q.now, 1), else_=0)), 0),
        func.coalesce(func.sum(case((and_(t.deadline_at >= q.now, t.deadline_at < near_until), 1),
                                    else_=0)), 0),
    ).where(*open_due)).one()
    late = tuple(
        LateTicket(r.number, r.category, r.deadline_at, mask_phone(r.caller_phone),
                   r.deadline_at < q.now)
        for r in conn.execute(select(t.number, t.category, t.deadline_at, t.caller_phone)
                              .where(*open_due, t.deadline_at < near_until)
                              .order_by(t.deadline_at).limit(late_limit)))
    cb = CALLBACKS.c
    cb_where = [cb.deleted_at.is_(None), cb.outcome == PENDING, cb.closed_at.is_(None),
                cb.due_at <= q.now]
    if q.agent_id or q.team:
        cb_where.append(cb.ticket_id.in_(select(t.id).where(*_ticket_filter(q))))
    callbacks_due = int(conn.execute(select(func.count()).select_from(CALLBACKS)
                                     .where(*cb_where)).scalar_one())
    return int(overdue), int(near), late, callbacks_due


def _sum(hours: tuple[HourTotals, ...]) -> CallTotals:
    return total_of(h.totals for h in hours)


def board_data(conn: Connection, q: BoardQuery, targets: SlaTargets, settings: BoardSettings,
               tz: str = "Asia/Shanghai", late_limit: int = 50) -> BoardData:
    zone = zoneinfo.ZoneInfo(tz)
    hourly = _hourly(conn, q, zone)
    totals = _sum(hourly)  # every call of the period is in exactly one hour
    by_hour = _tickets_by_hour(conn, q, zone)
    return BoardData(q, totals, figures(totals, targets), hourly, by_hour,
                     *_deadlines(conn, q, settings, late_limit))


REFRESH_HOURS = 2  # a refresh re-reads the current hour and the one before


def refresh_data(conn: Connection, prev: BoardData, now: datetime, targets: SlaTargets,
                 settings: BoardSettings, tz: str = "Asia/Shanghai", late_limit: int = 50,
                 ) -> BoardData:
    """``prev`` brought up to ``now``: the last ``REFRESH_HOURS`` hours of the period
    are read again and merged with the older ones kept; the deadline counts are
    read again (they move with the time). Rows a pull brings for older hours are
    not seen until the next full ``board_data`` (the board reloads on such a pull)."""
    zone = zoneinfo.ZoneInfo(tz)
    q = replace(prev.query, now=now)
    cut = now.astimezone(UTC).replace(minute=0, second=0, microsecond=0) - timedelta(
        hours=REFRESH_HOURS - 1)
    cut = min(max(cut, q.start), q.end)
    recent = replace(q, start=cut)
    # both lists are in hour order: only their last few entries are at or after the cut
    n_hours = _kept(prev.hourly, lambda h: h.hour, cut)
    fresh = _hourly(conn, recent, zone)
    hourly = prev.hourly[:n_hours] + fresh
    # the totals moved by the hours re-read only (every call is in exactly one hour)
    totals = prev.totals - _sum(prev.hourly[n_hours:]) + _sum(fresh)
    n_tickets = _kept(prev.tickets_by_hour, lambda x: x[0], cut)
    by_hour = prev.tickets_by_hour[:n_tickets] + _tickets_by_hour(conn, recent, zone)
    return BoardData(q, totals, figures(totals, targets), hourly, by_hour,
                     *_deadlines(conn, q, settings, late_limit))


def _kept(rows: tuple[Any, ...], hour_of: Callable[[Any], datetime], cut: datetime) -> int:
    """How many of ``rows`` (in hour order) are before ``cut``: scanned from the end."""
    n = len(rows)
    while n and hour_of(rows[n - 1]) >= cut:
        n -= 1
    return n


class BoardFigures:
    """The desk's board queries, on the store's reader thread (the lead's board:
    ``Permission.BOARD_READ``, checked on every load)."""

    def __init__(self, db: Database, targets: SlaTargets, settings: BoardSettings,
                 tz: str = "Asia/Shanghai", *, user: CurrentUser) -> None:
        self.db = db
        self.user = user
        self.targets = targets
        self.settings = settings
        self.tz = tz

    def load_now(self, q: BoardQuery) -> BoardData:
        self.user.require(Permission.BOARD_READ)

        def run(s: Session) -> BoardData:
            return board_data(s.connection(), q, self.targets, self.settings, self.tz)
        return self.db.read_now(run)

    def totals(self, q: BoardQuery) -> Future[CallTotals]:
        """Only the call totals of ``q`` (the service level alert's window)."""
        self.user.require(Permission.BOARD_READ)
        return self.db.read(lambda s: call_totals(s.connection(), q, self.targets))

    def refresh(self, prev: BoardData, now: datetime) -> Future[BoardData]:
        """``prev`` brought up to ``now`` (refresh_data), on the reader thread."""
        self.user.require(Permission.BOARD_READ)
        return self.db.read(lambda s: refresh_data(s.connection(), prev, now, self.targets,
                                                   self.settings, self.tz))

    def teams(self) -> list[str]:
        self.user.require(Permission.BOARD_READ)
        return self.db.read_now(lambda s: teams_in(s.connection()))

    def load(self, q: BoardQuery) -> Future[BoardData]:
        """Raises PermissionDenied at once (not in the Future) for anyone but a lead."""
        self.user.require(Permission.BOARD_READ)

        def run(s: Session) -> BoardData:
            return board_data(s.connection(), q, self.targets, self.settings, self.tz)
        return self.db.read(run)


def teams_in(conn: Connection) -> list[str]:
    """The teams users belong to (for the board's team choice)."""
    return [str(t) for t in conn.execute(
        select(USERS.c.team).where(USERS.c.team.is_not(None), USERS.c.deleted_at.is_(None))
        .distinct().order_by(USERS.c.team)).scalars()]
