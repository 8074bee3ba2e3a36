"""board-latency: N desks change agent state; how long until the lead's board has it.

Every desk (its own login role and connection, as in production) changes its state
every 0.5-2 s (uniformly at random) for ``--seconds``: one ``sync.publish_state``
upsert, the call DeskStatePublisher.tick makes. The lead desk runs the board's
``LiveStates`` (a LISTEN session woken by central's NOTIFY, then
``sync.board_states``), its fallback pull switched off, so only the push wakes it.

- p95_s, median_s: from just before a desk's publish call to the lead's
  ``on_states`` holding that change (matched by desk and the state's ``since``).
- changes: the changes measured; superseded: changes the same desk replaced
  before any board pull saw them (never on the board, not counted in the figures).
- baseline_p95_s: a bare NOTIFY round trip on the same server: ``pg_notify`` from
  one connection to a LISTENing one (200 samples).

The server is the bench's own pgserver (durable, as a site's) or ``--central``.
"""

from __future__ import annotations

import random
import statistics
import threading
import time
from datetime import UTC, datetime

import psycopg

from callcenter.services.board.live import BoardStates, LiveStates
from callcenter.sync import central

from .common import DURABLE, BenchArgs, BenchError, Metrics, Scenario, percentile, rounded
from .sync_common import CentralServer

STATES = ("ready", "ringing", "talking", "held", "talking", "wrap_up")
DEFAULT_SECONDS = 20.0


def _baseline(url: str, samples: int = 200) -> list[float]:
    out: list[float] = []
    with psycopg.connect(url, autocommit=True) as listen, \
            psycopg.connect(url, autocommit=True) as talk:
        listen.execute("LISTEN ccbench_raw")
        for _ in range(samples):
            t = time.perf_counter()
            talk.execute("SELECT pg_notify('ccbench_raw', 'x')")
            got = list(listen.notifies(timeout=5, stop_after=1))
            if not got:
                raise BenchError("a bare NOTIFY did not arrive within 5 s")
            out.append(time.perf_counter() - t)
    return out


def run(args: BenchArgs) -> Metrics:
    n = args.size
    seconds = DEFAULT_SECONDS if args.seconds is None else float(args.seconds)
    if n < 1 or seconds <= 0:
        raise BenchError("--size (desks) must be at least 1 and --seconds positive")
    with CentralServer(args.data_dir, args.central, max_connections=n + 30,
                       progress=args.progress, durable=args.durable) as server:
        url = server.new_database("board")
        args.progress(f"registering {n} desks and a lead desk")
        urls = {f"B{i + 1:03d}": server.desk_url(url, f"B{i + 1:03d}", "T1") for i in range(n)}
        lead_url = server.desk_url(url, "LEAD", "T1")
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("UPDATE sync.desks SET kind = 'lead' WHERE desk = 'LEAD'")
        lock = threading.Lock()
        pending: dict[tuple[str, datetime], float] = {}
        latencies: list[float] = []
        seen_since: dict[str, datetime] = {}

        def on_states(board: BoardStates) -> None:
            t = time.perf_counter()
            with lock:
                for s in board.states:
                    t0 = pending.pop((s.desk, s.since), None)
                    if t0 is not None:
                        latencies.append(t - t0)
                    seen_since[s.desk] = s.since

        errors: list[str] = []
        live = LiveStates(lambda: central.CentralClient(lead_url), "LEAD", on_states=on_states,
                          on_error=errors.append, team="T1", fallback_s=1e9)
        live.start()
        if not live.listening.wait(30):
            live.stop()
            raise BenchError(f"the lead desk did not start listening: {errors}")
        stop = threading.Event()
        sent = [0]

        def desk(name: str, desk_url: str, seed: int) -> None:
            rng = random.Random(seed)
            with central.CentralClient(desk_url) as client:
                k = 0
                while not stop.wait(rng.uniform(0.5, 2.0)):
                    since = datetime.now(UTC)
                    state = STATES[k % len(STATES)]
                    k += 1
                    with lock:
                        pending[(name, since)] = time.perf_counter()
                        sent[0] += 1
                    client.publish_state(name, name, state, None, since)

        threads = [threading.Thread(target=desk, args=(d, u, i), daemon=True)
                   for i, (d, u) in enumerate(urls.items())]
        args.progress(f"{n} desks changing state for {seconds:.0f} s")
        for th in threads:
            th.start()
        time.sleep(seconds)
        stop.set()
        for th in threads:
            th.join(30)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            with lock:
                left = [k for k in pending if seen_since.get(k[0], k[1]) <= k[1]]
            if not left:
                break
            time.sleep(0.05)
        live.stop()
        with lock:
            # a change the same desk replaced before a pull saw it never reaches a board
            superseded = sum(1 for (d, since) in pending if seen_since.get(d, since) > since)
            lost = len(pending) - superseded
        if lost:
            raise BenchError(f"{lost} state changes never reached the lead's board")
        if not latencies:
            raise BenchError("no state change was measured")
        base = sorted(_baseline(url))
        durable = server.durable
    lat = sorted(latencies)
    return {
        "p95_s": rounded(percentile(lat, 95), 4),
        "median_s": rounded(statistics.median(lat), 4),
        "max_s": rounded(lat[-1], 4),
        "changes": len(lat),
        "superseded": superseded,
        "baseline_p95_s": rounded(percentile(base, 95), 4),
        "desks": n,
        DURABLE: durable,
    }


SCENARIO = Scenario(
    name="board-latency",
    summary="N desks change agent state; p95 from the change to the lead's board (LISTEN/NOTIFY)",
    size_means="desks changing state",
    runs_means="unused (one timed run of --seconds)",
    default_size=50,
    default_runs=1,
    run=run,
    path="a desk's sync.publish_state to the lead's LiveStates holding that state",
    central=True,
)
