"""Reading the outbox for the push: whole transactions in commit order, ops that
round-trip through the wire format, marking pushed, and the status numbers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from callcenter.domain.clock import FakeClock
from callcenter.domain.ticket import TicketDraft
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database, open_database
from callcenter.services.tickets.entry import DispatchRequest, Tickets
from callcenter.store.models import Ticket
from callcenter.store.sync_models import SyncOutbox
from callcenter.sync import outbox_reader as reader
from callcenter.sync.protocol import Op, dumps
from tests.fakes import signed_in

T0 = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
DRAFT = TicketDraft(category="complaint", content="停电太频繁", caller_name="李四",
                    caller_phone="13800138002")


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    d = open_database(tmp_path / "desk.sqlite3")
    yield d
    d.close()


@pytest.fixture
def tickets(db: Database) -> Tickets:
    return Tickets(db, load_profile(), FakeClock(T0), "W01", user=signed_in())


def save(tickets: Tickets, n: int = 1) -> None:
    for _ in range(n):
        tickets.save(DRAFT, agent_id="1024", dispatch=DispatchRequest("marketing", 5)).result(5)


def test_ops_serialise_and_round_trip(db: Database, tickets: Tickets) -> None:
    save(tickets)
    [tx] = db.read_now(lambda s: reader.pending_transactions(s, 10))
    wire = json.loads(dumps(tx))
    assert [Op.from_json(d) for d in wire] == tx
    ticket = wire[0]
    assert set(ticket) == {"op_id", "tx_id", "seq", "table", "row_id", "kind", "base_version",
                           "fields", "at"}
    assert ticket["table"] == "tickets" and ticket["kind"] == "upsert"
    assert ticket["fields"]["caller_name"] == "李四"
    assert ticket["fields"]["deadline_at"].endswith("+00:00")  # explicit UTC
    assert datetime.fromisoformat(ticket["at"]).tzinfo is not None
    assert len({d["op_id"] for d in wire}) == 3


def test_pending_transactions_are_whole_and_in_commit_order(db: Database, tickets: Tickets) -> None:
    save(tickets, 5)

    def update(s: Session) -> None:
        first = s.scalars(select(Ticket).order_by(Ticket.number)).first()
        assert first is not None
        first.status, first.version = "in_progress", first.version + 1

    db.write_now(update)
    txs = db.read_now(lambda s: reader.pending_transactions(s, 100))
    assert len(txs) == 6
    assert [len(t) for t in txs] == [3, 3, 3, 3, 3, 1]
    seqs = [o.seq for t in txs for o in t]
    assert seqs == sorted(seqs)
    assert all(len({o.tx_id for o in t}) == 1 for t in txs)
    assert txs[-1][0].base_version == 1 and txs[-1][0].fields["version"] == 2
    # a limit cuts between transactions, never inside one
    first_two = db.read_now(lambda s: reader.pending_transactions(s, 2))
    assert first_two == txs[:2]


def test_pending_transactions_scan_past_one_read_step(db: Database, tickets: Tickets,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "_SCAN", 2)
    save(tickets, 4)
    txs = db.read_now(lambda s: reader.pending_transactions(s, 3))
    assert [len(t) for t in txs] == [3, 3, 3]
    all_txs = db.read_now(lambda s: reader.pending_transactions(s, 10))
    assert len(all_txs) == 4 and all_txs[:3] == txs


def test_mark_pushed_and_queue_status(db: Database, tickets: Tickets) -> None:
    empty = db.read_now(reader.queue_status)
    assert (empty.depth, empty.transactions, empty.oldest_at) == (0, 0, None)
    assert empty.oldest_age_s(T0) is None
    save(tickets, 3)
    status = db.read_now(reader.queue_status)
    assert (status.depth, status.transactions) == (9, 3)
    assert status.oldest_at is not None
    assert status.oldest_age_s(status.oldest_at + timedelta(seconds=90)) == 90.0
    txs = db.read_now(lambda s: reader.pending_transactions(s, 10))
    done = db.write_now(lambda s: reader.mark_pushed(s, [txs[0][0].tx_id], T0))
    assert done == 3
    assert db.write_now(lambda s: reader.mark_pushed(s, [txs[0][0].tx_id], T0)) == 0  # idempotent
    after = db.read_now(reader.queue_status)
    assert (after.depth, after.transactions) == (6, 2)
    assert after.oldest_at is not None and after.oldest_at >= status.oldest_at
    assert db.read_now(lambda s: reader.pending_transactions(s, 10)) == txs[1:]
    # pruning removes pushed ops only, and seqs are never handed out again
    max_seq = txs[-1][-1].seq
    assert db.write_now(lambda s: reader.prune_pushed(s, T0 + timedelta(seconds=1))) == 3
    db.write_now(lambda s: reader.mark_pushed(s, [t[0].tx_id for t in txs[1:]], T0))
    db.write_now(lambda s: reader.prune_pushed(s, T0 + timedelta(seconds=1)))
    save(tickets)
    [[first, *_]] = db.read_now(lambda s: reader.pending_transactions(s, 10))
    assert first.seq > max_seq


def test_rows_with_pending_ops_are_known(db: Database, tickets: Tickets) -> None:
    save(tickets, 2)
    txs = db.read_now(lambda s: reader.pending_transactions(s, 10))
    a, b = txs[0][0].row_id, txs[1][0].row_id
    assert db.read_now(lambda s: reader.has_pending(s, "tickets", [a, b])) == {a, b}
    assert db.read_now(lambda s: reader.has_pending(s, "ticket_events", [a])) == set()
    db.write_now(lambda s: reader.mark_pushed(s, [txs[0][0].tx_id], T0))
    assert db.read_now(lambda s: reader.has_pending(s, "tickets", [a, b])) == {b}
    assert db.read_now(lambda s: reader.has_pending(s, "tickets", [])) == set()


def test_sync_state_keeps_json_values(db: Database) -> None:
    assert db.read_now(lambda s: reader.get_state(s, reader.CURSOR)) is None
    cursor = {"xmin": 1234, "after": ["a", 3]}
    db.write_now(lambda s: reader.set_state(s, reader.CURSOR, cursor))
    db.write_now(lambda s: reader.set_state(s, reader.DESK_ID, "W01"))
    db.write_now(lambda s: reader.set_state(s, reader.CURSOR, {**cursor, "xmin": 1300}))
    assert db.read_now(lambda s: reader.get_state(s, reader.CURSOR))["xmin"] == 1300
    assert db.read_now(lambda s: reader.get_state(s, reader.DESK_ID)) == "W01"
    # sync's own bookkeeping is never captured as ops
    assert db.read_now(lambda s: s.scalar(select(SyncOutbox.seq))) is None


def test_pending_batch_is_the_wire_json_of_whole_transactions(db: Database, tickets: Tickets) -> None:
    save(tickets, 4)  # 4 transactions of 3 ops
    txs = db.read_now(lambda s: reader.pending_transactions(s, 10))
    batch = db.read_now(lambda s: reader.pending_batch(s, max_ops=7))
    assert batch is not None
    # whole transactions only: 7 ops hold two of them
    assert len(batch.ops) == 6 and batch.tx_ids == [t[0].tx_id.replace("-", "") for t in txs[:2]]
    assert (batch.first_seq, batch.last_seq) == (txs[0][0].seq, txs[1][-1].seq)
    wire = json.loads(batch.ops.payload)
    ops = [o for t in txs[:2] for o in t]
    for got, op in zip(wire, ops, strict=True):
        want = json.loads(dumps([op]))[0]
        assert datetime.fromisoformat(got.pop("at")) == datetime.fromisoformat(want.pop("at"))
        assert got == want
    assert list(batch.ops) == [Op(**{**vars(o), "at": w["at"]}) for o, w in
                               zip(ops, json.loads(batch.ops.payload), strict=True)]
    # the next batch starts after the last seq, without marks
    rest = db.read_now(lambda s: reader.pending_batch(s, max_ops=100, after=batch.last_seq))
    assert rest is not None and len(rest.ops) == 6 and rest.first_seq == txs[2][0].seq
    # a transaction bigger than the batch goes whole; max_txs caps the count
    one = db.read_now(lambda s: reader.pending_batch(s, max_ops=1))
    assert one is not None and len(one.ops) == 3 and len(one.tx_ids) == 1
    three = db.read_now(lambda s: reader.pending_batch(s, max_ops=100, max_txs=3))
    assert three is not None and len(three.tx_ids) == 3
    assert db.write_now(lambda s: reader.mark_pushed_range(s, batch.first_seq, batch.last_seq, T0)) == 6
    assert db.read_now(lambda s: reader.pending_transactions(s, 10)) == txs[2:]
    assert db.read_now(lambda s: reader.pending_batch(s, after=txs[-1][-1].seq)) is None


def test_pending_batch_reads_past_one_step_for_a_big_transaction(db: Database, tickets: Tickets) -> None:
    save(tickets, 2)
    big = db.read_now(lambda s: reader.pending_batch(s, max_ops=2))  # step 3: exactly one transaction
    assert big is not None and len(big.ops) == 3
    both = db.read_now(lambda s: reader.pending_batch(s, max_ops=6))
    assert both is not None and len(both.ops) == 6 and len(both.tx_ids) == 2
