"""Every cell of the role x permission table, through the services on a real
SQLite store: what the table grants works, everything else is refused with
``PermissionDenied`` and changes nothing (issue 12)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from callcenter.domain.auth.permissions import (
    DEPARTMENT_SCOPED,
    GRANTS,
    Permission,
    PermissionDenied,
    allowed,
)
from callcenter.domain.auth.roles import Actor, Role
from callcenter.domain.ticket_lifecycle import TicketAction, TicketState
from callcenter.services.storage.database import open_database
from callcenter.store.all_models import Base

from .probes_more import MORE_PROBES, PASSWORD
from .rig import ACTORS, REPLY, Rig, make_rig
from .rig import SERVICE_PROBES as FIRST_PROBES

SERVICE_PROBES = {**FIRST_PROBES, **MORE_PROBES}



@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated store with one agent to assign callbacks to (roles are the users
    table's), copied for each test (migrating 90 times is slow)."""
    from callcenter.domain.clock import FakeClock
    from callcenter.services.auth.directory import UserDirectory
    from callcenter.services.site.profile import load_profile

    path = tmp_path_factory.mktemp("template") / "desk.sqlite3"
    db = open_database(path)
    users, now = UserDirectory(load_profile(), "W01", audit=False), FakeClock().utc_now()
    role_names = {Role.AGENT: "agent", Role.SHIFT_LEAD: "lead", Role.QA: "qa",
                  Role.DEPARTMENT: "department", Role.ADMIN: "admin"}

    def add(s):  # type: ignore[no-untyped-def]
        users.add_in(s, "1025", name="李强", role="agent", password=PASSWORD, now=now)
        for role, actor in ACTORS.items():  # the users under test, who confirm with a password
            users.add_in(s, actor.user_id, name=f"用户{actor.user_id}", role=role_names[role],
                         password=PASSWORD, now=now, department=actor.department,
                         must_change=False)
    db.write_now(add)
    db.close()
    return path


@pytest.fixture
def rig(template: Path, tmp_path: Path) -> Iterator[Rig]:
    r = make_rig(template, tmp_path)
    yield r
    r.close()


def _rows(r: Rig) -> dict[str, int]:
    """How many rows each table holds (a refusal must leave them all as they were)."""
    def count(s: object) -> dict[str, int]:
        return {name: int(s.scalar(select(func.count()).select_from(t)) or 0)  # type: ignore[attr-defined]
                for name, t in Base.metadata.tables.items()}
    return r.db.read_now(count)


def test_every_permission_is_probed_through_a_service() -> None:
    assert set(SERVICE_PROBES) == set(Permission)
    assert not set(FIRST_PROBES) & set(MORE_PROBES)


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("permission", sorted(SERVICE_PROBES), ids=str)
def test_each_cell_through_the_services(rig: Rig, role: Role, permission: Permission) -> None:
    actor = ACTORS[role]
    probe = SERVICE_PROBES[permission]
    if permission in GRANTS[role]:
        rig.user.set(actor)
        probe(rig, actor)  # asserts the action took effect
        return
    rig.user.set(actor)
    with pytest.raises(PermissionDenied) as denied:
        probe(rig, actor)
    assert (denied.value.permission, denied.value.reason) == (permission, "role")
    assert denied.value.actor == actor


@pytest.mark.parametrize("permission", sorted(SERVICE_PROBES), ids=str)
def test_signed_out_every_service_action_is_refused(rig: Rig, permission: Permission) -> None:
    with pytest.raises(PermissionDenied) as denied:
        SERVICE_PROBES[permission](rig, ACTORS[Role.SHIFT_LEAD])
    assert denied.value.reason == "not_signed_in" and denied.value.actor is None


def test_a_refused_action_writes_nothing(rig: Rig) -> None:
    tid = rig.ticket(TicketState.DISPATCHED)
    before = _rows(rig)
    rig.user.set(ACTORS[Role.QA])
    for attempt in (
        lambda: rig.act(tid, TicketAction.SUPERVISE, ACTORS[Role.QA]),
        lambda: rig.outages.raise_emergency("停电", "话术", "7001"),
        lambda: rig.callbacks.assign(tid, "1025", "7001", 1),
        lambda: rig.script_admin().publish("hold", "id = \"hold\"", "7001"),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    assert _rows(rig) == before


def test_a_department_user_acts_only_on_its_own_departments_tickets(rig: Rig) -> None:
    marketing = Actor("8002", Role.DEPARTMENT, "marketing")
    rig.user.set(marketing)
    tid = rig.ticket(TicketState.DISPATCHED)  # dispatched to repair
    with pytest.raises(PermissionDenied) as denied:
        rig.details.detail(tid).result(timeout=5)
    assert denied.value.reason == "other_department"
    with pytest.raises(PermissionDenied) as denied:
        rig.act(tid, TicketAction.ACCEPT, marketing)
    assert (denied.value.permission, denied.value.reason) == (Permission.TICKET_ACCEPT, "other_department")
    with pytest.raises(PermissionDenied):
        rig.details.department_queue("repair")
    assert rig.state(tid) is TicketState.DISPATCHED
    repair = ACTORS[Role.DEPARTMENT]
    rig.user.set(repair)
    assert [q.id for q in rig.details.department_queue("repair").result(timeout=5)] == [tid]
    rig.act(tid, TicketAction.ACCEPT, repair)
    rig.user.set(marketing)
    with pytest.raises(PermissionDenied) as denied:
        rig.act(tid, TicketAction.REPLY, marketing, reply=REPLY)
    assert denied.value.reason == "other_department"
    assert rig.state(tid) is TicketState.IN_PROGRESS


def test_a_service_told_another_user_than_the_signed_in_one_refuses(rig: Rig) -> None:
    rig.user.set(ACTORS[Role.SHIFT_LEAD])
    with pytest.raises(PermissionDenied) as denied:  # 9002 is not the one signed in here
        rig.outages.raise_emergency("停电", "话术", "9002")
    assert denied.value.reason == "not_signed_in"
    assert rig.outages.current_emergency().result(timeout=5) is None


def test_a_qa_reviewer_reads_but_never_edits_tickets() -> None:
    qa = GRANTS[Role.QA]
    assert Permission.TICKET_READ in qa and Permission.QA_REVIEW_SCORE in qa
    edits = {p for p in Permission if p.value.startswith(("ticket_", "callback_"))} - {Permission.TICKET_READ}
    assert not qa & edits


def test_only_a_shift_lead_does_the_leads_work() -> None:
    lead_only = {Permission.EMERGENCY_RAISE, Permission.EMERGENCY_CLEAR, Permission.HANDOVER_CONFIRM,
                 Permission.SCRIPT_PUBLISH, Permission.SITE_PUBLISH, Permission.CALLBACK_ASSIGN}
    for role in Role:
        assert (lead_only <= GRANTS[role]) is (role is Role.SHIFT_LEAD)
        assert not (lead_only & GRANTS[role]) or role is Role.SHIFT_LEAD


def test_an_agent_sees_only_its_own_qa_reviews_and_admins_manage_users() -> None:
    agent = GRANTS[Role.AGENT]
    assert Permission.QA_REVIEW_READ_OWN in agent and Permission.QA_REVIEW_READ not in agent
    assert [r for r in Role if Permission.USERS_MANAGE in GRANTS[r]] == [Role.ADMIN]


def test_department_scope_applies_to_department_users_only() -> None:
    lead = ACTORS[Role.SHIFT_LEAD]
    assert allowed(lead, Permission.TICKET_READ, department="marketing")
    assert allowed(lead, Permission.TICKET_READ)
    dept = ACTORS[Role.DEPARTMENT]
    for p in DEPARTMENT_SCOPED:
        assert allowed(dept, p, department="repair")
        assert not allowed(dept, p, department="marketing") and not allowed(dept, p)
    assert not allowed(Actor("8003", Role.DEPARTMENT, None), Permission.TICKET_READ, department=None)
    assert not allowed(None, Permission.TICKET_READ)
