"""`callcenter central demo DIR`: one command gives an embedded PostgreSQL and
two desks pointed at it (an agent and a shift lead) that really sync."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from callcenter.commands import central as central_cmd
from callcenter.commands import sync as sync_cmd
from callcenter.domain.clock import FakeClock
from callcenter.domain.ticket import TicketDraft
from callcenter.services.site.profile import load_profile
from callcenter.services.site.settings import load_settings
from callcenter.services.storage.database import open_database
from callcenter.services.tickets.entry import Tickets
from callcenter.store.models import Ticket
from tests.fakes import signed_in


@pytest.fixture
def demo_dir() -> Iterator[Path]:
    # outside pytest's basetemp: the server runs as its own user (see conftest.py)
    d = Path(tempfile.mkdtemp(prefix="cc-demo-"))
    yield d
    central_cmd.main(["demo", str(d), "--stop"])
    shutil.rmtree(d, ignore_errors=True)


def test_one_command_gives_two_desks_that_sync(demo_dir: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert central_cmd.main(["demo", str(demo_dir)]) == 0
    out = capsys.readouterr().out
    assert "desk DEMO-A:" in out and "desk LEAD-1:" in out and "--stop" in out
    agent_dir, lead_dir = demo_dir / "desk-a", demo_dir / "lead"
    for d, code in ((agent_dir, "DEMO-A"), (lead_dir, "LEAD-1")):
        s = load_settings(d)
        assert s.workstation == code and s.central_url.startswith("postgresql://desk_")
        assert ":" not in s.central_url.split("@")[0].removeprefix("postgresql://")  # no password

    db = open_database(agent_dir / "desk.sqlite3")
    try:
        draft = TicketDraft(category="complaint", content="演示：两个坐席同步", caller_name="王五",
                            caller_phone="13800138002")
        saved = Tickets(db, load_profile(), FakeClock(), "DEMO-A", user=signed_in()).save(
            draft, agent_id="1024").result(timeout=5)
    finally:
        db.close()
    assert sync_cmd.main(["--once", "--data-dir", str(agent_dir)]) == 0
    assert sync_cmd.main(["--once", "--data-dir", str(lead_dir)]) == 0
    lead = open_database(lead_dir / "desk.sqlite3")
    try:
        got = lead.read_now(lambda s: s.scalars(select(Ticket.number).where(Ticket.id == saved.id)).all())
    finally:
        lead.close()
    assert got == [saved.number]
    # running it again reuses the server and the desks
    assert central_cmd.main(["demo", str(demo_dir)]) == 0
