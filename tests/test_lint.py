"""House rules as tests: ruff, mypy on the pure layers, import-linter layers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


@pytest.mark.parametrize(
    "cmd",
    [
        [str(BIN / "ruff"), "check", "."],
        [str(BIN / "mypy")],  # domain, services, telephony (pyproject [tool.mypy])
        [str(BIN / "lint-imports")],
    ],
    ids=["ruff", "mypy", "import-linter"],
)
def test_tool_is_clean(cmd: list[str]) -> None:
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
