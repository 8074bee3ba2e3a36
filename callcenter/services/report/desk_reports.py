"""The monthly report as the app makes it: for a signed-in lead or administrator,
from this desk's store, every export audited.

Who may: ``Permission.EXPORT`` ("reports and exports leaving the desk") in the
one permission table. ``build`` and ``write_xlsx`` block: the app calls them
off the GUI thread (ui/report/integration.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from callcenter.domain.audit.chain import AuditAction
from callcenter.domain.auth.permissions import Permission
from callcenter.domain.clock import Clock
from callcenter.domain.report.period import Month
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.audit.log import AuditLog
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.storage.database import Database

from . import xlsx
from .labels import profile_names, with_names
from .monthly import MonthlyReport
from .source import from_desk


class MonthlyReports:
    def __init__(self, db: Database, profile: SiteProfile, clock: Clock, user: CurrentUser,
                 audit: AuditLog, lang: str = "zh") -> None:
        self._db, self._profile, self._clock, self._user = db, profile, clock, user
        self._audit, self.lang = audit, lang

    @property
    def user_id(self) -> str | None:
        return self._user.user_id

    def allowed(self) -> bool:
        return self._user.allows(Permission.EXPORT)

    def default_month(self) -> Month:
        """The month a lead reports on at the start of the next: the previous one."""
        return Month.containing(self._clock.utc_now(), self._profile.timezone).previous()

    def build(self, month: Month, *, progress: Callable[[int, int], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> MonthlyReport:
        """``PermissionDenied`` unless the signed-in user may export; else the
        desk's report of ``month`` with the profile's names for sub-types."""
        self._user.require(Permission.EXPORT)
        report = from_desk(self._db, self._profile, month, self._clock.utc_now(),
                           progress=progress, cancelled=cancelled)
        return with_names(report, profile_names(self._profile, self.lang))

    def write_xlsx(self, report: MonthlyReport, path: Path) -> None:
        actor = self._user.require(Permission.EXPORT)
        xlsx.write_xlsx(report, path, lang=self.lang)
        self.exported(report, path, actor.user_id)

    def exported(self, report: MonthlyReport, path: Path, user_id: str) -> None:
        """One audit record per file that left the desk (waits for the write)."""
        self._audit.record(AuditAction.EXPORT, user_id=user_id, subject=f"monthly report {report.month}",
                           detail={"file": path.name, "scope": report.scope}).result()
