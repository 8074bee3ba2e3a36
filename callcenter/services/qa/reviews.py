"""QA reviews: score a call on the profile's form and release it; the agent
signs off or disputes; the reviewer or a shift lead rescores or declines.

Every step is one local transaction: the review row (state, score, answers),
an append-only review event (who, role, when, why, the scores before and
after) and an audit record; the outbox carries the first two to central, so
the step reaches the other desks (agent desks pull released reviews of their
team's calls; the service shows an agent their own only). The rules of the
steps are domain/qa/reviews.py; the arithmetic domain/qa/forms.py.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from callcenter.domain.audit.chain import AuditAction
from callcenter.domain.auth.permissions import Permission
from callcenter.domain.auth.roles import Actor, Role
from callcenter.domain.clock import Clock
from callcenter.domain.qa.calibration import Calibration, calibrate
from callcenter.domain.qa.forms import Answer, EvalForm, Problem, forms_from_profile, score, validate
from callcenter.domain.qa.pins import Pin, checked, pins_from_json, pins_json
from callcenter.domain.qa.reviews import ReviewFacts, ReviewState, ReviewStep, next_state
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.audit.log import AuditLog
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.storage.database import Database
from callcenter.store.ids import new_id
from callcenter.store.models import CallSession
from callcenter.store.qa_models import QaReview, QaReviewEvent

_AUDIT = {
    ReviewStep.SUBMIT: AuditAction.QA_REVIEW_RELEASED,
    ReviewStep.SIGN_OFF: AuditAction.QA_REVIEW_SIGNED_OFF,
    ReviewStep.DISPUTE: AuditAction.QA_REVIEW_DISPUTED,
    ReviewStep.RESCORE: AuditAction.QA_REVIEW_RESCORED,
    ReviewStep.DECLINE: AuditAction.QA_REVIEW_DECLINED,
}


REVIEW, CALIBRATION = "review", "calibration"


def calibration_in(s: Session, call_id: uuid.UUID, forms: Sequence[EvalForm]) -> Calibration | None:
    """The spread of the call's calibration scorings on their (newest) form; None if none."""
    rows = s.scalars(select(QaReview).where(
        QaReview.call_id == call_id, QaReview.purpose == CALIBRATION,
        QaReview.deleted_at.is_(None)).order_by(QaReview.created_at)).all()
    if not rows:
        return None
    last = rows[-1]
    form = next((f for f in forms if f.id == last.form_id and f.version == last.form_version), None)
    if form is None:
        raise LookupError(f"no evaluation form {last.form_id!r} version {last.form_version}")
    same = [r for r in rows if (r.form_id, r.form_version) == (form.id, form.version)]
    return calibrate(form, {r.reviewer_id: {k: Answer.from_json(v) for k, v in r.answers.items()}
                            for r in same})


class ReviewInvalid(ValueError):
    """The answers cannot be submitted; ``problems`` in form order."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(", ".join(f"{p.question}:{p.code}" for p in problems))
        self.problems = list(problems)


class ReviewNotFound(LookupError):
    pass


@dataclass(frozen=True)
class ReviewStepView:
    kind: str
    actor: str
    role: str
    at: datetime
    data: Mapping[str, Any]


@dataclass(frozen=True)
class ReviewView:
    id: uuid.UUID
    call_id: uuid.UUID
    agent_id: str
    reviewer_id: str
    form_id: str
    form_version: int
    answers: dict[str, Answer]
    pins: list[Pin]  # comments pinned to times of the call, in time order
    score: float | None
    fatal: bool
    state: ReviewState
    disputes: int
    released_at: datetime | None
    history: list[ReviewStepView]


def _view(session: Session, r: QaReview) -> ReviewView:
    events = session.scalars(select(QaReviewEvent).where(QaReviewEvent.review_id == r.id)
                             .order_by(QaReviewEvent.at, QaReviewEvent.id)).all()
    return ReviewView(
        r.id, r.call_id, r.agent_id, r.reviewer_id, r.form_id, r.form_version,
        {k: Answer.from_json(v) for k, v in r.answers.items()}, pins_from_json(r.pins),
        r.score, r.fatal, ReviewState(r.state), r.disputes, r.released_at,
        [ReviewStepView(e.kind, e.actor, e.role, e.at, dict(e.data)) for e in events])


class Reviews:
    """Reviews for the signed-in user; each method checks the permission table
    at once (``PermissionDenied``) and returns a Future of the committed result."""

    def __init__(self, db: Database, profile: SiteProfile, clock: Clock, workstation: str,
                 user: CurrentUser, audit: AuditLog | None = None) -> None:
        self._db, self._profile, self._clock, self._ws = db, profile, clock, workstation
        self.user = user
        self._audit = audit or AuditLog(db, clock, workstation)
        self.forms = forms_from_profile(profile.qa)
        self.max_disputes = int(profile.qa.get("max_disputes", 2))

    def form(self, form_id: str | None = None, version: int | None = None) -> EvalForm:
        """The form to score on: the newest version of ``form_id`` (the first form by default)."""
        cands = [f for f in self.forms if form_id is None or f.id == form_id]
        if version is not None:
            cands = [f for f in cands if f.version == version]
        if not cands:
            raise LookupError(f"no evaluation form {form_id!r} version {version!r} in the profile")
        want = cands[0].id
        return max((f for f in cands if f.id == want), key=lambda f: f.version)

    # ----- reviewer -----------------------------------------------------
    def submit(self, call_id: uuid.UUID, answers: Mapping[str, Answer], *,
               pins: Sequence[Pin] = (), form_id: str | None = None,
               calibration: bool = False, release_at: datetime | None = None
               ) -> Future[ReviewView]:
        """Score the call and release the review to its agent (one transaction).
        ``pins``: comments pinned to times of the call (``PinInvalid`` at once for a bad one).
        ``release_at`` (aware): the agent sees the review from then on, not before (a time
        already passed releases it now). ``calibration``: a blind scoring for calibration,
        kept but never released."""
        if release_at is not None and release_at.tzinfo is None:
            raise ValueError("release_at must be timezone-aware")
        actor = self.user.require(Permission.QA_REVIEW_SCORE)
        form = self.form(form_id)
        problems = validate(form, answers)
        if problems:
            raise ReviewInvalid(problems)
        pins = checked(pins)
        return self._db.write(lambda s: self._submit_in(s, actor, call_id, form, dict(answers), pins,
                                                        calibration, release_at))

    def _submit_in(self, s: Session, actor: Actor, call_id: uuid.UUID, form: EvalForm,
                   answers: dict[str, Answer], pins: Sequence[Pin],
                   calibration: bool = False, release_at: datetime | None = None) -> ReviewView:
        call = s.get(CallSession, call_id)
        if call is None:
            raise ReviewNotFound(f"no call {call_id}")
        now = self._clock.utc_now()
        facts = ReviewFacts(ReviewState.DRAFT, call.agent_id, actor.user_id, 0)
        state = next_state(facts, ReviewStep.SUBMIT, actor, max_disputes=self.max_disputes)
        if calibration:
            state = ReviewState.DRAFT
        sc = score(form, answers)
        released = max(now, release_at) if release_at is not None else now
        r = QaReview(call_id=call_id, call_desk=call.origin_workstation, agent_id=call.agent_id,
                     reviewer_id=actor.user_id, form_id=form.id, form_version=form.version,
                     answers={k: a.as_json() for k, a in answers.items()},
                     pins=pins_json(pins), score=sc.score,
                     fatal=bool(sc.fatal_failed), state=state.value, disputes=0, created_at=now,
                     released_at=None if calibration else released, updated_at=now,
                     purpose=CALIBRATION if calibration else REVIEW, origin_workstation=self._ws)
        r.id = new_id()
        s.add(r)
        if not calibration:
            data: dict[str, Any] = {"score_after": sc.score}
            if released > now:
                data["release_at"] = released.isoformat()
            self._step_in(s, r, ReviewStep.SUBMIT, actor, now, data)
        s.flush()
        return _view(s, r)

    def calibration(self, call_id: uuid.UUID) -> Future[Calibration | None]:
        """The spread of the blind calibration scorings of one call: for a shift
        lead, and a QA reviewer once they scored it blind themselves
        (services/qa/calibration.py: ``CalibrationBlind`` in the Future before that)."""
        from callcenter.services.qa.calibration import Calibrations  # it builds on this module

        return Calibrations(self._db, self._profile, self.user).spread(call_id)

    def rescore(self, review_id: uuid.UUID, answers: Mapping[str, Answer], reason: str
                ) -> Future[ReviewView]:
        """The reviewer or a shift lead answers a dispute with new answers (same form version)."""
        actor = self.user.require(Permission.QA_REVIEW_READ)
        return self._db.write(lambda s: self._resolve_in(s, actor, review_id, ReviewStep.RESCORE,
                                                         reason, dict(answers)))

    def decline(self, review_id: uuid.UUID, reason: str) -> Future[ReviewView]:
        actor = self.user.require(Permission.QA_REVIEW_READ)
        return self._db.write(lambda s: self._resolve_in(s, actor, review_id, ReviewStep.DECLINE,
                                                         reason, None))

    def _resolve_in(self, s: Session, actor: Actor, review_id: uuid.UUID, step: ReviewStep,
                    reason: str, answers: dict[str, Answer] | None) -> ReviewView:
        r = self._get(s, review_id)
        now = self._clock.utc_now()
        state = next_state(self._facts(r), step, actor, reason=reason, max_disputes=self.max_disputes)
        data: dict[str, Any] = {"reason": reason.strip(), "score_before": r.score}
        if answers is not None:
            form = self.form(r.form_id, r.form_version)
            problems = validate(form, answers)
            if problems:
                raise ReviewInvalid(problems)
            sc = score(form, answers)
            r.answers = {k: a.as_json() for k, a in answers.items()}
            r.score, r.fatal = sc.score, bool(sc.fatal_failed)
        data["score_after"] = r.score
        r.state = state.value
        r.released_at = now
        self._bump(r, now)
        self._step_in(s, r, step, actor, now, data)
        s.flush()
        return _view(s, r)

    # ----- agent ---------------------------------------------------------
    def mine(self) -> Future[list[ReviewView]]:
        """The signed-in agent's own released reviews, newest first (never others'); one
        released at a set time shows from that time on (the injected clock's)."""
        actor = self.user.require(Permission.QA_REVIEW_READ_OWN)
        now = self._clock.utc_now()

        def read(s: Session) -> list[ReviewView]:
            rows = s.scalars(select(QaReview).where(
                QaReview.agent_id == actor.user_id, QaReview.released_at.is_not(None),
                QaReview.released_at <= now,
                QaReview.deleted_at.is_(None)).order_by(QaReview.released_at.desc())).all()
            return [_view(s, r) for r in rows]
        return self._db.read(read)

    def sign_off(self, review_id: uuid.UUID) -> Future[ReviewView]:
        actor = self.user.require(Permission.QA_REVIEW_READ_OWN)
        return self._db.write(lambda s: self._agent_in(s, actor, review_id, ReviewStep.SIGN_OFF, ""))

    def dispute(self, review_id: uuid.UUID, reason: str) -> Future[ReviewView]:
        actor = self.user.require(Permission.QA_REVIEW_READ_OWN)
        return self._db.write(lambda s: self._agent_in(s, actor, review_id, ReviewStep.DISPUTE,
                                                       reason))

    def _agent_in(self, s: Session, actor: Actor, review_id: uuid.UUID, step: ReviewStep,
                  reason: str) -> ReviewView:
        r = self._get(s, review_id)
        if not self._released(r):  # not the agent's to see yet
            raise ReviewNotFound(f"no review {review_id}")
        now = self._clock.utc_now()
        state = next_state(self._facts(r), step, actor, reason=reason, max_disputes=self.max_disputes)
        r.state = state.value
        if step is ReviewStep.DISPUTE:
            r.disputes += 1
        self._bump(r, now)
        data: dict[str, Any] = {"score": r.score}
        if reason.strip():
            data["reason"] = reason.strip()
        self._step_in(s, r, step, actor, now, data)
        s.flush()
        return _view(s, r)

    # ----- reading ---------------------------------------------------------
    def get(self, review_id: uuid.UUID) -> Future[ReviewView]:
        """A review: every reviewer and lead; an agent only their own released one."""
        actor = self.user.actor
        full = self.user.allows(Permission.QA_REVIEW_READ)
        if not full:
            actor = self.user.require(Permission.QA_REVIEW_READ_OWN)

        def read(s: Session) -> ReviewView:
            r = self._get(s, review_id)
            if not full and (actor is None or r.agent_id != actor.user_id
                             or not self._released(r)):
                raise ReviewNotFound(f"no review {review_id}")
            blind = r.purpose == CALIBRATION and actor is not None and actor.role is not Role.SHIFT_LEAD
            if blind and actor is not None and r.reviewer_id != actor.user_id:
                raise ReviewNotFound(f"no review {review_id}")  # calibration is blind
            return _view(s, r)
        return self._db.read(read)

    def disputed(self) -> Future[list[ReviewView]]:
        """Reviews waiting for the reviewer or the lead, oldest first."""
        self.user.require(Permission.QA_REVIEW_READ)

        def read(s: Session) -> list[ReviewView]:
            rows = s.scalars(select(QaReview).where(QaReview.state == ReviewState.DISPUTED.value)
                             .order_by(QaReview.updated_at)).all()
            return [_view(s, r) for r in rows]
        return self._db.read(read)

    # ----- internals -------------------------------------------------------
    @staticmethod
    def _get(s: Session, review_id: uuid.UUID) -> QaReview:
        r = s.get(QaReview, review_id)
        if r is None or r.deleted_at is not None:
            raise ReviewNotFound(f"no review {review_id}")
        return r

    def _released(self, r: QaReview) -> bool:
        return r.released_at is not None and r.released_at <= self._clock.utc_now()

    @staticmethod
    def _facts(r: QaReview) -> ReviewFacts:
        return ReviewFacts(ReviewState(r.state), r.agent_id, r.reviewer_id, r.disputes)

    @staticmethod
    def _bump(r: QaReview, now: datetime) -> None:
        r.version += 1
        r.updated_at = now

    def _step_in(self, s: Session, r: QaReview, step: ReviewStep, actor: Actor, now: datetime,
                 data: dict[str, Any]) -> None:
        s.add(QaReviewEvent(review_id=r.id, kind=step.value, actor=actor.user_id,
                            role=actor.role.value, at=now, data=data, updated_at=now,
                            origin_workstation=self._ws))
        detail = {k: str(v) for k, v in data.items() if v is not None}
        detail["agent"] = r.agent_id
        self._audit.record_in(s, _AUDIT[step], user_id=actor.user_id, subject=str(r.id), detail=detail)
