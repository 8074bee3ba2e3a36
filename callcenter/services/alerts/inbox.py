"""Alerts addressed to a role (the shift lead on duty first): raise, list the
open ones, acknowledge.

Why a service of its own: rule 004 Q68 has the agent report an unresolved
repeat complaint to the lead "at once"; the lead may sit at another desk, so
the alert is a stored (synced) row the lead's desk picks up, not a message
box on the agent's screen. Until sync (issue 6) runs, only alerts raised on
the same desk's store reach the lead.

Every call returns a Future from the database's worker threads, so the GUI
thread never waits on SQLite.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from callcenter.domain.auth.permissions import Permission
from callcenter.domain.clock import Clock
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.storage.database import Database
from callcenter.store.alert_models import Alert
from callcenter.store.models import Ticket

REPEAT_COMPLAINT = "repeat_complaint"
SHIFT_LEAD = "shift_lead"
OPEN_LIMIT = 100


@dataclass(frozen=True)
class AlertView:
    id: uuid.UUID
    kind: str
    ticket_id: uuid.UUID | None
    ticket_number: str | None
    message: str
    for_role: str
    created_by: str
    created_at: datetime
    acknowledged_at: datetime | None = None
    acknowledged_by: str | None = None


class AlertNotFound(LookupError):
    pass


def _view(a: Alert, number: str | None) -> AlertView:
    return AlertView(a.id, a.kind, a.ticket_id, number, a.message, a.for_role, a.created_by,
                     a.created_at, a.acknowledged_at, a.acknowledged_by)


def _number(s: Session, ticket_id: uuid.UUID | None) -> str | None:
    return None if ticket_id is None else s.scalar(select(Ticket.number).where(Ticket.id == ticket_id))


def _open_query(role: str, kind: str | None = None,
                ticket_id: uuid.UUID | None = None) -> Select[Alert]:
    q = select(Alert).where(Alert.for_role == role, Alert.acknowledged_at.is_(None),
                            Alert.deleted_at.is_(None))
    if kind is not None:
        q = q.where(Alert.kind == kind)
    if ticket_id is not None:
        q = q.where(Alert.ticket_id == ticket_id)
    return q


class Alerts:
    def __init__(self, db: Database, clock: Clock, workstation: str, *, user: CurrentUser) -> None:
        self._db = db
        self.user = user  # raising, reading the lead's list and acknowledging are checked
        self._clock = clock
        self._ws = workstation
        self._listeners: list[Callable[[AlertView], None]] = []

    def add_listener(self, fn: Callable[[AlertView], None]) -> None:
        """``fn(alert)`` runs on the writer thread after a raise commits (the UI
        re-posts it to the GUI thread), so a lead at this desk sees it at once."""
        self._listeners.append(fn)

    def raise_in(self, s: Session, kind: str, message: str, *, created_by: str,
                 for_role: str = SHIFT_LEAD, ticket_id: uuid.UUID | None = None,
                 unless_open: str | None = None) -> AlertView:
        """The transaction body. One open alert per (role, kind, ticket): a second
        report while the first is unacknowledged returns the open one, so a
        customer calling twice does not flood the lead's list. ``unless_open``: the
        same for an open alert of the kind whose message starts with it (one
        open threshold alert per team or desk, the board's)."""
        if ticket_id is not None or unless_open is not None:
            q = _open_query(for_role, kind, ticket_id)
            if unless_open is not None:
                q = q.where(Alert.message.startswith(unless_open, autoescape=True))
            existing = s.scalars(q.limit(1)).first()
            if existing is not None:
                return _view(existing, _number(s, ticket_id))
        now = self._clock.utc_now()
        row = Alert(kind=kind, ticket_id=ticket_id, message=message, for_role=for_role,
                    created_by=created_by, created_at=now, updated_at=now,
                    origin_workstation=self._ws)
        s.add(row)
        s.flush()
        return _view(row, _number(s, ticket_id))

    def raise_alert(self, kind: str, message: str, *, created_by: str,
                    for_role: str = SHIFT_LEAD, ticket_id: uuid.UUID | None = None
                    ) -> Future[AlertView]:
        """Raises ``PermissionDenied`` unless ``created_by`` is signed in and may
        alert the lead."""
        self.user.require_as(created_by, Permission.ALERT_RAISE)
        fut = self._db.write(lambda s: self.raise_in(s, kind, message, created_by=created_by,
                                                     for_role=for_role, ticket_id=ticket_id))
        fut.add_done_callback(self._notify)
        return fut

    def raise_desk_alert(self, kind: str, message: str,
                         for_role: str = SHIFT_LEAD, *,
                         unless_open: str | None = None) -> Future[AlertView]:
        """An alert the desk raises about itself (its phone went offline) or that
        its board computed (a threshold breach), not a user's act: no permission
        check, made by the workstation."""
        fut = self._db.write(lambda s: self.raise_in(s, kind, message, created_by=self._ws,
                                                     for_role=for_role, unless_open=unless_open))
        fut.add_done_callback(self._notify)
        return fut

    def _notify(self, fut: Future[AlertView]) -> None:
        if fut.exception() is None:
            for fn in list(self._listeners):
                fn(fut.result())

    def open_for(self, role: str, limit: int = OPEN_LIMIT) -> Future[list[AlertView]]:
        """Unacknowledged alerts for ``role``, newest first. The shift lead's list
        is for a signed-in shift lead only (else ``PermissionDenied``)."""
        if role == SHIFT_LEAD:
            self.user.require(Permission.ALERTS_READ_LEAD)

        def read(s: Session) -> list[AlertView]:
            rows = s.execute(
                _open_query(role).add_columns(Ticket.number)
                .outerjoin(Ticket, Ticket.id == Alert.ticket_id)
                .order_by(Alert.created_at.desc(), Alert.id.desc()).limit(limit)
            ).all()
            return [_view(a, n) for a, n in rows]
        return self._db.read(read)

    def acknowledge(self, alert_id: uuid.UUID, by: str) -> Future[AlertView]:
        """Close an alert; acknowledging one already acknowledged keeps the first
        acknowledgement (who saw it first is the record). ``by`` must be the
        signed-in shift lead (else ``PermissionDenied``)."""
        self.user.require_as(by, Permission.ALERTS_READ_LEAD)

        def write(s: Session) -> AlertView:
            a = s.get(Alert, alert_id)
            if a is None:
                raise AlertNotFound(alert_id)
            if a.acknowledged_at is None:
                now = self._clock.utc_now()
                a.acknowledged_at, a.acknowledged_by = now, by
                a.updated_at = now
                a.version += 1
            return _view(a, _number(s, a.ticket_id))
        return self._db.write(write)
