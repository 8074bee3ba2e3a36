"""The agent's softphone state machine."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from callcenter.domain.agent_state import (
    SYSTEM_REASON_MISSED_CALL,
    Action,
    AgentState,
    AgentStatus,
    IllegalTransition,
    agent_actions,
    allowed_actions,
    apply,
    next_state,
)

S, A = AgentState, Action

# The table the desktop promises (module doc, rules section 1 and 4).
EXPECTED: dict[tuple[AgentState, Action], AgentState] = {
    (S.SIGNED_OUT, A.SIGN_IN): S.BUSY,
    (S.BUSY, A.SIGN_OUT): S.SIGNED_OUT,
    (S.READY, A.SIGN_OUT): S.SIGNED_OUT,
    (S.BUSY, A.SET_READY): S.READY,
    (S.READY, A.SET_BUSY): S.BUSY,
    (S.BUSY, A.SET_BUSY): S.BUSY,
    (S.READY, A.OFFER): S.RINGING,
    (S.RINGING, A.ANSWER): S.TALKING,
    (S.RINGING, A.ABANDON): S.READY,
    (S.RINGING, A.RING_TIMEOUT): S.BUSY,
    (S.TALKING, A.HOLD): S.HELD,
    (S.HELD, A.RESUME): S.TALKING,
    (S.TALKING, A.HANG_UP): S.WRAP_UP,
    (S.HELD, A.HANG_UP): S.WRAP_UP,
    (S.TALKING, A.REMOTE_RELEASE): S.WRAP_UP,
    (S.HELD, A.REMOTE_RELEASE): S.WRAP_UP,
    (S.WRAP_UP, A.FINISH_WRAP_UP): S.READY,
    (S.WRAP_UP, A.SET_BUSY): S.BUSY,
    # transfer (issue 16): a consult holds the customer; 取回 takes them back
    (S.TALKING, A.TRANSFER): S.TALKING,
    (S.TALKING, A.CONSULT): S.HELD,
    (S.HELD, A.COMPLETE_TRANSFER): S.HELD,
    (S.HELD, A.RETRIEVE): S.TALKING,
}
TELEPHONY_ONLY = {A.OFFER, A.ABANDON, A.RING_TIMEOUT, A.REMOTE_RELEASE}
ALL_PAIRS = list(itertools.product(AgentState, Action))
ILLEGAL = [p for p in ALL_PAIRS if p not in EXPECTED]


def _id(pair: tuple[AgentState, Action]) -> str:
    return f"{pair[0].value}-{pair[1].value}"


# --- the transition table ----------------------------------------------------------------


@pytest.mark.parametrize(("pair", "target"), list(EXPECTED.items()), ids=[_id(p) for p in EXPECTED])
def test_every_legal_transition(pair: tuple[AgentState, Action], target: AgentState) -> None:
    state, action = pair
    assert next_state(state, action) is target
    after = apply(AgentStatus(state, "lunch" if state is S.BUSY else None), action, "meeting")
    assert after.state is target


@pytest.mark.parametrize("pair", ILLEGAL, ids=[_id(p) for p in ILLEGAL])
def test_every_other_pair_is_illegal(pair: tuple[AgentState, Action]) -> None:
    state, action = pair
    with pytest.raises(IllegalTransition) as info:
        next_state(state, action)
    assert info.value.state is state
    assert info.value.action is action
    with pytest.raises(IllegalTransition):
        apply(AgentStatus(state), action, "meeting")


@pytest.mark.parametrize(
    ("state", "action"),
    [
        (S.BUSY, A.ANSWER),  # answer while busy
        (S.READY, A.ANSWER),  # nothing is ringing
        (S.TALKING, A.SET_READY),  # set ready while talking
        (S.TALKING, A.SIGN_OUT),  # sign out while talking
        (S.HELD, A.SIGN_OUT),
        (S.RINGING, A.SIGN_OUT),
        (S.WRAP_UP, A.SIGN_OUT),  # the ticket first
        (S.RINGING, A.HOLD),  # hold while ringing
        (S.RINGING, A.HANG_UP),
        (S.TALKING, A.ANSWER),  # answer twice
        (S.HELD, A.HOLD),
        (S.TALKING, A.RESUME),
        (S.SIGNED_OUT, A.SET_READY),
        (S.SIGNED_OUT, A.SIGN_OUT),
        (S.BUSY, A.SIGN_IN),
        (S.READY, A.SET_READY),
        (S.BUSY, A.OFFER),  # no call is offered to a busy agent
        (S.WRAP_UP, A.OFFER),
        (S.TALKING, A.SET_BUSY),
        (S.WRAP_UP, A.SET_READY),  # leaving wrap-up is FINISH_WRAP_UP
    ],
)
def test_named_illegal_moves(state: AgentState, action: Action) -> None:
    with pytest.raises(IllegalTransition, match=f"{action.value} is not allowed while {state.value}"):
        apply(AgentStatus(state, "lunch" if state is S.BUSY else None), action, "meeting")


def test_illegal_transition_is_an_exception_with_a_readable_message() -> None:
    err = IllegalTransition(S.BUSY, A.ANSWER)
    assert isinstance(err, Exception)
    assert str(err) == "answer is not allowed while busy"


def test_allowed_actions_match_the_table() -> None:
    for state in AgentState:
        expected = {a for (s, a) in EXPECTED if s is state}
        assert allowed_actions(state) == frozenset(expected), state


def test_allowed_actions_examples() -> None:
    assert allowed_actions(S.SIGNED_OUT) == {A.SIGN_IN}
    assert allowed_actions(S.RINGING) == {A.ANSWER, A.ABANDON, A.RING_TIMEOUT}
    assert allowed_actions(S.WRAP_UP) == {A.FINISH_WRAP_UP, A.SET_BUSY}


# --- agent actions (what the buttons may offer) -------------------------------------------


@pytest.mark.parametrize("state", list(AgentState))
def test_agent_actions_exclude_telephony_only_actions(state: AgentState) -> None:
    manual = agent_actions(state)
    assert not (manual & TELEPHONY_ONLY)
    assert manual == allowed_actions(state) - TELEPHONY_ONLY


def test_agent_actions_examples() -> None:
    assert agent_actions(S.RINGING) == {A.ANSWER}
    assert agent_actions(S.READY) == {A.SIGN_OUT, A.SET_BUSY}
    assert agent_actions(S.TALKING) == {A.HOLD, A.HANG_UP, A.TRANSFER, A.CONSULT}
    assert agent_actions(S.HELD) == {A.RESUME, A.HANG_UP, A.COMPLETE_TRANSFER, A.RETRIEVE}
    assert agent_actions(S.BUSY) == {A.SIGN_OUT, A.SET_READY, A.SET_BUSY}


# --- busy reasons ------------------------------------------------------------------------


def test_sign_in_lands_busy_with_a_default_reason() -> None:
    after = apply(AgentStatus(S.SIGNED_OUT), A.SIGN_IN)
    assert after == AgentStatus(S.BUSY, "signed_in")


def test_sign_in_may_carry_a_reason() -> None:
    after = apply(AgentStatus(S.SIGNED_OUT), A.SIGN_IN, "training")
    assert after == AgentStatus(S.BUSY, "training")


def test_ring_timeout_sets_busy_with_missed_call() -> None:
    after = apply(AgentStatus(S.RINGING), A.RING_TIMEOUT)
    assert after == AgentStatus(S.BUSY, "missed_call")
    assert SYSTEM_REASON_MISSED_CALL == "missed_call"


def test_ring_timeout_ignores_a_given_reason() -> None:
    after = apply(AgentStatus(S.RINGING), A.RING_TIMEOUT, "lunch")
    assert after.busy_reason == SYSTEM_REASON_MISSED_CALL


@pytest.mark.parametrize("state", [S.READY, S.BUSY, S.WRAP_UP])
@pytest.mark.parametrize("reason", [None, ""])
def test_set_busy_without_a_reason_raises(state: AgentState, reason: str | None) -> None:
    with pytest.raises(ValueError, match="reason"):
        apply(AgentStatus(state, "lunch" if state is S.BUSY else None), A.SET_BUSY, reason)


@pytest.mark.parametrize("state", [S.READY, S.WRAP_UP])
def test_set_busy_keeps_the_reason(state: AgentState) -> None:
    assert apply(AgentStatus(state), A.SET_BUSY, "lunch") == AgentStatus(S.BUSY, "lunch")


def test_set_busy_while_busy_changes_the_reason() -> None:
    after = apply(AgentStatus(S.BUSY, "lunch"), A.SET_BUSY, "meeting")
    assert after == AgentStatus(S.BUSY, "meeting")


def test_leaving_busy_clears_the_reason() -> None:
    assert apply(AgentStatus(S.BUSY, "lunch"), A.SET_READY) == AgentStatus(S.READY, None)
    assert apply(AgentStatus(S.BUSY, "lunch"), A.SIGN_OUT) == AgentStatus(S.SIGNED_OUT, None)


def test_non_busy_targets_ignore_a_reason() -> None:
    assert apply(AgentStatus(S.RINGING), A.ANSWER, "lunch") == AgentStatus(S.TALKING, None)


def test_status_is_immutable() -> None:
    status = AgentStatus(S.READY)
    with pytest.raises(AttributeError):
        status.state = S.BUSY  # type: ignore[misc]


def test_a_whole_call() -> None:
    status = AgentStatus(S.SIGNED_OUT)
    steps = [
        (A.SIGN_IN, None, AgentStatus(S.BUSY, "signed_in")),
        (A.SET_READY, None, AgentStatus(S.READY)),
        (A.OFFER, None, AgentStatus(S.RINGING)),
        (A.ANSWER, None, AgentStatus(S.TALKING)),
        (A.HOLD, None, AgentStatus(S.HELD)),
        (A.RESUME, None, AgentStatus(S.TALKING)),
        (A.REMOTE_RELEASE, None, AgentStatus(S.WRAP_UP)),
        (A.FINISH_WRAP_UP, None, AgentStatus(S.READY)),
        (A.OFFER, None, AgentStatus(S.RINGING)),
        (A.RING_TIMEOUT, None, AgentStatus(S.BUSY, "missed_call")),
        (A.SET_READY, None, AgentStatus(S.READY)),
        (A.OFFER, None, AgentStatus(S.RINGING)),
        (A.ABANDON, None, AgentStatus(S.READY)),
        (A.SET_BUSY, "lunch", AgentStatus(S.BUSY, "lunch")),
        (A.SIGN_OUT, None, AgentStatus(S.SIGNED_OUT)),
    ]
    for action, reason, expected in steps:
        status = apply(status, action, reason)
        assert status == expected, action


# --- random walks ------------------------------------------------------------------------


@given(st.lists(st.sampled_from(list(Action)), max_size=60))
def test_random_walk_stays_in_the_table(actions: list[Action]) -> None:
    status = AgentStatus(S.SIGNED_OUT)
    for action in actions:
        before = status
        try:
            status = apply(status, action, "lunch")
        except IllegalTransition:
            assert (before.state, action) not in EXPECTED
            continue
        assert (before.state, action) in EXPECTED
        assert status.state is EXPECTED[(before.state, action)]
        assert isinstance(status.state, AgentState)
        if action is A.ANSWER:
            assert before.state is S.RINGING
        assert (status.busy_reason is not None) is (status.state is S.BUSY)


class AgentMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.status = AgentStatus(S.SIGNED_OUT)
        self.answered_from: list[AgentState] = []

    @rule(action=st.sampled_from(list(Action)), reason=st.sampled_from([None, "", "lunch"]))
    def act(self, action: Action, reason: str | None) -> None:
        before = self.status
        legal = (before.state, action) in EXPECTED
        needs_reason = (
            legal
            and EXPECTED[(before.state, action)] is S.BUSY
            and action not in (A.SIGN_IN, A.RING_TIMEOUT)
            and not reason
        )
        if not legal:
            with pytest.raises(IllegalTransition):
                apply(before, action, reason)
            assert self.status == before
            return
        if needs_reason:
            with pytest.raises(ValueError):
                apply(before, action, reason)
            return
        self.status = apply(before, action, reason)
        if action is A.ANSWER:
            self.answered_from.append(before.state)

    @invariant()
    def state_is_known(self) -> None:
        assert self.status.state in set(AgentState)

    @invariant()
    def reason_only_when_busy(self) -> None:
        assert (self.status.busy_reason is not None) is (self.status.state is S.BUSY)

    @invariant()
    def answer_only_from_ringing(self) -> None:
        assert all(s is S.RINGING for s in self.answered_from)

    @invariant()
    def answer_offered_only_while_ringing(self) -> None:
        assert (A.ANSWER in allowed_actions(self.status.state)) is (self.status.state is S.RINGING)


TestAgentMachine = AgentMachine.TestCase
