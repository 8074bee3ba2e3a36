"""The administrators' user screen as a use case: the UserDirectory's changes on
the store's writer thread, each checked against who asks (only an
administrator manages users; the service refuses, not only the screen)."""

from __future__ import annotations

from concurrent.futures import Future

from callcenter.domain.auth.permissions import Permission, require
from callcenter.domain.clock import Clock
from callcenter.domain.ticket_lifecycle import Actor
from callcenter.services.auth.directory import UserDirectory, UserInfo, UserRefused
from callcenter.services.storage.database import Database


class UserAdmin:
    def __init__(self, db: Database, directory: UserDirectory, clock: Clock) -> None:
        self._db, self._dir, self._clock = db, directory, clock

    def _as(self, actor: Actor | None) -> UserDirectory:
        """The directory acting for ``actor`` (its changes audited in their name)."""
        return UserDirectory(self._dir.profile, self._dir.workstation,
                             actor.user_id if actor else None)

    @staticmethod
    def _require(actor: Actor | None) -> None:
        """``PermissionDenied`` unless ``actor`` holds USERS_MANAGE (the table's admin)."""
        require(actor, Permission.USERS_MANAGE)

    def list(self, actor: Actor | None) -> Future[list[UserInfo]]:
        self._require(actor)
        now = self._clock.utc_now()
        return self._db.read(lambda s: self._dir.list_in(s, now))

    def add(self, actor: Actor | None, user_id: str, *, name: str, role: str, password: str,
            team: str | None = None, department: str | None = None) -> Future[None]:
        self._require(actor)
        now = self._clock.utc_now()
        return self._db.write(lambda s: None if self._as(actor).add_in(
            s, user_id, name=name, role=role, password=password, now=now, team=team,
            department=department) else None)

    def set_disabled(self, actor: Actor | None, user_id: str, disabled: bool) -> Future[None]:
        self._require(actor)
        if actor is not None and actor.user_id == user_id.strip() and disabled:
            raise UserRefused("not_yourself", user_id)
        now = self._clock.utc_now()
        return self._db.write(lambda s: None if self._as(actor).set_disabled_in(
            s, user_id, disabled, now) else None)

    def reset_password(self, actor: Actor | None, user_id: str, password: str) -> Future[None]:
        self._require(actor)
        now = self._clock.utc_now()
        return self._db.write(lambda s: None if self._as(actor).reset_password_in(
            s, user_id, password, now) else None)
