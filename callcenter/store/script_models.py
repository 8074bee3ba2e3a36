"""Models of the script feature: every edited or published version of a script.

A row is one version of one script's TOML source, append-only (an edit is a new
row, never an update), so versions sync between workstations without conflicts:
the number and author say who changed what. Agents see, per script id, the
highest-numbered ``published`` row; ``draft`` rows are the shift lead's work in
progress. Shipped files in resources/scripts/library are version 0.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, SyncColumns

STATE_DRAFT = "draft"
STATE_PUBLISHED = "published"


class ScriptVersion(SyncColumns, Base):
    __tablename__ = "script_versions"
    __table_args__ = (
        UniqueConstraint("script_id", "number", name="uq_script_versions_script_id_number"),
    )
    script_id: Mapped[str] = mapped_column(String(64), index=True)
    number: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16))  # draft | published
    source: Mapped[str] = mapped_column(Text)  # the script file's TOML text
    author: Mapped[str] = mapped_column(String(16))  # agent ID (工号) of the shift lead
    created_at: Mapped[datetime]
