"""The audit log through the service on a real SQLite store, and ``callcenter
audit verify`` on it: intact, then each kind of tampering done directly in the
SQLite file is named by record."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from callcenter.cli import main as cli_main
from callcenter.domain.audit import ZERO_HASH, AuditAction, chain_hash
from callcenter.domain.clock import FakeClock
from callcenter.services.audit.log import AuditLog
from callcenter.services.audit.verify import verify_store
from callcenter.services.storage.database import Database, open_database
from callcenter.store.audit_models import AuditRecord
from callcenter.store.sync_models import SyncOutbox

SQLISH = "'); DROP TABLE audit_log; -- \" OR 1=1 /* 工单 */"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    d = open_database(tmp_path / "desk.sqlite3")
    yield d
    d.close()


def _fill(db: Database, n: int, ws: str = "WS01") -> AuditLog:
    clock = FakeClock()
    log = AuditLog(db, clock, ws)
    for i in range(n):
        clock.advance(1)
        log.record(AuditAction.SIGN_IN, user_id=f"100{i % 3}", subject=f"subject {i + 1}",
                   detail={"n": str(i + 1)})
    db.flush()
    return log


def _verify_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli_main(["audit", "verify", "--data-dir", str(tmp_path)])
    return code, capsys.readouterr().out


def _raw(tmp_path: Path, sql: str, *params: object) -> None:
    con = sqlite3.connect(tmp_path / "desk.sqlite3")
    try:
        with con:
            assert con.execute(sql, params).rowcount >= 1
    finally:
        con.close()


def test_records_chain_per_desk_and_verify(db: Database, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    log = _fill(db, 5)
    rows = db.read_now(lambda s: s.execute(
        select(AuditRecord.seq, AuditRecord.prev_hash, AuditRecord.hash, AuditRecord.payload)
        .order_by(AuditRecord.seq)).all())
    assert [r.seq for r in rows] == [1, 2, 3, 4, 5]
    assert rows[0].prev_hash == ZERO_HASH
    for before, row in zip(rows, rows[1:], strict=False):
        assert row.prev_hash == before.hash == chain_hash(before.prev_hash, before.payload)
    newest = log.recent(10).result()
    assert [e.entry.seq for e in newest if e.entry] == [5, 4, 3, 2, 1]
    assert newest[0].entry is not None and newest[0].entry.action == "sign_in"
    # each record is captured for sync in its own transaction
    ops = db.read_now(lambda s: s.scalars(select(SyncOutbox.table_name)).all())
    assert ops.count("audit_log") == 5
    assert verify_store(db).intact
    db.close()
    assert _verify_cli(tmp_path, capsys) == (0, "intact: 5 records (1 desk)\n")


def test_a_row_changed_in_sqlite_is_named(db: Database, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    _fill(db, 6)
    db.close()
    _raw(tmp_path, "UPDATE audit_log SET payload = replace(payload, 'subject 3', 'nothing happened') "
                   "WHERE seq = 3")
    code, out = _verify_cli(tmp_path, capsys)
    assert code == 1
    assert out == "record 3: changed: its hash does not match its contents (desk WS01)\n"


def test_a_deleted_row_is_named(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _fill(db, 6)
    db.close()
    _raw(tmp_path, "DELETE FROM audit_log WHERE seq = 4")
    code, out = _verify_cli(tmp_path, capsys)
    assert (code, out.split(":")[0]) == (1, "record 4")
    assert "missing (deleted)" in out


def test_an_inserted_row_is_named(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _fill(db, 6)
    db.close()
    # a forged record 3 with a well-formed hash, the later ones moved up
    _raw(tmp_path, "UPDATE audit_log SET seq = seq + 1 WHERE seq >= 3")
    _raw(tmp_path, "INSERT INTO audit_log (id, desk, seq, prev_hash, hash, payload, version, updated_at, "
                   "origin_workstation) SELECT randomblob(16), desk, 3, hash, ?, '{}', 1, updated_at, desk "
                   "FROM audit_log WHERE seq = 2", "0" * 64)
    code, out = _verify_cli(tmp_path, capsys)
    assert (code, out.split(":")[:2]) == (1, ["record 3", " inserted"])


def test_a_relinked_row_is_named(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _fill(db, 4)
    db.close()
    _raw(tmp_path, "UPDATE audit_log SET prev_hash = ? WHERE seq = 2", "a" * 64)
    code, out = _verify_cli(tmp_path, capsys)
    assert code == 1 and out.startswith("record 2: changed")


def test_a_record_in_a_rolled_back_transaction_leaves_no_record_and_no_gap(db: Database) -> None:
    log = _fill(db, 2)

    class Refused(Exception):
        pass

    def publish_then_fail(s: object) -> None:
        log.record_in(s, AuditAction.SITE_PUBLISHED, user_id="9001", subject="profile #2")  # type: ignore[arg-type]
        raise Refused

    with pytest.raises(Refused):
        db.write_now(publish_then_fail)  # type: ignore[arg-type]
    log.record(AuditAction.EXPORT, user_id="9001", subject="tickets.xlsx").result()
    seqs = db.read_now(lambda s: s.scalars(select(AuditRecord.seq).order_by(AuditRecord.seq)).all())
    assert seqs == [1, 2, 3]
    assert [e.entry.action for e in log.recent().result() if e.entry] == ["export", "sign_in", "sign_in"]
    assert verify_store(db).intact
    ops = db.read_now(lambda s: s.scalars(select(SyncOutbox.table_name)).all())
    assert ops.count("audit_log") == 3


def test_sql_looking_text_is_stored_verbatim(db: Database) -> None:
    log = AuditLog(db, FakeClock(), "WS01")
    log.record(AuditAction.UNMASK, user_id=SQLISH, subject=SQLISH, detail={SQLISH: SQLISH}).result()
    (entry,) = [e.entry for e in log.recent().result()]
    assert entry is not None
    assert (entry.user_id, entry.subject, dict(entry.detail)) == (SQLISH, SQLISH, {SQLISH: SQLISH})
    assert verify_store(db).intact


def test_bad_input_is_refused_and_writes_nothing(db: Database) -> None:
    log = AuditLog(db, FakeClock(), "WS01")
    with pytest.raises(ValueError):
        log.record("no_such_action", user_id="1").result()  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        log.record(AuditAction.EXPORT, user_id="1", detail={"rows": 5}).result()  # type: ignore[dict-item]
    with pytest.raises(ValueError):
        log.record(AuditAction.EXPORT, user_id="1", subject="\ud800").result()
    assert db.read_now(lambda s: s.scalars(select(AuditRecord.seq)).all()) == []


def test_desks_chain_separately(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _fill(db, 3, "WS01")
    _fill(db, 2, "LEAD-1")  # e.g. pulled from central on a lead desk
    report = verify_store(db)
    assert (report.intact, report.records, report.desks) == (True, 5, 2)
    db.close()
    _raw(tmp_path, "DELETE FROM audit_log WHERE desk = 'LEAD-1' AND seq = 1")
    code, out = _verify_cli(tmp_path, capsys)
    assert code == 1 and out == "record 1: missing (deleted): the chain starts at record 2 (desk LEAD-1)\n"


def test_verify_without_a_store_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["audit", "verify", "--data-dir", str(tmp_path / "none")]) == 2
    assert "no store" in capsys.readouterr().err
