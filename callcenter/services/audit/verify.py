"""Checking the audit chains of a desk's store or of central, desk by desk
(``callcenter audit verify``; the rules are in callcenter/domain/audit/chain.py).

The rows are streamed straight from the database driver into ``verify``, in
each desk's ``seq`` order, so a million records take seconds and little memory
(``callcenter bench audit-verify``). On central this reads ``public.audit_log``
through an admin connection (desk roles cannot read tables).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import cast

import psycopg
from sqlalchemy.orm import Session

from callcenter.domain.audit import ChainBreak, StoredLink, verify
from callcenter.services.storage.database import Database


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
            return [f"intact: {self.records} records ({self.desks} desks)"]
        return [f"{brk} (desk {desk})" for desk, brk in self.breaks]


def _raw(session: Session) -> sqlite3.Connection:
    conn = session.connection().connection.driver_connection
    assert isinstance(conn, sqlite3.Connection)
    return conn


def verify_session(session: Session) -> VerifyReport:
    """Every desk's chain in this store, in one read transaction (one snapshot)."""
    raw = _raw(session)
    report = VerifyReport()
    counts = raw.execute("SELECT desk, count(*) FROM audit_log GROUP BY desk ORDER BY desk").fetchall()
    for desk, count in counts:
        report.desks += 1
        report.records += count
        rows = cast(Iterator[StoredLink], raw.execute(
            "SELECT seq, prev_hash, hash, CAST(prev_hash || payload AS BLOB) FROM audit_log "
            "WHERE desk = ? ORDER BY seq", (desk,)))
        brk = verify(rows)
        if brk is not None:
            report.breaks.append((desk, brk))
    return report


def verify_store(db: Database) -> VerifyReport:
    return db.read_now(verify_session)


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
