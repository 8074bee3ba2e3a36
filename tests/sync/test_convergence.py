"""Convergence: desks editing the same tickets, each on its own SQLite file and
SyncEngine, all logged in to one real central PostgreSQL as their own roles,
end up holding exactly central's rows.

A seeded random schedule interleaves, across the desks: field edits of tickets
the desk has (one to three fields, every value unique to that edit), tickets
the desk creates through the real Tickets service, tombstones, full sync rounds
and pull-only rounds (so pulls meet rows with local edits still queued). Then
every desk syncs until two passes in a row push nothing, and:

* every desk's synced tables equal central's rows that desk may see (its pull
  subset per ``sync.visible``: all of them while every row is visible to every
  desk, its team's once central has subsets; the 10-desk run has two teams),
  column for column (``version`` included: central owns it and every desk took
  central's);
* no lost update: replaying central's answers in the order central gave them
  (each op applied, minus the fields central reported as conflicting) predicts
  central's value of every tracked ticket field; and every edit a desk made
  reached central as an op it applied;
* no duplicate: every ticket once on central, by id and by number;
* every conflict surfaced: central's ``sync.conflicts`` and the desks' local
  ``sync_conflicts`` (source ``push``) hold the same ops, fields and values.

``-m soak`` runs many more schedules (``SYNC_SOAK_ROUNDS``, default 50), each
with its own seed, desk count and length.
"""

from __future__ import annotations

import os
import random
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from callcenter.domain.clock import FakeClock
from callcenter.services.sync.engine import SyncReport
from callcenter.store.models import Ticket

from .desk_sim import (
    Desk,
    PushLog,
    RecordingClient,
    assert_caught_up,
    assert_tickets_once,
    central_conflicts,
    central_rows,
    desk_url,
    integrity_ok,
    last_op_id,
    open_desk,
    push_conflicts,
    save_ticket,
    sync_until_quiet,
)

EDITABLE = ("content", "caller_name", "address", "meter_no", "account_no", "priority", "status",
            "department")
CENTRAL_OWNED = ("version", "origin_workstation", "updated_at")
SOAK_ROUNDS = int(os.environ.get("SYNC_SOAK_ROUNDS", "50"))


@dataclass(frozen=True)
class Edit:
    desk: str
    ticket: str
    op_id: str
    values: dict[str, Any]


@dataclass
class World:
    desks: list[Desk]
    log: PushLog
    clock: FakeClock
    url: str
    teams: int = 1


@pytest.fixture
def world(tmp_path: Path, central_url: str) -> Iterator[Callable[..., World]]:
    made: list[Desk] = []

    def make(n: int, teams: int = 1) -> World:
        log = PushLog()
        clock = FakeClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
        for i in range(n):
            name = f"D{i}"
            url = desk_url(central_url, name, team=f"T{i % teams}")
            made.append(open_desk(tmp_path / f"{name}.sqlite3", name,
                                  partial(RecordingClient, url, log), clock, page_rows=7, push_ops=5))
        return World(made, log, clock, central_url, teams)

    yield make
    for d in made:
        d.close()


def live_tickets(desk: Desk) -> list[uuid.UUID]:
    return desk.db.read_now(lambda s: list(s.scalars(
        select(Ticket.id).where(Ticket.deleted_at.is_(None)).order_by(Ticket.number))))


def change(desk: Desk, tid: uuid.UUID, values: dict[str, Any], clock: FakeClock) -> str:
    """An agent's edit: the fields, the version bumped, updated_at now; its op id."""
    def go(s: Any) -> None:
        t = s.get(Ticket, tid)
        for k, v in values.items():
            setattr(t, k, v)
        t.version += 1
        t.updated_at = clock.utc_now()
    desk.db.write_now(go)
    return last_op_id(desk.db, tid)


def simulate(w: World, rng: random.Random, steps: int) -> tuple[list[Edit], set[str]]:
    """The random schedule; returns the edits made and the ids of the tickets created."""
    edits: list[Edit] = []
    created: set[str] = set()
    # some shared tickets to fight over: the first desk of each team files them, and
    # everyone pulls them (desk i is in team i % teams; a desk pulls its team's tickets)
    for first in w.desks[:w.teams]:
        created |= {str(save_ticket(first, i)) for i in range(4)}
    for d in w.desks:
        d.engine.run_once()
    actions = ["edit", "create", "delete", "sync", "pull"]
    weights = [10, 2, 0.4, 4, 1.5]
    for n in range(steps):
        w.clock.advance(rng.choice([1, 1, 2, 30]))
        desk = rng.choice(w.desks)
        action = rng.choices(actions, weights)[0]
        if action == "create":
            created.add(str(save_ticket(desk, n, dispatch=rng.random() < 0.5)))
        elif action in ("edit", "delete"):
            ids = live_tickets(desk)
            if not ids:
                continue
            tid = rng.choice(ids)
            if action == "delete":
                change(desk, tid, {"deleted_at": w.clock.utc_now()}, w.clock)
                continue
            fields = rng.sample(EDITABLE, rng.randint(1, 3))
            values = {f: f"{desk.name}-{n}-{f[:2]}" for f in fields}
            edits.append(Edit(desk.name, str(tid), change(desk, tid, values, w.clock), values))
        elif action == "sync":
            desk.engine.run_once()
        else:
            desk.engine.pull_all(SyncReport())  # a pull with local edits still queued
    return edits, created


def expected_tickets(log: PushLog) -> dict[str, dict[str, Any]]:
    """Central's tickets as its answers say they must be: each op applied in the
    order central applied it, except the fields it reported as conflicting."""
    model: dict[str, dict[str, Any]] = {}
    for op, conflicted in log.applied_first_time():
        if op.table != "tickets":
            continue
        row = model.get(op.row_id)
        stamp = datetime.fromisoformat(op.fields["updated_at"]) if "updated_at" in op.fields else None
        if row is None:
            assert op.base_version is None and op.kind == "upsert", op  # an insert comes first
            model[op.row_id] = row = {k: v for k, v in op.fields.items()
                                      if k not in ("updated_at", "version")}
            row["updated_at"] = stamp
            continue
        if stamp is not None and stamp > row["updated_at"]:
            row["updated_at"] = stamp  # the later of the two, never a conflict
        if op.kind == "delete":
            row["deleted_at"] = row.get("deleted_at") or op.fields["deleted_at"]  # the first wins
            continue
        for k, v in op.fields.items():
            if k not in CENTRAL_OWNED and k not in conflicted:
                row[k] = v
    return model


def check_converged(w: World, edits: list[Edit], created: set[str]) -> dict[str, int]:
    passes = sync_until_quiet(w.desks)
    url = w.url
    for d in w.desks:
        assert_caught_up(d, url)
        integrity_ok(d.path)
    assert_tickets_once(url, (uuid.UUID(t) for t in created))
    central = central_rows(url)
    assert set(central["tickets"]) == created  # nothing made up, nothing lost

    # no lost update: central holds what its own answers, replayed, predict
    model = expected_tickets(w.log)
    assert set(model) == created
    for tid, want in model.items():
        have = central["tickets"][tid]
        for k, v in want.items():
            got = datetime.fromisoformat(have[k]) if k == "updated_at" else have[k]
            assert got == v, (tid, k, got, v)
        assert have["version"] > 1 or not any(e.ticket == tid for e in edits)

    # every edit reached central as an applied op; a conflicted field is a kept conflict
    applied = {op.op_id: conflicted for op, conflicted in w.log.applied_first_time()}
    kept = {c[0]: c for c in central_conflicts(url)}
    lost = [e for e in edits if e.op_id not in applied]
    assert not lost, lost[:3]
    merged = conflicted_edits = 0
    for e in edits:
        fields = applied[e.op_id] & set(e.values)
        if fields:
            conflicted_edits += 1
            op_id, desk, row, cfields, desk_values = kept[e.op_id]
            assert (desk, row) == (e.desk, e.ticket) and fields <= set(cfields)
            assert all(desk_values[f] == e.values[f] for f in fields)
        else:
            merged += 1

    # every conflict surfaced on the desk that made the refused change, once
    local = [(str(c.op_id), d.name, str(c.row_id), sorted(c.fields), c.local_values)
             for d in w.desks for c in push_conflicts(d.db)]
    assert len(local) == len(kept) == len({c[0] for c in local})
    for op_id, desk, row, fields, values in local:
        k = kept[op_id]
        assert (k[1], k[2], sorted(k[3]), k[4]) == (desk, row, fields, values)
    return {"passes": passes, "conflicts": len(kept), "conflicted_edits": conflicted_edits,
            "merged_edits": merged, "pushes": len(w.log.pushes),
            "duplicates": sum(bool(p.answer.get("duplicate")) for p in w.log.pushes)}


@pytest.mark.parametrize(("n_desks", "teams", "steps", "seed"), [(2, 1, 150, 1), (10, 2, 220, 2)],
                         ids=["2-desks", "10-desks-2-teams"])
def test_desks_editing_the_same_tickets_converge(
        world: Callable[..., World], n_desks: int, teams: int, steps: int, seed: int) -> None:
    w = world(n_desks, teams)
    edits, created = simulate(w, random.Random(seed), steps)
    stats = check_converged(w, edits, created)
    print(stats)  # shown with -s
    # the schedule really fought: some edits merged, some conflicted
    assert stats["conflicts"] > 0 and stats["merged_edits"] > stats["conflicted_edits"], stats
    by_desk = Counter(e.desk for e in edits)
    assert len(by_desk) == n_desks, by_desk


@pytest.mark.soak
@pytest.mark.parametrize("seed", range(SOAK_ROUNDS))
def test_soak_random_schedules_converge(world: Callable[..., World], seed: int) -> None:
    rng = random.Random(1000 + seed)
    n = rng.randint(2, 10)
    w = world(n, rng.randint(1, min(3, n)))
    edits, created = simulate(w, rng, rng.randint(100, 600))
    check_converged(w, edits, created)


def test_fields_changed_with_a_tombstone_are_not_lost(world: Callable[..., World]) -> None:
    w = world(2)
    a, b = w.desks
    tid = save_ticket(a, 1)
    sync_until_quiet(w.desks)
    change(a, tid, {"content": "重复工单，作废", "deleted_at": w.clock.utc_now()}, w.clock)
    sync_until_quiet(w.desks)
    for d in w.desks:
        assert_caught_up(d, w.url)  # converged, but on what?
    row = central_rows(w.url)["tickets"][str(tid)]
    assert row["deleted_at"] is not None
    assert row["content"] == "重复工单，作废"  # the edit made with the tombstone
