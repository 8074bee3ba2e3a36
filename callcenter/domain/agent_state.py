"""The agent's softphone state machine (签出/示忙/示闲/振铃/通话/保持/话后处理).

Illegal moves raise ``IllegalTransition``; the UI disables buttons from
``allowed_actions`` but the rule lives here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class AgentState(Enum):
    SIGNED_OUT = "signed_out"  # 签出
    BUSY = "busy"  # 示忙 (with a reason code)
    READY = "ready"  # 示闲
    RINGING = "ringing"  # 振铃
    TALKING = "talking"  # 通话
    HELD = "held"  # 保持
    WRAP_UP = "wrap_up"  # 话后处理


class Action(Enum):
    SIGN_IN = "sign_in"
    SIGN_OUT = "sign_out"
    SET_READY = "set_ready"
    SET_BUSY = "set_busy"
    OFFER = "offer"  # telephony offers a call
    ANSWER = "answer"
    HOLD = "hold"
    RESUME = "resume"
    HANG_UP = "hang_up"  # the agent releases the call
    REMOTE_RELEASE = "remote_release"  # the customer hung up during the call
    ABANDON = "abandon"  # the customer hung up while it rang
    RING_TIMEOUT = "ring_timeout"  # nobody answered: back to the queue, agent set busy
    FINISH_WRAP_UP = "finish_wrap_up"  # 置闲 or 下发工单 after the ticket is saved
    # transfer (domain/transfer.py narrows these by the transfer in progress)
    TRANSFER = "transfer"  # 转接: blind transfer; talking until the switch reports
    CONSULT = "consult"  # 咨询转接: the customer is held while the agent calls the target
    COMPLETE_TRANSFER = "complete_transfer"  # 完成转接 after the target answered
    RETRIEVE = "retrieve"  # 取回: end the consultation, talk to the customer again


SYSTEM_REASON_MISSED_CALL = "missed_call"

_S = AgentState
_A = Action
_TRANSITIONS: dict[tuple[AgentState, Action], AgentState] = {
    (_S.SIGNED_OUT, _A.SIGN_IN): _S.BUSY,
    (_S.BUSY, _A.SIGN_OUT): _S.SIGNED_OUT,
    (_S.READY, _A.SIGN_OUT): _S.SIGNED_OUT,
    (_S.BUSY, _A.SET_READY): _S.READY,
    (_S.READY, _A.SET_BUSY): _S.BUSY,
    (_S.BUSY, _A.SET_BUSY): _S.BUSY,  # change of reason code
    (_S.READY, _A.OFFER): _S.RINGING,
    (_S.RINGING, _A.ANSWER): _S.TALKING,
    (_S.RINGING, _A.ABANDON): _S.READY,
    (_S.RINGING, _A.RING_TIMEOUT): _S.BUSY,
    (_S.TALKING, _A.HOLD): _S.HELD,
    (_S.HELD, _A.RESUME): _S.TALKING,
    (_S.TALKING, _A.HANG_UP): _S.WRAP_UP,
    (_S.HELD, _A.HANG_UP): _S.WRAP_UP,
    (_S.TALKING, _A.REMOTE_RELEASE): _S.WRAP_UP,
    (_S.HELD, _A.REMOTE_RELEASE): _S.WRAP_UP,
    (_S.WRAP_UP, _A.FINISH_WRAP_UP): _S.READY,
    (_S.TALKING, _A.TRANSFER): _S.TALKING,
    (_S.TALKING, _A.CONSULT): _S.HELD,
    (_S.HELD, _A.COMPLETE_TRANSFER): _S.HELD,
    (_S.HELD, _A.RETRIEVE): _S.TALKING,
    (_S.WRAP_UP, _A.SET_BUSY): _S.BUSY,
}


class IllegalTransition(Exception):
    def __init__(self, state: AgentState, action: Action) -> None:
        super().__init__(f"{action.value} is not allowed while {state.value}")
        self.state = state
        self.action = action


@dataclass(frozen=True)
class AgentStatus:
    state: AgentState
    busy_reason: str | None = None


def next_state(state: AgentState, action: Action) -> AgentState:
    try:
        return _TRANSITIONS[(state, action)]
    except KeyError:
        raise IllegalTransition(state, action) from None


def apply(status: AgentStatus, action: Action, busy_reason: str | None = None) -> AgentStatus:
    """Return the status after ``action``; busy states carry their reason code."""
    new = next_state(status.state, action)
    if new is AgentState.BUSY:
        if action is Action.RING_TIMEOUT:
            reason: str | None = SYSTEM_REASON_MISSED_CALL
        elif action is Action.SIGN_IN:
            reason = busy_reason or "signed_in"
        else:
            if not busy_reason:
                raise ValueError("a busy state needs a reason code")
            reason = busy_reason
        return AgentStatus(new, reason)
    return AgentStatus(new, None)


def allowed_actions(state: AgentState) -> frozenset[Action]:
    return frozenset(a for (s, a) in _TRANSITIONS if s is state)


def agent_actions(state: AgentState) -> frozenset[Action]:
    """Actions the agent can take by hand (the rest come from telephony or timers)."""
    manual = {
        Action.SIGN_IN, Action.SIGN_OUT, Action.SET_READY, Action.SET_BUSY,
        Action.ANSWER, Action.HOLD, Action.RESUME, Action.HANG_UP, Action.FINISH_WRAP_UP,
        Action.TRANSFER, Action.CONSULT, Action.COMPLETE_TRANSFER, Action.RETRIEVE,
    }
    return allowed_actions(state) & manual
