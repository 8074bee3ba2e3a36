"""The screen pop of a desk that syncs: the caller's tickets filed by another
team arrive from central after the pop is shown, the pop lists them and says
so, and what the agent chose meanwhile (register the caller) stays."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from pytestqt.qtbot import QtBot

from callcenter.domain.clock import FakeClock
from callcenter.domain.ticket import TicketDraft
from callcenter.services.customers.screen_pop import Customers
from callcenter.services.sync.conflicts import SyncConflicts
from callcenter.services.sync.credentials import connect_central
from callcenter.services.sync.engine import SyncEngine
from callcenter.services.sync.worker import SyncState, SyncWorker
from callcenter.sync import central
from callcenter.sync.central import CentralClient
from callcenter.telephony.port import CallOffered
from callcenter.ui.sync.caller_fetch import CallerFetch
from callcenter.ui.sync.status import SyncFeature
from callcenter.ui.tickets.list_integration import install as install_ticket_list
from callcenter.ui.tickets.list_view import TicketListView
from tests.fakes import signed_in
from tests.sync.conftest import (  # noqa: F401 (the real PostgreSQL fixtures of tests/sync)
    _central_template,
    central_url,
    new_central_db,
    pg_server_url,
    with_db,
)
from tests.sync.desk_sim import DRAFT, desk_url, open_desk

from .desk_window import DeskWindow
from .test_sync_status import TZ, dw, zh  # noqa: F401 (the window and translator fixtures)

PHONE = "13999990042"  # not one of the demo customers the window's store has


def filed_elsewhere(tmp_path: Path, url: str, count: int) -> None:
    """Desk X of team T1 files ``count`` tickets for PHONE and pushes them."""
    x_url = desk_url(url, "X", team="T1")
    x = open_desk(tmp_path / "x.sqlite3", "X", lambda: CentralClient(x_url), FakeClock())
    try:
        for n in range(1, count + 1):
            draft = TicketDraft(**{**vars(DRAFT), "caller_phone": PHONE, "content": f"X 的工单 {n}"})
            x.db.write_now(lambda s, d=draft: x.tickets.save_in(s, d, agent_id="2001"))
        x.engine.run_once()
    finally:
        x.close()


def syncing_w01(d: DeskWindow, admin_url: str, tickets: TicketListView | None = None) -> SyncWorker:
    """The window's desk as W01 of team T2 (it never pulls X's tickets), with the
    sync feature and the caller fetch installed; the worker is not started."""
    central.create_desk_role(admin_url, "W01", "pw-w01", team="T2")
    url = with_db(admin_url, urlsplit(admin_url).path.lstrip("/"), "desk_w01", "pw-w01")
    feature = SyncFeature(d.window, SyncConflicts(d.db, user=signed_in("1024"), workstation="W01"), TZ,
                          lambda: d.desk.snapshot().agent_id)
    worker = SyncWorker(d.db, SyncEngine(d.db, "W01", lambda: connect_central(url)),
                        on_status=feature.bridge.on_status, on_fetched=feature.bridge.on_fetched,
                        interval_s=3600, status_every_s=0.05)
    feature.attach(worker)
    CallerFetch(d.window, worker, feature.bridge, Customers(d.db, d.clock, 30).screen_pop, TZ,
                tickets=tickets)
    return worker


def test_the_pop_shows_the_callers_tickets_from_central(  # noqa: F811 (fixtures)
        qtbot: QtBot, dw: DeskWindow, tmp_path: Path, central_url: str) -> None:  # noqa: F811
    filed_elsewhere(tmp_path, central_url, 2)
    worker = syncing_w01(dw, central_url)
    panel = dw.window.screen_pop

    dw.desk.sign_in("1024")
    dw.desk.set_ready()
    dw.tel.send(CallOffered("c9", PHONE))
    dw.advance(3)
    dw.desk.answer()
    qtbot.waitUntil(lambda: panel.new_btn.isVisible())  # the desk's own store: nobody known
    assert "(0)" in panel.body.toPlainText() and not panel.note.isVisible()
    panel.new_btn.setChecked(True)  # the agent starts registering the caller meanwhile
    worker.start()  # the fetch asked for at the pop runs after the worker's first round
    try:
        qtbot.waitUntil(lambda: "X 的工单 1" in panel.body.toPlainText(), timeout=30_000)
        assert "X 的工单 2" in panel.body.toPlainText()
        assert panel.note.isVisible() and panel.note.text().startswith("含中心库工单")
        assert panel.new_btn.isChecked()
        assert worker.status().state is SyncState.ONLINE
    finally:
        worker.stop()


def test_a_ticket_search_by_phone_shows_the_callers_tickets_from_central(
        qtbot: QtBot, dw: DeskWindow, tmp_path: Path, central_url: str) -> None:  # noqa: F811
    filed_elsewhere(tmp_path, central_url, 3)
    tickets = install_ticket_list(dw.window, dw.db, dw.desk.profile, dw.clock, "zh")
    view = tickets.view
    dw.desk.sign_in("1024")  # searching tickets needs someone signed in (issue 12)
    worker = syncing_w01(dw, central_url, tickets=view)
    worker.start()
    try:
        qtbot.waitUntil(lambda: worker.status().state is SyncState.ONLINE, timeout=30_000)
        view.key_kind.setCurrentIndex(view.key_kind.findData("phone"))
        view.key_edit.setText("+86 " + PHONE)  # as typed: the lookup uses the stored form
        view.search()
        qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=30_000)
        qtbot.waitUntil(lambda: "3" in view.status_label.text())
    finally:
        worker.stop()
        tickets.close()
