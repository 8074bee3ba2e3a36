"""`callcenter bench sync-push|sync-pull|sync-fleet` at tiny sizes: each starts its
own PostgreSQL (pgserver), runs, and prints one JSON object with its keys
(no timing asserts: the goals are checked by running the benches at size)."""

from __future__ import annotations

import json

import pytest

from callcenter.bench import SCENARIOS, main

pytest.importorskip("pgserver")

CASES = {
    "sync-push": (["--size", "200"], ("ops_per_s", "baseline_copy_rows_per_s", "ratio_copy",
                                      "max_gui_stall_ms")),
    "sync-pull": (["--size", "200"], ("ops_per_s", "baseline_rows_per_s", "ratio")),
    "sync-fleet": (["--size", "3", "--seconds", "2"], ("p95_round_trip_ms", "errors",
                                                      "server_connections_max")),
}


@pytest.mark.parametrize("name", list(CASES))
def test_sync_scenario_prints_its_keys(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    argv, keys = CASES[name]
    assert main([name, *argv, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)  # the whole of stdout is one JSON object
    assert result["scenario"] == name
    metrics = result["metrics"]
    for key in keys:
        value = metrics[key]
        assert isinstance(value, int | float) and not isinstance(value, bool), key
        assert value >= 0, key
    if name == "sync-fleet":
        assert metrics["errors"] == 0
        assert metrics["save_errors"] == metrics["sync_errors"] == 0
        assert metrics["write_lock_wait_max_ms"] >= 0
        assert metrics["server_connections_max"] >= 1
    else:
        assert metrics[keys[0]] > 0 and metrics[keys[1]] > 0


def test_the_sync_scenarios_are_registered_with_their_defaults() -> None:
    assert SCENARIOS["sync-push"].default_size == 100_000
    assert SCENARIOS["sync-pull"].default_size == 100_000
    assert SCENARIOS["sync-fleet"].default_size == 200
