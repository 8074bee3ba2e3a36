"""Demo outages around the current date, the demo city's grid (transformer
areas and feeders), and a generator of a city of any size for benchmarks.

The grid position is derived from the address alone (road + house-number
block, or village + group), so the same customer always sits on the same 台区
and 线路 without changing the customer stream of ``demo_city``.
"""

from __future__ import annotations

import random
import re
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from callcenter.domain.clock import Clock
from callcenter.domain.outages import OutageKind, OutageStatus, OutageTimes, parse_address
from callcenter.services.demo.city import City, generate_customers, load_city
from callcenter.services.outages.records import OutageRecord, WriteCounts, write_records
from callcenter.services.storage.database import Database
from callcenter.store.ids import new_id
from callcenter.store.models import Account
from callcenter.sync.outbox import capture_suspended

_NO = re.compile(r"^(\d+)[号组]$")


def grid_position(address: str) -> tuple[str, str]:
    """(feeder, transformer area) of an address: a 台区 serves 20 house numbers of
    a road (or one village group), a 10 kV feeder 100 numbers (or one town)."""
    a = parse_address(address)
    c = a.chunks
    if len(c) >= 2 and (m := _NO.match(c[1])) and c[0].endswith(("路", "街", "道", "巷")):
        n = int(m.group(1))
        return f"10kV{c[0]}{(n - 1) // 100 + 1}线", f"{c[0]}{(n - 1) // 20 + 1}号台区"
    if len(c) >= 3:
        return f"10kV{c[0]}线", f"{c[1]}{c[2]}台区"
    return f"10kV{a.district or '城区'}线", f"{a.district or '城区'}公用台区"


def _road_scope(address: str, with_number: bool = True) -> str:
    a = parse_address(address)
    return a.district + "".join(a.chunks[:2] if with_number else a.chunks[:1])


def demo_records(addresses: list[str], now: datetime) -> list[OutageRecord]:
    """One outage of each kind and phase around ``now``, touching the first demo
    customers (13800138001 sits inside an active fault outage)."""
    h = timedelta(hours=1)
    d = timedelta(days=1)
    a = (addresses + [""] * 6)[:6]
    g = [grid_position(x) for x in a]

    def rec(sid: str, kind: OutageKind, status: OutageStatus, start: datetime, end: datetime,
            cause: str, actual: datetime | None = None, announced: datetime | None = None,
            **area: tuple[str, ...]) -> OutageRecord:
        return OutageRecord(sid, OutageTimes(kind, status, start, end, actual, announced), cause, **area)

    return [
        rec("DEMO-F001", OutageKind.FAULT, OutageStatus.IN_PROGRESS, now - h, now + 2 * h,
            "10kV线路故障跳闸", scopes=(_road_scope(a[0]),)),
        rec("DEMO-P001", OutageKind.PLANNED, OutageStatus.ANNOUNCED, now + 2 * d, now + 2 * d + 8 * h,
            "配电设备计划检修", announced=now - 3 * d, transformer_areas=(g[1][1],)),
        rec("DEMO-T001", OutageKind.TEMPORARY, OutageStatus.IN_PROGRESS, now - 2 * h, now + 3 * h,
            "线路临时抢修消缺", feeders=(g[2][0],)),
        rec("DEMO-O001", OutageKind.OVER_CAPACITY, OutageStatus.RESTORED, now - 6 * h, now - 2 * h,
            "负荷超过设备容量，有序用电", actual=now - 3 * h, scopes=(_road_scope(a[3], False),)),
        rec("DEMO-P002", OutageKind.PLANNED, OutageStatus.ANNOUNCED, now + 8 * d, now + 8 * d + 6 * h,
            "电网升级改造", announced=now - d, scopes=(_road_scope(a[4]),)),
        rec("DEMO-P003", OutageKind.PLANNED, OutageStatus.CANCELLED, now + d, now + d + 4 * h,
            "计划检修（已取消）", announced=now - 9 * d, transformer_areas=(g[5][1],)),
    ]


def assign_grid(s: Session) -> int:
    """Give every account without one its 台区 and 线路 (from its address)."""
    rows = s.execute(select(Account.id, Account.address).where(Account.transformer_area.is_(None))).all()
    params = [{"id": i, "feeder": f, "transformer_area": t}
              for i, addr in rows for f, t in [grid_position(addr)]]
    if params:
        s.execute(update(Account), params)
    return len(params)


def seed_demo_outages(db: Database, clock: Clock, workstation: str, n_customers: int = 8) -> int:
    """Demo mode, at each start: grid positions for accounts that have none, and
    the demo outages moved to around today (upserted by their DEMO-* ids, so the
    demo never shows last week's fault as still going on). Returns how many
    demo outages were added or updated."""
    db.write_now(assign_grid)
    addresses = [c.address for c in generate_customers(load_city(), n_customers)]
    now = clock.utc_now()
    records = demo_records(addresses, now)

    def write(s: Session) -> WriteCounts:
        with capture_suspended(s):  # demo data stays on this desk: no sync ops
            return write_records(s, records, source="demo", workstation=workstation, now=now)

    counts = db.write_now(write)
    return counts.added + counts.updated


# ------------------------------------------------------------ benchmark city

_KINDS = tuple(OutageKind)
_CAUSES = ("线路检修", "变压器故障", "台区改造", "树障清理", "雷击跳闸", "负荷过载", "电缆故障")


def generate_outages(city: City, n: int, now: datetime, seed: int = 7) -> Iterator[OutageRecord]:
    """``n`` outages spread over a year around ``now``, each covering a road
    stretch, a compound building, a 台区 or a 线路 of ``city``."""
    rng = random.Random(seed)
    for i in range(n):
        dist = city.districts[rng.randrange(len(city.districts))]
        road = dist.streets[rng.randrange(len(dist.streets))]
        no = rng.randint(1, 300)
        start = now + timedelta(minutes=rng.randint(-365 * 24 * 60, 30 * 24 * 60))
        end = start + timedelta(hours=rng.randint(1, 12))
        kind = _KINDS[i % len(_KINDS)]
        restored = end <= now
        area: dict[str, tuple[str, ...]] = {}
        r = rng.random()
        if r < 0.5:
            area["scopes"] = tuple(f"{dist.name}{road}{no + k}号" for k in range(rng.randint(1, 3)))
        elif r < 0.7 and dist.compounds:
            comp = dist.compounds[rng.randrange(len(dist.compounds))]
            area["scopes"] = (f"{road}{no}号{comp}{rng.randint(1, 24)}号楼",)
        elif r < 0.9:
            area["transformer_areas"] = (f"{road}{(no - 1) // 20 + 1}号台区",)
        else:
            area["feeders"] = (f"10kV{road}{(no - 1) // 100 + 1}线",)
        yield OutageRecord(
            f"B{i:07d}",
            OutageTimes(kind, OutageStatus.RESTORED if restored else OutageStatus.ANNOUNCED, start, end,
                        end if restored else None,
                        start - timedelta(days=rng.randint(1, 10)) if kind is OutageKind.PLANNED else None),
            _CAUSES[rng.randrange(len(_CAUSES))], **area)


def _stamp(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def bulk_customers(path: Path, city: City, n: int, now: datetime,
                   progress: Callable[[int], None] | None = None) -> list[tuple[str, str]]:
    """Insert ``n`` customers with accounts (and their grid) into a migrated store
    with raw ``executemany`` (the formats SQLAlchemy writes). Returns a sample of
    (account number, address) pairs for lookups."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    stamp = _stamp(now)
    sample: list[tuple[str, str]] = []
    cust: list[tuple[object, ...]] = []
    accts: list[tuple[object, ...]] = []

    def flush() -> None:
        con.executemany("INSERT INTO customers (id, version, updated_at, deleted_at, origin_workstation,"
                        " name, phone, address, area_type) VALUES (?,1,?,NULL,'BENCH',?,?,?,?)", cust)
        con.executemany("INSERT INTO accounts (id, version, updated_at, deleted_at, origin_workstation,"
                        " customer_id, account_no, meter_no, address, transformer_area, feeder)"
                        " VALUES (?,1,?,NULL,'BENCH',?,?,?,?,?,?)", accts)
        con.commit()
        cust.clear()
        accts.clear()

    for i, c in enumerate(generate_customers(city, n)):
        cid = new_id().hex
        cust.append((cid, stamp, c.name, c.phone, c.address, c.area_type))
        for a in c.accounts:
            feeder, ta = grid_position(a.address)
            accts.append((new_id().hex, stamp, cid, a.account_no, a.meter_no, a.address, ta, feeder))
        if i % 997 == 0:
            sample.append((c.accounts[0].account_no, c.address))
        if len(cust) >= 50_000:
            flush()
            if progress is not None:
                progress(i + 1)
    flush()
    con.execute("PRAGMA synchronous=FULL")
    con.close()
    return sample
