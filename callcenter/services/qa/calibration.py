"""Calibration for the QA lead: the calls several reviewers scored blind, and the
spread of one call's scorings per question and per reviewer
(domain/qa/calibration.py; the arithmetic ``calibration_in`` in reviews.py is
what ``callcenter qa calibration`` prints).

Who sees a spread: a shift lead always; a QA reviewer once they scored that call
blind themselves (the scoring stays blind: nobody sees the others' answers
before their own is in). Numbers arrive masked by the viewer's policy.
"""

from __future__ import annotations

import uuid
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from callcenter.domain.auth.permissions import Permission, PermissionDenied
from callcenter.domain.auth.roles import Actor, Role
from callcenter.domain.qa.calibration import Calibration
from callcenter.domain.qa.forms import EvalForm, forms_from_profile
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.privacy.policy import Surface, policy_for
from callcenter.services.qa.reviews import CALIBRATION, calibration_in
from callcenter.services.storage.database import Database
from callcenter.store.models import CallSession
from callcenter.store.qa_models import QaReview

LIMIT = 500


class CalibrationBlind(LookupError):
    """A QA reviewer asked for a call's spread before scoring it blind themselves."""


@dataclass(frozen=True)
class CalibrationCall:
    call_id: uuid.UUID
    agent_id: str
    started_at: datetime
    caller: str  # masked unless the role sees it
    reviewers: int
    mine: bool  # the viewer scored it


def may_see_in(s: Session, actor: Actor, call_id: uuid.UUID) -> bool:
    if actor.role is Role.SHIFT_LEAD:
        return True
    n = s.scalar(select(func.count()).select_from(QaReview).where(
        QaReview.call_id == call_id, QaReview.purpose == CALIBRATION,
        QaReview.reviewer_id == actor.user_id, QaReview.deleted_at.is_(None)))
    return actor.role is Role.QA and bool(n)


def spread_in(s: Session, actor: Actor, call_id: uuid.UUID, forms: tuple[EvalForm, ...]
              ) -> Calibration | None:
    if not may_see_in(s, actor, call_id):
        raise CalibrationBlind(str(call_id))
    return calibration_in(s, call_id, forms)


def calibration_calls_in(s: Session, actor: Actor, limit: int = LIMIT) -> list[CalibrationCall]:
    numbers = policy_for(actor)
    r, c = QaReview, CallSession
    rows = s.execute(
        select(r.call_id, func.count(func.distinct(r.reviewer_id)), func.max(r.created_at))
        .where(r.purpose == CALIBRATION, r.deleted_at.is_(None))
        .group_by(r.call_id).order_by(func.max(r.created_at).desc()).limit(limit)).all()
    if not rows:
        return []
    ids = [row[0] for row in rows]
    calls = {x.id: x for x in s.scalars(select(c).where(c.id.in_(ids)))}
    mine = set(s.scalars(select(r.call_id).where(r.call_id.in_(ids), r.purpose == CALIBRATION,
                                                 r.reviewer_id == actor.user_id,
                                                 r.deleted_at.is_(None))))
    out = []
    for call_id, n, _last in rows:
        call = calls.get(call_id)
        if call is None:
            continue
        out.append(CalibrationCall(call_id, call.agent_id, call.started_at,
                                   numbers.phone(call.caller_number, Surface.TICKETS), int(n),
                                   call_id in mine))
    return out


class Calibrations:
    """The calibration screen's reads, for the signed-in QA reviewer or shift lead."""

    def __init__(self, db: Database, profile: SiteProfile, user: CurrentUser) -> None:
        self._db, self.user = db, user
        self.forms = forms_from_profile(profile.qa)

    def _actor(self) -> Actor:
        actor = self.user.require(Permission.QA_REVIEW_READ)
        if actor.role not in (Role.SHIFT_LEAD, Role.QA):
            raise PermissionDenied(Permission.QA_REVIEW_READ, "role", actor)
        return actor

    def calls(self) -> Future[list[CalibrationCall]]:
        """Calls with blind calibration scorings, newest scoring first."""
        actor = self._actor()
        return self._db.read(lambda s: calibration_calls_in(s, actor))

    def spread(self, call_id: uuid.UUID) -> Future[Calibration | None]:
        """The spread of the call's scorings; ``CalibrationBlind`` (in the Future) for a
        QA reviewer who has not scored it yet."""
        actor = self._actor()
        return self._db.read(lambda s: spread_in(s, actor, call_id, self.forms))
