"""Who sees full numbers where (one table), and the audited reveal."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from callcenter.domain.auth.permissions import Permission, PermissionDenied
from callcenter.domain.auth.roles import Actor
from callcenter.domain.clock import FakeClock
from callcenter.domain.ticket_lifecycle import Role
from callcenter.services.privacy.policy import (
    NOBODY,
    NumberPolicy,
    Surface,
    export_match,
    policy_for,
    sees_full,
)
from callcenter.services.privacy.reveal import RevealRecord, RevealRefused, Reveals

PHONE = "13812341234"
QA = Actor("7001", Role.QA)
FULL = {
    Role.AGENT: {Surface.CALL, Surface.TICKETS, Surface.CALLBACKS},
    Role.SHIFT_LEAD: {Surface.CALL},
    Role.DEPARTMENT: {Surface.TICKETS},
    Role.QA: set(),
    Role.ADMIN: set(),
}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("surface", list(Surface))
def test_every_cell_of_the_table(role: Role, surface: Surface) -> None:
    expected = surface in FULL[role]
    assert sees_full(role, surface) is expected
    shown = NumberPolicy(role, "1").phone(PHONE, surface)
    assert shown == (PHONE if expected else "138****1234")


def test_nobody_signed_in_sees_only_masked_numbers() -> None:
    for surface in Surface:
        assert NOBODY.phone(PHONE, surface) == "138****1234"
        assert NOBODY.id_number("110105199001011234", surface) == "110105********1234"


def test_callback_queue_shows_the_agent_only_their_own_task() -> None:
    agent = NumberPolicy(Role.AGENT, "1024")
    assert agent.phone(PHONE, Surface.CALLBACKS, own_task=True) == PHONE
    assert agent.phone(PHONE, Surface.CALLBACKS, own_task=False) == "138****1234"
    lead = NumberPolicy(Role.SHIFT_LEAD, "9001")
    assert lead.phone(PHONE, Surface.CALLBACKS, own_task=True) == "138****1234"


def test_a_reveal_unmasks_and_exports_never_do() -> None:
    qa = NumberPolicy(Role.QA, "7001")
    assert qa.phone(PHONE, Surface.TICKETS, revealed=True) == PHONE
    assert qa.text(f"回电{PHONE}", Surface.TICKETS) == "回电138****1234"
    assert export_match("account", "3100123456") == "******3456"
    assert export_match("feeder", "10kV 江北线") == "10kV 江北线"


def test_the_policy_follows_the_signed_in_actors_role() -> None:
    assert policy_for(Actor("9001", Role.SHIFT_LEAD)).role is Role.SHIFT_LEAD
    assert policy_for(Actor("7001", Role.QA)).role is Role.QA
    assert policy_for(Actor("1024", Role.AGENT)).user_id == "1024"
    assert policy_for(None) == NOBODY


class Recorder:
    """A real recorder: keeps what it was given, as the audit log will."""

    def __init__(self) -> None:
        self.records: list[RevealRecord] = []

    def __call__(self, record: RevealRecord) -> None:
        self.records.append(record)


NOW = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)


def test_every_reveal_is_recorded_with_user_ticket_reason_and_time() -> None:
    rec = Recorder()
    reveals = Reveals(rec, FakeClock(NOW))
    tid = uuid.uuid4()
    got = reveals.reveal(QA, "  客户要求回拨核实  ", ticket_id=tid)
    assert rec.records == [got]
    assert got == RevealRecord("7001", f"ticket:{tid}", "客户要求回拨核实", NOW, tid)
    reveals.reveal(QA, "再次核对", subject="callback:42")
    assert [r.subject for r in rec.records] == [f"ticket:{tid}", "callback:42"]


@pytest.mark.parametrize(("user", "reason", "code"), [
    (QA, "", "no_reason"),
    (QA, "   \n ", "no_reason"),
    (QA, "x" * 501, "reason_too_long"),
    (Actor("", Role.QA), "核实", "signed_out"),
])
def test_a_refused_reveal_records_nothing(user: Actor | None, reason: str, code: str) -> None:
    rec = Recorder()
    with pytest.raises(RevealRefused) as err:
        Reveals(rec, FakeClock(NOW)).reveal(user, reason, ticket_id=uuid.uuid4())
    assert err.value.code == code
    assert rec.records == []


def test_a_recorder_that_fails_stops_the_reveal() -> None:
    def broken(_r: RevealRecord) -> None:
        raise OSError("audit log unavailable")

    with pytest.raises(OSError):
        Reveals(broken, FakeClock(NOW)).reveal(QA, "核实", ticket_id=uuid.uuid4())


@pytest.mark.parametrize("role", [Role.AGENT, Role.DEPARTMENT, Role.ADMIN, None])
def test_a_role_without_unmask_is_refused_and_nothing_is_recorded(role: Role | None) -> None:
    rec = Recorder()
    actor = None if role is None else Actor("1", role, "repair")
    with pytest.raises(PermissionDenied) as denied:
        Reveals(rec, FakeClock(NOW)).reveal(actor, "核实", ticket_id=uuid.uuid4())
    want = "role" if role else "not_signed_in"
    assert (denied.value.permission, denied.value.reason) == (Permission.UNMASK_PERSONAL_DATA, want)
    assert rec.records == [] and not policy_for(actor).may_reveal
