"""Reviews on one desk's real SQLite store: blind calibration (the spread only
for the shift lead, never released to the agent) and the permission checks."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from callcenter.domain.auth.permissions import PermissionDenied
from callcenter.domain.auth.roles import Role
from callcenter.domain.clock import FakeClock
from callcenter.domain.qa.forms import NO, YES, Answer
from callcenter.services.qa.calibration import CalibrationBlind
from callcenter.services.qa.reviews import ReviewInvalid, ReviewNotFound, Reviews
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database, open_database
from callcenter.store.models import CallSession
from tests.fakes import signed_in

NA = Answer(None, na=True)


def answers(**over: Answer) -> dict[str, Answer]:
    base = {"apology": NA, "greeting_id": NA, "attitude": Answer("good"), "confirm": Answer(5),
            "calming": NA, "key_fields": NA, "dispatch_phone": NA, "hang_up": Answer(YES),
            "wrapup": Answer(YES), "conduct": Answer(YES)}
    base.update(over)
    return base


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[tuple[Database, uuid.UUID, FakeClock]]:
    db = open_database(tmp_path / "desk.sqlite3")
    clock = FakeClock()
    call_id = uuid.uuid4()
    now = clock.utc_now()
    db.write_now(lambda s: s.add(CallSession(id=call_id, agent_id="1001", caller_number="13800138001",
                                             started_at=now, outcome="answered", updated_at=now,
                                             origin_workstation="Q1")))
    yield db, call_id, clock
    db.close()


def reviews(db: Database, clock: FakeClock, user_id: str, role: Role) -> Reviews:
    return Reviews(db, load_profile(), clock, "Q1", signed_in(user_id, role))


def test_blind_calibration_spread_for_the_lead(desk: tuple[Database, uuid.UUID, FakeClock]) -> None:
    db, call_id, clock = desk
    mine = {}
    for who, over in (("7001", {}), ("7002", {"attitude": Answer("fair", comment="偏快")}),
                      ("7003", {"hang_up": Answer(NO), "attitude": Answer("poor", comment="生硬")})):
        r = reviews(db, clock, who, Role.QA).submit(call_id, answers(**over), calibration=True)
        mine[who] = r.result(timeout=10)
        assert mine[who].released_at is None and mine[who].history == []
    # blind: a reviewer does not see another's calibration scoring
    with pytest.raises(ReviewNotFound):
        reviews(db, clock, "7002", Role.QA).get(mine["7001"].id).result(timeout=10)
    assert reviews(db, clock, "7001", Role.QA).get(mine["7001"].id).result(timeout=10).score == 100.0
    # a QA reviewer sees the spread only once they scored the call blind themselves
    with pytest.raises(CalibrationBlind):
        reviews(db, clock, "7004", Role.QA).calibration(call_id).result(timeout=10)
    assert reviews(db, clock, "7001", Role.QA).calibration(call_id).result(timeout=10) is not None
    with pytest.raises(PermissionDenied):
        reviews(db, clock, "1001", Role.AGENT).calibration(call_id)
    # never released to the agent
    assert reviews(db, clock, "1001", Role.AGENT).mine().result(timeout=10) == []
    cal = reviews(db, clock, "9001", Role.SHIFT_LEAD).calibration(call_id).result(timeout=10)
    assert cal is not None and cal.reviewers == ("7001", "7002", "7003")
    spread = {q.question: q.spread for q in cal.questions}
    assert spread["attitude"] == 1.0 and spread["hang_up"] == 1.0 and spread["conduct"] == 0.0
    by = {r.reviewer: r for r in cal.by_reviewer}
    assert by["7001"].score == 100.0 and by["7003"].vs_mean is not None and by["7003"].vs_mean < 0


def test_who_may_score_and_what_is_checked(desk: tuple[Database, uuid.UUID, FakeClock]) -> None:
    db, call_id, clock = desk
    with pytest.raises(PermissionDenied):
        reviews(db, clock, "1001", Role.AGENT).submit(call_id, answers())
    with pytest.raises(PermissionDenied):
        reviews(db, clock, "9001", Role.SHIFT_LEAD).submit(call_id, answers())  # leads do not score
    with pytest.raises(ReviewInvalid) as exc:
        reviews(db, clock, "7001", Role.QA).submit(call_id, answers(conduct=Answer(NO)))
    assert [p.code for p in exc.value.problems] == ["comment_required"]
    with pytest.raises(ReviewNotFound):
        reviews(db, clock, "7001", Role.QA).submit(uuid.uuid4(), answers()).result(timeout=10)
    done = reviews(db, clock, "7001", Role.QA).submit(
        call_id, answers(conduct=Answer(NO, comment="泄露客户信息"))).result(timeout=10)
    assert done.score == 0.0 and done.fatal  # a fatal question fails the whole call
    with pytest.raises(ReviewNotFound):  # another agent's review is not theirs to read
        reviews(db, clock, "1002", Role.AGENT).get(done.id).result(timeout=10)


def test_calibration_command(desk: tuple[Database, uuid.UUID, FakeClock], tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from callcenter.cli import main

    db, call_id, clock = desk
    for who, over in (("7001", {}), ("7002", {"confirm": Answer(1)})):
        reviews(db, clock, who, Role.QA).submit(call_id, answers(**over),
                                                calibration=True).result(timeout=10)
    assert main(["qa", "calibration", "--call", str(call_id), "--json",
                 "--data-dir", str(tmp_path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["reviewers"] == ["7001", "7002"]
    confirm = next(q for q in out["questions"] if q["question"] == "confirm")
    assert confirm["spread"] == 0.8 and confirm["shares"] == {"7001": 1.0, "7002": 0.2}
    assert main(["qa", "calibration", "--call", str(uuid.uuid4()), "--data-dir", str(tmp_path)]) == 1
