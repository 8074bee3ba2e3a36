"""The sync benches' own checks beyond the JSON contract (test_bench_contract.py):
the fleet's counts, the defaults, a durable central by default and a throwaway one
only when asked, and sync-fleet refusing a figure that cannot be true."""

from __future__ import annotations

import json

import pytest

from callcenter.bench import SCENARIOS, main


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_fleet_counts_and_server_figures(capsys: pytest.CaptureFixture[str]) -> None:
    result = _run(["sync-fleet", "--size", "3", "--seconds", "3"], capsys)
    m = result["metrics"]
    assert isinstance(m, dict)
    assert m["errors"] == m["save_errors"] == m["sync_errors"] == 0
    assert m["server_connections_max"] >= 1
    assert m["round_trips"] > 0
    # measured, not made up: central's time inside its functions, and its CPU
    assert m["server_push_mean_ms"] > 0 and m["server_pull_mean_ms"] > 0
    assert 0 < m["server_cpu_s"] < m["seconds"] * 2 * 4  # at most every core of the box, with slack


def test_push_beside_a_nondurable_central(capsys: pytest.CaptureFixture[str]) -> None:
    result = _run(["sync-push", "--size", "200", "--nondurable", "too"], capsys)
    assert result["durable"] is True
    m = result["metrics"]
    assert isinstance(m, dict)
    assert m["ops_per_s"] > 0 and m["ops_per_s_nondurable"] > 0
    assert m["baseline_copy_rows_per_s_nondurable"] > 0
    result = _run(["sync-pull", "--size", "100", "--nondurable", "only"], capsys)
    assert result["durable"] is False


def test_nondurable_is_only_for_sync_benches(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outage-import", "--size", "10", "--nondurable", "too"]) == 1
    assert "sync" in capsys.readouterr().err


def test_the_sync_scenarios_are_registered_with_their_defaults() -> None:
    assert SCENARIOS["sync-push"].default_size == 100_000
    assert SCENARIOS["sync-pull"].default_size == 100_000
    assert SCENARIOS["sync-fleet"].default_size == 200
    assert all(SCENARIOS[n].central for n in ("sync-push", "sync-pull", "sync-fleet"))
