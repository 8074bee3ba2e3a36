"""The compiled sections of a shift's handover record, from the local store.

One read session, one query per section, no ORM objects (a shift with 5,000
open tickets compiles in well under the 300 ms goal; ``callcenter bench
handover-compile``). The rules of what goes where are domain/handover/record.py;
this module only reads the rows. Items are plain dicts with an ``id``, in the
shape ``callcenter handover compile --json`` prints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from callcenter.domain.handover.record import (
    EntryKind,
    ReportClock,
    Section,
    follow_up_reasons,
    outage_relevant,
    ticket_group,
)
from callcenter.domain.handover.shifts import ShiftSlot, next_slot, slot_at
from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.ticket_lifecycle import OPEN
from callcenter.store.alert_models import Alert
from callcenter.store.callback_models import PENDING, CallbackTask
from callcenter.store.handover_models import HandoverEntry
from callcenter.store.models import Ticket
from callcenter.store.outage_models import Outage
from callcenter.store.sync_models import SyncOutbox

OPEN_STATES = tuple(sorted(s.value for s in OPEN))
OFFLINE_AFTER = timedelta(minutes=5)  # an op that waited longer to reach central: offline
PHONE_OFFLINE = "phone_offline"  # the alert a desk raises for its own phone (ui/calls)


class NoShifts(LookupError):
    """The site profile defines no ``[[shifts]]``."""


def iso(t: datetime | None) -> str | None:
    return t.astimezone(UTC).isoformat() if t else None


@dataclass(frozen=True)
class ShiftInfo:
    slot: ShiftSlot
    incoming: ShiftSlot

    def as_json(self) -> dict[str, Any]:
        def one(s: ShiftSlot) -> dict[str, Any]:
            return {"key": s.key, "name": s.shift.name, "team": s.shift.team,
                    "start": iso(s.start), "end": iso(s.end)}
        return {**one(self.slot), "next": one(self.incoming)}


@dataclass(frozen=True)
class Compiled:
    shift: ShiftInfo
    at: datetime
    sections: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"shift": self.shift.as_json(), "at": iso(self.at), "sections": self.sections}


def shift_info(profile: SiteProfile, at: datetime,
               is_working_day: Callable[[date], bool]) -> ShiftInfo:
    if not profile.shifts:
        raise NoShifts("the site profile has no [[shifts]]")
    tz = ZoneInfo(profile.timezone)
    slot = slot_at(profile.shifts, at, tz, is_working_day)
    return ShiftInfo(slot, next_slot(profile.shifts, slot, tz, is_working_day))


def _aware(t: datetime | None) -> datetime | None:
    return t.replace(tzinfo=UTC) if t is not None and t.tzinfo is None else t


# Section 1 reads every open ticket: raw rows in their stored form, UUIDs as 32 hex
# digits and UTC times as ``YYYY-MM-DD HH:MM:SS.ffffff`` turned into text by string
# slicing (5,000 of them through the ORM's type processing cost ~0.3 s here; see
# bench handover-compile)
_OPEN_SQL = (
    "SELECT id, number, category, status, department, deadline_at, created_at"
    " FROM tickets WHERE status IN ({}) AND deleted_at IS NULL ORDER BY created_at"
).format(", ".join(f"'{v}'" for v in OPEN_STATES))
# 催办 and 督办 marks, one scan of the events (cheaper than a probe per open ticket)
_MARKS_SQL = ("SELECT ticket_id, group_concat(DISTINCT kind) FROM ticket_events"
              " WHERE kind IN ('urge', 'supervise') AND deleted_at IS NULL GROUP BY ticket_id")


def open_tickets(s: Session) -> list[dict[str, Any]]:
    # the DB-API cursor of the session's own connection (same transaction): plain tuples,
    # without a Row object per ticket
    cur = s.connection().connection.cursor()
    try:
        marks: dict[str, str] = dict(cur.execute(_MARKS_SQL).fetchall())
        rows = cur.execute(_OPEN_SQL).fetchall()
    finally:
        cur.close()
    groups: dict[str, str] = {}
    out = []
    for r in rows:
        h, dl, cr = r[0], r[5], r[6]
        g = groups.get(r[2])
        if g is None:
            g = groups[r[2]] = ticket_group(r[2])
        out.append({
            "id": f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}" if len(h) == 32 else h,
            "number": r[1], "group": g, "category": r[2], "status": r[3], "department": r[4],
            "deadline_at": dl.replace(" ", "T") + "+00:00" if dl else None,
            "created_at": cr.replace(" ", "T") + "+00:00" if cr else None,
            "marks": marks.get(h) or ""})
    return out


def follow_up(s: Session, tickets: list[dict[str, Any]], info: ShiftInfo,
              at: datetime) -> list[dict[str, Any]]:
    end = info.incoming.end
    out: list[dict[str, Any]] = []
    for t in tickets:
        m = t.pop("marks")
        deadline = datetime.fromisoformat(t["deadline_at"]) if t["deadline_at"] else None
        if deadline is None and not m:
            continue
        reasons = follow_up_reasons(deadline_at=deadline, urged="urge" in m,
                                    supervised="supervise" in m, now=at, next_shift_end=end)
        if reasons:
            out.append({"id": t["id"], "number": t["number"], "kind": "ticket",
                        "reasons": reasons, "status": t["status"], "deadline_at": t["deadline_at"]})
    for r in s.execute(
            select(CallbackTask.id, CallbackTask.ticket_id, CallbackTask.due_at,
                   CallbackTask.next_try_at, CallbackTask.assigned_to, Ticket.number)
            .join(Ticket, Ticket.id == CallbackTask.ticket_id)
            .where(CallbackTask.outcome == PENDING, CallbackTask.deleted_at.is_(None),
                   func.coalesce(CallbackTask.next_try_at, CallbackTask.due_at) <= end)):
        due = _aware(r.next_try_at or r.due_at)
        out.append({"id": str(r.id), "ticket_id": str(r.ticket_id), "number": r.number,
                    "kind": "callback", "reasons": ["overdue" if due and due <= at else "callback"],
                    "due_at": iso(due), "assigned_to": r.assigned_to})
    return out


def events(s: Session, info: ShiftInfo, at: datetime, within: timedelta) -> list[dict[str, Any]]:
    rows = s.execute(select(HandoverEntry).where(
        HandoverEntry.shift_key == info.slot.key,
        HandoverEntry.kind.in_((EntryKind.EVENT.value, EntryKind.EVENT_REPORTED.value)),
        HandoverEntry.deleted_at.is_(None)).order_by(HandoverEntry.at)).scalars().all()
    reports = {r.ref_id: r for r in rows if r.kind == EntryKind.EVENT_REPORTED.value}
    out = []
    for e in rows:
        if e.kind != EntryKind.EVENT.value:
            continue
        item: dict[str, Any] = {"id": str(e.id), "class": e.data.get("class", ""),
                                "report_kind": e.data.get("report_kind"), "text": e.text,
                                "marked_by": e.author, "marked_at": iso(e.at)}
        if e.data.get("report_kind"):
            rep = reports.get(e.id)
            clock = ReportClock(e.at, within, rep.at if rep else None)
            item.update(report_due_at=iso(clock.due_at), reported_by=rep.author if rep else None,
                        reported_at=iso(rep.at) if rep else None, report=clock.verdict(at),
                        remaining_s=int(clock.remaining(at).total_seconds()))
        out.append(item)
    return out


def outages(s: Session, info: ShiftInfo) -> list[dict[str, Any]]:
    rows = s.execute(
        select(Outage.id, Outage.source_id, Outage.kind, Outage.status, Outage.start_at,
               Outage.expected_restore_at, Outage.actual_restore_at, Outage.area, Outage.cause)
        .where(Outage.deleted_at.is_(None), Outage.start_at < info.incoming.end,
               (Outage.actual_restore_at.is_(None)) | (Outage.actual_restore_at > info.slot.start),
               Outage.status != "cancelled")
        .order_by(Outage.start_at)).all()
    out = []
    for r in rows:
        restored = _aware(r.actual_restore_at) or (
            _aware(r.expected_restore_at) if r.status == "restored" else None)
        if not outage_relevant(status=r.status, start=_aware(r.start_at) or info.slot.start,
                               restored=restored, shift_start=info.slot.start,
                               next_shift_end=info.incoming.end):
            continue
        out.append({"id": str(r.id), "source_id": r.source_id, "kind": r.kind, "status": r.status,
                    "start": iso(r.start_at), "expected_restore": iso(r.expected_restore_at),
                    "actual_restore": iso(r.actual_restore_at), "area": r.area, "cause": r.cause})
    return out


def equipment(s: Session, info: ShiftInfo, at: datetime) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    pending, oldest = s.execute(select(func.count(), func.min(SyncOutbox.at))
                                .where(SyncOutbox.pushed_at.is_(None))).one()
    out.append({"id": "sync_queue", "kind": "sync_queue", "pending": int(pending),
                "oldest": iso(_aware(oldest))})
    # ops of the shift that waited long to reach central: the desk ran offline
    late = [t for t, pushed in s.execute(
        select(SyncOutbox.at, SyncOutbox.pushed_at)
        .where(SyncOutbox.at >= info.slot.start, SyncOutbox.at < info.slot.end))
        if (_aware(pushed) or at) - (_aware(t) or at) > OFFLINE_AFTER]
    if late:
        out.append({"id": "offline", "kind": "offline", "from": iso(_aware(min(late))),
                    "to": iso(_aware(max(late))), "ops": len(late)})
    for r in s.execute(select(Ticket.id, Ticket.number, Ticket.created_by, Ticket.call_time)
                       .where(Ticket.backfilled.is_(True), Ticket.created_at >= info.slot.start,
                              Ticket.created_at < info.slot.end, Ticket.deleted_at.is_(None))):
        out.append({"id": str(r.id), "kind": "backfilled", "number": r.number,
                    "agent": r.created_by, "call_time": iso(r.call_time)})
    for a in s.execute(select(Alert.id, Alert.message, Alert.created_at)
                       .where(Alert.kind == PHONE_OFFLINE, Alert.created_at >= info.slot.start,
                              Alert.created_at < info.slot.end, Alert.deleted_at.is_(None))):
        out.append({"id": str(a.id), "kind": "telephony_fault", "message": a.message,
                    "at": iso(a.created_at)})
    return out


def summaries(s: Session, info: ShiftInfo) -> list[dict[str, Any]]:
    """The outgoing agents' summaries of the shift (they land in section 7)."""
    rows = s.execute(select(HandoverEntry.id, HandoverEntry.author, HandoverEntry.at,
                            HandoverEntry.text)
                     .where(HandoverEntry.shift_key == info.slot.key,
                            HandoverEntry.kind == EntryKind.SUMMARY.value,
                            HandoverEntry.deleted_at.is_(None)).order_by(HandoverEntry.at))
    return [{"id": str(r.id), "kind": "summary", "agent": r.author, "at": iso(r.at),
             "text": r.text} for r in rows]


def compile_in(s: Session, profile: SiteProfile, info: ShiftInfo, at: datetime) -> Compiled:
    """Every compiled section of ``info``'s shift as of ``at`` (aware, UTC)."""
    within = timedelta(minutes=profile.handover.report_within_minutes)
    tickets = open_tickets(s)
    sections: dict[str, list[dict[str, Any]]] = {
        Section.OPEN_TICKETS.value: tickets,
        Section.FOLLOW_UP.value: follow_up(s, tickets, info, at),
        Section.EVENTS.value: events(s, info, at, within),
        Section.OUTAGES.value: outages(s, info),
        Section.WEATHER.value: [],  # entered by the lead: no compiled items
        Section.EQUIPMENT.value: equipment(s, info, at),
        Section.OTHER.value: summaries(s, info),
    }
    return Compiled(info, at, sections)
