"""A desk away longer than central keeps tombstones does a full re-sync, and the
rows whose deletes it never pulled are retired when it catches up (real
desks, real central, a real prune); a re-sync cut short resumes and still
retires; the desk's unpushed work is never touched and nothing is queued."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import func, select

from callcenter.domain.clock import FakeClock
from callcenter.services.sync.engine import Cancelled, SyncReport
from callcenter.store.models import Ticket, TicketEvent
from callcenter.store.sync_models import SyncResyncSeen
from callcenter.sync import outbox_reader as reader
from callcenter.sync.central import CentralClient
from callcenter.sync.resync import RESYNC

from .desk_sim import Desk, desk_url, open_desk, save_many, save_ticket


@pytest.fixture
def pair(tmp_path: Path, central_url: str) -> Iterator[tuple[Desk, Desk, FakeClock]]:
    """X and Y, team mates: Y pulls what X files."""
    clock = FakeClock()
    urls = {name: desk_url(central_url, name) for name in ("X", "Y")}
    x = open_desk(tmp_path / "x.sqlite3", "X", lambda: CentralClient(urls["X"]), clock)
    y = open_desk(tmp_path / "y.sqlite3", "Y", lambda: CentralClient(urls["Y"]), clock)
    yield x, y, clock
    x.close()
    y.close()


def _live(desk: Desk) -> set[uuid.UUID]:
    return set(desk.db.read_now(lambda s: s.scalars(
        select(Ticket.id).where(Ticket.deleted_at.is_(None))).all()))


def _family_on(desk: Desk, tid: uuid.UUID) -> int:
    """The live rows of a ticket on ``desk``: itself and its events."""
    return 1 + int(desk.db.read_now(lambda s: s.execute(
        select(func.count()).select_from(TicketEvent).where(
            TicketEvent.ticket_id == tid, TicketEvent.deleted_at.is_(None))).scalar_one()))


def _delete_on_x_and_prune(x: Desk, clock: FakeClock, tid: uuid.UUID, central_url: str) -> None:
    """X deletes a ticket; central prunes the tombstone a retention later. The
    ticket's events stay on central, but no desk but X sees them any more (a
    child is visible through its ticket)."""
    x.db.write_now(lambda s: setattr(s.get(Ticket, tid), "deleted_at", clock.utc_now()))
    x.engine.run_once()
    with psycopg.connect(central_url) as conn:
        row = conn.execute("SELECT sync.prune(now() + interval '31 days')").fetchone()
    assert row is not None and row[0]["deleted"]["tickets"] == 1


def test_a_full_resync_retires_what_central_pruned_and_keeps_unpushed_work(
        pair: tuple[Desk, Desk, FakeClock], central_url: str) -> None:
    x, y, clock = pair
    gone, kept = save_ticket(x, 1), save_ticket(x, 2)
    x.engine.run_once()
    y.engine.run_once()
    assert _live(y) == {gone, kept}
    family = _family_on(y, gone)
    assert family > 1
    _delete_on_x_and_prune(x, clock, gone, central_url)  # Y was away meanwhile
    mine = save_ticket(y, 3)  # Y's own work, not pushed yet
    queued = y.db.read_now(reader.queue_status).depth

    report = SyncReport()
    y.engine.pull_all(report)

    assert report.resync and report.caught_up and report.retired == family
    assert _live(y) == {kept, mine}
    assert y.db.read_now(lambda s: s.get(Ticket, gone).deleted_at) is not None
    assert y.db.read_now(reader.queue_status).depth == queued  # retiring queues nothing
    assert y.db.read_now(lambda s: reader.get_state(s, RESYNC)) is None
    assert y.db.read_now(lambda s: s.execute(
        select(func.count()).select_from(SyncResyncSeen)).scalar_one()) == 0
    # then it syncs as usual: its own ticket goes up, nothing else is retired
    again = y.engine.run_once()
    assert not again.resync and again.retired == 0 and again.pushed_ops == queued
    assert _live(y) == {kept, mine}


class CutAfter(CentralClient):
    """The real client; sets ``cancel`` once it has answered ``pulls`` pulls."""

    def __init__(self, url: str, cancel: threading.Event, pulls: int) -> None:
        super().__init__(url)
        self._cancel = cancel
        self._left = pulls

    def pull(self, desk: str, cursor: dict[str, Any] | None, max_rows: int,
             **kw: Any) -> dict[str, Any]:
        page = super().pull(desk, cursor, max_rows, **kw)
        self._left -= 1
        if self._left <= 0:
            self._cancel.set()
        return page


def test_a_resync_cut_short_resumes_and_still_retires(pair: tuple[Desk, Desk, FakeClock],
                                                      central_url: str, tmp_path: Path) -> None:
    x, y, clock = pair
    ids = save_many(x, 60, clock)  # more rows than a few pages of 50
    x.engine.run_once()
    y.engine.run_once()
    family = _family_on(y, ids[0])
    _delete_on_x_and_prune(x, clock, ids[0], central_url)
    y.close()

    cancel = threading.Event()
    y_url = desk_url(central_url, "Y")
    cut = open_desk(tmp_path / "y.sqlite3", "Y", lambda: CutAfter(y_url, cancel, 2), clock)
    try:
        with pytest.raises(Cancelled):
            cut.engine.pull_all(SyncReport(), cancel)  # the resync answer, then one page
        assert cut.db.read_now(lambda s: reader.get_state(s, RESYNC)) is not None
        assert ids[0] in _live(cut)  # not retired before the re-sync has everything
    finally:
        cut.close()
    resumed = open_desk(tmp_path / "y.sqlite3", "Y", lambda: CentralClient(y_url), clock)
    try:
        report = SyncReport()
        resumed.engine.pull_all(report)
        assert not report.resync  # it went on from its cursor, not from the start again
        assert report.retired == family and _live(resumed) == set(ids[1:])
        assert resumed.db.read_now(lambda s: reader.get_state(s, RESYNC)) is None
    finally:
        resumed.close()
