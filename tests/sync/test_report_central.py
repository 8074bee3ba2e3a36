"""The monthly report's figures on a real central PostgreSQL, against the same
seeded month as the SQLite test (tests/report): one set of queries, two databases."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from callcenter.domain.report.period import Month
from callcenter.services.report import source
from callcenter.services.report.monthly import SITE
from callcenter.services.report.xlsx import HEADER_ROW
from callcenter.services.site.profile import load_profile
from tests.report.checks import assert_matches
from tests.report.cli_run import run_report
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


def test_cli_on_central_reports_the_whole_site(central_url: str, tmp_path: Path) -> None:
    seed = make_seed()
    engine = source.central_engine(central_url)
    try:
        load(engine, seed)
    finally:
        engine.dispose()
    out = tmp_path / "site.xlsx"
    done = run_report("monthly", "--month", MONTH, "--out", str(out), "--central", central_url)
    assert done.returncode == 0, done.stderr
    ws = load_workbook(out)["业务量"]
    assert ws["A1"].value.endswith("（全站）")
    assert ws.cell(HEADER_ROW + 6, 2).value == sum(expected(seed)["current"].values())
    unreachable = run_report("monthly", "--month", MONTH, "--out", str(tmp_path / "x.xlsx"),
                             "--central", "postgresql://nobody@127.0.0.1:1/none")
    assert unreachable.returncode == 2 and unreachable.stderr.startswith("callcenter report: central:")
    assert not (tmp_path / "x.xlsx").exists()
