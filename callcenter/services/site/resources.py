"""Where the shipped resources/ folder is (content, not code)."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[3] / "resources"
