"""A looked-up caller's tickets come from central (SyncEngine.fetch_caller and
the worker's fetch), on real desks and a real central: another team's tickets
reach the desk with their events, the screen pop lists them, the pull cursor
does not move, and a central without the fetch (older than c0006) is asked
nothing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from callcenter.domain.clock import FakeClock
from callcenter.services.customers.screen_pop import lookup
from callcenter.services.sync.engine import FetchResult
from callcenter.services.sync.worker import SyncWorker
from callcenter.store.models import Ticket, TicketEvent
from callcenter.sync import central
from callcenter.sync import outbox_reader as reader
from callcenter.sync.central import CentralClient

from .desk_sim import DRAFT, Desk, desk_url, open_desk, save_ticket


@pytest.fixture
def teams(tmp_path: Path, central_url: str) -> Iterator[tuple[Desk, Desk, FakeClock]]:
    """Desk X of team T1 and desk Y of team T2: neither pulls the other's tickets."""
    clock = FakeClock()
    x_url, y_url = desk_url(central_url, "X", team="T1"), desk_url(central_url, "Y", team="T2")
    x = open_desk(tmp_path / "x.sqlite3", "X", lambda: CentralClient(x_url), clock)
    y = open_desk(tmp_path / "y.sqlite3", "Y", lambda: CentralClient(y_url), clock)
    yield x, y, clock
    x.close()
    y.close()


def _count(desk: Desk, model: type) -> int:
    return int(desk.db.read_now(lambda s: s.execute(select(func.count()).select_from(model)).scalar_one()))


def test_another_teams_tickets_of_a_caller_arrive_with_their_events(
        teams: tuple[Desk, Desk, FakeClock]) -> None:
    x, y, clock = teams
    ids = [save_ticket(x, n, dispatch=n == 1) for n in range(3)]
    x.engine.run_once()
    y.engine.run_once()
    assert _count(y, Ticket) == 0  # not in Y's subset
    cursor = y.db.read_now(lambda s: reader.get_state(s, reader.CURSOR))

    got = y.engine.fetch_caller(DRAFT.caller_phone)

    assert got is not None and got.tickets == 3 and "tickets" in got.tables
    assert got.applied == _count(y, Ticket) + _count(y, TicketEvent)
    assert _count(y, Ticket) == 3
    events_on_x = _count(x, TicketEvent)
    assert events_on_x > 3 and _count(y, TicketEvent) == events_on_x
    assert y.db.read_now(lambda s: reader.get_state(s, reader.CURSOR)) == cursor
    pop = y.db.read_now(lambda s: lookup(s, DRAFT.caller_phone, clock.utc_now(), 30))
    assert {t.number for t in pop.recent_tickets} == set(
        x.db.read_now(lambda s: s.scalars(select(Ticket.number).where(Ticket.id.in_(ids))).all()))
    # nothing fetched is queued to go back
    assert y.db.read_now(reader.queue_status).depth == 0
    # by account number alone, and a caller central does not know
    again = y.engine.fetch_caller("13999999999", (DRAFT.account_no,))
    assert again is not None and again.tickets == 3
    none = y.engine.fetch_caller("13999999999", ("0000",))
    assert none == FetchResult("13999999999", ("0000",), 0, 0, 0, frozenset())


def test_a_fetch_brings_later_changes_and_keeps_the_desks_own_edit(
        teams: tuple[Desk, Desk, FakeClock]) -> None:
    x, y, clock = teams
    tid = save_ticket(x, 1)
    x.engine.run_once()
    y.engine.fetch_caller(DRAFT.caller_phone)
    # X changes the ticket; Y does not pull it (another team's) but a new lookup brings it
    x.db.write_now(lambda s: setattr(s.get(Ticket, tid), "content", "客户补充：邻居也停电"))
    x.engine.run_once()
    y.engine.run_once()
    assert y.db.read_now(lambda s: s.get(Ticket, tid).content) != "客户补充：邻居也停电"
    y.engine.fetch_caller(DRAFT.caller_phone)
    assert y.db.read_now(lambda s: s.get(Ticket, tid).content) == "客户补充：邻居也停电"
    # Y edits it locally, unpushed: a fetch meanwhile leaves the edit alone
    y.db.write_now(lambda s: setattr(s.get(Ticket, tid), "address", "幸福路12号2单元"))
    got = y.engine.fetch_caller(DRAFT.caller_phone)
    assert got is not None and got.kept_local == 1
    assert y.db.read_now(lambda s: s.get(Ticket, tid).address) == "幸福路12号2单元"


def test_a_central_without_the_fetch_is_not_asked(teams: tuple[Desk, Desk, FakeClock],
                                                  central_url: str) -> None:
    x, y, _ = teams
    save_ticket(x, 1)
    x.engine.run_once()
    central.downgrade(central_url, "c0004")
    assert y.engine.fetch_caller(DRAFT.caller_phone) is None
    y.engine.run_once()  # the desk syncs with it as before
    assert _count(y, Ticket) == 0


def test_the_worker_fetches_on_request_and_reports(teams: tuple[Desk, Desk, FakeClock]) -> None:
    x, y, _ = teams
    save_ticket(x, 1)
    x.engine.run_once()
    results: list[FetchResult] = []
    done = threading.Event()

    def fetched(r: FetchResult) -> None:
        results.append(r)
        done.set()

    worker = SyncWorker(y.db, y.engine, on_fetched=fetched, interval_s=3600, status_every_s=0.05)
    worker.start()
    try:
        worker.fetch_caller(DRAFT.caller_phone, (DRAFT.account_no,))
        assert done.wait(30)
    finally:
        worker.stop()
    (r,) = results
    assert (r.phone, r.accounts, r.tickets) == (DRAFT.caller_phone, (DRAFT.account_no,), 1)
    assert _count(y, Ticket) == 1
