"""Every lifecycle transition allowed and refused, with its reason."""

from __future__ import annotations

import itertools

import pytest

from callcenter.domain.ticket_lifecycle import (
    Actor,
    Role,
    TicketAction,
    TicketState,
    TransitionRefused,
    allowed_actions,
    transition,
)

S, A = TicketState, TicketAction
AGENT = Actor("1024", Role.AGENT)
LEAD = Actor("9001", Role.SHIFT_LEAD)
REPAIR_DEPT = Actor("d1", Role.DEPARTMENT, "repair")
OTHER_DEPT = Actor("d2", Role.DEPARTMENT, "marketing")
QA = Actor("q1", Role.QA)
FULL_REPLY = {"departed_at": "10:00", "arrived_at": "10:40", "cause": "表箱开关跳闸",
              "restored_at": "11:00", "result": "已恢复供电"}

ALLOWED = [
    (S.ACCEPTED, A.DISPATCH, AGENT, S.DISPATCHED),
    (S.ACCEPTED, A.DISPATCH, LEAD, S.DISPATCHED),
    (S.DISPATCHED, A.ACCEPT, REPAIR_DEPT, S.IN_PROGRESS),
    (S.IN_PROGRESS, A.REPLY, REPAIR_DEPT, S.REPLIED),
    (S.REPLIED, A.CALLBACK_SATISFIED, AGENT, S.VISITED),
    (S.REPLIED, A.CALLBACK_NOT_SATISFIED, AGENT, S.DISPATCHED),  # reopened
    (S.VISITED, A.ARCHIVE, LEAD, S.ARCHIVED),
    (S.ACCEPTED, A.CLOSE_ON_CALL, AGENT, S.ARCHIVED),
    (S.ACCEPTED, A.CLOSE_ON_CALL, LEAD, S.ARCHIVED),
    (S.REPLIED, A.CALLBACK_SATISFIED, LEAD, S.VISITED),
    (S.REPLIED, A.CALLBACK_NOT_SATISFIED, LEAD, S.DISPATCHED),
] + [
    # urging and supervising record on any open ticket without moving it
    (s, A.URGE, who, s) for s in (S.ACCEPTED, S.DISPATCHED, S.IN_PROGRESS, S.REPLIED)
    for who in (AGENT, LEAD)
] + [(s, A.SUPERVISE, LEAD, s) for s in (S.ACCEPTED, S.DISPATCHED, S.IN_PROGRESS, S.REPLIED)]


@pytest.mark.parametrize(("state", "action", "actor", "after"), ALLOWED)
def test_allowed(state: TicketState, action: TicketAction, actor: Actor, after: TicketState) -> None:
    got = transition(state, action, actor, ticket_department="repair", closable_on_call=True,
                     reply=FULL_REPLY, is_repair=True)
    assert got is after
    assert action in allowed_actions(state, actor, "repair")


def test_every_other_combination_is_refused_with_a_reason() -> None:
    allowed = {(s, a, act.role, act.department) for s, a, act, _ in ALLOWED}
    for state, action, actor in itertools.product(S, A, [AGENT, LEAD, REPAIR_DEPT, OTHER_DEPT, QA]):
        if (state, action, actor.role, actor.department) in allowed:
            continue
        with pytest.raises(TransitionRefused) as err:
            transition(state, action, actor, ticket_department="repair", closable_on_call=True,
                       reply=FULL_REPLY, is_repair=True)
        assert err.value.reason in {"wrong_state", "not_allowed_for_role", "other_department"}
        assert action not in allowed_actions(state, actor, "repair")


def test_specific_refusals() -> None:
    with pytest.raises(TransitionRefused) as err:
        transition(S.DISPATCHED, A.ACCEPT, OTHER_DEPT, ticket_department="repair")
    assert err.value.reason == "other_department"
    with pytest.raises(TransitionRefused) as err:
        transition(S.ACCEPTED, A.CLOSE_ON_CALL, AGENT, closable_on_call=False)
    assert err.value.reason == "not_closable"
    with pytest.raises(TransitionRefused) as err:
        transition(S.IN_PROGRESS, A.REPLY, REPAIR_DEPT, ticket_department="repair",
                   reply={"result": "已处理"}, is_repair=True)
    assert err.value.reason == "reply_incomplete"  # repairs need departure, arrival, cause...
    assert transition(S.IN_PROGRESS, A.REPLY, REPAIR_DEPT, ticket_department="repair",
                      reply={"result": "已答复客户"}) is S.REPLIED
    with pytest.raises(TransitionRefused) as err:
        transition(S.ARCHIVED, A.URGE, AGENT)
    assert err.value.reason == "wrong_state"
    with pytest.raises(TransitionRefused) as err:
        transition(S.DISPATCHED, A.SUPERVISE, AGENT)
    assert err.value.reason == "not_allowed_for_role"
