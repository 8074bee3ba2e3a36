"""The site profile and calendar a site publishes to all its desks.

A shift lead publishes a profile or calendar TOML on any desk (``callcenter
site publish``): it is checked exactly as the app checks the shipped files,
stored as the next ``site_documents`` row of its kind, and sync carries it to
central and from there to every desk (reference data). A desk starts with the
newest published document of each kind that it can read; one it cannot read (a
newer app's format, a broken file published by hand) is skipped with the
reason, never used half-way, and the desk falls back to the one before it and
finally to the file shipped in resources/. A document that arrives while the
app runs takes effect at the next start (the screens are built from the
profile); the status bar says so. Publishing is the permission table's
``site_publish`` (a shift lead).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from callcenter.domain.audit import AuditAction
from callcenter.domain.auth.permissions import Permission, require
from callcenter.domain.auth.roles import Actor
from callcenter.domain.calendar import CalendarError, WorkCalendar, parse_calendar
from callcenter.domain.site_profile import ProfileError, SiteProfile
from callcenter.services.audit.log import append_in
from callcenter.services.site.calendar import load_calendar
from callcenter.services.site.profile import load_profile, parse_profile
from callcenter.services.storage.database import Database
from callcenter.store.site_models import KIND_CALENDAR, KIND_PROFILE, SiteDocument

log = logging.getLogger(__name__)

KINDS = (KIND_PROFILE, KIND_CALENDAR)


@dataclass(frozen=True)
class Published:
    kind: str
    number: int


def _name(kind: str, number: int) -> str:
    return f"site_documents/{kind}#{number}"


def _check(kind: str, text: str, name: str) -> None:
    """Raises ProfileError or CalendarError as ``NAME:LINE: reason``."""
    if kind == KIND_PROFILE:
        parse_profile(text, name)
    elif kind == KIND_CALENDAR:
        parse_calendar(text, name)
    else:
        raise ValueError(f"unknown site document kind {kind!r} (one of {', '.join(KINDS)})")


def publish_in(s: Session, kind: str, text: str, by: Actor | None, now: datetime,
               workstation: str) -> Published:
    """Store ``text`` as the next version of ``kind`` (checked first: a document no
    desk could read is refused with the reason). ``by`` must be allowed to
    publish site documents (else ``PermissionDenied``); it is the author."""
    author = require(by, Permission.SITE_PUBLISH).user_id
    _check(kind, text, f"{kind} (not published)")
    number = int(s.scalar(select(func.coalesce(func.max(SiteDocument.number), 0))
                          .where(SiteDocument.kind == kind)) or 0) + 1
    s.add(SiteDocument(kind=kind, number=number, source=text, author=author, created_at=now,
                       updated_at=now, origin_workstation=workstation))
    append_in(s, workstation, now, AuditAction.SITE_PUBLISHED, user_id=author,
              subject=f"{kind} #{number}")  # audited in the same transaction
    return Published(kind, number)


def _newest_readable(s: Session, kind: str) -> tuple[str, str] | None:
    """(name, text) of the highest-numbered document of ``kind`` that parses."""
    rows = s.execute(select(SiteDocument.number, SiteDocument.source)
                     .where(SiteDocument.kind == kind, SiteDocument.deleted_at.is_(None))
                     .order_by(SiteDocument.number.desc())).all()
    for number, text in rows:
        name = _name(kind, number)
        try:
            _check(kind, text, name)
        except (ProfileError, CalendarError) as exc:
            log.warning("skipping published %s: %s", kind, exc)
            continue
        return name, text
    return None


def current_profile(db: Database, fallback: Path | None = None) -> SiteProfile:
    """The newest published profile this desk can read, else the file."""
    found = db.read_now(lambda s: _newest_readable(s, KIND_PROFILE))
    return parse_profile(found[1], found[0]) if found else load_profile(fallback)


def current_calendar(db: Database) -> WorkCalendar:
    """The newest published calendar this desk can read, else the shipped file."""
    found = db.read_now(lambda s: _newest_readable(s, KIND_CALENDAR))
    return parse_calendar(found[1], found[0]) if found else load_calendar()
