"""What sync could not merge, for the person who made the later change.

``SyncConflicts.open_list()`` returns plain dataclasses (``OpenConflict``) the
conflicts dialog shows; ``resolve(id, choice, agent)`` records the choice:

* ``mine``: the desk's values are written again as a normal local edit (the
  fields set, ``version`` + 1, ``updated_at`` now) through the Database's writer,
  so the outbox captures it and the next push sends it on top of central's
  version. Refused while the row still has unpushed local ops, or while the
  pull has not caught up since the conflict was found (central's value must be
  the local base first, or the push would conflict again);
* ``central``: central's value is already local after the pull: only marked;
* ``dismissed``: marked, nothing written. The only choice for a pull clash
  (a pulled row refused by a local unique key), which needs a person to sort
  out the two records; for a transaction central refused (source ``reject``)
  it keeps the rows on this desk only ("drop with a record");
* ``resent`` (a refused transaction only): the characters central cannot
  store are removed from its rows and each row is queued whole again in a new
  local transaction ("fix and resend", callcenter/sync/protocol.py).

Each is marked with ``resolved_at``, ``resolution`` and ``resolved_by`` (the
signed-in agent) in the same local transaction as the edit.

Who may: ``SYNC_RESOLVE`` (agents, leads, administrators: the desk's own
conflicts). ``mine`` on a ticket that was dispatched is an edit of a ticket after
dispatch: it needs ``TICKET_EDIT`` too and is written to the audit log in the
same transaction (issue 12).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from typing import Any, cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Mapper, Session

from callcenter.domain.audit.chain import AuditAction
from callcenter.domain.auth.permissions import Permission, require
from callcenter.domain.auth.roles import Actor
from callcenter.domain.storable_text import cleaned, has_unstorable
from callcenter.domain.ticket_lifecycle import TicketState
from callcenter.services.audit.log import append_in
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.storage.database import Database
from callcenter.store.all_models import Base
from callcenter.store.sync_models import SyncConflict
from callcenter.sync.central_schema import pg_type
from callcenter.sync.outbox import record_ops
from callcenter.sync.outbox_reader import LAST_PULL_AT, get_state, has_pending
from callcenter.sync.push_result import REJECT
from callcenter.sync.registry import SYNCED

CONFLICTS = cast(Table, SyncConflict.__table__)

# what names a row for a person, per table (the first column the row has)
_SUBJECT = {
    "tickets": ("number",), "accounts": ("account_no",), "customers": ("name", "phone"),
    "outages": ("source_id",),
}


class Choice(Enum):
    MINE = "mine"
    CENTRAL = "central"
    DISMISSED = "dismissed"
    RESENT = "resent"


class Refusal(Enum):
    PENDING = "pending"  # the row still has local changes waiting to be pushed
    NOT_PULLED = "not_pulled"  # no pull has caught up since the conflict was found
    PULL_CLASH = "pull_clash"  # a clash on a unique key: dismiss only
    RESOLVED = "resolved"  # someone resolved it already
    GONE = "gone"  # the conflict or its row no longer exists
    NO_AGENT = "no_agent"  # nobody is signed in
    REJECTED = "rejected"  # central refused the rows: resend or dismiss only
    NOT_REJECTED = "not_rejected"  # only rows central refused can be resent


class ResolveRefused(Exception):
    def __init__(self, reason: Refusal) -> None:
        super().__init__(reason.value)
        self.reason = reason


@dataclass(frozen=True)
class ConflictField:
    name: str  # column name
    mine: Any  # wire value (None for a pull clash)
    central: Any


@dataclass(frozen=True)
class OpenConflict:
    id: uuid.UUID
    source: str  # push | pull
    table: str
    row_id: uuid.UUID
    subject: str  # the row's human key (ticket number, account number, ...), "" if unknown
    fields: tuple[ConflictField, ...]
    detected_at: datetime
    pending_local: bool  # the row has unpushed local ops
    pulled_since: bool  # a pull caught up after the conflict was found
    reason: str = ""  # central's reason for a refused transaction (source reject)
    code: str = ""  # its SQLSTATE (22P05: text central cannot store)
    rows: int = 0  # how many rows that transaction holds

    @property
    def keep_mine_refusal(self) -> Refusal | None:
        if self.source == REJECT:
            return Refusal.REJECTED
        if self.source != "push":
            return Refusal.PULL_CLASH
        if self.pending_local:
            return Refusal.PENDING
        if not self.pulled_since:
            return Refusal.NOT_PULLED
        return None


def _mapper(table: str) -> Mapper[Any]:
    for m in Base.registry.mappers:
        if cast(Table, m.local_table).name == table:
            return m
    raise KeyError(table)


def _from_wire(table: str, column: str, value: Any) -> Any:
    if value is None:
        return None
    kind = pg_type(Base.metadata.tables[table].c[column].type)
    if kind == "uuid":
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    if kind == "timestamptz":
        return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if kind == "boolean":
        return bool(value)
    if kind == "bigint":
        return int(value)
    if kind == "double precision":
        return float(value)
    if kind == "text":
        return str(value)
    return value


def _pulled_since(s: Session, detected_at: datetime) -> bool:
    raw = get_state(s, LAST_PULL_AT)
    if not raw:
        return False
    at = datetime.fromisoformat(str(raw))
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at > detected_at


def _subject(s: Session, c: Any) -> str:
    cols = _SUBJECT.get(c.table_name, ())
    if c.source == "pull":
        for col in (*c.fields, *cols):
            if c.central_values.get(col):
                return str(c.central_values[col])
    if c.table_name in SYNCED and cols:
        table = Base.metadata.tables[c.table_name]
        present = [table.c[col] for col in cols if col in table.c]
        if present:
            row = s.execute(select(*present).where(table.c.id == c.row_id)).first()
            if row is not None:
                return next((str(v) for v in row if v), "")
    return ""


def list_open_in(s: Session) -> list[OpenConflict]:
    rows = s.execute(select(CONFLICTS).where(CONFLICTS.c.resolved_at.is_(None))
                     .order_by(CONFLICTS.c.detected_at, CONFLICTS.c.id)).all()
    out: list[OpenConflict] = []
    for c in rows:
        pending = bool(c.table_name in SYNCED and has_pending(s, c.table_name, [c.row_id]))
        fields = tuple(ConflictField(f, (c.local_values or {}).get(f), (c.central_values or {}).get(f))
                       for f in (c.fields or []))
        central = c.central_values or {}
        reason, n_rows, code = "", 0, ""
        if c.source == REJECT:
            code = str(central.get("code", ""))
            reason = f"{central.get('reason', '')} ({central.get('code', '')})"
            n_rows = len(central.get("rows") or [])
            fields = tuple(ConflictField(f, (c.local_values or {}).get(f), None) for f in c.fields or [])
        out.append(OpenConflict(c.id, c.source, c.table_name, c.row_id, _subject(s, c), fields,
                                c.detected_at, pending, _pulled_since(s, c.detected_at),
                                reason=reason, rows=n_rows, code=code))
    return out


def resend_in(s: Session, rows: list[list[str]], now: datetime) -> int:
    """Queue each row of a refused transaction whole again, its text cleaned of
    what central cannot store (the clean itself is not an op: the whole row
    follows). Rows no longer here are skipped. Returns how many were queued."""
    queued = 0
    for table_name, row_id in rows:
        if table_name not in SYNCED:
            continue
        table = Base.metadata.tables[table_name]
        rid = uuid.UUID(str(row_id))
        row = s.execute(select(table).where(table.c.id == rid)).mappings().first()
        if row is None:
            continue
        values = {k: v for k, v in row.items() if k != "id"}
        fixed = {k: cleaned(v) for k, v in values.items() if has_unstorable(v)}
        if fixed:
            s.execute(update(table).where(table.c.id == rid).values(**fixed))
            values.update(fixed)
        record_ops(s, table_name, [(rid, "upsert", None, values)], now)
        queued += 1
    return queued


def _audit_ticket_edit(s: Session, obj: Any, fields: list[str], actor: Actor | None,
                       workstation: str, now: datetime) -> None:
    """Keeping this desk's values of a dispatched ticket changes what the department
    works from: only a role that edits tickets, and always on the record."""
    if obj.status == TicketState.ACCEPTED.value:
        return  # not dispatched yet: an ordinary edit of the desk's own ticket
    require(actor, Permission.TICKET_EDIT)
    append_in(s, workstation, now, AuditAction.TICKET_EDITED_AFTER_DISPATCH,
              user_id=actor.user_id if actor else None, subject=str(obj.number or obj.id),
              detail={"fields": ",".join(sorted(fields)), "status": str(obj.status),
                      "via": "sync_conflict_keep_mine"})


def resolve_in(s: Session, conflict_id: uuid.UUID, choice: Choice, agent: str,
               now: datetime, *, actor: Actor | None = None, workstation: str = "") -> None:
    """Record ``choice`` for one open conflict (in the caller's write transaction).
    ``actor``/``workstation``: who resolves, for the after-dispatch edit check and
    its audit record."""
    if not agent:
        raise ResolveRefused(Refusal.NO_AGENT)
    c = s.execute(select(CONFLICTS).where(CONFLICTS.c.id == conflict_id)).first()
    if c is None:
        raise ResolveRefused(Refusal.GONE)
    if c.resolved_at is not None:
        raise ResolveRefused(Refusal.RESOLVED)
    if c.source == REJECT:
        if choice is Choice.RESENT:
            resend_in(s, list((c.central_values or {}).get("rows") or []), now)
        elif choice is not Choice.DISMISSED:
            raise ResolveRefused(Refusal.REJECTED)
    elif choice is Choice.RESENT:
        raise ResolveRefused(Refusal.NOT_REJECTED)
    elif c.source != "push" and choice is not Choice.DISMISSED:
        raise ResolveRefused(Refusal.PULL_CLASH)
    if choice is Choice.MINE:
        if c.table_name not in SYNCED:
            raise ResolveRefused(Refusal.GONE)
        if has_pending(s, c.table_name, [c.row_id]):
            raise ResolveRefused(Refusal.PENDING)
        if not _pulled_since(s, c.detected_at):
            raise ResolveRefused(Refusal.NOT_PULLED)
        mapper = _mapper(c.table_name)
        obj = s.get(mapper.class_, c.row_id)
        if obj is None:
            raise ResolveRefused(Refusal.GONE)
        table = Base.metadata.tables[c.table_name]
        if c.table_name == "tickets":
            _audit_ticket_edit(s, obj, [f for f in c.fields or [] if f not in ("id", "version")],
                               actor, workstation, now)
        for f in c.fields or []:
            if f not in table.c or f in ("id", "version"):
                continue
            key = mapper.get_property_by_column(table.c[f]).key
            setattr(obj, key, _from_wire(c.table_name, f, (c.local_values or {}).get(f)))
        obj.version = (obj.version or 0) + 1
        obj.updated_at = now
        s.flush()  # captured by the outbox as this transaction's op
    s.execute(update(CONFLICTS).where(CONFLICTS.c.id == conflict_id).values(
        resolved_at=now, resolution=choice.value, resolved_by=agent))


class SyncConflicts:
    """The conflicts of one desk's store; reads and writes on the Database's threads.
    ``user``: the desk's signed-in user (``resolve`` acts only for them)."""

    def __init__(self, db: Database, now: Callable[[], datetime] = lambda: datetime.now(UTC), *,
                 user: CurrentUser, workstation: str) -> None:
        self.db = db
        self._now = now
        self.user = user
        self._ws = workstation

    def open_list(self) -> Future[list[OpenConflict]]:
        return self.db.read(list_open_in)

    def open_list_now(self) -> list[OpenConflict]:
        return self.db.read_now(list_open_in)

    def resolve(self, conflict_id: uuid.UUID, choice: Choice, agent: str) -> Future[None]:
        """``PermissionDenied`` at once unless ``agent`` is the signed-in user and may
        resolve; the after-dispatch ticket check fails the returned future."""
        actor = self.user.require_as(agent, Permission.SYNC_RESOLVE)
        now, ws = self._now(), self._ws
        return self.db.write(lambda s: resolve_in(s, conflict_id, choice, agent, now, actor=actor,
                                                  workstation=ws))
