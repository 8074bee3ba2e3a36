"""Evaluation forms from the profile and the scoring arithmetic: weights of
critical questions, fatal questions, N/A, comments, check-filled answers and
their overrides."""

from __future__ import annotations

from typing import Any

import pytest

from callcenter.domain.qa import checks as c
from callcenter.domain.qa.checks import CheckResult
from callcenter.domain.qa.forms import (
    NO,
    YES,
    Answer,
    FormError,
    Problem,
    form_from_mapping,
    forms_from_profile,
    override,
    prefill,
    score,
    validate,
)
from callcenter.services.site.profile import load_profile


def q(code: str, kind: str = "yes_no", points: float = 10, **kw: Any) -> dict[str, Any]:
    return {"code": code, "text": code, "kind": kind, "points": points, **kw}


FORM = form_from_mapping({
    "id": "f", "version": 3, "critical_weight": 2.0, "groups": [
        {"code": "g1", "name": "问候", "questions": [
            q("greet", points=10),
            q("apology", points=5, allow_na=True, check=c.LATE_APOLOGY),
        ]},
        {"code": "g2", "name": "准确", "questions": [
            q("fields", points=10, critical=True, comment="when_lost"),
            q("attitude", "choice", 10, options=[
                {"code": "good", "label": "好", "points": 10},
                {"code": "fair", "label": "一般", "points": 4},
                {"code": "poor", "label": "差", "points": 0}]),
            q("confirm", "range", 5),
            q("conduct", points=10, fatal=True, comment="always"),
        ]},
    ]})


def full(**over: Answer) -> dict[str, Answer]:
    base = {"greet": Answer(YES), "apology": Answer(YES), "fields": Answer(YES),
            "attitude": Answer("good"), "confirm": Answer(5), "conduct": Answer(YES, comment="ok")}
    base.update(over)
    return base


def test_full_marks_is_100() -> None:
    s = score(FORM, full())
    assert s.score == 100.0 and s.fatal_failed == ()
    # weights: 10 + 5 + 2*10 + 10 + 5 + 10
    assert s.possible == 60 and s.earned == 60
    assert s.groups == {"g1": 100.0, "g2": 100.0}


def test_a_critical_question_weighs_double() -> None:
    lost_critical = score(FORM, full(fields=Answer(NO, comment="地址错")))
    lost_plain = score(FORM, full(greet=Answer(NO)))
    assert lost_critical.score == round(100 * 40 / 60, 1) == 66.7
    assert lost_plain.score == round(100 * 50 / 60, 1) == 83.3
    assert lost_critical.groups["g2"] == round(100 * 25 / 45, 1)


def test_choice_and_range_points() -> None:
    s = score(FORM, full(attitude=Answer("fair"), confirm=Answer(2)))
    assert s.earned == 60 - 6 - 3 and s.score == round(100 * 51 / 60, 1)


def test_na_counts_neither_way() -> None:
    s = score(FORM, full(apology=Answer(None, na=True)))
    assert s.possible == 55 and s.score == 100.0
    s = score(FORM, full(apology=Answer(None, na=True), greet=Answer(NO)))
    assert s.score == round(100 * 45 / 55, 1)


def test_a_fatal_question_fails_the_whole_call() -> None:
    s = score(FORM, full(conduct=Answer(NO, comment="泄露客户电话")))
    assert s.score == 0.0 and s.fatal_failed == ("conduct",)
    assert s.earned == 50  # the arithmetic is still there for the record


def test_everything_na_has_no_score() -> None:
    form = form_from_mapping({"id": "x", "groups": [{"code": "g", "name": "g", "questions": [
        q("a", allow_na=True)]}]})
    assert score(form, {"a": Answer(None, na=True)}).score is None


def test_validation_problems_in_form_order() -> None:
    answers = full(greet=Answer(None), fields=Answer(NO), attitude=Answer("excellent"),
                   confirm=Answer(7), conduct=Answer(YES))
    answers["apology"] = Answer(None, na=True)
    assert validate(FORM, answers) == [
        Problem("greet", "unanswered"), Problem("fields", "comment_required"),
        Problem("attitude", "bad_value"), Problem("confirm", "bad_value"),
        Problem("conduct", "comment_required")]
    assert validate(FORM, full()) == []
    assert validate(FORM, full(greet=Answer(None, na=True))) == [Problem("greet", "na_not_allowed")]
    assert validate(FORM, full(confirm=Answer(2.5))) == [Problem("confirm", "bad_value")]


def test_checks_fill_answers_and_an_override_needs_a_reason() -> None:
    failed = [CheckResult(c.LATE_APOLOGY, False, (1, 2))]
    pre = prefill(FORM, failed)
    assert pre == {"apology": Answer(NO, auto=True, auto_value=NO)}
    assert score(FORM, full(**pre)).score == round(100 * 55 / 60, 1)
    changed = override(pre["apology"], YES, "")
    assert Problem("apology", "override_reason") in validate(FORM, full(apology=changed))
    changed = override(pre["apology"], YES, "录音中有致歉，话术弹出晚了")
    assert validate(FORM, full(apology=changed)) == []
    assert changed.auto_value == NO  # what the check said is kept
    na = prefill(FORM, [CheckResult(c.LATE_APOLOGY, True, (), applicable=False)])
    assert na["apology"].na and validate(FORM, full(**na)) == []


def test_bad_forms_are_refused_with_where() -> None:
    with pytest.raises(FormError, match=r"questions\[1\].kind"):
        form_from_mapping({"id": "x", "groups": [{"code": "g", "name": "g", "questions": [
            q("a", kind="stars")]}]})
    with pytest.raises(FormError, match="not an automatic check"):
        form_from_mapping({"id": "x", "groups": [{"code": "g", "name": "g", "questions": [
            q("a", check="mood")]}]})
    with pytest.raises(FormError, match="used twice"):
        form_from_mapping({"id": "x", "groups": [{"code": "g", "name": "g", "questions": [
            q("a"), q("a")]}]})
    with pytest.raises(FormError, match="option points"):
        form_from_mapping({"id": "x", "groups": [{"code": "g", "name": "g", "questions": [
            q("a", "choice", 5, options=[{"code": "o", "label": "o", "points": 9}])]}]})


def test_the_shipped_profile_has_a_scorable_form() -> None:
    [form] = forms_from_profile(load_profile().qa)
    assert form.id == "call_quality" and form.version >= 1
    qs = list(form.questions())
    assert any(x.fatal for x in qs) and any(x.critical for x in qs) and any(x.check for x in qs)
    assert {x.kind for x in qs} == {"yes_no", "choice", "range"}
    assert Answer.from_json(Answer(YES, comment="x").as_json()) == Answer(YES, comment="x")
