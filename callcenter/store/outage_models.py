"""Models of the outage feature (filled in by that feature's issue)."""

from __future__ import annotations
