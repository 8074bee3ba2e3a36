"""Site documents: the site profile and the working-day calendar as a site's
administrator publishes them, so every desk of the site works by the same
rules without a new install.

Append-only: publishing is a new row with the next ``number`` of its ``kind``
(``profile`` or ``calendar``), never an update, so documents sync without
conflicts; a desk uses the highest-numbered row of each kind that parses
(callcenter/services/site/documents.py) and the files shipped in resources/
until there is one.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, SyncColumns

KIND_PROFILE = "profile"
KIND_CALENDAR = "calendar"


class SiteDocument(SyncColumns, Base):
    """Append-only: one published version of the site profile or calendar."""

    __tablename__ = "site_documents"
    __table_args__ = (
        UniqueConstraint("kind", "number", name="uq_site_documents_kind_number"),
    )
    kind: Mapped[str] = mapped_column(String(16))  # profile | calendar
    number: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text)  # the TOML text, as published
    author: Mapped[str] = mapped_column(String(16))  # who published it (工号 or admin name)
    created_at: Mapped[datetime]
