"""A desk's sync process, to be killed with SIGKILL by tests/sync/test_faults.py.

    python -m tests.sync.sync_child DB DESK URL HOOK [PAGE_ROWS PUSH_OPS]

opens the desk's store and runs ``SyncEngine`` rounds through a client that
reports on stdout (one line, flushed) when it reaches the point the test wants
to kill it at, ``HOOK`` (also read from the env var ``SYNC_CHILD_HOOK`` when
the argument is ``-``):

* ``before_push:K``: the K-th push is about to be sent; the child then blocks;
* ``after_push:K``: central answered (and so committed) the K-th push, the
  desk has not recorded it yet; the child then blocks;
* ``after_pull:K``: the K-th pull page arrived and is not stored yet (the pages
  before it that were handed to the writer are: the engine stores a page while
  it fetches the next, so the child waits for the writer first); blocks;
* ``free:K``: after K central calls it says so and keeps working (rounds, with
  a ticket saved before each), so the kill lands wherever it happens to be.

Blocking is a read of stdin: the test kills the child, or closes the pipe (the
child then exits). Nothing here sleeps. If the rounds run dry before the hook
fires the child prints ``done`` and exits 0, so the test fails with a reason.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from callcenter.domain.clock import SystemClock
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database, open_database
from callcenter.services.sync.engine import SyncEngine
from callcenter.services.tickets.entry import Tickets
from callcenter.sync.central import CentralClient
from callcenter.sync.protocol import Op
from tests.fakes import signed_in

from .desk_sim import DRAFT


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def block() -> None:
    sys.stdin.read()  # until killed (or the test goes away and the pipe closes)
    os._exit(3)


class HookedClient(CentralClient):
    calls = {"push": 0, "pull": 0, "any": 0}

    def __init__(self, url: str, where: str, k: int, db: Database | None = None) -> None:
        super().__init__(url)
        self._where, self._k = where, k
        self._db = db

    def _count(self, kind: str) -> int:
        self.calls[kind] += 1
        self.calls["any"] += 1
        if self._where == "free" and self.calls["any"] == self._k:
            say(f"free {self._k}")
        return self.calls[kind]

    def push(self, desk: str, ops: list[Op]) -> dict[str, Any]:
        n = self._count("push")
        if self._where == "before_push" and n == self._k:
            say(f"before_push {n} {len(ops)}")
            block()
        answer = super().push(desk, ops)
        if self._where == "after_push" and n == self._k:
            say(f"after_push {n} {len(ops)} {len(answer['applied'])}")
            block()
        return answer

    def pull(self, desk: str, cursor: dict[str, Any] | None, max_rows: int, **kw: Any) -> dict[str, Any]:
        n = self._count("pull")
        page = super().pull(desk, cursor, max_rows, **kw)
        if self._where == "after_pull" and n == self._k:
            if self._db is not None:
                self._db.flush()  # a page stored while this one was fetched lands first
            say(f"after_pull {n} {len(page['rows'])}")
            block()
        return page


def main(argv: list[str]) -> int:
    db_path, desk, url, hook = argv[:4]
    page_rows, push_ops = (int(argv[4]), int(argv[5])) if len(argv) > 5 else (10, 10)
    if hook == "-":
        hook = os.environ["SYNC_CHILD_HOOK"]
    where, k = hook.split(":")
    db = open_database(Path(db_path))
    engine = SyncEngine(db, desk, lambda: HookedClient(url, where, int(k), db),
                        page_rows=page_rows, push_ops=push_ops)
    if where == "free":
        tickets = Tickets(db, load_profile(), SystemClock(), desk, user=signed_in())
        while True:  # a desk at work: save, sync, save, sync... until killed
            db.write_now(lambda s: tickets.save_in(s, DRAFT, agent_id="1024"))
            engine.run_once()
    for _ in range(1000):
        if engine.run_once().pushed_ops == 0 and HookedClient.calls["pull"] >= int(k):
            break
    say("done")
    engine.close()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
