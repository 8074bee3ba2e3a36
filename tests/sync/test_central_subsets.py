"""Per-desk subsets of sync.pull on a real PostgreSQL: an agent desk gets its
team's tickets and their rows, a department desk the tickets dispatched to it,
lead/qa/admin desks everything, every desk the reference data; sync.visible
says the same as pull, row by row."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from callcenter.sync import central
from callcenter.sync.central import CentralClient
from callcenter.sync.central_names import DESK_KINDS
from callcenter.sync.registry import SYNCED

from .central_ops import (
    event_fields,
    fields_for,
    new_row_id,
    op,
    pull_all,
    register_desk,
    ticket_fields,
)

DESKS = {  # desk: (team, kind)
    "A1": ("A", "agent"), "A2": ("A", "agent"), "B1": ("B", "agent"), "N1": (None, "agent"),
    "L1": ("A", "lead"), "Q1": (None, "qa"), "AD": (None, "admin"),
    "REP": ("repair", "department"), "MKT": ("marketing", "department"),
}
REFERENCE = ("customers", "accounts", "outages", "outage_targets", "emergency_banners", "script_versions",
             "site_documents")


def _ticket_family(client: CentralClient, desk: str, number: str) -> dict[str, str]:
    """A ticket made on ``desk`` with one row of every table that hangs off it."""
    ids = {name: new_row_id() for name in ("tickets", "ticket_events", "callback_tasks",
                                           "callback_attempts", "ticket_outage_links", "alerts")}
    tid = ids["tickets"]
    tx = new_row_id()
    ops = [
        op("tickets", tid, ticket_fields(number, desk), tx=tx, seq=1),
        op("ticket_events", ids["ticket_events"], event_fields(tid, desk=desk), tx=tx, seq=2),
        op("callback_tasks", ids["callback_tasks"], fields_for("callback_tasks", desk, ticket_id=tid),
           tx=tx, seq=3),
        op("callback_attempts", ids["callback_attempts"],
           fields_for("callback_attempts", desk, task_id=ids["callback_tasks"]), tx=tx, seq=4),
        op("ticket_outage_links", ids["ticket_outage_links"],
           fields_for("ticket_outage_links", desk, ticket_id=tid), tx=tx, seq=5),
        op("alerts", ids["alerts"], fields_for("alerts", desk, ticket_id=tid, for_role="shift_lead"),
           tx=tx, seq=6),
    ]
    assert client.push(desk, ops)["conflicts"] == []
    return ids


def _activity(client: CentralClient, desk: str) -> dict[str, str]:
    """One row of each call/shift table, made on ``desk``."""
    ids = {name: new_row_id() for name in ("call_sessions", "call_events", "agent_shifts",
                                           "agent_state_events")}
    client.push(desk, [op(name, rid, fields_for(name, desk), seq=i)
                       for i, (name, rid) in enumerate(ids.items())])
    return ids


@pytest.fixture
def world(central_url: str) -> dict[str, Any]:
    for desk, (team, kind) in DESKS.items():
        register_desk(central_url, desk, team, kind)
    w: dict[str, Any] = {"url": central_url}
    with CentralClient(central_url) as client:
        w["ref"] = {name: new_row_id() for name in REFERENCE}
        client.push("B1", [op(name, rid, fields_for(name, "B1"), seq=i)
                           for i, (name, rid) in enumerate(w["ref"].items())])
        w["a"] = _ticket_family(client, "A2", "TA-1")
        w["b"] = _ticket_family(client, "B1", "TB-1")
        w["n"] = _ticket_family(client, "N1", "TN-1")
        w["a_act"] = _activity(client, "A2")
        w["b_act"] = _activity(client, "B1")
        w["lone_alert"] = new_row_id()  # an alert about no ticket, for the shift lead
        client.push("B1", [op("alerts", w["lone_alert"],
                              fields_for("alerts", "B1", ticket_id=None, for_role="shift_lead"))])
        # B1 dispatches its ticket to the repair department
        tb = w["b"]["tickets"]
        w["dispatch_event"] = new_row_id()
        tx = new_row_id()
        res = client.push("B1", [
            op("tickets", tb, {"status": "dispatched", "department": "repair", "version": 2}, base=1,
               tx=tx, seq=1),
            op("ticket_events", w["dispatch_event"], event_fields(tb, "dispatched", desk="B1"), tx=tx, seq=2),
        ])
        assert res["conflicts"] == []
    return w


def _got(url: str, desk: str, max_rows: int = 1000) -> set[tuple[str, str]]:
    with CentralClient(url) as client:
        rows, _ = pull_all(client, desk, None, max_rows)
    got = [(r["table"], r["row"]["id"]) for r in rows]
    assert len(got) == len(set(got))
    return set(got)


def _family(ids: dict[str, str]) -> set[tuple[str, str]]:
    return {(table, rid) for table, rid in ids.items()}


def test_an_agent_desk_gets_its_teams_tickets_and_not_another_teams(world: dict[str, Any]) -> None:
    got = _got(world["url"], "A1")
    ref, a, b = _family(world["ref"]), _family(world["a"]), _family(world["b"])
    assert ref <= got and a <= got and _family(world["a_act"]) <= got
    assert not (b | _family(world["b_act"]) | _family(world["n"])) & got
    assert ("ticket_events", world["dispatch_event"]) not in got
    assert ("alerts", world["lone_alert"]) not in got
    assert got == ref | a | _family(world["a_act"])
    # the other team sees the mirror image, and its own alert without a ticket
    got_b = _got(world["url"], "B1")
    assert got_b == ref | b | _family(world["b_act"]) | {
        ("ticket_events", world["dispatch_event"]), ("alerts", world["lone_alert"])}


def test_a_desk_without_a_team_sees_its_own_rows_only(world: dict[str, Any]) -> None:
    assert _got(world["url"], "N1") == _family(world["ref"]) | _family(world["n"])


def test_a_department_desk_gets_the_tickets_dispatched_to_it(world: dict[str, Any]) -> None:
    got = _got(world["url"], "REP")
    b = _family(world["b"])
    assert got == _family(world["ref"]) | b | {("ticket_events", world["dispatch_event"])}
    with CentralClient(world["url"]) as client:
        rows, _ = pull_all(client, "REP")
    ticket = next(r["row"] for r in rows if r["table"] == "tickets")
    assert (ticket["status"], ticket["department"], ticket["version"]) == ("dispatched", "repair", 2)
    # another department gets reference data only
    assert _got(world["url"], "MKT") == _family(world["ref"])


def test_lead_qa_and_admin_desks(world: dict[str, Any]) -> None:
    everything = (_family(world["ref"]) | _family(world["a"]) | _family(world["b"]) | _family(world["n"])
                  | _family(world["a_act"]) | _family(world["b_act"])
                  | {("ticket_events", world["dispatch_event"]), ("alerts", world["lone_alert"])})
    assert _got(world["url"], "L1") == everything  # alerts for the shift lead reach lead desks
    assert _got(world["url"], "AD") == everything
    assert _got(world["url"], "Q1") == everything - {("alerts", world["lone_alert"])}
    # a desk not in sync.desks can only be named by an admin connection: it sees all
    assert _got(world["url"], "UNREGISTERED") == everything


def test_small_pages_return_the_same_subset(world: dict[str, Any]) -> None:
    for desk in ("A1", "REP", "L1"):
        assert _got(world["url"], desk, max_rows=2) == _got(world["url"], desk)


def test_visible_agrees_with_pull_row_by_row(world: dict[str, Any]) -> None:
    url = world["url"]
    with psycopg.connect(url) as conn:
        for desk in DESKS:
            got = _got(url, desk)
            for table in SYNCED:
                rows = conn.execute(
                    f"SELECT id::text, sync.visible(%s, %s, to_jsonb(t)) FROM public.{table} t",
                    (desk, table)).fetchall()
                for rid, visible in rows:
                    assert visible == ((table, rid) in got), (desk, table, rid)


def test_every_synced_table_has_a_rule_for_every_kind(central_url: str) -> None:
    with psycopg.connect(central_url) as conn:
        for table in SYNCED:
            for kind in DESK_KINDS:
                rule = conn.execute("SELECT sync.subset_sql(%s, %s)", (table, kind)).fetchone()
                assert rule is not None and rule[0] is not None, (table, kind)


def test_a_desk_that_sees_little_gets_short_pages_and_still_catches_up(central_url: str) -> None:
    register_desk(central_url, "MKT", "marketing", "department")
    mine = new_row_id()
    with CentralClient(central_url) as client:
        # more rows it may not see than one call scans (the scan budget is 1000 here)
        client.push("B1", [op("tickets", new_row_id(), ticket_fields(f"X-{i}", "B1"), seq=i)
                           for i in range(1500)])
        client.push("MKT", [op("tickets", mine, ticket_fields("MKT-1", "MKT"))])
        first = client.pull("MKT", None, 5)
        assert first["rows"] == [] and first["more"]  # the cursor moved past rows it may not see
        rows, cursor = pull_all(client, "MKT", first["cursor"], 5)
        assert [r["row"]["id"] for r in rows] == [mine]
        assert client.pull("MKT", cursor, 5)["rows"] == []


def test_a_tickets_children_are_pulled_again_when_it_is_dispatched(world: dict[str, Any]) -> None:
    """A department desk that pulled before a ticket was dispatched to it gets the
    ticket and the rows written before the dispatch (central re-stamps them,
    c0006); a desk that had them gets them again, unchanged."""
    url = world["url"]
    a = world["a"]
    with CentralClient(url) as client:
        _, cursor = pull_all(client, "MKT")
        _, a1_cursor = pull_all(client, "A1")
        client.push("A2", [op("tickets", a["tickets"], {"department": "marketing", "version": 2},
                              base=1)])
        rows, _ = pull_all(client, "MKT", cursor)
        again, _ = pull_all(client, "A1", a1_cursor)
        # a change that is not a dispatch re-sends the ticket alone
        _, cursor = pull_all(client, "MKT")
        client.push("A2", [op("tickets", a["tickets"], {"content": "改了内容", "version": 3}, base=2)])
        only, _ = pull_all(client, "MKT", cursor)
    assert {(r["table"], r["row"]["id"]) for r in rows} == _family(a)
    assert {(r["table"], r["row"]["id"]) for r in again} == _family(a)
    assert {(r["table"], r["row"]["id"]) for r in only} == {("tickets", a["tickets"])}


def _fetched(url: str, desk: str, phone: str, accounts: list[str], n: int = 50) -> dict[str, Any]:
    with CentralClient(url) as client:
        return client.fetch_caller(desk, phone, accounts, n)


def test_an_agent_desk_fetches_a_callers_tickets_of_every_team(world: dict[str, Any]) -> None:
    url = world["url"]
    everything = _family(world["a"]) | _family(world["b"]) | _family(world["n"]) | {
        ("ticket_events", world["dispatch_event"])}
    for phone, accounts in (("13800000000", []), ("", ["A1"]), ("13900000000", ["nope", "A1"])):
        got = _fetched(url, "A1", phone, accounts)
        assert got["tickets"] == 3
        pairs = [(r["table"], r["row"]["id"]) for r in got["rows"]]
        assert set(pairs) == everything and len(pairs) == len(everything)
        # parents before children; central's bookkeeping stays on central
        order = [t for t, _ in pairs]
        assert order.index("callback_attempts") > max(i for i, t in enumerate(order) if t == "callback_tasks")
        assert max(i for i, t in enumerate(order) if t == "tickets") < order.index("ticket_events")
        assert not any(k.startswith("sync_") for r in got["rows"] for k in r["row"])
    assert _fetched(url, "A1", "13900000000", ["nope"]) == {"rows": [], "tickets": 0}
    # a lookup by account alone does not match tickets without a phone
    with CentralClient(url) as client:
        client.push("A2", [op("tickets", new_row_id(), ticket_fields("NOPHONE", "A2", caller_phone="",
                                                                      account_no="A9"))])
    assert _fetched(url, "A1", "", ["nope"]) == {"rows": [], "tickets": 0}
    assert _fetched(url, "A1", "", ["A9"])["tickets"] == 1
    newest = _fetched(url, "A1", "13800000000", [], n=1)
    assert newest["tickets"] == 1


def test_a_department_desk_fetches_only_its_own_tickets(world: dict[str, Any]) -> None:
    got = _fetched(world["url"], "REP", "13800000000", ["A1"])
    assert {(r["table"], r["row"]["id"]) for r in got["rows"]} == _family(world["b"]) | {
        ("ticket_events", world["dispatch_event"])}
    assert _fetched(world["url"], "MKT", "13800000000", ["A1"])["tickets"] == 0


def test_a_fetch_asks_for_a_sane_number_of_tickets(world: dict[str, Any]) -> None:
    for n in (0, 501):
        with CentralClient(world["url"]) as client, pytest.raises(psycopg.errors.InvalidParameterValue):
            client.fetch_caller("A1", "13800000000", [], n)


def test_desk_kinds_are_checked(central_url: str) -> None:
    with pytest.raises(ValueError, match="kind"):
        central.create_desk_role(central_url, "X1", "pw", kind="boss")
    with psycopg.connect(central_url) as conn, pytest.raises(psycopg.errors.CheckViolation):
        conn.execute("INSERT INTO sync.desks (desk, role, kind) VALUES ('X1', 'x1', 'boss')")
    role = central.create_desk_role(central_url, "X2", "pw", team="repair", kind="department")
    with psycopg.connect(central_url) as conn:
        assert conn.execute("SELECT role, team, kind FROM sync.desks WHERE desk = 'X2'").fetchone() == (
            role, "repair", "department")
    central.create_desk_role(central_url, "X2", "pw2", team="metering", kind="department")  # re-key
    with psycopg.connect(central_url) as conn:
        assert conn.execute("SELECT team FROM sync.desks WHERE desk = 'X2'").fetchone() == ("metering",)
