"""Running ``callcenter report`` as a person does: its own process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_report(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "callcenter", "report", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
