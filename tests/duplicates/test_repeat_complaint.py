"""Rule 004 Q68 on a real SQLite file: a repeat complaint is answered from the
earlier reply when resolved, else its progress is shown and the shift lead alerted."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from callcenter.domain.auth.permissions import PermissionDenied
from callcenter.domain.ticket import TicketDraft
from callcenter.domain.ticket_lifecycle import Actor, Role, TicketAction, TicketState, TransitionRefused
from callcenter.services.alerts.inbox import REPEAT_COMPLAINT
from callcenter.services.tickets.duplicates import DuplicateQuery
from callcenter.store.alert_models import Alert
from callcenter.store.models import TicketEvent

from .conftest import AGENT, LEAD, MARKETING, PHONE, Dup


def complaint_query(**kw: str) -> DuplicateQuery:
    return DuplicateQuery.from_draft(TicketDraft(category="complaint", caller_phone=PHONE, **kw))


def test_resolved_repeat_complaint_gives_the_reply_to_read_out_and_no_alert(dup: Dup) -> None:
    tid = dup.save("complaint", dispatch="marketing")
    dup.act(tid, TicketAction.ACCEPT, MARKETING)
    dup.act(tid, TicketAction.REPLY, MARKETING, reply={"result": "已向客户致歉并重新抄表"})
    dup.clock.advance(86400)

    check = dup.duplicates.check(complaint_query(), agent_id="1024").result(timeout=5)
    r = check.repeat
    assert r is not None and r.earlier.id == tid
    assert r.resolved and r.earlier.state is TicketState.REPLIED
    assert r.reply_text == "已向客户致歉并重新抄表"
    assert r.alert is None
    assert dup.lead.open_for("shift_lead").result(timeout=5) == []


def test_unresolved_repeat_complaint_shows_progress_and_alerts_the_lead_once(dup: Dup) -> None:
    tid = dup.save("complaint", dispatch="marketing")
    dup.act(tid, TicketAction.URGE, AGENT, note="客户催问进度")
    dup.clock.advance(3600)

    check = dup.duplicates.check(complaint_query(), agent_id="1024").result(timeout=5)
    r = check.repeat
    assert r is not None and not r.resolved and r.reply_text == ""
    assert r.earlier.department == "marketing" and r.earlier.deadline_at is not None
    assert [e.kind for e in r.events] == ["urge", "dispatched", "saved"]
    assert r.events[0].note == "客户催问进度"
    assert r.alert is not None and r.alert.kind == REPEAT_COMPLAINT
    assert r.alert.ticket_number == r.earlier.number and r.alert.created_by == "1024"

    # the same earlier ticket reported again while the alert is open: still one alert
    dup.duplicates.user.set(Actor("1025", Role.AGENT))  # the next agent at this desk
    again = dup.duplicates.check(complaint_query(), agent_id="1025").result(timeout=5)
    assert again.repeat is not None and again.repeat.alert is not None
    assert again.repeat.alert.id == r.alert.id
    open_ = dup.lead.open_for("shift_lead").result(timeout=5)
    assert [a.id for a in open_] == [r.alert.id]
    assert dup.lead.open_for("qa").result(timeout=5) == []


def test_an_earlier_ticket_already_reported_in_this_call_is_not_alerted_again(dup: Dup) -> None:
    tid = dup.save("complaint", dispatch="marketing")
    check = dup.duplicates.check(complaint_query(), agent_id="1024",
                                 reported=frozenset({tid})).result(timeout=5)
    assert check.repeat is not None and check.repeat.alert is None
    assert dup.lead.open_for("shift_lead").result(timeout=5) == []


def test_lead_acknowledges_and_a_later_repeat_alerts_again(dup: Dup) -> None:
    seen: list[object] = []
    dup.alerts.add_listener(seen.append)
    dup.save("complaint", dispatch="marketing")
    first = dup.duplicates.check(complaint_query(), agent_id="1024").result(timeout=5)
    alert = first.repeat.alert  # type: ignore[union-attr]
    assert alert is not None and seen == [alert]
    dup.clock.advance(60)
    acked = dup.lead.acknowledge(alert.id, "9001").result(timeout=5)
    assert acked.acknowledged_by == "9001" and acked.acknowledged_at == dup.clock.utc_now()
    dup.clock.advance(60)
    dup.lead.user.set(Actor("9002", Role.SHIFT_LEAD))  # the next lead at this desk
    twice = dup.lead.acknowledge(alert.id, "9002").result(timeout=5)
    assert twice.acknowledged_by == "9001"  # the first acknowledgement is the record
    assert dup.lead.open_for("shift_lead").result(timeout=5) == []

    later = dup.duplicates.check(complaint_query(), agent_id="1024").result(timeout=5)
    assert later.repeat is not None and later.repeat.alert is not None
    assert later.repeat.alert.id != alert.id
    rows = dup.db.read_now(lambda s: s.scalars(select(Alert).order_by(Alert.created_at)).all())
    assert len(rows) == 2 and rows[0].version == 2 and rows[0].origin_workstation == "W01"


def test_urge_records_the_call_on_the_existing_ticket(dup: Dup) -> None:
    import uuid

    tid = dup.save("fault_repair", dispatch="repair")
    call_id = uuid.uuid4()
    snap = dup.duplicates.urge(tid, agent_id="1024", note="客户再次来电", call_id=call_id,
                               caller=PHONE).result(timeout=5)
    assert snap.urge_count == 1 and snap.state is TicketState.DISPATCHED
    ev = dup.db.read_now(lambda s: s.scalars(select(TicketEvent).where(
        TicketEvent.ticket_id == tid, TicketEvent.kind == "urge")).one())
    assert ev.actor == "1024" and ev.data["note"] == "客户再次来电"
    assert ev.data["call_id"] == str(call_id) and ev.data["caller"] == PHONE
    assert ev.data["role"] == "agent"


def test_urge_on_a_closed_ticket_or_by_a_department_user_is_refused(dup: Dup) -> None:
    tid = dup.save("inquiry")
    dup.act(tid, TicketAction.CLOSE_ON_CALL, LEAD)
    with pytest.raises(TransitionRefused) as exc:
        dup.duplicates.urge(tid, agent_id="1024", note="").result(timeout=5)
    assert exc.value.reason == "wrong_state"
    open_ = dup.save("inquiry")
    dup.duplicates.user.set(Actor("8001", Role.DEPARTMENT, "repair"))
    with pytest.raises(PermissionDenied) as denied:
        dup.duplicates.urge(open_, agent_id="8001", note="")
    assert denied.value.reason == "role"
