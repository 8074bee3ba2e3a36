"""Through the real desk window: what the agent types becomes FORM_EDITED events."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from callcenter.domain.agent_state import AgentState
from callcenter.store.models import CallEventRow, Ticket
from callcenter.telephony.port import CallOffered
from callcenter.ui.replay.form_recording import install
from tests.fakes import ime_commit
from tests.ui.desk_window import DeskWindow, make_desk_window
from tests.ui.test_call_loop import combo_pick, press, sign_in


@pytest.fixture
def dw(qtbot: QtBot, tmp_path: Path) -> Iterator[DeskWindow]:
    d = make_desk_window(tmp_path)
    qtbot.addWidget(d.window)
    d.window.show()
    qtbot.waitExposed(d.window)
    d.window.activateWindow()
    yield d
    d.close()


def test_typing_during_the_call_is_recorded_debounced_up_to_the_save(
        qtbot: QtBot, dw: DeskWindow) -> None:
    rec = install(dw.window, dw.desk, dw.bridge, dw.sched)
    w = dw.window
    sign_in(qtbot, dw)
    press(qtbot, dw, Qt.Key.Key_F3)
    dw.tel.send(CallOffered("c1", "13800138001"))
    dw.advance(2.0)
    press(qtbot, dw, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: w.form.findChild(QLineEdit, "ticketCallerPhone").text() != "")
    combo_pick(w.form.findChild(QComboBox, "ticketCategory"), "fault_repair")
    dw.advance(3.0)
    name = w.form.findChild(QLineEdit, "ticketCallerName")
    for ch in "Wang":  # a burst of typing, 0.2 s a key
        qtbot.keyClicks(name, ch)
        dw.advance(0.2)
    dw.advance(2.0)
    ime_commit(w.form.findChild(QPlainTextEdit, "ticketContent"), "家里没电了")
    ime_commit(w.form.findChild(QLineEdit, "ticketAddress"), "临江市江城区幸福路12号")
    combo_pick(w.form.findChild(QComboBox, "ticketAreaType"), "urban")
    combo_pick(w.form.findChild(QComboBox, "ticketPriority"), "soon")
    press(qtbot, dw, Qt.Key.Key_F7)
    assert rec.recorder.waiting > 0  # typed within the last second: not yet recorded
    press(qtbot, dw, Qt.Key.Key_F8)  # the save records what waits first
    qtbot.waitUntil(lambda: dw.desk.status.state is AgentState.READY)
    dw.db.flush()
    t = dw.db.read_now(lambda s: s.scalars(select(Ticket)
                                           .where(Ticket.created_by == "1001")).one())
    rows = dw.db.read_now(lambda s: [(r.kind, dict(r.data), r.mono_ns) for r in s.scalars(
        select(CallEventRow).where(CallEventRow.call_id == t.call_id).order_by(CallEventRow.seq))])
    kinds = [k for k, _, _ in rows]
    edits = [(d["field"], d["value"]) for k, d, _ in rows if k == "form_edited"]
    assert [v for f, v in edits if f == "caller_name"] == ["Wang"]  # one event for the burst
    final = dict(edits)
    assert final["content"] == "家里没电了" and final["category"] == "fault_repair"
    assert final["caller_phone"] == t.caller_phone == "13800138001"
    assert final["address"] == t.address
    assert kinds.index("answered") < kinds.index("form_edited")
    assert max(i for i, k in enumerate(kinds) if k == "form_edited") < kinds.index("ticket_saved")
    monos = [m for _, _, m in rows]
    assert monos == sorted(monos)  # monotonic offsets, in order
