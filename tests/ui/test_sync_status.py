"""The sync status in the status bar: statuses published on the worker's thread
reach the widget through a queued signal; a real worker against a real central
pushes a ticket saved in the window (the save nudges it) and the bar says so."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import psycopg
import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from callcenter.app import AppOptions, build
from callcenter.domain.agent_state import AgentState
from callcenter.services.sync.conflicts import SyncConflicts
from callcenter.services.sync.credentials import connect_central
from callcenter.services.sync.engine import SyncEngine
from callcenter.services.sync.worker import SyncState, SyncStatus, SyncWorker
from callcenter.sync import central
from callcenter.telephony.port import CallOffered, CallReleased
from callcenter.ui.shared.i18n import install_translator
from callcenter.ui.sync.caller_fetch import CallerFetch
from callcenter.ui.sync.status import SyncFeature
from tests.fakes import ime_commit, signed_in
from tests.sync.conftest import (  # noqa: F401 (the real PostgreSQL fixtures of tests/sync)
    _central_template,
    central_url,
    new_central_db,
    pg_server_url,
    with_db,
)

from .desk_window import DeskWindow, make_desk_window

TZ = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def zh(qtbot: QtBot) -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    tr = install_translator(app, "zh")
    assert tr is not None
    yield
    app.removeTranslator(tr)


@pytest.fixture
def dw(qtbot: QtBot, tmp_path: Path, zh: None) -> Iterator[DeskWindow]:
    d = make_desk_window(tmp_path)
    qtbot.addWidget(d.window)
    d.window.show()
    qtbot.waitExposed(d.window)
    yield d
    d.close()


def feature_for(dw: DeskWindow) -> SyncFeature:
    return SyncFeature(dw.window, SyncConflicts(dw.db, user=signed_in("1024"), workstation="W01"), TZ,
                       lambda: dw.desk.snapshot().agent_id)


def publish_from_a_thread(feature: SyncFeature, status: SyncStatus) -> None:
    t = threading.Thread(target=feature.bridge.on_status, args=(status,))
    t.start()
    t.join()


def test_statuses_from_the_worker_thread_reach_the_widget(qtbot: QtBot, dw: DeskWindow) -> None:
    feature = feature_for(dw)
    w = feature.widget
    assert w.state_label.text() == "未配置中心库" and not w.queue_label.isVisible()
    now = datetime.now(UTC)
    publish_from_a_thread(feature, SyncStatus(SyncState.CONNECTING))
    qtbot.waitUntil(lambda: w.state_label.text() == "连接中…")
    assert w.queue_label.text() == "待同步 0" and w.last_label.text() == "尚未同步"
    publish_from_a_thread(feature, SyncStatus(
        SyncState.ONLINE, queue_depth=3, queue_transactions=1,
        oldest_pending_at=now - timedelta(seconds=135), last_sync_at=now, open_conflicts=2))
    qtbot.waitUntil(lambda: w.state_label.text() == "在线")
    assert w.queue_label.text() == "待同步 3"
    assert w.age_label.isVisible() and w.age_label.text().startswith("（最早 2分1")
    assert w.last_label.text() == "上次同步 " + now.astimezone(TZ).strftime("%H:%M")
    assert w.conflicts_btn.isVisible() and w.conflicts_btn.text() == "⚠ 冲突 2"
    assert not w.rejected_btn.isVisible()
    assert w.tick.isActive()  # the age is recomputed while shown
    publish_from_a_thread(feature, SyncStatus(
        SyncState.OFFLINE, queue_depth=4, oldest_pending_at=now, last_sync_at=now,
        error='connection to server at "10.0.0.1", port 5432 failed: Connection refused', failures=2))
    qtbot.waitUntil(lambda: w.state_label.text().startswith("离线"))
    assert w.state_label.text() == "离线（无法连接中心库）"
    assert "Connection refused" in w.state_label.toolTip()
    assert w.queue_label.text() == "待同步 4" and not w.conflicts_btn.isVisible()
    publish_from_a_thread(feature, SyncStatus(
        SyncState.SCHEMA_TOO_OLD, error="desk schema 8 is older than central's minimum 9"))
    qtbot.waitUntil(lambda: w.state_label.text() == "版本过旧")
    assert not w.age_label.isVisible()
    # a transaction central refused: shown apart from the conflicts, and opens the same list
    publish_from_a_thread(feature, SyncStatus(
        SyncState.ONLINE, queue_depth=0, last_sync_at=now, open_conflicts=3, rejected=1))
    qtbot.waitUntil(lambda: w.rejected_btn.isVisible())
    assert w.rejected_btn.text() == "⛔ 被中心库拒绝 1" and w.conflicts_btn.text() == "⚠ 冲突 2"
    w.conflictsRequested.disconnect(feature.open_conflicts)  # the dialog has tests of its own
    with qtbot.waitSignal(w.conflictsRequested):
        w.rejected_btn.click()


def test_a_desk_without_central_works_as_before(qtbot: QtBot, tmp_path: Path, zh: None,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CALLCENTER_CENTRAL_URL", raising=False)
    ctx = build(AppOptions(data_dir=tmp_path, workstation="T01"))
    try:
        qtbot.addWidget(ctx.window)
        assert ctx.sync is not None and ctx.sync.worker is None
        assert ctx.sync.widget.state_label.text() == "未配置中心库"
        assert ctx.sync.widget.state_label.toolTip()
    finally:
        ctx.telephony.stop()
        ctx.shutdown()


def test_the_app_runs_the_worker_when_central_is_configured(qtbot: QtBot, tmp_path: Path, zh: None
                                                            ) -> None:
    ctx = build(AppOptions(data_dir=tmp_path, workstation="T01",
                           central_url="postgresql://nobody@127.0.0.1:1/none?connect_timeout=1"))
    try:
        qtbot.addWidget(ctx.window)
        ctx.telephony.stop()
        assert ctx.sync is not None and ctx.sync.worker is not None
        # the screen pop asks the worker for the caller's tickets on central
        assert len(ctx.window.findChildren(CallerFetch)) == 1
        w = ctx.sync.widget
        qtbot.waitUntil(lambda: w.state_label.text() == "离线（无法连接中心库）", timeout=15_000)
        assert "Connection refused" in w.state_label.toolTip()
    finally:
        ctx.shutdown()
    assert ctx.sync.worker.status().state is SyncState.STOPPED  # stopped before the store closed


def save_a_ticket_in_the_window(qtbot: QtBot, dw: DeskWindow) -> None:
    w = dw.window
    dw.desk.sign_in("1024")
    dw.desk.set_ready()
    dw.tel.send(CallOffered("c7", "13999990007"))
    dw.advance(3)
    dw.desk.answer()
    qtbot.waitUntil(lambda: w.screen_pop.new_btn.isVisible())
    form = w.form
    cat = form.findChild(QComboBox, "ticketCategory")
    cat.setCurrentIndex(cat.findData("inquiry"))
    ime_commit(form.findChild(QPlainTextEdit, "ticketContent"), "咨询峰谷电价")
    ime_commit(form.findChild(QLineEdit, "ticketCallerName"), "王五")
    dw.tel.send(CallReleased("c7", by="customer"))
    w.finish(dispatch=False)  # what F8 does
    assert not form.error_text(), form.error_text()
    qtbot.waitUntil(lambda: dw.desk.status.state is AgentState.READY)


def test_a_real_worker_pushes_a_ticket_saved_in_the_window(qtbot: QtBot, dw: DeskWindow,
                                                          central_url: str) -> None:  # noqa: F811
    central.create_desk_role(central_url, "W01", "pw-w01")
    url = with_db(central_url, urlsplit(central_url).path.lstrip("/"), "desk_w01", "pw-w01")
    feature = feature_for(dw)
    engine = SyncEngine(dw.db, "W01", lambda: connect_central(url))
    # rounds only at start and when nudged: the save must nudge it
    worker = SyncWorker(dw.db, engine, on_status=feature.bridge.on_status, interval_s=3600,
                        status_every_s=0.05)
    feature.attach(worker)
    w = feature.widget
    assert w.state_label.text() == "连接中…"
    worker.start()
    try:
        qtbot.waitUntil(lambda: w.state_label.text() == "在线" and w.queue_label.text() == "待同步 0",
                        timeout=30_000)
        first_sync = worker.status().last_sync_at
        save_a_ticket_in_the_window(qtbot, dw)
        qtbot.waitUntil(lambda: worker.status().last_sync_at != first_sync
                        and w.queue_label.text() == "待同步 0", timeout=30_000)
        assert w.state_label.text() == "在线" and not w.age_label.isVisible()
        with psycopg.connect(central_url) as conn:
            row = conn.execute("SELECT content FROM public.tickets WHERE created_by = '1024'").fetchone()
        assert row == ("咨询峰谷电价",)
    finally:
        worker.stop()
    qtbot.waitUntil(lambda: w.state_label.text() == "同步已停止")


def test_a_pulled_site_document_says_it_applies_after_a_restart(qtbot: QtBot, dw: DeskWindow) -> None:
    feature = feature_for(dw)
    feature.bridge.pulled.emit(frozenset({"tickets"}))
    assert dw.window.statusBar().currentMessage() == ""
    feature.bridge.pulled.emit(frozenset({"tickets", "site_documents"}))
    assert "重启本软件后生效" in dw.window.statusBar().currentMessage()
