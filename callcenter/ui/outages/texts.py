"""Translated names for outage kinds, phases and match types, and site-local
time formatting, shared by the outage widgets (lupdate sees each literal)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from callcenter.services.outages.lookup import OutageHit


def kind_text(kind: str) -> str:
    return {
        "planned": QCoreApplication.translate("Outages", "Planned outage"),
        "temporary": QCoreApplication.translate("Outages", "Temporary outage"),
        "fault": QCoreApplication.translate("Outages", "Fault outage"),
        "over_capacity": QCoreApplication.translate("Outages", "Over-capacity outage"),
    }.get(kind, kind)


def phase_text(phase: str) -> str:
    return {
        "active": QCoreApplication.translate("Outages", "Active"),
        "upcoming": QCoreApplication.translate("Outages", "Upcoming"),
        "recently_restored": QCoreApplication.translate("Outages", "Restored"),
        "ended": QCoreApplication.translate("Outages", "Ended"),
        "cancelled": QCoreApplication.translate("Outages", "Cancelled"),
    }.get(phase, phase)


def hit_phase_text(h: OutageHit) -> str:
    """The phase, or for an active outage past its expected restore time with no
    restore recorded, that it is overdue and to be verified (issue 17)."""
    if h.overdue:
        return QCoreApplication.translate("Outages", "Past expected restore, to be verified")
    return phase_text(h.phase.value)


def match_text(how: str) -> str:
    return {
        "account": QCoreApplication.translate("Outages", "Account"),
        "transformer_area": QCoreApplication.translate("Outages", "Transformer area"),
        "feeder": QCoreApplication.translate("Outages", "Feeder"),
        "address_scope": QCoreApplication.translate("Outages", "Address inside scope"),
        "area_search": QCoreApplication.translate("Outages", "Scope inside searched area"),
    }.get(how, how)


def local(t: datetime | None, tz: ZoneInfo) -> str:
    return t.astimezone(tz).strftime("%Y-%m-%d %H:%M") if t is not None else ""


def summary(h: OutageHit, tz: ZoneInfo) -> str:
    restore = QCoreApplication.translate("Outages", "expected restore %1")
    text = (f"{kind_text(h.kind.value)} · {hit_phase_text(h)} · {h.cause} · {h.area} · "
            + restore.replace("%1", local(h.expected_restore, tz)))
    if h.short_notice:
        text += " · " + QCoreApplication.translate("Outages", "announced less than 7 days ahead")
    return text
