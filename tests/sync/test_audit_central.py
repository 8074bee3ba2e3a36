"""The audit log on central (c0009): desks push their chains through the real
sync engine, central checks each desk's chain as rows arrive and raises an alert
for the shift lead at a break, lead desks pull everyone's records, and
``callcenter audit verify --central`` checks the chains central holds."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psycopg
import pytest

from callcenter.cli import main as cli_main
from callcenter.domain.audit import ZERO_HASH, AuditAction, AuditEntry, canonical_payload, chain_hash
from callcenter.domain.auth.roles import Role
from callcenter.domain.clock import FakeClock
from callcenter.services.alerts.inbox import SHIFT_LEAD, Alerts
from callcenter.services.audit.log import AuditLog
from callcenter.services.audit.verify import verify_central, verify_store
from callcenter.sync import central
from callcenter.sync.central import CentralClient
from callcenter.sync.central_names import AUDIT_ALERT_KIND
from tests.fakes import signed_in

from .central_ops import T0, new_row_id, op, pull_all, register_desk
from .conftest import with_db
from .desk_sim import Desk, open_desk

SQLISH = "x'); DELETE FROM public.audit_log; --"


def _url(central_url: str, desk: str, kind: str, team: str | None = "T1") -> str:
    password = f"pw-{desk.lower()}"
    role = central.create_desk_role(central_url, desk, password, team=team, kind=kind)
    return with_db(central_url, urlsplit(central_url).path.lstrip("/"), role, password)


def _desk(tmp_path: Path, central_url: str, name: str, kind: str, clock: FakeClock) -> Desk:
    url = _url(central_url, name, kind)
    (tmp_path / name).mkdir()
    return open_desk(tmp_path / name / "desk.sqlite3", name, lambda: CentralClient(url), clock)


def _audit_alerts(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT message FROM public.alerts WHERE kind = %s ORDER BY created_at, message",
                            (AUDIT_ALERT_KIND,)).fetchall()
    return [r[0] for r in rows]


def _records(log: AuditLog, n: int, clock: FakeClock, subject: str = "s") -> None:
    for i in range(n):
        clock.advance(1)
        log.record(AuditAction.EXPORT, user_id="1001", subject=f"{subject} {i + 1}",
                   detail={"rows": str(i)}).result()


def test_intact_chains_reach_central_and_lead_desks(tmp_path: Path, central_url: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    clock = FakeClock()
    agent = _desk(tmp_path, central_url, "A1", "agent", clock)
    other = _desk(tmp_path, central_url, "A2", "agent", clock)
    lead = _desk(tmp_path, central_url, "L1", "lead", clock)
    try:
        _records(AuditLog(agent.db, clock, "A1"), 3, clock, SQLISH)
        _records(AuditLog(other.db, clock, "A2"), 2, clock)
        assert agent.engine.run_once().pushed_ops == 3
        assert other.engine.run_once().pushed_ops == 2
        # pushed again in a later round: a row central has is not checked twice
        _records(AuditLog(agent.db, clock, "A1"), 1, clock)
        agent.engine.run_once()
        lead.engine.run_once()
        other.engine.run_once()
        assert _audit_alerts(central_url) == []
        report = verify_central(central_url)
        assert (report.intact, report.records, report.desks) == (True, 6, 2)
        # the lead desk has every desk's chain, an agent desk only its own
        lead_report = verify_store(lead.db)
        assert (lead_report.intact, lead_report.records, lead_report.desks) == (True, 6, 2)
        assert verify_store(other.db).records == 2
        entries = AuditLog(lead.db, clock, "L1").recent(desk="A1").result()
        assert [e.entry.subject for e in entries if e.entry][-1] == f"{SQLISH} 1"
    finally:
        for d in (agent, other, lead):
            d.close()
    assert cli_main(["audit", "verify", "--central", central_url]) == 0
    assert capsys.readouterr().out == "intact: 6 records (2 desks)\n"


def test_a_desk_that_pushes_a_broken_chain_raises_an_alert_for_the_lead(
        tmp_path: Path, central_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    clock = FakeClock()
    agent = _desk(tmp_path, central_url, "A1", "agent", clock)
    lead = _desk(tmp_path, central_url, "L1", "lead", clock)
    try:
        _records(AuditLog(agent.db, clock, "A1"), 4, clock)
        agent.db.flush()
        # someone deletes record 2 and its queued op from the desk's file before it syncs
        con = sqlite3.connect(agent.path)
        with con:
            con.execute("DELETE FROM sync_outbox WHERE row_id = (SELECT id FROM audit_log WHERE seq = 2)")
            con.execute("DELETE FROM audit_log WHERE seq = 2")
        con.close()
        assert agent.engine.run_once().pushed_ops == 3
        assert _audit_alerts(central_url) == [
            "审计日志被篡改 (audit log tampered): desk A1, record 2: missing (deleted): "
            "record 3 arrived without it"]
        lead.engine.run_once()
        lead_alerts = Alerts(lead.db, clock, "L1", user=signed_in("9001", Role.SHIFT_LEAD))
        alerts = lead_alerts.open_for(SHIFT_LEAD).result()
        assert [(a.kind, a.created_by) for a in alerts] == [(AUDIT_ALERT_KIND, "central")]
        assert "desk A1, record 2" in alerts[0].message
        assert not verify_store(lead.db).intact
    finally:
        agent.close()
        lead.close()
    assert cli_main(["audit", "verify", "--central", central_url]) == 1
    assert capsys.readouterr().out == (
        "record 2: missing (deleted): the chain goes from record 1 to 3 (desk A1)\n")


def _link(desk: str, seq: int, prev: str, subject: str = "s") -> dict[str, Any]:
    payload = canonical_payload(AuditEntry(desk, seq, central_dt(), "1001", "export", subject, {}))
    return {"desk": desk, "seq": seq, "prev_hash": prev, "hash": chain_hash(prev, payload),
            "payload": payload, "version": 1, "updated_at": T0, "deleted_at": None,
            "origin_workstation": desk}


def central_dt() -> Any:
    from datetime import datetime
    return datetime.fromisoformat(T0)


def test_central_names_each_kind_of_break(central_url: str) -> None:
    for desk in ("D1", "D2", "D3", "D4"):
        register_desk(central_url, desk)
    with CentralClient(central_url) as client:
        r1 = _link("D1", 1, ZERO_HASH)
        r2 = _link("D1", 2, r1["hash"])
        changed = dict(r2, payload=r2["payload"].replace('"s"', '"t"'))
        client.push("D1", [op("audit_log", new_row_id(), r1, seq=1),
                           op("audit_log", new_row_id(), changed, seq=2)])
        a1 = _link("D2", 1, ZERO_HASH)
        client.push("D2", [op("audit_log", new_row_id(), a1, seq=1),
                           op("audit_log", new_row_id(), _link("D2", 1, ZERO_HASH, "again"), seq=2),
                           op("audit_log", new_row_id(), _link("D2", 2, "b" * 64), seq=3)])
        client.push("D3", [op("audit_log", new_row_id(), _link("D3", 1, "c" * 64), seq=1)])
        client.push("D4", [op("audit_log", new_row_id(), dict(_link("D1", 3, r2["hash"]),
                                                              origin_workstation="D4"))])
    assert set(_audit_alerts(central_url)) == {
        f"审计日志被篡改 (audit log tampered): {m}" for m in (
            "desk D1, record 2: changed: its hash does not match its contents",
            "desk D2, record 1: inserted: a second record 1",
            "desk D2, record 2: wrong prev hash: not the hash of record 1",
            "desk D3, record 1: wrong prev hash: the first record must carry 64 zeros",
            "desk D1, record 3: claims desk D1 but came from desk D4",
        )}


def test_stored_records_cannot_be_changed_or_deleted(central_url: str) -> None:
    register_desk(central_url, "D1")
    rid = new_row_id()
    row = _link("D1", 1, ZERO_HASH)
    with CentralClient(central_url) as client:
        client.push("D1", [op("audit_log", rid, row)])
        client.push("D1", [op("audit_log", rid, {"deleted_at": T0, "version": 2}, kind="delete", base=1)])
    with psycopg.connect(central_url) as conn:
        conn.execute("UPDATE public.audit_log SET payload = 'x' WHERE id = %s", (rid,))
        conn.execute("DELETE FROM public.audit_log WHERE id = %s", (rid,))
        assert conn.execute("SELECT payload, deleted_at FROM public.audit_log WHERE id = %s",
                            (rid,)).fetchone() == (row["payload"], None)
    assert sorted(_audit_alerts(central_url)) == sorted(
        "审计日志被篡改 (audit log tampered): desk D1, record 1: " + m for m in (
            "deleted: refused, the record is kept",  # the tombstone the desk pushed
            "changed: refused, the record is kept as it came",
            "deleted: refused, the record is kept"))
    assert verify_central(central_url).intact


def test_who_pulls_audit_rows(central_url: str) -> None:
    for desk, kind in (("A1", "agent"), ("A2", "agent"), ("L1", "lead"), ("Q1", "qa"), ("AD", "admin")):
        register_desk(central_url, desk, "T1", kind)
    ids = {desk: new_row_id() for desk in ("A1", "A2")}
    with CentralClient(central_url) as client:
        for desk, rid in ids.items():
            client.push(desk, [op("audit_log", rid, _link(desk, 1, ZERO_HASH))])
        got = {desk: {r["row"]["id"] for r in pull_all(client, desk)[0] if r["table"] == "audit_log"}
               for desk in ("A1", "A2", "L1", "Q1", "AD")}
    assert got == {"A1": {ids["A1"]}, "A2": {ids["A2"]}, "L1": set(ids.values()), "Q1": set(),
                   "AD": set(ids.values())}


def test_a_desk_role_cannot_raise_audit_alerts_or_read_the_log(central_url: str) -> None:
    url = _url(central_url, "A1", "agent")
    with psycopg.connect(url) as conn:
        for statement in ("SELECT sync.audit_alert('A2', 1, 'forged')",
                          "SELECT count(*) FROM public.audit_log"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
            conn.rollback()
    assert _audit_alerts(central_url) == []
