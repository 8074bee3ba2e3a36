"""The sign-in benchmark runs at a small size and reports its figures."""

from __future__ import annotations

import json

import pytest

from callcenter.bench import main


def test_sign_in_bench_reports_sign_in_and_hash_times(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sign-in", "--size", "300", "--runs", "6", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    m = out["metrics"]
    assert out["scenario"] == "sign-in" and m["users"] == 300 and m["sign_ins"] == 5
    assert m["p95_ms"] >= m["median_ms"] > 0 and m["hash_ms"] > 0
    assert m["ratio_median"] > 0  # beside the bare verify (noise can put a median below it)
