"""Calibration arithmetic: spread per question and per reviewer."""

from __future__ import annotations

import pytest

from callcenter.domain.qa.calibration import calibrate
from callcenter.domain.qa.forms import NO, YES, Answer, form_from_mapping

FORM = form_from_mapping({"id": "f", "groups": [{"code": "g", "name": "g", "questions": [
    {"code": "greet", "text": "greet", "kind": "yes_no", "points": 10},
    {"code": "confirm", "text": "confirm", "kind": "range", "points": 4},
    {"code": "calm", "text": "calm", "kind": "yes_no", "points": 10, "allow_na": True},
]}]})


def test_reviewers_who_agree_have_no_spread() -> None:
    same = {"greet": Answer(YES), "confirm": Answer(4), "calm": Answer(None, na=True)}
    cal = calibrate(FORM, {"7001": same, "7002": same})
    assert [q.spread for q in cal.questions] == [0.0, 0.0]  # calm: N/A by both, left out
    assert all(r.vs_mean == 0.0 and r.mean_abs_dev == 0.0 for r in cal.by_reviewer)
    assert cal.mean_score == 100.0


def test_spread_per_question_and_reviewer() -> None:
    cal = calibrate(FORM, {
        "7001": {"greet": Answer(YES), "confirm": Answer(4), "calm": Answer(YES)},
        "7002": {"greet": Answer(YES), "confirm": Answer(2), "calm": Answer(YES)},
        "7003": {"greet": Answer(NO), "confirm": Answer(0), "calm": Answer(None, na=True)},
    })
    q = {x.question: x for x in cal.questions}
    assert q["greet"].shares == {"7001": 1.0, "7002": 1.0, "7003": 0.0}
    assert q["greet"].spread == 1.0 and q["confirm"].spread == 1.0 and q["calm"].spread == 0.0
    assert q["confirm"].stdev == pytest.approx(0.408, abs=0.001)
    r = {x.reviewer: x for x in cal.by_reviewer}
    # scores: 7001 24/24 = 100, 7002 22/24 = 91.7, 7003 0/14 = 0
    assert (r["7001"].score, r["7002"].score, r["7003"].score) == (100.0, 91.7, 0.0)
    assert cal.mean_score == 63.9
    assert r["7003"].vs_mean == -63.9 and r["7001"].vs_mean == 36.1
    # 7003 is furthest from the others on the questions they all answered
    assert r["7003"].mean_abs_dev > r["7001"].mean_abs_dev > 0  # type: ignore[operator]
