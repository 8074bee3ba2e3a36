"""Where the monthly report reads from: central (the whole site) or a desk's store.

Both read through one connection in one snapshot (a deferred read transaction
on SQLite's WAL; REPEATABLE READ, read-only, on PostgreSQL), so the sections
of one report agree with each other while desks keep pushing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine, create_engine, pool

from callcenter.domain.report.period import Month
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.storage.database import Database
from callcenter.sync.central import sqlalchemy_url

from .monthly import DESK, SITE, MonthlyReport, ReportRequest, build

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def request_for(profile: SiteProfile, month: Month, scope: str, now: datetime) -> ReportRequest:
    """The report of ``month`` for this site, as of ``now`` (UTC, aware)."""
    t = profile.targets
    return ReportRequest(
        month=month, timezone=profile.timezone, unit_name=profile.unit_name, scope=scope,
        as_of=now, generated_at=now, talk_target_s=t.talk_target_s,
        wrapup_target_s=t.wrapup_target_s, ring_limit=t.ring_limit,
    )


def central_engine(url: str) -> Engine:
    return create_engine(sqlalchemy_url(url), poolclass=pool.NullPool)


def from_engine(engine: Engine, req: ReportRequest, *, progress: Progress | None = None,
                cancelled: Cancelled | None = None) -> MonthlyReport:
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ",
                                          postgresql_readonly=True)
        with conn.begin():
            return build(conn, req, progress=progress, cancelled=cancelled)


def from_central(url: str, profile: SiteProfile, month: Month, now: datetime, *,
                 progress: Progress | None = None,
                 cancelled: Cancelled | None = None) -> MonthlyReport:
    """The whole site's report from central (an admin or reader URL)."""
    engine = central_engine(url)
    try:
        return from_engine(engine, request_for(profile, month, SITE, now),
                           progress=progress, cancelled=cancelled)
    finally:
        engine.dispose()


def from_desk(db: Database, profile: SiteProfile, month: Month, now: datetime, *,
              progress: Progress | None = None,
              cancelled: Cancelled | None = None) -> MonthlyReport:
    """This desk's own subset, read from its SQLite on the reader engine."""
    return from_engine(db.read_engine, request_for(profile, month, DESK, now),
                       progress=progress, cancelled=cancelled)
