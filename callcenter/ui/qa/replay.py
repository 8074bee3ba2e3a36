"""How the QA workspace opens a call's replay: today, the ticket's detail with
its timeline of call and ticket events (the one replay the desk has). The
timeline replay replaces this function; app.py passes it in one line."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from callcenter.services.qa.workspace import CallRow
from callcenter.ui.qa.integration import OpenReplay
from callcenter.ui.shared.main_window import MainWindow


def ticket_detail_replay(open_ticket: Callable[[uuid.UUID], None], window: MainWindow) -> OpenReplay:
    """``open_ticket``: the ticket feature's ``open_ticket`` (no import of ui/tickets here)."""

    def open_replay(row: CallRow, seq: int | None) -> None:  # seq: the timeline replay jumps there
        if row.ticket_id is None:
            window.statusBar().showMessage(QCoreApplication.translate(
                "QaReplay", "This call has no ticket: its replay comes with the timeline replay."),
                8000)
            return
        open_ticket(row.ticket_id)
    return open_replay
