"""Quality review (issue 14): samples, reviews and their steps.

``qa_samples`` is local to the reviewer's desk: the sample's seed and query are
kept with the calls drawn, so drawing again over the same calls gives the same
calls (domain/qa/sampling.py). ``qa_reviews`` (merge) and ``qa_review_events``
(append-only) and ``qa_tasks`` (merge) sync to central (local 0017, central c0012).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .ids import new_id
from .models import Base, SyncColumns


class QaSample(Base):
    """A random sample of calls per agent, with the seed and query that drew it."""

    __tablename__ = "qa_samples"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(16))
    seed: Mapped[int] = mapped_column(BigInteger)
    query: Mapped[dict[str, Any]]  # SampleQuery.as_json()
    calls: Mapped[dict[str, Any]]  # {"calls": {agent: [call id, ...]}, "population": {agent: n}}


class QaReview(SyncColumns, Base):
    """A reviewer's scoring of one call on a versioned evaluation form (synced).

    Released to the agent when the reviewer submits it (``released_at``); agent
    desks pull released reviews of their team's desks only (central c0012), and
    the service shows an agent their own. ``call_desk`` is the desk that took
    the call (its origin), which the subset rule reads."""

    __tablename__ = "qa_reviews"
    call_id: Mapped[uuid.UUID] = mapped_column(index=True)
    call_desk: Mapped[str] = mapped_column(String(32))
    agent_id: Mapped[str] = mapped_column(String(16), index=True)
    reviewer_id: Mapped[str] = mapped_column(String(16))
    form_id: Mapped[str] = mapped_column(String(40))
    form_version: Mapped[int] = mapped_column(Integer)
    answers: Mapped[dict[str, Any]]  # question code -> Answer.as_json()
    pins: Mapped[dict[str, Any]]  # {"pins": [{"seq": int, "text": str}]}: comments on the timeline
    score: Mapped[float | None] = mapped_column(Float)
    fatal: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(16))  # domain.qa.reviews.ReviewState
    # "review", or "calibration": a blind scoring for the spread between reviewers, never released
    purpose: Mapped[str] = mapped_column(String(16), default="review")
    disputes: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    released_at: Mapped[datetime | None]


class QaReviewEvent(SyncColumns, Base):
    """Append-only: one step of a review (submitted, signed off, disputed,
    rescored, declined) with who, when and why; the whole history is kept."""

    __tablename__ = "qa_review_events"
    review_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("qa_reviews.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(16))
    role: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime]
    data: Mapped[dict[str, Any]]  # {"reason", "score_before", "score_after", ...}


class QaTask(SyncColumns, Base):
    """A review task for QA: a complaint about an agent (004 Q69) to review within
    one working day (``due_at``); closed with the reviewer's note (synced)."""

    __tablename__ = "qa_tasks"
    ticket_id: Mapped[uuid.UUID] = mapped_column(index=True)  # the complaint
    agent_id: Mapped[str] = mapped_column(String(16), index=True)  # whom it is about
    note: Mapped[str] = mapped_column(String(500))
    created_by: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]
    due_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(16))  # open | done
    closed_by: Mapped[str | None] = mapped_column(String(16))
    closed_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(500))
