"""The monthly report's figures on a real central PostgreSQL, against the same
seeded month as the SQLite test (tests/report): one set of queries, two databases."""

from __future__ import annotations

from callcenter.domain.report.period import Month
from callcenter.services.report import source
from callcenter.services.report.monthly import SITE
from callcenter.services.site.profile import load_profile
from tests.report.checks import assert_matches
from tests.report.seed_month import AS_OF, MONTH, expected, load, make_seed


def test_figures_on_central_match_the_seed(central_url: str) -> None:
    seed = make_seed()
    engine = source.central_engine(central_url)
    try:
        load(engine, seed)
    finally:
        engine.dispose()
    report = source.from_central(central_url, load_profile(), Month.parse(MONTH), AS_OF)
    assert report.scope == SITE
    assert_matches(report, expected(seed), top_n=10)
