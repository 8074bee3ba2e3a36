"""Calibration: several reviewers score the same call blind, and the QA lead
sees how far apart they are, per question and per reviewer (issue 14).

Per question: each reviewer's earned share of the question's points (0..1; N/A
left out) and the spread (max - min) and standard deviation of those shares; a
question the reviewers answer alike has spread 0. Per reviewer: their score
and its distance from the mean of all scores (positive: scores higher than the
others), and the mean absolute distance of their answers from the others'
mean per question. Pure arithmetic over the forms' answers (domain/qa/forms.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from statistics import mean, pstdev

from .forms import Answer, EvalForm, earned, score


@dataclass(frozen=True)
class QuestionSpread:
    question: str
    shares: Mapping[str, float]  # reviewer -> earned / points
    spread: float  # max - min of the shares
    stdev: float


@dataclass(frozen=True)
class ReviewerSpread:
    reviewer: str
    score: float | None
    vs_mean: float | None  # score - mean of every reviewer's score
    mean_abs_dev: float | None  # mean over questions of |share - the question's mean share|


@dataclass(frozen=True)
class Calibration:
    reviewers: tuple[str, ...]
    mean_score: float | None
    questions: tuple[QuestionSpread, ...]  # in form order, widest spread first is up to the UI
    by_reviewer: tuple[ReviewerSpread, ...]


def calibrate(form: EvalForm, scorings: Mapping[str, Mapping[str, Answer]]) -> Calibration:
    """``scorings``: reviewer -> their answers to the same call on ``form``."""
    reviewers = tuple(sorted(scorings))
    questions: list[QuestionSpread] = []
    devs: dict[str, list[float]] = {r: [] for r in reviewers}
    for q in form.questions():
        shares: dict[str, float] = {}
        for r in reviewers:
            a = scorings[r].get(q.code)
            e = None if a is None else earned(q, a)
            if e is not None:
                shares[r] = e / q.points
        if not shares:
            continue
        values = list(shares.values())
        m = mean(values)
        for r, v in shares.items():
            devs[r].append(abs(v - m))
        questions.append(QuestionSpread(q.code, shares, round(max(values) - min(values), 3),
                                        round(pstdev(values), 3)))
    scores = {r: score(form, scorings[r]).score for r in reviewers}
    known = [s for s in scores.values() if s is not None]
    mean_score = round(mean(known), 1) if known else None
    by_reviewer = tuple(ReviewerSpread(
        r, scores[r],
        None if scores[r] is None or mean_score is None else round(scores[r] - mean_score, 1),  # type: ignore[operator]
        round(mean(devs[r]), 3) if devs[r] else None) for r in reviewers)
    return Calibration(reviewers, mean_score, tuple(questions), by_reviewer)
