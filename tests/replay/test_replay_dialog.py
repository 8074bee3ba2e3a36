"""The replay dialog on a real store: timeline, playhead, jumps, form at the playhead."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from callcenter.domain.auth.roles import Role
from callcenter.domain.call_events import CallEvent, EventKind
from callcenter.domain.clock import FakeClock
from callcenter.services.replay.loading import Replays
from callcenter.services.replay.sample_call import write_call
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database, open_database
from callcenter.ui.replay.open import open_replay
from callcenter.ui.replay.replay_dialog import ReplayDialog
from tests.fakes import signed_in

T0 = datetime(2026, 12, 6, 1, 0, tzinfo=UTC)
M0 = 7 * 10**12


def ev(t: float, kind: EventKind, **data: Any) -> CallEvent:
    return CallEvent(kind, M0 + int(t * 1e9), T0 + timedelta(seconds=t), data)


CALL = [
    ev(0.0, EventKind.RINGING), ev(17.0, EventKind.ANSWERED, ring_s=17.0, late=True),
    ev(17.0, EventKind.SCRIPT_SHOWN, key="apology", text="对不起，让您久等了。"),
    ev(19.0, EventKind.FORM_EDITED, field="caller_phone", value="13800138001"),
    ev(25.0, EventKind.FORM_EDITED, field="category", value="fault_repair"),
    ev(40.0, EventKind.FORM_EDITED, field="content", value="家里没电了，身份证110105199001011234"),
    ev(50.0, EventKind.HELD), ev(60.0, EventKind.RESUMED),
    ev(180.0, EventKind.HUNG_UP, by="agent"),
    ev(200.0, EventKind.TICKET_SAVED, ticket_id="t", number="LJ-1"),
    ev(200.0, EventKind.WRAP_UP_DONE, via="ready"),
]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    d = open_database(tmp_path / "desk.sqlite3")
    yield d
    d.close()


def open_it(qtbot: QtBot, db: Database, role: Role, clock: FakeClock) -> ReplayDialog:
    call_id = db.write_now(lambda s: write_call(s, CALL))
    dlg = open_replay(None, call_id, Replays(db, user=signed_in("7001", role)),
                      profile=load_profile(), clock=clock)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.timeline is not None)
    return dlg


def test_the_call_on_its_axis_with_marks_and_masked_numbers(qtbot: QtBot, db: Database) -> None:
    dlg = open_it(qtbot, db, Role.QA, FakeClock())
    assert dlg.events.count() == len(CALL)
    assert set(dlg.plot.mark_lines) == {"ring_limit", "talk_target", "wrapup_target"}
    assert dlg.plot.mark_lines["ring_limit"].value() == 15.0
    assert dlg.plot.mark_lines["talk_target"].value() == 167.0
    header = dlg.header.text()
    assert "138****8001" in header and "13800138001" not in header  # QA sees masked numbers
    assert "LJ-1" in header and "(over)" in header  # the late answer
    dlg.seek(45.0)
    assert dlg.form.widgets["caller_phone"].text() == "138****8001"
    content = dlg.form.widgets["content"].toPlainText()
    assert "110105199001011234" not in content and "家里没电了" in content


def test_the_field_the_last_edit_changed_is_highlighted_and_only_it(
        qtbot: QtBot, db: Database) -> None:
    dlg = open_it(qtbot, db, Role.QA, FakeClock())
    form = dlg.form
    assert not any(form.is_highlighted(n) for n in form.widgets)  # no edit at 0 s
    dlg.seek(30.0)  # the category, edited at 25 s
    assert [n for n in form.widgets if form.is_highlighted(n)] == ["category"]
    dlg.seek(45.0)
    assert [n for n in form.widgets if form.is_highlighted(n)] == ["content"]
    dlg.seek(19.5)
    assert [n for n in form.widgets if form.is_highlighted(n)] == ["caller_phone"]
    dlg.seek(5.0)
    assert not any(form.is_highlighted(n) for n in form.widgets)


def test_an_agent_sees_the_full_number(qtbot: QtBot, db: Database) -> None:
    dlg = open_it(qtbot, db, Role.AGENT, FakeClock())
    dlg.seek(20.0)
    assert dlg.form.widgets["caller_phone"].text() == "13800138001"


def test_playing_at_speeds_follows_the_clock_and_the_form_follows_the_playhead(
        qtbot: QtBot, db: Database) -> None:
    clock = FakeClock()
    dlg = open_it(qtbot, db, Role.QA, clock)
    assert dlg.form.widgets["category"].text() == ""
    qtbot.mouseClick(dlg.play_btn, Qt.MouseButton.LeftButton)
    assert dlg.tick.isActive() and dlg.tick.objectName() == "replayPlayheadTick"
    clock.advance(20.0)
    with qtbot.waitSignal(dlg.positionShown, timeout=2000) as blocker:
        pass
    assert blocker.args[0] == pytest.approx(20.0)
    assert dlg.form.widgets["caller_phone"].text() != ""
    assert dlg.form.widgets["category"].text() == ""  # edited at 25 s
    dlg.speed.setCurrentIndex(dlg.speed.findData(4.0))
    clock.advance(2.0)  # 8 s of call at 4x
    with qtbot.waitSignal(dlg.positionShown, timeout=2000) as blocker:
        pass
    assert blocker.args[0] == pytest.approx(28.0)
    assert dlg.form.widgets["category"].text() != ""
    qtbot.mouseClick(dlg.play_btn, Qt.MouseButton.LeftButton)  # pause
    assert not dlg.tick.isActive()
    clock.advance(50.0)
    assert dlg.position() == pytest.approx(28.0)
    clock.advance(0.0)
    dlg.set_speed(4.0)
    dlg.toggle_play()
    clock.advance(100.0)  # past the end: stops there
    qtbot.waitUntil(lambda: not dlg.tick.isActive())
    assert dlg.position() == 200.0 and dlg.play_btn.text() in ("Play", "播放")


def test_next_and_previous_event_jump_and_the_list_follows(qtbot: QtBot, db: Database) -> None:
    dlg = open_it(qtbot, db, Role.QA, FakeClock())
    qtbot.mouseClick(dlg.next_btn, Qt.MouseButton.LeftButton)
    assert dlg.position() == 17.0
    qtbot.mouseClick(dlg.next_btn, Qt.MouseButton.LeftButton)  # the script at 17 s goes with it
    assert dlg.position() == 19.0 and dlg.events.currentRow() == 3
    qtbot.mouseClick(dlg.prev_btn, Qt.MouseButton.LeftButton)
    assert dlg.position() == 17.0
    dlg.seek_to_event(8)  # the hang-up
    assert dlg.position() == 180.0 and dlg.events.currentRow() == 8
    dlg.seek_to_row(5)
    assert dlg.position() == 40.0
    dlg.plot.seekRequested.emit(55.5)  # the playhead dragged on the axis
    assert dlg.position() == 55.5 and dlg.plot.playhead.value() == 55.5


def test_a_department_of_another_ticket_or_nobody_may_not_replay(qtbot: QtBot, db: Database) -> None:
    call_id = db.write_now(lambda s: write_call(s, CALL))
    from callcenter.services.auth.current_user import CurrentUser
    dlg = open_replay(None, call_id, Replays(db, user=CurrentUser()), profile=load_profile())
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: "Loading" not in dlg.header.text() and "读取" not in dlg.header.text())
    assert dlg.timeline is None and not dlg.play_btn.isEnabled()


def test_qa_shows_the_full_number_with_a_reason_and_it_is_recorded(qtbot: QtBot, db: Database) -> None:
    from callcenter.domain.ticket import TicketDraft
    from callcenter.services.privacy.reveal import RevealRecord, Reveals
    from callcenter.services.tickets.entry import Tickets
    from callcenter.store.models import Ticket

    clock = FakeClock()
    profile = load_profile()
    tickets = Tickets(db, profile, clock, "W01", user=signed_in("1001"))

    def setup(s: Any) -> Any:
        call_id = write_call(s, CALL)
        saved = tickets.save_in(s, TicketDraft(category="inquiry", content="问电费",
                                               caller_name="王五", caller_phone="13800138001"),
                                agent_id="1001")
        s.get(Ticket, saved.id).call_id = call_id
        return call_id
    call_id = db.write_now(setup)
    records: list[RevealRecord] = []
    dlg = open_replay(None, call_id, Replays(db, user=signed_in("7001", Role.QA)),
                      profile=profile, clock=clock, reveals=Reveals(records.append, clock))
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.timeline is not None)
    dlg.seek(20.0)
    assert dlg.form.widgets["caller_phone"].text() == "138****8001"
    assert dlg.reveal_btn.isVisible()
    qtbot.mouseClick(dlg.reveal_btn, Qt.MouseButton.LeftButton)
    reveal = dlg.reveal_dialog
    qtbot.waitUntil(reveal.isVisible)
    reveal.reason.setText("复核投诉录音")
    reveal.reasonGiven.emit(reveal.reason.text())
    assert [(r.user_id, r.reason) for r in records] == [("7001", "复核投诉录音")]
    assert dlg.form.widgets["caller_phone"].text() == "13800138001"
    assert "13800138001" in dlg.header.text() and not dlg.reveal_btn.isVisible()
