"""A problem in a script file, said as ``FILE:LINE: reason`` (the form editors
and CI understand), and how to find the line of a key in TOML text that
``tomllib`` parsed without keeping positions."""

from __future__ import annotations

import re
from dataclasses import dataclass

_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)")


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")


class Locator:
    """Finds the line of a key or value in the raw text (1-based). Built lazily:
    a clean file never pays for it."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: list[str] | None = None
        self._keys: dict[str, list[int]] | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self._text.splitlines()
        return self._lines

    def find(self, *needles: str, after: int = 0) -> int:
        """First line at or after ``after`` holding every needle; else ``after`` or 1."""
        lines = self.lines
        for i in range(max(after - 1, 0), len(lines)):
            if all(n in lines[i] for n in needles):
                return i + 1
        return max(after, 1)

    def key(self, key: str, after: int = 0) -> int:
        if self._keys is None:
            self._keys = {}
            for i, line in enumerate(self.lines, start=1):
                m = _KEY.match(line)
                if m:
                    self._keys.setdefault(m.group(1), []).append(i)
        return next((n for n in self._keys.get(key, ()) if n >= after), max(after, 1))

    def table(self, header: str, index: int) -> int:
        """Line of the ``index``-th (0-based) ``[[header]]``."""
        seen = -1
        for i, line in enumerate(self.lines):
            if line.strip() == f"[[{header}]]":
                seen += 1
                if seen == index:
                    return i + 1
        return 1


def syntax_line(message: str, text: str = "") -> int:
    """The line ``tomllib`` names in its error ("at end of document": the last)."""
    m = _AT_LINE.search(message)
    if m:
        return int(m.group(1))
    if "end of document" in message:
        return max(len(text.splitlines()), 1)
    return 1
