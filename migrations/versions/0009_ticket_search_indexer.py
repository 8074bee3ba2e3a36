"""ticket search off the save path: new tickets reach ``ticket_fts`` through a
background indexer (callcenter/services/tickets/indexer.py), not an insert trigger.

Revision ID: 0009
Revises: 0008

Why: with 0004's insert trigger every ticket save tokenized the ticket into
trigrams and wrote (and now and then merged) FTS5 segments inside the save's
own durable transaction. Measured on 1,000,000 tickets with bare inserts of a
ticket and its event: the trigger doubled their CPU time (median 0.25 -> 0.55
ms) and added 8 WAL pages on average, 24 at the 99th percentile and up to 140
in a save that merged segments.

What replaces it:
- ``ticket_fts_state``, one row: ``indexed_upto``, the highest tickets.rowid
  the index covers. Every ticket at or below it is in ``ticket_fts``, none
  above it is. A new ticket gets rowid max+1, above the mark; the indexer
  moves tickets in, in rowid order, and raises the mark in the same
  transaction. Search reads the mark in the snapshot it reads the index in and
  scans the few tickets above it with LIKE, so results stay exact.
- The update and delete triggers stay (edits and deletes are rare and not part
  of a save) but only touch the index for rows it covers: an edit above the
  mark is indexed later with its new text. The update trigger now also skips
  updates that leave the text as it was (the sync pull's upsert sets every
  column of a pulled ticket).
- Deleting the newest tickets frees their rowids for new ones, which would land
  at or below the mark and never be indexed; so the delete trigger lowers the
  mark to max(rowid) whenever it is above it.

Existing stores: 0004's triggers kept the index complete, so the mark starts at
max(rowid) and nothing is re-indexed. Downgrade indexes what is above the mark
and puts 0004's triggers back.

Caveat of 0004 still holding: a migration or VACUUM that renumbers tickets'
rowids must end with ``INSERT INTO ticket_fts(ticket_fts) VALUES('rebuild')``
and set ``indexed_upto`` to max(rowid).

The ``ix_search_*`` indexes all stay: each serves a filter of the ticket list
(callcenter/services/tickets/search.py; tests/services/test_ticket_search_plan.py
checks the plans) or the duplicate lookup, and each costs a save about one WAL
page, with no merges.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATE_TABLE = """
    CREATE TABLE ticket_fts_state (
      id INTEGER NOT NULL CONSTRAINT pk_ticket_fts_state PRIMARY KEY
        CONSTRAINT ck_ticket_fts_state_one_row CHECK (id = 1),
      indexed_upto INTEGER NOT NULL
    )"""

TRIGGERS = {
    "ticket_fts_au": """
        CREATE TRIGGER ticket_fts_au AFTER UPDATE OF content, address ON tickets
        WHEN (old.content IS NOT new.content OR old.address IS NOT new.address)
          AND old.rowid <= (SELECT indexed_upto FROM ticket_fts_state)
        BEGIN
          INSERT INTO ticket_fts(ticket_fts, rowid, content, address)
          VALUES ('delete', old.rowid, old.content, old.address);
          INSERT INTO ticket_fts(rowid, content, address)
          VALUES (new.rowid, new.content, new.address);
        END""",
    "ticket_fts_ad": """
        CREATE TRIGGER ticket_fts_ad AFTER DELETE ON tickets BEGIN
          INSERT INTO ticket_fts(ticket_fts, rowid, content, address)
          SELECT 'delete', old.rowid, old.content, old.address
          WHERE old.rowid <= (SELECT indexed_upto FROM ticket_fts_state);
          UPDATE ticket_fts_state SET indexed_upto = (SELECT coalesce(max(rowid), 0) FROM tickets)
          WHERE indexed_upto > (SELECT coalesce(max(rowid), 0) FROM tickets);
        END""",
}

# 0004's triggers, word for word, for the downgrade
TRIGGERS_0004 = {
    "ticket_fts_ai": """
        CREATE TRIGGER ticket_fts_ai AFTER INSERT ON tickets BEGIN
          INSERT INTO ticket_fts(rowid, content, address)
          VALUES (new.rowid, new.content, new.address);
        END""",
    "ticket_fts_ad": """
        CREATE TRIGGER ticket_fts_ad AFTER DELETE ON tickets BEGIN
          INSERT INTO ticket_fts(ticket_fts, rowid, content, address)
          VALUES ('delete', old.rowid, old.content, old.address);
        END""",
    "ticket_fts_au": """
        CREATE TRIGGER ticket_fts_au AFTER UPDATE OF content, address ON tickets BEGIN
          INSERT INTO ticket_fts(ticket_fts, rowid, content, address)
          VALUES ('delete', old.rowid, old.content, old.address);
          INSERT INTO ticket_fts(rowid, content, address)
          VALUES (new.rowid, new.content, new.address);
        END""",
}


def upgrade() -> None:
    op.execute(STATE_TABLE)
    # 0004's triggers indexed every ticket so far
    op.execute("INSERT INTO ticket_fts_state (id, indexed_upto) "
               "SELECT 1, coalesce(max(rowid), 0) FROM tickets")
    for name in TRIGGERS_0004:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for sql in TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    # what the indexer had not reached yet
    op.execute("INSERT INTO ticket_fts(rowid, content, address) "
               "SELECT rowid, content, address FROM tickets "
               "WHERE rowid > (SELECT indexed_upto FROM ticket_fts_state) ORDER BY rowid")
    op.execute("DROP TABLE ticket_fts_state")
    for sql in TRIGGERS_0004.values():
        op.execute(sql)
