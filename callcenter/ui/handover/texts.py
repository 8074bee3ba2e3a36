"""Words of the handover screens and the printed record (translated via Qt)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from callcenter.domain.handover.record import Section


def tr(text: str) -> str:
    # lupdate files a bare tr("...") call under the empty context: look it up there
    return QCoreApplication.translate("", text)


def section_title(section: Section) -> str:
    return {
        Section.OPEN_TICKETS: tr("1. Unfinished tickets"),
        Section.FOLLOW_UP: tr("2. Urge, supervise, call back; overdue"),
        Section.EVENTS: tr("3. Major, typical, media-sensitive and emergency events"),
        Section.OUTAGES: tr("4. Planned, temporary and fault outages"),
        Section.WEATHER: tr("5. Abnormal weather"),
        Section.EQUIPMENT: tr("6. Desks and equipment"),
        Section.OTHER: tr("7. Other (agents' summaries)"),
    }[section]


def group_name(group: str) -> str:
    return {"inquiry": tr("Inquiry"), "repair": tr("Repair"), "complaint": tr("Complaint"),
            "report": tr("Report"), "other": tr("Other")}.get(group, group)


def ticket_state(code: str) -> str:
    return {"accepted": tr("accepted"), "dispatched": tr("dispatched"),
            "in_progress": tr("in progress"), "replied": tr("replied")}.get(code, code)


def outage_words(kind: str, status: str) -> str:
    k = {"planned": tr("Planned outage"), "temporary": tr("Temporary outage"),
         "fault": tr("Fault outage"), "over_capacity": tr("Over-capacity outage")}.get(kind, kind)
    st = {"announced": tr("announced"), "in_progress": tr("outage in progress"),
          "restored": tr("restored")}.get(status, status)
    return f"{k} {st}"


def class_name(code: str) -> str:
    return {"major": tr("Major"), "typical": tr("Typical"), "media_sensitive": tr("Media-sensitive"),
            "emergency": tr("Emergency")}.get(code, code)


def state_name(state: str) -> str:
    return {"draft": tr("Draft"), "submitted": tr("Submitted"),
            "confirmed": tr("Confirmed")}.get(state, state)


def reason_name(reason: str) -> str:
    return {"overdue": tr("overdue"), "due_next_shift": tr("due next shift"),
            "supervised": tr("supervised"), "urged": tr("urged"),
            "callback": tr("callback due")}.get(reason, reason)


def local(iso_text: str | None, tz: ZoneInfo) -> str:
    if not iso_text:
        return "—"
    return datetime.fromisoformat(iso_text).astimezone(tz).strftime("%m-%d %H:%M")


def item_line(section: Section, item: Mapping[str, Any], tz: ZoneInfo) -> str:
    """One compiled item as one line of text."""
    if section is Section.OPEN_TICKETS:
        deadline = tr("deadline")
        return (f"[{group_name(item['group'])}] {item['number']} {ticket_state(item['status'])}"
                f" {deadline} {local(item.get('deadline_at'), tz)}")
    if section is Section.FOLLOW_UP:
        reasons = "、".join(reason_name(r) for r in item.get("reasons", ()))
        when = item.get("deadline_at") or item.get("due_at")
        return f"{item['number']} ({reasons}) {local(when, tz)}"
    if section is Section.EVENTS:
        line = (f"{local(item['marked_at'], tz)} [{class_name(item.get('class', ''))}] {item['text']}"
                f" — {item['marked_by']}")
        if item.get("report_kind"):
            verdict = {"in_time": tr("reported in time"), "late": tr("reported late"),
                       "pending": tr("to report within the hour"),
                       "overdue": tr("1-hour report overdue")}.get(item.get("report", ""), "")
            who = f" {item['reported_by']} {local(item.get('reported_at'), tz)}" \
                if item.get("reported_by") else ""
            line += f" · {verdict}{who}"
        return line
    if section is Section.OUTAGES:
        return (f"{item['source_id']} {outage_words(item['kind'], item['status'])} {local(item['start'], tz)}"
                f"–{local(item.get('actual_restore') or item.get('expected_restore'), tz)}"
                f" {item.get('area', '')}")
    if section is Section.EQUIPMENT:
        kind = item.get("kind")
        if kind == "sync_queue":
            return tr("Sync queue: %1 pending").replace("%1", str(item["pending"]))
        if kind == "offline":
            return tr("Ran offline %1–%2 (%3 changes waited)").replace(
                "%1", local(item["from"], tz)).replace("%2", local(item["to"], tz)).replace(
                "%3", str(item["ops"]))
        if kind == "backfilled":
            return tr("Back-filled ticket %1 by %2").replace("%1", item["number"]).replace(
                "%2", item["agent"])
        return tr("Telephony fault: %1").replace("%1", str(item.get("message", "")))
    if section is Section.OTHER:
        return f"{item.get('agent', '')} {local(item.get('at'), tz)}: {item.get('text', '')}"
    return str(item.get("text", item.get("id", "")))
