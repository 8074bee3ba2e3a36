"""The handover across desks through a real central: agents mark events and write
summaries, the outgoing lead submits (while central is unreachable: it syncs
later), the incoming lead on another desk confirms with their password, a
second lead is told who confirmed and when, addenda and the chase reach the
agent's desk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from callcenter.bench.seed import seed_tickets
from callcenter.domain.audit.chain import AuditAction
from callcenter.domain.auth.roles import Role
from callcenter.domain.handover.record import EntryKind, RecordState
from callcenter.services.audit.log import recent_in
from callcenter.services.handover.compile import compile_in
from callcenter.services.handover.records import HandoverRecords, HandoverRefused
from callcenter.services.handover.shift import ShiftHandover
from callcenter.services.storage.database import Database, open_database
from callcenter.services.sync.engine import SyncEngine
from callcenter.store.handover_models import HandoverRecord
from callcenter.sync.central import CentralClient
from tests.fakes import signed_in
from tests.handover.helpers import NOW, PROFILE, add_users, clock, info_at, password

DESKS = ("AGENT1", "LEADOUT", "LEADIN")


@pytest.fixture
def desks(tmp_path: Path, central_url: str) -> Iterator[dict[str, tuple[Database, SyncEngine]]]:
    out = {}
    for name in DESKS:
        db = open_database(tmp_path / f"{name}.sqlite3")
        add_users(db, name)
        out[name] = (db, SyncEngine(db, name, lambda: CentralClient(central_url)))
    seed_tickets(tmp_path / "LEADOUT.sqlite3", 40, PROFILE, days=3, now=NOW)
    yield out
    for db, engine in out.values():
        engine.close()
        db.close()


def _sync(desks: dict[str, tuple[Database, SyncEngine]], *names: str) -> None:
    for n in names:
        desks[n][1].run_once()


def test_a_record_crosses_desks_and_is_confirmed_once(
        desks: dict[str, tuple[Database, SyncEngine]]) -> None:
    c = clock()
    info = info_at()
    a_db, out_db, in_db = (desks[n][0] for n in DESKS)
    # an agent marks a Q71 event and writes the summary; they reach the outgoing lead
    agent = ShiftHandover(a_db, c, "AGENT1", PROFILE.handover, user=signed_in("1001"))
    ev = agent.mark_event(info, "emergency", "幸福路集体投诉，5人来电", "collective_complaint").result(5)
    agent.write_summary(info, "本班受理42件，2件待回访").result(5)
    _sync(desks, "AGENT1", "LEADOUT")
    lead_out = signed_in("9001", Role.SHIFT_LEAD)
    ShiftHandover(out_db, c, "LEADOUT", PROFILE.handover, user=lead_out).report_event(ev).result(5)
    compiled = out_db.read_now(lambda s: compile_in(s, PROFILE, info, NOW))
    (event,) = compiled.sections["events"]
    assert (event["id"], event["report"], event["reported_by"]) == (ev, "in_time", "9001")
    assert [s["text"] for s in compiled.sections["other"]] == ["本班受理42件，2件待回访"]
    overdue = [i for i in compiled.sections["follow_up"] if "overdue" in i["reasons"]]
    assert overdue, "the seeded tickets of three days ago are overdue"

    # the outgoing lead drafts and submits with central unreachable (no sync yet)
    recs_out = HandoverRecords(out_db, c, "LEADOUT", user=lead_out)
    draft = recs_out.open_draft(info, compiled).result(5)
    assert draft.state is RecordState.DRAFT
    sub = recs_out.submit(draft.id, {"weather": "傍晚有雷阵雨", "other": "空调故障已报修"}).result(5)
    assert sub.state is RecordState.SUBMITTED and sub.texts["weather"] == "傍晚有雷阵雨"
    with pytest.raises(HandoverRefused) as ro:
        recs_out.save_texts(sub.id, {"weather": "改"}).result(5)
    assert ro.value.code == "read_only"

    # later the desks sync; the incoming lead, on another desk, reads and confirms
    _sync(desks, "LEADOUT", "LEADIN")
    c.advance(300)
    recs_in = HandoverRecords(in_db, c, "LEADIN", user=signed_in("9002", Role.SHIFT_LEAD))
    got = recs_in.get(sub.id).result(5)
    assert got.state is RecordState.SUBMITTED and got.compiled["events"][0]["id"] == ev
    recs_in.add_entry(sub.id, EntryKind.CHECK, data={"item": overdue[0]["id"]}).result(5)
    recs_in.add_entry(sub.id, EntryKind.QUESTION, "这张工单联系过客户吗？",
                      {"item": overdue[0]["id"]}).result(5)
    with pytest.raises(HandoverRefused) as wrong:
        recs_in.confirm(sub.id, "not-the-password").result(5)
    assert wrong.value.code == "wrong_password"
    audit = [e.entry for e in in_db.read_now(lambda s: recent_in(s, 50)) if e.entry]
    assert any(e.action == AuditAction.HANDOVER_CONFIRM_REFUSED.value and e.user_id == "9002"
               for e in audit)
    done = recs_in.confirm(sub.id, password("9002")).result(5)
    assert (done.state, done.confirmed_by, done.confirmed_at) == (RecordState.CONFIRMED, "9002",
                                                                  c.utc_now())
    # a second lead is told who confirmed it and when
    other = HandoverRecords(in_db, c, "LEADIN", user=signed_in("9003", Role.SHIFT_LEAD))
    with pytest.raises(HandoverRefused) as again:
        other.confirm(sub.id, password("9003")).result(5)
    assert (again.value.code, again.value.by, again.value.at) == ("already_confirmed", "9002",
                                                                   c.utc_now())
    # read-only now: corrections are addenda (audited); the chase goes to an agent
    with pytest.raises(HandoverRefused):
        recs_in.add_entry(sub.id, EntryKind.CHECK, data={"item": "x"}).result(5)
    recs_in.add_entry(sub.id, EntryKind.ADDENDUM, "补充：雷阵雨导致2条线路跳闸").result(5)
    recs_in.add_entry(sub.id, EntryKind.CHASE, data={"agent": "1001"}).result(5)
    _sync(desks, "LEADIN", "LEADOUT", "AGENT1")

    # everything reached the outgoing lead's desk and the agent's desk
    back = recs_out.get(sub.id).result(5)
    assert back.state is RecordState.CONFIRMED and back.confirmed_by == "9002"
    assert [e.text for e in back.of_kind(EntryKind.ADDENDUM)] == ["补充：雷阵雨导致2条线路跳闸"]
    assert [e.text for e in back.of_kind(EntryKind.QUESTION)] == ["这张工单联系过客户吗？"]
    chase = ShiftHandover(a_db, c, "AGENT1", PROFILE.handover,
                          user=signed_in("1001")).chase_for("1001").result(5)
    assert {i["id"] for i in chase} == {i["id"] for i in overdue}
    row = a_db.read_now(lambda s: s.execute(select(HandoverRecord)).scalars().one())
    assert row.origin_workstation == "LEADOUT" and row.status == "submitted"
