"""Who hung up first (telephony/sip/hangup_order.py), without a network."""

from __future__ import annotations

import threading

from callcenter.telephony.sip.hangup_order import HangUpOrder


def test_the_agent_asking_first_wins_over_a_later_customer_bye() -> None:
    order = HangUpOrder()
    assert order.agent_hangs_up("c1") == "agent"
    assert order.call_ended("c1", by_agent=False) == "agent"  # the crossing BYE
    assert order.first("c1") is None


def test_a_customer_bye_handled_first_wins_over_a_later_click() -> None:
    order = HangUpOrder()
    assert order.call_ended("c1", by_agent=False) == "customer"
    assert order.agent_hangs_up("c1") == "customer"
    assert order.first("c1") == "customer"
    order.forget("c1")
    assert order.first("c1") is None


def test_the_desk_ending_a_call_itself_is_the_agent() -> None:
    order = HangUpOrder()
    assert order.call_ended("c1", by_agent=True) == "agent"


def _race(key: str) -> dict[str, str]:
    order = HangUpOrder()
    results: dict[str, str] = {}
    go = threading.Barrier(2)

    def desk() -> None:
        go.wait()
        results["desk"] = order.agent_hangs_up(key)

    def sip() -> None:
        go.wait()
        results["sip"] = order.call_ended(key, by_agent=False)

    threads = [threading.Thread(target=desk), threading.Thread(target=sip)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_both_threads_racing_always_agree() -> None:
    for i in range(300):
        results = _race(f"c{i}")
        assert results["desk"] == results["sip"]
