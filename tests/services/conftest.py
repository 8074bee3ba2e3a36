"""Service tests run on a real SQLite file with a fake clock and a manual scheduler."""

from __future__ import annotations

import queue
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from callcenter.domain.clock import FakeClock, ManualScheduler
from callcenter.services.calls.desk import CallDesk
from callcenter.services.calls.desk_types import DeskListener
from callcenter.services.customers.screen_pop import Customers
from callcenter.services.scripts.call_lines import BasicScripts
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database, open_database
from callcenter.services.tickets.entry import Tickets
from tests.fakes import ScriptedTelephony, signed_in


class Posted:
    """Stands in for the GUI thread: results from the writer wait here until run."""

    def __init__(self) -> None:
        self.q: queue.Queue[Callable[[], None]] = queue.Queue()

    def post(self, fn: Callable[[], None]) -> None:
        self.q.put(fn)

    def run_one(self, timeout: float = 5.0) -> None:
        self.q.get(timeout=timeout)()

    def run_until(self, pred: Callable[[], bool], timeout: float = 5.0) -> None:
        """Run posted callbacks (waiting for more) until ``pred`` holds."""
        while not pred():
            self.run_one(timeout)

    def run_pending(self) -> None:
        while True:
            try:
                fn = self.q.get_nowait()
            except queue.Empty:
                return
            fn()


@dataclass
class Recorder(DeskListener):
    seen: list[tuple[str, Any]] = field(default_factory=list)

    def __getattribute__(self, name: str) -> Any:
        if name in {"desk_changed", "screen_pop", "script_lines", "notice", "ticket_saved",
                    "ticket_failed", "stats_changed", "store_error"}:
            return lambda *a: object.__getattribute__(self, "seen").append((name, a))
        return object.__getattribute__(self, name)

    def of(self, name: str) -> list[tuple[Any, ...]]:
        return [a for n, a in self.seen if n == name]


@dataclass
class DeskRig:
    desk: CallDesk
    db: Database
    clock: FakeClock
    sched: ManualScheduler
    tel: ScriptedTelephony
    posted: Posted
    rec: Recorder
    tickets: Tickets


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    d = open_database(tmp_path / "desk.sqlite3", busy_timeout_ms=200)
    yield d
    d.close()


@pytest.fixture
def rig(db: Database) -> DeskRig:
    clock = FakeClock()
    sched = ManualScheduler(clock)
    profile = load_profile()
    tel = ScriptedTelephony()
    posted = Posted()
    tickets = Tickets(db, profile, clock, "W01", user=signed_in())
    desk = CallDesk(
        clock=clock, scheduler=sched, telephony=tel, profile=profile, db=db, tickets=tickets,
        customers=Customers(db, clock, profile.recent_ticket_days), scripts=BasicScripts(),
        workstation="W01", post=posted.post,
    )
    rec = Recorder()
    desk.add_listener(rec)
    return DeskRig(desk, db, clock, sched, tel, posted, rec, tickets)
