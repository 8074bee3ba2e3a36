"""Closing what a crash left open, on the next start (issue 19).

After kill -9 (or a power cut) a call's session keeps ``outcome = 'ringing'``
although its events say it was answered (the summary is written at release),
and the shift keeps no sign-out time. Both are append-only facts plus a
derived row, so the next start can finish them from the events:

* each open call of this workstation (no closing event: wrap-up done, ring
  timeout, abandoned, back-filled) gets a ``closed_by_recovery`` event and its
  summary is derived from its events again (answered calls count as answered,
  with their ring and talk times where the events have them; a call that only
  rang is missed);
* each open shift of this workstation is signed out at its last known moment
  (its last state change or call event), with a ``signed_out`` state event whose
  reason is ``closed_by_recovery``.

Run before the desk signs anyone in: every open call and shift of this
workstation then belongs to an earlier run. One local transaction, so a crash
during recovery leaves everything as it was for the next start.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from callcenter.domain.call_events import CallEvent, EventKind, summarize
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.tickets.entry import apply_summary
from callcenter.store.models import AgentShift, AgentStateEvent, CallEventRow, CallSession

RECOVERY = "closed_by_recovery"
_CLOSING = {EventKind.WRAP_UP_DONE.value, EventKind.RING_TIMEOUT.value, EventKind.ABANDONED.value,
            EventKind.BACKFILLED.value, EventKind.CLOSED_BY_RECOVERY.value}


@dataclass(frozen=True)
class Recovered:
    calls: int = 0
    shifts: int = 0


def recover_in(s: Session, profile: SiteProfile, workstation: str, now: datetime) -> Recovered:
    open_shifts = list(s.scalars(select(AgentShift).where(
        AgentShift.origin_workstation == workstation, AgentShift.signed_out_at.is_(None),
        AgentShift.deleted_at.is_(None))))
    shift_ids = [sh.id for sh in open_shifts]
    calls = list(s.scalars(select(CallSession).where(
        CallSession.origin_workstation == workstation, CallSession.deleted_at.is_(None),
        or_(CallSession.outcome == "ringing", CallSession.shift_id.in_(shift_ids)))))
    last_at: dict[object, datetime] = {}
    closed = 0
    for call in calls:
        rows = list(s.scalars(select(CallEventRow).where(CallEventRow.call_id == call.id)
                              .order_by(CallEventRow.seq)))
        if rows:
            seen = max(r.at for r in rows)
            if call.shift_id is not None:
                last_at[call.shift_id] = max(last_at.get(call.shift_id, seen), seen)
        if any(r.kind in _CLOSING for r in rows):
            continue
        last = rows[-1].at if rows else call.started_at
        s.add(CallEventRow(call_id=call.id, seq=(rows[-1].seq if rows else 0) + 1,
                           kind=RECOVERY, mono_ns=None, at=now,
                           data={"last_event_at": last.isoformat()}, updated_at=now,
                           origin_workstation=workstation))
        events = [CallEvent(EventKind(r.kind), r.mono_ns, r.at, dict(r.data or {})) for r in rows
                  if r.kind in EventKind._value2member_map_]
        events.append(CallEvent(EventKind.CLOSED_BY_RECOVERY, None, now))
        apply_summary(call, summarize(events, profile.cadence, profile.targets), now)
        closed += 1
    for sh in open_shifts:
        states = list(s.scalars(select(AgentStateEvent).where(AgentStateEvent.shift_id == sh.id)
                                .order_by(AgentStateEvent.at.desc()).limit(1)))
        end = max([sh.signed_in_at, *([states[0].at] if states else []),
                   *([last_at[sh.id]] if sh.id in last_at else [])])
        s.add(AgentStateEvent(shift_id=sh.id, state="signed_out", reason=RECOVERY,
                              mono_ns=states[0].mono_ns if states else 0, at=end,
                              updated_at=now, origin_workstation=workstation))
        sh.signed_out_at = end
        sh.updated_at = now
        sh.version += 1
    s.flush()
    return Recovered(closed, len(open_shifts))
