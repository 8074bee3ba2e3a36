"""A long chain is walked in stretches by child processes (verify.py): an intact
chain holds there, and any break, also one where two stretches meet, sends the
check back to one walk in this process, which names the first break."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from callcenter.domain.audit import AuditAction
from callcenter.domain.clock import FakeClock
from callcenter.services.audit import verify as verify_mod
from callcenter.services.audit.log import AuditLog
from callcenter.services.audit.verify import verify_store
from callcenter.services.storage.database import Database, open_database

N = 40  # two stretches: 1..20 and 21..40


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setattr(verify_mod, "PARALLEL_FROM", 10)
    d = open_database(tmp_path / "desk.sqlite3")
    clock = FakeClock()
    log = AuditLog(d, clock, "WS01")
    for i in range(N):
        clock.advance(1)
        log.record(AuditAction.EXPORT, user_id="1001", subject=f"export {i + 1}")
    d.flush()
    yield d
    d.close()


@pytest.fixture
def stretches(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """What each walk in stretches answered (True: the chain held)."""
    seen: list[bool] = []
    real = verify_mod._holds_in_stretches

    def spy(*args: object) -> bool:
        seen.append(real(*args))  # type: ignore[arg-type]
        return seen[-1]

    monkeypatch.setattr(verify_mod, "_holds_in_stretches", spy)
    return seen


def _raw(db: Database, sql: str, *params: object) -> None:
    con = sqlite3.connect(db.path)
    with con:
        assert con.execute(sql, params).rowcount == 1
    con.close()


def test_an_intact_chain_holds_in_stretches(db: Database, stretches: list[bool]) -> None:
    report = verify_store(db, workers=2)
    assert (report.intact, report.records) == (True, N)
    assert stretches == [True]


@pytest.mark.parametrize("seq", [20, 21, 33])
def test_a_changed_record_anywhere_is_found(db: Database, stretches: list[bool], seq: int) -> None:
    _raw(db, "UPDATE audit_log SET payload = replace(payload, 'export', 'EXPORT') WHERE seq = ?", seq)
    report = verify_store(db, workers=2)
    assert stretches == [False]
    assert report.lines() == [f"record {seq}: changed: its hash does not match its contents (desk WS01)"]


def test_stretches_that_do_not_meet(db: Database, stretches: list[bool]) -> None:
    # record 21 rewritten whole as if it followed another record 20: its own hash
    # holds, so only the meeting of the two stretches can show it
    con = sqlite3.connect(db.path)
    payload = con.execute("SELECT payload FROM audit_log WHERE seq = 21").fetchone()[0]
    con.close()
    from callcenter.domain.audit import chain_hash

    _raw(db, "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = 21", "e" * 64,
         chain_hash("e" * 64, payload))
    report = verify_store(db, workers=2)
    assert stretches == [False]
    assert report.lines()[0].startswith("record 21: wrong prev hash")


def test_a_gap_keeps_the_chain_out_of_stretches(db: Database, stretches: list[bool]) -> None:
    _raw(db, "DELETE FROM audit_log WHERE seq = 21")
    report = verify_store(db, workers=2)
    assert stretches == []  # the numbers do not add up: one walk from the start
    assert report.lines() == ["record 21: missing (deleted): the chain goes from record 20 to 22 (desk WS01)"]
