"""The fault-repair triage (004 Q65, Q66) branches to its three kinds of ending."""

from __future__ import annotations

import pytest

from callcenter.domain.scripts.guided import WalkError, start

from .helpers import shipped


def triage():  # type: ignore[no-untyped-def]
    script = shipped().get("fault_repair_triage")
    assert script is not None
    return script


def test_utility_property_fault_ends_in_dispatch_with_the_path_in_the_notes() -> None:
    w = start(triage())
    assert w.step_id == "arrears"  # the outage check resolved itself: no known outage
    for answer in ("paid", "single", "yes", "not_tripped", "utility"):
        w = w.answer(answer)
    assert w.finished and w.outcome == "dispatch_repair"
    fills = w.fills()
    assert fills["category"] == "fault_repair"
    assert fills["subtype"] == "供电企业产权故障"
    assert fills["note"].startswith("单户停电；户表用户；已检查室内空开，未跳闸")
    assert [t.step_id for t in w.taken] == ["arrears", "single_household", "meter_box",
                                            "indoor_breaker", "property"]


def test_customer_property_fault_ends_in_explaining_the_boundary() -> None:
    w = start(triage())
    for answer in ("paid", "single", "yes", "trips_again"):
        w = w.answer(answer)
    assert w.outcome == "explain_property_boundary"
    assert "第四十七条" in w.step.say.source
    assert "不要请客户自行检测" in w.step.say.source  # 004 Q65's caution
    assert w.fills()["subtype"] == "客户产权故障"


def test_neighbours_without_power_go_straight_to_dispatch() -> None:
    w = start(triage()).answer("paid").answer("area")
    assert w.outcome == "dispatch_repair"
    assert w.fills()["subtype"] == "片区停电"


def test_known_outage_ends_at_once_with_cause_and_restore_time() -> None:
    w = start(triage(), frozenset({"known_outage"}))
    assert w.finished and w.outcome == "known_outage"
    assert {"outage_cause", "outage_restore_time"} <= set(w.step.say.fields)
    assert w.step.say.render({"outage_cause": "线路故障", "outage_restore_time": "18:00"}).count("＿＿") == 2


def test_arrears_and_going_back_is_the_previous_value() -> None:
    w0 = start(triage())
    w1 = w0.answer("owed")
    assert w1.outcome == "arrears"
    assert w0.step_id == "arrears" and not w0.taken  # unchanged: going back is just w0


def test_wrong_answers_are_refused() -> None:
    w = start(triage())
    with pytest.raises(WalkError):
        w.answer("nope")
    done = w.answer("owed")
    with pytest.raises(WalkError):
        done.answer("paid")
