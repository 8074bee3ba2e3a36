"""A declared test dependency that is missing fails the run: no test skips for it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _declared() -> set[str]:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["test"]
    return {re.split(r"[<>=\[ ;]", d, maxsplit=1)[0].lower() for d in deps}


def test_no_test_skips_when_a_declared_test_dependency_is_missing() -> None:
    declared = _declared()
    assert "pgserver" in declared
    offenders = []
    for path in (ROOT / "tests").rglob("*.py"):
        for name in re.findall(r"importorskip\(\s*[\"']([\w.]+)[\"']", path.read_text(encoding="utf-8")):
            if name.split(".")[0].lower() in declared:
                offenders.append(f"{path.relative_to(ROOT)}: importorskip({name!r})")
    assert not offenders, offenders
