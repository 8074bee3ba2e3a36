"""A review's life after scoring (issue 14, "Scoring, calibration and disputes").

    draft --submit--> released --sign_off--> signed_off (final)
                          |  ^
                   dispute|  |rescore / decline (with a reason)
                          v  |
                        disputed

The reviewer submits: the review is released to the agent. The agent whose call
it is signs off, or disputes it with a reason, at most ``max_disputes`` times
(the site profile's ``[qa] max_disputes``). A dispute goes to the original
reviewer or a shift lead, who rescores it or declines it, with a reason; either
way it is released again. Every step is an append-only review event, so the
whole history is kept; the state is that of the last step.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..auth.roles import Actor, Role


class ReviewState(StrEnum):
    DRAFT = "draft"
    RELEASED = "released"
    DISPUTED = "disputed"
    SIGNED_OFF = "signed_off"


class ReviewStep(StrEnum):
    SUBMIT = "submitted"
    SIGN_OFF = "signed_off"
    DISPUTE = "disputed"
    RESCORE = "rescored"
    DECLINE = "declined"


class ReviewRefused(Exception):
    """``reason``: wrong_state | not_yours | not_reviewer | reason_required | too_many_disputes."""

    def __init__(self, step: ReviewStep, reason: str) -> None:
        super().__init__(f"{step.value} refused: {reason}")
        self.step, self.reason = step, reason


@dataclass(frozen=True)
class ReviewFacts:
    state: ReviewState
    agent_id: str  # whose call was reviewed
    reviewer_id: str
    disputes: int  # disputes made so far


_FROM = {
    ReviewStep.SUBMIT: (ReviewState.DRAFT,),
    ReviewStep.SIGN_OFF: (ReviewState.RELEASED,),
    ReviewStep.DISPUTE: (ReviewState.RELEASED,),
    ReviewStep.RESCORE: (ReviewState.DISPUTED,),
    ReviewStep.DECLINE: (ReviewState.DISPUTED,),
}
_TO = {
    ReviewStep.SUBMIT: ReviewState.RELEASED,
    ReviewStep.SIGN_OFF: ReviewState.SIGNED_OFF,
    ReviewStep.DISPUTE: ReviewState.DISPUTED,
    ReviewStep.RESCORE: ReviewState.RELEASED,
    ReviewStep.DECLINE: ReviewState.RELEASED,
}
NEEDS_REASON = frozenset({ReviewStep.DISPUTE, ReviewStep.RESCORE, ReviewStep.DECLINE})


def next_state(review: ReviewFacts, step: ReviewStep, actor: Actor, *, reason: str = "",
               max_disputes: int = 2) -> ReviewState:
    """The state after ``step`` by ``actor``, or ``ReviewRefused`` saying why not."""
    if review.state not in _FROM[step]:
        raise ReviewRefused(step, "wrong_state")
    if step in (ReviewStep.SIGN_OFF, ReviewStep.DISPUTE) and actor.user_id != review.agent_id:
        raise ReviewRefused(step, "not_yours")
    if step is ReviewStep.SUBMIT and actor.user_id != review.reviewer_id:
        raise ReviewRefused(step, "not_reviewer")
    if step in (ReviewStep.RESCORE, ReviewStep.DECLINE) and not (
            actor.user_id == review.reviewer_id or actor.role is Role.SHIFT_LEAD):
        raise ReviewRefused(step, "not_reviewer")
    if step in NEEDS_REASON and not reason.strip():
        raise ReviewRefused(step, "reason_required")
    if step is ReviewStep.DISPUTE and review.disputes >= max_disputes:
        raise ReviewRefused(step, "too_many_disputes")
    return _TO[step]
