"""One row central refuses for good never stops a desk's sync (issue 19): central
answers its transaction as rejected, the desk keeps it aside as a visible sync
problem (the conflicts list, the status count, an alert for the shift lead),
and everything else flows: later pushes and the pull."""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from sqlalchemy import select

from callcenter.domain.auth.roles import Role
from callcenter.domain.clock import FakeClock
from callcenter.services.alerts.inbox import SHIFT_LEAD, Alerts
from callcenter.services.outages.lookup import Outages
from callcenter.services.sync.conflicts import Choice, Refusal, ResolveRefused, SyncConflicts
from callcenter.services.sync.worker import SyncWorker
from callcenter.store.outage_models import Outage
from callcenter.sync import central
from callcenter.sync.central import CentralClient
from callcenter.sync.outbox_reader import queue_status
from callcenter.sync.protocol import Op, dumps
from tests.fakes import signed_in

from .conftest import with_db
from .desk_sim import central_scalar, desk_url, open_desk, save_ticket


def _lead_url(central_url: str, desk: str) -> str:
    role = central.create_desk_role(central_url, desk, "pw-lead", kind="lead")
    return with_db(central_url, urlsplit(central_url).path.lstrip("/"), role, "pw-lead")


def _bad_outage(clock: FakeClock, desk: str, source_id: str = "TD-NUL") -> Outage:
    """An outage as an import before issue 19 stored it: a NUL byte in a cell."""
    now = clock.utc_now()
    return Outage(source_id=source_id, kind="fault", cause="线路故\x00障", status="active",
                  start_at=now, expected_restore_at=now + timedelta(hours=4), area="江城区幸福路",
                  source="dispatch.csv", updated_at=now, origin_workstation=desk)


def _op(table: str, fields: dict[str, object], tx: str | None = None) -> Op:
    return Op(str(uuid.uuid4()), tx or str(uuid.uuid4()), 1, table, str(uuid.uuid4()), "upsert",
              None, fields, "2026-12-01T00:00:00+00:00")


def test_central_rejects_the_transaction_it_cannot_store_and_applies_the_rest(central_url: str) -> None:
    url = desk_url(central_url, "WS1")
    now = "2026-12-01T00:00:00+00:00"
    banner = {"message": "停电通知", "script": "您好", "raised_by": "9001", "raised_at": now,
              "cleared_at": None, "version": 1, "updated_at": now,
              "deleted_at": None, "origin_workstation": "WS1"}
    good1 = _op("emergency_banners", banner)
    tx_bad = str(uuid.uuid4())
    bad = _op("emergency_banners", {**banner, "message": "停\x00电"}, tx_bad)
    sibling = _op("emergency_banners", banner, tx_bad)  # same transaction: refused with it
    good2 = _op("emergency_banners", banner)
    ops = [good1, bad, sibling, good2]
    with CentralClient(url) as client:
        with pytest.raises(psycopg.errors.UntranslatableCharacter):  # what every push did before
            client._call("SELECT sync.push(%s, %s::jsonb)", ("WS1", dumps(ops)))
        answer = client.push("WS1", ops)
        assert answer["applied"] == [good1.op_id, good2.op_id]
        assert [(r["op_id"], r["cause"], r["code"]) for r in answer["rejected"]] == [
            (bad.op_id, True, "22P05"), (sibling.op_id, False, "22P05")]
        assert answer["duplicate"] is False
        retry = client.push("WS1", ops)  # a lost answer: the same answer, nothing applied twice
        assert retry["duplicate"] is True
        assert retry["applied"] == answer["applied"] and len(retry["rejected"]) == 2
    assert central_scalar(central_url, "SELECT count(*) FROM public.emergency_banners") == 2
    assert central_scalar(central_url, "SELECT count(*) FROM sync.rejected_ops WHERE desk = 'WS1' "
                                       "AND code = '22P05'") == 2


def test_a_constraint_central_refuses_rejects_only_its_transaction(central_url: str) -> None:
    url = desk_url(central_url, "WS1")
    # an update of a row central never had: the partial row cannot be inserted (NOT NULL)
    orphan = Op(str(uuid.uuid4()), str(uuid.uuid4()), 1, "emergency_banners", str(uuid.uuid4()),
                "upsert", 3, {"message": "改", "version": 4}, "2026-12-01T00:00:00+00:00")
    with CentralClient(url) as client:
        answer = client.push("WS1", [orphan])
    assert answer["applied"] == [] and answer["rejected"][0]["code"] == "23502"


def test_one_refused_row_is_held_and_shown_while_the_healthy_rows_flow(
        tmp_path: Path, central_url: str) -> None:
    clock = FakeClock()
    a_url, l_url = desk_url(central_url, "WS1"), _lead_url(central_url, "LEAD1")
    a = open_desk(tmp_path / "a.sqlite3", "WS1", lambda: CentralClient(a_url), clock)
    lead = open_desk(tmp_path / "lead.sqlite3", "LEAD1", lambda: CentralClient(l_url), clock)
    try:
        # before: a healthy ticket, then the poisoned outage, then more healthy work
        first = save_ticket(a, 1)
        a.db.write_now(lambda s: s.add(_bad_outage(clock, "WS1")))
        later = [save_ticket(a, n) for n in (2, 3)]
        # the lead publishes an emergency banner the agent desk must receive
        lead_user = signed_in("9001", Role.SHIFT_LEAD)
        notice = Outages(lead.db, clock, "LEAD1", user=lead_user).raise_emergency(
            "江城区停电", "您好，江城区停电抢修中", "9001").result(timeout=5)
        lead.engine.run_once()

        report = a.engine.run_once()  # no exception: the round finishes
        assert report.caught_up
        # the healthy rows arrived on central; the bad one did not
        tickets = {str(t) for t in (first, *later)}
        on_central = {str(r[0]) for r in psycopg.connect(central_url).execute(
            "SELECT id FROM public.tickets").fetchall()}
        assert tickets <= on_central
        assert central_scalar(central_url, "SELECT count(*) FROM public.outages") == 0
        # the pull ran: the lead's banner is on the agent desk
        shown = Outages(a.db, clock, "WS1", user=signed_in()).current_emergency().result(timeout=5)
        assert shown is not None and shown.id == notice.id
        # nothing is stuck in the queue (the lead's alert went in the same round)
        assert a.db.read_now(queue_status).depth == 0

        # the bad row is held and shown: one sync problem naming the field
        problems = SyncConflicts(a.db, user=signed_in("1024"), workstation="W01").open_list_now()
        (p,) = problems
        assert (p.source, p.table, p.subject) == ("reject", "outages", "TD-NUL")
        assert [f.name for f in p.fields] == ["cause"] and "\x00" in str(p.fields[0].mine)
        assert "22P05" in p.reason and p.rows == 1
        assert p.keep_mine_refusal is Refusal.REJECTED
        # the status bar's numbers count it
        worker = SyncWorker(a.db, a.engine)
        worker._publish()
        assert worker.status().rejected == 1 and worker.status().open_conflicts == 1
        # and the shift lead is told on the lead's desk
        lead.engine.run_once()
        alerts = Alerts(lead.db, clock, "LEAD1", user=signed_in("9001", Role.SHIFT_LEAD)).open_for(
            SHIFT_LEAD).result(timeout=5)
        assert [x.kind for x in alerts] == ["sync_rejected"]
        assert "WS1" in alerts[0].message and "outages" in alerts[0].message

        # more saves keep flowing while the problem is open
        more = save_ticket(a, 4)
        a.engine.run_once()
        assert central_scalar(central_url, "SELECT count(*) FROM public.tickets WHERE id = %s", more) == 1

        # fix and resend: the NUL is removed and the whole row goes again
        svc = SyncConflicts(a.db, now=clock.utc_now, user=signed_in("1024"), workstation="W01")
        with pytest.raises(ResolveRefused):
            svc.resolve(p.id, Choice.MINE, "1024").result(timeout=5)
        svc.resolve(p.id, Choice.RESENT, "1024").result(timeout=5)
        a.engine.run_once()
        assert central_scalar(central_url, "SELECT cause FROM public.outages "
                                           "WHERE source_id = 'TD-NUL'") == "线路故障"
        local = a.db.read_now(lambda s: s.scalar(select(Outage.cause).where(Outage.source_id == "TD-NUL")))
        assert local == "线路故障"
        assert SyncConflicts(a.db, user=signed_in("1024"), workstation="W01").open_list_now() == []
    finally:
        a.close()
        lead.close()
