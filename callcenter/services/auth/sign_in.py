"""Sign-in with 工号 and password, on this desk's copy of the users (so a desk
signs in while central is unreachable), with the lock-out of the site profile.

The password is checked off the GUI thread (``sign_in`` returns a Future):
Argon2id costs tens of milliseconds by design. The attempt is recorded in
its own write (``sign_in_attempts``, synced), so a lock-out made on one desk
counts on every desk once synced.

Order of checks, each a ``SignInRefused`` with a code: the typed values
(empty ID, empty or overlong password: nothing is hashed or recorded), then an
unknown ID or a wrong password (one code, ``wrong``: the message does not tell
which IDs exist, and an unknown ID costs a hash too), a disabled ID, a locked
ID (with the time the lock ends, checked before the password so a locked ID
cannot be guessed at).
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from callcenter.domain.audit.chain import AuditAction
from callcenter.domain.auth.lockout import Attempt, failures_left, locked_until
from callcenter.domain.auth.passwords import (
    PasswordProblem,
    new_password_problem,
    sign_in_problem,
)
from callcenter.domain.clock import Clock
from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.ticket_lifecycle import Actor, Role
from callcenter.services.audit.log import append_in
from callcenter.services.auth.directory import attempts_of, find_user
from callcenter.services.auth.hashing import hash_password, needs_rehash, verify_password
from callcenter.services.storage.database import Database
from callcenter.store.auth_models import SignInAttempt, User


class SignInRefused(Exception):
    """``code``: empty_id | empty_password | too_long | wrong | disabled | locked |
    new_password_<problem> | same_password. ``until`` (UTC) for locked;
    ``left`` the wrong passwords left before a lock, after ``wrong``."""

    def __init__(self, code: str, *, until: datetime | None = None, left: int | None = None) -> None:
        super().__init__(code)
        self.code, self.until, self.left = code, until, left


@dataclass(frozen=True)
class SignedIn:
    actor: Actor
    name: str
    team: str | None
    must_change_password: bool


@dataclass(frozen=True)
class _Checked:
    user: SignedIn | None
    code: str | None = None
    until: datetime | None = None
    left: int | None = None


def _actor(user: User) -> Actor:
    return Actor(user.user_id, Role(user.role), user.department)


class SignInService:
    def __init__(self, db: Database, profile: SiteProfile, clock: Clock, workstation: str) -> None:
        self._db, self._profile, self._clock, self._ws = db, profile, clock, workstation
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sign-in")
        self._lock = threading.Lock()

    def close(self) -> None:
        self._pool.shutdown(wait=True)

    def record(self, action: AuditAction, user_id: str | None, subject: str = "",
               detail: dict[str, str] | None = None) -> Future[None]:
        """An audit record of the desk's own (sign-out, unlock, a user switch)."""
        now = self._clock.utc_now()
        return self._db.write(lambda s: append_in(s, self._ws, now, action, user_id=user_id,
                                                  subject=subject, detail=detail))

    # ----- sign-in -----------------------------------------------------------
    def sign_in(self, user_id: str, password: str) -> Future[SignedIn]:
        """The check on a worker thread; the Future raises ``SignInRefused``."""
        return self._pool.submit(self.sign_in_now, user_id, password)

    def sign_in_now(self, user_id: str, password: str) -> SignedIn:
        user_id = user_id.strip()
        if not user_id:
            raise SignInRefused("empty_id")
        problem = sign_in_problem(password)
        if problem is PasswordProblem.EMPTY:
            raise SignInRefused("empty_password")
        if problem is PasswordProblem.TOO_LONG:
            raise SignInRefused("too_long")
        with self._lock:  # one check at a time: the attempt count is read, then written
            found = self._db.read_now(lambda s: self._snapshot(s, user_id))
            now = self._clock.utc_now()
            if found is None:
                verify_password(None, password)  # as long as a wrong password takes
                self._audit(AuditAction.SIGN_IN_FAILED, user_id[:16], "unknown_id", now)
                raise SignInRefused("wrong")
            user, attempts = found
            policy = self._profile.lockout
            until = locked_until(attempts, policy, now, user.password_set_at)
            if until is not None:
                self._audit(AuditAction.SIGN_IN_FAILED, user_id, "locked", now)
                raise SignInRefused("locked", until=until)
            ok = verify_password(user.password_hash, password)
            if ok and user.disabled:
                self._audit(AuditAction.SIGN_IN_FAILED, user_id, "disabled", now)
                raise SignInRefused("disabled")
            rehash = ok and needs_rehash(user.password_hash)
            new_hash = hash_password(password) if rehash else None
            if not ok:
                attempts = [*attempts, Attempt(now, False)]
                until = locked_until(attempts, policy, now, user.password_set_at)
            self._db.write_now(lambda s: self._record(s, user_id, ok, now, new_hash,
                                                      locks=until is not None))
            if not ok:
                if until is not None:
                    raise SignInRefused("locked", until=until)
                raise SignInRefused(
                    "wrong", left=failures_left(attempts, policy, now, user.password_set_at))
            return SignedIn(_actor(user), user.name, user.team, user.must_change_password)

    def _snapshot(self, session: Session, user_id: str) -> tuple[User, list[Attempt]] | None:
        user = find_user(session, user_id)
        if user is None or user.deleted_at is not None:
            return None
        session.expunge(user)
        return user, attempts_of(session, user_id)

    def _audit(self, action: AuditAction, user_id: str, reason: str, now: datetime) -> None:
        self._db.write_now(lambda s: append_in(s, self._ws, now, action, user_id=user_id,
                                               detail={"reason": reason}))

    def _record(self, session: Session, user_id: str, ok: bool, now: datetime,
                new_hash: str | None, *, locks: bool = False) -> None:
        """The attempt and its audit records, in one transaction."""
        session.add(SignInAttempt(user_id=user_id, ok=ok, at=now, updated_at=now,
                                  origin_workstation=self._ws))
        if ok:
            append_in(session, self._ws, now, AuditAction.SIGN_IN, user_id=user_id)
        else:
            append_in(session, self._ws, now, AuditAction.SIGN_IN_FAILED, user_id=user_id,
                      detail={"reason": "wrong_password"})
            if locks:
                append_in(session, self._ws, now, AuditAction.LOCKED_OUT, user_id=user_id,
                          detail={"minutes": f"{self._profile.lockout.lock_minutes:g}"})
        if new_hash is not None:
            user = find_user(session, user_id)
            if user is not None:
                user.password_hash, user.updated_at = new_hash, now

    # ----- the user's own password --------------------------------------------
    def change_password(self, user_id: str, old: str, new: str) -> Future[None]:
        return self._pool.submit(self.change_password_now, user_id, old, new)

    def change_password_now(self, user_id: str, old: str, new: str) -> None:
        """After a reset (must change) or whenever the user wants: the old
        password proves it is them; the new one follows the password rules."""
        problem = new_password_problem(new, user_id)
        if problem is not None:
            raise SignInRefused("new_password_" + problem.value)
        if new == old:
            raise SignInRefused("same_password")
        found = self._db.read_now(lambda s: self._snapshot(s, user_id))
        if found is None or not verify_password(found[0].password_hash, old):
            raise SignInRefused("wrong")
        new_hash = hash_password(new)
        now = self._clock.utc_now()

        def write(s: Session) -> None:
            user = find_user(s, user_id)
            if user is None:
                raise SignInRefused("wrong")
            user.password_hash, user.must_change_password = new_hash, False
            user.password_set_at = user.updated_at = now
            append_in(s, self._ws, now, AuditAction.PASSWORD_CHANGED, user_id=user_id,
                      subject=user_id)

        self._db.write_now(write)
