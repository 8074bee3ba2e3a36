"""ticket search: a trigram full-text index over ticket content and address, and
the indexes that let the ticket list page newest-first by any filter.

Revision ID: 0004
Revises: 0003

Why plain SQL and not model ``Index`` objects: these indexes and the FTS5 table
serve one read path (callcenter/services/tickets/search.py) and are not part of
the synced schema; the central database searches its own way. They are named
``ix_search_*`` / ``ticket_fts*`` and migrations/env.py keeps them out of
autogenerate's comparison (``include_name``/``include_object``).

``ticket_fts`` is an external-content FTS5 table (``content='tickets'``): the
text lives once, in ``tickets``; the index is keyed by the tickets' rowid and
kept in step by the three triggers below. The update trigger fires only when
content or address change, so status changes cost nothing here.

Caveats for later migrations:
- ``tickets`` has a UUID primary key, so its rowid is implicit: a VACUUM or a
  batch (copy-and-move) migration of ``tickets`` may renumber rows. Such a
  migration must recreate the triggers and end with
  ``INSERT INTO ticket_fts(ticket_fts) VALUES('rebuild')``.
- The trigram tokenizer needs SQLite >= 3.34 (Python 3.11 wheels ship newer).
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (name, columns): every list filter has an index whose tail is the page order
# (created_at DESC, id DESC), so a filtered page is an index range walk + LIMIT.
INDEXES = (
    ("ix_search_tickets_created_at_id", "created_at, id"),
    ("ix_search_tickets_meter_no_created_at", "meter_no, created_at"),
    ("ix_search_tickets_status_created_at_id", "status, created_at, id"),
    ("ix_search_tickets_category_created_at_id", "category, created_at, id"),
    ("ix_search_tickets_department_created_at_id", "department, created_at, id"),
    ("ix_search_tickets_created_by_created_at_id", "created_by, created_at, id"),
    # "overdue only": the open tickets with a deadline, newest first. The
    # unary + keeps the planner from preferring the status index for the IN;
    # the service's query repeats this WHERE word for word so SQLite can use it.
    ("ix_search_tickets_open_deadline", "created_at, id) WHERE deadline_at IS NOT NULL "
     "AND +status IN ('accepted', 'dispatched', 'in_progress'"),
)

TRIGGERS = {
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
    for name, columns in INDEXES:
        op.execute(f"CREATE INDEX {name} ON tickets ({columns})")
    op.execute(
        "CREATE VIRTUAL TABLE ticket_fts USING fts5("
        "content, address, content='tickets', content_rowid='rowid', tokenize='trigram')"
    )
    for sql in TRIGGERS.values():
        op.execute(sql)
    # index the tickets already in the store
    op.execute("INSERT INTO ticket_fts(ticket_fts) VALUES('rebuild')")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS ticket_fts")
    for name, _columns in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
