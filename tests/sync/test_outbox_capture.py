"""The outbox captures every ORM write to a synced table in the write's own
transaction, on a real SQLite file through the Database's writer sessions."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from callcenter.domain.clock import FakeClock
from callcenter.domain.ticket import TicketDraft
from callcenter.domain.ticket_lifecycle import Actor, Role, TicketAction
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database, StoreFailure, open_database
from callcenter.services.tickets.entry import DispatchRequest, Tickets
from callcenter.services.tickets.workflow import ActionRequest, TicketWorkflow
from callcenter.store.models import Ticket, TicketEvent, TicketSequence
from callcenter.store.sync_models import SyncOutbox
from callcenter.sync.outbox import capture_suspended
from tests.fakes import signed_in

T0 = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
DRAFT = TicketDraft(category="fault_repair", content="停电", caller_phone="13800138001",
                    address="临江市江城区幸福路12号", area_type="urban", priority="soon")


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    d = open_database(tmp_path / "desk.sqlite3")
    yield d
    d.close()


@pytest.fixture
def tickets(db: Database) -> Tickets:
    return Tickets(db, load_profile(), FakeClock(T0), "W01", user=signed_in())


def outbox(db: Database) -> list[SyncOutbox]:
    return db.read_now(lambda s: list(s.scalars(select(SyncOutbox).order_by(SyncOutbox.seq))))


def test_ticket_save_writes_its_ops_in_the_same_transaction(db: Database, tickets: Tickets) -> None:
    saved = tickets.save(DRAFT, agent_id="1024", dispatch=DispatchRequest("repair", 1)).result(5)
    ops = outbox(db)
    assert [(o.table_name, o.kind) for o in ops] == [
        ("tickets", "upsert"), ("ticket_events", "upsert"), ("ticket_events", "upsert")]
    assert len({o.tx_id for o in ops}) == 1  # one local transaction, one push unit
    assert [o.seq for o in ops] == sorted(o.seq for o in ops)
    ticket_op = ops[0]
    assert ticket_op.row_id == saved.id and ticket_op.base_version is None
    f = ticket_op.fields
    assert f["number"] == saved.number and f["status"] == "dispatched" and f["version"] == 1
    assert f["created_at"] == T0.isoformat() and "id" not in f  # the id is row_id
    assert f["call_id"] is None and f["backfilled"] is False
    event_ids = db.read_now(lambda s: set(s.scalars(select(TicketEvent.id))))
    assert {o.row_id for o in ops[1:]} == event_ids
    assert {o.fields["ticket_id"] for o in ops[1:]} == {str(saved.id)}
    # the local-only ticket sequence is written but never captured
    assert db.read_now(lambda s: s.scalar(select(TicketSequence.last_seq))) == 1


def test_each_transaction_gets_its_own_tx_id(db: Database, tickets: Tickets) -> None:
    for _ in range(3):
        tickets.save(DRAFT, agent_id="1024").result(5)
    ops = outbox(db)
    txs = list(dict.fromkeys(o.tx_id for o in ops))
    assert len(txs) == 3 and all(t.version == 7 for t in txs)  # UUIDv7
    assert txs == sorted(txs)  # time-ordered, like the seqs


def test_update_carries_changed_fields_and_the_version_it_was_made_on(
        db: Database, tickets: Tickets) -> None:
    tid = tickets.save(DRAFT, agent_id="1024").result(5).id
    wf = TicketWorkflow(db, FakeClock(T0 + timedelta(minutes=5)), "W01")
    snap = wf.get(tid)
    wf.apply(ActionRequest(tid, TicketAction.DISPATCH, Actor("1024", Role.AGENT), snap.version,
                           department="repair"))
    ops = [o for o in outbox(db) if o.table_name == "tickets"]
    assert len(ops) == 2
    update = ops[1]
    assert update.kind == "upsert" and update.base_version == 1
    # only what changed: status, department, the profile's deadline (every dispatch
    # carries one, issue 17), version, updated_at
    assert set(update.fields) == {"status", "department", "deadline_at", "version", "updated_at"}
    assert update.fields["version"] == 2 and update.fields["status"] == "dispatched"
    assert update.fields["updated_at"] == (T0 + timedelta(minutes=5)).isoformat()
    assert update.tx_id != ops[0].tx_id


def test_setting_an_unchanged_value_records_nothing(db: Database, tickets: Tickets) -> None:
    tid = tickets.save(DRAFT, agent_id="1024").result(5).id
    before = len(outbox(db))

    def touch(s: Session) -> None:
        t = s.get(Ticket, tid)
        assert t is not None
        t.status = t.status  # dirty in the session, no change in the row

    db.write_now(touch)
    assert len(outbox(db)) == before


def test_a_failed_transaction_leaves_no_ops(db: Database, tickets: Tickets) -> None:
    def boom(s: Session) -> None:
        tickets.save_in(s, DRAFT, agent_id="1024")
        s.flush()  # ops are in the transaction now
        raise RuntimeError("the save failed after its flush")

    with pytest.raises(RuntimeError):
        db.write_now(boom)

    def dup(s: Session) -> None:
        tickets.save_in(s, DRAFT, agent_id="1024")
        s.flush()
        s.add(Ticket(**{**_ticket_fields(s), "id": uuid.uuid4()}))  # same number: unique fails

    with pytest.raises(StoreFailure):
        db.write_now(dup)
    assert outbox(db) == []
    assert db.read_now(lambda s: s.scalar(select(Ticket.id))) is None


def _ticket_fields(s: Session) -> dict[str, Any]:
    t = s.scalars(select(Ticket)).one()
    return {c.key: getattr(t, c.key) for c in Ticket.__table__.columns}


def test_a_rolled_back_savepoint_takes_its_ops_with_it(db: Database, tickets: Tickets) -> None:
    def body(s: Session) -> None:
        tickets.save_in(s, DRAFT, agent_id="1024")
        nested = s.begin_nested()
        tickets.save_in(s, DRAFT, agent_id="1024")
        s.flush()
        nested.rollback()

    db.write_now(body)
    ops = outbox(db)
    assert db.read_now(lambda s: len(s.scalars(select(Ticket.id)).all())) == 1
    assert [o.table_name for o in ops] == ["tickets", "ticket_events"]
    assert len({o.tx_id for o in ops}) == 1


def test_delete_becomes_a_tombstone_op(db: Database, tickets: Tickets) -> None:
    saved = tickets.save(DRAFT, agent_id="1024").result(5)

    def soft(s: Session) -> None:
        e = s.scalars(select(TicketEvent)).one()
        e.deleted_at, e.version = T0, e.version + 1

    db.write_now(soft)
    soft_op = outbox(db)[-1]
    assert soft_op.kind == "delete" and soft_op.base_version == 1
    assert soft_op.fields == {"deleted_at": T0.isoformat(), "version": 2}

    def hard(s: Session) -> None:
        for e in s.scalars(select(TicketEvent)):
            s.delete(e)
        t = s.get(Ticket, saved.id)
        s.delete(t)

    db.write_now(hard)
    ops = outbox(db)[-2:]
    assert [(o.table_name, o.kind) for o in ops] == [("ticket_events", "delete"), ("tickets", "delete")]
    assert ops[1].row_id == saved.id and ops[1].base_version == 1
    assert ops[1].fields["version"] == 2 and ops[1].fields["deleted_at"]


def test_writes_from_central_are_not_echoed(db: Database, tickets: Tickets) -> None:
    tid = tickets.save(DRAFT, agent_id="1024").result(5).id
    before = len(outbox(db))

    def apply_pulled(s: Session) -> None:
        with capture_suspended(s):
            t = s.get(Ticket, tid)
            assert t is not None
            t.status, t.version = "in_progress", 5
            s.flush()

    db.write_now(apply_pulled)
    assert len(outbox(db)) == before


def test_raw_sql_is_not_captured_as_documented(db: Database, tickets: Tickets) -> None:
    tickets.save(DRAFT, agent_id="1024").result(5)
    con = sqlite3.connect(db.path)
    try:
        con.execute("UPDATE tickets SET status = 'archived'")
        con.commit()
    finally:
        con.close()
    assert len(outbox(db)) == 2  # the save's ticket + event only


def test_two_flushes_in_one_transaction_chain_their_versions(db: Database,
                                                             tickets: Tickets) -> None:
    tid = tickets.save(DRAFT, agent_id="1024").result(5).id

    def twice(s: Session) -> None:
        t = s.get(Ticket, tid)
        assert t is not None
        t.status, t.version = "dispatched", t.version + 1
        s.flush()
        t.status, t.version = "in_progress", t.version + 1

    db.write_now(twice)
    a, b = outbox(db)[-2:]
    assert (a.base_version, a.fields) == (1, {"status": "dispatched", "version": 2})
    assert (b.base_version, b.fields) == (2, {"status": "in_progress", "version": 3})
    assert a.tx_id == b.tx_id and a.seq < b.seq


@pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SADeprecationWarning")  # flush(objects)
def test_a_partial_flush_records_only_what_it_wrote(db: Database, tickets: Tickets) -> None:
    saved = tickets.save(DRAFT, agent_id="1024").result(5)

    def partial(s: Session) -> None:
        t = s.get(Ticket, saved.id)
        assert t is not None
        e = TicketEvent(ticket_id=saved.id, kind="urge", actor="1024", at=T0, data={},
                        updated_at=T0, origin_workstation="W01")
        s.add(e)
        t.status, t.version = "dispatched", t.version + 1
        s.flush([t])  # the event waits for the commit's flush
        with s.no_autoflush:
            assert [o.table_name for o in s.scalars(
                select(SyncOutbox).where(SyncOutbox.seq > 2))] == ["tickets"]

    db.write_now(partial)
    assert [o.table_name for o in outbox(db)[2:]] == ["tickets", "ticket_events"]


def test_every_new_sessionmaker_gets_the_listener() -> None:
    """``event.contains`` keys on id(target): a dead sessionmaker's listener can
    seem present on a new one at the same address. The outbox must not trust it."""
    import gc

    from sqlalchemy.orm import sessionmaker

    from callcenter.sync import outbox as ob

    for i in range(1000):
        sm: sessionmaker[Session] = sessionmaker()
        ob.install_outbox(sm)
        ob.install_outbox(sm)  # idempotent
        with sm() as s:
            assert list(s.dispatch.after_flush).count(ob._after_flush) == 1, i
        if i % 50 == 0:
            gc.collect()


def test_one_session_two_transactions_two_tx_ids(db: Database, tickets: Tickets) -> None:
    from callcenter.store.engine import make_sessionmaker
    from callcenter.sync.outbox import install_outbox

    sessions = make_sessionmaker(db.write_engine)
    install_outbox(sessions)
    with sessions() as s:
        with s.begin():
            tickets.save_in(s, DRAFT, agent_id="1024")
        with s.begin():
            tickets.save_in(s, DRAFT, agent_id="1024")
    ops = outbox(db)
    assert len(ops) == 4 and len({o.tx_id for o in ops}) == 2
    assert ops[0].tx_id == ops[1].tx_id != ops[2].tx_id == ops[3].tx_id
