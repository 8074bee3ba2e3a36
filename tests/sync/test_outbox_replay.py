"""The strongest check of capture: replaying the outbox alone rebuilds every
synced table exactly, after the desk's real services did a shift's work
(sign in, a call with its events and SLA, a ticket with a new customer, a
back-filled call, the ticket lifecycle, a callback task, an alert, sign out)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from callcenter.domain.clock import FakeClock, ManualScheduler
from callcenter.domain.ticket import TicketDraft
from callcenter.domain.ticket_lifecycle import Actor, Role, TicketAction
from callcenter.services.alerts.inbox import Alerts
from callcenter.services.callbacks.queue import Callbacks
from callcenter.services.calls.desk import CallDesk
from callcenter.services.customers.screen_pop import Customers
from callcenter.services.scripts.call_lines import BasicScripts
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database, open_database
from callcenter.services.tickets.entry import Backfill, DispatchRequest, Tickets
from callcenter.services.tickets.workflow import ActionRequest, TicketWorkflow
from callcenter.store.all_models import Base
from callcenter.store.sync_models import SyncOutbox
from callcenter.sync.protocol import to_wire
from callcenter.sync.registry import SYNCED
from callcenter.telephony.port import CallOffered, CallReleased
from tests.fakes import ScriptedTelephony, signed_in
from tests.services.conftest import Posted, Recorder

DRAFT = TicketDraft(
    category="fault_repair", content="家里停电了，邻居家有电", caller_name="张三",
    caller_phone="13800138001", account_no="3100000001", meter_no="3330000000000000000001",
    address="临江市江城区幸福路12号", area_type="urban", priority="soon",
)
AGENT = Actor("1024", Role.AGENT)
REPAIR = Actor("r01", Role.DEPARTMENT, "repair")


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    d = open_database(tmp_path / "desk.sqlite3")
    yield d
    d.close()


def replayed(db: Database) -> dict[str, dict[str, dict[str, Any]]]:
    """Every synced row as the ops describe it (upserts and tombstones merged)."""
    out: dict[str, dict[str, dict[str, Any]]] = {t: {} for t in SYNCED}
    ops = db.read_now(lambda s: list(s.scalars(select(SyncOutbox).order_by(SyncOutbox.seq))))
    for op in ops:
        row = out[op.table_name].setdefault(str(op.row_id), {})
        if op.base_version is None:
            assert not row, f"second insert of {op.table_name} {op.row_id}"
        else:
            assert row.get("version") == op.base_version, (op.table_name, op.fields)
        row.update(op.fields)
    return out


def stored(db: Database) -> dict[str, dict[str, dict[str, Any]]]:
    def read(s: Session) -> dict[str, dict[str, dict[str, Any]]]:
        out: dict[str, dict[str, dict[str, Any]]] = {}
        for name in SYNCED:
            table = Base.metadata.tables[name]
            out[name] = {str(r["id"]): {k: to_wire(v) for k, v in r.items() if k != "id"}
                         for r in s.execute(select(table)).mappings()}
        return out
    return db.read_now(read)


def run_shift(db: Database) -> None:
    """A shift's work through the real services (see the module docstring)."""
    clock = FakeClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    sched = ManualScheduler(clock)
    profile = load_profile()
    tel, posted, rec = ScriptedTelephony(), Posted(), Recorder()
    tickets = Tickets(db, profile, clock, "W01", user=signed_in())
    desk = CallDesk(clock=clock, scheduler=sched, telephony=tel, profile=profile, db=db,
                    tickets=tickets, customers=Customers(db, clock, profile.recent_ticket_days),
                    scripts=BasicScripts(), workstation="W01", post=posted.post)
    desk.add_listener(rec)

    desk.sign_in("1024")
    desk.set_ready()
    tel.send(CallOffered("c1", "13800138001"))
    sched.advance(9.0)
    desk.answer()
    sched.advance(100.0)
    tel.send(CallReleased("c1", by="customer"))
    sched.advance(20.0)
    saved = desk.finish_wrapup(DRAFT, DispatchRequest("repair", 2)).result(timeout=5)
    posted.run_until(lambda: bool(rec.of("ticket_saved")))
    tickets.save(TicketDraft(category="inquiry", content="咨询电价", caller_name="李四",
                             caller_phone="13800138002", address="临江市江城区幸福路14号",
                             area_type="urban", account_no="3100000002",
                             meter_no="3330000000000000000002"),
                 agent_id="1024", register_customer=True).result(5)
    desk.backfill(DRAFT, Backfill(clock.utc_now() - timedelta(hours=3), "13800138003")).result(5)
    posted.run_until(lambda: len(rec.of("ticket_saved")) >= 2)

    wf = TicketWorkflow(db, clock, "W01")
    snap = wf.get(saved.id)
    for action, actor, kw in [
        (TicketAction.ACCEPT, REPAIR, {}),
        (TicketAction.REPLY, REPAIR, {"reply": {"departed_at": "10:00", "arrived_at": "10:35",
                                                "cause": "表后开关跳闸", "restored_at": "10:50",
                                                "result": "已恢复供电"}}),
    ]:
        clock.advance(60.0)
        snap = wf.apply(ActionRequest(snap.id, action, actor, snap.version, **kw))  # type: ignore[arg-type]
    callbacks = Callbacks(db, profile, clock, wf, "W01", user=signed_in())
    assert db.write_now(lambda s: callbacks.enqueue_in(s)) == 1
    alerts = Alerts(db, clock, "W01", user=signed_in())
    alert = alerts.raise_alert("repeat_complaint", "重复投诉", created_by="1024",
                               ticket_id=saved.id).result(5)
    clock.advance(30.0)
    lead = Alerts(db, clock, "W01", user=signed_in("9001", Role.SHIFT_LEAD))  # as on the lead's desk
    lead.acknowledge(alert.id, by="9001").result(5)
    desk.sign_out()
    db.flush()


def test_replaying_the_outbox_rebuilds_every_synced_table(db: Database) -> None:
    run_shift(db)
    have, rebuilt = stored(db), replayed(db)
    written = {t for t, rows in have.items() if rows}
    assert {"tickets", "ticket_events", "call_sessions", "call_events", "agent_shifts",
            "agent_state_events", "customers", "accounts", "callback_tasks",
            "alerts"} <= written
    for table in SYNCED:
        assert rebuilt[table] == have[table], table
    # every transaction of the shift is one push unit with its own tx_id
    txs = db.read_now(lambda s: s.scalars(select(SyncOutbox.tx_id).distinct()).all())
    assert len(txs) >= 10
    assert json.dumps(rebuilt)  # plain JSON all the way down
