"""The ticket lifecycle (rules section 4; seed 004 Q61-Q69): who may move a
ticket from which state. Every accepted move becomes an append-only ticket
event; a refused one says why with a reason code the UI translates.

已受理 accepted -> 已下发 dispatched -> 处理中 in_progress -> 已回复 replied
-> 已回访 visited (satisfied) -> 已归档 archived; "not satisfied" reopens it
(back to dispatched); an inquiry answered on the call is closed at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class TicketState(Enum):
    ACCEPTED = "accepted"  # 已受理
    DISPATCHED = "dispatched"  # 已下发
    IN_PROGRESS = "in_progress"  # 处理中
    REPLIED = "replied"  # 已回复
    VISITED = "visited"  # 已回访
    ARCHIVED = "archived"  # 已归档


class Role(Enum):
    AGENT = "agent"
    SHIFT_LEAD = "shift_lead"
    DEPARTMENT = "department"
    QA = "qa"
    ADMIN = "admin"


class TicketAction(Enum):
    DISPATCH = "dispatch"
    ACCEPT = "accept"  # the department takes it
    REPLY = "reply"
    CALLBACK_SATISFIED = "callback_satisfied"
    CALLBACK_NOT_SATISFIED = "callback_not_satisfied"
    ARCHIVE = "archive"
    CLOSE_ON_CALL = "close_on_call"
    URGE = "urge"  # 催办: recorded, raises visibility, no state change
    SUPERVISE = "supervise"  # 督办


@dataclass(frozen=True)
class Actor:
    user_id: str
    role: Role
    department: str | None = None  # for department users


class TransitionRefused(Exception):
    """``reason`` is a code: wrong_state | not_allowed_for_role | other_department |
    not_closable | reply_incomplete."""

    def __init__(self, action: TicketAction, state: TicketState, reason: str) -> None:
        super().__init__(f"{action.value} refused in {state.value}: {reason}")
        self.action, self.state, self.reason = action, state, reason


_S, _A, _R = TicketState, TicketAction, Role
OPEN = frozenset({_S.ACCEPTED, _S.DISPATCHED, _S.IN_PROGRESS, _S.REPLIED})

# action -> (states it may start from, roles that may do it, resulting state or None)
_RULES: dict[TicketAction, tuple[frozenset[TicketState], frozenset[Role], TicketState | None]] = {
    _A.DISPATCH: (frozenset({_S.ACCEPTED}), frozenset({_R.AGENT, _R.SHIFT_LEAD}), _S.DISPATCHED),
    _A.ACCEPT: (frozenset({_S.DISPATCHED}), frozenset({_R.DEPARTMENT}), _S.IN_PROGRESS),
    _A.REPLY: (frozenset({_S.IN_PROGRESS}), frozenset({_R.DEPARTMENT}), _S.REPLIED),
    _A.CALLBACK_SATISFIED: (frozenset({_S.REPLIED}), frozenset({_R.AGENT, _R.SHIFT_LEAD}),
                            _S.VISITED),
    _A.CALLBACK_NOT_SATISFIED: (frozenset({_S.REPLIED}), frozenset({_R.AGENT, _R.SHIFT_LEAD}),
                                _S.DISPATCHED),
    _A.ARCHIVE: (frozenset({_S.VISITED}), frozenset({_R.SHIFT_LEAD, _R.ADMIN}), _S.ARCHIVED),
    _A.CLOSE_ON_CALL: (frozenset({_S.ACCEPTED}), frozenset({_R.AGENT, _R.SHIFT_LEAD}),
                       _S.ARCHIVED),
    _A.URGE: (OPEN, frozenset({_R.AGENT, _R.SHIFT_LEAD}), None),
    _A.SUPERVISE: (OPEN, frozenset({_R.SHIFT_LEAD}), None),
}

REPAIR_REPLY_FIELDS = ("departed_at", "arrived_at", "cause", "restored_at", "result")


def transition(
    state: TicketState,
    action: TicketAction,
    actor: Actor,
    *,
    ticket_department: str | None = None,
    closable_on_call: bool = False,
    reply: dict[str, str] | None = None,
    is_repair: bool = False,
) -> TicketState:
    """The state after ``action``, or ``TransitionRefused`` with the reason."""
    starts, roles, result = _RULES[action]
    if state not in starts:
        raise TransitionRefused(action, state, "wrong_state")
    if actor.role not in roles:
        raise TransitionRefused(action, state, "not_allowed_for_role")
    if actor.role is Role.DEPARTMENT and actor.department != ticket_department:
        raise TransitionRefused(action, state, "other_department")
    if action is TicketAction.CLOSE_ON_CALL and not closable_on_call:
        raise TransitionRefused(action, state, "not_closable")
    if action is TicketAction.REPLY:
        needed = REPAIR_REPLY_FIELDS if is_repair else ("result",)
        if any(not (reply or {}).get(k, "").strip() for k in needed):
            raise TransitionRefused(action, state, "reply_incomplete")
    return state if result is None else result


def allowed_actions(state: TicketState, actor: Actor, ticket_department: str | None) -> list[TicketAction]:
    out = []
    for action, (starts, roles, _) in _RULES.items():
        if state in starts and actor.role in roles and (
            actor.role is not Role.DEPARTMENT or actor.department == ticket_department
        ):
            out.append(action)
    return out
