"""The callback tab through the real widgets of the real window on a real
SQLite file: take, the three results by keyboard, retries until unreachable,
the shift lead assigning, the due count in the status bar."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from callcenter.domain.ticket_lifecycle import TicketState
from callcenter.services.callbacks.queue import Callbacks, QueueFilter
from callcenter.services.tickets.entry import Tickets
from callcenter.services.tickets.workflow import TicketWorkflow
from callcenter.ui.callbacks.integration import CallbackFeature, install
from callcenter.ui.callbacks.queue_view import CallbackQueueView
from tests.fakes import ime_commit, signed_in
from tests.ui.desk_window import DeskWindow, make_desk_window

from .conftest import AGENT, LEAD, CallbackRig, add_rig_users

WAIT = 5000


@dataclass
class Tab:
    dw: DeskWindow
    rig: CallbackRig
    feature: CallbackFeature

    @property
    def view(self) -> CallbackQueueView:
        return self.feature.view


@pytest.fixture
def tab(qtbot: QtBot, tmp_path: Path) -> Iterator[Tab]:
    dw = make_desk_window(tmp_path, customers=5)
    qtbot.addWidget(dw.window)
    profile = dw.desk.profile
    add_rig_users(dw.db, profile, dw.clock)
    workflow = TicketWorkflow(dw.db, dw.clock, "W01")
    user = signed_in()
    rig = CallbackRig(dw.db, dw.clock, profile, Tickets(dw.db, profile, dw.clock, "W01", user=user), workflow,
                      Callbacks(dw.db, profile, dw.clock, workflow, "W01", user=user))
    feature = install(dw.window, dw.desk, dw.db, profile, dw.clock, workflow)
    dw.window.show()
    qtbot.waitExposed(dw.window)
    yield Tab(dw, rig, feature)
    feature.close()
    dw.db.flush()
    dw.close()


def open_tab(qtbot: QtBot, t: Tab, agent: str = AGENT, rows: int = 1) -> None:
    """Sign in, show the tab (it puts new replies in the queue) and wait for the rows."""
    t.dw.desk.sign_in(agent)
    t.dw.window.tools.setCurrentWidget(t.view)
    qtbot.waitUntil(lambda: t.view.model.rowCount() == rows, timeout=WAIT)
    qtbot.waitUntil(lambda: t.view._detail is not None, timeout=WAIT)
    t.dw.window.activateWindow()
    t.view.table.setFocus()


def key(qtbot: QtBot, k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.ControlModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or QWidget(), k, mod)


def take_and_dial(qtbot: QtBot, view: CallbackQueueView) -> None:
    """Ctrl+K takes the current task (unless it is this agent's already), Ctrl+D dials."""
    row = view.current_row()
    assert row is not None
    view.window().activateWindow()  # back from the confirmation box: shortcuts need the window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view.window(), timeout=WAIT)
    if row.assigned_to != view.agent:
        qtbot.waitUntil(view.take_btn.isEnabled, timeout=WAIT)
        view.table.setFocus()
        with qtbot.waitSignal(view.queueLoaded, timeout=WAIT):
            key(qtbot, Qt.Key.Key_K)
    qtbot.waitUntil(view.dial_btn.isEnabled, timeout=WAIT)
    view.table.setFocus()
    key(qtbot, Qt.Key.Key_D)
    assert view.satisfied_btn.isEnabled()


def confirm(qtbot: QtBot, view: CallbackQueueView) -> None:
    """确认记录 in the confirmation the result buttons open."""
    box = view.confirm_box
    assert box is not None and box.isVisible()
    qtbot.mouseClick(box.yes_btn, Qt.MouseButton.LeftButton)


def test_agent_takes_and_records_satisfied_by_keyboard(qtbot: QtBot, tab: Tab) -> None:
    tid = tab.rig.replied_ticket()
    open_tab(qtbot, tab)
    view = tab.view
    assert view.model.rowCount() == 1
    assert "国网临江供电公司95598，1024号" in view.opening.toPlainText()
    assert view.opening.toPlainText().endswith("不好意思，可以打扰您一下吗？")
    assert "已恢复供电" in view.reply.toPlainText() and "家中停电" in view.reply.toPlainText()
    assert not view.assign_btn.isVisible()  # agents take, only the lead assigns
    with qtbot.waitSignal(view.queueLoaded, timeout=WAIT):
        key(qtbot, Qt.Key.Key_K)
    assert view.model.row_at(0).assigned_to == AGENT  # type: ignore[union-attr]
    take_and_dial(qtbot, view)
    view.table.setFocus()
    key(qtbot, Qt.Key.Key_1)
    with qtbot.waitSignal(view.attemptRecorded, timeout=WAIT) as sig:
        confirm(qtbot, view)
    assert sig.args[0].row.outcome == "reached_satisfied"
    assert tab.rig.workflow.get(tid).state is TicketState.VISITED
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=WAIT)
    assert view.message.text().endswith("customer satisfied; callback recorded.")


def test_not_satisfied_needs_a_chinese_note_and_reopens(qtbot: QtBot, tab: Tab) -> None:
    tid = tab.rig.replied_ticket()
    open_tab(qtbot, tab)
    view = tab.view
    take_and_dial(qtbot, view)
    view.unsatisfied_btn.click()  # no note: refused at once, nothing written
    assert view.note.hasFocus() or QApplication.focusWidget() is view.note
    assert tab.rig.workflow.get(tid).state is TicketState.REPLIED
    ime_commit(view.note, "客户反映仍有闪断")
    view.table.setFocus()
    key(qtbot, Qt.Key.Key_2)
    with qtbot.waitSignal(view.attemptRecorded, timeout=WAIT):
        confirm(qtbot, view)
    assert tab.rig.workflow.get(tid).state is TicketState.DISPATCHED
    assert view.note.text() == ""


def test_not_reached_three_times_is_recorded_unreachable(qtbot: QtBot, tab: Tab) -> None:
    tid = tab.rig.replied_ticket()
    open_tab(qtbot, tab)
    view = tab.view
    for n in (1, 2, 3):
        qtbot.waitUntil(lambda: view._detail is not None, timeout=WAIT)
        take_and_dial(qtbot, view)
        default = view._retry_utc() - tab.dw.clock.utc_now()
        assert timedelta(minutes=29) < default <= timedelta(minutes=30)
        view.table.setFocus()
        key(qtbot, Qt.Key.Key_3)
        with qtbot.waitSignal(view.attemptRecorded, timeout=WAIT) as sig:
            confirm(qtbot, view)
        assert sig.args[0].row.attempts == n
        tab.dw.clock.advance(31 * 60)
        with qtbot.waitSignal(view.queueLoaded, timeout=WAIT):
            view.refresh()
    assert sig.args[0].unreachable
    assert view.message.text().endswith("not reached 3 times; recorded as unreachable.")
    assert tab.rig.workflow.get(tid).state is TicketState.REPLIED
    assert view.model.rowCount() == 0
    with qtbot.waitSignal(view.queueLoaded, timeout=WAIT):
        view.filter.setCurrentIndex(2)  # unreachable
    assert view.filter.currentData() is QueueFilter.UNREACHABLE
    assert view.model.rowCount() == 1 and view.model.row_at(0).outcome == "unreachable"  # type: ignore[union-attr]


def test_retry_time_in_the_past_is_refused(qtbot: QtBot, tab: Tab) -> None:
    tab.rig.replied_ticket()
    open_tab(qtbot, tab)
    view = tab.view
    take_and_dial(qtbot, view)
    view.retry_at.setDateTime(view.retry_at.dateTime().addSecs(-3600))
    with qtbot.waitSignal(view.messageShown, timeout=WAIT):
        view.not_reached_btn.click()  # refused before asking: no confirmation opens
    assert view.confirm_box is None
    qtbot.waitUntil(lambda: view.retry_at.hasFocus(), timeout=WAIT)
    assert view.model.row_at(0).attempts == 0  # type: ignore[union-attr]


def test_shift_lead_assigns_and_the_status_bar_counts(qtbot: QtBot, tab: Tab) -> None:
    tab.rig.replied_ticket()
    tab.rig.replied_ticket(phone="13800138002")
    open_tab(qtbot, tab, agent=LEAD, rows=2)
    view = tab.view
    label = tab.feature.due_label
    qtbot.waitUntil(lambda: label.text() == "Callbacks due: 2", timeout=WAIT)
    assert view.assign_btn.isVisible() and view.assignee.isVisible()
    qtbot.keyClicks(view.assignee, "1025")
    with qtbot.waitSignal(view.queueLoaded, timeout=WAIT):
        qtbot.keyClick(view.assignee, Qt.Key.Key_Return)
    assigned = {r.assigned_to for r in (view.model.row_at(0), view.model.row_at(1)) if r}
    assert assigned == {"1025", None}
    qtbot.keyClicks(view.assignee, "8001")  # a department user cannot make callbacks
    view.assign_btn.click()
    assert view.assignee.hasFocus() and view.message.text()
    tab.dw.clock.advance(25 * 3600)
    with qtbot.waitSignal(view.dueCountChanged, timeout=WAIT,
                          check_params_cb=lambda due, overdue: overdue > 0) as sig:
        view.refresh()  # (a count asked for before the clock moved may still arrive first)
    assert sig.args == [2, 2]
    qtbot.waitUntil(lambda: label.text() == "Callbacks due: 2 (⚠ 2 overdue)", timeout=WAIT)


def test_signed_out_nothing_can_be_recorded(qtbot: QtBot, tab: Tab) -> None:
    tab.rig.replied_ticket()
    tab.dw.window.tools.setCurrentWidget(tab.view)
    qtbot.waitUntil(lambda: tab.view._detail is not None, timeout=WAIT)
    assert not tab.view.take_btn.isEnabled()
    assert not tab.view.satisfied_btn.isEnabled()
    assert tab.view.message.text() == "Sign in to take and record callbacks."
    assert "＿＿号" in tab.view.opening.toPlainText()  # the missing agent ID shows as a blank


def test_closing_the_window_stops_the_refresh(qtbot: QtBot, tab: Tab) -> None:
    assert tab.feature.timer.isActive() and tab.feature.timer.objectName() == "callbackSyncTimer"
    tab.dw.window.close()
    assert not tab.feature.timer.isActive()
    tab.view.sync()  # starts nothing on a database about to close


def test_an_outcome_needs_the_task_taken_a_call_dialled_and_a_confirmation(
        qtbot: QtBot, tab: Tab) -> None:
    """Issue 17 item 18: one click no longer records 客户满意 on a callback that
    nobody claimed and nobody called."""
    tid = tab.rig.replied_ticket()
    open_tab(qtbot, tab)
    view = tab.view
    results = (view.satisfied_btn, view.unsatisfied_btn, view.not_reached_btn)
    assert not any(b.isEnabled() for b in results)  # nobody has taken it
    assert not view.dial_btn.isEnabled()
    assert view.dial_hint.text() == "Take the callback first (Ctrl+K), then dial the customer."
    with qtbot.waitSignal(view.queueLoaded, timeout=WAIT):
        key(qtbot, Qt.Key.Key_K)
    qtbot.waitUntil(lambda: view.dial_btn.isEnabled(), timeout=WAIT)
    assert not any(b.isEnabled() for b in results)  # taken, but nobody called yet
    assert view.dial_hint.text() == "Dial the customer (Ctrl+D) before recording the result."
    view.table.setFocus()
    key(qtbot, Qt.Key.Key_D)
    shown = view.model.index(0, view.model.COLUMNS.index("phone")).data()
    assert view.dial_hint.text().startswith("Dialled " + shown)
    assert all(b.isEnabled() for b in results)
    view.satisfied_btn.click()  # asks first; nothing is written yet
    box = view.confirm_box
    assert box is not None and box.isVisible()
    assert "satisfied" in box.text() and tab.rig.workflow.get(tid).number in box.text()
    assert tab.rig.workflow.get(tid).state is TicketState.REPLIED
    qtbot.mouseClick(box.no_btn, Qt.MouseButton.LeftButton)  # changed their mind
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT)
    assert tab.rig.workflow.get(tid).state is TicketState.REPLIED
    view.satisfied_btn.click()
    box = view.confirm_box
    assert box is not None
    with qtbot.waitSignal(view.attemptRecorded, timeout=WAIT) as sig:
        qtbot.mouseClick(box.yes_btn, Qt.MouseButton.LeftButton)
    assert sig.args[0].row.outcome == "reached_satisfied"
    assert tab.rig.workflow.get(tid).state is TicketState.VISITED
