"""A real SQLite store per test, and helpers to write outage lists."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from callcenter.domain.clock import FakeClock
from callcenter.services.outages.importer import OutageImport
from callcenter.services.outages.lookup import Outages
from callcenter.services.storage.database import Database, open_database
from tests.fakes import signed_in

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)  # 14:00 in Asia/Shanghai
HEADER = "停电编号,停电类型,停电原因,开始时间,预计恢复时间,实际恢复时间,状态,线路,台区,停电范围,发布时间"
GOOD_ROWS = [
    "TD001,计划停电,线路检修,2026-11-23 08:00,2026-11-23 18:00,,,10kV幸福线,,江城区幸福路12号、幸福路14号,"
    "2026-11-20 10:00",
    "TD002,故障停电,变压器故障,2026/11/23 13:30:00,2026/11/23 20:00,,停电中,,幸福路1号台区,,",
    "TD003,临时停电,消缺,2026-11-23 15:00,2026-11-23 17:00,,,,,\"滨湖区翠湖苑5栋; 湖心路8号\",",
    "TD004,超容量停电,负荷过载,2026-11-23 09:00,2026-11-23 12:00,2026-11-23 11:30,已恢复,10kV湖心线,,,",
]


def write_csv(path: Path, rows: list[str], encoding: str = "utf-8-sig", header: str = HEADER) -> Path:
    path.write_bytes(("\r\n".join([header, *rows]) + "\r\n").encode(encoding))
    return path


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    d = open_database(tmp_path / "desk.sqlite3")
    yield d
    d.close()


@pytest.fixture
def importer(db: Database, clock: FakeClock) -> OutageImport:
    return OutageImport(db, clock, "W01", "Asia/Shanghai")


@pytest.fixture
def outages(db: Database, clock: FakeClock) -> Outages:
    return Outages(db, clock, "W01", user=signed_in())
