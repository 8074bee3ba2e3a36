"""A desk's role can call the sync functions and nothing else."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

import psycopg
import pytest

from callcenter.sync import central
from callcenter.sync.central import CentralClient

from .central_ops import new_row_id, op, ticket_fields
from .conftest import with_db


@pytest.fixture(scope="module")
def desk_url(new_central_db: Callable[[], str]) -> str:
    """Desk D1's login on a database of this module (its tests change no data)."""
    central_url = new_central_db()
    central.create_desk_role(central_url, "D1", "pw-d1")
    central.create_desk_role(central_url, "D2", "pw-d2")
    return with_db(central_url, urlsplit(central_url).path.lstrip("/"), "desk_d1", "pw-d1")


@pytest.mark.parametrize("statement", [
    "SELECT * FROM public.tickets",
    "INSERT INTO public.tickets (id) VALUES (gen_random_uuid())",
    "UPDATE public.customers SET name = 'x'",
    "SELECT * FROM sync.applied_ops",
    "SELECT * FROM sync.conflicts",
    "INSERT INTO sync.desks (desk, role) VALUES ('X', 'desk_d1')",
    "SELECT sync.apply_op('D1', '{}'::jsonb)",
    "SELECT sync.register_table('alerts', 'merge')",
    "SELECT sync.visible('D1', 'tickets', '{}'::jsonb)",
    "SELECT sync.insert_new('D1', 'tickets', '{}'::text[], '[]'::jsonb)",
    "SELECT sync.prune()",
    "SELECT sync.prune(now() + interval '1 year')",
    "SELECT sync.subset_sql('tickets', 'lead')",
    "SELECT sync.team_desks('D1', 'A')",
    "SELECT * FROM sync.xid_marks",
    "UPDATE sync.meta SET pruned_before = now()",
    "UPDATE sync.desks SET kind = 'admin' WHERE desk = 'D1'",
    "UPDATE sync.conflicts SET resolved_at = now()",
    "CREATE TABLE public.mine (x int)",
    "SELECT sync.ticket_rows(ARRAY[gen_random_uuid()])",
    "SELECT sync.restamp_ticket_children()",
])
def test_desk_role_has_no_direct_access(desk_url: str, statement: str) -> None:
    with psycopg.connect(desk_url) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(statement)


def test_desk_role_can_push_and_pull_as_itself_only(desk_url: str) -> None:
    rid = new_row_id()
    with CentralClient(desk_url) as client:
        assert client.schema_version() >= 1
        assert client.push("D1", [op("tickets", rid, ticket_fields("X-1"))])["applied"]
        rows = client.pull("D1", None, 10)["rows"]
        assert [r["row"]["id"] for r in rows] == [rid]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            client.push("D2", [op("tickets", new_row_id(), ticket_fields("X-2"))])


def test_desk_role_resolves_and_lists_its_own_conflicts_only(desk_url: str) -> None:
    with CentralClient(desk_url) as client:
        assert client.open_conflicts("D1") == []
        with pytest.raises(psycopg.errors.NoDataFound):
            client.resolve_conflict("D1", new_row_id(), "dismissed")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            client.open_conflicts("D2")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            client.resolve_conflict("D2", new_row_id(), "dismissed")


def test_desk_role_fetches_a_caller_as_itself_only(desk_url: str) -> None:
    with CentralClient(desk_url) as client:
        assert client.fetch_caller("D1", "13900001111", [], 10) == {"rows": [], "tickets": 0}
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            client.fetch_caller("D2", "13900001111", [], 10)


def test_desk_role_needs_its_password(desk_url: str) -> None:
    wrong = desk_url.replace("pw-d1", "not-it")
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(wrong).close()
