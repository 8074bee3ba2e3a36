"""Fault injection against a real central PostgreSQL: sync survives kill -9 of the
desk's sync process at the worst moments, connections cut mid-request or
mid-answer, central restarts (orderly and crash) between and during rounds,
and a whole shift offline.

After every fault the desk restarts (or just carries on) and syncs until
quiet, and then: every ticket is on central exactly once (by id and by human
number), the desk holds exactly central's rows with nothing queued, and the
SQLite file passes ``PRAGMA integrity_check``.

Nothing sleeps: a killed child reports where it is through a pipe, the proxy
reports its cuts through a condition, the worker its state through its status
callback, and every wait has a timeout.

The default run has one case of each; ``-m soak`` repeats the randomised ones
(kill points, restart batch sizes, cut points) ``SYNC_SOAK_ROUNDS`` times more
(default 50) and adds the offline shift saved one ticket per transaction.
"""

from __future__ import annotations

import os
import random
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import psycopg
import pytest

from callcenter.domain.clock import FakeClock
from callcenter.services.sync.worker import SyncState, SyncStatus, SyncWorker
from callcenter.sync import central
from callcenter.sync.central import CentralClient
from callcenter.sync.protocol import Op

from .conftest import create_database
from .desk_sim import (
    Desk,
    PushLog,
    RecordingClient,
    assert_caught_up,
    assert_tickets_once,
    central_scalar,
    desk_url,
    integrity_ok,
    open_desk,
    save_many,
    sync_until_quiet,
)
from .pg_private import PrivatePostgres
from .tcp_proxy import TcpProxy

ROOT = Path(__file__).resolve().parents[2]
SOAK_ROUNDS = int(os.environ.get("SYNC_SOAK_ROUNDS", "50"))
T0 = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)


def soak(default: int) -> list[Any]:
    """``default`` cases in the default run, SYNC_SOAK_ROUNDS more under ``-m soak``."""
    return [*range(default), *(pytest.param(default + i, marks=pytest.mark.soak)
                               for i in range(SOAK_ROUNDS))]


def local_ticket_uuids(path: Path) -> set[uuid.UUID]:
    con = sqlite3.connect(path)
    try:
        return {uuid.UUID(hex=r[0]) for r in con.execute("SELECT id FROM tickets")}
    finally:
        con.close()


def pending_ops(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {str(uuid.UUID(hex=r[0])) for r in con.execute(
            "SELECT op_id FROM sync_outbox WHERE pushed_at IS NULL")}
    finally:
        con.close()


def applied_ops(url: str, desk: str) -> set[str]:
    with psycopg.connect(url) as conn:
        return {str(r[0]) for r in conn.execute(
            "SELECT op_id FROM sync.applied_ops WHERE desk = %s", (desk,))}


# --- kill -9 of the desk's sync process -------------------------------------------

class Child:
    """tests/sync/sync_child.py in its own process; reads its report lines."""

    def __init__(self, tmp: Path, db: Path, desk: str, url: str, hook: str,
                 page_rows: int = 10, push_ops: int = 10) -> None:
        self.err = tmp / f"child-{os.getpid()}-{hook.replace(':', '_')}.err"
        with self.err.open("w") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "tests.sync.sync_child", str(db), desk, url, hook,
                 str(page_rows), str(push_ops)],
                cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err, text=True)

    def line(self, timeout: float = 60.0) -> str:
        out = self.proc.stdout
        assert out is not None
        ready, _, _ = select.select([out], [], [], timeout)
        assert ready, f"the child said nothing in {timeout}s: {self.err.read_text()[-2000:]}"
        text = out.readline().strip()
        assert text, f"the child died: {self.err.read_text()[-2000:]}"
        return text

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        assert self.proc.wait(timeout=30) == -signal.SIGKILL
        for f in (self.proc.stdin, self.proc.stdout):
            if f is not None:
                f.close()


@pytest.fixture
def two_desk_setup(tmp_path: Path, central_url: str) -> Iterator[Callable[..., Any]]:
    """An other desk whose tickets are on central (so pulls have pages), and the
    desk under test with ``n`` tickets saved offline, one local transaction each."""
    opened: list[Desk] = []
    clock = FakeClock(T0)
    log = PushLog()

    def make(n: int, other: int = 30) -> tuple[Desk, Desk, str, PushLog]:
        other_url = desk_url(central_url, "OT")
        ot = open_desk(tmp_path / "OT.sqlite3", "OT", partial(RecordingClient, other_url, log), clock)
        opened.append(ot)
        save_many(ot, other, clock, step_s=1)
        ot.engine.run_once()
        url = desk_url(central_url, "K9")
        k9 = open_desk(tmp_path / "K9.sqlite3", "K9", partial(RecordingClient, url, log), clock,
                       page_rows=10, push_ops=10)
        save_many(k9, n, clock, step_s=1)
        k9.close()  # the child process owns it now
        return k9, ot, url, log

    yield make
    for d in opened:
        d.close()


def restart_and_settle(dead: Desk, url: str, log: PushLog, others: list[Desk],
                       central_url: str, push_ops: int = 10) -> Desk:
    """Reopen the killed desk (``push_ops`` other than the child's re-batches the retry)
    and sync everyone until quiet; then the checks of the module docstring."""
    integrity_ok(dead.path)  # straight after the kill, before anything opens it
    desk = open_desk(dead.path, dead.name, partial(RecordingClient, url, log), FakeClock(T0),
                     page_rows=7, push_ops=push_ops)
    try:
        sync_until_quiet([desk, *others])
        assert_caught_up(desk, central_url)
        assert_tickets_once(central_url, local_ticket_uuids(desk.path))
        for d in others:
            assert_caught_up(d, central_url)
        integrity_ok(desk.path)
    except BaseException:
        desk.close()
        raise
    return desk


@pytest.mark.parametrize("seed", soak(1))
@pytest.mark.parametrize("where", ["before_push", "after_push", "after_pull"])
def test_kill_9_at_the_worst_moments_loses_and_doubles_nothing(
        two_desk_setup: Callable[..., Any], tmp_path: Path, central_url: str,
        where: str, seed: int) -> None:
    """(a) before a push is sent, (b) after central committed a push and before the
    desk recorded it, (c) between a pull page's arrival and its local write."""
    rng = random.Random(f"{where}-{seed}")
    k9, ot, url, log = two_desk_setup(40)  # 40 transactions of 2 ops: 8 pushes of 10 ops
    total = len(pending_ops(k9.path))
    k = rng.randint(1, 8) if where != "after_pull" else rng.randint(1, 14)
    child = Child(tmp_path, k9.path, "K9", url, f"{where}:{k}")
    try:
        said = child.line().split()
        assert said[:2] == [where, str(k)], said
        applied = applied_ops(central_url, "K9")
        pending = pending_ops(k9.path)
        # a push is sent while the answer before it is being recorded: at most
        # the last two pushes central committed are not recorded yet
        if where == "before_push":  # the k-1 pushes before it went through
            assert len(applied) == 10 * (k - 1) and len(applied & pending) in (0, 10)
        elif where == "after_push":  # central committed push k; the desk has not recorded it
            assert len(applied) == 10 * k and len(applied & pending) in (10, 20)
        else:  # every push done and recorded; a page is in the air
            assert len(applied) == total and not pending
        cursor_before = _cursor(k9.path)
    finally:
        child.kill()
    if where == "after_pull":
        assert _cursor(k9.path) == cursor_before  # the page never landed
    n_pushes = len(log.pushes)
    push_ops = rng.choice([10, 25])  # the same batches again, or bigger ones
    desk = restart_and_settle(k9, url, log, [ot], central_url, push_ops)
    try:
        if where == "after_push":  # the retry: answered from central's record, or re-batched
            first = log.pushes[n_pushes]
            sent = {o.op_id for o in first.ops}
            unrecorded = applied & pending
            assert first.desk == "K9" and first.answer["duplicate"] is (sent <= applied)
            assert applied & sent <= unrecorded  # nothing recorded is sent again
            assert push_ops == 25 or sent <= unrecorded  # the same batches: an unrecorded one first
        assert applied_ops(central_url, "K9") == _all_ops(desk.path)
    finally:
        desk.close()


@pytest.mark.parametrize("seed", soak(1))
def test_kill_9_at_a_random_moment_of_a_working_desk(
        two_desk_setup: Callable[..., Any], tmp_path: Path, central_url: str, seed: int) -> None:
    """The child saves a ticket and syncs, over and over; it is killed wherever it is
    after a random number of central calls (mid-push, mid-ack, mid-pull, mid-save)."""
    k9, ot, url, log = two_desk_setup(10)
    k = random.Random(seed).randint(1, 60)
    child = Child(tmp_path, k9.path, "K9", url, f"free:{k}")
    try:
        assert child.line() == f"free {k}"
    finally:
        child.kill()
    desk = restart_and_settle(k9, url, log, [ot], central_url, push_ops=random.Random(seed).choice([10, 25]))
    try:
        assert len(local_ticket_uuids(desk.path)) > 10  # the child saved some too
        assert applied_ops(central_url, "K9") == _all_ops(desk.path)
    finally:
        desk.close()


def _cursor(path: Path) -> str | None:
    con = sqlite3.connect(path)
    try:
        row = con.execute("SELECT value FROM sync_state WHERE key = 'cursor'").fetchone()
        return None if row is None else str(row[0])
    finally:
        con.close()


def _all_ops(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {str(uuid.UUID(hex=r[0])) for r in con.execute("SELECT op_id FROM sync_outbox")}
    finally:
        con.close()


# --- connections cut by the network ---------------------------------------------------

@pytest.fixture
def proxy(pg_server_url: str) -> Iterator[TcpProxy]:
    parts = urlsplit(pg_server_url)
    host = parse_qs(parts.query)["host"][0]
    p = TcpProxy(Path(host) / f".s.PGSQL.{parts.port or 5432}")
    yield p
    p.close()


def proxied_desk(tmp_path: Path, central_url: str, proxy: TcpProxy, name: str, clock: FakeClock,
                 log: PushLog, client: type[RecordingClient] = RecordingClient,
                 **kw: Any) -> Desk:
    desk_url(central_url, name)  # the role
    url = proxy.url(f"desk_{name.lower()}", f"pw-{name.lower()}", urlsplit(central_url).path[1:])
    return open_desk(tmp_path / f"{name}.sqlite3", name,
                     partial(client, url, log, connect_timeout=5), clock, **kw)


@pytest.mark.parametrize("seed", soak(1))
def test_a_connection_cut_mid_push_fails_the_round_and_the_next_succeeds(
        tmp_path: Path, central_url: str, proxy: TcpProxy, seed: int) -> None:
    clock, log = FakeClock(T0), PushLog()
    desk = proxied_desk(tmp_path, central_url, proxy, "PX", clock, log, push_ops=1000)
    try:
        save_many(desk, 150, clock, step_s=1)  # 150 transactions, one push of ~300 ops (~100 kB)
        cut = random.Random(seed).randint(3_000, 60_000)
        proxy.cut_after(client_bytes=cut)  # counted from the connection's first byte
        with pytest.raises(psycopg.OperationalError):
            desk.engine.run_once()
        assert proxy.cuts == ["client"]
        # central rolled the half-received push back: nothing of it is there
        assert applied_ops(central_url, "PX") == set()
        assert central_scalar(central_url, "SELECT count(*) FROM public.tickets") == 0
        report = desk.engine.run_once()
        assert report.pushed_ops == len(_all_ops(desk.path)) and report.caught_up
        assert_caught_up(desk, central_url)
        assert_tickets_once(central_url, local_ticket_uuids(desk.path))
        integrity_ok(desk.path)
    finally:
        desk.close()


class CutAnswerClient(RecordingClient):
    """Arms the proxy to reset the connection at the first row of central's answer
    to the k-th push: central has committed, the desk never hears back.

    Armed when the push statement itself goes out, not when ``push()`` is called:
    ``push()`` may first ask something else (the first asks central's schema
    version), and a cut of that answer would land before the push was sent, so
    nothing would be committed and no retry tested (issue 19). And cut at the
    answer's first row, not its first byte: from its sixth run psycopg prepares
    the push, and the first bytes back answer the Parse, before the push runs."""
    proxy: TcpProxy
    k = 0
    calls = 0
    armed = False

    def push(self, desk: str, ops: list[Op]) -> dict[str, Any]:
        type(self).calls += 1
        type(self).armed = type(self).calls == self.k
        return super().push(desk, ops)

    def _call(self, query: str, params: tuple[Any, ...]) -> Any:
        if type(self).armed and query.startswith("SELECT sync.push"):
            type(self).armed = False
            self.proxy.cut_at_row()
        return super()._call(query, params)


@pytest.mark.parametrize("seed", soak(1))
def test_a_lost_answer_is_retried_without_duplicates(
        tmp_path: Path, central_url: str, proxy: TcpProxy, seed: int) -> None:
    clock, log = FakeClock(T0), PushLog()
    # every push of the six in turn, the first one (k=1) in the default run
    client = type("Cut", (CutAnswerClient,), {"proxy": proxy, "k": seed % 6 + 1})
    desk = proxied_desk(tmp_path, central_url, proxy, "PX", clock, log, client=client, push_ops=10)
    try:
        save_many(desk, 30, clock, step_s=1)  # 30 transactions of 2 ops: 6 pushes
        with pytest.raises(psycopg.OperationalError):
            desk.engine.run_once()
        assert proxy.cuts == ["server"]
        applied, pending = applied_ops(central_url, "PX"), pending_ops(desk.path)
        assert len(applied) == 10 * client.k  # the cut push was committed...
        assert len(applied & pending) == 10  # ...and is still queued on the desk
        n = len(log.pushes)
        desk.engine.run_once()
        assert log.pushes[n].answer["duplicate"] is True
        assert_caught_up(desk, central_url)
        assert_tickets_once(central_url, local_ticket_uuids(desk.path))
        assert applied_ops(central_url, "PX") == _all_ops(desk.path)
        integrity_ok(desk.path)
    finally:
        desk.close()


@pytest.mark.parametrize("seed", soak(1))
def test_random_cuts_in_both_directions_over_many_rounds(
        tmp_path: Path, central_url: str, proxy: TcpProxy, seed: int) -> None:
    """Two desks through the proxy save, edit nothing in common and sync; before each
    round a cut is armed at a random byte in a random direction (mid-request,
    mid-answer, mid-page); rounds fail and are retried; in the end all is there once."""
    rng = random.Random(seed)
    clock, log = FakeClock(T0), PushLog()
    desks = [proxied_desk(tmp_path, central_url, proxy, n, clock, log, push_ops=15, page_rows=12)
             for n in ("PA", "PB")]
    failed = 0
    try:
        for _ in range(12):
            d = rng.choice(desks)
            save_many(d, rng.randint(0, 8), clock, per_tx=rng.randint(1, 3), step_s=1)
            side = rng.choice(["client", "server"])
            proxy.cut_after(**{f"{side}_bytes": rng.randint(1, 20_000)})
            try:
                d.engine.run_once()
            except psycopg.OperationalError:
                failed += 1
            proxy.disarm()
        sync_until_quiet(desks)
        for d in desks:
            assert_caught_up(d, central_url)
            assert_tickets_once(central_url, local_ticket_uuids(d.path))
            assert applied_ops(central_url, d.name) == _all_ops(d.path)
            integrity_ok(d.path)
        assert failed == len(proxy.cuts) > 0
    finally:
        for d in desks:
            d.close()


# --- central restarts -----------------------------------------------------------------

@pytest.fixture(scope="module")
def private_pg() -> Iterator[PrivatePostgres]:
    import pgserver  # noqa: F401  (a declared test dependency: missing, the run fails)
    # not under pytest's basetemp: every pytest that starts chmods /tmp/pytest-of-<user>
    # to 0700, and the server runs as another user when we are root
    home = Path(tempfile.mkdtemp(prefix="cc-central-"))
    home.chmod(0o755)
    pg = PrivatePostgres(home / "data")
    try:
        yield pg
    finally:
        pg.close()
        shutil.rmtree(home, ignore_errors=True)


class Watch:
    """The worker's statuses as they come (worker thread); waits for a match after a mark."""

    def __init__(self) -> None:
        self.seen: list[SyncStatus] = []
        self._cond = threading.Condition()

    def __call__(self, status: SyncStatus) -> None:
        with self._cond:
            self.seen.append(status)
            self._cond.notify_all()

    def mark(self) -> int:
        with self._cond:
            return len(self.seen)

    def wait_for(self, pred: Callable[[SyncStatus], bool], since: int = 0,
                 timeout: float = 60.0) -> SyncStatus:
        with self._cond:
            ok = self._cond.wait_for(lambda: any(pred(s) for s in self.seen[since:]), timeout)
            assert ok, self.seen[-3:]
            return next(s for s in self.seen[since:] if pred(s))


def online_and_empty(s: SyncStatus) -> bool:
    return s.state is SyncState.ONLINE and s.queue_depth == 0


class SignallingClient(CentralClient):
    """Sets ``pushing`` when the ``at``-th push (counted over all its instances) starts;
    with ``hold`` it then waits for ``go`` before sending it."""
    pushing = threading.Event()
    go = threading.Event()
    hold = False
    at = 0
    calls = 0

    def push(self, desk: str, ops: list[Op]) -> dict[str, Any]:
        cls = type(self)
        cls.calls += 1
        if cls.calls == cls.at:
            cls.pushing.set()
            if cls.hold:
                assert cls.go.wait(60)
        return super().push(desk, ops)


def test_central_restarts_between_and_during_rounds(
        tmp_path: Path, private_pg: PrivatePostgres) -> None:
    admin = create_database(private_pg.admin_url, "restarts")
    central.upgrade(admin)
    url = desk_url(admin, "RS")
    client = type("Sig", (SignallingClient,), {"at": 0, "calls": 0})
    clock = FakeClock(T0)
    desk = open_desk(tmp_path / "RS.sqlite3", "RS", lambda: client(url, connect_timeout=2), clock,
                     push_ops=20, page_rows=200)
    watch = Watch()
    worker = SyncWorker(desk.db, desk.engine, on_status=watch, interval_s=0.05, status_every_s=0.02,
                        backoff_base_s=0.02, backoff_cap_s=0.25, rng=random.Random(1))
    try:
        save_many(desk, 20, clock, step_s=1)
        worker.start()
        watch.wait_for(online_and_empty)

        # between rounds: an orderly restart while the desk is idle, then new work
        private_pg.stop("fast")
        mark = watch.mark()
        save_many(desk, 20, clock, step_s=1)
        worker.nudge()
        off = watch.wait_for(lambda s: s.state is SyncState.OFFLINE and s.queue_depth > 0, mark)
        assert off.error and off.failures >= 1
        private_pg.start()
        mark = watch.mark()
        worker.nudge()
        watch.wait_for(online_and_empty, mark)

        # during a round, twice: central crashes (immediate stop) (1) with the round's
        # connection open, pushes done and more to send; (2) while a push is in flight
        for hold in (True, False):
            client.pushing, client.go, client.hold = threading.Event(), threading.Event(), hold
            client.at = client.calls + 5  # the fifth push from now
            mark = watch.mark()
            save_many(desk, 200, clock, per_tx=2, step_s=1)  # 100 transactions of 5 ops: 25 pushes
            worker.nudge()
            assert client.pushing.wait(60)
            private_pg.stop("immediate")
            client.go.set()
            off = watch.wait_for(lambda s: s.state is SyncState.OFFLINE, mark)
            assert off.queue_depth > 0 or not hold
            private_pg.start()
            mark = watch.mark()
            watch.wait_for(online_and_empty, mark)
    finally:
        worker.stop()
        if not private_pg.running:
            private_pg.start()
    try:
        assert_caught_up(desk, admin)
        assert_tickets_once(admin, local_ticket_uuids(desk.path))
        assert central_scalar(admin, "SELECT count(*) FROM public.tickets") == 440
        assert applied_ops(admin, "RS") == _all_ops(desk.path)
        integrity_ok(desk.path)
    finally:
        desk.close()


# --- a shift offline --------------------------------------------------------------------

SHIFT_TICKETS = 5_000


@pytest.mark.parametrize("per_tx", [pytest.param(50, id="batched"),
                                    pytest.param(1, id="one-per-save", marks=pytest.mark.soak)])
def test_a_desk_offline_for_a_shift_catches_up(
        tmp_path: Path, central_url: str, proxy: TcpProxy, per_tx: int) -> None:
    """Eight hours (on the desk's clock) of tickets saved through the real Tickets
    service while central is unreachable (the proxy refuses every connection), the
    worker retrying with backoff all along; then the network comes back."""
    clock, log = FakeClock(T0), PushLog()
    proxy.refuse(True)
    desk = proxied_desk(tmp_path, central_url, proxy, "OF", clock, log, push_ops=1000,
                        page_rows=1000)
    watch = Watch()
    worker = SyncWorker(desk.db, desk.engine, on_status=watch, interval_s=0.1, status_every_s=0.05,
                        backoff_base_s=0.05, backoff_cap_s=0.5, rng=random.Random(2))
    worker.start()
    try:
        ids = save_many(desk, SHIFT_TICKETS, clock, per_tx=per_tx, step_s=8 * 3600 / SHIFT_TICKETS)
        assert clock.utc_now() - T0 >= (datetime(2026, 11, 23, 8, tzinfo=UTC) - T0)
        ops = len(_all_ops(desk.path))
        off = watch.wait_for(lambda s: s.state is SyncState.OFFLINE and s.queue_depth == ops)
        assert off.failures >= 1 and central_scalar(central_url, "SELECT count(*) FROM public.tickets") == 0
        mark = watch.mark()
        proxy.refuse(False)
        worker.nudge()
        watch.wait_for(online_and_empty, mark, timeout=300)
    finally:
        worker.stop()
    try:
        assert central_scalar(central_url, "SELECT count(*) FROM public.tickets") == SHIFT_TICKETS
        assert_tickets_once(central_url, ids)
        assert applied_ops(central_url, "OF") == _all_ops(desk.path)
        assert_caught_up(desk, central_url)
        integrity_ok(desk.path)
    finally:
        desk.close()
