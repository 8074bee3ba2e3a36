"""Who sees full phone and ID numbers where: the one place that decides.

A number is shown in full only where the role needs it for its work, and masked
(``domain.privacy.masking``) everywhere else:

============  ======  =======  =========  ======  ======
role          call    tickets  callbacks  alerts  export
============  ======  =======  =========  ======  ======
agent         full    full     own task   masked  masked
shift_lead    full    masked   masked     masked  masked
department    masked  full     masked     masked  masked
qa            masked  masked   masked     masked  masked
admin         masked  masked   masked     masked  masked
signed out    masked  masked   masked     masked  masked
============  ======  =======  =========  ======  ======

- *call*: the screen pop and ticket form of the call being handled. Whoever takes
  the call (an agent, or a lead helping out when the queue overflows) talks to
  that caller and may need to call back if the line drops.
- *tickets*: the ticket list and ticket detail. An agent finds a caller's earlier
  tickets by their number while on a call; a department user's crew calls the
  customer to arrange the repair visit. The lead's views, QA review and the
  administrator do not contact customers, and see masked numbers.
- *callbacks*: the callback queue. The agent dials the customer by hand (telephony
  has no outbound dialling yet), so the number of the task **assigned to that
  agent** is shown in full; every other row is masked, including for the lead who
  only assigns the tasks. A task taken is assigned to the taker, so the number
  shows the moment the agent takes it.
- *alerts*: the lead's alert banner names the earlier ticket; the number is masked.
- *export*: anything that leaves the desk (exports, rendered reports, JSON output
  of the command line) is masked for everyone.

Where a number is masked, "show full number" (``services.privacy.reveal``) shows it
for one ticket, with a reason, and is audited: for the roles holding
``UNMASK_PERSONAL_DATA`` (lead and QA). An agent's other callback rows and an
administrator's views stay masked.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from callcenter.domain.auth.permissions import Permission, allowed
from callcenter.domain.privacy.masking import (
    mask_account,
    mask_id_number,
    mask_numbers_in,
    mask_phone,
)
from callcenter.domain.ticket_lifecycle import Actor, Role


class Surface(Enum):
    CALL = "call"
    TICKETS = "tickets"
    CALLBACKS = "callbacks"
    ALERTS = "alerts"
    EXPORT = "export"


_FULL: dict[Role, frozenset[Surface]] = {
    Role.AGENT: frozenset({Surface.CALL, Surface.TICKETS, Surface.CALLBACKS}),
    Role.SHIFT_LEAD: frozenset({Surface.CALL}),
    Role.DEPARTMENT: frozenset({Surface.TICKETS}),
    Role.QA: frozenset(),
    Role.ADMIN: frozenset(),
}


def sees_full(role: Role | None, surface: Surface, *, own_task: bool = True) -> bool:
    """Whether ``role`` sees full numbers on ``surface``. ``own_task``: for the
    callback queue, whether the row is assigned to the signed-in user."""
    if role is None:
        return False
    if surface is Surface.CALLBACKS and not own_task:
        return False
    return surface in _FULL[role]


@dataclass(frozen=True)
class NumberPolicy:
    """The signed-in user's view of numbers; ``role`` None is nobody signed in."""

    role: Role | None
    user_id: str | None = None
    actor: Actor | None = None  # who it is for (a reveal is asked in their name)

    def full(self, surface: Surface, *, own_task: bool = True) -> bool:
        return sees_full(self.role, surface, own_task=own_task)

    @property
    def may_reveal(self) -> bool:
        """Whether "show full number" is this user's to ask (UNMASK_PERSONAL_DATA)."""
        return allowed(self.actor, Permission.UNMASK_PERSONAL_DATA)

    def phone(self, number: str, surface: Surface, *, own_task: bool = True,
              revealed: bool = False) -> str:
        if revealed or self.full(surface, own_task=own_task):
            return number
        return mask_phone(number)

    def text(self, text: str, surface: Surface, *, revealed: bool = False) -> str:
        """Free text (a ticket's content): phone/ID numbers typed in it masked."""
        if revealed or self.full(surface):
            return text
        return mask_numbers_in(text)

    def id_number(self, number: str, surface: Surface, *, revealed: bool = False) -> str:
        if revealed or self.full(surface):
            return number
        return mask_id_number(number)


NOBODY = NumberPolicy(None)


def policy_for(actor: Actor | None) -> NumberPolicy:
    """The policy of the signed-in user (``CurrentUser.actor``: the role is the
    users table's, set at password sign-in)."""
    if actor is None:
        return NOBODY
    return NumberPolicy(actor.role, actor.user_id, actor)


def export_phone(number: str) -> str:
    """What leaves the desk: always masked."""
    return mask_phone(number)


def export_match(kind: str, value: str) -> str:
    """A looked-up key as it leaves the desk: a customer's phone or account masked,
    an area, feeder or address (not personal) as it is."""
    if kind == "account":
        return mask_account(value)
    if kind == "phone":
        return mask_phone(value)
    return value
