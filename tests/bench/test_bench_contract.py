"""Every `callcenter bench NAME --json` at a small size: one JSON line with its scenario,
size and path (and `durable` for the sync benches), and every metric README.md's bench
table lists for it, each a number that can be true. No timing asserts: the goals are
checked by running the benches at size."""

from __future__ import annotations

import dataclasses
import json
import math
import re
from pathlib import Path

import pytest

from callcenter.bench import SCENARIOS, main

README = Path(__file__).resolve().parents[2] / "README.md"

SMALL = {
    "ticket-save": ["--size", "300", "--runs", "30"],
    "startup": ["--size", "200", "--runs", "1"],
    "timer-lag": ["--size", "40", "--seconds", "1.5"],
    "script-render": ["--size", "60", "--runs", "50"],
    "ticket-search": ["--size", "400", "--runs", "40"],
    "ticket-list": ["--size", "700"],
    "outage-lookup": ["--size", "2000", "--runs", "30"],
    "outage-import": ["--size", "300"],
    "sync-push": ["--size", "200"],
    "sync-pull": ["--size", "200"],
    "sync-fleet": ["--size", "3", "--seconds", "2"],
    "sign-in": ["--size", "300", "--runs", "6"],
    "audit-verify": ["--size", "3000", "--runs", "2"],
    "sip-call": ["--size", "3"],
    "handover-compile": ["--size", "200", "--runs", "3"],
    "qa-checks": ["--size", "400", "--runs", "2"],
    "replay-open": ["--size", "200", "--runs", "2"],
    "board": ["--size", "500", "--runs", "2"],
    "board-latency": ["--size", "3", "--seconds", "2"],
    "report-monthly": ["--size", "1400", "--runs", "1"],
}


def readme_metrics() -> dict[str, list[str]]:
    """bench name -> the metrics its row of README.md's bench table lists."""
    text = README.read_text(encoding="utf-8")
    table = text[text.index("<!-- bench-table"):]
    rows: dict[str, list[str]] = {}
    for line in table.splitlines()[3:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows[cells[0]] = re.findall(r"`([a-z0-9_]+)`", cells[3])
    return rows


def test_the_readme_lists_every_bench_and_only_those() -> None:
    assert set(readme_metrics()) == set(SCENARIOS) == set(SMALL)


@pytest.mark.parametrize("name", list(SMALL))
def test_bench_prints_the_readme_metrics(name: str, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    # the sync benches' PostgreSQL runs as its own user when tests run as root: it
    # cannot enter pytest's 0700 tmp_path, so those use the bench's own temporary dir
    where = [] if SCENARIOS[name].central else ["--data-dir", str(tmp_path)]
    code = main([name, *SMALL[name], "--json", *where])
    out, err = capsys.readouterr()
    assert code == 0, err[-3000:]
    lines = out.splitlines()
    assert len(lines) == 1, out
    result = json.loads(lines[0])
    assert result["scenario"] == name
    assert result["size"] == int(SMALL[name][1])
    assert result["path"] == SCENARIOS[name].path and len(result["path"]) > 10
    if SCENARIOS[name].central:
        assert result["durable"] is True  # the default: a central that fsyncs
    else:
        assert "durable" not in result
    metrics = result["metrics"]
    for key in readme_metrics()[name]:
        assert key in metrics, f"{name} lacks {key}: {sorted(metrics)}"
    for key, value in metrics.items():
        assert isinstance(value, int | float) and not isinstance(value, bool), key
        assert math.isfinite(value) and value >= 0, (key, value)


@pytest.mark.parametrize("figure", [-2.8, math.nan, math.inf])
def test_an_impossible_figure_fails_the_run(figure: float, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    real = SCENARIOS["script-render"]
    monkeypatch.setitem(SCENARIOS, "script-render", dataclasses.replace(
        real, run=lambda _args: {"render_p99_ms": 0.1, "server_cpu_s": figure}))
    assert main(["script-render", "--json"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "server_cpu_s" in err
