"""A full re-sync retires the rows central no longer has.

Central answers ``resync`` when a desk's cursor is older than its last
tombstone prune (central_functions.py): deletes the desk never pulled may be gone
from central for good, so pulling everything again is not enough; the rows
those deletes were about would stay on the desk as if alive. So while a
re-sync is under way (``RESYNC`` in sync_state, set with its first stored
page), the id of every row it receives is kept in ``sync_resync_seen`` (same
transaction as the page, so a crash resumes the re-sync where its cursor
stands); when it catches up, every synced row it did not receive is retired:
its ``deleted_at`` is set, in the same transaction as the last page, and
nothing is queued to push (a Core UPDATE, which the outbox does not capture).

Left alone: rows with unpushed ops (the desk's change is still on its way) and
rows already deleted. Retired as well: rows outside the desk's subset it had
from a caller fetch (the next lookup of that caller revives them) or from
before a change of team, and rows that never went to central (a demo seed):
after a re-sync the desk holds what central says its subset is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, delete, select, update
from sqlalchemy.orm import Session

from callcenter.store.all_models import Base
from callcenter.store.sync_models import SyncResyncSeen

from .outbox_reader import OUTBOX, STATE, get_state, set_state
from .pull_apply import PageResult, Prepared, apply_prepared
from .registry import SYNCED

RESYNC = "resync_since"  # sync_state key: ISO UTC when the re-sync under way began
SEEN = cast(Table, SyncResyncSeen.__table__)


@dataclass
class ResyncPageResult(PageResult):
    retired: int = 0  # local rows the finished re-sync retired


def apply_group(s: Session, prepared: Prepared, cursor: dict[str, Any] | None, now: datetime, *,
                caught_up: bool, start: bool) -> PageResult:
    """``apply_prepared``, plus the re-sync's bookkeeping: ``start`` (the first
    group after central said ``resync``) begins one; while one is under way the
    group's ids are kept, and the group that catches up retires the rest."""
    if start:
        s.execute(delete(SEEN))
        set_state(s, RESYNC, now.isoformat())
    result = apply_prepared(s, prepared, cursor, now, caught_up=caught_up)
    if not start and get_state(s, RESYNC) is None:
        return result
    seen = [(table, str(key)) for table, entries in prepared.by_table.items() for key in entries]
    if seen:
        s.connection().exec_driver_sql(
            "INSERT OR IGNORE INTO sync_resync_seen (table_name, row_id) VALUES (?, ?)", seen)
    if not caught_up:
        return result
    out = ResyncPageResult(**vars(result))
    for table in SYNCED:
        n = retire_unseen(s, table, now)
        if n:
            out.retired += n
            out.tables.add(table)
    s.execute(delete(SEEN))
    s.execute(delete(STATE).where(STATE.c.key == RESYNC))
    return out


def retire_unseen(s: Session, table: str, now: datetime) -> int:
    """Set ``deleted_at`` on the live rows of ``table`` this re-sync did not
    receive and the desk has no pending ops for."""
    t = Base.metadata.tables[table]
    res = s.connection().execute(
        update(t)
        .where(t.c.deleted_at.is_(None),
               t.c.id.not_in(select(SEEN.c.row_id).where(SEEN.c.table_name == table)),
               t.c.id.not_in(select(OUTBOX.c.row_id).where(OUTBOX.c.pushed_at.is_(None))))
        .values(deleted_at=now))
    return int(res.rowcount or 0)

