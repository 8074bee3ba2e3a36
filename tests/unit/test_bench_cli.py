"""`callcenter bench`: the JSON contract and the error for an unknown scenario (no timing asserts)."""

from __future__ import annotations

import json

import pytest

from callcenter.bench import SCENARIOS, main

TICKET_SAVE_KEYS = ("p50_ms", "p99_ms", "baseline_p50_ms", "baseline_p99_ms", "ratio_p99", "seed_s")


def test_ticket_save_prints_one_json_object(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["ticket-save", "--size", "2000", "--runs", "50", "--json"])
    out = capsys.readouterr().out
    assert code == 0
    result = json.loads(out)  # the whole of stdout is one JSON object
    assert result["scenario"] == "ticket-save"
    assert result["size"] == 2000
    metrics = result["metrics"]
    for key in TICKET_SAVE_KEYS:
        value = metrics[key]
        assert isinstance(value, int | float) and not isinstance(value, bool), key
        assert value > 0, key
    assert metrics["iterations"] == 50


def test_without_json_prints_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ticket-save", "--size", "200", "--runs", "5"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ticket-save")
    assert "p99_ms" in out and "baseline_p99_ms" in out


def test_unknown_scenario_fails_and_lists_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["no-such-scenario", "--json"])
    captured = capsys.readouterr()
    assert code != 0
    assert captured.out == ""
    assert "no-such-scenario" in captured.err
    for name in SCENARIOS:
        assert name in captured.err
    # every scenario an issue asks for is registered
    assert set(SCENARIOS) >= {"ticket-save", "startup", "timer-lag", "script-render",
                              "ticket-search", "ticket-list", "outage-lookup", "outage-import"}


def test_bad_size_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ticket-save", "--size", "lots"]) == 2
    assert "--size" in capsys.readouterr().err
