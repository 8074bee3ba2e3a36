"""Models of the callback feature (filled in by its issue)."""

from __future__ import annotations
