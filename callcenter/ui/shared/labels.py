"""Translated names for softphone states, system busy reasons and notices."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from callcenter.domain.agent_state import SYSTEM_REASON_MISSED_CALL, AgentState, AgentStatus
from callcenter.domain.site_profile import SiteProfile


def state_name(state: AgentState) -> str:
    return {
        AgentState.SIGNED_OUT: QCoreApplication.translate("Labels", "Signed out"),
        AgentState.BUSY: QCoreApplication.translate("Labels", "Busy"),
        AgentState.READY: QCoreApplication.translate("Labels", "Ready"),
        AgentState.RINGING: QCoreApplication.translate("Labels", "Ringing"),
        AgentState.TALKING: QCoreApplication.translate("Labels", "Talking"),
        AgentState.HELD: QCoreApplication.translate("Labels", "On hold"),
        AgentState.WRAP_UP: QCoreApplication.translate("Labels", "Wrap-up"),
    }[state]


def busy_reason_name(reason: str | None, profile: SiteProfile, lang: str) -> str:
    if reason == SYSTEM_REASON_MISSED_CALL:
        return QCoreApplication.translate("Labels", "Missed call")
    if reason == "signed_in":
        return QCoreApplication.translate("Labels", "Just signed in")
    for r in profile.busy_reasons:
        if r.code == reason:
            return r.label(lang)
    return reason or ""


def status_text(status: AgentStatus, profile: SiteProfile, lang: str) -> str:
    name = state_name(status.state)
    if status.state is AgentState.BUSY:
        return f"{name} · {busy_reason_name(status.busy_reason, profile, lang)}"
    return name
