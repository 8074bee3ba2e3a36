"""outage-lookup: "is this caller inside a known outage?" on a city of N customer
addresses and N/20 outages, by account number and by address text.

The app side is what the desk runs on a screen pop or a console search: one
read session, ``lookup_in`` (account -> its 台区/线路/address -> outage
targets; address -> candidate scope heads -> exact component matching), with
the outages judged at "now". Baselines in the same run, on the same file:
``baseline_index_p95_ms`` is the raw indexed query for the candidate scopes
alone (keys computed beforehand), ``baseline_like_p95_ms`` a ``LIKE '%…%'``
scan of every address scope, which is what matching without the index costs.
"""

from __future__ import annotations

import random
import sqlite3
import time
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from callcenter.domain.outages import parse_address
from callcenter.services.demo.city import load_city
from callcenter.services.demo.outages import bulk_customers, generate_outages
from callcenter.services.outages.lookup import LookupQuery, address_candidates, lookup_in
from callcenter.services.outages.records import OutageRecord, WriteCounts, write_records
from callcenter.services.storage.database import open_database
from callcenter.sync.outbox import capture_suspended

from .common import NS_PER_MS, BenchArgs, BenchError, Metrics, Scenario, percentile, remove_db_files, rounded

OUTAGES_PER_CUSTOMER = 1 / 20  # 1,000,000 customers -> 50,000 outages
WARMUP = 20



def _seed(s: Session, records: list[OutageRecord], now: datetime) -> WriteCounts:
    """Synthetic outages: not queued for sync (and faster to seed)."""
    with capture_suspended(s):
        return write_records(s, records, source="bench", workstation="BENCH", now=now)

def _p95_ms(samples: list[int]) -> float:
    return rounded(percentile(sorted(samples), 95) / NS_PER_MS)


def run(args: BenchArgs) -> Metrics:
    if args.size < 1000:
        raise BenchError("--size must be at least 1,000 customers")
    path = args.data_dir / "desk.sqlite3"
    remove_db_files(path)
    now = datetime.now(UTC)
    city = load_city()
    db = open_database(path)
    try:
        t0 = time.perf_counter()
        args.progress(f"inserting {args.size:,} customers")
        sample = bulk_customers(path, city, args.size, now,
                                lambda n: args.progress(f"  {n:,} customers") if n % 200_000 == 0 else None)
        n_out = max(1, int(args.size * OUTAGES_PER_CUSTOMER))
        args.progress(f"writing {n_out:,} outages")
        records = list(generate_outages(city, n_out, now))
        db.write_now(lambda s: _seed(s, records, now))
        args.progress(f"seeded in {time.perf_counter() - t0:.1f} s; timing {args.runs} lookups of each kind")
        rng = random.Random(5)
        picks = [sample[rng.randrange(len(sample))] for _ in range(args.runs + WARMUP)]
        acct_ns: list[int] = []
        addr_ns: list[int] = []
        hits = 0
        for i, (account, address) in enumerate(picks):
            for q, out in ((LookupQuery(account=account), acct_ns), (LookupQuery(text=address), addr_ns)):
                t = time.perf_counter_ns()
                found = db.read_now(lambda s, q=q: lookup_in(s, q, now))
                dt = time.perf_counter_ns() - t
                if i >= WARMUP:
                    out.append(dt)
                    hits += bool(found)
        con = sqlite3.connect(path)
        index_ns: list[int] = []
        like_ns: list[int] = []
        for i, (_account, address) in enumerate(picks):
            keys = address_candidates(parse_address(address))
            sql = ("SELECT outage_id, value FROM outage_targets WHERE kind = 'address' AND deleted_at IS NULL"
                   f" AND key IN ({','.join('?' * len(keys))})")
            t = time.perf_counter_ns()
            con.execute(sql, keys).fetchall()
            dt = time.perf_counter_ns() - t
            if i >= WARMUP:
                index_ns.append(dt)
            if i < WARMUP + min(args.runs, 100):  # the scan is slow; 100 samples are plenty
                t = time.perf_counter_ns()
                con.execute("SELECT outage_id, value FROM outage_targets WHERE kind = 'address'"
                            " AND deleted_at IS NULL AND ? LIKE '%' || value || '%'", (address,)).fetchall()
                dt = time.perf_counter_ns() - t
                if i >= WARMUP:
                    like_ns.append(dt)
        con.close()
    finally:
        db.close()
    return {
        "account_p95_ms": _p95_ms(acct_ns),
        "address_p95_ms": _p95_ms(addr_ns),
        "baseline_index_p95_ms": _p95_ms(index_ns),
        "baseline_like_p95_ms": _p95_ms(like_ns),
        "outages": n_out,
        "lookups_with_a_hit_share": rounded(hits / (2 * len(acct_ns))),
    }


SCENARIO = Scenario(
    name="outage-lookup",
    summary="outage lookup by account and by address vs the raw index query and a LIKE scan",
    size_means="customers in the demo city (outages: size / 20)",
    runs_means="timed lookups of each kind (account, address), after 20 warm-up",
    default_size=1_000_000,
    default_runs=1_000,
    run=run,
)
