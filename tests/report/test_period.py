"""Report months: previous month, same month last year, the local month's UTC span; rates."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from callcenter.domain.report.figures import Change, grouped, rate
from callcenter.domain.report.period import BadMonth, Month


def test_previous_and_same_month_last_year() -> None:
    assert Month.parse("2026-01").previous() == Month(2025, 12)
    assert Month.parse("2026-03").previous() == Month(2026, 2)
    assert Month.parse("2024-02").same_last_year() == Month(2023, 2)
    assert str(Month(2026, 3).plus(13)) == "2027-04"


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "26-03", "2026/03", "", "2026-3"])
def test_bad_months_are_refused(text: str) -> None:
    with pytest.raises(BadMonth):
        Month.parse(text)


def test_local_month_in_utc() -> None:
    start, end = Month(2026, 3).utc_span("Asia/Shanghai")
    assert start == datetime(2026, 2, 28, 16, tzinfo=UTC)
    assert end == datetime(2026, 3, 31, 16, tzinfo=UTC)
    assert Month.containing(datetime(2026, 2, 28, 16, tzinfo=UTC), "Asia/Shanghai") == Month(2026, 3)
    assert Month.containing(datetime(2026, 2, 28, 15, 59, tzinfo=UTC), "Asia/Shanghai") == Month(2026, 2)


def test_rates_and_changes() -> None:
    assert rate(1, 4) == 0.25
    assert rate(3, 0) is None
    assert (Change(12, 8).delta, Change(12, 8).ratio) == (4, 0.5)
    assert Change(5, 0).ratio is None
    assert grouped({"inquiry": 2, "suggestion": 1, "praise": 4, "complaint": 1}) == {
        "inquiry_suggestion": 3, "fault_repair": 0, "complaint": 1, "report": 0, "other": 4}
