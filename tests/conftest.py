"""Strict, shared test setup: offscreen Qt, real SQLite files in tmp_path."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CALLCENTER_NO_SOUND", "1")
