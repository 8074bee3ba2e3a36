"""A script problem in the lead's language (issue 17: the editor said "unknown key
'bogus'" in English): ``第 N 行：…`` from the parser's reason. A reason without a
translation here is shown as the parser wrote it, never dropped."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from callcenter.domain.scripts.problems import Problem

translate = QCoreApplication.translate  # lupdate reads translate("context", "literal")


def _patterns() -> list[tuple[re.Pattern[str], str]]:
    return [
        (re.compile(r"^unknown key '(.+)'$"),
         translate("ScriptProblems", "unknown setting “%1” (check its spelling)")),
        (re.compile(r"^unknown placeholder \{(\w+)\}"),
         translate("ScriptProblems", "unknown placeholder {%1}: choose one from the list")),
        (re.compile(r"^unknown phase '(.+)'"),
         translate("ScriptProblems", "unknown phase “%1”: choose one from the list")),
        (re.compile(r"^phase is required"), translate("ScriptProblems", "choose where it is offered")),
        (re.compile(r"^unknown ticket category '(.+)'$"),
         translate("ScriptProblems", "unknown ticket category “%1”")),
        (re.compile(r"^unknown condition '(.+)'"), translate("ScriptProblems", "unknown condition “%1”")),
        (re.compile(r"^title is required$"), translate("ScriptProblems", "the title is required")),
        (re.compile(r"^text is required$"), translate("ScriptProblems", "the script's lines are required")),
        (re.compile(r"^id must be lower-case"),
         translate("ScriptProblems", "the id may hold only lower-case letters, digits, _ and -")),
        (re.compile(r"^id must stay '(.+)'"),
         translate("ScriptProblems", "the id must stay “%1” (calls refer to it)")),
        (re.compile(r"^id '(.+)' is already taken$"),
         translate("ScriptProblems", "the id “%1” is already taken")),
        (re.compile(r"^order must be a whole number$"),
         translate("ScriptProblems", "the order must be a whole number")),
        (re.compile(r"^(\w+) must be text$"), translate("ScriptProblems", "%1 must be text")),
        (re.compile(r"^(\w+): placeholder \{(.+)\} must be a plain name"),
         translate("ScriptProblems", "placeholder {%2} must be a plain name such as {agent_id}")),
        (re.compile(r"^TOML syntax error"),
         translate("ScriptProblems", "the text is not valid TOML here (a quote or bracket is missing)")),
    ]


def problem_text(p: Problem) -> str:
    """``第 N 行：reason`` in the lead's language."""
    reason = p.reason
    for pattern, text in _patterns():
        m = pattern.search(p.reason)
        if m is not None:
            reason = text
            for i, group in enumerate(m.groups(), 1):
                reason = reason.replace(f"%{i}", group)
            break
    return translate("ScriptProblems", "Line %1: %2").replace("%1", str(p.line)).replace("%2", reason)
