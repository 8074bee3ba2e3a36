"""Ticket search fixtures: a real SQLite file, a fake clock, the real services."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from callcenter.domain.clock import FakeClock
from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.ticket import TicketDraft
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database, open_database
from callcenter.services.tickets.entry import DispatchRequest, SavedTicket, Tickets
from callcenter.services.tickets.search import TicketSearch
from tests.fakes import signed_in

START = datetime(2026, 11, 2, 1, 0, tzinfo=UTC)


@dataclass
class Store:
    db: Database
    clock: FakeClock
    profile: SiteProfile
    tickets: Tickets
    search: TicketSearch

    def save(self, *, agent: str = "1024", dispatch: DispatchRequest | None = None,
             advance_s: float = 60.0, **fields: str) -> SavedTicket:
        """Save one ticket through the real service, one minute after the last."""
        self.clock.advance(advance_s)
        values = dict(category="fault_repair", content="客户反映家中停电，请尽快处理。",
                      caller_name="王伟", caller_phone="13800138000", account_no="1000000001",
                      meter_no="3330000000000000000001", address="临江市河西区建设路1号",
                      area_type="urban", priority="soon")
        values.update(fields)
        draft = TicketDraft(**values)
        return self.db.write_now(lambda s: self.tickets.save_in(s, draft, agent_id=agent,
                                                                 dispatch=dispatch))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    clock = FakeClock(START)
    profile = load_profile()
    db = open_database(tmp_path / "tickets.sqlite3")
    search = TicketSearch(db, clock)
    yield Store(db, clock, profile, Tickets(db, profile, clock, "W01", user=signed_in()), search)
    search.close()
    db.close()
