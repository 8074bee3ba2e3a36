"""Probes for the cells whose services came with handover, QA review, the
monthly report, "show full number", the user screen and the sync conflicts'
keep-mine path (the rest are in rig.py). Each probe acts as the signed-in user
through the service; its setup goes around the checks.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta

from openpyxl import load_workbook
from sqlalchemy import select, update

from callcenter.domain.audit.chain import AuditAction, parse_payload
from callcenter.domain.auth.permissions import Permission
from callcenter.domain.auth.roles import Actor, Role
from callcenter.domain.clock import FakeClock
from callcenter.domain.handover.record import RecordState
from callcenter.domain.report.period import Month
from callcenter.domain.ticket_lifecycle import TicketState
from callcenter.services.audit.log import AuditLog
from callcenter.services.auth.admin import UserAdmin
from callcenter.services.auth.directory import UserDirectory
from callcenter.services.handover.records import HandoverRecords
from callcenter.services.privacy.reveal import Reveals, audit_recorder
from callcenter.services.qa.reviews import Reviews
from callcenter.services.report.desk_reports import MonthlyReports
from callcenter.services.sync.conflicts import Choice, resolve_in
from callcenter.store.audit_models import AuditRecord
from callcenter.store.handover_models import HandoverRecord
from callcenter.store.models import CallSession, Ticket
from callcenter.store.sync_models import SyncConflict
from callcenter.sync.outbox_reader import LAST_PULL_AT, OUTBOX, set_state
from tests.fakes import signed_in
from tests.permissions.rig import Rig
from tests.qa.test_reviews_local import answers

# the password of every actor the template store holds (see test_permission_matrix)
PASSWORD = "test-pw-1"
ANSWERS = answers()  # a full-marks scoring on the profile's form (tests/qa)


def _audited(r: Rig, action: AuditAction) -> list[str | None]:
    """Who did ``action``, by the desk's audit chain."""
    payloads = r.db.read_now(lambda s: s.scalars(select(AuditRecord.payload)).all())
    return [e.user_id for e in map(parse_payload, payloads) if e.action == action.value]


def _ticket_edit(r: Rig, a: Actor) -> None:
    """Keeping this desk's values of a dispatched ticket after a push conflict: the
    conflicts service's transaction body with the signed-in user (its caller,
    SyncConflicts.resolve, needs SYNC_RESOLVE first: tests/ui/test_sync_conflicts)."""
    tid = r.ticket(TicketState.DISPATCHED)
    now = r.clock.utc_now()
    row = SyncConflict(id=uuid.uuid4(), source="push", table_name="tickets", row_id=tid, op_id=None,
                       fields=["content"], local_values={"content": "客户补充：表箱冒烟"},
                       central_values={"content": "家中停电"}, central_version=2, detected_at=now)

    def setup(s):  # type: ignore[no-untyped-def]
        s.execute(update(OUTBOX).values(pushed_at=now))  # pushed, and pulled since
        set_state(s, LAST_PULL_AT, (now + timedelta(seconds=1)).isoformat())
        s.add(row)
    r.db.write_now(setup)
    r.clock.advance(5)
    r.db.write_now(lambda s: resolve_in(s, row.id, Choice.MINE, a.user_id, r.clock.utc_now(),
                                        actor=r.user.actor, workstation="W01"))
    content = r.db.read_now(lambda s: s.get(Ticket, tid).content)  # type: ignore[union-attr]
    assert content == "客户补充：表箱冒烟"
    assert _audited(r, AuditAction.TICKET_EDITED_AFTER_DISPATCH) == [a.user_id]


def _handover_confirm(r: Rig, a: Actor) -> None:
    """The incoming lead confirms another lead's submitted record with a password."""
    now = r.clock.utc_now()
    rec = HandoverRecord(shift_key="2026-03-02/白班", shift_name="白班", shift_start=now - timedelta(hours=8),
                         shift_end=now, outgoing_lead="9099", status=RecordState.SUBMITTED.value,
                         compiled={}, texts={"weather": "晴"}, created_at=now, submitted_at=now,
                         updated_at=now, origin_workstation="W02")
    r.db.write_now(lambda s: s.add(rec))
    view = HandoverRecords(r.db, r.clock, "W01", user=r.user).confirm(str(rec.id), PASSWORD).result(5)
    assert view.state is RecordState.CONFIRMED and view.confirmed_by == a.user_id
    assert _audited(r, AuditAction.HANDOVER_CONFIRMED) == [a.user_id]


def _call(r: Rig, agent_id: str) -> uuid.UUID:
    call_id, now = uuid.uuid4(), r.clock.utc_now()
    r.db.write_now(lambda s: s.add(CallSession(id=call_id, agent_id=agent_id, caller_number="13800138001",
                                               started_at=now, outcome="answered", updated_at=now,
                                               origin_workstation="W02")))
    return call_id


def _reviewed(r: Rig, agent_id: str) -> uuid.UUID:
    """A review of one of ``agent_id``'s calls by setup's own reviewer, released."""
    reviewer = Reviews(r.db, r.profile, r.clock, "W02", signed_in("7099", Role.QA))
    return reviewer.submit(_call(r, agent_id), ANSWERS).result(5).id


def _reviews(r: Rig) -> Reviews:
    return Reviews(r.db, r.profile, r.clock, "W01", r.user)


def _qa_read(r: Rig, a: Actor) -> None:
    """Every agent's reviews: the dispute queue, and any one review."""
    rid = _reviewed(r, "1099")
    reviews = _reviews(r)
    assert reviews.disputed().result(5) == []
    assert reviews.get(rid).result(5).agent_id == "1099"


def _qa_score(r: Rig, a: Actor) -> None:
    view = _reviews(r).submit(_call(r, "1099"), ANSWERS).result(5)
    assert (view.reviewer_id, view.score) == (a.user_id, 100.0) and view.released_at is not None


def _qa_read_own(r: Rig, a: Actor) -> None:
    """An agent's own released reviews (another agent's never)."""
    own, _other = _reviewed(r, a.user_id), _reviewed(r, "1099")
    assert [v.id for v in _reviews(r).mine().result(5)] == [own]


def _unmask(r: Rig, a: Actor) -> None:
    tid = r.ticket(TicketState.DISPATCHED)
    reveals = Reveals(audit_recorder(AuditLog(r.db, r.clock, "W01")), r.clock)
    record = reveals.reveal(r.user.actor, "客户要求回拨核实", ticket_id=tid)
    assert record.user_id == a.user_id and record.ticket_id == tid
    assert _audited(r, AuditAction.UNMASK) == [a.user_id]


def _export(r: Rig, a: Actor) -> None:
    r.ticket(TicketState.DISPATCHED)
    reports = MonthlyReports(r.db, r.profile, r.clock, r.user, AuditLog(r.db, r.clock, "W01"))
    month = Month.containing(r.clock.utc_now(), r.profile.timezone)
    out = r.tmp / "月报表.xlsx"
    reports.write_xlsx(reports.build(month), out)
    assert load_workbook(out).sheetnames
    assert _audited(r, AuditAction.EXPORT) == [a.user_id]


def _users_manage(r: Rig, a: Actor) -> None:
    admin = UserAdmin(r.db, UserDirectory(r.profile, "W01", audit=False), FakeClock())
    admin.add(r.user.actor, "1026", name="赵敏", role="agent", password="new-pw-1026").result(5)
    assert "1026" in {u.user_id for u in admin.list(r.user.actor).result(5)}
    assert _audited(r, AuditAction.USER_ADDED) == [a.user_id]


MORE_PROBES: dict[Permission, Callable[[Rig, Actor], None]] = {
    Permission.TICKET_EDIT: _ticket_edit,
    Permission.HANDOVER_CONFIRM: _handover_confirm,
    Permission.QA_REVIEW_READ: _qa_read,
    Permission.QA_REVIEW_SCORE: _qa_score,
    Permission.QA_REVIEW_READ_OWN: _qa_read_own,
    Permission.UNMASK_PERSONAL_DATA: _unmask,
    Permission.EXPORT: _export,
    Permission.USERS_MANAGE: _users_manage,
}
