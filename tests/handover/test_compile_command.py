"""``callcenter handover compile --json`` on a real store: the shift holding --at,
each section's items with their ids; bad --at refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from callcenter.bench.seed import seed_tickets
from callcenter.commands.handover import main
from callcenter.domain.auth.roles import Role
from callcenter.services.handover.shift import ShiftHandover
from callcenter.services.storage.database import open_database
from tests.fakes import signed_in
from tests.handover.helpers import NOW, PROFILE, clock, info_at


def test_compile_prints_the_shift_and_its_sections(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    db = open_database(tmp_path / "desk.sqlite3")
    try:
        ev = ShiftHandover(db, clock(), "W01", PROFILE.handover,
                           user=signed_in("9001", Role.SHIFT_LEAD)).mark_event(
            info_at(), "media_sensitive", "记者来电询问停电", "media_exposure").result(5)
    finally:
        db.close()
    seed_tickets(tmp_path / "desk.sqlite3", 25, PROFILE, days=2, now=NOW)
    assert main(["compile", "--at", "2026-11-23 15:55", "--data-dir", str(tmp_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["shift"]["name"] == "白班" and out["shift"]["next"]["name"] == "中班"
    assert out["shift"]["start"] == "2026-11-23T00:00:00+00:00"
    sections = out["sections"]
    assert set(sections) == {"open_tickets", "follow_up", "events", "outages", "weather",
                             "equipment", "other"}
    assert len(sections["open_tickets"]) == 25 and all(i["id"] for i in sections["open_tickets"])
    assert {i["group"] for i in sections["open_tickets"]} <= {"inquiry", "repair", "complaint",
                                                              "report", "other"}
    (event,) = sections["events"]
    assert event["id"] == ev and event["report"] == "pending" and event["remaining_s"] == 3600
    # 夜班 is 00:00-08:00: 02:00 belongs to that day's 夜班, without the 白班's events
    assert main(["compile", "--at", "2026-11-24 02:00", "--data-dir", str(tmp_path), "--json"]) == 0
    night = json.loads(capsys.readouterr().out)
    assert night["shift"]["key"] == "2026-11-24/夜班" and night["sections"]["events"] == []


def test_a_bad_time_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compile", "--at", "tomorrow", "--data-dir", str(tmp_path), "--json"]) == 2
    assert "--at 'tomorrow'" in capsys.readouterr().err


def test_export_writes_a_pdf_of_the_record(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           qapp: object) -> None:
    from callcenter.services.handover.compile import compile_in
    from callcenter.services.handover.records import HandoverRecords

    db = open_database(tmp_path / "desk.sqlite3")
    try:
        info = info_at()
        compiled = db.read_now(lambda s: compile_in(s, PROFILE, info, NOW))
        recs = HandoverRecords(db, clock(), "W01", user=signed_in("9001", Role.SHIFT_LEAD))
        rid = recs.open_draft(info, compiled).result(5).id
        recs.submit(rid, {"weather": "暴雨橙色预警"}).result(5)
    finally:
        db.close()
    pdf = tmp_path / "out.pdf"
    assert main(["export", rid, "--pdf", str(pdf), "--data-dir", str(tmp_path)]) == 0
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 1000
    assert "2026-11-23/白班" in capsys.readouterr().out
    assert main(["export", "no-such-id", "--pdf", str(pdf), "--data-dir", str(tmp_path)]) == 1
    assert "no record" in capsys.readouterr().err


def test_urged_and_supervised_tickets_need_the_next_shift(tmp_path: Path) -> None:
    from sqlalchemy import select

    from callcenter.services.handover.compile import compile_in
    from callcenter.store.models import Ticket, TicketEvent

    db = open_database(tmp_path / "desk.sqlite3")
    try:
        seed_tickets(tmp_path / "desk.sqlite3", 10, PROFILE, days=0, now=NOW)

        def mark(s):  # type: ignore[no-untyped-def]
            ids = [t for t in s.scalars(select(Ticket.id).where(Ticket.deadline_at.is_(None)))]
            for tid, kind in ((ids[0], "supervise"), (ids[1], "urge"), (ids[1], "urge")):
                s.add(TicketEvent(ticket_id=tid, kind=kind, actor="9001", at=NOW, data={},
                                  updated_at=NOW, origin_workstation="W01"))
            return [str(i) for i in ids[:2]]

        sup, urged = db.write_now(mark)
        c = db.read_now(lambda s: compile_in(s, PROFILE, info_at(), NOW))
    finally:
        db.close()
    reasons = {i["id"]: i["reasons"] for i in c.sections["follow_up"]}
    assert reasons[sup] == ["supervised"] and reasons[urged] == ["urged"]
