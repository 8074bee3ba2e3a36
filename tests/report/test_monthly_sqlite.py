"""The monthly report's figures on a desk's SQLite, against a seeded month."""

from __future__ import annotations

from pathlib import Path

from callcenter.domain.report.period import Month
from callcenter.services.report import source
from callcenter.services.report.monthly import DESK
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import open_database

from .checks import assert_matches
from .seed_month import AS_OF, MONTH, expected, load, make_seed


def test_figures_on_sqlite_match_the_seed(tmp_path: Path) -> None:
    db = open_database(tmp_path / "desk.sqlite3")
    try:
        seed = make_seed()
        load(db.write_engine, seed)
        steps: list[int] = []
        report = source.from_desk(db, load_profile(), Month.parse(MONTH), AS_OF,
                                  progress=lambda done, total: steps.append(done))
    finally:
        db.close()
    assert report.scope == DESK
    assert steps == [1, 2, 3, 4, 5, 6]
    assert_matches(report, expected(seed), top_n=10)
