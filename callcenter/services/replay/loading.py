"""Loading a call for replay: its events, who took it, its ticket, its recording."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from callcenter.domain.auth.permissions import Permission, require
from callcenter.domain.call_events import CallEvent, EventKind
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.storage.database import Database
from callcenter.store.models import CallEventRow, CallSession, Ticket


def recordings_dir(data_dir: Path) -> Path:
    """Where this desk keeps its calls' recordings (owner-only, one WAV per call)."""
    return data_dir / "recordings"


def recording_path(directory: Path, call_id: uuid.UUID) -> Path:
    return directory / f"{call_id}.wav"


class CallNotFound(LookupError):
    pass


@dataclass(frozen=True)
class ReplayData:
    call_id: uuid.UUID
    agent_id: str
    caller_number: str  # as stored: the view masks it by the viewer's policy
    started_at: datetime  # UTC
    outcome: str
    ticket_number: str | None
    department: str | None
    events: tuple[CallEvent, ...]
    recording: Path | None = None  # a local WAV of the call, if this desk has it
    ticket_id: uuid.UUID | None = None


_KINDS = {k.value: k for k in EventKind}


def _utc(value: str | datetime) -> datetime:
    at = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def _events_in(session: Session, call_id: uuid.UUID) -> tuple[CallEvent, ...]:
    """The call's events in order: one Core query, the times and payloads read as
    stored text (no per-row type processing), every payload decoded by one
    ``json.loads`` of them all as an array. A kind this build does not know is left
    out; an empty payload is ``{}``."""
    rows = session.connection().execute(
        select(CallEventRow.kind, CallEventRow.mono_ns, type_coerce(CallEventRow.at, String),
               type_coerce(CallEventRow.data, String))
        .where(CallEventRow.call_id == call_id).order_by(CallEventRow.seq)).all()
    if not rows:
        return ()
    payloads = json.loads("[" + ",".join(r[3] or "{}" for r in rows) + "]")
    kinds = _KINDS
    return tuple(CallEvent(kinds[k], m, _utc(at), d if d is not None else {})
                 for (k, m, at, _), d in zip(rows, payloads, strict=True) if k in kinds)


def load_replay_in(session: Session, call_id: uuid.UUID, recordings: Path | None = None) -> ReplayData:
    call = session.get(CallSession, call_id)
    if call is None:
        raise CallNotFound(call_id)
    events = _events_in(session, call_id)
    ticket = session.scalars(select(Ticket).where(Ticket.call_id == call_id)
                             .order_by(Ticket.created_at).limit(1)).first()
    recording = None
    if recordings is not None and (path := recording_path(recordings, call_id)).is_file():
        recording = path
    saved = next((str(e.data["number"]) for e in events
                  if e.kind is EventKind.TICKET_SAVED and e.data.get("number")), None)
    return ReplayData(call.id, call.agent_id, call.caller_number, call.started_at, call.outcome,
                      ticket.number if ticket else saved, ticket.department if ticket else None,
                      events, recording, ticket.id if ticket else None)


def call_of_ticket_in(session: Session, ticket_id: uuid.UUID) -> uuid.UUID | None:
    return session.scalar(select(Ticket.call_id).where(Ticket.id == ticket_id))


class Replays:
    """Who may replay: whoever may read the call's ticket (a department only its
    own department's), and QA reviewers."""

    def __init__(self, db: Database, *, user: CurrentUser, recordings: Path | None = None) -> None:
        self._db = db
        self.user = user
        self.recordings = recordings
        # with a central: fetch a call's recording this desk does not have (the sync
        # worker's RecordingSync.fetch); its Future's Path is None when central has none
        self.fetch_recording: Callable[[uuid.UUID], Future[Path | None]] | None = None

    def load(self, call_id: uuid.UUID) -> Future[ReplayData]:
        """The call's replay data, or (in the Future) ``CallNotFound`` /
        ``PermissionDenied``."""
        actor = self.user.actor

        def read(s: Session) -> ReplayData:
            data = load_replay_in(s, call_id, self.recordings)
            require(actor, Permission.TICKET_READ, department=data.department)
            return data
        return self._db.read(read)

    def call_of_ticket(self, ticket_id: uuid.UUID) -> Future[uuid.UUID | None]:
        return self._db.read(lambda s: call_of_ticket_in(s, ticket_id))
