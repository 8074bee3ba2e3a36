"""outage-lookup: "is this caller inside a known outage?" on a city of N customer
addresses and N/20 outages, by account number and by address text.

The app side is what the desk runs on a screen pop or a console search: one
read session, ``lookup_in`` (account -> its 台区/线路/address -> outage
targets; address -> candidate scope heads -> exact component matching), with
the outages judged at "now". Baselines in the same run, on the same file:
``baseline_index_p95_ms`` is the raw indexed query for the candidate scopes
alone (keys computed beforehand), ``baseline_like_p95_ms`` a ``LIKE '%…%'``
scan of every address scope, which is what matching without the index costs.

The queries are drawn so that most of them find an outage, as on a storm day
(the seeded outages spread over a year, so at "now" almost every customer is
outside all of them): two in three are customers an outage covers, each asked
at a moment inside that outage (found beforehand, untimed, by a lookup over
every phase); the rest are random customers asked at "now". ``hit_share`` is
the share of timed lookups that found an outage (account and address alike);
below one half the bench fails.
"""

from __future__ import annotations

import random
import sqlite3
import time
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from callcenter.domain.outages import OutageStatus, Phase, parse_address
from callcenter.services.demo.city import load_city
from callcenter.services.demo.outages import bulk_customers, generate_outages
from callcenter.services.outages.lookup import LookupQuery, address_candidates, lookup_in
from callcenter.services.outages.records import OutageRecord, WriteCounts, write_records
from callcenter.services.storage.database import open_database
from callcenter.sync.outbox import capture_suspended

from .common import NS_PER_MS, BenchArgs, BenchError, Metrics, Scenario, percentile, remove_db_files, rounded

OUTAGES_PER_CUSTOMER = 1 / 20  # 1,000,000 customers -> 50,000 outages
WARMUP = 20
ALL_PHASES = tuple(Phase)



def _seed(s: Session, records: list[OutageRecord], now: datetime) -> WriteCounts:
    """Synthetic outages: not queued for sync (and faster to seed)."""
    with capture_suspended(s):
        return write_records(s, records, source="bench", workstation="BENCH", now=now)

def _covered(s: Session, rng: random.Random, want: int, now: datetime,
             ) -> list[tuple[str, str, datetime]]:
    """Up to ``want`` (account, customer address, a moment inside an outage covering
    that address): random customers screened by a lookup over every phase."""
    n = s.connection().exec_driver_sql("SELECT max(rowid) FROM accounts").scalar() or 0
    out: list[tuple[str, str, datetime]] = []
    for _ in range(max(2000, 50 * want)):
        if len(out) >= want or not n:
            break
        row = s.connection().exec_driver_sql(
            "SELECT a.account_no, c.address FROM accounts a JOIN customers c ON c.id = a.customer_id"
            " WHERE a.rowid = ?", (rng.randrange(1, n + 1),)).first()
        if row is None:
            continue
        # an outage the customer's address is inside: asking by account finds it too
        found = lookup_in(s, LookupQuery(text=row[1], phases=ALL_PHASES), now)
        live = [h for h in found if h.status is not OutageStatus.CANCELLED
                and h.matched_by == "address_scope"]
        if live:
            h = live[rng.randrange(len(live))]
            end = h.actual_restore or h.expected_restore
            out.append((row[0], row[1], h.start + (end - h.start) / 2))
    return out


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
        covered = db.read_now(lambda s: _covered(s, rng, (args.runs + WARMUP) * 2 // 3 + 1, now))
        picks: list[tuple[str, str, datetime | None]] = []
        for i in range(args.runs + WARMUP):
            if i % 3 and covered:
                picks.append(covered[(i - i // 3 - 1) % len(covered)])
            else:
                account, address = sample[rng.randrange(len(sample))]
                picks.append((account, address, None))
        acct_ns: list[int] = []
        addr_ns: list[int] = []
        hits = {"account": 0, "address": 0}
        for i, (account, address, at) in enumerate(picks):
            for kind, q, out in (("account", LookupQuery(account=account, at=at), acct_ns),
                                 ("address", LookupQuery(text=address, at=at), addr_ns)):
                t = time.perf_counter_ns()
                found = db.read_now(lambda s, q=q: lookup_in(s, q, now))
                dt = time.perf_counter_ns() - t
                if i >= WARMUP:
                    out.append(dt)
                    hits[kind] += bool(found)
        con = sqlite3.connect(path)
        index_ns: list[int] = []
        like_ns: list[int] = []
        for i, (_account, address, _at) in enumerate(picks):
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
    hit_share = (hits["account"] + hits["address"]) / (len(acct_ns) + len(addr_ns))
    if hit_share < 0.5:
        raise BenchError(f"only {hit_share:.0%} of the lookups found an outage; the bench needs half")
    return {
        "account_p95_ms": _p95_ms(acct_ns),
        "address_p95_ms": _p95_ms(addr_ns),
        "baseline_index_p95_ms": _p95_ms(index_ns),
        "baseline_like_p95_ms": _p95_ms(like_ns),
        "outages": n_out,
        "hit_share": rounded(hit_share),
        "account_hit_share": rounded(hits["account"] / len(acct_ns)),
        "address_hit_share": rounded(hits["address"] / len(addr_ns)),
    }


SCENARIO = Scenario(
    name="outage-lookup",
    summary="outage lookup by account and by address vs the raw index query and a LIKE scan",
    size_means="customers in the demo city (outages: size / 20)",
    runs_means="timed lookups of each kind (account, address), after 20 warm-up",
    default_size=1_000_000,
    default_runs=1_000,
    run=run,
    path="lookup_in in one read session (Database.read_now), clock stops when the hits are back",
)
