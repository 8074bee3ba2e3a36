"""An outage import queues its sync ops in its own transaction (issues 5 and 6):
inserts, updates, tombstones and revivals of outages and targets, replayable to
exactly what is stored; deterministic ids; demo outages and cancelled imports
queue nothing; the pull hook rebuilds the local address-key index."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, update

from callcenter.domain.clock import FakeClock
from callcenter.services.demo.outages import seed_demo_outages
from callcenter.services.outages.importer import OutageImport
from callcenter.services.outages.records import (
    OUTAGE_NAMESPACE,
    outage_id,
    rebuild_address_keys,
    refresh_lookup_keys,
    target_id,
)
from callcenter.services.storage.database import Database
from callcenter.store.outage_models import Outage, OutageAddressKey, OutageTarget
from callcenter.store.sync_models import SyncOutbox
from callcenter.sync import pull_hooks
from callcenter.sync.outbox import record_ops
from tests.sync.test_outbox_replay import replayed, stored

from .conftest import GOOD_ROWS, NOW, write_csv

CHANGED = [GOOD_ROWS[0].replace("2026-11-23 18:00", "2026-11-23 19:00").replace("、幸福路14号", "")]
OUTAGE_TABLES = ("outages", "outage_targets")


def ops(db: Database, table: str | None = None) -> list[SyncOutbox]:
    q = select(SyncOutbox).order_by(SyncOutbox.seq)
    if table is not None:
        q = q.where(SyncOutbox.table_name == table)
    return db.read_now(lambda s: list(s.scalars(q)))


def live_targets(db: Database) -> dict[tuple[str, str], uuid.UUID]:
    return db.read_now(lambda s: {(t.kind, t.value): t.id for t in s.scalars(
        select(OutageTarget).where(OutageTarget.deleted_at.is_(None)))})


def address_keys(db: Database) -> set[tuple[uuid.UUID, int, str]]:
    return db.read_now(lambda s: {(k.target_id, k.pos, k.key) for k in s.scalars(select(OutageAddressKey))})


def assert_replay_matches(db: Database) -> None:
    got, want = replayed(db), stored(db)
    for table in OUTAGE_TABLES:
        assert got[table] == want[table], table


def test_an_import_queues_every_row_in_one_transaction(tmp_path: Path, importer: OutageImport,
                                                       db: Database) -> None:
    assert importer.run(write_csv(tmp_path / "a.csv", GOOD_ROWS)).ok
    queued = ops(db)
    assert len({o.tx_id for o in queued}) == 1
    assert [o.table_name for o in queued] == ["outages"] * 4 + ["outage_targets"] * 7  # parents first
    outages = [o for o in queued if o.table_name == "outages"]
    targets = [o for o in queued if o.table_name == "outage_targets"]
    assert len(outages) == 4 and len(targets) == len(live_targets(db)) == 7
    assert all(o.kind == "upsert" and o.base_version is None for o in queued)
    td1 = next(o for o in outages if o.fields["source_id"] == "TD001")
    assert td1.row_id == outage_id("TD001") == uuid.uuid5(OUTAGE_NAMESPACE, "TD001")
    assert td1.fields["expected_restore_at"] == "2026-11-23T10:00:00+00:00"
    assert td1.fields["version"] == 1 and td1.fields["origin_workstation"] == "W01"
    assert "id" not in td1.fields and td1.at == NOW
    scope = next(o for o in targets if o.fields.get("value") == "幸福路14号")
    assert scope.row_id == target_id(td1.row_id, "address", "幸福路14号")
    assert scope.fields["outage_id"] == str(td1.row_id) and scope.fields["key"] == "幸福路14号"
    assert_replay_matches(db)
    # the local address-key index is written but never queued
    assert address_keys(db) and not ops(db, "outage_address_keys")


def test_reimport_queues_only_what_changed(tmp_path: Path, importer: OutageImport, db: Database,
                                           clock: FakeClock) -> None:
    path = write_csv(tmp_path / "a.csv", GOOD_ROWS)
    importer.run(path)
    first = len(ops(db))
    assert importer.run(path).counts.unchanged == 4 and len(ops(db)) == first  # nothing new
    clock.advance(60)
    importer.run(write_csv(tmp_path / "b.csv", CHANGED + GOOD_ROWS[1:]))
    new = ops(db)[first:]
    assert len({o.tx_id for o in new}) == 1
    (o,) = [o for o in new if o.table_name == "outages"]
    assert (o.row_id, o.kind, o.base_version) == (outage_id("TD001"), "upsert", 1)
    assert set(o.fields) == {"expected_restore_at", "area", "source", "version", "updated_at"}
    assert o.fields["expected_restore_at"] == "2026-11-23T11:00:00+00:00" and o.fields["version"] == 2
    (t,) = [o for o in new if o.table_name == "outage_targets"]
    gone = target_id(outage_id("TD001"), "address", "幸福路14号")
    assert (t.row_id, t.kind, t.base_version) == (gone, "delete", 1)
    assert t.fields == {"deleted_at": clock.utc_now().isoformat(), "updated_at": clock.utc_now().isoformat(),
                        "version": 2}
    assert gone not in {k[0] for k in address_keys(db)}
    assert_replay_matches(db)
    # the scope comes back: the same row revived, not a second one
    clock.advance(60)
    before = len(ops(db))
    assert importer.run(path).counts.updated == 1
    (back,) = [o for o in ops(db)[before:] if o.table_name == "outage_targets"]
    assert (back.row_id, back.kind, back.base_version) == (gone, "upsert", 2)
    assert back.fields["deleted_at"] is None and back.fields["version"] == 3
    assert live_targets(db)[("address", "幸福路14号")] == gone
    assert gone in {k[0] for k in address_keys(db)}
    assert db.read_now(lambda s: len(list(s.scalars(select(OutageTarget.id).where(
        OutageTarget.value == "幸福路14号"))))) == 1
    assert_replay_matches(db)


def test_two_desks_give_an_imported_file_the_same_ids(tmp_path: Path, db: Database, clock: FakeClock) -> None:
    from callcenter.services.storage.database import open_database

    other = open_database(tmp_path / "other.sqlite3")
    try:
        path = write_csv(tmp_path / "a.csv", GOOD_ROWS)
        OutageImport(db, clock, "W01", "Asia/Shanghai").run(path)
        clock.advance(3600)
        OutageImport(other, clock, "W02", "Asia/Shanghai").run(path)
        assert live_targets(db) == live_targets(other)
        assert address_keys(db) == address_keys(other)
        assert {o.row_id for o in ops(db)} == {o.row_id for o in ops(other)}
    finally:
        other.close()


def test_demo_outages_and_cancelled_imports_queue_nothing(tmp_path: Path, importer: OutageImport,
                                                          db: Database, clock: FakeClock) -> None:
    assert seed_demo_outages(db, clock, "W01") == 6
    assert db.read_now(lambda s: len(list(s.scalars(select(Outage.id))))) == 6
    assert ops(db) == []
    cancel = threading.Event()
    cancel.set()
    assert importer.run(write_csv(tmp_path / "a.csv", GOOD_ROWS), cancel=cancel).cancelled
    assert ops(db) == []


def test_a_legacy_outage_is_sent_whole_when_it_changes(tmp_path: Path, importer: OutageImport,
                                                       db: Database, clock: FakeClock) -> None:
    """Stores from before deterministic ids: a random-id outage central never saw
    goes as a full row (central can create it), its live targets too."""
    path = write_csv(tmp_path / "a.csv", GOOD_ROWS)
    importer.run(path)
    legacy = uuid.uuid4()

    def make_legacy(s: Any) -> None:  # as an old import left it: random ids, no ops
        s.execute(delete(SyncOutbox))
        s.execute(update(OutageTarget).where(OutageTarget.outage_id == outage_id("TD001"))
                  .values(outage_id=legacy))
        s.execute(update(Outage).where(Outage.id == outage_id("TD001")).values(id=legacy))

    db.write_unchecked_now(make_legacy)  # foreign keys off: the ids move
    assert importer.run(path).counts.unchanged == 4 and ops(db) == []  # unchanged: still local
    clock.advance(60)
    importer.run(write_csv(tmp_path / "b.csv", CHANGED + GOOD_ROWS[1:]))
    (o,) = ops(db, "outages")
    assert o.row_id == legacy and o.base_version == 1
    assert set(o.fields) == {c for c in stored(db)["outages"][str(legacy)]}  # every column
    kinds = {(op.kind, op.fields.get("value")) for op in ops(db, "outage_targets")}
    assert kinds == {("upsert", "10kV幸福线"), ("upsert", "江城区幸福路12号"), ("delete", None)}


def test_record_ops_writes_the_rows_the_flush_listener_writes(db: Database) -> None:
    """The bulk path and the ORM path describe the same insert the same way."""
    at = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)

    def orm(s: Any) -> None:
        s.add(Outage(id=outage_id("X1"), source_id="X1", kind="fault", cause="雷击", status="announced",
                     start_at=at, expected_restore_at=at, short_notice=False, area="范围", source="a.csv",
                     updated_at=at, origin_workstation="W01"))

    db.write_now(orm)
    (by_orm,) = ops(db)
    fields = dict(by_orm.fields)
    db.write_now(lambda s: record_ops(s, "outages", [(outage_id("X2"), "upsert", None, {
        **{k: v for k, v in fields.items()}, "source_id": "X2"})], at))
    by_bulk = ops(db)[1]
    assert by_bulk.fields == {**fields, "source_id": "X2"}
    assert by_bulk.op_id.version == 7 and by_bulk.tx_id.version == 7 and by_bulk.op_id != by_orm.op_id
    raw = db.read_now(lambda s: [tuple(r) for r in s.connection().exec_driver_sql(
        "SELECT typeof(op_id), length(op_id), typeof(row_id), length(row_id), typeof(at), at"
        " FROM sync_outbox ORDER BY seq")])
    assert raw[0][:5] == raw[1][:5]


def test_the_pull_hook_rebuilds_address_keys_of_pulled_targets(tmp_path: Path, importer: OutageImport,
                                                              db: Database) -> None:
    assert rebuild_address_keys in pull_hooks.registered("outage_targets")
    importer.run(write_csv(tmp_path / "a.csv", GOOD_ROWS))
    before = address_keys(db)
    tid = live_targets(db)[("address", "滨湖区翠湖苑5栋")]

    def as_a_pull_leaves_it(s: Any) -> None:  # raw rows written, the index not
        s.execute(delete(OutageAddressKey))
        s.execute(update(OutageTarget).where(OutageTarget.id == tid).values(key="stale"))

    db.write_now(as_a_pull_leaves_it)
    rows = [{"table": "outage_targets", "row": {"id": str(t)}} for t in live_targets(db).values()]
    db.write_now(lambda s: pull_hooks.run_after_pull(s, rows))
    assert address_keys(db) == before
    key = db.read_now(lambda s: s.scalar(select(OutageTarget.key).where(OutageTarget.id == tid)))
    assert key == "翠湖苑5号楼"
    db.write_now(lambda s: s.execute(delete(OutageAddressKey)))
    assert db.write_now(refresh_lookup_keys) == len(before)
    assert address_keys(db) == before


def test_upgrading_a_store_rebuilds_address_keys_written_the_old_way(
        tmp_path: Path, importer: OutageImport, db: Database) -> None:
    """Migration 0012: scopes stored before the numeral rule get today's keys."""
    from callcenter.store import migrate

    importer.run(write_csv(tmp_path / "a.csv", GOOD_ROWS))
    before = address_keys(db)
    tid = live_targets(db)[("address", "滨湖区翠湖苑5栋")]
    queued = len(ops(db))
    migrate.downgrade(db.write_engine, "0011")

    def as_an_old_version_left_it(s: Any) -> None:
        s.execute(delete(OutageAddressKey))
        s.execute(update(OutageTarget).where(OutageTarget.id == tid).values(key="stale"))

    db.write_now(as_an_old_version_left_it)
    migrate.upgrade(db.write_engine)
    assert address_keys(db) == before
    assert db.read_now(lambda s: s.scalar(select(OutageTarget.key).where(OutageTarget.id == tid))) \
        == "翠湖苑5号楼"
    assert len(ops(db)) == queued  # local only: nothing to push
