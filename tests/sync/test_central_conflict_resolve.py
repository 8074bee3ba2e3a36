"""Conflict resolution on a real PostgreSQL: a desk lists its open conflicts and
records its decision on them, and only on its own, through its own login."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

import psycopg
import pytest

from callcenter.sync import central
from callcenter.sync.central import CentralClient

from .central_ops import new_row_id, op, ticket_fields
from .conftest import with_db


def _desk_url(central_url: str, desk: str, password: str | None) -> str:
    return with_db(central_url, urlsplit(central_url).path.lstrip("/"), central.role_name(desk), password)


@pytest.fixture
def conflict(new_central_db: Callable[[], str]) -> tuple[str, str, str]:
    """(admin URL, ticket id, op id): desk D2 of team B lost a status change to D1 of team A."""
    url = new_central_db()
    central.create_desk_role(url, "D1", "pw-d1", team="A")
    central.create_desk_role(url, "D2", "pw-d2", team="B")
    rid = new_row_id()
    late = op("tickets", rid, {"status": "closed", "version": 2}, base=1)
    with CentralClient(url) as client:
        client.push("D1", [op("tickets", rid, ticket_fields("C-1", "D1"))])
        client.push("D1", [op("tickets", rid, {"status": "dispatched", "version": 2}, base=1)])
        assert client.push("D2", [late])["conflicts"]
    return url, rid, late.op_id


def test_a_desk_lists_its_open_conflicts(conflict: tuple[str, str, str]) -> None:
    url, rid, op_id = conflict
    with CentralClient(_desk_url(url, "D2", None), password="pw-d2") as client:
        listed = client.open_conflicts("D2")
    assert len(listed) == 1
    item = listed[0]
    assert {k: item[k] for k in ("op_id", "table", "row_id", "fields", "local_values", "central_values",
                                 "base_version", "central_version")} == {
        "op_id": op_id, "table": "tickets", "row_id": rid, "fields": ["status"],
        "local_values": {"status": "closed"}, "central_values": {"status": "dispatched"},
        "base_version": 1, "central_version": 3}
    assert item["detected_at"]
    with CentralClient(url) as admin:
        assert admin.open_conflicts("D1") == []


def test_a_desk_resolves_its_own_conflict_once(conflict: tuple[str, str, str]) -> None:
    url, _, op_id = conflict
    with CentralClient(_desk_url(url, "D2", "pw-d2")) as client:
        res = client.resolve_conflict("D2", op_id, "central")
        assert (res["op_id"], res["resolution"], res["resolved_by"]) == (op_id, "central", "D2")
        assert res["resolved_at"]
        assert client.open_conflicts("D2") == []
        # a retry (or a second thought) gets the first decision back
        assert client.resolve_conflict("D2", op_id, "mine") == res
        with pytest.raises(psycopg.errors.InvalidParameterValue):
            client.resolve_conflict("D2", op_id, "whatever")
        with pytest.raises(psycopg.errors.NoDataFound):
            client.resolve_conflict("D2", new_row_id(), "dismissed")
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT resolution, resolved_by, resolved_at IS NOT NULL FROM sync.conflicts "
                           "WHERE op_id = %s", (op_id,)).fetchone()
    assert row == ("central", "D2", True)


def test_a_desk_of_another_team_cannot_resolve_it(conflict: tuple[str, str, str]) -> None:
    url, _, op_id = conflict
    with CentralClient(_desk_url(url, "D1", "pw-d1")) as client:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="may not resolve"):
            client.resolve_conflict("D1", op_id, "dismissed")  # not its conflict
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            client.resolve_conflict("D2", op_id, "dismissed")  # not its desk
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            client.open_conflicts("D2")
    with CentralClient(url) as admin:
        assert len(admin.open_conflicts("D2")) == 1  # still open
