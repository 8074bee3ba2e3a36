"""The pure rules of the handover record (domain/handover/record.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from callcenter.domain.handover.record import (
    ReportClock,
    attendance_status,
    countdown_text,
    first_confirmation,
    follow_up_reasons,
    may_sign_out,
    outage_relevant,
    reminder_due,
    ticket_group,
)

T = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
H = timedelta(hours=1)


def test_ticket_groups_of_section_one() -> None:
    assert [ticket_group(c) for c in ("inquiry", "fault_repair", "complaint", "report", "opinion")] \
        == ["inquiry", "repair", "complaint", "report", "other"]


def test_follow_up_reasons() -> None:
    kw = {"now": T, "next_shift_end": T + 8 * H, "urged": False, "supervised": False}
    assert follow_up_reasons(deadline_at=T - H, **kw) == ["overdue"]  # type: ignore[arg-type]
    assert follow_up_reasons(deadline_at=T + 2 * H, **kw) == ["due_next_shift"]  # type: ignore[arg-type]
    assert follow_up_reasons(deadline_at=T + 9 * H, **kw) == []  # type: ignore[arg-type]
    assert follow_up_reasons(deadline_at=None, now=T, next_shift_end=T + 8 * H, urged=True,
                             supervised=True) == ["supervised", "urged"]


def test_outages_of_section_four() -> None:
    kw = {"shift_start": T - 8 * H, "next_shift_end": T + 8 * H}
    assert outage_relevant(status="in_progress", start=T - H, restored=None, **kw)  # type: ignore[arg-type]
    assert outage_relevant(status="announced", start=T + 7 * H, restored=None, **kw)  # type: ignore[arg-type]
    assert not outage_relevant(status="announced", start=T + 9 * H, restored=None, **kw)  # type: ignore[arg-type]
    assert not outage_relevant(status="restored", start=T - 20 * H, restored=T - 9 * H, **kw)  # type: ignore[arg-type]
    assert outage_relevant(status="restored", start=T - 20 * H, restored=T - H, **kw)  # type: ignore[arg-type]
    assert not outage_relevant(status="cancelled", start=T, restored=None, **kw)  # type: ignore[arg-type]


def test_the_one_hour_report_counts_down_and_gives_a_verdict() -> None:
    c = ReportClock(T, H)
    assert c.verdict(T + 30 * timedelta(minutes=1)) == "pending"
    assert countdown_text(c.remaining(T + timedelta(minutes=17, seconds=55))) == "42:05"
    assert c.verdict(T + 61 * timedelta(minutes=1)) == "overdue"
    assert countdown_text(c.remaining(T + timedelta(minutes=63, seconds=10))) == "-03:10"
    assert ReportClock(T, H, T + 59 * timedelta(minutes=1)).verdict(T + 5 * H) == "in_time"
    late = ReportClock(T, H, T + 61 * timedelta(minutes=1))
    assert late.verdict(T) == "late" and countdown_text(late.remaining(T + 9 * H)) == "-01:00"


def test_attendance_reminder_and_sign_out_order() -> None:
    grace = timedelta(minutes=5)
    assert attendance_status(T, T - timedelta(minutes=12), grace) == "present"
    assert attendance_status(T, T + timedelta(minutes=6), grace) == "late"
    assert attendance_status(T, None, grace) == "absent"
    ten = timedelta(minutes=10)
    assert not reminder_due(T - 11 * timedelta(minutes=1), T, ten)
    assert reminder_due(T - 9 * timedelta(minutes=1), T, ten)
    assert may_sign_out(leaving_shift_ends=T, now=T - H, incoming_signed_in=0, early=ten)
    assert not may_sign_out(leaving_shift_ends=T, now=T - timedelta(minutes=5),
                            incoming_signed_in=0, early=ten)
    assert may_sign_out(leaving_shift_ends=T, now=T, incoming_signed_in=1, early=ten)


def test_the_first_confirmation_wins() -> None:
    assert first_confirmation([(T + H, "9003"), (T, "9002")]) == (T, "9002")
    assert first_confirmation([]) is None
