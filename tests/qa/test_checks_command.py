"""`callcenter qa checks` over a real SQLite store: the issue's JSON shape, the
proving events named by their stored seq, --call and --since."""

from __future__ import annotations

import json
import random
from datetime import timedelta
from pathlib import Path

import pytest

from callcenter.bench.qa_checks import T0, seed_calls, synthetic_call, synthetic_calls
from callcenter.cli import main
from callcenter.domain.call_events import CallEvent, EventKind
from callcenter.services.storage.database import open_database


@pytest.fixture
def store(tmp_path: Path) -> Path:
    open_database(tmp_path / "desk.sqlite3").close()
    return tmp_path


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    assert main(["qa", "checks", *args, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert isinstance(out, list)
    return out


def test_one_call_with_the_agent_hanging_up_first(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    call = synthetic_call(random.Random(1), 0)
    while not any(e.kind is EventKind.HUNG_UP for e in call.events):
        call = synthetic_call(random.Random(2), 0)
    events = [CallEvent(e.kind, e.mono_ns, e.at, {"by": "agent"}) if e.kind is EventKind.HUNG_UP else e
              for e in call.events]
    call = type(call)(call.id, call.agent_id, call.started_at, call.caller, events, call.ticket,
                      call.ticket_number)
    seed_calls(store / "desk.sqlite3", [call])
    [row] = run_json(capsys, "--call", str(call.id), "--data-dir", str(store))
    assert row["call"] == str(call.id) and row["agent"] == call.agent_id
    checks = {c["name"]: c for c in row["checks"]}  # type: ignore[union-attr]
    hung = checks["customer_hung_up_first"]
    assert hung["passed"] is False
    hangup_seq = next(i for i, e in enumerate(events, 1) if e.kind is EventKind.HUNG_UP)
    assert hung["events"] == [hangup_seq]
    assert set(checks["talk_time"]) == {"name", "passed", "applicable", "events", "detail"}


def test_since_takes_the_calls_from_that_local_day(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    calls = list(synthetic_calls(50, step_s=3600))  # one an hour from T0 (08:00 local)
    seed_calls(store / "desk.sqlite3", calls)
    assert len(run_json(capsys, "--data-dir", str(store))) == 50
    day2 = (T0 + timedelta(hours=8) + timedelta(days=1)).date().isoformat()
    later = run_json(capsys, "--since", day2, "--data-dir", str(store))
    # local midnight of day 2 is 16:00 UTC of day 1: the calls from hour 16 on
    assert [r["call"] for r in later] == [str(c.id) for c in calls[16:]]
    failed = [r for r in later if any(not c["passed"] for c in r["checks"])]  # type: ignore[union-attr]
    assert failed, "synthetic calls break some rules"


def test_bad_arguments_are_refused(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["qa", "checks", "--since", "yesterday", "--data-dir", str(store)]) == 2
    assert "yesterday" in capsys.readouterr().err
    assert main(["qa", "checks", "--call", "00000000-0000-0000-0000-000000000001",
                 "--data-dir", str(store)]) == 1
    assert "no call" in capsys.readouterr().err
