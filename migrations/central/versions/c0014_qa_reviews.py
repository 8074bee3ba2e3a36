"""central: QA reviews, their steps and review tasks, as desks at local revision 0018 have them.

Revision ID: c0014
Revises: c0013

Three new synced tables (frozen below, printed by ``python -m
callcenter.sync.central_schema qa_reviews`` and so on): ``qa_reviews`` and
``qa_tasks`` merged per field, ``qa_review_events`` append-only. Expand only:
older desks skip rows of a table they do not know, so ``min_desk_schema`` stays
as it is; ``schema_version`` becomes 14.

Who pulls them (``sync.subset_sql``): lead, QA and admin desks every review; an
agent desk the reviews it made and the *released* reviews of calls taken on its
team's desks (the service shows an agent only their own); a department desk only
its own rows. A review's steps follow their review. Review tasks (complaints
about an agent, 004 Q69) reach lead, QA and admin desks; other desks keep the
ones they made. Derived from c0013's frozen SUBSET_SQL_V13 (c0009's rules and
the handover's) so it cannot drift from it. Rows are made only in the pushing
desk's name (``sync.guard_origin_on``, c0008).

The SQL below is frozen: once shipped, it is never edited.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from callcenter.sync.central_revisions import frozen_revision
from callcenter.sync.central_schema import create_table_sql

revision: str = "c0014"
down_revision: str | None = "c0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# earlier revisions' frozen SQL this one reuses: c0013's rules (c0009's plus the handover's)
SUBSET_SQL_V13 = frozen_revision("c0013").SUBSET_SQL_V13

_LAST_RULE = """    END IF;
    RETURN NULL;"""
assert SUBSET_SQL_V13.count(_LAST_RULE) == 1
assert "CREATE OR REPLACE FUNCTION sync.subset_sql(" in SUBSET_SQL_V13
SUBSET_SQL_V14 = SUBSET_SQL_V13.replace(_LAST_RULE, """    ELSIF p_table = 'qa_reviews' THEN
        -- released reviews reach the team's agent desks; drafts stay with their reviewer
        RETURN CASE p_kind
            WHEN 'agent' THEN '(x.origin_workstation = $4 OR '
                              '(x.released_at IS NOT NULL AND x.call_desk = ANY ($7)))'
            WHEN 'department' THEN 'x.origin_workstation = $4'
            ELSE 'true' END;
    ELSIF p_table = 'qa_review_events' THEN
        RETURN CASE p_kind
            WHEN 'agent' THEN '(x.origin_workstation = $4 OR coalesce((SELECT '
                              'r.released_at IS NOT NULL AND r.call_desk = ANY ($7) '
                              'FROM public.qa_reviews r WHERE r.id = x.review_id), false))'
            WHEN 'department' THEN 'x.origin_workstation = $4'
            ELSE 'true' END;
    ELSIF p_table = 'qa_tasks' THEN
        -- complaints about an agent are QA's and the lead's work; the desk that made one keeps it
        RETURN CASE WHEN p_kind IN ('lead', 'qa', 'admin') THEN 'true'
                    ELSE 'x.origin_workstation = $4' END;
    END IF;
    RETURN NULL;""")

TABLES: dict[str, tuple[str, list[tuple[str, str, bool]]]] = {
    'qa_reviews': ('merge', [
        ('call_id', 'uuid', False),
        ('call_desk', 'text', False),
        ('agent_id', 'text', False),
        ('reviewer_id', 'text', False),
        ('form_id', 'text', False),
        ('form_version', 'bigint', False),
        ('answers', 'jsonb', False),
        ('pins', 'jsonb', False),
        ('score', 'double precision', True),
        ('fatal', 'boolean', False),
        ('state', 'text', False),
        ('purpose', 'text', False),
        ('disputes', 'bigint', False),
        ('created_at', 'timestamptz', False),
        ('released_at', 'timestamptz', True),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'qa_tasks': ('merge', [
        ('ticket_id', 'uuid', False),
        ('agent_id', 'text', False),
        ('note', 'text', False),
        ('created_by', 'text', False),
        ('created_at', 'timestamptz', False),
        ('due_at', 'timestamptz', False),
        ('state', 'text', False),
        ('closed_by', 'text', True),
        ('closed_at', 'timestamptz', True),
        ('outcome', 'text', True),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'qa_review_events': ('append', [
        ('review_id', 'uuid', False),
        ('kind', 'text', False),
        ('actor', 'text', False),
        ('role', 'text', False),
        ('at', 'timestamptz', False),
        ('data', 'jsonb', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
}


def upgrade() -> None:
    for name, (mode, columns) in TABLES.items():
        op.execute(create_table_sql(name, mode, columns))
        op.execute(f"SELECT sync.register_table('{name}', '{mode}')")
        op.execute(f"SELECT sync.guard_origin_on('{name}')")  # c0008: rows only in the pusher's name
    op.execute(SUBSET_SQL_V14)
    op.execute("UPDATE sync.meta SET schema_version = 14")


def downgrade() -> None:
    op.execute("UPDATE sync.meta SET schema_version = 13")
    op.execute(SUBSET_SQL_V13)  # c0013's rules again
    for name in reversed(list(TABLES)):
        op.execute(f"DELETE FROM sync.tables WHERE name = '{name}'")
        op.execute(f"DROP TABLE public.{name}")
