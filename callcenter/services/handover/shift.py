"""What agents and leads do during a shift for its handover, and what the desk
knows about who is on it.

* Mark an event (section 3) and record its 1-hour report (004 Q71);
* write the agent's summary of the shift (it lands in the lead's draft);
* attendance of the incoming shift from the synced audit log's sign-in records
  (no presence table of its own);
* the sign-out order (004 Q54): nobody of the outgoing shift signs out in the
  handover window while nobody of the incoming shift has signed in; a lead may
  override with a reason, which goes into the shift's entries and the audit log;
* the overdue-ticket chase assigned to an agent, as the agent's desk lists it.

Marking events and summaries needs ``ALERT_RAISE`` (any agent reports to the
lead); the rest is the lead's (``HANDOVER_CONFIRM``).
"""

from __future__ import annotations

import uuid
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from callcenter.domain.audit.chain import AuditAction, parse_payload
from callcenter.domain.auth.permissions import Permission
from callcenter.domain.clock import Clock
from callcenter.domain.handover.record import (
    EntryKind,
    attendance_status,
    may_sign_out,
)
from callcenter.domain.handover.settings import EVENT_CLASSES, HandoverSettings
from callcenter.services.audit.log import append_in
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.handover.compile import ShiftInfo
from callcenter.services.storage.database import Database
from callcenter.store.audit_models import AuditRecord
from callcenter.store.auth_models import User
from callcenter.store.handover_models import HandoverEntry, HandoverRecord


class MarkRefused(ValueError):
    """``code``: bad_class | bad_report_kind | empty | not_found."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Attendee:
    user_id: str
    name: str
    signed_in_at: datetime | None
    status: str  # present | late | absent (the suggestion; the lead decides)


@dataclass(frozen=True)
class SignOutCheck:
    allowed: bool
    incoming: str  # the incoming shift's name
    incoming_signed_in: int


def _aware(t: datetime) -> datetime:
    return t.replace(tzinfo=UTC) if t.tzinfo is None else t


def sign_ins_in(s: Session, start: datetime, end: datetime) -> dict[str, datetime]:
    """user id -> first sign-in in [start, end), from every desk's audit records."""
    out: dict[str, datetime] = {}
    rows = s.execute(select(AuditRecord.payload).where(
        AuditRecord.updated_at >= start, AuditRecord.updated_at < end,
        AuditRecord.payload.contains(f'"{AuditAction.SIGN_IN.value}"')))
    for (payload,) in rows:
        try:
            e = parse_payload(payload)
        except ValueError:
            continue  # a tampered record is the audit check's business, not attendance's
        if e.action == AuditAction.SIGN_IN.value and e.user_id:
            at = _aware(e.at)
            if start <= at < end and (e.user_id not in out or at < out[e.user_id]):
                out[e.user_id] = at
    return out


class ShiftHandover:
    def __init__(self, db: Database, clock: Clock, workstation: str, settings: HandoverSettings,
                 *, user: CurrentUser) -> None:
        self._db, self._clock, self._ws, self.settings, self.user = (
            db, clock, workstation, settings, user)

    def _entry(self, s: Session, shift_key: str, kind: EntryKind, author: str, *, text: str = "",
               data: dict[str, Any] | None = None, ref: uuid.UUID | None = None,
               record_id: uuid.UUID | None = None) -> HandoverEntry:
        now = self._clock.utc_now()
        e = HandoverEntry(shift_key=shift_key, record_id=record_id, kind=kind.value, author=author,
                          at=now, ref_id=ref, text=text, data=data or {}, updated_at=now,
                          origin_workstation=self._ws)
        s.add(e)
        s.flush()
        return e

    # -- during the shift ------------------------------------------------------------
    def mark_event(self, info: ShiftInfo, event_class: str, text: str,
                   report_kind: str | None = None) -> Future[str]:
        """Section 3: an event of this shift; a ``report_kind`` of the profile's Q71
        list starts the 1-hour countdown from now. Returns the event's id."""
        actor = self.user.require(Permission.ALERT_RAISE)
        if event_class not in EVENT_CLASSES:
            raise MarkRefused("bad_class")
        if report_kind and self.settings.report_kind(report_kind) is None:
            raise MarkRefused("bad_report_kind")
        if not text.strip():
            raise MarkRefused("empty")
        data = {"class": event_class, "report_kind": report_kind or None}
        return self._db.write(lambda s: str(self._entry(s, info.slot.key, EntryKind.EVENT,
                                                        actor.user_id, text=text.strip(),
                                                        data=data).id))

    def report_event(self, event_id: str, note: str = "") -> Future[str]:
        """The event was reported to the province now, by the signed-in user."""
        actor = self.user.require(Permission.ALERT_RAISE)

        def run(s: Session) -> str:
            ev = s.get(HandoverEntry, uuid.UUID(event_id))
            if ev is None or ev.kind != EntryKind.EVENT.value:
                raise MarkRefused("not_found")
            return str(self._entry(s, ev.shift_key, EntryKind.EVENT_REPORTED, actor.user_id,
                                   text=note, ref=ev.id).id)

        return self._db.write(run)

    def write_summary(self, info: ShiftInfo, text: str) -> Future[str]:
        actor = self.user.require(Permission.ALERT_RAISE)
        if not text.strip():
            raise MarkRefused("empty")
        return self._db.write(lambda s: str(self._entry(s, info.slot.key, EntryKind.SUMMARY,
                                                        actor.user_id, text=text.strip()).id))

    # -- attendance and the sign-out order ----------------------------------------------
    def attendance(self, info: ShiftInfo) -> Future[list[Attendee]]:
        """The incoming shift's agents (users of its team) and anyone else who signed
        in for it, with their first sign-in from ``arrive_early_minutes`` before its start."""
        self.user.require(Permission.HANDOVER_CONFIRM)
        inc = info.incoming
        early = timedelta(minutes=self.settings.arrive_early_minutes)
        late = timedelta(minutes=self.settings.late_after_minutes)

        def run(s: Session) -> list[Attendee]:
            seen = sign_ins_in(s, inc.start - early, inc.end)
            names = {u.user_id: (u.name, u.team, u.role) for u in s.execute(
                select(User).where(User.deleted_at.is_(None))).scalars()}
            team = [uid for uid, (_n, t, role) in names.items()
                    if inc.shift.team and t == inc.shift.team and role == "agent"]
            ids = sorted(set(team) | {u for u in seen if names.get(u, ("", "", "agent"))[2] == "agent"})
            return [Attendee(uid, names.get(uid, ("", None, ""))[0], seen.get(uid),
                             attendance_status(inc.start, seen.get(uid), late)) for uid in ids]

        return self._db.read(run)

    def sign_out_check(self, info: ShiftInfo) -> Future[SignOutCheck]:
        """May someone of the outgoing shift sign out now (004 Q54)?"""
        now = self._clock.utc_now()
        early = timedelta(minutes=self.settings.arrive_early_minutes)

        def run(s: Session) -> SignOutCheck:
            n = len(sign_ins_in(s, info.incoming.start - early, now + timedelta(seconds=1)))
            ok = may_sign_out(leaving_shift_ends=info.slot.end, now=now, incoming_signed_in=n,
                              early=early)
            return SignOutCheck(ok, info.incoming.shift.name, n)

        return self._db.read(run)

    def override_sign_out(self, info: ShiftInfo, reason: str) -> Future[str]:
        """A lead leaves before the incoming shift signed in; the reason goes into the
        shift's entries (the record shows it) and the audit log."""
        actor = self.user.require(Permission.HANDOVER_CONFIRM)
        if not reason.strip():
            raise MarkRefused("empty")

        def run(s: Session) -> str:
            rec = s.execute(select(HandoverRecord.id).where(
                HandoverRecord.shift_key == info.slot.key,
                HandoverRecord.deleted_at.is_(None))).scalars().first()
            e = self._entry(s, info.slot.key, EntryKind.SIGN_OUT_OVERRIDE, actor.user_id,
                            text=reason.strip(), record_id=rec)
            append_in(s, self._ws, self._clock.utc_now(), AuditAction.SIGN_OUT_OVERRIDE,
                      user_id=actor.user_id, subject=info.slot.key, detail={"reason": reason[:200]})
            return str(e.id)

        return self._db.write(run)

    # -- the chase --------------------------------------------------------------------------
    def chase_for(self, agent_id: str) -> Future[list[dict[str, Any]]]:
        """The overdue tickets the newest chase assignment gave ``agent_id`` (from the
        confirmed record's follow-up section)."""

        def run(s: Session) -> list[dict[str, Any]]:
            rows = s.execute(select(HandoverEntry).where(
                HandoverEntry.kind == EntryKind.CHASE.value, HandoverEntry.deleted_at.is_(None))
                .order_by(HandoverEntry.at.desc())).scalars().all()
            mine = next((e for e in rows if e.data.get("agent") == agent_id), None)
            if mine is None or mine.record_id is None:
                return []
            newest = rows[0]
            if newest.record_id == mine.record_id and newest.data.get("agent") != agent_id:
                return []  # the chase of that record was given to someone else since
            rec = s.get(HandoverRecord, mine.record_id)
            if rec is None:
                return []
            return [i for i in rec.compiled.get("follow_up", []) if "overdue" in i.get("reasons", ())]

        return self._db.read(run)
