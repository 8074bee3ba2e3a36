"""Imported outages reach central and every desk (issues 5 and 6), on real
desks (SQLite files) and a real central PostgreSQL: the other desk finds them
by account and by address (its local address-key index rebuilt by the pull
hook), a second desk importing the same file adds no copy and no conflict, and
a re-import's changes (a new restore time, a scope dropped and back) follow."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import select

from callcenter.domain.clock import FakeClock
from callcenter.services.outages.importer import OutageImport
from callcenter.services.outages.lookup import LookupQuery, Outages
from callcenter.services.storage.database import Database, open_database
from callcenter.services.sync.engine import SyncEngine
from callcenter.store.outage_models import Outage, OutageAddressKey, OutageTarget
from callcenter.store.sync_models import SyncConflict
from callcenter.sync.central import CentralClient
from tests.fakes import signed_in

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)  # 14:00 in Asia/Shanghai
HEADER = "停电编号,停电类型,停电原因,开始时间,预计恢复时间,实际恢复时间,状态,线路,台区,停电范围,户号,发布时间"
ROWS = [
    "TD001,计划停电,线路检修,2026-11-23 08:00,2026-11-23 18:00,,,10kV幸福线,,"
    "\"江城区幸福路12号、幸福路14号、锦绣花园三栋\",,2026-11-20 10:00",
    "TD002,故障停电,变压器故障,2026/11/23 13:30:00,2026/11/23 20:00,,停电中,,幸福路1号台区,,3100000042,",
    "TD003,临时停电,消缺,2026-11-23 15:00,2026-11-23 17:00,,,,,\"滨湖区翠湖苑5栋; 湖心路8号\",,",
]
LATER = [ROWS[0].replace("2026-11-23 18:00", "2026-11-23 21:30").replace("、幸福路14号", ""), *ROWS[1:]]

Desk = tuple[Database, SyncEngine, OutageImport, Outages]


def write_csv(path: Path, rows: list[str]) -> Path:
    path.write_bytes(("\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8-sig"))
    return path


@pytest.fixture
def desks(tmp_path: Path, central_url: str) -> Iterator[Callable[[str], Desk]]:
    made: list[Desk] = []
    clock = FakeClock(NOW)

    def make(name: str) -> Desk:
        db = open_database(tmp_path / f"{name}.sqlite3")
        engine = SyncEngine(db, name, lambda: CentralClient(central_url), page_rows=7, push_ops=50)
        desk = (db, engine, OutageImport(db, clock, name, "Asia/Shanghai"),
                Outages(db, clock, name, user=signed_in()))
        made.append(desk)
        return desk

    yield make
    for db, engine, _, _ in made:
        engine.close()
        db.close()


def central(url: str, sql: str) -> list[tuple[Any, ...]]:
    with psycopg.connect(url) as conn:
        return conn.execute(sql).fetchall()


def found(outages: Outages, **query: str) -> list[str]:
    q = LookupQuery(text=query.get("text", ""), account=query.get("account", ""),
                    transformer_area=query.get("transformer_area", ""))
    return [h.source_id for h in outages.lookup(q).result(5)]


def outage_rows(db: Database) -> dict[str, tuple[Any, ...]]:
    return db.read_now(lambda s: {o.source_id: (o.id, o.expected_restore_at, o.deleted_at, o.area)
                                  for o in s.scalars(select(Outage))})


def targets(db: Database) -> dict[Any, tuple[Any, ...]]:
    return db.read_now(lambda s: {t.id: (t.outage_id, t.kind, t.value, t.key, t.deleted_at is None)
                                  for t in s.scalars(select(OutageTarget))})


def address_keys(db: Database) -> set[tuple[Any, int, str]]:
    return db.read_now(lambda s: {(k.target_id, k.pos, k.key) for k in s.scalars(select(OutageAddressKey))})


def no_conflicts(url: str, *dbs: Database) -> None:
    assert central(url, "SELECT count(*) FROM sync.conflicts") == [(0,)]
    for db in dbs:
        assert db.read_now(lambda s: list(s.scalars(select(SyncConflict)))) == []


def same_outages(a: Database, b: Database) -> None:
    assert outage_rows(a) == outage_rows(b)
    assert targets(a) == targets(b)
    assert address_keys(a) == address_keys(b)


def test_an_import_on_one_desk_is_found_on_another(tmp_path: Path, desks: Callable[[str], Desk],
                                                   central_url: str) -> None:
    a_db, a, a_import, _ = desks("WA")
    b_db, b, _, b_outages = desks("WB")
    assert a_import.run(write_csv(tmp_path / "list.csv", ROWS)).ok
    pushed = a.run_once()
    assert pushed.pushed_ops == 3 + 8 and pushed.pushed_txs == 1 and pushed.conflicts == 0
    rep = b.run_once()
    assert rep.caught_up and rep.clashes == 0 and {"outages", "outage_targets"} <= rep.tables
    same_outages(a_db, b_db)
    assert found(b_outages, account="3100000042") == ["TD002"]
    assert found(b_outages, text="临江市江城区幸福路12号2单元") == ["TD001"]  # a covering scope
    assert found(b_outages, text="锦绣花园3号楼1502室") == ["TD001"]  # 三栋 is 3号楼
    assert found(b_outages, text="翠湖苑") == ["TD003"]  # a broad search: the address-key index
    assert found(b_outages, transformer_area="幸福路1号台区") == ["TD002"]
    no_conflicts(central_url, a_db, b_db)


def test_the_same_file_on_two_desks_makes_one_copy_and_no_conflict(
        tmp_path: Path, desks: Callable[[str], Desk], central_url: str) -> None:
    a_db, a, a_import, _ = desks("WA")
    b_db, b, b_import, b_outages = desks("WB")
    path = write_csv(tmp_path / "list.csv", ROWS)
    assert a_import.run(path).counts.added == 3
    assert b_import.run(path).counts.added == 3  # before B ever synced: the same rows, same ids
    a.run_once()
    rep = b.run_once()  # B's inserts meet A's rows on central: merged, same values
    assert rep.pushed_ops == 11 and rep.conflicts == 0 and rep.clashes == 0
    a.run_once()
    assert central(central_url, "SELECT count(*), count(DISTINCT source_id) FROM public.outages") == [(3, 3)]
    assert central(central_url, "SELECT count(*) FROM public.outage_targets") == [(8,)]
    same_outages(a_db, b_db)
    # and once B has them, importing the file again changes nothing and queues nothing
    again = b_import.run(path)
    assert (again.counts.added, again.counts.updated, again.counts.unchanged) == (0, 0, 3)
    assert b.run_once().pushed_ops == 0
    assert found(b_outages, account="3100000042") == ["TD002"]
    no_conflicts(central_url, a_db, b_db)


def test_a_reimport_with_changes_reaches_the_other_desk(
        tmp_path: Path, desks: Callable[[str], Desk], central_url: str) -> None:
    a_db, a, a_import, _ = desks("WA")
    b_db, b, b_import, b_outages = desks("WB")
    first = write_csv(tmp_path / "list.csv", ROWS)
    a_import.run(first)
    b_import.run(first)
    a.run_once()
    b.run_once()
    a.run_once()
    assert found(b_outages, text="幸福路14号") == ["TD001"]
    # dispatch moves the restore time and drops 幸福路14号
    r = a_import.run(write_csv(tmp_path / "later.csv", LATER))
    assert (r.counts.updated, r.counts.unchanged) == (1, 2)
    assert a.run_once().conflicts == 0
    assert b.run_once().conflicts == 0
    td1 = outage_rows(b_db)["TD001"]
    assert td1[1] == datetime(2026, 11, 23, 13, 30, tzinfo=UTC)  # 21:30 in Shanghai
    same_outages(a_db, b_db)
    assert found(b_outages, text="幸福路14号") == []  # tombstoned, and out of B's address keys
    assert [h.expected_restore for h in b_outages.lookup(LookupQuery(text="幸福路12号")).result(5)] == [
        datetime(2026, 11, 23, 13, 30, tzinfo=UTC)]
    # the old list again on B (which has pulled the change): 幸福路14号 comes back, the same row
    r = b_import.run(first)
    assert r.counts.updated == 1
    assert b.run_once().conflicts == 0
    assert a.run_once().conflicts == 0
    same_outages(a_db, b_db)
    assert central(central_url, "SELECT count(*), count(*) FILTER (WHERE deleted_at IS NULL)"
                                " FROM public.outage_targets") == [(8, 8)]
    assert found(b_outages, text="幸福路14号") == ["TD001"]
    no_conflicts(central_url, a_db, b_db)
