"""Models of the alert feature (filled in by its issue)."""

from __future__ import annotations
