"""`callcenter bench audit-verify` at a small size: it verifies a real chain,
finds the record it breaks, and prints its figures beside the bare SHA-256
loop (no timing asserts: the goal is checked by running it at a million)."""

from __future__ import annotations

import json

import pytest

from callcenter.bench import SCENARIOS, main


def test_audit_verify_prints_its_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit-verify", "--size", "3000", "--runs", "2", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["scenario"], result["size"]) == ("audit-verify", 3000)
    m = result["metrics"]
    for key in ("seconds", "baseline_seconds", "ratio", "records_per_s", "broken_seconds", "seed_s"):
        assert isinstance(m[key], int | float) and m[key] > 0, key
    assert (m["records"], m["broken_seq"]) == (3000, 1500)
    assert SCENARIOS["audit-verify"].default_size == 1_000_000


def test_a_store_of_another_size_is_reseeded(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    for size in ("50", "80"):
        argv = ["audit-verify", "--size", size, "--runs", "1", "--json", "--data-dir", str(tmp_path)]
        assert main(argv) == 0
        assert json.loads(capsys.readouterr().out)["metrics"]["records"] == int(size)
    assert main(["audit-verify", "--size", "2", "--json"]) == 1
