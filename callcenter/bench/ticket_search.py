"""ticket-search: finding tickets in a store of N, through the service, against
the bare SQL a programmer would write first, measured in the same run.

- exact: one page (50, newest first) by ticket number, phone (typed with
  punctuation, as agents do) or account through ``TicketSearch.page``;
  the baseline is the bare indexed SELECT on the stored key.
- text: one page of Chinese text found in ticket content or address (fixed
  words of the hotline plus road-and-house fragments of real addresses in the
  store); the baseline is the same page by ``content LIKE '%…%' OR address
  LIKE '%…%'`` walking the newest-first index. Every one of the 20 fixed words
  is searched (they take turns with the address fragments), and every text
  page the service returns is checked against the baseline's page: the same
  tickets in the same order, or the bench fails.

Service and baseline alternate (which goes first swaps every run), after a
warm-up, on the calling thread (the app runs them on its search thread).
With ``--data-dir`` a store already seeded with exactly N tickets is reused.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from callcenter.domain.clock import SystemClock
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database, open_database
from callcenter.services.tickets.search import TicketQuery, TicketSearch

from .common import NS_PER_MS, BenchArgs, BenchError, Metrics, Scenario, percentile, remove_db_files, rounded
from .seed import seed_tickets

PAGE = 50
STORE_FILE = "bench-tickets.sqlite3"  # shared with ticket-list: one seeding serves both
WARMUP = 20
TEXT_WORDS = (
    "电线杆", "焦糊味", "增氧机", "充电桩", "阶梯电价", "抢修人员", "变压器", "漏电保护器",
    "智能电能表", "营业厅", "光伏发电", "私拉乱接", "计划停电", "桃园村", "滨江路", "白沙镇",
    "高新区芙蓉路", "青山县", "杨柳村", "地下电缆",
)


def prepare_store(args: BenchArgs, filename: str) -> tuple[Path, float]:
    """A migrated store with exactly ``args.size`` seeded tickets: reused when
    one is already there, seeded otherwise. Returns (path, seconds seeding)."""
    path = args.data_dir / filename
    if path.exists():
        con = sqlite3.connect(path)
        try:
            count = con.execute("SELECT count(*) FROM tickets").fetchone()[0]
        except sqlite3.Error:
            count = -1
        finally:
            con.close()
        if count == args.size:
            db = open_database(path)  # bring it up to the latest migration
            db.search_indexer.drain()  # and its text index up to date
            db.close()
            args.progress(f"reusing {path} ({count:,} tickets)")
            return path, 0.0
    remove_db_files(path)
    args.progress(f"creating {path} (migrations)")
    open_database(path).close()
    args.progress(f"seeding {args.size:,} tickets")
    seed_s = seed_tickets(path, args.size, load_profile(), progress=args.progress)
    args.progress(f"seeded in {seed_s:.1f} s")
    return path, seed_s


def _typed_phone(key: str) -> str:
    """A stored phone key as an agent types it (punctuated)."""
    if key.startswith("1") and len(key) == 11:
        return f"{key[:3]}-{key[3:7]}-{key[7:]}"
    return f"{key[:4]}-{key[4:]}"


def _samples(con: sqlite3.Connection, n: int, count: int, rng: random.Random) -> list[tuple[str, ...]]:
    out = []
    for _ in range(count):
        row = con.execute("SELECT number, caller_phone, account_no, address FROM tickets "
                          "WHERE rowid = ?", (rng.randrange(1, n + 1),)).fetchone()
        if row:
            out.append(tuple(row))
    return out


def _address_fragment(address: str) -> str:
    """'临江市河西区建设路123号4栋…' -> '建设路123号' (road and house number)."""
    start = max(address.find("区"), address.find("县"), address.find("镇"), address.find("乡")) + 1
    end = address.find("号", start) + 1
    return address[start:end] if end > start else address[3:9]


def _first_difference(a: list[str], b: list[str]) -> int:
    return next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def _timed(fn: Callable[[], object]) -> int:
    t0 = time.perf_counter_ns()
    fn()
    return time.perf_counter_ns() - t0


def run(args: BenchArgs) -> Metrics:
    path, seed_s = prepare_store(args, STORE_FILE)
    rng = random.Random(3)
    raw = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db = Database(path)
    search = TicketSearch(db, SystemClock())
    try:
        samples = _samples(raw, args.size, WARMUP + args.runs, rng)
        exact_sql = {
            "number": "SELECT * FROM tickets WHERE number = ?",
            "phone": f"SELECT * FROM tickets WHERE caller_phone = ? ORDER BY created_at DESC LIMIT {PAGE}",
            "account": f"SELECT * FROM tickets WHERE account_no = ? ORDER BY created_at DESC LIMIT {PAGE}",
        }
        like_sql = ("SELECT id, number, created_at, category, status, caller_phone, account_no, "
                    "address, substr(content, 1, 80), department, deadline_at, created_by "
                    "FROM tickets WHERE deleted_at IS NULL AND (content LIKE ? OR address LIKE ?) "
                    f"ORDER BY created_at DESC, id DESC LIMIT {PAGE}")
        checked: set[str] = set()
        exact: list[int] = []
        exact_base: list[int] = []
        text: list[int] = []
        text_base: list[int] = []
        args.progress(f"timing {args.runs} exact and {args.runs} text searches (+{WARMUP} warm-up)")
        for i, (number, phone, account, address) in enumerate(samples):
            kind = ("number", "phone", "account")[i % 3]
            key = {"number": number, "phone": phone, "account": account}[kind]
            query = {"number": TicketQuery(number=number), "phone": TicketQuery(phone=_typed_phone(phone)),
                     "account": TicketQuery(account=account)}[kind]
            words = TEXT_WORDS[(i // 2) % len(TEXT_WORDS)] if i % 2 else _address_fragment(address)
            pattern = f"%{words}%"

            def service_exact(q: TicketQuery = query) -> None:
                if not search.page(q, limit=PAGE).rows:
                    raise AssertionError(f"no ticket for {q}")

            def base_exact(sql: str = exact_sql[kind], k: str = key) -> None:
                raw.execute(sql, (k,)).fetchall()

            got: dict[str, list[str]] = {}

            def service_text(w: str = words, got: dict[str, list[str]] = got) -> None:
                got["service"] = [r.id.hex for r in search.page(TicketQuery(text=w), limit=PAGE).rows]

            def base_text(p: str = pattern, got: dict[str, list[str]] = got) -> None:
                got["like"] = [r[0] for r in raw.execute(like_sql, (p, p)).fetchall()]

            pairs = ((service_exact, base_exact), (service_text, base_text))
            times = []
            for service_fn, base_fn in pairs:
                if i % 2:
                    b, s = _timed(base_fn), _timed(service_fn)
                else:
                    s, b = _timed(service_fn), _timed(base_fn)
                times.append((s, b))
            if got["service"] != got["like"]:
                raise BenchError(f"the search for {words!r} found {len(got['service'])} tickets, the LIKE "
                                 f"baseline {len(got['like'])}; first difference at "
                                 f"{_first_difference(got['service'], got['like'])}")
            checked.add(words)
            if i >= WARMUP:
                exact.append(times[0][0])
                exact_base.append(times[0][1])
                text.append(times[1][0])
                text_base.append(times[1][1])
            if i and i % 100 == 0:
                args.progress(f"{i}/{len(samples)}")
        missing = [w for w in TEXT_WORDS if w not in checked]
        if missing:
            raise BenchError(f"--runs {args.runs} leaves words unsearched ({len(missing)} of "
                             f"{len(TEXT_WORDS)}); use at least {2 * len(TEXT_WORDS)} runs in all")
    finally:
        search.close()
        db.close()
        raw.close()
    for values in (exact, exact_base, text, text_base):
        values.sort()

    def ms(values: list[int], q: float) -> float:
        return rounded(percentile(values, q) / NS_PER_MS)

    return {
        "exact_p95_ms": ms(exact, 95),
        "exact_p50_ms": ms(exact, 50),
        "baseline_exact_p95_ms": ms(exact_base, 95),
        "baseline_exact_p50_ms": ms(exact_base, 50),
        "text_p95_ms": ms(text, 95),
        "text_p50_ms": ms(text, 50),
        "text_max_ms": rounded(text[-1] / NS_PER_MS),
        "baseline_like_p95_ms": ms(text_base, 95),
        "baseline_like_p50_ms": ms(text_base, 50),
        "baseline_like_max_ms": rounded(text_base[-1] / NS_PER_MS),
        "seed_s": rounded(seed_s),
        "samples": len(exact),
        "text_queries_checked": len(samples),
        "text_words": sum(w in checked for w in TEXT_WORDS),
    }


SCENARIO = Scenario(
    name="ticket-search",
    summary="ticket search by number/phone/account and Chinese text vs bare SELECT / LIKE scan",
    size_means="tickets in the store",
    runs_means="timed searches of each kind (exact, text), after 20 warm-up (20 + runs >= 40)",
    path="TicketSearch.page on the calling thread, clock stops when the page's rows are back",
    default_size=1_000_000,
    default_runs=300,
    run=run,
)
