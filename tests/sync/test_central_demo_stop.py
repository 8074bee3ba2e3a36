"""Issue 17, item 3: `callcenter central demo DIR --stop` stops PostgreSQL even
while a desk is connected and a ``--launch`` still holds the server; the two
desks it starts open at different places."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from callcenter.commands import central as central_cmd
from callcenter.services.site.settings import load_settings
from callcenter.services.sync.central_demo import _postmaster_pid

# what `central demo --launch` is while its desks run: a process that opened the
# server through pgserver (and so holds it), here also connected as the agent desk
HOLDER = """
import sys, pgserver, psycopg
server = pgserver.get_server(sys.argv[1], cleanup_mode=None)
desk = psycopg.connect(sys.argv[2])
print("ready", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def demo_dir() -> Iterator[Path]:
    d = Path(tempfile.mkdtemp(prefix="cc-demo-stop-"))  # the server runs as its own user
    yield d
    central_cmd.main(["demo", str(d), "--stop"])
    shutil.rmtree(d, ignore_errors=True)


def test_stop_stops_the_server_with_a_desk_connected(demo_dir: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert central_cmd.main(["demo", str(demo_dir)]) == 0
    out = capsys.readouterr().out
    places = [line.split("--geometry ")[1].split()[0] for line in out.splitlines()
              if line.startswith("desk ")]
    assert len(places) == 2 and places[0] != places[1]  # not one on top of the other
    pg = demo_dir / "pg"
    desk_url = load_settings(demo_dir / "desk-a").central_url
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(pg), desk_url],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        assert _postmaster_pid(pg) is not None
        assert central_cmd.main(["demo", str(demo_dir), "--stop"]) == 0
        assert "stopped" in capsys.readouterr().out
        assert _postmaster_pid(pg) is None  # really gone, though a desk was connected
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(desk_url, connect_timeout=5).close()
        assert central_cmd.main(["demo", str(demo_dir), "--stop"]) == 0
        assert "was not running" in capsys.readouterr().out
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=60)
