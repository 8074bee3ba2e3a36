"""Who is signed in on this desk: one ``CurrentUser`` per app (made in
callcenter/app.py's build), handed to every service that acts for a user; each
service asks it (``require``) before it acts.

Where the actor comes from: the users table (``directory.user_actor``), set at
password sign-in (ui/auth) and by ``CallDesk.sign_in``. The site profile's
``[[staff]]`` list no longer grants roles.
"""

from __future__ import annotations

from callcenter.domain.auth.permissions import (
    NOT_SIGNED_IN,
    Permission,
    PermissionDenied,
    allowed,
    require,
)
from callcenter.domain.auth.roles import Actor


class CurrentUser:
    """The desk's signed-in actor, or None. Set and cleared on the GUI thread at
    sign-in and sign-out; read by services on any thread (one reference swap)."""

    def __init__(self, actor: Actor | None = None) -> None:
        self._actor = actor

    @property
    def actor(self) -> Actor | None:
        return self._actor

    @property
    def user_id(self) -> str | None:
        a = self._actor
        return None if a is None else a.user_id

    def set(self, actor: Actor) -> None:
        self._actor = actor

    def clear(self) -> None:
        self._actor = None

    def allows(self, permission: Permission, *, department: str | None = None) -> bool:
        """For the UI: offer only what this is true for."""
        return allowed(self._actor, permission, department=department)

    def require(self, permission: Permission, *, department: str | None = None) -> Actor:
        """The signed-in actor if it may do ``permission``; else ``PermissionDenied``."""
        return require(self._actor, permission, department=department)

    def require_as(self, user_id: str, permission: Permission, *,
                   department: str | None = None) -> Actor:
        """``require``, for a service told who acts (an ``agent_id``, an ``author``):
        that user must be the one signed in here (else ``not_signed_in``)."""
        actor = self.require(permission, department=department)
        if actor.user_id != user_id:
            raise PermissionDenied(permission, NOT_SIGNED_IN, actor)
        return actor

    def __repr__(self) -> str:
        return f"CurrentUser({self._actor!r})"
