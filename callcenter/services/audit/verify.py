"""Checking the audit chains of a desk's store or of central, desk by desk
(``callcenter audit verify``; the rules are in callcenter/domain/audit/chain.py).

The rows are streamed straight from the database driver into the chain walk,
in each desk's ``seq`` order, with the bytes each hash covers joined by the
database, so a record costs one SHA-256 and a few comparisons in Python and
memory stays flat. A long chain in the local store is cut into stretches that
child processes walk side by side (one per core; stretch.py, started as
``python -m``, not forked: the store's threads must not be copied): each
stretch is checked on its own, and the stretches must then meet (the first
``prev_hash`` of each is the last hash of the one before). Only a chain that does not hold is walked
again from the start in this process, for the exact first break
(``callcenter bench audit-verify``: a million records).

On central this reads ``public.audit_log`` through an admin connection (desk
roles cannot read tables), in one snapshot.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import psycopg
from sqlalchemy.orm import Session

from callcenter.domain.audit import ZERO_HASH, ChainBreak, StoredLink, Walked, verify
from callcenter.services.storage.database import Database

from .stretch import ANY_PREV, LINKS_SQL, from_json

log = logging.getLogger(__name__)

# below this many records a chain is walked in this process (starting workers costs more)
PARALLEL_FROM = 200_000
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[3])  # the directory holding callcenter/


@dataclass
class VerifyReport:
    records: int = 0  # how many records the store holds
    desks: int = 0
    breaks: list[tuple[str, ChainBreak]] = field(default_factory=list)  # (desk, first break)

    @property
    def intact(self) -> bool:
        return not self.breaks

    def lines(self) -> list[str]:
        """What ``audit verify`` prints: ``intact: N records`` or one line per broken desk."""
        if self.intact:
            return [f"intact: {self.records} records ({self.desks} desk{'' if self.desks == 1 else 's'})"]
        return [f"{brk} (desk {desk})" for desk, brk in self.breaks]


def _raw(session: Session) -> sqlite3.Connection:
    conn = session.connection().connection.driver_connection
    assert isinstance(conn, sqlite3.Connection)
    return conn


def _links(session: Session, desk: str) -> Iterator[StoredLink]:
    return cast(Iterator[StoredLink], _raw(session).execute(LINKS_SQL, (desk,)))


def verify_session(session: Session) -> VerifyReport:
    """Every desk's chain in this store, in this process, in one read transaction."""
    report = VerifyReport()
    for desk, count, _, _ in _stats(session):
        report.desks += 1
        report.records += count
        brk = verify(_links(session, desk))
        if brk is not None:
            report.breaks.append((desk, brk))
    return report


def _stats(session: Session) -> list[tuple[str, int, int, int]]:
    """(desk, records, lowest seq, highest seq) of every desk in the store."""
    return cast(list[tuple[str, int, int, int]], _raw(session).execute(
        "SELECT desk, count(*), min(seq), max(seq) FROM audit_log GROUP BY desk ORDER BY desk").fetchall())


def verify_store(db: Database, *, workers: int | None = None) -> VerifyReport:
    """Every desk's chain in the store; long chains walked by ``workers``
    processes side by side (default: one per core)."""
    workers = workers or os.cpu_count() or 1

    def check(session: Session) -> VerifyReport:
        report = VerifyReport()
        for desk, count, low, high in _stats(session):
            report.desks += 1
            report.records += count
            holds = False
            if workers > 1 and count >= PARALLEL_FROM and (low, high) == (1, count):
                holds = _holds_in_stretches(str(db.path), desk, count, workers)
            if not holds:
                brk = verify(_links(session, desk))
                if brk is not None:
                    report.breaks.append((desk, brk))
        return report

    return db.read_now(check)


def _holds_in_stretches(path: str, desk: str, count: int, workers: int) -> bool:
    """True when records 1..count walked as ``workers`` stretches, each in a child
    process, hold and meet; False when anything is amiss (the caller then walks
    the chain whole, in this process, for the exact first break)."""
    bounds = [(1 + count * i // workers, count * (i + 1) // workers) for i in range(workers)]
    env = dict(os.environ)  # the children import this very callcenter
    env["PYTHONPATH"] = os.pathsep.join(p for p in (_PACKAGE_ROOT, env.get("PYTHONPATH")) if p)
    children = [subprocess.Popen(
        [sys.executable, "-m", "callcenter.services.audit.stretch", path, desk, str(first), str(last),
         ZERO_HASH if first == 1 else ANY_PREV],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True) for first, last in bounds]
    walked: list[Walked] = []
    failed = False
    for child in children:
        out, err = child.communicate()
        if child.returncode != 0:
            log.warning("audit verify: a stretch worker failed (%s); checking in this process",
                        err.strip().splitlines()[-1:] or child.returncode)
            failed = True
        else:
            walked.append(from_json(out))
    if failed:
        return False
    if any(w.brk is not None for w in walked) or sum(w.count for w in walked) != count:
        return False
    pairs = zip(walked, walked[1:], strict=False)
    return all(after.first_prev == before.last_hash for before, after in pairs)


def verify_central(url: str, *, batch: int = 10_000) -> VerifyReport:
    """Every desk's chain as central holds it (``url``: an admin connection)."""
    report = VerifyReport()
    with psycopg.connect(url) as conn:
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")  # one snapshot for all desks
        counts = conn.execute("SELECT desk, count(*) FROM public.audit_log GROUP BY desk "
                              "ORDER BY desk").fetchall()
        for desk, count in counts:
            report.desks += 1
            report.records += int(count)
            with conn.cursor(name=f"audit_{report.desks}") as cur:
                cur.itersize = batch
                cur.execute("SELECT seq, prev_hash, hash, convert_to(prev_hash || payload, 'UTF8') "
                            "FROM public.audit_log "
                            "WHERE desk = %s ORDER BY seq, id", (desk,))
                brk = verify(cast(Iterator[StoredLink], iter(cur)))
            if brk is not None:
                report.breaks.append((str(desk), brk))
    return report
