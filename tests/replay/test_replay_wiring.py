"""In the app: a call taken at the desk, its ticket opened, "replay the call"
shows the replay with what was typed during the call."""

from __future__ import annotations

import stat
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from callcenter.app import AppOptions, build
from callcenter.domain.agent_state import AgentState
from callcenter.domain.call_events import EventKind
from callcenter.ui.replay.replay_dialog import ReplayDialog

ONE_CALL = Path(__file__).parents[1] / "e2e" / "one_call.toml"


def test_a_ticket_taken_on_a_call_opens_its_replay(qtbot: QtBot, tmp_path: Path) -> None:
    ctx = build(AppOptions(data_dir=tmp_path, demo=True, scenario=ONE_CALL, workstation="T05"))
    try:
        w = ctx.window
        qtbot.addWidget(w)
        w.show()
        ctx.desk.sign_in("1001")
        ctx.desk.set_ready()
        qtbot.waitUntil(lambda: ctx.desk.status.state is AgentState.RINGING, timeout=10_000)
        ctx.desk.answer()
        form = w.form
        qtbot.waitUntil(lambda: form.findChild(QLineEdit, "ticketCallerPhone").text() != "")
        form.category.setCurrentIndex(form.category.findData("inquiry"))
        form.content.setPlainText("问电费")
        ctx.desk.hang_up()
        saved: list[object] = []
        ctx.bridge.ticketSavedSig.connect(saved.append)
        w.finish(False)
        qtbot.waitUntil(lambda: bool(saved), timeout=10_000)
        assert ctx.recordings is not None  # the simulator records each answered call
        qtbot.waitUntil(lambda: bool(ctx.recordings.written))
        wav = ctx.recordings.written[-1].result(timeout=10)
        assert wav is not None and wav.parent == tmp_path / "recordings"
        assert stat.S_IMODE(wav.stat().st_mode) == 0o600
        assert stat.S_IMODE(wav.parent.stat().st_mode) == 0o700
        lifecycle = next(k for k in ctx.keep if type(k).__name__ == "LifecycleController")
        ticket_id = saved[0].id  # type: ignore[attr-defined]
        lifecycle.open_ticket(ticket_id)
        qtbot.waitUntil(lambda: ticket_id in lifecycle.dialogs)
        dlg = lifecycle.dialogs[ticket_id]
        assert dlg.replay_btn.isVisible()
        qtbot.mouseClick(dlg.replay_btn, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dlg.findChild(ReplayDialog) is not None)
        replay = dlg.findChild(ReplayDialog)
        qtbot.waitUntil(lambda: replay.timeline is not None)
        kinds = [e.kind for e in replay.timeline.events]
        assert kinds[0] is EventKind.RINGING and EventKind.FORM_EDITED in kinds
        assert replay.audio is not None  # the recording plays with the replay
        replay.seek(replay.timeline.duration_s)
        assert replay.form.widgets["content"].toPlainText() == "问电费"
        assert replay.form.widgets["caller_phone"].text() != ""  # an agent sees the number
        replay.close()
        dlg.close()
    finally:
        ctx.shutdown()


def test_secure_pause_during_the_call_is_a_gap_in_the_recording(qtbot: QtBot, tmp_path: Path) -> None:
    from callcenter.services.replay.audio import RATE, read_wav
    from callcenter.ui.replay.secure_pause import SecurePause

    ctx = build(AppOptions(data_dir=tmp_path, demo=True, scenario=ONE_CALL, workstation="T06"))
    try:
        qtbot.addWidget(ctx.window)
        ctx.window.show()
        pause = next(k for k in ctx.keep if isinstance(k, SecurePause))
        ctx.desk.sign_in("1001")
        ctx.desk.set_ready()
        qtbot.waitUntil(lambda: ctx.desk.status.state is AgentState.RINGING, timeout=10_000)
        assert not pause.button.isEnabled()  # nothing to pause while it rings
        ctx.desk.answer()
        assert pause.button.isEnabled()
        qtbot.mouseClick(pause.button, Qt.MouseButton.LeftButton)
        assert pause.button.isChecked()
        qtbot.wait(300)
        qtbot.mouseClick(pause.button, Qt.MouseButton.LeftButton)
        assert not pause.button.isChecked()
        qtbot.wait(200)
        ctx.desk.hang_up()
        assert not pause.button.isEnabled()
        kinds = [e.kind for e in ctx.desk.call_events()]
        assert EventKind.SECURE_PAUSED in kinds and EventKind.SECURE_RESUMED in kinds
        ctx.desk.finish_wrapup_without_ticket("busy")
        qtbot.waitUntil(lambda: bool(ctx.recordings and ctx.recordings.written))
        assert ctx.recordings is not None
        wav = ctx.recordings.written[-1].result(timeout=10)
        assert wav is not None
        samples = read_wav(wav.read_bytes())
        evs = {e.kind: e.mono_ns for e in ctx.desk.call_events()}
        answered = evs[EventKind.ANSWERED]
        a = ((evs[EventKind.SECURE_PAUSED] or 0) - (answered or 0)) / 1e9
        b = ((evs[EventKind.SECURE_RESUMED] or 0) - (answered or 0)) / 1e9
        assert b - a >= 0.25
        assert not samples[int(a * RATE) + 1:int(b * RATE) - 1].any()  # silence: not recorded
        assert samples[:int(a * RATE)].any()  # the talk before it was
    finally:
        ctx.shutdown()
