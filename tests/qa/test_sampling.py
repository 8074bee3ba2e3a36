"""The sample of N calls per agent: reproducible (seed and query stored with it)
and uniform (every call equally likely; every pair too)."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from callcenter.bench.qa_checks import seed_calls, synthetic_calls
from callcenter.cli import main
from callcenter.domain.qa.sampling import SampleQuery, draw, draw_for_agent
from callcenter.services.qa.sampling import redraw_in, samples_in
from callcenter.services.storage.database import open_database

# chi-square critical values at p = 0.001 (a fair draw fails 1 time in 1000;
# the seeds are fixed, so the test is deterministic)
CHI2_001 = {9: 27.877, 44: 78.750}


def chi2(counts: Counter[str], cells: list[str], expected: float) -> float:
    return sum((counts[c] - expected) ** 2 / expected for c in cells)


def test_the_same_arguments_give_the_same_calls_in_any_order() -> None:
    ids = [f"call-{i:03d}" for i in range(200)]
    a = draw_for_agent(ids, 10, 42, "1001")
    assert a == draw_for_agent(list(reversed(ids)), 10, 42, "1001")
    assert len(a) == 10 and len(set(a)) == 10 and set(a) <= set(ids)
    assert a != draw_for_agent(ids, 10, 43, "1001")  # another seed, another sample
    assert a != draw_for_agent(ids, 10, 42, "1002")  # agents are drawn independently


def test_fewer_calls_than_n_gives_them_all() -> None:
    assert draw({"1001": ["b", "a"], "1002": []}, 5, 1) == {"1001": ("a", "b"), "1002": ()}


def test_every_call_is_equally_likely() -> None:
    ids = [f"c{i}" for i in range(10)]
    counts: Counter[str] = Counter()
    draws = 6000
    for seed in range(draws):
        counts.update(draw_for_agent(ids, 3, seed, "1001"))
    assert sum(counts.values()) == 3 * draws
    assert chi2(counts, ids, 3 * draws / 10) < CHI2_001[9]


def test_every_pair_is_equally_likely() -> None:
    ids = [f"c{i}" for i in range(10)]
    pairs = ["|".join(p) for p in itertools.combinations(ids, 2)]  # 45 pairs: 44 degrees of freedom
    counts: Counter[str] = Counter()
    draws = 9000
    for seed in range(draws):
        counts["|".join(draw_for_agent(ids, 2, seed, "1001"))] += 1
    assert chi2(counts, pairs, draws / 45) < CHI2_001[44]


def test_a_biased_draw_would_fail_the_test() -> None:
    """The statistic is sharp enough: the first three calls a bit more often fails it."""
    ids = [f"c{i}" for i in range(10)]
    counts: Counter[str] = Counter()
    draws = 6000
    for seed in range(draws):
        picked = draw_for_agent(ids, 3, seed, "1001")
        if seed % 10 == 0:
            picked = ("c0", "c1", "c2")
        counts.update(picked)
    assert chi2(counts, ids, 3 * draws / 10) > CHI2_001[9]


def test_the_query_must_make_sense() -> None:
    t = datetime(2026, 12, 1, tzinfo=UTC)
    with pytest.raises(ValueError):
        SampleQuery((), t, t, 3, 1)
    with pytest.raises(ValueError):
        SampleQuery((), t, t + timedelta(days=1), -1, 1)
    q = SampleQuery(("1001",), t, t + timedelta(days=1), 3, 7, True)
    assert SampleQuery.from_json(json.loads(json.dumps(q.as_json()))) == q


def test_qa_sample_command_is_reproducible_and_stored(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    db_path = tmp_path / "desk.sqlite3"
    open_database(db_path).close()
    calls = list(synthetic_calls(300, agents=("1001", "1002", "1003"), step_s=1200))
    seed_calls(db_path, calls)
    args = ["qa", "sample", "--agent", "1001", "--agent", "1002", "--from", "2026-11-01",
            "--to", "2026-11-03", "--n", "5", "--seed", "95598", "--json", "--data-dir", str(tmp_path)]
    assert main(args) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(args) == 0
    second = json.loads(capsys.readouterr().out)
    assert first["calls"] == second["calls"] and first["sample"] != second["sample"]
    assert set(first["calls"]) == {"1001", "1002"}
    start = datetime(2026, 11, 1, tzinfo=UTC) - timedelta(hours=8)  # local midnight
    end = start + timedelta(days=3)
    for agent, ids in first["calls"].items():
        mine = {str(c.id) for c in calls if c.agent_id == agent and start <= c.started_at < end}
        assert len(ids) == 5 and set(ids) <= mine
        assert first["population"][agent] == len(mine)
    assert first["query"]["seed"] == 95598 and first["query"]["agents"] == ["1001", "1002"]
    db = open_database(db_path)
    try:
        stored = db.read_now(samples_in)
        assert len(stored) == 2
        assert {a: list(v) for a, v in stored[0].calls.items()} == first["calls"]
        assert db.read_now(lambda s: redraw_in(s, stored[0].id)) == stored[0].calls
    finally:
        db.close()
    other = [("96000" if a == "95598" else a) for a in args]
    assert main(other) == 0
    assert json.loads(capsys.readouterr().out)["calls"] != first["calls"]


def test_qa_sample_refuses_a_bad_period(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_database(tmp_path / "desk.sqlite3").close()
    assert main(["qa", "sample", "--from", "2026-11-03", "--to", "2026-11-01", "--n", "5",
                 "--seed", "1", "--data-dir", str(tmp_path)]) == 2
    assert "period" in capsys.readouterr().err
