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
    K.TRANSFER_REQUESTED: 0, K.TRANSFER_RINGING: 0, K.TRANSFER_ANSWERED: 0,
    K.TRANSFER_REFUSED: 0, K.TRANSFER_COMPLETED: 0, K.TRANSFER_RETURNED: 0,
    K.SCRIPT_SHOWN: 1, K.SCRIPT_STEP: 1,
    K.FORM_EDITED: 2,
    K.TICKET_SAVED: 3, K.DISPATCHED: 3, K.WRAP_UP_DONE: 3, K.BACKFILLED: 3,
}


def lane_names() -> list[str]:
    return [QCoreApplication.translate("Replay", "Call"),
            QCoreApplication.translate("Replay", "Scripts"),
            QCoreApplication.translate("Replay", "Form"),
            QCoreApplication.translate("Replay", "Ticket")]


def kind_label(kind: EventKind) -> str:
    return {
        K.RINGING: QCoreApplication.translate("Replay", "Rang"),
        K.ANSWERED: QCoreApplication.translate("Replay", "Answered"),
        K.SCRIPT_SHOWN: QCoreApplication.translate("Replay", "Script shown"),
        K.SCRIPT_STEP: QCoreApplication.translate("Replay", "Script step answered"),
        K.HELD: QCoreApplication.translate("Replay", "Put on hold"),
        K.RESUMED: QCoreApplication.translate("Replay", "Resumed"),
        K.HUNG_UP: QCoreApplication.translate("Replay", "Hung up"),
        K.ABANDONED: QCoreApplication.translate("Replay", "Caller hung up while it rang"),
        K.RING_TIMEOUT: QCoreApplication.translate("Replay", "Not answered: back to the queue"),
        K.TICKET_SAVED: QCoreApplication.translate("Replay", "Ticket saved"),
        K.DISPATCHED: QCoreApplication.translate("Replay", "Dispatched"),
        K.WRAP_UP_DONE: QCoreApplication.translate("Replay", "Wrap-up done"),
        K.FORM_EDITED: QCoreApplication.translate("Replay", "Form edited"),
        K.SECURE_PAUSED: QCoreApplication.translate("Replay", "Recording paused (secure)"),
        K.SECURE_RESUMED: QCoreApplication.translate("Replay", "Recording resumed"),
        K.BACKFILLED: QCoreApplication.translate("Replay", "Back-filled"),
        K.CLOSED_BY_RECOVERY: QCoreApplication.translate("Replay", "Closed on the next start"),
        K.TRANSFER_REQUESTED: QCoreApplication.translate("Replay", "Transfer asked"),
        K.TRANSFER_RINGING: QCoreApplication.translate("Replay", "Transfer target ringing"),
        K.TRANSFER_ANSWERED: QCoreApplication.translate("Replay", "Transfer target answered"),
        K.TRANSFER_REFUSED: QCoreApplication.translate("Replay", "Transfer target refused"),
        K.TRANSFER_COMPLETED: QCoreApplication.translate("Replay", "Transferred"),
        K.TRANSFER_RETURNED: QCoreApplication.translate("Replay", "Customer taken back"),
    }[kind]


class EventTexts:
    """``event_text`` with the labels looked up once (a call has thousands of events)."""

    def __init__(self) -> None:
        self._kinds: dict[EventKind, str] = {}
        self._fields: dict[str, str] = {}

    def __call__(self, kind: EventKind, data: Mapping[str, Any]) -> str:
        if kind is K.FORM_EDITED:
            field = str(data.get("field", ""))
            if field not in self._fields:
                self._fields[field] = event_text(kind, data)
            return self._fields[field]
        if kind not in self._kinds:
            self._kinds[kind] = kind_label(kind)
        if kind in (K.HUNG_UP, K.SCRIPT_SHOWN, K.TICKET_SAVED, K.DISPATCHED) \
                or data.get("target"):
            return event_text(kind, data, self._kinds[kind])
        return self._kinds[kind]


def event_text(kind: EventKind, data: Mapping[str, Any], label: str | None = None) -> str:
    """One line for the event list: what happened and its main detail."""
    label = label or kind_label(kind)
    if kind is K.HUNG_UP:
        by = {"agent": QCoreApplication.translate("Replay", "by the agent"),
              "customer": QCoreApplication.translate("Replay", "by the customer")}.get(
            str(data.get("by", "")), "")
        if data.get("reason") == "transferred":
            by += QCoreApplication.translate("Replay", " (transferred)")
        return f"{label} {by}".strip()
    if kind is K.FORM_EDITED:
        return f"{label}: {field_label(str(data.get('field', '')))}"
    if kind is K.SCRIPT_SHOWN and data.get("text"):
        return f"{label}: {str(data['text'])[:40]}"
    if kind is K.TICKET_SAVED and data.get("number"):
        return f"{label}: {data['number']}"
    if kind is K.DISPATCHED and data.get("department"):
        return f"{label}: {data['department']}"
    if data.get("target"):  # the transfer steps
        return f"{label}: {data['target']}"
    return label


def mark_label(name: str) -> str:
    return {
        "ring_limit": QCoreApplication.translate("Replay", "Ring limit"),
        "talk_target": QCoreApplication.translate("Replay", "Talk 150 s"),
        "wrapup_target": QCoreApplication.translate("Replay", "Wrap-up 60 s"),
    }.get(name, name)
