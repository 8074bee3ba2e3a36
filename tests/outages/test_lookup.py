"""Lookups by account, transformer area, feeder and address, at a given time."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from callcenter.domain.outages import Phase
from callcenter.services.customers.screen_pop import AccountCard, CustomerCard, ScreenPop
from callcenter.services.outages.importer import OutageImport
from callcenter.services.outages.lookup import LookupQuery, Outages
from callcenter.services.storage.database import Database
from callcenter.store.models import Account, Customer

from .conftest import GOOD_ROWS, NOW, write_csv


def add_account(db: Database, no: str, address: str, ta: str | None = None,
                feeder: str | None = None) -> None:
    def run(s) -> None:  # type: ignore[no-untyped-def]
        c = Customer(name="张三", phone="13800000000", address=address, area_type="urban",
                     updated_at=NOW, origin_workstation="W01")
        s.add(c)
        s.add(Account(customer=c, account_no=no, meter_no="1", address=address, transformer_area=ta,
                      feeder=feeder, updated_at=NOW, origin_workstation="W01"))

    db.write_now(run)


def ids(hits: list) -> list[str]:  # type: ignore[type-arg]
    return [h.source_id for h in hits]


def test_lookup_by_address_variants_and_how_it_matched(tmp_path: Path, importer: OutageImport,
                                                       outages: Outages) -> None:
    assert importer.run(write_csv(tmp_path / "a.csv", GOOD_ROWS)).ok
    hits = outages.lookup(LookupQuery(text="临江市江城区幸福路１２号 3栋2单元")).result()
    assert ids(hits) == ["TD001"] and hits[0].matched_by == "address_scope"
    assert hits[0].phase is Phase.ACTIVE
    assert outages.lookup(LookupQuery(text="幸福路112号")).result() == []
    assert outages.lookup(LookupQuery(text="滨湖区幸福路12号")).result() == []  # another district
    broad = outages.lookup(LookupQuery(text="幸福路")).result()
    # the street finds the scopes on it and the 台区 named after it (issue 17 item 22)
    assert [(h.source_id, h.matched_by) for h in broad] == [("TD001", "area_search"),
                                                            ("TD002", "transformer_area")]
    upcoming = outages.lookup(LookupQuery(text="翠湖苑5号楼1单元")).result()
    assert ids(upcoming) == ["TD003"] and upcoming[0].phase is Phase.UPCOMING


def test_lookup_by_account_uses_its_grid_and_address(tmp_path: Path, importer: OutageImport,
                                                     outages: Outages, db: Database) -> None:
    assert importer.run(write_csv(tmp_path / "a.csv", GOOD_ROWS)).ok
    add_account(db, "3100000001", "临江市江城区人民路1号", ta="幸福路1号台区")
    add_account(db, "3100000002", "临江市江城区幸福路14号2单元")
    add_account(db, "3100000003", "临江市滨湖区湖心路100号", feeder="10kV湖心线")
    h = outages.lookup(LookupQuery(account="3100000001")).result()
    assert [(x.source_id, x.matched_by) for x in h] == [("TD002", "transformer_area")]
    h = outages.lookup(LookupQuery(account="3100000002")).result()
    assert [(x.source_id, x.matched_by) for x in h] == [("TD001", "address_scope")]
    h = outages.lookup(LookupQuery(account="3100000003")).result()
    assert [(x.source_id, x.matched_by, x.phase) for x in h] == [
        ("TD004", "feeder", Phase.RECENTLY_RESTORED)]
    assert outages.lookup(LookupQuery(account="3199999999")).result() == []
    assert ids(outages.lookup(LookupQuery(feeder="10kV幸福线")).result()) == ["TD001"]
    assert ids(outages.lookup(LookupQuery(transformer_area="幸福路1号台区")).result()) == ["TD002"]


def test_lookup_at_another_time(tmp_path: Path, importer: OutageImport, outages: Outages) -> None:
    assert importer.run(write_csv(tmp_path / "a.csv", GOOD_ROWS)).ok
    q = LookupQuery(transformer_area="幸福路1号台区")
    # TD002 starts at 13:30 local = 05:30 UTC
    before = outages.lookup(LookupQuery(transformer_area=q.transformer_area,
                                        at=NOW - timedelta(minutes=31))).result()
    assert [h.phase for h in before] == [Phase.UPCOMING]
    later = outages.lookup(LookupQuery(transformer_area=q.transformer_area,
                                       at=NOW + timedelta(days=5))).result()
    assert [h.phase for h in later] == [Phase.ACTIVE]  # never restored: overdue, not dropped
    # TD004 was restored at 11:30 local; at 11:29 it was still active, a day later it is gone
    feeder = "10kV湖心线"
    at_1129 = NOW - timedelta(hours=2, minutes=31)
    hits = outages.lookup(LookupQuery(feeder=feeder, at=at_1129)).result()
    assert [h.phase for h in hits] == [Phase.ACTIVE]
    assert outages.lookup(LookupQuery(feeder=feeder, at=NOW + timedelta(days=1))).result() == []


def test_screen_pop_check_and_board(tmp_path: Path, importer: OutageImport, outages: Outages,
                                    db: Database) -> None:
    assert importer.run(write_csv(tmp_path / "a.csv", GOOD_ROWS)).ok
    add_account(db, "3100000002", "临江市江城区幸福路14号2单元")
    pop = ScreenPop("13800000000", (CustomerCard("张三", "13800000000", "临江市滨湖区翠湖苑5号楼", "urban",
                                                 (AccountCard("3100000002", "1", "x"),)),), (), ())
    hits = outages.for_pop(pop).result()
    assert [(h.source_id, h.phase) for h in hits] == [("TD001", Phase.ACTIVE), ("TD003", Phase.UPCOMING)]
    board = outages.board().result()
    assert (ids(list(board.active)), ids(list(board.upcoming)), ids(list(board.restored))) == (
        ["TD001", "TD002"], ["TD003"], ["TD004"])
    assert db.read_now(lambda s: s.scalar(select(Account.feeder).where(Account.account_no == "3100000002"))) \
        is None


def test_demo_outages_follow_the_clock(db: Database, clock) -> None:  # type: ignore[no-untyped-def]
    from callcenter.services.demo.outages import seed_demo_outages
    from callcenter.services.outages.lookup import board_in

    assert seed_demo_outages(db, clock, "W01") == 6
    assert seed_demo_outages(db, clock, "W01") == 0  # same day: nothing changes
    clock.advance(3 * 24 * 3600)
    assert seed_demo_outages(db, clock, "W01") == 6  # moved to around the new day, not duplicated
    board = db.read_now(lambda s: board_in(s, clock.utc_now()))
    assert {h.source_id for h in board.active} == {"DEMO-F001", "DEMO-T001"}
    assert [h.source_id for h in board.restored] == ["DEMO-O001"]
    late = [h for h in board.upcoming if h.short_notice]
    assert [h.source_id for h in late] == ["DEMO-P001"]  # announced 3 days ahead (commitment 7)


def test_any_lookup_is_quick_and_an_overlong_one_is_refused(tmp_path: Path, importer: OutageImport,
                                                            outages: Outages) -> None:
    """Issue 19: the time grew with the square of the query length (5,000 characters
    took 2.5 s). Now the address code is linear, and past MAX_QUERY_CHARS the
    service refuses (the console cuts what is typed or pasted)."""
    import time

    import pytest

    from callcenter.domain.outages.address import parse_address, split_chunks
    from callcenter.services.outages.lookup import MAX_QUERY_CHARS, QueryTooLong

    assert importer.run(write_csv(tmp_path / "a.csv", GOOD_ROWS)).ok
    for text in ("幸福" * 10_000, "江城区" + "x" * 20_000, "幸福路12号" * 3_000):
        t0 = time.perf_counter()
        parse_address(text)
        split_chunks(text)
        assert time.perf_counter() - t0 < 0.2, len(text)
    longest = ("江城区幸福路12号" + "幸福" * MAX_QUERY_CHARS)[:MAX_QUERY_CHARS]
    t0 = time.perf_counter()
    outages.lookup(LookupQuery(text=longest)).result()
    assert time.perf_counter() - t0 < 0.5
    with pytest.raises(QueryTooLong) as err:
        outages.lookup(LookupQuery(text="幸福" * 50_000)).result()
    assert str(err.value) == f"the text is 100000 characters long; at most {MAX_QUERY_CHARS}"
