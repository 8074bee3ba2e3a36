"""The greeting, the late-answer apology and the closing line (basic.toml).

A placeholder without a value is rendered as a visible blank ``＿＿`` so the
agent sees something is missing instead of raw braces.
"""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .resources import RESOURCES

BASIC_SCRIPTS = RESOURCES / "scripts" / "basic.toml"
BLANK = "＿＿"


@dataclass(frozen=True)
class ScriptLine:
    key: str  # greeting | apology | closing
    text: str


class _Blanking(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return BLANK


def render(template: str, values: dict[str, str]) -> str:
    return string.Formatter().vformat(template, (), _Blanking(values))


class BasicScripts:
    def __init__(self, path: Path = BASIC_SCRIPTS, lang: str = "zh") -> None:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        field = "text_en" if lang == "en" else "text"
        self._texts = {k: str(v.get(field) or v["text"]) for k, v in data.items()}

    def line(self, key: str, values: dict[str, str]) -> ScriptLine:
        return ScriptLine(key, render(self._texts[key], values))

    def on_answer(self, late: bool, values: dict[str, str]) -> list[ScriptLine]:
        """Lines to show on answer: the apology first after a late answer (004 Q56)."""
        lines = [self.line("apology", values)] if late else []
        return lines + [self.line("greeting", values)]
