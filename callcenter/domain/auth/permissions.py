"""Who may do what: ONE table of role x action (issue 12; rules sections 4, 5,
7, 8 and 9). Every service checks it before it acts (``require``); the UI only
offers what ``allowed`` says, as a courtesy. The ticket lifecycle keeps its
state rules in domain/ticket_lifecycle.py and asks this table for the role.

Department-scoped permissions (``DEPARTMENT_SCOPED``) are held by a
department user for its own department's tickets only: the check is given the
ticket's department and refuses another (reason ``other_department``). Other
roles hold them for every department.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

from callcenter.domain.auth.roles import Actor, Role


class Permission(StrEnum):
    """One member per guarded action (a ``str``: its value is its name in the table)."""

    # the phone (rules section 1): 示闲, so the queue offers this desk calls
    CALL_ANSWER = "call_answer"
    # tickets (rules section 4)
    TICKET_READ = "ticket_read"  # a ticket's detail and history
    TICKET_CREATE = "ticket_create"  # record a call as a ticket (also 补录 back-filling)
    TICKET_EDIT = "ticket_edit"  # change a saved ticket's fields
    TICKET_DISPATCH = "ticket_dispatch"  # 下发 to a department
    TICKET_ACCEPT = "ticket_accept"  # the department takes it (处理中)
    TICKET_REPLY = "ticket_reply"  # the department's reply (已回复)
    TICKET_URGE = "ticket_urge"  # 催办
    TICKET_SUPERVISE = "ticket_supervise"  # 督办
    TICKET_CLOSE_ON_CALL = "ticket_close_on_call"  # an inquiry answered on the call
    TICKET_ARCHIVE = "ticket_archive"  # 归档
    # callbacks (回访, section 4)
    CALLBACK_RECORD = "callback_record"  # take a task, call, record the result
    CALLBACK_ASSIGN = "callback_assign"  # give a task to an agent
    # the shift lead's work (sections 4, 5, 8)
    ALERT_RAISE = "alert_raise"  # report to the lead (004 Q68 repeat complaint)
    ALERTS_READ_LEAD = "alerts_read_lead"  # the lead's alert list, acknowledging
    EMERGENCY_RAISE = "emergency_raise"  # the emergency banner on every desk (004 Q70)
    EMERGENCY_CLEAR = "emergency_clear"
    BOARD_READ = "board_read"  # the shift lead's live board and its figures (issue 15)
    HANDOVER_CONFIRM = "handover_confirm"  # the incoming lead confirms the record (004 Q52-55)
    OUTAGE_IMPORT = "outage_import"  # the outage list every desk answers callers from
    # content every desk uses (section 7)
    SCRIPT_EDIT = "script_edit"  # drafts in the script editor
    SCRIPT_PUBLISH = "script_publish"
    SITE_PUBLISH = "site_publish"  # the site profile and calendar
    # quality (004 Q61)
    QA_REVIEW_READ = "qa_review_read"  # every agent's reviews
    QA_REVIEW_SCORE = "qa_review_score"
    QA_REVIEW_READ_OWN = "qa_review_read_own"  # an agent's own reviews only
    # privacy and administration (section 9)
    UNMASK_PERSONAL_DATA = "unmask_personal_data"  # "show full number", with a reason, audited
    EXPORT = "export"  # reports and exports leaving the desk
    SYNC_RESOLVE = "sync_resolve"  # decide a sync conflict of this desk
    USERS_MANAGE = "users_manage"


P = Permission

# The policy, one role at a time. Read it as: "an X may ...".
# An agent answers calls (the lead too; no other role is ever queued): records,
# dispatches, urges and closes inquiries on the call, calls customers back,
# reports repeat complaints to the lead, resolves its desk's sync conflicts; of
# the QA reviews it sees only its own.
_AGENT = frozenset({
    P.CALL_ANSWER, P.TICKET_READ, P.TICKET_CREATE, P.TICKET_EDIT, P.TICKET_DISPATCH, P.TICKET_URGE,
    P.TICKET_CLOSE_ON_CALL, P.CALLBACK_RECORD, P.ALERT_RAISE, P.QA_REVIEW_READ_OWN,
    P.SYNC_RESOLVE,
})
# A shift lead does an agent's work and more. Only a lead: supervises tickets,
# assigns callbacks, reads the lead's alerts and the board, raises and clears the emergency
# banner, confirms the handover, imports outages, edits and publishes scripts
# and site documents. Like others: archives tickets (admin too), reads every QA
# review, unmasks personal data and exports (QA too).
_LEAD_ONLY = frozenset({
    P.TICKET_SUPERVISE, P.TICKET_ARCHIVE, P.CALLBACK_ASSIGN, P.ALERTS_READ_LEAD, P.BOARD_READ,
    P.EMERGENCY_RAISE, P.EMERGENCY_CLEAR, P.HANDOVER_CONFIRM, P.OUTAGE_IMPORT,
    P.SCRIPT_EDIT, P.SCRIPT_PUBLISH, P.SITE_PUBLISH, P.QA_REVIEW_READ,
    P.UNMASK_PERSONAL_DATA, P.EXPORT,
})
GRANTS: Mapping[Role, frozenset[Permission]] = MappingProxyType({
    Role.AGENT: _AGENT,
    Role.SHIFT_LEAD: _AGENT | _LEAD_ONLY,
    # a department user works the tickets dispatched to its own department
    # (DEPARTMENT_SCOPED): reads, accepts, replies
    Role.DEPARTMENT: frozenset({P.TICKET_READ, P.TICKET_ACCEPT, P.TICKET_REPLY}),
    # a QA reviewer reads tickets and every review, and scores; never edits a ticket
    Role.QA: frozenset({
        P.TICKET_READ, P.QA_REVIEW_READ, P.QA_REVIEW_SCORE, P.UNMASK_PERSONAL_DATA, P.EXPORT,
    }),
    # an administrator manages users; archives closed tickets (as the lifecycle
    # always allowed), resolves its desk's sync conflicts and exports the monthly
    # report (issue 15: leads and administrators make it)
    Role.ADMIN: frozenset({P.USERS_MANAGE, P.TICKET_READ, P.TICKET_ARCHIVE, P.SYNC_RESOLVE,
                           P.EXPORT}),
})

# held by a department user for its own department's tickets only
DEPARTMENT_SCOPED: frozenset[Permission] = frozenset({P.TICKET_READ, P.TICKET_ACCEPT, P.TICKET_REPLY})

NOT_SIGNED_IN = "not_signed_in"
ROLE = "role"
OTHER_DEPARTMENT = "other_department"


class PermissionDenied(Exception):
    """``reason``: not_signed_in | role | other_department."""

    def __init__(self, permission: Permission, reason: str, actor: Actor | None = None) -> None:
        who = "nobody signed in" if actor is None else f"{actor.user_id} ({actor.role.value})"
        super().__init__(f"{permission.value} refused for {who}: {reason}")
        self.permission, self.reason, self.actor = permission, reason, actor


def refusal(actor: Actor | None, permission: Permission, *,
            department: str | None = None) -> str | None:
    """Why ``actor`` may not do ``permission`` (a reason code), or None if it may."""
    if actor is None:
        return NOT_SIGNED_IN
    if permission not in GRANTS.get(actor.role, frozenset()):
        return ROLE
    if (actor.role is Role.DEPARTMENT and permission in DEPARTMENT_SCOPED
            and (actor.department is None or actor.department != department)):
        return OTHER_DEPARTMENT
    return None


def allowed(actor: Actor | None, permission: Permission, *, department: str | None = None) -> bool:
    return refusal(actor, permission, department=department) is None


def require(actor: Actor | None, permission: Permission, *, department: str | None = None) -> Actor:
    """``actor`` if it may do ``permission`` (on ``department``'s ticket), else
    ``PermissionDenied`` with the reason."""
    reason = refusal(actor, permission, department=department)
    if reason is not None:
        raise PermissionDenied(permission, reason, actor)
    assert actor is not None
    return actor


def permissions_of(role: Role) -> frozenset[Permission]:
    return GRANTS.get(role, frozenset())
