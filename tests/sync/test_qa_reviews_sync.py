"""A QA review and its dispute travel between desks through a real central:
scored and released on the QA/lead desk, disputed by the agent on the desk that
took the call, rescored by the shift lead, signed off by the agent; every step
kept on both desks. An agent sees only their own reviews; a desk of another
team never receives them; disputes stop at the profile's limit."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from callcenter.domain.auth.roles import Role
from callcenter.domain.clock import FakeClock
from callcenter.domain.qa.forms import NO, YES, Answer
from callcenter.domain.qa.reviews import ReviewRefused, ReviewState
from callcenter.services.qa.reviews import Reviews
from callcenter.services.site.profile import load_profile
from callcenter.store.audit_models import AuditRecord
from callcenter.store.models import CallSession
from callcenter.store.qa_models import QaReview
from callcenter.sync import central
from callcenter.sync.central import CentralClient
from tests.fakes import signed_in

from .conftest import with_db
from .desk_sim import Desk, open_desk


def _desk_url(central_url: str, desk: str, team: str, kind: str) -> str:
    from urllib.parse import urlsplit

    password = f"pw-{desk.lower()}"
    role = central.create_desk_role(central_url, desk, password, team=team, kind=kind)
    return with_db(central_url, urlsplit(central_url).path.lstrip("/"), role, password)


@pytest.fixture
def desks(tmp_path: Path, central_url: str) -> Iterator[tuple[Desk, Desk, Desk, FakeClock]]:
    clock = FakeClock(datetime(2026, 12, 7, 1, 0, tzinfo=UTC))
    made = []
    for name, team, kind in (("A1", "T1", "agent"), ("L1", "T1", "lead"), ("B1", "T2", "agent")):
        url = _desk_url(central_url, name, team, kind)
        made.append(open_desk(tmp_path / f"{name}.sqlite3", name,
                              lambda url=url: CentralClient(url), clock))  # type: ignore[misc]
    yield made[0], made[1], made[2], clock
    for d in made:
        d.close()


def answers(**over: Answer) -> dict[str, Answer]:
    base = {"apology": Answer(None, na=True), "greeting_id": Answer(None, na=True),
            "attitude": Answer("good"), "confirm": Answer(5), "calming": Answer(None, na=True),
            "key_fields": Answer(YES), "dispatch_phone": Answer(None, na=True),
            "hang_up": Answer(YES), "wrapup": Answer(YES), "conduct": Answer(YES)}
    base.update(over)
    return base


def sync(*ds: Desk) -> None:
    for d in ds:
        d.engine.run_once()


def test_a_dispute_goes_agent_to_lead_and_back(desks: tuple[Desk, Desk, Desk, FakeClock]) -> None:
    a1, l1, b1, clock = desks
    profile = load_profile()
    call_id = uuid.uuid4()
    now = clock.utc_now()
    a1.db.write_now(lambda s: s.add(CallSession(
        id=call_id, agent_id="1001", caller_number="13800138001", started_at=now,
        outcome="answered", updated_at=now, origin_workstation="A1")))
    sync(a1, l1)

    qa = Reviews(l1.db, profile, clock, "L1", signed_in("7001", Role.QA))
    scored = qa.submit(call_id, answers(attitude=Answer("fair", comment="语气生硬"),
                                        hang_up=Answer(NO))).result(timeout=10)
    assert scored.state is ReviewState.RELEASED and scored.score is not None and scored.score < 100
    sync(l1, a1, b1)

    agent = Reviews(a1.db, profile, clock, "A1", signed_in("1001", Role.AGENT))
    (mine,) = agent.mine().result(timeout=10)
    assert mine.id == scored.id and mine.score == scored.score
    assert Reviews(a1.db, profile, clock, "A1", signed_in("1002")).mine().result(timeout=10) == []
    assert b1.db.read_now(lambda s: s.scalars(select(QaReview)).all()) == []  # another team
    with pytest.raises(ReviewRefused):
        agent.dispute(mine.id, "  ").result(timeout=10)  # a reason is required
    clock.advance(60)
    agent.dispute(mine.id, "是客户先挂机的，请听录音").result(timeout=10)
    sync(a1, l1)

    lead = Reviews(l1.db, profile, clock, "L1", signed_in("9001", Role.SHIFT_LEAD))
    (waiting,) = lead.disputed().result(timeout=10)
    assert waiting.id == mine.id and waiting.history[-1].data["reason"] == "是客户先挂机的，请听录音"
    clock.advance(60)
    rescored = lead.rescore(mine.id, answers(attitude=Answer("fair", comment="语气生硬")),
                            "录音确认客户先挂机").result(timeout=10)
    assert rescored.score is not None and scored.score is not None and rescored.score > scored.score
    sync(l1, a1)

    back = agent.get(mine.id).result(timeout=10)
    assert back.state is ReviewState.RELEASED and back.score == rescored.score
    assert [h.kind for h in back.history] == ["submitted", "disputed", "rescored"]
    assert [(h.actor, h.role) for h in back.history] == [
        ("7001", "qa"), ("1001", "agent"), ("9001", "shift_lead")]
    assert back.history[2].data == {"reason": "录音确认客户先挂机", "score_before": scored.score,
                                    "score_after": rescored.score}
    clock.advance(60)
    agent.sign_off(mine.id).result(timeout=10)
    sync(a1, l1)
    final = lead.get(mine.id).result(timeout=10)
    assert final.state is ReviewState.SIGNED_OFF
    assert [h.kind for h in final.history] == ["submitted", "disputed", "rescored", "signed_off"]
    # every step audited, on the desk it was taken
    for desk, actions in ((l1, {"qa_review_released", "qa_review_rescored"}),
                          (a1, {"qa_review_disputed", "qa_review_signed_off"})):
        payloads = desk.db.read_now(lambda s, d=desk: [r.payload for r in s.scalars(
            select(AuditRecord).where(AuditRecord.desk == d.name))])
        assert all(any(a in p for p in payloads) for a in actions), desk.name


def test_the_dispute_limit_and_a_decline(desks: tuple[Desk, Desk, Desk, FakeClock]) -> None:
    a1, l1, _b1, clock = desks
    profile = load_profile()
    call_id = uuid.uuid4()
    now = clock.utc_now()
    a1.db.write_now(lambda s: s.add(CallSession(
        id=call_id, agent_id="1001", caller_number="13800138001", started_at=now,
        outcome="answered", updated_at=now, origin_workstation="A1")))
    sync(a1, l1)
    qa = Reviews(l1.db, profile, clock, "L1", signed_in("7001", Role.QA))
    review = qa.submit(call_id, answers(hang_up=Answer(NO))).result(timeout=10)
    agent = Reviews(a1.db, profile, clock, "A1", signed_in("1001"))
    for round_ in range(profile.qa["max_disputes"]):
        sync(l1, a1)
        clock.advance(10)
        agent.dispute(review.id, f"第{round_ + 1}次申诉").result(timeout=10)
        sync(a1, l1)
        clock.advance(10)
        declined = qa.decline(review.id, "维持原评分").result(timeout=10)  # the original reviewer
        assert declined.state is ReviewState.RELEASED and declined.score == review.score
    sync(l1, a1)
    with pytest.raises(ReviewRefused) as exc:
        agent.dispute(review.id, "再申诉一次").result(timeout=10)
    assert exc.value.reason == "too_many_disputes"
    kinds = [h.kind for h in agent.get(review.id).result(timeout=10).history]
    assert kinds == ["submitted"] + ["disputed", "declined"] * profile.qa["max_disputes"]


def test_pins_and_a_set_release_time_reach_the_agents_desk(
        desks: tuple[Desk, Desk, Desk, FakeClock]) -> None:
    """The comments pinned to the timeline travel with the review; released at a set
    time, the agent's desk has the row at once but shows it only from then."""
    from datetime import timedelta

    from callcenter.domain.qa.pins import Pin

    a1, l1, _b1, clock = desks
    profile = load_profile()
    call_id = uuid.uuid4()
    now = clock.utc_now()
    a1.db.write_now(lambda s: s.add(CallSession(
        id=call_id, agent_id="1001", caller_number="13800138001", started_at=now,
        outcome="answered", updated_at=now, origin_workstation="A1")))
    sync(a1, l1)
    at = now + timedelta(hours=2)
    qa = Reviews(l1.db, profile, clock, "L1", signed_in("7001", Role.QA))
    pins = [Pin(12.5, "这里未致歉"), Pin(3.0, "开头语速过快")]
    review = qa.submit(call_id, answers(), pins=pins, release_at=at).result(timeout=10)
    sync(l1, a1)
    agent = Reviews(a1.db, profile, clock, "A1", signed_in("1001", Role.AGENT))
    assert a1.db.read_now(lambda s: s.get(QaReview, review.id)) is not None  # the row is there
    assert agent.mine().result(timeout=10) == []  # but not shown before its time
    clock.advance(2 * 3600)
    (mine,) = agent.mine().result(timeout=10)
    assert mine.released_at == at and mine.pins == sorted(pins)
