"""kill -9 in the middle of saving never leaves half a ticket behind."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

WRITER = r"""
import sys
from pathlib import Path
from callcenter.domain.clock import SystemClock
from callcenter.domain.ticket import TicketDraft
from callcenter.services.storage.database import open_database
from callcenter.services.site.profile import load_profile
from callcenter.services.tickets.entry import Tickets, DispatchRequest
from callcenter.domain.auth.roles import Actor, Role
from callcenter.services.auth.current_user import CurrentUser

db = open_database(Path(sys.argv[1]))
t = Tickets(db, load_profile(), SystemClock(), "K9", user=CurrentUser(Actor("1024", Role.AGENT)))
draft = TicketDraft(category="complaint", content="停电太频繁" * 50, caller_name="李四",
                    caller_phone="13800138002")
i = 0
while True:
    db.write_now(lambda s: t.save_in(s, draft, agent_id="1024",
                                     dispatch=DispatchRequest("marketing", 5)))
    i += 1
    if i == 20:
        print("saving", flush=True)
"""


def test_kill_9_mid_save_leaves_only_whole_tickets(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "saving"  # it is saving in a loop right now
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tickets = con.execute("SELECT count(*) FROM tickets").fetchone()[0]
        assert tickets >= 20
        # every ticket has exactly its two events (saved + dispatched), and the
        # sequence table agrees with the number of tickets
        orphans = con.execute(
            "SELECT count(*) FROM tickets t WHERE (SELECT count(*) FROM ticket_events e "
            "WHERE e.ticket_id = t.id) != 2").fetchone()[0]
        assert orphans == 0
        assert con.execute("SELECT count(*) FROM ticket_events").fetchone()[0] == 2 * tickets
        assert con.execute("SELECT sum(last_seq) FROM ticket_sequences").fetchone()[0] == tickets
    finally:
        con.close()
