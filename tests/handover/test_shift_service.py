"""Attendance from the audit log's sign-in records and the sign-out order, on a real store."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from callcenter.domain.audit.chain import AuditAction
from callcenter.domain.auth.roles import Role
from callcenter.services.audit.log import AuditLog
from callcenter.services.handover.shift import ShiftHandover
from callcenter.services.storage.database import open_database
from tests.fakes import signed_in
from tests.handover.helpers import PROFILE, add_users, clock, info_at


def test_attendance_and_the_sign_out_order(tmp_path: Path) -> None:
    db = open_database(tmp_path / "desk.sqlite3")
    try:
        add_users(db, "W01")
        c = clock()  # 15:55, five minutes before 白班 (甲班) hands over to 中班 (乙班)
        info = info_at(c.utc_now())
        assert (info.slot.shift.name, info.incoming.shift.name) == ("白班", "中班")
        svc = ShiftHandover(db, c, "W01", PROFILE.handover, user=signed_in("9002", Role.SHIFT_LEAD))
        check = svc.sign_out_check(info).result(5)
        assert not check.allowed and check.incoming == "中班" and check.incoming_signed_in == 0
        # 2001 of 乙班 signs in (another desk's audit record would count the same)
        AuditLog(db, c, "W02").record(AuditAction.SIGN_IN, user_id="2001").result(5)
        assert svc.sign_out_check(info).result(5).allowed
        c.advance(600 + 60 * 6)  # 16:11: 2002 is late (grace 5 minutes)
        AuditLog(db, c, "W03").record(AuditAction.SIGN_IN, user_id="2002").result(5)
        people = {a.user_id: a for a in svc.attendance(info).result(5)}
        assert set(people) == {"2001", "2002"}  # 乙班's agents; 甲班's 1001 is not on it
        assert people["2001"].status == "present" and people["2001"].name == "钱坐席"
        assert people["2002"].status == "late"
        assert people["2002"].signed_in_at == c.utc_now()
        # an hour before the end, the order does not apply yet
        early = info_at(c.utc_now() - timedelta(hours=2))
        c2 = clock()
        c2.advance(-3600)
        assert ShiftHandover(db, c2, "W01", PROFILE.handover,
                             user=signed_in("9001", Role.SHIFT_LEAD)).sign_out_check(
            early).result(5).allowed
    finally:
        db.close()


def test_an_early_sign_out_goes_into_the_shifts_record(tmp_path: Path) -> None:
    from callcenter.domain.handover.record import EntryKind
    from callcenter.services.handover.compile import compile_in
    from callcenter.services.handover.records import HandoverRecords

    db = open_database(tmp_path / "desk.sqlite3")
    try:
        c = clock()
        info = info_at(c.utc_now())
        lead = signed_in("9001", Role.SHIFT_LEAD)
        ShiftHandover(db, c, "W01", PROFILE.handover, user=lead).override_sign_out(
            info, "医院复诊，已报告主任").result(5)
        compiled = db.read_now(lambda s: compile_in(s, PROFILE, info, c.utc_now()))
        view = HandoverRecords(db, c, "W01", user=lead).open_draft(info, compiled).result(5)
        (early,) = view.of_kind(EntryKind.SIGN_OUT_OVERRIDE)
        assert (early.author, early.text) == ("9001", "医院复诊，已报告主任")
    finally:
        db.close()
