"""Password sign-in through the real window, and sign-out leaving nothing of the
previous user or caller on screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)
from pytestqt.qtbot import QtBot

from callcenter.app import AppContext, AppOptions, build
from callcenter.domain.agent_state import AgentState
from callcenter.ui.auth.sign_in_dialog import SignInDialog

ONE_CALL = Path(__file__).parents[1] / "e2e" / "one_call.toml"  # 13800138001, a demo customer
CALLER = "13800138001"


@pytest.fixture
def ctx(qtbot: QtBot, tmp_path: Path) -> AppContext:
    c = build(AppOptions(data_dir=tmp_path, demo=True, scenario=ONE_CALL, workstation="T05"))
    qtbot.addWidget(c.window)
    c.window.show()
    yield c  # type: ignore[misc]
    c.shutdown()


def open_sign_in(ctx: AppContext) -> SignInDialog:
    ctx.window.sign_in_or_out()
    dlg = ctx.window.sign_in_dialog
    assert isinstance(dlg, SignInDialog) and dlg.isVisible()
    return dlg


def submit(qtbot: QtBot, dlg: SignInDialog, user_id: str, password: str) -> None:
    dlg.agent_id.setText(user_id)
    dlg.password.setText(password)
    dlg.submitted.emit()


def sign_in(qtbot: QtBot, ctx: AppContext, user_id: str = "1001", password: str = "demo1001") -> None:
    submit(qtbot, open_sign_in(ctx), user_id, password)
    qtbot.waitUntil(lambda: ctx.desk.status.state is not AgentState.SIGNED_OUT, timeout=10_000)


def test_wrong_password_says_so_keeps_the_id_and_stays_signed_out(qtbot: QtBot, ctx: AppContext) -> None:
    ctx.telephony.stop()
    dlg = open_sign_in(ctx)
    submit(qtbot, dlg, "1001", "not the password")
    qtbot.waitUntil(lambda: "⚠" in dlg.error.text(), timeout=10_000)
    assert dlg.isVisible() and dlg.agent_id.text() == "1001" and dlg.password.text() == ""
    assert ctx.desk.status.state is AgentState.SIGNED_OUT
    submit(qtbot, dlg, "1001", "x" * 129)
    qtbot.waitUntil(lambda: "128" in dlg.error.text(), timeout=10_000)
    submit(qtbot, dlg, "1001", "demo1001")
    qtbot.waitUntil(lambda: ctx.desk.status.state is not AgentState.SIGNED_OUT, timeout=10_000)
    assert ctx.window.sign_in_dialog is None  # closed and gone
    assert ctx.auth is not None and ctx.auth.current is not None
    assert ctx.auth.current.actor.user_id == "1001"


def test_five_wrong_passwords_lock_the_id_with_the_time_it_ends(qtbot: QtBot, ctx: AppContext) -> None:
    ctx.telephony.stop()
    dlg = open_sign_in(ctx)
    for n in range(5):
        dlg.error.clear()
        submit(qtbot, dlg, "9001", f"guess {n}")
        qtbot.waitUntil(lambda: dlg.error.text() not in ("", "Checking…", "正在验证…"), timeout=10_000)
    assert "锁定" in dlg.error.text() or "locked" in dlg.error.text()
    dlg.error.clear()
    submit(qtbot, dlg, "9001", "demo9001")
    qtbot.waitUntil(lambda: dlg.error.text() not in ("", "Checking…", "正在验证…"), timeout=10_000)
    assert "锁定" in dlg.error.text() or "locked" in dlg.error.text()
    assert ctx.desk.status.state is AgentState.SIGNED_OUT
    dlg.reject()


def _visible_texts(ctx: AppContext) -> str:
    """Every text a person could read in the window and its open dialogs."""
    out: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        for w in [top, *top.findChildren(QLabel), *top.findChildren(QLineEdit),
                  *top.findChildren(QPlainTextEdit), *top.findChildren(QTextEdit)]:
            if isinstance(w, QLabel):
                out.append(w.text())
            elif isinstance(w, QLineEdit):
                out.append(w.text())
            elif isinstance(w, (QPlainTextEdit, QTextEdit)):
                out.append(w.toPlainText())
        for view in top.findChildren(QAbstractItemView):
            model = view.model()
            if model is None:
                continue
            root = QModelIndex()
            for r in range(min(model.rowCount(root), 200)):
                for c in range(50):
                    index = model.index(r, c, root)
                    if not index.isValid():
                        break
                    out.append(str(model.data(index) or ""))
    return "\n".join(out)


def test_sign_out_leaves_nothing_of_the_user_or_the_caller(qtbot: QtBot, ctx: AppContext) -> None:
    sign_in(qtbot, ctx)
    w = ctx.window
    ctx.desk.set_ready()
    qtbot.waitUntil(lambda: ctx.desk.status.state is AgentState.RINGING, timeout=15_000)
    ctx.desk.answer()
    qtbot.waitUntil(lambda: CALLER in _visible_texts(ctx), timeout=10_000)
    content = w.form.findChild(QPlainTextEdit, "ticketContent")
    assert content is not None
    combo = w.form.findChild(QComboBox, "ticketCategory")
    assert combo is not None
    combo.setCurrentIndex(combo.findData("inquiry"))
    content.setPlainText("客户反映停电，询问恢复时间。")
    ctx.desk.hang_up()
    with qtbot.waitSignal(ctx.bridge.ticketSavedSig, timeout=10_000):
        w.finish(dispatch=False)
    tickets = next(k for k in ctx.keep if type(k).__name__ == "TicketListFeature")
    tickets.view.key_kind.setCurrentIndex(tickets.view.key_kind.findData("phone"))
    tickets.view.key_edit.setText(CALLER)
    tickets.view.search()
    lifecycle = next(k for k in ctx.keep if type(k).__name__ == "LifecycleController")
    qtbot.waitUntil(lambda: tickets.view.model.rowCount() > 0, timeout=10_000)
    saved_id = tickets.view.model.row_at(0).id if hasattr(tickets.view.model, "row_at") else None
    if saved_id is not None:
        lifecycle.open_ticket(saved_id)
        qtbot.waitUntil(lambda: bool(lifecycle.dialogs), timeout=10_000)
    assert CALLER in _visible_texts(ctx)

    w.sign_in_or_out()  # F2 while ready: sign out
    qtbot.waitUntil(lambda: ctx.desk.status.state is AgentState.SIGNED_OUT, timeout=10_000)
    assert ctx.auth is not None and ctx.auth.current is None
    qtbot.waitUntil(lambda: w.findChild(QDialog, "ticketDetailDialog") is None, timeout=5_000)
    texts = _visible_texts(ctx)
    assert CALLER not in texts
    assert "停电，询问恢复时间" not in texts
    assert "张敏" not in texts  # the previous user's name (the greeting, the status bar)
    assert not lifecycle.dialogs
    assert tickets.view.key_edit.text() == ""
    assert tickets.view.model.rowCount() == 0  # no results of the last search, and no reload


def test_idle_locks_the_screen_and_only_the_password_unlocks(qtbot: QtBot, ctx: AppContext) -> None:
    ctx.telephony.stop()
    sign_in(qtbot, ctx)
    auth = ctx.auth
    assert auth is not None
    auth.check_idle()
    assert not auth.locked  # just signed in
    auth.idle.last_input_ns -= int(11 * 60 * 1e9)  # the profile says 10 minutes
    auth.check_idle()
    assert auth.locked and not ctx.window.centralWidget().isVisible()
    dlg = auth.lock_dialog
    assert dlg is not None
    dlg.password.setText("wrong one")
    dlg.unlock_btn.click()
    qtbot.waitUntil(lambda: "⚠" in dlg.error.text(), timeout=10_000)
    assert auth.locked
    dlg.password.setText("demo1001")
    dlg.unlock_btn.click()
    qtbot.waitUntil(lambda: not auth.locked, timeout=10_000)
    assert ctx.window.centralWidget().isVisible()
    assert ctx.desk.status.state is AgentState.BUSY  # still the same shift


def test_switch_user_at_the_lock_signs_the_first_out(qtbot: QtBot, ctx: AppContext) -> None:
    ctx.telephony.stop()
    sign_in(qtbot, ctx)
    auth = ctx.auth
    assert auth is not None
    auth.idle.last_input_ns -= int(11 * 60 * 1e9)
    auth.check_idle()
    assert auth.lock_dialog is not None
    auth.lock_dialog.switch_btn.click()
    assert ctx.desk.status.state is AgentState.SIGNED_OUT and auth.current is None
    dlg = ctx.window.sign_in_dialog
    assert isinstance(dlg, SignInDialog) and dlg.isVisible()
    submit(qtbot, dlg, "9001", "demo9001")
    qtbot.waitUntil(lambda: auth.current is not None, timeout=10_000)
    assert auth.current is not None and auth.current.actor.user_id == "9001"
    assert ctx.window.centralWidget().isVisible()


def test_no_lock_during_a_call(qtbot: QtBot, ctx: AppContext) -> None:
    sign_in(qtbot, ctx)
    ctx.desk.set_ready()
    qtbot.waitUntil(lambda: ctx.desk.status.state is AgentState.RINGING, timeout=15_000)
    ctx.desk.answer()
    assert ctx.auth is not None
    ctx.auth.idle.last_input_ns -= int(30 * 60 * 1e9)
    ctx.auth.check_idle()
    assert not ctx.auth.locked
    ctx.desk.hang_up()


def _users_admin(ctx: AppContext):  # type: ignore[no-untyped-def]
    return next(k for k in ctx.keep if type(k).__name__ == "UsersAdminFeature")


def test_the_user_screen_is_only_for_administrators(qtbot: QtBot, ctx: AppContext) -> None:
    ctx.telephony.stop()
    feature = _users_admin(ctx)
    sign_in(qtbot, ctx, "9001", "demo9001")
    assert feature.view is None  # a shift lead has no user screen
    ctx.window.sign_in_or_out()
    sign_in(qtbot, ctx, "6001", "demo6001")
    assert feature.view is not None
    view = feature.view
    qtbot.waitUntil(lambda: view.model.rowCount() == 7, timeout=10_000)

    dlg = feature.open_add()
    dlg.user_id.setText("1003")
    dlg.name.setText("陈静")
    dlg.password.setText("first-pw-1")
    dlg.again.setText("first-pw-2")
    dlg.ok.click()
    assert "differ" in dlg.error.text() or "不一致" in dlg.error.text()
    dlg.again.setText("first-pw-1")
    dlg.user_id.setText("1001")  # taken
    dlg.ok.click()
    qtbot.waitUntil(lambda: "⚠" in dlg.error.text() and dlg.ok.isEnabled(), timeout=10_000)
    assert dlg.isVisible() and dlg.name.text() == "陈静"  # nothing typed is lost
    dlg.user_id.setText("1003")
    dlg.ok.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 8, timeout=10_000)
    row = next(i for i, u in enumerate(view.model.rows) if u.user_id == "1003")
    view.table.selectRow(row)
    view.disable_btn.click()
    qtbot.waitUntil(lambda: next(u for u in view.model.rows if u.user_id == "1003").disabled,
                    timeout=10_000)

    ctx.window.sign_in_or_out()  # the admin signs out: the tab goes with them
    assert feature.view is None
    dlg2 = open_sign_in(ctx)
    submit(qtbot, dlg2, "1003", "first-pw-1")
    qtbot.waitUntil(lambda: "⚠" in dlg2.error.text(), timeout=10_000)
    assert "停用" in dlg2.error.text() or "disabled" in dlg2.error.text()
    dlg2.reject()


def test_a_new_user_chooses_a_password_before_the_desk_opens(qtbot: QtBot, ctx: AppContext) -> None:
    ctx.telephony.stop()
    feature = _users_admin(ctx)
    sign_in(qtbot, ctx, "6001", "demo6001")
    feature._admin.add(ctx.auth.current.actor, "1004", name="周丽", role="agent",  # type: ignore[union-attr]
                       password="given-pw-1").result(timeout=10)
    ctx.window.sign_in_or_out()
    dlg = open_sign_in(ctx)
    submit(qtbot, dlg, "1004", "given-pw-1")
    auth = ctx.auth
    assert auth is not None
    qtbot.waitUntil(lambda: auth.change_dialog is not None, timeout=10_000)
    change = auth.change_dialog
    assert change is not None and ctx.desk.status.state is AgentState.SIGNED_OUT
    change.new.setText("mine-pw-1")
    change.again.setText("mine-pw-1")
    change.ok.click()
    qtbot.waitUntil(lambda: auth.current is not None, timeout=10_000)
    assert auth.current is not None and auth.current.actor.user_id == "1004"
