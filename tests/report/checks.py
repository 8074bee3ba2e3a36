"""Comparing a built report with the seed's independent answers (SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

import pytest

from callcenter.services.report.monthly import MonthlyReport


def assert_matches(report: MonthlyReport, want: dict[str, Any], top_n: int) -> None:
    rows = {r.group: r for r in report.categories}
    for group, n in want["current"].items():
        assert (rows[group].current, rows[group].previous, rows[group].last_year) == (
            n, want["previous"][group], want["last_year"][group]), group
    assert report.total.current == want["tickets"]
    q = report.quality
    assert (q.tickets, q.empty_reply, q.handled_late, q.backfilled) == (
        want["tickets"], want["empty_reply"], want["handled_late"], want["backfilled"])
    c = report.callbacks
    assert (c.dispatched, c.called, c.reached, c.reached_calls, c.satisfied_calls) == (
        want["dispatched"], want["called"], want["reached"], want["reached_calls"],
        want["satisfied_calls"])
    s = report.sla
    assert (s.offered, s.answered, s.answered_in_limit, s.wrapups, s.wrapups_on_time) == (
        want["offered"], want["answered"], want["answered_in_limit"], want["wrapups"],
        want["wrapups_on_time"])
    assert s.talk_avg_s == pytest.approx(want["talk_avg_s"])
    # top lists: the most frequent first, exactly the seed's counts
    tops = sorted(want["addresses"].items(), key=lambda kv: -kv[1])[:top_n]
    assert list(report.top_addresses) == tops
    subs = want["subtypes"]
    assert {(cat, sub): k for cat, sub, k in report.top_subtypes} == subs
    assert [k for *_, k in report.top_subtypes] == sorted(subs.values(), reverse=True)
    # the seed exercises every finding (a test that cannot fail is a defect)
    assert min(q.empty_reply, q.handled_late, q.backfilled, c.called, c.reached) > 0
    assert 0 < c.called < c.dispatched
