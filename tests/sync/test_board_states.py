"""Desk states reach the lead's board through a real central (c0012): an agent
desk upserts over its normal connection, central NOTIFYs, the lead's LISTEN
session wakes and pulls."""

from __future__ import annotations

import queue
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

from callcenter.domain.agent_state import AgentState, AgentStatus
from callcenter.domain.board.states import UNKNOWN, DeskState, shown
from callcenter.domain.clock import FakeClock
from callcenter.services.board.live import CHANNEL, BoardStates, LiveStates
from callcenter.services.board.presence import DeskStatePublisher
from callcenter.services.calls.desk_types import DeskSnapshot
from callcenter.sync import central
from tests.sync.conftest import with_db
from tests.sync.desk_sim import desk_url


def lead_url(central_url: str, desk: str, team: str) -> str:
    password = f"pw-{desk.lower()}"
    role = central.create_desk_role(central_url, desk, password, team=team, kind="lead")
    return with_db(central_url, urlsplit(central_url).path.lstrip("/"), role, password)


def snap(agent: str | None, state: AgentState, since_mono_ns: int,
         reason: str | None = None) -> DeskSnapshot:
    return DeskSnapshot(agent_id=agent, status=AgentStatus(state, reason),
                        state_since_mono_ns=since_mono_ns, call=None,
                        allowed=frozenset(), saving=False)


def next_with(q: queue.Queue[BoardStates], desk: str, state: str, timeout: float = 5.0) -> BoardStates:
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        got = q.get(timeout=left)
        if any(s.desk == desk and s.state == state for s in got.states):
            return got
    raise AssertionError(f"{desk} never showed {state}")


def test_a_state_change_on_one_desk_reaches_the_lead_desk(central_url: str) -> None:
    agent = desk_url(central_url, "WS01", team="A")
    other_team = desk_url(central_url, "WS09", team="B")
    lead = lead_url(central_url, "LD01", team="A")
    got: queue.Queue[BoardStates] = queue.Queue()
    live = LiveStates(lambda: central.CentralClient(lead), "LD01", on_states=got.put,
                      fallback_s=600.0)  # only a NOTIFY wakes it in this test
    live.start()
    try:
        assert live.listening.wait(10)
        assert got.get(timeout=10).states == ()  # the first pull: nobody published yet
        clock = FakeClock(datetime(2026, 12, 6, 8, 0, tzinfo=UTC))
        with central.CentralClient(agent) as ws01, central.CentralClient(other_team) as ws09:
            pub = DeskStatePublisher("WS01", clock, wake=lambda: None)
            pub.desk_changed(snap("1001", AgentState.BUSY, clock.monotonic_ns(), "signed_in"))
            clock.advance(5)
            pub.desk_changed(snap("1001", AgentState.READY, clock.monotonic_ns()))
            clock.advance(3)
            t0 = time.monotonic()
            pub.tick(ws01)  # only the latest state goes: one upsert
            board = next_with(got, "WS01", "ready")
            assert time.monotonic() - t0 < 2.0
            (row,) = board.states
            assert (row.agent_id, row.team, row.reason) == ("1001", "A", None)
            assert row.since == datetime(2026, 12, 6, 8, 0, 5, tzinfo=UTC)
            assert pub.published == 1
            view = shown(row, board.central_now)
            assert view.state == "ready"

            # another team's desk does not wake this lead (payload is the team)
            ws09.publish_state("WS09", "1009", "talking", None, datetime.now(UTC))
            pub.desk_changed(snap("1001", AgentState.BUSY, clock.monotonic_ns(), "meal"))
            pub.tick(ws01)
            board = next_with(got, "WS01", "busy")
            assert [s.desk for s in board.states] == ["WS01"]
            assert board.states[0].reason == "meal"
    finally:
        live.stop()


def test_a_heartbeat_refreshes_heard_at_without_waking_leads(central_url: str) -> None:
    agent = desk_url(central_url, "WS01", team="A")
    clock = FakeClock(datetime(2026, 12, 6, 8, 0, tzinfo=UTC))
    with psycopg.connect(central_url, autocommit=True) as admin, \
            central.CentralClient(agent) as ws01:
        admin.execute(f"LISTEN {CHANNEL}")
        pub = DeskStatePublisher("WS01", clock, wake=lambda: None, heartbeat_s=20)
        pub.desk_changed(snap("1001", AgentState.READY, clock.monotonic_ns()))
        pub.tick(ws01)
        assert [n.payload for n in admin.notifies(timeout=5, stop_after=1)] == ["A"]
        first = admin.execute("SELECT heard_at FROM sync.desk_states").fetchone()
        clock.advance(10)
        pub.tick(ws01)  # nothing changed, no heartbeat due yet
        assert pub.published == 1
        clock.advance(11)
        pub.tick(ws01)  # heartbeat
        assert pub.published == 2
        assert admin.execute("SELECT heard_at FROM sync.desk_states").fetchone() > first
        assert list(admin.notifies(timeout=0.5)) == []


def test_only_lead_and_admin_desks_read_the_board(central_url: str) -> None:
    agent = desk_url(central_url, "WS01", team="A")
    lead = lead_url(central_url, "LD01", team="A")
    with central.CentralClient(agent) as ws01:
        ws01.publish_state("WS01", "1001", "ready", None, datetime.now(UTC))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            ws01.board_states("WS01")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # not in another desk's name
            ws01.publish_state("LD01", "9001", "ready", None, datetime.now(UTC))
        with pytest.raises(psycopg.errors.CheckViolation):
            ws01.publish_state("WS01", "1001", "dancing", None, datetime.now(UTC))
    with central.CentralClient(lead) as ld01:
        assert [r["desk"] for r in ld01.board_states("LD01")["states"]] == ["WS01"]
        other = ld01.board_states("LD01", "B")
        assert (other["team"], other["states"]) == ("B", [])


def test_a_silent_desk_shows_unknown_after_the_stated_time(central_url: str) -> None:
    agent = desk_url(central_url, "WS01", team="A")
    lead = lead_url(central_url, "LD01", team="A")
    with central.CentralClient(agent) as ws01, central.CentralClient(lead) as ld01:
        ws01.publish_state("WS01", "1001", "talking", None, datetime.now(UTC) - timedelta(seconds=30))
        answer = ld01.board_states("LD01")
        board = BoardStates("A", datetime.fromisoformat(answer["now"]), 0.0,
                            tuple(DeskState.from_json(r) for r in answer["states"]))
        assert shown(board.states[0], board.now(0.0), stale_after_s=60).state == "talking"
        assert shown(board.states[0], board.now(61.0), stale_after_s=60).state == UNKNOWN


def test_the_sync_worker_publishes_the_desk_state_between_rounds(tmp_path: Path,
                                                                 central_url: str) -> None:
    """The app's wiring: the publisher wakes the worker, which upserts on its own
    connection without a sync round (a long interval: no round would run)."""
    from callcenter.services.storage.database import open_database
    from callcenter.services.sync.engine import SyncEngine
    from callcenter.services.sync.worker import SyncWorker

    agent = desk_url(central_url, "WS01", team="A")
    db = open_database(tmp_path / "desk.sqlite3")
    worker = SyncWorker(db, SyncEngine(db, "WS01", lambda: central.CentralClient(agent)),
                        interval_s=3600, status_every_s=0.05)
    clock = FakeClock(datetime(2026, 12, 6, 8, 0, tzinfo=UTC))
    pub = DeskStatePublisher("WS01", clock, worker.wake)
    ticked = threading.Condition()

    def tick(client: central.CentralClient) -> None:  # the publisher's tick, then a word
        pub.tick(client)
        with ticked:
            ticked.notify_all()

    worker.add_periodic(tick)
    worker.start()
    try:
        with psycopg.connect(central_url, autocommit=True) as admin:
            def state() -> str | None:
                row = admin.execute("SELECT state FROM sync.desk_states WHERE desk = 'WS01'").fetchone()
                return None if row is None else str(row[0])

            pub.desk_changed(snap("1001", AgentState.READY, clock.monotonic_ns()))
            with ticked:  # the first round publishes it
                assert ticked.wait_for(lambda: pub.published >= 1, timeout=20)
            assert state() == "ready"
            sent = pub.published
            pub.desk_changed(snap("1001", AgentState.TALKING, clock.monotonic_ns()))
            with ticked:
                assert ticked.wait_for(lambda: pub.published > sent, timeout=5)
            assert state() == "talking"
    finally:
        worker.stop()
        db.close()
