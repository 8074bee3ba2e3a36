"""What the replay calls each event, SLA mark, lane and span (translated)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from callcenter.domain.call_events import EventKind
from callcenter.ui.tickets.field_messages import field_label

K = EventKind
LANES: dict[EventKind, int] = {
    K.RINGING: 0, K.ANSWERED: 0, K.HELD: 0, K.RESUMED: 0, K.HUNG_UP: 0, K.ABANDONED: 0,
    K.RING_TIMEOUT: 0, K.SECURE_PAUSED: 0, K.SECURE_RESUMED: 0, K.CLOSED_BY_RECOVERY: 0,
    K.SCRIPT_SHOWN: 1, K.SCRIPT_STEP: 1,
    K.FORM_EDITED: 2,
    K.TICKET_SAVED: 3, K.DISPATCHED: 3, K.WRAP_UP_DONE: 3, K.BACKFILLED: 3,
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Replay", text)


def lane_names() -> list[str]:
    return [_t("Call"), _t("Scripts"), _t("Form"), _t("Ticket")]


def kind_label(kind: EventKind) -> str:
    return {
        K.RINGING: _t("Rang"),
        K.ANSWERED: _t("Answered"),
        K.SCRIPT_SHOWN: _t("Script shown"),
        K.SCRIPT_STEP: _t("Script step answered"),
        K.HELD: _t("Put on hold"),
        K.RESUMED: _t("Resumed"),
        K.HUNG_UP: _t("Hung up"),
        K.ABANDONED: _t("Caller hung up while it rang"),
        K.RING_TIMEOUT: _t("Not answered: back to the queue"),
        K.TICKET_SAVED: _t("Ticket saved"),
        K.DISPATCHED: _t("Dispatched"),
        K.WRAP_UP_DONE: _t("Wrap-up done"),
        K.FORM_EDITED: _t("Form edited"),
        K.SECURE_PAUSED: _t("Recording paused (secure)"),
        K.SECURE_RESUMED: _t("Recording resumed"),
        K.BACKFILLED: _t("Back-filled"),
        K.CLOSED_BY_RECOVERY: _t("Closed on the next start"),
    }[kind]


def event_text(kind: EventKind, data: Mapping[str, Any]) -> str:
    """One line for the event list: what happened and its main detail."""
    label = kind_label(kind)
    if kind is K.HUNG_UP:
        by = {"agent": _t("by the agent"), "customer": _t("by the customer")}.get(
            str(data.get("by", "")), "")
        return f"{label} {by}".strip()
    if kind is K.FORM_EDITED:
        return f"{label}: {field_label(str(data.get('field', '')))}"
    if kind is K.SCRIPT_SHOWN and data.get("text"):
        return f"{label}: {str(data['text'])[:40]}"
    if kind is K.TICKET_SAVED and data.get("number"):
        return f"{label}: {data['number']}"
    if kind is K.DISPATCHED and data.get("department"):
        return f"{label}: {data['department']}"
    return label


def mark_label(name: str) -> str:
    return {
        "ring_limit": _t("Ring limit"),
        "talk_target": _t("Talk 150 s"),
        "wrapup_target": _t("Wrap-up 60 s"),
    }.get(name, name)
