"""The handover record's life: draft, submit, confirm across desks, addenda.

Every write is one local transaction with its outbox rows (the record and its
entries sync through central; the outgoing and the incoming lead are on
different desks) and, for submit, confirm and addenda, an audit record. A
confirm with a wrong password is refused and audited; a confirm of a record
someone already confirmed is refused with who and when (the first confirm
entry by time wins, also when two desks confirmed without seeing each other).
Permission: ``HANDOVER_CONFIRM`` (shift leads) for the lead's work.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from callcenter.domain.audit.chain import AuditAction
from callcenter.domain.auth.permissions import Permission
from callcenter.domain.clock import Clock
from callcenter.domain.handover.record import SECTIONS, EntryKind, RecordState, first_confirmation
from callcenter.services.audit.log import append_in
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.auth.directory import find_user
from callcenter.services.auth.hashing import verify_password
from callcenter.services.handover.compile import Compiled, ShiftInfo, iso
from callcenter.services.storage.database import Database
from callcenter.store.handover_models import HandoverEntry, HandoverRecord


class HandoverRefused(Exception):
    """``code``: not_found | read_only | wrong_password | already_confirmed | own_record |
    not_submitted | empty. ``by``/``at`` name who confirmed, for already_confirmed."""

    def __init__(self, code: str, by: str = "", at: datetime | None = None) -> None:
        super().__init__(code if not by else f"{code}: {by} at {iso(at)}")
        self.code, self.by, self.at = code, by, at


@dataclass(frozen=True)
class EntryView:
    id: str
    kind: str
    author: str
    at: datetime
    text: str
    data: Mapping[str, Any]
    ref_id: str | None = None


@dataclass(frozen=True)
class RecordView:
    id: str
    shift_key: str
    shift_name: str
    shift_start: datetime
    shift_end: datetime
    outgoing_lead: str
    state: RecordState
    compiled: Mapping[str, list[dict[str, Any]]]
    texts: Mapping[str, str]
    submitted_at: datetime | None
    confirmed_by: str | None = None
    confirmed_at: datetime | None = None
    entries: tuple[EntryView, ...] = field(default=())

    def of_kind(self, kind: EntryKind) -> list[EntryView]:
        return [e for e in self.entries if e.kind == kind.value]


def _aware(t: datetime) -> datetime:
    from datetime import UTC
    return t.replace(tzinfo=UTC) if t.tzinfo is None else t


def _view(s: Session, r: HandoverRecord) -> RecordView:
    # its own entries, and the shift's early sign-outs made before any record existed
    rows = s.execute(select(HandoverEntry).where(
        or_(HandoverEntry.record_id == r.id,
            and_(HandoverEntry.shift_key == r.shift_key, HandoverEntry.record_id.is_(None),
                 HandoverEntry.kind == EntryKind.SIGN_OUT_OVERRIDE.value)),
        HandoverEntry.deleted_at.is_(None)).order_by(HandoverEntry.at, HandoverEntry.id)
    ).scalars().all()
    entries = tuple(EntryView(str(e.id), e.kind, e.author, _aware(e.at), e.text, dict(e.data),
                              str(e.ref_id) if e.ref_id else None) for e in rows)
    first = first_confirmation([(e.at, e.author) for e in entries
                                if e.kind == EntryKind.CONFIRM.value])
    state = RecordState.CONFIRMED if first else RecordState(r.status)
    return RecordView(str(r.id), r.shift_key, r.shift_name, _aware(r.shift_start),
                      _aware(r.shift_end), r.outgoing_lead, state, dict(r.compiled),
                      {k: str(v) for k, v in r.texts.items()},
                      _aware(r.submitted_at) if r.submitted_at else None,
                      first[1] if first else None, first[0] if first else None, entries)


def record_in(s: Session, record_id: str) -> RecordView:
    r = _get(s, record_id)
    return _view(s, r)


def _get(s: Session, record_id: str) -> HandoverRecord:
    try:
        rid = uuid.UUID(str(record_id))
    except ValueError as exc:
        raise HandoverRefused("not_found") from exc
    r = s.get(HandoverRecord, rid)
    if r is None or r.deleted_at is not None:
        raise HandoverRefused("not_found")
    return r


class HandoverRecords:
    """The lead's record on this desk; see the module doc."""

    def __init__(self, db: Database, clock: Clock, workstation: str, *, user: CurrentUser) -> None:
        self._db, self._clock, self._ws, self.user = db, clock, workstation, user

    # -- the outgoing lead ---------------------------------------------------------------
    def open_draft(self, info: ShiftInfo, compiled: Compiled) -> Future[RecordView]:
        """This lead's record of the shift, made as a draft with ``compiled`` if there is
        none yet. An existing draft is not rewritten: the screen shows the fresh compiled
        parts, and save and submit store them (a 5,000-ticket section is not pushed to
        central on every refresh)."""
        actor = self.user.require(Permission.HANDOVER_CONFIRM)
        return self._db.write(lambda s: self.open_draft_in(s, info, compiled, actor.user_id))

    def open_draft_in(self, s: Session, info: ShiftInfo, compiled: Compiled,
                      lead: str) -> RecordView:
        now = self._clock.utc_now()
        r = s.execute(select(HandoverRecord).where(
            HandoverRecord.shift_key == info.slot.key, HandoverRecord.outgoing_lead == lead,
            HandoverRecord.deleted_at.is_(None))).scalars().first()
        if r is None:
            r = HandoverRecord(shift_key=info.slot.key, shift_name=info.slot.shift.name,
                               shift_start=info.slot.start, shift_end=info.slot.end,
                               outgoing_lead=lead, status=RecordState.DRAFT.value,
                               compiled=compiled.sections, texts={}, created_at=now,
                               updated_at=now, origin_workstation=self._ws)
            s.add(r)
            s.flush()
        return _view(s, r)

    def save_texts(self, record_id: str, texts: Mapping[str, str],
                   compiled: Compiled | None = None) -> Future[RecordView]:
        self.user.require(Permission.HANDOVER_CONFIRM)
        return self._db.write(lambda s: self._save_in(s, record_id, texts, compiled, submit=False))

    def submit(self, record_id: str, texts: Mapping[str, str],
               compiled: Compiled | None = None) -> Future[RecordView]:
        """The draft becomes the record the incoming lead reads (audited), with the
        compiled parts as the lead last saw them."""
        self.user.require(Permission.HANDOVER_CONFIRM)
        return self._db.write(lambda s: self._save_in(s, record_id, texts, compiled, submit=True))

    def _save_in(self, s: Session, record_id: str, texts: Mapping[str, str],
                 compiled: Compiled | None, *, submit: bool) -> RecordView:
        r = _get(s, record_id)
        if r.status != RecordState.DRAFT.value or r.origin_workstation != self._ws:
            raise HandoverRefused("read_only")
        now = self._clock.utc_now()
        r.texts = {k: str(v) for k, v in texts.items() if k in SECTIONS and str(v).strip()}
        if compiled is not None and compiled.sections != r.compiled:
            r.compiled = compiled.sections
        r.updated_at = now
        if submit:
            r.status = RecordState.SUBMITTED.value
            r.submitted_at = now
            append_in(s, self._ws, now, AuditAction.HANDOVER_SUBMITTED,
                      user_id=self.user.user_id, subject=str(r.id), detail={"shift": r.shift_key})
        s.flush()
        return _view(s, r)

    # -- the incoming lead ---------------------------------------------------------------
    def confirm(self, record_id: str, password: str) -> Future[RecordView]:
        """Confirm with the lead's password, re-checked against the users table."""
        actor = self.user.require(Permission.HANDOVER_CONFIRM)

        def run(s: Session) -> RecordView | HandoverRefused:
            view = record_in(s, record_id)
            now = self._clock.utc_now()
            refused: HandoverRefused | None = None
            if view.state is RecordState.CONFIRMED:
                refused = HandoverRefused("already_confirmed", view.confirmed_by or "",
                                          view.confirmed_at)
            elif view.state is not RecordState.SUBMITTED:
                refused = HandoverRefused("not_submitted")
            elif view.outgoing_lead == actor.user_id:
                refused = HandoverRefused("own_record")
            else:
                u = find_user(s, actor.user_id)
                if u is None or u.disabled or not verify_password(u.password_hash, password):
                    refused = HandoverRefused("wrong_password")
            if refused is not None:  # audited, and committed: the refusal is the record
                append_in(s, self._ws, now, AuditAction.HANDOVER_CONFIRM_REFUSED,
                          user_id=actor.user_id, subject=record_id, detail={"reason": refused.code})
                return refused
            self._add(s, view, EntryKind.CONFIRM, actor.user_id, now)
            append_in(s, self._ws, now, AuditAction.HANDOVER_CONFIRMED, user_id=actor.user_id,
                      subject=record_id, detail={"shift": view.shift_key})
            return record_in(s, record_id)

        out: Future[RecordView] = Future()

        def done(f: Future[RecordView | HandoverRefused]) -> None:
            exc = f.exception()
            if exc is not None:
                out.set_exception(exc)
                return
            res = f.result()
            if isinstance(res, HandoverRefused):
                out.set_exception(res)
            else:
                out.set_result(res)

        self._db.write(run).add_done_callback(done)
        return out

    def add_entry(self, record_id: str, kind: EntryKind, text: str = "",
                  data: Mapping[str, Any] | None = None) -> Future[RecordView]:
        """Checks, questions, attendance, the chase assignment and addenda (these
        last only on a confirmed record, audited)."""
        actor = self.user.require(Permission.HANDOVER_CONFIRM)

        def run(s: Session) -> RecordView:
            view = record_in(s, record_id)
            now = self._clock.utc_now()
            if kind is EntryKind.ADDENDUM:
                if not text.strip():
                    raise HandoverRefused("empty")
                append_in(s, self._ws, now, AuditAction.HANDOVER_ADDENDUM, user_id=actor.user_id,
                          subject=record_id, detail={"text": text[:200]})
            elif view.state is RecordState.CONFIRMED and kind in (EntryKind.CHECK,
                                                                  EntryKind.QUESTION):
                raise HandoverRefused("read_only")
            self._add(s, view, kind, actor.user_id, now, text, data)
            return record_in(s, record_id)

        return self._db.write(run)

    def _add(self, s: Session, view: RecordView, kind: EntryKind, author: str, now: datetime,
             text: str = "", data: Mapping[str, Any] | None = None) -> None:
        s.add(HandoverEntry(shift_key=view.shift_key, record_id=uuid.UUID(view.id), kind=kind.value,
                            author=author, at=now, ref_id=None, text=text, data=dict(data or {}),
                            updated_at=now, origin_workstation=self._ws))
        s.flush()

    def get(self, record_id: str) -> Future[RecordView]:
        return self._db.read(lambda s: record_in(s, record_id))


@dataclass(frozen=True)
class RecordRow:
    """One line of the history list."""

    id: str
    shift_key: str
    shift_name: str
    shift_start: datetime
    outgoing_lead: str
    state: RecordState
    submitted_at: datetime | None
    confirmed_by: str | None


HISTORY_LIMIT = 500


def search_in(s: Session, *, start: datetime | None = None, end: datetime | None = None,
              shift_name: str = "", lead: str = "", submitted_only: bool = False,
              limit: int = HISTORY_LIMIT) -> list[RecordRow]:
    """Records by the start of their shift in [start, end), shift name and lead (outgoing or
    the one who confirmed), newest first."""
    q = select(HandoverRecord).where(HandoverRecord.deleted_at.is_(None))
    if start is not None:
        q = q.where(HandoverRecord.shift_start >= start)
    if end is not None:
        q = q.where(HandoverRecord.shift_start < end)
    if shift_name:
        q = q.where(HandoverRecord.shift_name == shift_name)
    if submitted_only:
        q = q.where(HandoverRecord.status == RecordState.SUBMITTED.value)
    recs = s.execute(q.order_by(HandoverRecord.shift_start.desc()).limit(limit * 2)).scalars().all()
    confirms: dict[uuid.UUID, tuple[datetime, str]] = {}
    if recs:
        for rid, at, who in s.execute(select(HandoverEntry.record_id, HandoverEntry.at,
                                             HandoverEntry.author).where(
                HandoverEntry.kind == EntryKind.CONFIRM.value,
                HandoverEntry.record_id.in_([r.id for r in recs]))):
            if rid is not None and (rid not in confirms or (at, who) < confirms[rid]):
                confirms[rid] = (at, who)
    out = []
    for r in recs:
        c = confirms.get(r.id)
        if lead and lead not in (r.outgoing_lead, c[1] if c else None):
            continue
        state = RecordState.CONFIRMED if c else RecordState(r.status)
        out.append(RecordRow(str(r.id), r.shift_key, r.shift_name, _aware(r.shift_start),
                             r.outgoing_lead, state,
                             _aware(r.submitted_at) if r.submitted_at else None,
                             c[1] if c else None))
    return out[:limit]


def search(db: Database, **kw: Any) -> Future[list[RecordRow]]:
    return db.read(lambda s: search_in(s, **kw))
