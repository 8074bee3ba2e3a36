"""Draw, keep and redraw samples of calls for review (domain/qa/sampling.py)."""

from __future__ import annotations

import uuid
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from callcenter.domain.auth.permissions import Permission
from callcenter.domain.clock import Clock
from callcenter.domain.qa.sampling import SampleQuery, draw
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.storage.database import Database
from callcenter.store.models import CallSession
from callcenter.store.qa_models import QaSample

SEED_MAX = 2**63 - 1


@dataclass(frozen=True)
class Sample:
    id: uuid.UUID
    query: SampleQuery
    created_at: datetime
    created_by: str
    calls: dict[str, tuple[str, ...]]  # agent -> call ids drawn
    population: dict[str, int]  # agent -> calls it had in the period

    def call_ids(self) -> list[uuid.UUID]:
        return [uuid.UUID(c) for ids in self.calls.values() for c in ids]

    def as_json(self) -> dict[str, Any]:
        return {"sample": str(self.id), "query": self.query.as_json(),
                "created_at": self.created_at.isoformat(), "created_by": self.created_by,
                "calls": {a: list(ids) for a, ids in self.calls.items()},
                "population": dict(self.population)}


def population_in(session: Session, query: SampleQuery) -> dict[str, list[str]]:
    """agent -> every call of the query's period (and agents, and outcome)."""
    q = select(CallSession.agent_id, CallSession.id).where(
        CallSession.deleted_at.is_(None), CallSession.started_at >= query.start,
        CallSession.started_at < query.end)
    if query.agents:
        q = q.where(CallSession.agent_id.in_(list(query.agents)))
    if query.answered_only:
        q = q.where(CallSession.outcome == "answered")
    out: dict[str, list[str]] = {a: [] for a in query.agents}
    for agent, call_id in session.execute(q):
        out.setdefault(agent, []).append(str(call_id))
    return out


def draw_sample_in(session: Session, query: SampleQuery, *, created_by: str,
                   now: datetime) -> Sample:
    """Draw and keep the sample (seed and query stored with it)."""
    if not 0 <= query.seed <= SEED_MAX:
        raise ValueError(f"the seed must be 0..{SEED_MAX}")
    pop = population_in(session, query)
    calls = draw(pop, query.n, query.seed)
    counts = {a: len(set(ids)) for a, ids in sorted(pop.items())}
    row = QaSample(created_at=now, created_by=created_by, seed=query.seed, query=query.as_json(),
                   calls={"calls": {a: list(ids) for a, ids in calls.items()}, "population": counts})
    session.add(row)
    session.flush()
    return Sample(row.id, query, now, created_by, calls, counts)


def _sample(row: QaSample) -> Sample:
    return Sample(row.id, SampleQuery.from_json(row.query), row.created_at, row.created_by,
                  {a: tuple(ids) for a, ids in row.calls["calls"].items()},
                  {a: int(n) for a, n in row.calls["population"].items()})


def samples_in(session: Session) -> list[Sample]:
    rows = session.scalars(select(QaSample).order_by(QaSample.created_at.desc())).all()
    return [_sample(r) for r in rows]


def redraw_in(session: Session, sample_id: uuid.UUID) -> dict[str, tuple[str, ...]]:
    """The stored sample's query drawn again over the calls as they are now."""
    row = session.get(QaSample, sample_id)
    if row is None:
        raise KeyError(sample_id)
    query = SampleQuery.from_json(row.query)
    return draw(population_in(session, query), query.n, query.seed)


class Sampling:
    """The QA workspace's sampling, for the signed-in reviewer."""

    def __init__(self, db: Database, clock: Clock, user: CurrentUser) -> None:
        self._db, self._clock, self.user = db, clock, user

    def draw(self, query: SampleQuery) -> Future[Sample]:
        """Draw and keep the sample on the writer (never on the GUI thread)."""
        actor = self.user.require(Permission.QA_REVIEW_SCORE)
        now = self._clock.utc_now()
        return self._db.write(lambda s: draw_sample_in(s, query, created_by=actor.user_id, now=now))

    def samples(self) -> Future[list[Sample]]:
        self.user.require(Permission.QA_REVIEW_READ)
        return self._db.read(samples_in)
