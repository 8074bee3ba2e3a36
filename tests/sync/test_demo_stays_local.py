"""The demo city is seeded without queuing sync ops, with ids every demo desk shares."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from callcenter.domain.clock import FakeClock
from callcenter.services.demo.seed import seed_demo
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import open_database
from callcenter.services.tickets.entry import Tickets
from callcenter.store.models import Account, Customer, Ticket
from callcenter.sync import outbox_reader as reader
from tests.fakes import signed_in


def test_demo_seed_queues_nothing_and_two_desks_share_its_ids(tmp_path: Path) -> None:
    ids = []
    for name in ("WA", "WB"):
        db = open_database(tmp_path / f"{name}.sqlite3")
        try:
            clock = FakeClock()
            tickets = Tickets(db, load_profile(), clock, name, user=signed_in())
            assert seed_demo(db, tickets, clock, n=50) == 50
            assert db.read_now(reader.queue_status).depth == 0
            counts = db.read_now(lambda s: [s.scalar(select(func.count()).select_from(m))
                                            for m in (Customer, Account, Ticket)])
            assert counts[0] == 50 and counts[1] >= 50 and counts[2] == 2
            ids.append(db.read_now(lambda s: sorted(s.scalars(select(Account.id)))))
        finally:
            db.close()
    assert ids[0] == ids[1]
