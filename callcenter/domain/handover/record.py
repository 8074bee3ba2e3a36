"""What the handover record holds and the rules that fill it (rules section 5; 8).

Seven sections, in the order of 004 Q53. The first four and the sixth are
compiled from the store (``COMPILED``; "other" gathers the agents' shift
summaries); weather is only the lead's text. Every section has the lead's own text beside its compiled items,
and refreshing the compiled items never touches that text.

The 1-hour report (004 Q71): an event of a reportable kind must reach the
province within ``report_within_minutes`` of when it was marked; the record
shows the countdown while it is open and the verdict once reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class Section(StrEnum):
    OPEN_TICKETS = "open_tickets"  # 1. unfinished tickets by category
    FOLLOW_UP = "follow_up"  # 2. urge, supervise, callback in the next shift; overdue
    EVENTS = "events"  # 3. major, typical, media-sensitive, emergency events
    OUTAGES = "outages"  # 4. planned, temporary and fault outages
    WEATHER = "weather"  # 5. abnormal weather (entered)
    EQUIPMENT = "equipment"  # 6. desks and equipment
    OTHER = "other"  # 7. anything else


SECTIONS = tuple(Section)
COMPILED = (Section.OPEN_TICKETS, Section.FOLLOW_UP, Section.EVENTS, Section.OUTAGES,
            Section.EQUIPMENT, Section.OTHER)  # other: the agents' summaries


class EntryKind(StrEnum):
    EVENT = "event"  # marked during the shift (agent or lead)
    EVENT_REPORTED = "event_reported"  # ref: the event; reported to the province
    SUMMARY = "summary"  # an outgoing agent's summary of the shift
    CHECK = "check"  # the incoming lead ticks an item (data: item)
    QUESTION = "question"  # the incoming lead asks about an item (data: item)
    CONFIRM = "confirm"  # the incoming lead confirms the record
    ADDENDUM = "addendum"  # a correction after confirmation
    ATTENDANCE = "attendance"  # data: agent, status, signed_in_at
    CHASE = "chase"  # data: agent; who chases the overdue tickets
    SIGN_OUT_OVERRIDE = "sign_out_override"  # a lead signed out before the incoming shift


class RecordState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    CONFIRMED = "confirmed"  # a confirm entry exists; the record is read-only


# the category groups of section 1 (004 Q53: inquiry, repair, complaint, report)
_GROUPS = {"inquiry": "inquiry", "fault_repair": "repair", "complaint": "complaint",
           "report": "report"}
GROUPS = ("inquiry", "repair", "complaint", "report", "other")


def ticket_group(category: str) -> str:
    return _GROUPS.get(category, "other")


def follow_up_reasons(*, deadline_at: datetime | None, urged: bool, supervised: bool,
                      now: datetime, next_shift_end: datetime) -> list[str]:
    """Why an open ticket needs the next shift: ``overdue``, ``due_next_shift``,
    ``supervised`` (督办), ``urged`` (催办). Empty: it can wait."""
    out = []
    if deadline_at is not None and deadline_at <= now:
        out.append("overdue")
    elif deadline_at is not None and deadline_at <= next_shift_end:
        out.append("due_next_shift")
    if supervised:
        out.append("supervised")
    if urged:
        out.append("urged")
    return out


def outage_relevant(*, status: str, start: datetime, restored: datetime | None,
                    shift_start: datetime, next_shift_end: datetime) -> bool:
    """Section 4: active now or starting before the next shift ends, and not over
    before this shift began. Cancelled outages are left out."""
    if status == "cancelled":
        return False
    if start >= next_shift_end:
        return False
    return restored is None or restored > shift_start


@dataclass(frozen=True)
class ReportClock:
    """The 1-hour report of one event (004 Q71)."""

    marked_at: datetime
    within: timedelta
    reported_at: datetime | None = None

    @property
    def due_at(self) -> datetime:
        return self.marked_at + self.within

    def remaining(self, now: datetime) -> timedelta:
        """Time left (negative: overdue); frozen at the report once reported."""
        return self.due_at - (self.reported_at or now)

    def verdict(self, now: datetime) -> str:
        """``in_time`` / ``late`` once reported; ``pending`` / ``overdue`` before."""
        if self.reported_at is not None:
            return "in_time" if self.reported_at <= self.due_at else "late"
        return "pending" if now < self.due_at else "overdue"


def countdown_text(left: timedelta) -> str:
    """``42:05`` left, or ``-03:10`` overdue (minutes:seconds)."""
    secs = int(left.total_seconds())
    sign = "-" if secs < 0 else ""
    secs = abs(secs)
    return f"{sign}{secs // 60:02d}:{secs % 60:02d}"


def attendance_status(shift_start: datetime, signed_in_at: datetime | None,
                      late_after: timedelta) -> str:
    """``present`` (signed in by the start plus the grace), ``late``, ``absent``."""
    if signed_in_at is None:
        return "absent"
    return "present" if signed_in_at <= shift_start + late_after else "late"


def reminder_due(now: datetime, shift_end: datetime, reminder: timedelta) -> bool:
    """The outgoing lead is reminded from ``reminder`` before the end of the shift."""
    return shift_end - reminder <= now < shift_end


def may_sign_out(*, leaving_shift_ends: datetime, now: datetime,
                 incoming_signed_in: int, early: timedelta) -> bool:
    """004 Q54: the outgoing shift signs out only after the incoming one signed in.
    Before the handover window (``early`` before the end) the rule does not apply."""
    if now < leaving_shift_ends - early:
        return True
    return incoming_signed_in > 0


def first_confirmation(confirms: list[tuple[datetime, str]]) -> tuple[datetime, str] | None:
    """Two leads confirming on two desks without seeing each other: the first
    (by time, then user id) is the confirmation; the other is told who and when."""
    return min(confirms) if confirms else None
