"""Search by each key and by combinations, on a real SQLite file."""

from __future__ import annotations

from datetime import timedelta

import pytest

from callcenter.services.tickets.entry import DispatchRequest
from callcenter.services.tickets.search import SearchInputError, TicketQuery

from .conftest import START, Store


def numbers(store: Store, query: TicketQuery) -> list[str]:
    return [r.number for r in store.search.page(query, limit=1000).rows]


@pytest.fixture
def three(store: Store) -> Store:
    store.save(content="客户反映小区门口电线杆倾斜，存在安全隐患。", address="临江市河西区建设路12号")
    store.save(caller_phone="0731-8456 7890", account_no="2000000002",
               meter_no="3330000000000000000002", category="inquiry",
               content="客户咨询阶梯电价计费方式。", address="临江市高新区桃园村5组", agent="1025")
    store.save(caller_phone="+86 138 0013 8000", content="客户投诉抢修人员到达时间过长。",
               category="complaint", address="临江市城南区滨江路8号",
               dispatch=DispatchRequest("repair", 2))
    return store


def test_by_number_phone_account_meter(three: Store) -> None:
    rows = three.search.page(TicketQuery()).rows
    assert len(rows) == 3
    newest, middle, oldest = rows
    assert numbers(three, TicketQuery(number=middle.number)) == [middle.number]
    assert numbers(three, TicketQuery(number=" " + middle.number.lower() + " ")) == [middle.number]
    # the same mobile typed two ways; newest first
    assert numbers(three, TicketQuery(phone="138-0013-8000")) == [newest.number, oldest.number]
    assert numbers(three, TicketQuery(phone="(0731) 84567890")) == [middle.number]
    assert numbers(three, TicketQuery(account="2000000002")) == [middle.number]
    assert numbers(three, TicketQuery(meter="3330000000000000000001")) == [newest.number,
                                                                            oldest.number]
    assert numbers(three, TicketQuery(number="LJ-W01-20990101-0001")) == []


def test_chinese_text_in_content_and_address(three: Store) -> None:
    by_content = three.search.page(TicketQuery(text="电线杆")).rows
    assert [r.content_preview for r in by_content] == ["客户反映小区门口电线杆倾斜，存在安全隐患。"]
    assert [r.address for r in three.search.page(TicketQuery(text="桃园村")).rows] == [
        "临江市高新区桃园村5组"]
    # two terms are ANDed, one may be in the address and one in the content
    assert len(three.search.page(TicketQuery(text="滨江路 抢修人员")).rows) == 1
    assert three.search.page(TicketQuery(text="滨江路 电线杆")).rows == []
    # 1-2 characters cannot use trigrams: still found, by a scan
    assert len(three.search.page(TicketQuery(text="电价")).rows) == 1
    assert len(three.search.page(TicketQuery(text="客户")).rows) == 3
    # FTS syntax in the input is just text
    assert three.search.page(TicketQuery(text='"电线杆" OR NOT')).rows == []
    assert three.search.page(TicketQuery(text="100%_")).rows == []


def test_filters_and_combinations(three: Store) -> None:
    assert numbers(three, TicketQuery(category="inquiry")) == numbers(
        three, TicketQuery(account="2000000002"))
    assert len(numbers(three, TicketQuery(status="dispatched"))) == 1
    assert len(numbers(three, TicketQuery(department="repair"))) == 1
    assert len(numbers(three, TicketQuery(agent="1024"))) == 2
    assert numbers(three, TicketQuery(agent="1025")) == numbers(three, TicketQuery(category="inquiry"))
    assert numbers(three, TicketQuery(agent="9999")) == []
    # phone + text (text is then a filter on that phone's tickets)
    assert len(numbers(three, TicketQuery(phone="13800138000", text="抢修人员"))) == 1
    assert len(numbers(three, TicketQuery(phone="13800138000", text="停电 电线杆"))) == 0
    assert len(numbers(three, TicketQuery(phone="13800138000", category="complaint",
                                          status="dispatched"))) == 1
    # date range: [from, to)
    first = START + timedelta(minutes=1)
    assert len(numbers(three, TicketQuery(created_from=first, created_to=first))) == 0
    assert len(numbers(three, TicketQuery(created_from=first,
                                          created_to=first + timedelta(seconds=1)))) == 1
    assert len(numbers(three, TicketQuery(created_from=first + timedelta(seconds=1)))) == 2


def test_overdue_flag_and_filter(three: Store) -> None:
    assert three.search.page(TicketQuery(overdue_only=True)).rows == []
    three.clock.advance(3 * 86_400)
    rows = three.search.page(TicketQuery(overdue_only=True)).rows
    assert [(r.category, r.overdue, r.department) for r in rows] == [("complaint", True, "repair")]
    all_rows = three.search.page(TicketQuery()).rows
    assert [r.overdue for r in all_rows] == [True, False, False]


def test_naive_dates_and_bad_limit_are_refused(store: Store) -> None:
    with pytest.raises(SearchInputError):
        store.search.page(TicketQuery(created_from=START.replace(tzinfo=None)))
    with pytest.raises(SearchInputError):
        store.search.page(TicketQuery(), limit=0)


def test_page_async_runs_off_the_calling_thread(three: Store) -> None:
    page = three.search.page_async(TicketQuery(text="桃园村")).result(timeout=10)
    assert len(page.rows) == 1 and page.next is None
