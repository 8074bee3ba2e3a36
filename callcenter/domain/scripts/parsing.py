"""Reading one script file (TOML) into a ``Script`` and saying, with file and
line, everything that is wrong with it. A file with any problem yields no script;
the rest of the library loads regardless (see ``library.build``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..storable_text import unstorable_values
from .model import CONDITIONS, FILL_KEYS, OUTCOMES, PHASES, Answer, Applies, Script, Step
from .placeholders import KNOWN_PLACEHOLDERS, PlaceholderSyntax, Template, compile_template
from .problems import Locator, Problem, syntax_line

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")
TOP_KEYS = frozenset({"id", "title", "title_en", "role", "phase", "categories", "conditions",
                      "order", "keywords", "text", "text_en", "steps"})
STEP_KEYS = frozenset({"id", "say", "say_en", "answers", "check", "if_true", "if_false",
                       "outcome", *FILL_KEYS})
ANSWER_KEYS = frozenset({"id", "label", "label_en", "next", *FILL_KEYS})


@dataclass
class _Reader:
    file: str
    loc: Locator
    categories: frozenset[str] | None
    problems: list[Problem] = field(default_factory=list)

    def fail(self, line: int, reason: str) -> None:
        self.problems.append(Problem(self.file, line, reason))

    def template(self, raw: object, key: str, line: int) -> Template | None:
        if not isinstance(raw, str):
            self.fail(line, f"{key} must be text")
            return None
        try:
            t = compile_template(raw)
        except PlaceholderSyntax as exc:
            self.fail(line, f"{key}: {exc}")
            return None
        for name in t.fields:
            if name not in KNOWN_PLACEHOLDERS:
                self.fail(self.loc.find("{" + name + "}", after=line),
                          f"unknown placeholder {{{name}}} (known: {', '.join(KNOWN_PLACEHOLDERS)})")
        return t

    def strings(self, raw: object, key: str, line: int) -> tuple[str, ...]:
        if isinstance(raw, str):
            return (raw,)
        if isinstance(raw, list) and all(isinstance(x, str) for x in raw):
            return tuple(raw)
        self.fail(line, f"{key} must be a text or a list of texts")
        return ()

    def unknown_keys(self, data: Mapping[str, Any], allowed: frozenset[str], where: int) -> None:
        for k in data:
            if k not in allowed:
                self.fail(self.loc.key(k, after=where), f"unknown key {k!r}")

    def fills(self, data: Mapping[str, Any], where: int) -> dict[str, str]:
        out: dict[str, str] = {}
        for k in FILL_KEYS:
            if k in data:
                v = data[k]
                line = self.loc.key(k, after=where)
                if not isinstance(v, str) or not v:
                    self.fail(line, f"{k} must be a non-empty text")
                    continue
                if k == "category" and self.categories is not None and v not in self.categories:
                    self.fail(line, f"unknown ticket category {v!r}")
                out[k] = v
        return out


def _answers(r: _Reader, raw: object, step_line: int, step_id: str) -> tuple[Answer, ...]:
    if not isinstance(raw, list) or not raw:
        r.fail(step_line, f"question step {step_id!r} needs at least one [[steps.answers]]")
        return ()
    out: list[Answer] = []
    seen: set[str] = set()
    cursor = step_line
    for i, a in enumerate(raw, start=1):
        line = r.loc.find("[[steps.answers]]", after=cursor)
        cursor = line + 1
        if not isinstance(a, dict):
            r.fail(line, "an answer must be a table")
            continue
        r.unknown_keys(a, ANSWER_KEYS, line)
        aid = str(a.get("id", i))
        if aid in seen:
            r.fail(line, f"duplicate answer id {aid!r} in step {step_id!r}")
        seen.add(aid)
        label, nxt = a.get("label"), a.get("next")
        if not isinstance(label, str) or not label:
            r.fail(line, "an answer needs a label")
            continue
        if not isinstance(nxt, str) or not nxt:
            r.fail(line, f"answer {label!r} needs next = \"STEP\"")
            continue
        out.append(Answer(aid, label, str(a.get("label_en", "")), nxt, r.fills(a, line)))
    return tuple(out)


def _steps(r: _Reader, raw: object) -> tuple[Step, ...]:
    if not isinstance(raw, list):
        r.fail(r.loc.find("steps"), "steps must be [[steps]] tables")
        return ()
    steps: list[Step] = []
    lines: dict[str, int] = {}
    for i, s in enumerate(raw):
        line = r.loc.table("steps", i)
        if not isinstance(s, dict):
            r.fail(line, "a step must be a table")
            continue
        r.unknown_keys({k: v for k, v in s.items() if k != "answers"}, STEP_KEYS, line)
        sid = s.get("id")
        if not isinstance(sid, str) or not ID_PATTERN.match(sid):
            r.fail(line, "a step needs an id of lower-case letters, digits and _")
            continue
        if sid in lines:
            r.fail(line, f"duplicate step id {sid!r} (first at line {lines[sid]})")
            continue
        lines[sid] = line
        say = r.template(s.get("say", ""), "say", r.loc.key("say", after=line))
        say_en = (r.template(s["say_en"], "say_en", r.loc.key("say_en", after=line))
                  if "say_en" in s else None)
        if say is None:
            continue
        if "check" in s:
            cond = s["check"]
            if cond not in CONDITIONS:
                r.fail(r.loc.key("check", after=line), f"unknown condition {cond!r} to check")
            t, f = s.get("if_true"), s.get("if_false")
            if not isinstance(t, str) or not isinstance(f, str):
                r.fail(line, f"check step {sid!r} needs if_true and if_false")
                continue
            steps.append(Step(sid, "check", say, say_en, check=str(cond), if_true=t, if_false=f))
        elif "outcome" in s:
            outcome = s["outcome"]
            if outcome not in OUTCOMES:
                r.fail(r.loc.key("outcome", after=line),
                       f"unknown outcome {outcome!r} (known: {', '.join(sorted(OUTCOMES))})")
            steps.append(Step(sid, "end", say, say_en, outcome=str(outcome), fills=r.fills(s, line)))
        else:
            answers = _answers(r, s.get("answers"), line, sid)
            steps.append(Step(sid, "question", say, say_en, answers=answers))
    _check_branches(r, steps, lines)
    return tuple(steps)


def _check_branches(r: _Reader, steps: list[Step], lines: Mapping[str, int]) -> None:
    """Every branch lands on a step; every step is reachable from the first."""
    targets: dict[str, list[str]] = {}
    for s in steps:
        outs = [a.next for a in s.answers] + [t for t in (s.if_true, s.if_false) if t]
        targets[s.id] = outs
        for t in outs:
            if t not in lines:
                r.fail(r.loc.find(f'"{t}"', after=lines[s.id]),
                       f"step {s.id!r} branches to missing step {t!r}")
    if not steps:
        return
    reached, todo = {steps[0].id}, [steps[0].id]
    while todo:
        for t in targets.get(todo.pop(), []):
            if t in targets and t not in reached:
                reached.add(t)
                todo.append(t)
    for s in steps:
        if s.id not in reached:
            r.fail(lines[s.id], f"step {s.id!r} is never reached")


def parse_script(
    text: str, file: str, *, categories: Iterable[str] | None = None, version: int = 0
) -> tuple[Script | None, list[Problem]]:
    """Parse one file's text; ``categories`` (the site's ticket categories) lets
    the check refuse an unknown category. Returns the script only if clean."""
    r = _Reader(file, Locator(text), frozenset(categories) if categories is not None else None)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        r.fail(syntax_line(str(exc), text), f"TOML syntax error: {exc}")
        return None, r.problems
    for path, key, where in unstorable_values(data):  # a "\u0000" escape: central cannot store it
        r.fail(r.loc.key(key), f"{path} holds a character that cannot be stored ({where}); remove it")
    r.unknown_keys(data, TOP_KEYS, 1)
    sid = data.get("id")
    if not isinstance(sid, str) or not ID_PATTERN.match(sid):
        r.fail(r.loc.key("id"), "id must be lower-case letters, digits, _ or -")
        sid = ""
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        r.fail(r.loc.key("title"), "title is required")
        title = ""
    phases = r.strings(data.get("phase", ()), "phase", r.loc.key("phase"))
    if not phases:
        r.fail(r.loc.key("phase"), "phase is required (" + ", ".join(sorted(PHASES)) + ")")
    for p in phases:
        if p not in PHASES:
            r.fail(r.loc.key("phase"), f"unknown phase {p!r} (known: {', '.join(sorted(PHASES))})")
    cats = r.strings(data.get("categories", []), "categories", r.loc.key("categories"))
    if r.categories is not None:
        for c in cats:
            if c not in r.categories:
                r.fail(r.loc.key("categories"), f"unknown ticket category {c!r}")
    required: set[str] = set()
    excluded: set[str] = set()
    for c in r.strings(data.get("conditions", []), "conditions", r.loc.key("conditions")):
        name = c.removeprefix("!")
        if name not in CONDITIONS:
            r.fail(r.loc.key("conditions"),
                   f"unknown condition {name!r} (known: {', '.join(sorted(CONDITIONS))})")
        (excluded if c.startswith("!") else required).add(name)
    order = data.get("order", 50)
    if not isinstance(order, int):
        r.fail(r.loc.key("order"), "order must be a whole number")
        order = 50
    keywords = r.strings(data.get("keywords", []), "keywords", r.loc.key("keywords"))
    if "text" not in data:
        r.fail(1, "text is required")
    body = r.template(data.get("text", ""), "text", r.loc.key("text"))
    body_en = r.template(data["text_en"], "text_en", r.loc.key("text_en")) if "text_en" in data else None
    steps = _steps(r, data["steps"]) if "steps" in data else ()
    role = data.get("role", sid)
    if not isinstance(role, str) or not role:
        r.fail(r.loc.key("role"), "role must be a text")
        role = sid
    if r.problems or body is None:
        return None, r.problems
    script = Script(
        id=sid, title=title, title_en=str(data.get("title_en", "")), role=role,
        applies=Applies(frozenset(phases), frozenset(cats), frozenset(required), frozenset(excluded)),
        text=body, text_en=body_en, order=order, keywords=keywords, steps=steps, file=file,
        version=version,
    )
    return script, []

