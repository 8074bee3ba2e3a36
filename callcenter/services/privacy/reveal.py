""""Show full number": a reason is required, every reveal is recorded.

The recorder is injected (``Callable[[RevealRecord], None]``); the composition
root connects it to the audit log. A reveal is for one subject (a ticket, or a
callback task's ticket): the UI keeps it only while that ticket's window is open.
The recorder runs before the number is given back, so a reveal that could not be
recorded is not shown (the recorder's exception propagates). Only a role holding
``UNMASK_PERSONAL_DATA`` may reveal (the service refuses, not only the button).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from callcenter.domain.audit.chain import AuditAction
from callcenter.domain.auth.permissions import Permission, require
from callcenter.domain.auth.roles import Actor
from callcenter.domain.clock import Clock
from callcenter.services.audit.log import AuditLog

log = logging.getLogger(__name__)

MAX_REASON = 500


class RevealRefused(ValueError):
    """``code``: ``no_reason`` | ``reason_too_long`` | ``signed_out`` (no user ID)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class RevealRecord:
    user_id: str
    subject: str  # "ticket:<uuid>" or another named subject
    reason: str
    at: datetime  # UTC
    ticket_id: uuid.UUID | None = None


Recorder = Callable[[RevealRecord], None]


def ticket_subject(ticket_id: uuid.UUID) -> str:
    return f"ticket:{ticket_id}"


class Reveals:
    def __init__(self, recorder: Recorder, clock: Clock) -> None:
        self._recorder = recorder
        self._clock = clock

    def reveal(self, actor: Actor | None, reason: str, *, ticket_id: uuid.UUID | None = None,
               subject: str | None = None) -> RevealRecord:
        """Record that ``actor`` looks at the full numbers of the subject, and why.
        Raises ``PermissionDenied`` for nobody signed in or a role that may not
        unmask, and ``RevealRefused`` for an empty/overlong reason."""
        user_id = require(actor, Permission.UNMASK_PERSONAL_DATA).user_id
        if not user_id:
            raise RevealRefused("signed_out")
        why = reason.strip()
        if not why:
            raise RevealRefused("no_reason")
        if len(why) > MAX_REASON:
            raise RevealRefused("reason_too_long")
        if subject is None:
            if ticket_id is None:
                raise ValueError("a reveal needs a ticket_id or a subject")
            subject = ticket_subject(ticket_id)
        record = RevealRecord(user_id, subject, why, self._clock.utc_now(), ticket_id)
        self._recorder(record)
        log.info("full number shown to user %s for %s", user_id, subject)
        return record


def audit_recorder(audit: AuditLog, timeout_s: float = 5.0) -> Recorder:
    """Each reveal is an ``unmask`` record in the desk's audit chain, written before
    the number is shown (a write that fails keeps the number masked)."""

    def record(r: RevealRecord) -> None:
        audit.record(AuditAction.UNMASK, user_id=r.user_id, subject=r.subject,
                     detail={"reason": r.reason}).result(timeout=timeout_s)

    return record


def log_only_recorder(record: RevealRecord) -> None:
    """The recorder until the audit log is connected: the diagnostic log only."""
    log.warning("reveal recorded in the diagnostic log only (no audit log connected): %s %s",
                record.user_id, record.subject)
