"""Masked numbers by role in the real window, and "show full number" on one ticket:
reason required, recorded, gone when the ticket's window closes."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from callcenter.app import AppContext, AppOptions, build
from callcenter.domain.auth.roles import Actor, Role
from callcenter.domain.clock import SystemClock
from callcenter.domain.ticket import TicketDraft
from callcenter.services.alerts.inbox import REPEAT_COMPLAINT, AlertView
from callcenter.services.callbacks.queue import CallbackRow
from callcenter.services.demo.users import seed_demo_users
from callcenter.services.privacy.policy import policy_for
from callcenter.services.privacy.reveal import RevealRecord
from callcenter.services.site.profile import load_profile
from callcenter.ui.callbacks.queue_model import CallbackQueueModel
from callcenter.ui.privacy.reveal_dialog import RevealDialog
from callcenter.ui.tickets.detail_dialog import TicketDetailDialog

PHONE, MASKED = "13800138002", "138****8002"
OTHER_PHONE = "13900139003"


class Recorder:
    def __init__(self) -> None:
        self.records: list[RevealRecord] = []

    def __call__(self, record: RevealRecord) -> None:
        self.records.append(record)


@pytest.fixture
def app(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[AppContext, Recorder]]:
    rec = Recorder()
    ctx = build(AppOptions(data_dir=tmp_path, workstation="P01", reveal_recorder=rec))
    # the users and their roles (7001 QA, 9001 lead, ...) without the demo city
    seed_demo_users(ctx.db, ctx.desk.profile, SystemClock(), ctx.desk.workstation)
    qtbot.addWidget(ctx.window)
    ctx.window.show()
    ctx.telephony.stop()
    try:
        yield ctx, rec
    finally:
        ctx.shutdown()


def _feature(ctx: AppContext, name: str) -> object:
    return next(k for k in ctx.keep if type(k).__name__ == name)


def _save(ctx: AppContext, phone: str, content: str) -> uuid.UUID:
    """A ticket an agent took earlier (signed in for the save, then as before)."""
    draft = TicketDraft(category="complaint", content=content, caller_name="王五", caller_phone=phone)
    before = ctx.desk.user.actor
    ctx.desk.user.set(Actor("1024", Role.AGENT))
    try:
        return ctx.desk.tickets.save(draft, agent_id="1024").result(timeout=5).id
    finally:
        if before is None:
            ctx.desk.user.clear()
        else:
            ctx.desk.user.set(before)


def _open(qtbot: QtBot, ctx: AppContext, tid: uuid.UUID) -> TicketDetailDialog:
    lifecycle = _feature(ctx, "LifecycleController")
    lifecycle.open_ticket(tid)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: tid in lifecycle.dialogs)  # type: ignore[attr-defined]
    dlg: TicketDetailDialog = lifecycle.dialogs[tid]  # type: ignore[attr-defined]
    return dlg


def _close(qtbot: QtBot, ctx: AppContext, dlg: TicketDetailDialog) -> None:
    lifecycle = _feature(ctx, "LifecycleController")
    tid = dlg.detail.id
    dlg.close()
    qtbot.waitUntil(lambda: tid not in lifecycle.dialogs)  # type: ignore[attr-defined]


def test_qa_sees_masked_numbers_and_reveals_one_ticket_with_a_reason(
        qtbot: QtBot, app: tuple[AppContext, Recorder]) -> None:
    ctx, rec = app
    first = _save(ctx, PHONE, f"客户留言：请打{PHONE}")
    second = _save(ctx, OTHER_PHONE, "停电")
    ctx.desk.sign_in("7001")  # QA reviewer
    dlg = _open(qtbot, ctx, first)
    text = dlg.header.text()
    assert MASKED in text and PHONE not in text
    assert dlg.reveal_btn.isVisibleTo(dlg)

    # no reason: refused, nothing recorded, still masked
    qtbot.mouseClick(dlg.reveal_btn, Qt.MouseButton.LeftButton)
    ask = dlg.reveal_dialog
    assert isinstance(ask, RevealDialog) and ask.isVisible()
    ask.reason.setText("   ")
    ok = ask.findChild(type(dlg.reveal_btn), "revealOkButton")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert ask.error.isVisible() and ask.isVisible()
    assert rec.records == [] and PHONE not in dlg.header.text()

    # with a reason: recorded, then the full number shows on this ticket
    ask.reason.clear()
    ask.reason.insert("客户投诉复核，需核对来电号码")  # QTest cannot type Chinese
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not ask.isVisible())
    assert len(rec.records) == 1
    r = rec.records[0]
    assert (r.user_id, r.ticket_id, r.reason) == ("7001", first, "客户投诉复核，需核对来电号码")
    assert r.subject == f"ticket:{first}" and r.at.tzinfo is not None
    assert PHONE in dlg.header.text() and not dlg.reveal_btn.isVisibleTo(dlg)

    # another ticket is still masked
    other = _open(qtbot, ctx, second)
    assert OTHER_PHONE not in other.header.text() and "139****9003" in other.header.text()
    _close(qtbot, ctx, other)

    # closing the ticket ends the reveal
    _close(qtbot, ctx, dlg)
    again = _open(qtbot, ctx, first)
    assert PHONE not in again.header.text() and again.reveal_btn.isVisibleTo(again)
    _close(qtbot, ctx, again)
    assert len(rec.records) == 1


def test_signing_out_closes_a_revealed_ticket(qtbot: QtBot, app: tuple[AppContext, Recorder]) -> None:
    ctx, rec = app
    tid = _save(ctx, PHONE, "咨询")
    ctx.desk.sign_in("9001")  # shift lead: the lead's views are masked
    dlg = _open(qtbot, ctx, tid)
    assert PHONE not in dlg.header.text()
    dlg.ask_reveal()
    dlg.reveal_dialog.reason.setText("回访核实")
    dlg.reveal_dialog.findChild(type(dlg.reveal_btn), "revealOkButton").click()
    assert PHONE in dlg.header.text() and len(rec.records) == 1
    lifecycle = _feature(ctx, "LifecycleController")
    ctx.desk.sign_out()
    qtbot.waitUntil(lambda: tid not in lifecycle.dialogs)  # type: ignore[attr-defined]


def test_an_agent_sees_the_full_number_and_no_reveal(qtbot: QtBot,
                                                      app: tuple[AppContext, Recorder]) -> None:
    ctx, rec = app
    tid = _save(ctx, PHONE, "咨询")
    ctx.desk.sign_in("1024")
    dlg = _open(qtbot, ctx, tid)
    assert PHONE in dlg.header.text() and not dlg.reveal_btn.isVisibleTo(dlg)
    _close(qtbot, ctx, dlg)
    assert rec.records == []


def test_an_administrator_sees_masked_numbers_and_may_not_reveal(
        qtbot: QtBot, app: tuple[AppContext, Recorder]) -> None:
    """Masked for the admin, and no "show full number": the role lacks UNMASK_PERSONAL_DATA
    (asked anyway, the service refuses and the dialog says so)."""
    ctx, rec = app
    tid = _save(ctx, PHONE, "咨询")
    ctx.desk.sign_in("6001")
    dlg = _open(qtbot, ctx, tid)
    assert PHONE not in dlg.header.text() and MASKED in dlg.header.text()
    assert not dlg.reveal_btn.isVisibleTo(dlg)
    dlg.ask_reveal()
    dlg.reveal_dialog.reason.setText("核对")
    dlg.reveal_dialog.findChild(type(dlg.reveal_btn), "revealOkButton").click()
    assert dlg.reveal_dialog.error.isVisible() and dlg.reveal_dialog.isVisible()
    assert "角色" in dlg.reveal_dialog.error.text() or "role" in dlg.reveal_dialog.error.text()
    assert PHONE not in dlg.header.text() and rec.records == []
    dlg.reveal_dialog.reject()
    _close(qtbot, ctx, dlg)


@pytest.mark.parametrize(("user", "shown"), [("1024", PHONE), ("7001", MASKED), ("9001", MASKED)])
def test_ticket_list_masks_the_phone_column_by_role(
        qtbot: QtBot, app: tuple[AppContext, Recorder], user: str, shown: str) -> None:
    ctx, _rec = app
    _save(ctx, PHONE, f"请回电{PHONE}")
    ctx.desk.sign_in(user)
    view = _feature(ctx, "TicketListFeature").view  # type: ignore[attr-defined]
    view.search()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0 and view.model.row_at(0) is not None)
    cols = view.model.COLUMNS
    assert view.model.data(view.model.index(0, cols.index("caller_phone"))) == shown
    assert view.model.data(view.model.index(0, cols.index("content"))) == f"请回电{shown}"


def test_callback_queue_shows_only_the_agents_own_task_in_full() -> None:
    now = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)

    def row(assigned: str | None) -> CallbackRow:
        return CallbackRow(uuid.uuid4(), 1, uuid.uuid4(), "LJ-1", "fault_repair", "张先生", PHONE,
                           now, now + timedelta(hours=2), None, assigned, 0, "pending",
                           overdue=False, ready=True)

    profile = load_profile()
    model = CallbackQueueModel(profile)
    model.set_rows([row("1024"), row("1025"), row(None)])
    col = model.COLUMNS.index("phone")

    def phones() -> list[str]:
        return [model.data(model.index(i, col)) for i in range(3)]

    assert phones() == [MASKED] * 3  # nobody signed in
    model.set_viewer(policy_for(Actor("1024", Role.AGENT)))
    assert phones() == [PHONE, MASKED, MASKED]
    model.set_viewer(policy_for(Actor("9001", Role.SHIFT_LEAD)))  # the lead assigns, does not dial
    assert phones() == [MASKED] * 3


def test_lead_alert_masks_the_callers_number(qtbot: QtBot, app: tuple[AppContext, Recorder]) -> None:
    ctx, _rec = app
    ctx.desk.sign_in("9001")
    alerts = _feature(ctx, "DuplicatesDesk").alerts_view  # type: ignore[attr-defined]
    a = AlertView(uuid.uuid4(), REPEAT_COMPLAINT, None, "LJ-1", f"LJ-P01-0001 · {PHONE}",
                  "shift_lead", "1024", datetime.now(UTC))
    text = alerts.text_for(a)
    assert MASKED in text and PHONE not in text and "LJ-P01-0001" in text


def test_lead_reveals_one_callback_task_until_another_row_is_chosen(
        qtbot: QtBot, app: tuple[AppContext, Recorder]) -> None:
    ctx, rec = app
    now = datetime.now(UTC)

    def row(n: int, phone: str) -> CallbackRow:
        return CallbackRow(uuid.uuid4(), 1, uuid.uuid4(), f"LJ-{n}", "fault_repair", "张先生", phone,
                           now, now + timedelta(hours=2), None, None, 0, "pending",
                           overdue=False, ready=True)

    ctx.desk.sign_in("9001")
    view = _feature(ctx, "CallbackFeature").view  # type: ignore[attr-defined]
    rows = [row(1, PHONE), row(2, OTHER_PHONE)]
    view.model.set_rows(rows)
    view.table.selectRow(0)
    col = view.model.COLUMNS.index("phone")

    def phone(i: int) -> str:
        return str(view.model.data(view.model.index(i, col)))

    assert (phone(0), phone(1)) == (MASKED, "139****9003")
    assert view.reveal_btn.isVisibleTo(view)
    view.ask_reveal()
    view.reveal_dialog.reason.setText("客户要求回拨")
    qtbot.mouseClick(view.reveal_dialog.findChild(type(view.reveal_btn), "revealOkButton"),
                     Qt.MouseButton.LeftButton)
    assert (phone(0), phone(1)) == (PHONE, "139****9003")
    assert [(r.user_id, r.ticket_id) for r in rec.records] == [("9001", rows[0].ticket_id)]
    assert not view.reveal_btn.isVisibleTo(view)
    view.table.selectRow(1)
    assert (phone(0), phone(1)) == (MASKED, "139****9003")


@pytest.mark.parametrize(("user", "shown"), [("1024", PHONE), ("9001", PHONE), ("7001", MASKED),
                                             (None, MASKED)])
def test_screen_pop_shows_the_caller_to_whoever_takes_the_call(
        qtbot: QtBot, app: tuple[AppContext, Recorder], user: str | None, shown: str) -> None:
    ctx, _rec = app
    if user:
        ctx.desk.sign_in(user)
    pop = ctx.window.screen_pop
    qtbot.waitUntil(lambda: pop.numbers.user_id == user)
    pop.show_ringing(PHONE)
    assert shown in pop.header.text()
    assert (PHONE in pop.header.text()) is (shown == PHONE)
