"""kill -9 while saving never leaves a change without its ops, or ops without
their change: both are in one SQLite transaction."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

WRITER = r"""
import sys
from pathlib import Path
from callcenter.domain.clock import SystemClock
from callcenter.domain.ticket import TicketDraft
from callcenter.services.storage.database import open_database
from callcenter.services.site.profile import load_profile
from callcenter.services.tickets.entry import Tickets, DispatchRequest
from callcenter.store.models import Ticket
from callcenter.domain.auth.roles import Actor, Role
from callcenter.services.auth.current_user import CurrentUser

db = open_database(Path(sys.argv[1]))
clock = SystemClock()
t = Tickets(db, load_profile(), clock, "K9", user=CurrentUser(Actor("1024", Role.AGENT)))
draft = TicketDraft(category="complaint", content="停电太频繁" * 50, caller_name="李四",
                    caller_phone="13800138002")

def save_and_touch(s):
    saved = t.save_in(s, draft, agent_id="1024", dispatch=DispatchRequest("marketing", 5))
    s.flush()
    row = s.get(Ticket, saved.id)
    row.status, row.version, row.updated_at = "in_progress", row.version + 1, clock.utc_now()

def touch_all(s):
    for row in s.query(Ticket).filter(Ticket.status == "in_progress").limit(5):
        row.content, row.version, row.updated_at = row.content + "!", row.version + 1, clock.utc_now()

i = 0
while True:
    db.write_now(save_and_touch if i % 2 == 0 else touch_all)
    i += 1
    if i == 30 + int(sys.argv[2]):
        print("saving", flush=True)
"""


@pytest.mark.parametrize("extra", [0, 7, 23])
def test_kill_9_mid_save_keeps_changes_and_ops_together(tmp_path: Path, extra: int) -> None:
    path = tmp_path / "desk.sqlite3"
    # the child announces itself after a different number of transactions each time,
    # so the kill lands at different points of the loop without sleeping here
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(extra)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    with proc.stdout:
        assert proc.stdout.readline().strip() == "saving"  # writing in a loop right now
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tickets = {uuid.UUID(hex=i): v for i, v in con.execute("SELECT id, version FROM tickets")}
        events = {uuid.UUID(hex=i) for (i,) in con.execute("SELECT id FROM ticket_events")}
        assert len(tickets) >= 15 and len(events) == 2 * len(tickets)
        ops = con.execute("SELECT tx_id, table_name, row_id, kind, base_version, fields "
                          "FROM sync_outbox ORDER BY seq").fetchall()
        # every row has its ops, and no op names a row that is not there
        assert {uuid.UUID(hex=r) for _, t, r, *_ in ops if t == "tickets"} == set(tickets)
        assert {uuid.UUID(hex=r) for _, t, r, *_ in ops if t == "ticket_events"} == events
        # the last op of each ticket brings it to the version it has
        last: dict[uuid.UUID, int] = {}
        for _, table, row, _, _, fields in ops:
            f = json.loads(fields)
            if table == "tickets" and "version" in f:
                last[uuid.UUID(hex=row)] = f["version"]
        assert last == tickets
        # each save is one transaction: a ticket insert, its update and two events
        by_tx: dict[str, list[str]] = {}
        for tx, table, *_ in ops:
            by_tx.setdefault(tx, []).append(table)
        saves = [t for t in by_tx.values() if "ticket_events" in t]
        assert len(saves) == len(tickets)
        assert all(sorted(t) == ["ticket_events", "ticket_events", "tickets", "tickets"]
                   for t in saves)
    finally:
        con.close()
