"""Test doubles for what is outside the desk: the phone switch only.

The database is never faked: tests use real SQLite files.
"""

from __future__ import annotations

from typing import Any

from callcenter.domain.auth.roles import Actor, Role
from callcenter.services.auth.current_user import CurrentUser
from callcenter.telephony.port import Listener, TelephonyEvent


class ScriptedTelephony:
    """A switch the test drives by hand; records the desk's commands."""

    def __init__(self) -> None:
        self.listener: Listener | None = None
        self.commands: list[tuple[str, Any]] = []

    def start(self, listener: Listener) -> None:
        self.listener = listener

    def stop(self) -> None:
        self.commands.append(("stop", None))

    def send(self, ev: TelephonyEvent) -> None:
        assert self.listener is not None
        self.listener(ev)

    def set_available(self, available: bool) -> None:
        self.commands.append(("available", available))

    def answer(self, call_id: str) -> None:
        self.commands.append(("answer", call_id))

    def hold(self, call_id: str) -> None:
        self.commands.append(("hold", call_id))

    def resume(self, call_id: str) -> None:
        self.commands.append(("resume", call_id))

    def hang_up(self, call_id: str) -> None:
        self.commands.append(("hang_up", call_id))

    def transfer(self, call_id: str, target: str) -> None:
        self.commands.append(("transfer", (call_id, target)))

    def consult(self, call_id: str, target: str) -> None:
        self.commands.append(("consult", (call_id, target)))

    def complete_consult(self, call_id: str) -> None:
        self.commands.append(("complete_consult", call_id))

    def cancel_consult(self, call_id: str) -> None:
        self.commands.append(("cancel_consult", call_id))

    def pause_recording(self, call_id: str, paused: bool) -> None:
        self.commands.append(("pause_recording", (call_id, paused)))

    def requeue(self, call_id: str) -> None:
        self.commands.append(("requeue", call_id))


def ime_commit(widget: Any, text: str) -> None:
    """Type CJK text the way an input method delivers it: one committed string.

    (QTest.keyClicks only knows Latin-1 keys and aborts on other characters.)
    """
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    ev = QInputMethodEvent()
    ev.setCommitString(text)
    QApplication.sendEvent(widget, ev)


def signed_in(user_id: str = "1024", role: Role = Role.AGENT,
              department: str | None = None) -> CurrentUser:
    """A desk's signed-in user for services built outside the app (an agent by default)."""
    return CurrentUser(Actor(user_id, role, department))
