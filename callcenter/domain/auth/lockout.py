"""Locking an ID after wrong passwords (issue 12): five failures in a row lock
the ID for fifteen minutes; both numbers come from the site profile.

The rule is computed from the recorded attempts, not from a counter on the
user's row, so attempts made on other desks count as soon as they have synced
(an append-only log merges without conflicts, a counter would not). A success
ends a run of failures; so does a password reset (``since``), which is how an
administrator unlocks an ID. Attempts made while the ID is locked are refused
before the password is checked and are not recorded as failures, so a lock
is never extended by someone hammering the dialog.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class LockoutPolicy:
    max_failures: int = 5
    lock_minutes: float = 15.0

    def __post_init__(self) -> None:
        if self.max_failures < 1 or self.lock_minutes <= 0:
            raise ValueError("max_failures must be ≥ 1 and lock_minutes > 0")


@dataclass(frozen=True)
class Attempt:
    at: datetime  # UTC
    ok: bool


def _scan(attempts: Iterable[Attempt], policy: LockoutPolicy,
          since: datetime | None) -> tuple[datetime | None, int]:
    """(end of the last lock, failures in the current run)."""
    lock = timedelta(minutes=policy.lock_minutes)
    run = 0
    until: datetime | None = None
    for a in sorted(attempts, key=lambda a: a.at):
        if since is not None and a.at < since:
            continue
        if until is not None:
            if a.at < until:
                continue  # made on a desk that had not seen the lock yet: ignored
            until = None
        if a.ok:
            run = 0
            continue
        run += 1
        if run >= policy.max_failures:
            until, run = a.at + lock, 0
    return until, run


def locked_until(attempts: Iterable[Attempt], policy: LockoutPolicy, now: datetime,
                 since: datetime | None = None) -> datetime | None:
    """When the lock ends, or None when the ID may try now.

    ``attempts`` in any order; those before ``since`` (the last password reset)
    do not count."""
    until, _ = _scan(attempts, policy, since)
    return until if until is not None and until > now else None


def failures_left(attempts: Iterable[Attempt], policy: LockoutPolicy, now: datetime,
                  since: datetime | None = None) -> int:
    """How many more wrong passwords lock the ID (for the message after a failure)."""
    until, run = _scan(attempts, policy, since)
    if until is not None and until <= now:
        run = 0
    return policy.max_failures - run
