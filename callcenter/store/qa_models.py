"""Quality review (issue 14): the samples a reviewer draws.

``qa_samples`` is local to the reviewer's desk: the sample's seed and query are
kept with the calls drawn, so drawing again over the same calls gives the same
calls (domain/qa/sampling.py).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from .ids import new_id
from .models import Base


class QaSample(Base):
    """A random sample of calls per agent, with the seed and query that drew it."""

    __tablename__ = "qa_samples"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(16))
    seed: Mapped[int] = mapped_column(BigInteger)
    query: Mapped[dict[str, Any]]  # SampleQuery.as_json()
    calls: Mapped[dict[str, Any]]  # {"calls": {agent: [call id, ...]}, "population": {agent: n}}
