"""The outbox's ops are what central's ``sync.push`` takes: a shift's worth of
real local transactions, pushed one by one in order, leave central with the
same rows as the desk (a contract check of both sides on a real PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest

from callcenter.services.storage.database import Database, open_database
from callcenter.sync import outbox_reader as reader
from callcenter.sync.central import CentralClient
from callcenter.sync.registry import SYNCED

from .test_outbox_replay import run_shift, stored

# central owns these (protocol: it bumps the version on every applied op)
CENTRAL_OWNED = {"version"}


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    d = open_database(tmp_path / "desk.sqlite3")
    yield d
    d.close()


def ack(db: Database, tx_id: str) -> None:
    db.write_now(lambda s: reader.mark_pushed(s, [tx_id], datetime.now(UTC)))


def _central_rows(url: str, table: str) -> dict[str, dict[str, Any]]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(f"SELECT to_jsonb(t) FROM public.{table} t").fetchall()
    return {str(r[0]["id"]): r[0] for r in rows}


def test_a_shift_pushed_from_the_outbox_lands_on_central_as_it_is_on_the_desk(
        db: Database, central_url: str) -> None:
    run_shift(db)
    pushed = 0
    with CentralClient(central_url) as client:
        while txs := db.read_now(lambda s: reader.pending_transactions(s, 50)):
            for ops in txs:
                result = client.push("W01", ops)
                assert result["conflicts"] == [] and not result["duplicate"], result
                assert set(result["applied"]) <= {o.op_id for o in ops}
                ack(db, ops[0].tx_id)
                pushed += len(ops)
    assert pushed > 30 and db.read_now(reader.queue_status).depth == 0
    local = stored(db)
    for table in SYNCED:
        central = _central_rows(central_url, table)
        assert set(central) == set(local[table]), table
        for rid, row in local[table].items():
            got = {k: central[rid].get(k) for k in row if k not in CENTRAL_OWNED}
            want = {k: v for k, v in row.items() if k not in CENTRAL_OWNED}
            assert got == want, (table, rid)
