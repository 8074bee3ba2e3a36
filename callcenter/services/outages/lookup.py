"""Is the caller inside a known outage? Lookups by account, transformer area,
feeder and address; the console's active/upcoming/restored lists; the link
between a fault-repair ticket and an outage; the shift lead's emergency banner.

Reads return plain dataclasses through ``db.read`` futures, so the GUI thread
never waits on a query; ``*_in(session, ...)`` functions are the bodies, used
directly by the CLI and the benchmarks.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from callcenter.domain.audit import AuditAction
from callcenter.domain.auth.permissions import Permission
from callcenter.domain.clock import Clock
from callcenter.domain.outages import (
    RECENT_RESTORE,
    OutageKind,
    OutageStatus,
    OutageTimes,
    Phase,
    covers,
    lapsed,
    overdue,
    parse_address,
    phase_at,
)
from callcenter.domain.outages.address import Address, complete, normalise, within
from callcenter.services.audit.log import append_in
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.customers.screen_pop import ScreenPop
from callcenter.services.scripts.call_lines import OutageFacts
from callcenter.services.storage.database import Database
from callcenter.services.tickets.entry import TicketExtra
from callcenter.store.models import Ticket, TicketEvent
from callcenter.store.outage_models import (
    EmergencyBanner,
    Outage,
    OutageTarget,
    TicketOutageLink,
)

# how a hit was found, best first
MATCH_ORDER = ("account", "transformer_area", "feeder", "address_scope", "area_search")
SHOWN_PHASES = (Phase.ACTIVE, Phase.UPCOMING, Phase.RECENTLY_RESTORED)
IN_CALL_PHASES = (Phase.ACTIVE, Phase.UPCOMING)
UPCOMING_HORIZON = timedelta(days=30)
BOARD_LIMIT = 5000
REPAIR_CATEGORY = "fault_repair"


@dataclass(frozen=True)
class OutageHit:
    outage_id: uuid.UUID
    source_id: str
    kind: OutageKind
    cause: str
    status: OutageStatus
    phase: Phase
    start: datetime
    expected_restore: datetime
    actual_restore: datetime | None
    announced_at: datetime | None
    short_notice: bool
    area: str
    matched_by: str = ""
    matched_value: str = ""
    overdue: bool = False  # active past its expected restore, none recorded: 待核实
    lapsed: bool = False  # overdue past the profile's time: takes no repair ticket (for_pop sets it)

    @property
    def times(self) -> OutageTimes:
        return OutageTimes(self.kind, self.status, self.start, self.expected_restore,
                           self.actual_restore, self.announced_at)

    @property
    def takes_repairs(self) -> bool:
        """A new fault-repair ticket from its area is linked to it, not dispatched."""
        return self.phase is Phase.ACTIVE and not self.lapsed


@dataclass(frozen=True)
class LookupQuery:
    text: str = ""
    account: str = ""
    feeder: str = ""
    transformer_area: str = ""
    at: datetime | None = None  # None: now
    phases: tuple[Phase, ...] = SHOWN_PHASES


# Longest search text: an address with building and room is under 60 characters;
# 200 leaves room for pasted notes, and a lookup stays far under a second (issue 19)
MAX_QUERY_CHARS = 200
# Shortest part of a 线路/台区 name matched inside it: one character (线, 路) would match them all
MIN_PART_CHARS = 2


class QueryTooLong(ValueError):
    """A lookup field is longer than MAX_QUERY_CHARS (the UI cuts, the CLI refuses)."""

    def __init__(self, field: str, length: int) -> None:
        super().__init__(f"the {field} is {length} characters long; at most {MAX_QUERY_CHARS}")
        self.field = field
        self.length = length


@dataclass(frozen=True)
class OutageBoard:
    at: datetime
    active: tuple[OutageHit, ...]
    upcoming: tuple[OutageHit, ...]
    restored: tuple[OutageHit, ...]


@dataclass(frozen=True)
class EmergencyNotice:
    id: uuid.UUID
    message: str
    script: str
    raised_by: str
    raised_at: datetime


def _hit(o: Any, at: datetime, matched_by: str = "", value: str = "") -> OutageHit:
    """From an Outage row or a Core row of its columns (the lookups skip the ORM)."""
    times = OutageTimes(OutageKind(o.kind), OutageStatus(o.status), o.start_at, o.expected_restore_at,
                        o.actual_restore_at, o.announced_at)
    return OutageHit(o.id, o.source_id, times.kind, o.cause, times.status, phase_at(times, at),
                     o.start_at, o.expected_restore_at, o.actual_restore_at, o.announced_at,
                     o.short_notice, o.area, matched_by, value, overdue(times, at))


def _live(*conds: ColumnElement[bool]) -> list[ColumnElement[bool]]:
    return [OutageTarget.deleted_at.is_(None), *conds]


def address_candidates(a: Address) -> list[str]:
    """Heads a covering scope could have: each component, each adjacent pair, the admin names."""
    c = a.chunks
    keys = list(c) + [c[i] + c[i + 1] for i in range(len(c) - 1)]
    return [k for k in dict.fromkeys(keys + [a.district, a.city, a.province]) if k]


def covering_scopes(s: Session, address: str) -> list[tuple[uuid.UUID, str]]:
    """(outage id, scope) of every live address scope that covers ``address``."""
    a = parse_address(address)
    keys = address_candidates(a)
    if not keys:
        return []
    rows = s.execute(select(OutageTarget.outage_id, OutageTarget.value).where(
        *_live(OutageTarget.kind == "address", OutageTarget.key.in_(keys)))).all()
    return [(oid, v) for oid, v in rows if covers(parse_address(v), a)]


def scopes_within(s: Session, text: str) -> list[tuple[uuid.UUID, str]]:
    """A broad search (one or two components, e.g. 幸福路 or 幸福路12号): scopes inside it.
    A complete component is matched exactly (an index probe); only a partial
    last word (幸福) becomes a prefix range."""
    q = parse_address(text)
    if not q.chunks or len(q.chunks) > 2:
        return []
    params: list[object] = []

    def match(col: str, chunk: str) -> str:
        if complete(chunk):
            params.append(chunk)
            return f"{col} = ?"
        params.extend([chunk, chunk + "\U0010ffff"])
        return f"{col} >= ? AND {col} < ?"

    sql = "SELECT t.outage_id, t.value FROM outage_address_keys k0 "
    where = [match("k0.key", q.chunks[0])]
    if len(q.chunks) == 2:
        sql += "JOIN outage_address_keys k1 ON k1.target_id = k0.target_id AND k1.pos = k0.pos + 1 "
        where.append(match("k1.key", q.chunks[1]))
    sql += ("JOIN outage_targets t ON t.id = k0.target_id WHERE t.deleted_at IS NULL AND "
            + " AND ".join(where) + " LIMIT 5000")
    rows = {(uuid.UUID(hex=r[0]), r[1]) for r in s.connection().exec_driver_sql(sql, tuple(params))}
    return [(oid, v) for oid, v in rows if within(q, _scope(v))]


@lru_cache(maxsize=65536)
def _scope(value: str) -> Address:
    return parse_address(value)


def not_ended(at: datetime, phases: Sequence[Phase]) -> list[ColumnElement[bool]]:
    """SQL for "could be in one of ``phases`` at ``at``": drops cancelled and long
    restored outages before any row is built (most of a year's outages are those)."""
    conds: list[ColumnElement[bool]] = [Outage.deleted_at.is_(None)]
    if Phase.CANCELLED not in phases:
        conds.append(Outage.status != OutageStatus.CANCELLED.value)
    if Phase.ENDED not in phases:
        cutoff = at - RECENT_RESTORE
        restored = OutageStatus.RESTORED.value
        conds.append(or_(Outage.actual_restore_at >= cutoff,
                         and_(Outage.actual_restore_at.is_(None),
                              or_(Outage.status != restored, Outage.expected_restore_at >= cutoff))))
    return conds


_COLS = ("id", "source_id", "kind", "cause", "status", "start_at", "expected_restore_at",
         "actual_restore_at", "announced_at", "short_notice", "area")


def _stamp(t: datetime) -> str:
    """A UTC time as the store writes it (UTCDateTime on SQLite), for raw SQL."""
    return t.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text).replace(tzinfo=UTC)


def _target_rows(s: Session, wanted: dict[str, set[str]], at: datetime, phases: Sequence[Phase],
                 contains: dict[str, set[str]] | None = None) -> list[tuple[str, str, SimpleNamespace]]:
    """(target kind, value, outage) of live targets with one of the wanted keys
    (or, for ``contains``, a key containing one of the texts), joined to their
    outage and filtered by time, in one query (each term probes the kind index).

    Raw SQL on purpose: this runs on every screen pop, and building the same
    statement through the ORM cost more than the query itself (goal: 5 ms)."""
    terms: list[str] = []
    params: list[object] = []
    for kind, keys in wanted.items():
        if keys:
            terms.append(f"(t.kind = ? AND t.key IN ({','.join('?' * len(keys))}))")
            params += [kind, *sorted(keys)]
    for kind, parts in (contains or {}).items():
        for part in sorted(parts):
            terms.append("(t.kind = ? AND instr(t.key, ?) > 0)")
            params += [kind, part]
    if not terms:
        return []
    where = [f"({' OR '.join(terms)})", "t.deleted_at IS NULL", "o.deleted_at IS NULL"]
    if Phase.CANCELLED not in phases:
        where.append("o.status != 'cancelled'")
    if Phase.ENDED not in phases:
        cutoff = _stamp(at - RECENT_RESTORE)
        where.append("(o.actual_restore_at >= ? OR (o.actual_restore_at IS NULL AND "
                     "(o.status != 'restored' OR o.expected_restore_at >= ?)))")
        params += [cutoff, cutoff]
    sql = (f"SELECT t.kind, t.value, {', '.join('o.' + c for c in _COLS)} FROM outage_targets t "
           f"JOIN outages o ON o.id = t.outage_id WHERE {' AND '.join(where)}")
    out = []
    for r in s.connection().exec_driver_sql(sql, tuple(params)):
        o = SimpleNamespace(**dict(zip(_COLS, r[2:], strict=True)))
        o.id = uuid.UUID(hex=o.id)
        for c in ("start_at", "expected_restore_at", "actual_restore_at", "announced_at"):
            setattr(o, c, _time(getattr(o, c)))
        o.short_notice = bool(o.short_notice)
        out.append((r[0], r[1], o))
    return out


def lookup_in(s: Session, q: LookupQuery, now: datetime) -> list[OutageHit]:
    """Account, 台区, 线路 and address-scope targets in one indexed query, the
    address ones then checked component by component; plus, for a broad text,
    the scopes inside it."""
    for name in ("text", "account", "feeder", "transformer_area"):
        if len(getattr(q, name)) > MAX_QUERY_CHARS:
            raise QueryTooLong(name, len(getattr(q, name)))
    at = q.at or now
    wanted: dict[str, set[str]] = {k: set() for k in ("account", "transformer_area", "feeder", "address")}
    contains: dict[str, set[str]] = {"transformer_area": set(), "feeder": set()}
    addresses: list[Address] = []

    def add(kind: str, value: str | None) -> None:
        key = normalise(value or "")
        if key:
            wanted[kind].add(key)

    def add_part(kind: str, value: str) -> None:
        """Part of a 线路 or 台区 name (海关路1线 of 10kV海关路1线, or the street 海关路)."""
        key = normalise(value)
        if len(key) >= MIN_PART_CHARS:
            contains[kind].add(key)

    add("feeder", q.feeder)
    add_part("feeder", q.feeder)
    add("transformer_area", q.transformer_area)
    add_part("transformer_area", q.transformer_area)
    if q.account.strip():
        add("account", q.account)
        acct = s.connection().exec_driver_sql(
            "SELECT feeder, transformer_area, address FROM accounts"
            " WHERE account_no = ? AND deleted_at IS NULL",
            (q.account.strip(),)).first()
        if acct is not None:
            add("feeder", acct[0])
            add("transformer_area", acct[1])
            addresses.append(parse_address(acct[2]))
    if q.text.strip():  # an agent may type a 台区 or 线路 name into the one search box
        add("feeder", q.text)
        add("transformer_area", q.text)
        typed = parse_address(q.text)
        if len(typed.chunks) <= 2:  # a name or a street, not a full address: its parts too
            add_part("feeder", q.text)
            add_part("transformer_area", q.text)
        addresses.append(typed)
    for a in addresses:
        wanted["address"].update(address_candidates(a))
    best: dict[uuid.UUID, OutageHit] = {}

    def offer(h: OutageHit) -> None:
        old = best.get(h.outage_id)
        if h.phase in q.phases and (old is None or MATCH_ORDER.index(h.matched_by)
                                    < MATCH_ORDER.index(old.matched_by)):
            best[h.outage_id] = h

    for kind, value, row in _target_rows(s, wanted, at, q.phases, contains):
        if kind != "address":
            offer(_hit(row, at, kind, value))
        elif any(covers(_scope(value), a) for a in addresses):
            offer(_hit(row, at, "address_scope", value))
    if q.text.strip():
        inside = scopes_within(s, q.text)
        ids = list({oid for oid, _ in inside} - set(best))
        rows = {r.id: r for r in s.execute(select(*Outage.__table__.c).where(
            Outage.id.in_(ids), *not_ended(at, q.phases)))} if ids else {}
        for oid, value in inside:
            if oid in rows:
                offer(_hit(rows[oid], at, "area_search", value))
    order = {p: i for i, p in enumerate(SHOWN_PHASES)}
    return sorted(best.values(), key=lambda h: (order.get(h.phase, 9), h.start, h.source_id))


def board_in(s: Session, at: datetime) -> OutageBoard:
    rows = s.scalars(select(Outage).where(
        Outage.deleted_at.is_(None), Outage.status != OutageStatus.CANCELLED.value,
        Outage.start_at <= at + UPCOMING_HORIZON,
        or_(Outage.actual_restore_at.is_(None), Outage.actual_restore_at >= at - RECENT_RESTORE),
    ).order_by(Outage.start_at).limit(BOARD_LIMIT))
    hits = [_hit(o, at) for o in rows]
    return OutageBoard(at, *(tuple(h for h in hits if h.phase is p) for p in SHOWN_PHASES))


class Outages:
    def __init__(self, db: Database, clock: Clock, workstation: str, *, user: CurrentUser,
                 unverified_after: timedelta = timedelta(hours=4)) -> None:
        self._db = db
        self._clock = clock
        self.workstation = workstation
        self.user = user  # only a shift lead raises or clears the emergency banner
        self.unverified_after = unverified_after  # the profile's [outages] unverified_after_hours

    def lookup(self, q: LookupQuery) -> Future[list[OutageHit]]:
        now = self._clock.utc_now()
        return self._db.read(lambda s: lookup_in(s, q, now))

    def for_pop(self, pop: ScreenPop) -> Future[list[OutageHit]]:
        """Active and upcoming outages covering any of the caller's accounts or addresses."""
        now = self._clock.utc_now()
        accounts = [a.account_no for c in pop.customers for a in c.accounts]
        addresses = [c.address for c in pop.customers]

        def run(s: Session) -> list[OutageHit]:
            hits: dict[uuid.UUID, OutageHit] = {}
            for q in [LookupQuery(account=a, phases=IN_CALL_PHASES) for a in accounts]:
                for h in lookup_in(s, q, now):
                    hits.setdefault(h.outage_id, h)
            for text in addresses:
                for oid, scope in covering_scopes(s, text):
                    if oid not in hits:
                        o = s.get(Outage, oid)
                        if o is not None and o.deleted_at is None:
                            h = _hit(o, now, "address_scope", scope)
                            if h.phase in IN_CALL_PHASES:
                                hits[oid] = h
            marked = [replace(h, lapsed=lapsed(h.times, now, self.unverified_after))
                      for h in hits.values()]
            return sorted(marked, key=lambda h: (not h.takes_repairs, h.phase is not Phase.ACTIVE,
                                                 h.start))

        return self._db.read(run)

    def board(self, at: datetime | None = None) -> Future[OutageBoard]:
        when = at or self._clock.utc_now()
        return self._db.read(lambda s: board_in(s, when))

    def link_extra(self, outage_id: uuid.UUID, *, agent_id: str, reason: str | None = None,
                   category: str | None = REPAIR_CATEGORY) -> TicketExtra:
        """Work for the ticket's own transaction: the ticket is linked to the outage
        (``reason`` None) or dispatched anyway with the agent's ``reason``. Only a
        ticket of ``category`` is linked (a complaint during an outage is not)."""
        ws = self.workstation
        mode = "linked" if reason is None else "override"

        def extra(s: Session, ticket: Ticket) -> None:
            if category is not None and ticket.category != category:
                return
            now = self._clock.utc_now()
            s.add(TicketOutageLink(ticket_id=ticket.id, outage_id=outage_id, mode=mode, reason=reason,
                                   agent_id=agent_id, at=now, updated_at=now, origin_workstation=ws))
            s.add(TicketEvent(ticket_id=ticket.id, kind=f"outage_{mode}", actor=agent_id, at=now,
                              data={"outage_id": str(outage_id), "reason": reason or ""},
                              updated_at=now, origin_workstation=ws))

        return extra

    def links_of(self, ticket_id: uuid.UUID) -> Future[list[tuple[str, str | None, str]]]:
        """(mode, reason, outage source id) of a ticket's outage links."""
        return self._db.read(lambda s: [
            (ln.mode, ln.reason, o.source_id) for ln, o in s.execute(
                select(TicketOutageLink, Outage).join(Outage, Outage.id == TicketOutageLink.outage_id)
                .where(TicketOutageLink.ticket_id == ticket_id)).tuples()])

    # ----- the shift lead's emergency banner (004 Q70) -------------------
    def raise_emergency(self, message: str, script: str, raised_by: str) -> Future[EmergencyNotice]:
        """Raises ``PermissionDenied`` unless ``raised_by`` is the signed-in shift lead."""
        self.user.require_as(raised_by, Permission.EMERGENCY_RAISE)
        now = self._clock.utc_now()

        def run(s: Session) -> EmergencyNotice:
            row = EmergencyBanner(message=message, script=script, raised_by=raised_by, raised_at=now,
                                  updated_at=now, origin_workstation=self.workstation)
            s.add(row)
            s.flush()
            append_in(s, self.workstation, now, AuditAction.EMERGENCY_RAISED, user_id=raised_by,
                      subject=message, detail={"banner": str(row.id)})
            return EmergencyNotice(row.id, message, script, raised_by, now)

        return self._db.write(run)

    def clear_emergency(self, notice_id: uuid.UUID) -> Future[None]:
        """Clear the banner on every desk, recording who cleared it and when.
        Raises ``PermissionDenied`` unless the signed-in user is a shift lead."""
        by = self.user.require(Permission.EMERGENCY_CLEAR).user_id
        now = self._clock.utc_now()

        def run(s: Session) -> None:
            row = s.get(EmergencyBanner, notice_id)
            if row is not None and row.cleared_at is None:
                row.cleared_at, row.cleared_by = now, by
                row.updated_at, row.version = now, row.version + 1
                append_in(s, self.workstation, now, AuditAction.EMERGENCY_CLEARED, user_id=by,
                          subject=row.message, detail={"banner": str(row.id), "raised_by": row.raised_by})

        return self._db.write(run)

    def current_emergency(self) -> Future[EmergencyNotice | None]:
        def run(s: Session) -> EmergencyNotice | None:
            row = s.scalars(select(EmergencyBanner).where(
                EmergencyBanner.cleared_at.is_(None), EmergencyBanner.deleted_at.is_(None))
                .order_by(EmergencyBanner.raised_at.desc())).first()
            if row is None:
                return None
            return EmergencyNotice(row.id, row.message, row.script, row.raised_by, row.raised_at)

        return self._db.read(run)



def facts_for_scripts(hits: Sequence[OutageHit], tz: ZoneInfo) -> OutageFacts | None:
    """What the scripts read out for the first active outage covering the caller
    (one long past its expected restore is no longer taken as the cause)."""
    hit = next((h for h in hits if h.takes_repairs), None)
    if hit is None:
        return None
    restore = hit.expected_restore.astimezone(tz).strftime("%m月%d日%H:%M")
    return OutageFacts(cause=hit.cause, restore_time=restore, area=hit.area)
