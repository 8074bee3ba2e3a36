"""Finding tickets: exact keys, Chinese full text, filters, newest first, in
keyset pages (never OFFSET: page 10,000 costs what page 1 costs).

Order and cursor: ``(created_at DESC, id DESC)``; ``id`` is a UUIDv7, so ties
in ``created_at`` still have one total order and every row is returned
exactly once, even while new tickets arrive between pages.

How each kind of query stays fast on 1,000,000 tickets (indexes: model +
migration 0004):
- number / phone / account / meter: equality on an index whose tail is
  ``created_at``; any other filter (text included, as LIKE) runs on the few
  rows that key has.
- text of 3+ characters: the FTS5 trigram index ``ticket_fts`` (a substring
  match, so Chinese needs no word segmentation). A rare text (at most
  ``FTS_DRIVE_LIMIT`` hits) drives the query: fetch those rows, sort, cut.
  A common text (up to ``FTS_MATERIALIZE_LIMIT`` hits) walks the
  newest-first index and probes each row against the hit set, which SQLite
  builds once in memory. A very common text (a tenth of all tickets, say)
  would make that set huge, so instead the walk goes in growing batches (4
  pages' worth, doubling up to ``WALK_BATCH`` rowids) and asks the FTS index
  only for the hits inside each batch's rowid range, until a page is full:
  exact whatever the rowid order, and one or two batches at that density.
  The index lags the saves a little (callcenter/services/tickets/indexer.py
  fills it off the save path): the tickets above its mark, ``indexed_upto``,
  read in the same snapshot, are matched with LIKE by rowid range and join
  the hits, so every plan above is exact. They are the last second or so of
  saves, unless the store was bulk-loaded and the indexer is catching up.
- text of 1-2 characters: trigrams cannot index it, so it is a LIKE filter
  on the newest-first walk (cheap for common words; a rare short word may
  scan far; the UI says to type 3+ characters).
- category / status / department / agent: an index ``(col, created_at, id)``.
- overdue only: a partial index of the open tickets with a deadline, in page
  order (most tickets are closed, so it is small). Its WHERE goes into the
  query as bare SQL: a Boolean-typed literal renders as ``... = 1`` on SQLite,
  which no longer matches the index's WHERE, and the planner walks all tickets.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    func,
    literal_column,
    or_,
    select,
    text,
    tuple_,
)
from sqlalchemy.orm import Session

from callcenter.domain.auth.permissions import Permission
from callcenter.domain.auth.roles import Role
from callcenter.domain.clock import Clock
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.customers.phone import phone_key
from callcenter.services.customers.screen_pop import OPEN_STATUSES
from callcenter.services.storage.database import Database
from callcenter.store.models import Ticket
from callcenter.store.search_schema import FTS_TABLE, INDEXED_UPTO_SQL, OPEN_WITH_DEADLINE_SQL

PREVIEW_CHARS = 80
FTS_MIN_CHARS = 3  # the trigram tokenizer indexes 3-character windows
FTS_DRIVE_LIMIT = 3000  # up to this many hits, the hit set drives the query
FTS_MATERIALIZE_LIMIT = 50_000  # up to this many, the walk probes an in-memory hit set
WALK_BATCH = 20_000  # most rows per step of the newest-first walk for a common text
DEFAULT_LIMIT = 100


class SearchInputError(ValueError):
    """The query cannot be run as given (e.g. a naive datetime)."""


@dataclass(frozen=True)
class TicketQuery:
    """Every field is optional; the filters that are set are ANDed.

    ``created_from`` is inclusive and ``created_to`` exclusive, both UTC-aware.
    ``overdue_only``: past ``deadline_at`` and still open (the department has
    not replied).
    """

    number: str = ""
    phone: str = ""
    account: str = ""
    meter: str = ""
    text: str = ""
    created_from: datetime | None = None
    created_to: datetime | None = None
    category: str | None = None
    status: str | None = None
    department: str | None = None
    agent: str | None = None
    overdue_only: bool = False


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: strictly after this (created_at, id)."""

    created_at: datetime
    id: uuid.UUID


@dataclass(frozen=True)
class TicketRow:
    id: uuid.UUID
    number: str
    created_at: datetime
    category: str
    status: str
    caller_phone: str
    account_no: str
    address: str
    content_preview: str
    department: str | None
    deadline_at: datetime | None
    overdue: bool
    created_by: str
    near_deadline: bool = False  # past the warning point, not yet overdue


@dataclass(frozen=True)
class Page:
    rows: list[TicketRow]
    next: Cursor | None  # None: this was the last page


def is_overdue(status: str, deadline_at: datetime | None, now: datetime) -> bool:
    return deadline_at is not None and deadline_at < now and status in OPEN_STATUSES


def is_near_deadline(status: str, created_at: datetime, deadline_at: datetime | None,
                     now: datetime, warn: float = 0.8) -> bool:
    """Open, not overdue, and past the warning point (a share of the time allowed)."""
    if deadline_at is None or status not in OPEN_STATUSES or deadline_at < now:
        return False
    return now >= created_at + (deadline_at - created_at) * warn


def fts_phrase(term: str) -> str:
    """One FTS5 string literal: with the trigram tokenizer it matches the term
    as a substring; quotes in the term are doubled, nothing else is special."""
    return '"' + term.replace('"', '""') + '"'


def like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def split_text(raw: str) -> tuple[list[str], list[str]]:
    """(terms the trigram index can find, shorter terms), whitespace-separated."""
    terms = raw.split()
    return ([t for t in terms if len(t) >= FTS_MIN_CHARS],
            [t for t in terms if len(t) < FTS_MIN_CHARS])


def _aware(value: datetime | None, name: str) -> None:
    if value is not None and value.tzinfo is None:
        raise SearchInputError(f"{name} must be timezone-aware (UTC)")


_COLUMNS = (
    Ticket.id, Ticket.number, Ticket.created_at, Ticket.category, Ticket.status,
    Ticket.caller_phone, Ticket.account_no, Ticket.address,
    func.substr(Ticket.content, 1, PREVIEW_CHARS), Ticket.department, Ticket.deadline_at,
    Ticket.created_by,
)
_ROWID: ColumnElement[int] = literal_column("tickets.rowid", Integer())
# unary +: the planner must walk the newest-first index, not drive by rowid
_ROWID_NOT_INDEXED: ColumnElement[int] = literal_column("+tickets.rowid", Integer())
_INDEXED_UPTO: ColumnElement[int] = literal_column(f"({INDEXED_UPTO_SQL})", Integer())


def _fts_hits(match: str) -> Select[Any]:
    return select(literal_column("rowid")).select_from(text(FTS_TABLE)).where(
        literal_column(FTS_TABLE).op("MATCH")(match))


def _contains(term: str) -> ColumnElement[bool]:
    pattern = like_pattern(term)
    return or_(Ticket.content.like(pattern, escape="\\"), Ticket.address.like(pattern, escape="\\"))


def _unindexed_hits(terms: list[str]) -> Select[Any]:
    """Rowids of the tickets above the index's mark whose text has every term:
    a rowid range scan of the few tickets the indexer has not reached."""
    return select(_ROWID).select_from(Ticket).where(
        _ROWID > _INDEXED_UPTO, *[_contains(t) for t in terms])


class TicketSearch:
    """Read-only use case; ``page`` runs on the caller's thread (tests, benches),
    ``page_async`` on this service's own thread so a long search never delays
    the screen pop's reads on the shared reader thread."""

    def __init__(self, db: Database, clock: Clock, *, user: CurrentUser | None = None) -> None:
        """``user``: the desk's signed-in user. Given (as the app does), every page
        needs TICKET_READ, and a department user sees its own department's tickets
        only; None is a tool without a desk session (benches, ``--json`` commands)."""
        self._db = db
        self._clock = clock
        self.user = user
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ticket-search")

    def page(self, query: TicketQuery, after: Cursor | None = None,
             limit: int = DEFAULT_LIMIT) -> Page:
        _aware(query.created_from, "created_from")
        _aware(query.created_to, "created_to")
        if limit < 1:
            raise SearchInputError("limit must be at least 1")
        scope = self._scope()
        now = self._clock.utc_now()
        return self._db.read_now(lambda s: self._page_in(s, query, after, limit, now, scope))

    def _scope(self) -> str | None:
        """The department a department user's search is confined to (None: all);
        ``PermissionDenied`` for a role that may not read tickets."""
        if self.user is None:
            return None
        actor = self.user.actor
        own = actor.department if actor is not None and actor.role is Role.DEPARTMENT else None
        self.user.require(Permission.TICKET_READ, department=own)
        return own

    def page_async(self, query: TicketQuery, after: Cursor | None = None,
                   limit: int = DEFAULT_LIMIT) -> Future[Page]:
        return self._worker.submit(self.page, query, after, limit)

    def close(self) -> None:
        self._worker.shutdown(wait=True, cancel_futures=True)

    # ----- query building ------------------------------------------------
    def _page_in(self, s: Session, q: TicketQuery, after: Cursor | None, limit: int,
                 now: datetime, scope: str | None = None) -> Page:
        conds = self._filters(q, now)
        if scope is not None:  # another department's tickets are never listed
            conds.append(Ticket.department == scope)
        if after is not None:
            conds.append(tuple_(Ticket.created_at, Ticket.id) < tuple_(after.created_at, after.id))
        long_terms, short_terms = split_text(q.text)
        conds += [_contains(t) for t in short_terms]
        if long_terms and self._has_exact_key(q):
            conds += [_contains(t) for t in long_terms]  # a key's few rows: LIKE is cheapest
        elif long_terms:
            match = " AND ".join(fts_phrase(t) for t in long_terms)
            unindexed = _unindexed_hits(long_terms)
            tail = list(s.scalars(unindexed.limit(FTS_DRIVE_LIMIT + 1)))
            probe = s.execute(_fts_hits(match).limit(FTS_DRIVE_LIMIT + 1)).all()
            if len(probe) <= FTS_DRIVE_LIMIT and len(tail) <= FTS_DRIVE_LIMIT:
                conds.append(_ROWID.in_([r[0] for r in probe] + tail))
            elif s.execute(_fts_hits(match).limit(1).offset(FTS_MATERIALIZE_LIMIT)).first() is None:
                in_index: ColumnElement[bool] = _ROWID_NOT_INDEXED.in_(_fts_hits(match))
                if tail:  # a long backlog (a bulk load) stays a subquery, not a huge IN list
                    in_tail = _ROWID_NOT_INDEXED.in_(
                        tail if len(tail) <= FTS_DRIVE_LIMIT else unindexed)
                    in_index = or_(in_index, in_tail)
                conds.append(in_index)
            else:
                conds.append(_ROWID.in_(self._walk(s, conds, match, unindexed, limit + 1)))
        stmt = (select(*_COLUMNS).where(and_(*conds))
                .order_by(Ticket.created_at.desc(), Ticket.id.desc()).limit(limit + 1))
        raw = s.execute(stmt).all()
        rows = [self._row(r, now) for r in raw[:limit]]
        nxt = Cursor(rows[-1].created_at, rows[-1].id) if len(raw) > limit else None
        return Page(rows, nxt)

    @staticmethod
    def _walk(s: Session, conds: list[ColumnElement[bool]], match: str,
              unindexed: Select[Any], want: int) -> list[int]:
        """Rowids of the first ``want`` rows, newest first, that pass ``conds``
        and match the text: batches of the newest-first walk, each checked
        against the hits within its rowid range, of the FTS index and of the
        tickets it does not cover yet."""
        found: list[int] = []
        step = list(conds)
        size = min(WALK_BATCH, 4 * want)
        while len(found) < want:
            batch = s.execute(select(_ROWID, Ticket.created_at, Ticket.id).where(and_(*step))
                              .order_by(Ticket.created_at.desc(), Ticket.id.desc())
                              .limit(size)).all()
            if not batch:
                break
            ids = [r[0] for r in batch]
            low, high = min(ids), max(ids)
            hits = set(s.scalars(_fts_hits(match).where(literal_column("rowid").between(low, high))))
            hits.update(s.scalars(unindexed.where(_ROWID.between(low, high))))
            found += [i for i in ids if i in hits]
            if len(batch) < size:
                break
            size = min(WALK_BATCH, 2 * size)
            last = batch[-1]
            step = [*conds, tuple_(Ticket.created_at, Ticket.id) < tuple_(last[1], last[2])]
        return found[:want]

    @staticmethod
    def _has_exact_key(q: TicketQuery) -> bool:
        return any(v.strip() for v in (q.number, q.phone, q.account, q.meter))

    @staticmethod
    def _filters(q: TicketQuery, now: datetime) -> list[ColumnElement[bool]]:
        conds: list[ColumnElement[bool]] = [Ticket.deleted_at.is_(None)]
        if q.number.strip():
            conds.append(Ticket.number == q.number.strip().upper())
        if q.phone.strip():
            conds.append(Ticket.caller_phone == phone_key(q.phone))
        if q.account.strip():
            conds.append(Ticket.account_no == q.account.strip())
        if q.meter.strip():
            conds.append(Ticket.meter_no == q.meter.strip())
        for column, value in ((Ticket.category, q.category), (Ticket.status, q.status),
                              (Ticket.department, q.department), (Ticket.created_by, q.agent)):
            if value:
                conds.append(column == value)
        if q.created_from is not None:
            conds.append(Ticket.created_at >= q.created_from)
        if q.created_to is not None:
            conds.append(Ticket.created_at < q.created_to)
        if q.overdue_only:
            # the literal WHERE of the partial index ix_search_tickets_open_deadline,
            # untyped so that it renders bare (see the module docstring)
            open_with_deadline: ColumnElement[bool] = literal_column(OPEN_WITH_DEADLINE_SQL)
            conds += [open_with_deadline, Ticket.deadline_at < now]
        return conds

    @staticmethod
    def _row(r: Sequence[Any], now: datetime) -> TicketRow:
        (tid, number, created_at, category, status, phone, account, address, preview,
         department, deadline_at, created_by) = r
        return TicketRow(
            id=tid, number=number, created_at=created_at, category=category, status=status,
            caller_phone=phone, account_no=account, address=address, content_preview=preview,
            department=department, deadline_at=deadline_at,
            overdue=is_overdue(status, deadline_at, now), created_by=created_by,
            near_deadline=is_near_deadline(status, created_at, deadline_at, now),
        )
