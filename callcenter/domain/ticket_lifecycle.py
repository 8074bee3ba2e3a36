"""The ticket lifecycle (rules section 4; seed 004 Q61-Q69): who may move a
ticket from which state. Every accepted move becomes an append-only ticket
event; a refused one says why with a reason code the UI translates.

已受理 accepted -> 已下发 dispatched -> 处理中 in_progress -> 已回复 replied
-> 已回访 visited (satisfied) -> 已归档 archived; "not satisfied" reopens it
(back to dispatched); an inquiry answered on the call is closed at once.
"""

from __future__ import annotations

from enum import Enum

from callcenter.domain.auth.permissions import OTHER_DEPARTMENT, Permission, refusal
from callcenter.domain.auth.roles import Actor, Role


class TicketState(Enum):
    ACCEPTED = "accepted"  # 已受理
    DISPATCHED = "dispatched"  # 已下发
    IN_PROGRESS = "in_progress"  # 处理中
    REPLIED = "replied"  # 已回复
    VISITED = "visited"  # 已回访
    ARCHIVED = "archived"  # 已归档


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


class TransitionRefused(Exception):
    """``reason`` is a code: wrong_state | not_allowed_for_role | other_department |
    not_closable | reply_incomplete."""

    def __init__(self, action: TicketAction, state: TicketState, reason: str) -> None:
        super().__init__(f"{action.value} refused in {state.value}: {reason}")
        self.action, self.state, self.reason = action, state, reason


_S, _A, _P = TicketState, TicketAction, Permission
OPEN = frozenset({_S.ACCEPTED, _S.DISPATCHED, _S.IN_PROGRESS, _S.REPLIED})

# action -> (states it may start from, the permission it needs, resulting state
# or None). Who holds the permission is the one table, domain/auth/permissions.py.
_RULES: dict[TicketAction, tuple[frozenset[TicketState], Permission, TicketState | None]] = {
    _A.DISPATCH: (frozenset({_S.ACCEPTED}), _P.TICKET_DISPATCH, _S.DISPATCHED),
    _A.ACCEPT: (frozenset({_S.DISPATCHED}), _P.TICKET_ACCEPT, _S.IN_PROGRESS),
    _A.REPLY: (frozenset({_S.IN_PROGRESS}), _P.TICKET_REPLY, _S.REPLIED),
    _A.CALLBACK_SATISFIED: (frozenset({_S.REPLIED}), _P.CALLBACK_RECORD, _S.VISITED),
    _A.CALLBACK_NOT_SATISFIED: (frozenset({_S.REPLIED}), _P.CALLBACK_RECORD, _S.DISPATCHED),
    _A.ARCHIVE: (frozenset({_S.VISITED}), _P.TICKET_ARCHIVE, _S.ARCHIVED),
    _A.CLOSE_ON_CALL: (frozenset({_S.ACCEPTED}), _P.TICKET_CLOSE_ON_CALL, _S.ARCHIVED),
    _A.URGE: (OPEN, _P.TICKET_URGE, None),
    _A.SUPERVISE: (OPEN, _P.TICKET_SUPERVISE, None),
}


def permission_for(action: TicketAction) -> Permission:
    return _RULES[action][1]


def _role_refusal(actor: Actor, permission: Permission, ticket_department: str | None) -> str | None:
    """The lifecycle's reason code (not_allowed_for_role | other_department) from the table."""
    why = refusal(actor, permission, department=ticket_department)
    if why is None:
        return None
    return OTHER_DEPARTMENT if why == OTHER_DEPARTMENT else "not_allowed_for_role"


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
    starts, permission, result = _RULES[action]
    if state not in starts:
        raise TransitionRefused(action, state, "wrong_state")
    why = _role_refusal(actor, permission, ticket_department)
    if why is not None:
        raise TransitionRefused(action, state, why)
    if action is TicketAction.CLOSE_ON_CALL and not closable_on_call:
        raise TransitionRefused(action, state, "not_closable")
    if action is TicketAction.REPLY:
        needed = REPAIR_REPLY_FIELDS if is_repair else ("result",)
        if any(not (reply or {}).get(k, "").strip() for k in needed):
            raise TransitionRefused(action, state, "reply_incomplete")
    return state if result is None else result


def allowed_actions(state: TicketState, actor: Actor, ticket_department: str | None) -> list[TicketAction]:
    return [action for action, (starts, permission, _) in _RULES.items()
            if state in starts and _role_refusal(actor, permission, ticket_department) is None]


__all__ = ["OPEN", "REPAIR_REPLY_FIELDS", "Actor", "Role", "TicketAction", "TicketState",
           "TransitionRefused", "allowed_actions", "permission_for", "transition"]
