"""The users of a site, as administrators manage them on a desk's store
(``callcenter users …`` and the admin screen). Every write goes through the ORM,
so it is in the outbox and reaches central and every desk.

Checks here are the service's own (the admin screen and the command share
them): a refused change raises ``UserRefused`` with a code the caller words
for its user, and changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from callcenter.domain.audit.chain import AuditAction
from callcenter.domain.auth.lockout import Attempt, LockoutPolicy, locked_until
from callcenter.domain.auth.passwords import PasswordProblem, new_password_problem
from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.ticket_lifecycle import Actor, Role
from callcenter.services.audit.log import append_in
from callcenter.services.auth.hashing import hash_password
from callcenter.services.storage.database import Database
from callcenter.store.auth_models import SignInAttempt, User, user_row_id

# what the command line accepts for --role
ROLE_NAMES: dict[str, Role] = {
    "agent": Role.AGENT, "lead": Role.SHIFT_LEAD, "shift_lead": Role.SHIFT_LEAD,
    "qa": Role.QA, "department": Role.DEPARTMENT, "admin": Role.ADMIN,
}
MAX_NAME = 50


class UserRefused(Exception):
    """``code``: bad_id | exists | unknown | bad_name | bad_role | bad_department |
    bad_team | password_<PasswordProblem value>."""

    def __init__(self, code: str, user_id: str = "", detail: str = "") -> None:
        super().__init__(f"{code}: {user_id} {detail}".strip())
        self.code, self.user_id, self.detail = code, user_id, detail


@dataclass(frozen=True)
class UserInfo:
    user_id: str
    name: str
    role: Role
    team: str | None
    department: str | None
    disabled: bool
    must_change_password: bool
    locked_until: datetime | None


def _printable(text: str) -> bool:
    return all(ch.isprintable() for ch in text)


def _password_refused(problem: PasswordProblem | None, user_id: str) -> None:
    if problem is not None:
        raise UserRefused("password_" + problem.value, user_id)


def info_of(user: User, attempts: list[Attempt], policy: LockoutPolicy, now: datetime) -> UserInfo:
    return UserInfo(
        user.user_id, user.name, Role(user.role), user.team, user.department, user.disabled,
        user.must_change_password, locked_until(attempts, policy, now, user.password_set_at))


def attempts_of(session: Session, user_id: str) -> list[Attempt]:
    rows = session.execute(select(SignInAttempt.at, SignInAttempt.ok)
                           .where(SignInAttempt.user_id == user_id)).all()
    return [Attempt(at, ok) for at, ok in rows]


def find_user(session: Session, user_id: str) -> User | None:
    return session.get(User, user_row_id(user_id))


def actor_in(session: Session, user_id: str) -> Actor | None:
    """The role a user acts in, from the users table; None for an unknown, removed
    or disabled ID. The ONE place an ID becomes a role."""
    user = find_user(session, user_id.strip())
    if user is None or user.deleted_at is not None or user.disabled:
        return None
    return Actor(user.user_id, Role(user.role), user.department)


def user_actor(db: Database, user_id: str) -> Actor | None:
    return db.read_now(lambda s: actor_in(s, user_id))


class UserDirectory:
    """Add, disable, enable, reset and list users in one store (session-level,
    so a caller's transaction can hold an audit record with the change)."""

    def __init__(self, profile: SiteProfile, workstation: str, by: str | None = None, *,
                 audit: bool = True) -> None:
        """``by``: who makes the changes (the signed-in administrator), for the audit log;
        ``audit`` False only for demo seeding, which stays on the desk."""
        self.profile, self.workstation, self.by, self.audit = profile, workstation, by, audit

    def _audit(self, session: Session, action: AuditAction, user: User, now: datetime,
               **detail: str) -> None:
        if self.audit:
            append_in(session, self.workstation, now, action, user_id=self.by,
                      subject=user.user_id, detail=detail or None)

    # ----- checks ------------------------------------------------------------
    def check_id(self, user_id: str) -> str:
        user_id = user_id.strip()
        if not re.fullmatch(self.profile.agent_id_pattern, user_id, re.ASCII):
            raise UserRefused("bad_id", user_id[:20])
        return user_id

    def check_profile(self, name: str, role_name: str, team: str | None,
                       department: str | None) -> tuple[str, Role, str | None, str | None]:
        name = name.strip()
        if not name or len(name) > MAX_NAME or not _printable(name):
            raise UserRefused("bad_name", detail=name[:20])
        role = ROLE_NAMES.get(role_name.strip().lower())
        if role is None:
            raise UserRefused("bad_role", detail=role_name[:20])
        team = (team or "").strip() or None
        if team is not None and (len(team) > 32 or not _printable(team)):
            raise UserRefused("bad_team", detail=team[:20])
        department = (department or "").strip() or None
        if role is Role.DEPARTMENT:
            if department not in {d.code for d in self.profile.departments}:
                raise UserRefused("bad_department", detail=(department or "")[:20])
        elif department is not None:
            raise UserRefused("bad_department", detail=department[:20])
        return name, role, team, department

    # ----- writes (in the caller's transaction) -------------------------------
    def add_in(self, session: Session, user_id: str, *, name: str, role: str, password: str,
               now: datetime, team: str | None = None, department: str | None = None,
               must_change: bool = True) -> User:
        user_id = self.check_id(user_id)
        name, role_v, team, department = self.check_profile(name, role, team, department)
        _password_refused(new_password_problem(password, user_id), user_id)
        existing = find_user(session, user_id)
        if existing is not None and existing.deleted_at is None:
            raise UserRefused("exists", user_id)
        user = User(
            id=user_row_id(user_id), user_id=user_id, name=name, role=role_v.value, team=team,
            department=department, disabled=False, password_hash=hash_password(password),
            # the administrator chose it: the user picks their own at first sign-in
            must_change_password=must_change, password_set_at=now, updated_at=now,
            origin_workstation=self.workstation)
        if existing is not None:  # re-adding a removed ID revives its row
            for col in ("name", "role", "team", "department", "disabled", "password_hash",
                        "must_change_password", "password_set_at", "updated_at"):
                setattr(existing, col, getattr(user, col))
            existing.deleted_at = None
            self._audit(session, AuditAction.USER_ADDED, existing, now, role=role_v.value)
            return existing
        session.add(user)
        self._audit(session, AuditAction.USER_ADDED, user, now, role=role_v.value)
        return user

    def _existing(self, session: Session, user_id: str) -> User:
        user = find_user(session, user_id.strip())
        if user is None or user.deleted_at is not None:
            raise UserRefused("unknown", user_id.strip()[:20])
        return user

    def set_disabled_in(self, session: Session, user_id: str, disabled: bool, now: datetime) -> User:
        user = self._existing(session, user_id)
        if user.disabled != disabled:
            user.disabled, user.updated_at = disabled, now
            self._audit(session, AuditAction.USER_DISABLED if disabled else AuditAction.USER_ENABLED,
                        user, now)
        return user

    def reset_password_in(self, session: Session, user_id: str, password: str,
                          now: datetime) -> User:
        """A new password the user must change at the next sign-in; ends a lock-out."""
        user = self._existing(session, user_id)
        _password_refused(new_password_problem(password, user.user_id), user.user_id)
        user.password_hash = hash_password(password)
        user.must_change_password, user.password_set_at, user.updated_at = True, now, now
        self._audit(session, AuditAction.PASSWORD_RESET, user, now)
        return user

    def set_role_in(self, session: Session, user_id: str, *, role: str, team: str | None,
                    department: str | None, name: str | None, now: datetime) -> User:
        user = self._existing(session, user_id)
        name_v, role_v, team, department = self.check_profile(
            name if name is not None else user.name, role, team, department)
        before = user.role
        user.name, user.role, user.team, user.department = name_v, role_v.value, team, department
        user.updated_at = now
        if before != role_v.value:
            self._audit(session, AuditAction.ROLE_CHANGED, user, now, before=before,
                        after=role_v.value)
        return user

    # ----- reads --------------------------------------------------------------
    def list_in(self, session: Session, now: datetime) -> list[UserInfo]:
        users = session.scalars(select(User).where(User.deleted_at.is_(None))
                                .order_by(User.user_id)).all()
        by_user: dict[str, list[Attempt]] = {}
        for uid, at, ok in session.execute(
                select(SignInAttempt.user_id, SignInAttempt.at, SignInAttempt.ok)):
            by_user.setdefault(uid, []).append(Attempt(at, ok))
        return [info_of(u, by_user.get(u.user_id, []), self.profile.lockout, now) for u in users]
