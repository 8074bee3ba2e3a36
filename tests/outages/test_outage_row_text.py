"""The import's hand-built store and sync text (services/outages/row_text.py)
is exactly what the general path writes: ids as ``uuid5``, times as
``to_wire`` and the store's text, op fields as ``dump_fields`` text, whether
Python makes it (a re-import) or SQLite's ``json_object`` (a first import)."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from callcenter.services.outages.importer import OutageImport
from callcenter.services.outages.records import COLUMNS_OF, OUTAGE_NAMESPACE
from callcenter.services.outages.row_text import (
    new_outage_fields,
    new_target_fields,
    outage_row_fields,
    store_time,
    target_row_fields,
    uuid5_hex,
    wire_of_store,
    wire_time,
)
from callcenter.services.storage.database import Database
from callcenter.store.sync_models import dump_fields
from callcenter.sync.protocol import to_wire

from .conftest import GOOD_ROWS, write_csv

NASTY = ["plain", 'a "quoted" word', "back\\slash", "tab\tline\nreturn\r", "\x01\x1f\x7f", "\u2028\u2029",
         "停电、；：“引号”", "emoji 😀", "", "{\"id\":1}"]
TIMES = [datetime(2026, 11, 23, 8, 0, tzinfo=UTC), datetime(2026, 11, 23, 8, 0, 0, 120, tzinfo=UTC),
         datetime(2026, 11, 23, 16, 30, tzinfo=ZoneInfo("Asia/Shanghai")),
         datetime(2026, 11, 23, 16, 30, 5, 999999, tzinfo=timezone(timedelta(hours=-3))),
         datetime(2026, 11, 23, 8, 0, tzinfo=ZoneInfo("UTC")),
         datetime(1999, 1, 1, tzinfo=ZoneInfo("Europe/London"))]


def test_ids_are_uuid5() -> None:
    for name in ("TD001", "停电编号9", ""):
        assert uuid5_hex(OUTAGE_NAMESPACE.bytes, name) == uuid.uuid5(OUTAGE_NAMESPACE, name).hex


@pytest.mark.parametrize("t", TIMES)
def test_times_as_the_wire_and_the_store_write_them(t: datetime) -> None:
    w = wire_time(t)
    assert w == to_wire(t)
    assert store_time(w) == t.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
    assert wire_of_store(store_time(w)) == w
    assert wire_time(None) is None and store_time(None) is None
    with pytest.raises(ValueError, match="naive"):
        wire_time(t.replace(tzinfo=None))


@pytest.mark.parametrize("text", NASTY)
def test_op_fields_are_the_text_dump_fields_writes(text: str) -> None:
    start, end = wire_time(TIMES[0]), wire_time(TIMES[1])
    want = {"source_id": text, "version": 1, "updated_at": end, "deleted_at": None,
            "origin_workstation": text, "kind": "planned", "cause": text, "status": "announced",
            "start_at": start, "expected_restore_at": end, "actual_restore_at": None, "announced_at": start,
            "short_notice": True, "area": text, "source": text}
    got = new_outage_fields(text, end or "", text, "planned", text, "announced", start, end, None, start,
                            True, text, text)
    assert got == dump_fields(want)
    target = {"outage_id": str(OUTAGE_NAMESPACE), "kind": "address", "value": text, "key": text, "version": 1,
              "updated_at": end, "deleted_at": None, "origin_workstation": text}
    assert new_target_fields(str(OUTAGE_NAMESPACE), "address", text, text, end or "", text) == \
        dump_fields(target)
    con = sqlite3.connect(":memory:")  # what record_row_ops' json_object makes of it
    assert con.execute("SELECT json_object('k', ?)", (text,)).fetchone()[0] == dump_fields({"k": text})


def test_sqlite_made_ops_equal_the_python_made_text(tmp_path: Path, importer: OutageImport,
                                                    db: Database) -> None:
    rows = [*GOOD_ROWS, 'TD009,计划停电,"引号""和\\反斜杠",2026-11-23 08:00:00,2026-11-23 18:00,,,,,'
            "江城区幸福路1号,2026-11-23 07:30"]
    assert importer.run(write_csv(tmp_path / "a.csv", rows)).ok
    con = sqlite3.connect(db.path)
    try:
        for table, fields in (("outages", outage_row_fields), ("outage_targets", target_row_fields)):
            stored = {r[0]: r for r in con.execute(f"SELECT {', '.join(COLUMNS_OF[table])} FROM {table}")}
            ops = con.execute("SELECT row_id, kind, base_version, fields FROM sync_outbox "
                              "WHERE table_name = ? ORDER BY seq", (table,)).fetchall()
            assert [op[0] for op in ops] == sorted(stored)  # one op per row, in id order
            for row_id, kind, base, text in ops:
                assert (kind, base, text) == ("upsert", None, fields(stored[row_id]))
    finally:
        con.close()
