"""`callcenter bench outage-import` at a small size: it reports its figures
(CPU time beside wall) and refuses a run whose rows or sync ops are not in the
store (no timing asserts: the goal is checked by running it at 50,000)."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from callcenter.bench import main
from callcenter.bench.common import BenchError
from callcenter.bench.outage_import import check_stored, write_csv
from callcenter.domain.clock import FakeClock
from callcenter.services.outages.importer import OutageImport
from callcenter.services.storage.database import open_database

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)


def test_outage_import_prints_its_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outage-import", "--size", "200", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["scenario"], result["size"]) == ("outage-import", 200)
    m = result["metrics"]
    for key in ("seconds", "cpu_s", "rows_per_s", "baseline_rows_per_s", "ratio"):
        assert isinstance(m[key], int | float) and m[key] > 0, key


def _imported(tmp_path: Path, n: int) -> Path:
    src = tmp_path / "outages.csv"
    write_csv(src, n, NOW)
    path = tmp_path / "desk.sqlite3"
    db = open_database(path)
    try:
        assert OutageImport(db, FakeClock(NOW), "BENCH", "Asia/Shanghai").run(src).ok
    finally:
        db.close()
    return path


def test_the_check_passes_a_whole_import_and_refuses_missing_work(tmp_path: Path) -> None:
    path = _imported(tmp_path, 40)
    check_stored(path, 40)
    with pytest.raises(BenchError, match="41 rows"):
        check_stored(path, 41)
    con = sqlite3.connect(path)
    with con:
        con.execute("DELETE FROM sync_outbox WHERE seq = (SELECT max(seq) FROM sync_outbox "
                    "WHERE table_name = 'outage_targets')")
    con.close()
    with pytest.raises(BenchError, match="sync ops"):
        check_stored(path, 40)
    con = sqlite3.connect(path)
    with con:
        con.execute("DELETE FROM sync_outbox")
    con.close()
    with pytest.raises(BenchError, match="0 outage and 0 target sync ops"):
        check_stored(path, 40)
