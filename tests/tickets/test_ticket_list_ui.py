"""The ticket list from the real widgets, on a real SQLite file."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from pytestqt.qtbot import QtBot

from callcenter.bench.seed import seed_tickets
from callcenter.services.tickets.entry import DispatchRequest
from callcenter.services.tickets.search import TicketQuery
from callcenter.ui.tickets.list_model import OVERDUE_BG, OVERDUE_ROLE, TICKET_ID_ROLE, TicketListModel
from callcenter.ui.tickets.list_view import TicketListView
from tests.fakes import ime_commit
from tests.ui.test_accessibility import _interactive

from .conftest import Store

CJK = re.compile(r"[\u4e00-\u9fff]")


# force_py: pytest-qt's Python port of the tester. With the C++
# QAbstractItemModelTester, PySide6 6.12.0 corrupts the refcount of True/False
# and the interpreter aborts at exit ("bool_dealloc") after testing this model.
def loaded(model: TicketListModel, rows: int) -> Any:
    return lambda: not model.loading and model.rowCount() == rows


def test_model_passes_qtmodeltester_while_pages_arrive(store: Store, qtbot: QtBot,
                                                       qtmodeltester: Any) -> None:
    seed_tickets(store.db.path, 120, store.profile, days=2, now=datetime(2026, 11, 2, tzinfo=UTC))
    model = TicketListModel(store.search, store.profile, page_size=50)
    qtmodeltester.check(model, force_py=True)
    model.set_query(TicketQuery())
    qtbot.waitUntil(lambda: model.rowCount() >= 50)
    for _ in range(5):  # the tester itself also asks for more while it checks
        model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda: not model.loading)
    assert model.rowCount() == 120
    assert not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model, force_py=True)
    keys = [(model.row_at(i).created_at, model.row_at(i).id) for i in range(120)]
    assert keys == sorted(keys, reverse=True)


def test_a_new_query_drops_the_pages_of_the_old_one(store: Store, qtbot: QtBot) -> None:
    store.save(content="客户反映电能表显示屏不亮。")
    store.save(content="客户询问光伏发电并网补贴政策。")
    model = TicketListModel(store.search, store.profile)
    model.set_query(TicketQuery())
    model.set_query(TicketQuery(text="光伏发电"))
    qtbot.waitUntil(loaded(model, 1))
    assert "光伏" in model.row_at(0).content_preview


@pytest.fixture
def view(store: Store, qtbot: QtBot) -> TicketListView:
    store.save(content="客户反映小区门口电线杆倾斜。", address="临江市河西区建设路12号")
    store.save(content="客户投诉抢修人员到达时间过长。", category="complaint",
               dispatch=DispatchRequest("repair", 1))
    store.save(content="客户咨询阶梯电价。", category="inquiry", caller_phone="0731-84567890")
    store.clock.advance(2 * 86_400)  # the dispatched complaint is now overdue
    v = TicketListView(store.search, store.profile, store.clock, "zh")
    qtbot.addWidget(v)
    v.resize(1200, 500)
    return v


def test_shown_list_loads_then_search_by_chinese_text(view: TicketListView, qtbot: QtBot) -> None:
    view.show()
    qtbot.waitUntil(loaded(view.model, 3))
    ime_commit(view.text_edit, "电线杆")
    qtbot.keyClick(view.text_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(loaded(view.model, 1))
    assert view.model.row_at(0).address == "临江市河西区建设路12号"
    assert "1" in view.status_label.text()
    view.key_kind.setCurrentIndex(view.key_kind.findData("phone"))
    view.text_edit.clear()
    qtbot.keyClicks(view.key_edit, "0731 8456 7890")
    qtbot.mouseClick(view.search_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(loaded(view.model, 1))
    assert view.model.row_at(0).category == "inquiry"
    # date range in site-local days: the tickets were made on 2026-11-02 (Shanghai)
    view.clear_btn.click()
    qtbot.waitUntil(loaded(view.model, 3))
    view.use_dates.setChecked(True)
    view.date_from.setDate(QDate(2026, 11, 3))
    qtbot.mouseClick(view.search_btn, Qt.MouseButton.LeftButton)
    assert view.model.loading  # set synchronously by the click, cleared when the page arrives
    qtbot.waitUntil(loaded(view.model, 0))
    view.date_from.setDate(QDate(2026, 11, 2))
    view.date_to.setDate(QDate(2026, 11, 2))
    qtbot.mouseClick(view.search_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(loaded(view.model, 3))


def test_overdue_rows_are_flagged_by_text_and_colour(view: TicketListView, qtbot: QtBot) -> None:
    view.show()
    qtbot.waitUntil(loaded(view.model, 3))
    proxy = view.proxy
    flagged = [r for r in range(3) if proxy.data(proxy.index(r, 0), OVERDUE_ROLE)]
    assert len(flagged) == 1
    row = flagged[0]
    number_cell = proxy.data(proxy.index(row, 0))
    deadline_cell = proxy.data(proxy.index(row, 4))
    assert number_cell.startswith("⚠") and deadline_cell.startswith("⚠")
    assert proxy.data(proxy.index(row, 0), Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BG
    view.overdue.setChecked(True)
    qtbot.mouseClick(view.search_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(loaded(view.model, 1))
    assert view.model.row_at(0).overdue


def test_enter_and_double_click_activate_the_ticket(view: TicketListView, qtbot: QtBot) -> None:
    view.show()
    qtbot.waitUntil(loaded(view.model, 3))
    index = view.proxy.index(1, 2)
    view.table.setCurrentIndex(index)
    expected = view.proxy.data(index, TICKET_ID_ROLE)
    with qtbot.waitSignal(view.ticketActivated) as sig:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert sig.args == [expected]
    rect = view.table.visualRect(view.proxy.index(0, 1))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.ticketActivated) as sig:
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == [view.proxy.data(view.proxy.index(0, 1), TICKET_ID_ROLE)]


def test_scrolling_fetches_more_pages(store: Store, qtbot: QtBot) -> None:
    seed_tickets(store.db.path, 500, store.profile, days=2, now=datetime(2026, 11, 2, tzinfo=UTC))
    v = TicketListView(store.search, store.profile, store.clock, "zh", page_size=100)
    qtbot.addWidget(v)
    v.show()
    qtbot.waitUntil(lambda: v.model.rowCount() >= 100 and not v.model.loading)
    for _ in range(5):
        v.table.scrollToBottom()
        qtbot.waitUntil(lambda: not v.model.loading)
    assert v.model.rowCount() == 500


def test_every_interactive_widget_is_named_in_chinese(view: TicketListView) -> None:
    widgets = _interactive(view)
    assert len(widgets) >= 12
    bad = [(type(w).__name__, w.objectName(), w.accessibleName()) for w in widgets
           if not w.objectName() or not CJK.search(w.accessibleName())]
    assert bad == [], bad
    assert view.table.objectName() and CJK.search(view.table.accessibleName())


def test_evicted_pages_are_fetched_again_and_shown_in_place(store: Store, qtbot: QtBot,
                                                            qtmodeltester: Any) -> None:
    seed_tickets(store.db.path, 50, store.profile, days=1, now=datetime(2026, 11, 2, tzinfo=UTC))
    model = TicketListModel(store.search, store.profile, page_size=10, cached_pages=2)
    model.set_query(TicketQuery())
    while model.canFetchMore(QModelIndex()) or model.loading:
        model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda: not model.loading)
    assert model.rowCount() == 50 and model.cached_rows() == 20
    first = model.index(0, 0)
    with qtbot.waitSignal(model.dataChanged):
        assert model.data(first) == "…"
    assert model.data(first) != "…"
    assert model.cached_rows() == 20
    qtmodeltester.check(model, force_py=True)
    keys = []
    for row in range(50):
        if model.row_at(row) is None:
            qtbot.waitUntil(lambda row=row: model.row_at(row) is not None)
        r = model.row_at(row)
        keys.append((r.created_at, r.id))
    assert keys == sorted(keys, reverse=True) and len(set(keys)) == 50
