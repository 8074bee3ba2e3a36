"""Evaluation forms (from the site profile's ``[qa]`` table) and the scoring
arithmetic (issue 14, "Scoring").

A form is versioned (a review keeps the form id and version it was scored on);
its questions sit in groups (greeting, listening, accuracy, compliance, ...)
and are one of:

- ``yes_no``: full points for yes, none for no;
- ``choice``: each option carries its points (at most the question's points);
- ``range``: a whole number from 0 to the question's points.

A question may allow N/A (it then counts neither way), may require a comment
(``comment = "always"``, or ``"when_lost"``: when it did not get full points),
may be *fatal* (not getting full points fails the whole call: the score is 0)
or *critical* (its points weigh ``critical_weight`` times, default 2). A
question with ``check = NAME`` is filled in from that automatic check
(domain/qa/checks.py): passed is yes, failed is no, a check that does not apply
is N/A where allowed (else yes); the reviewer may override it with a reason.

Score = 100 x sum(weight x earned) / sum(weight x points) over the questions
not N/A, rounded to 0.1; ``None`` when every question is N/A.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .checks import CHECK_NAMES, CheckResult

YES_NO, CHOICE, RANGE = "yes_no", "choice", "range"
KINDS = (YES_NO, CHOICE, RANGE)
COMMENT_RULES = ("never", "always", "when_lost")
YES, NO = "yes", "no"


class FormError(ValueError):
    """A form in the profile that cannot be scored; the message says where."""


@dataclass(frozen=True)
class Option:
    code: str
    label: str
    label_en: str
    points: float


@dataclass(frozen=True)
class Question:
    code: str
    text: str
    text_en: str
    kind: str
    points: float
    options: tuple[Option, ...] = ()
    allow_na: bool = False
    comment: str = "never"
    fatal: bool = False
    critical: bool = False
    check: str = ""

    def option(self, code: str) -> Option | None:
        return next((o for o in self.options if o.code == code), None)

    def label(self, lang: str) -> str:
        return self.text_en if lang == "en" else self.text


@dataclass(frozen=True)
class Group:
    code: str
    name: str
    name_en: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class EvalForm:
    id: str
    version: int
    title: str
    title_en: str
    groups: tuple[Group, ...]
    critical_weight: float = 2.0

    def questions(self) -> Iterable[Question]:
        for g in self.groups:
            yield from g.questions

    def question(self, code: str) -> Question | None:
        return next((q for q in self.questions() if q.code == code), None)


@dataclass(frozen=True)
class Answer:
    value: str | float | None  # yes/no, an option code, or a number for range; None: unanswered
    na: bool = False
    comment: str = ""
    auto: bool = False  # filled in by the automatic check
    auto_value: str | None = None  # what the check said (kept when overridden)
    override_reason: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"value": self.value, "na": self.na, "comment": self.comment, "auto": self.auto,
                "auto_value": self.auto_value, "override_reason": self.override_reason}

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Answer:
        return cls(d.get("value"), bool(d.get("na")), str(d.get("comment", "")),
                   bool(d.get("auto")), d.get("auto_value"), str(d.get("override_reason", "")))


@dataclass(frozen=True)
class Problem:
    question: str
    code: str  # unanswered | na_not_allowed | comment_required | bad_value | override_reason


@dataclass(frozen=True)
class Score:
    score: float | None  # 0..100, None when every question is N/A
    earned: float  # weighted
    possible: float  # weighted
    fatal_failed: tuple[str, ...]  # fatal questions that lost points
    groups: Mapping[str, float | None] = field(default_factory=dict)  # group code -> 0..100


# ----- reading forms from the profile ------------------------------------

def _question(raw: Mapping[str, Any], where: str) -> Question:
    try:
        code, text, kind = str(raw["code"]), str(raw["text"]), str(raw["kind"])
        points = float(raw["points"])
    except KeyError as exc:
        raise FormError(f"{where}: missing {exc.args[0]!r}") from None
    if kind not in KINDS:
        raise FormError(f"{where}.kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if points <= 0:
        raise FormError(f"{where}.points must be above 0")
    options = tuple(Option(str(o["code"]), str(o["label"]), str(o.get("label_en", o["label"])),
                           float(o["points"])) for o in raw.get("options", ()))
    if kind == CHOICE and not options:
        raise FormError(f"{where}: a choice question needs options")
    if any(o.points < 0 or o.points > points for o in options):
        raise FormError(f"{where}: option points must be 0..{points:g}")
    comment = str(raw.get("comment", "never"))
    if comment not in COMMENT_RULES:
        raise FormError(f"{where}.comment must be one of {', '.join(COMMENT_RULES)}")
    check = str(raw.get("check", ""))
    if check and check not in CHECK_NAMES:
        raise FormError(f"{where}.check {check!r} is not an automatic check")
    if check and kind != YES_NO:
        raise FormError(f"{where}: a question filled by a check is yes_no")
    return Question(code, text, str(raw.get("text_en", text)), kind, points, options,
                    bool(raw.get("allow_na", False)), comment, bool(raw.get("fatal", False)),
                    bool(raw.get("critical", False)), check)


def form_from_mapping(raw: Mapping[str, Any], where: str = "qa.forms[1]") -> EvalForm:
    groups = []
    seen: set[str] = set()
    for gi, g in enumerate(raw.get("groups", ()), 1):
        gw = f"{where}.groups[{gi}]"
        qs = tuple(_question(q, f"{gw}.questions[{qi}]")
                   for qi, q in enumerate(g.get("questions", ()), 1))
        for q in qs:
            if q.code in seen:
                raise FormError(f"{gw}: question code {q.code!r} used twice")
            seen.add(q.code)
        groups.append(Group(str(g["code"]), str(g["name"]), str(g.get("name_en", g["name"])), qs))
    if not seen:
        raise FormError(f"{where}: a form needs at least one question")
    return EvalForm(str(raw["id"]), int(raw.get("version", 1)), str(raw.get("title", raw["id"])),
                    str(raw.get("title_en", raw.get("title", raw["id"]))), tuple(groups),
                    float(raw.get("critical_weight", 2.0)))


def forms_from_profile(qa: Mapping[str, Any]) -> tuple[EvalForm, ...]:
    """Every form of the profile's ``[qa]`` table (``[[qa.forms]]``)."""
    return tuple(form_from_mapping(f, f"qa.forms[{i}]")
                 for i, f in enumerate(qa.get("forms", ()), 1))


# ----- filling from the checks -------------------------------------------

def prefill(form: EvalForm, results: Sequence[CheckResult]) -> dict[str, Answer]:
    """The answers the automatic checks give (question code -> Answer)."""
    by_name = {r.name: r for r in results}
    out: dict[str, Answer] = {}
    for q in form.questions():
        r = by_name.get(q.check) if q.check else None
        if r is None:
            continue
        if not r.applicable and q.allow_na:
            out[q.code] = Answer(None, na=True, auto=True, auto_value="na")
        else:
            v = YES if r.passed else NO
            out[q.code] = Answer(v, auto=True, auto_value=v)
    return out


def override(answer: Answer, value: str | float | None, reason: str, *, na: bool = False) -> Answer:
    """The reviewer's answer instead of the check's; the reason is required (``validate``)."""
    return Answer(value, na, answer.comment, answer.auto, answer.auto_value, reason.strip())


# ----- arithmetic ---------------------------------------------------------

def earned(q: Question, a: Answer) -> float | None:
    """Points the answer earns (unweighted); None if N/A or not a valid answer."""
    if a.na:
        return None
    if q.kind == YES_NO:
        return q.points if a.value == YES else 0.0 if a.value == NO else None
    if q.kind == CHOICE:
        opt = q.option(str(a.value)) if a.value is not None else None
        return None if opt is None else opt.points
    if isinstance(a.value, bool) or not isinstance(a.value, int | float):
        return None
    v = float(a.value)
    return v if 0 <= v <= q.points and v == int(v) else None


def validate(form: EvalForm, answers: Mapping[str, Answer]) -> list[Problem]:
    """What stops the review being submitted, in form order."""
    out: list[Problem] = []
    for q in form.questions():
        a = answers.get(q.code)
        if a is None or (a.value is None and not a.na):
            out.append(Problem(q.code, "unanswered"))
            continue
        if a.na and not q.allow_na:
            out.append(Problem(q.code, "na_not_allowed"))
            continue
        e = earned(q, a)
        if not a.na and e is None:
            out.append(Problem(q.code, "bad_value"))
            continue
        lost = e is not None and e < q.points
        if (q.comment == "always" or (q.comment == "when_lost" and lost)) and not a.comment.strip():
            out.append(Problem(q.code, "comment_required"))
        overridden = a.auto and (("na" if a.na else a.value) != a.auto_value)
        if overridden and not a.override_reason.strip():
            out.append(Problem(q.code, "override_reason"))
    return out


def score(form: EvalForm, answers: Mapping[str, Answer]) -> Score:
    """The score of complete answers (``validate`` first); unanswered counts as N/A."""
    total_e = total_p = 0.0
    fatal: list[str] = []
    groups: dict[str, float | None] = {}
    for g in form.groups:
        ge = gp = 0.0
        for q in g.questions:
            a = answers.get(q.code)
            e = None if a is None else earned(q, a)
            if e is None:
                continue
            w = form.critical_weight if q.critical else 1.0
            ge += w * e
            gp += w * q.points
            if q.fatal and e < q.points:
                fatal.append(q.code)
        groups[g.code] = round(100 * ge / gp, 1) if gp else None
        total_e += ge
        total_p += gp
    if not total_p:
        return Score(None, 0.0, 0.0, tuple(fatal), groups)
    value = 0.0 if fatal else round(100 * total_e / total_p, 1)
    return Score(value, total_e, total_p, tuple(fatal), groups)
