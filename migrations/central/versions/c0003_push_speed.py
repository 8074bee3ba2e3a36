"""central: a faster sync.push, same answers and effects.

Revision ID: c0003
Revises: c0002

``sync.push`` reads the payload in place instead of re-sorting it, groups its
fast path by key set without listing every op's keys, inserts new rows with
the new ``sync.insert_new_rows`` (one INSERT per table and key set over each
op's own ``fields``), skips the per-op loop when that applied everything, and
builds a first application's answer without reading it back;
``sync.check_columns`` resolves the table once per call (central_functions.py,
"c0003").

``schema_version`` becomes 3; ``min_desk_schema`` stays 7 (the contract is
unchanged). The downgrade restores the c0001 text of ``sync.push`` and
``sync.check_columns`` and drops ``sync.insert_new_rows``.

The SQL below is frozen: once shipped, it is never edited; a changed function
gets a new constant in a new revision (callcenter/sync/central_functions.py has
the rules and the current definitions).
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from callcenter.sync.central_revisions import frozen_revision

revision: str = "c0003"
down_revision: str | None = "c0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# earlier revisions' frozen SQL this one reuses
replaced_v1 = frozen_revision("c0002").replaced_v1

# ---------------------------------------------------------------------------
# c0003: a faster sync.push (same answers, same effects)
#
# What c0001's push spent its time on, per 1,000 new ops: re-sorting the whole
# payload into a new jsonb (jsonb_agg ORDER BY) and collecting distinct ids,
# grouping the ops by key set with a jsonb_object_keys set per op, rebuilding
# every row with ``-`` and ``||`` before jsonb_populate_recordset, quadratic
# ``= ANY`` membership tests, and check_columns casting the table name to
# regclass once per key. c0003:
#
# * never builds a sorted copy of the payload: the ops are read in place
#   (jsonb_array_elements WITH ORDINALITY) and ordered by (seq, position) where
#   order matters (the per-op loop, the applied_ops rows, the answer);
# * groups the fast path's ops by key set as c0001 did, but carries positions
#   (not copies of the ops) and sorts keys bytewise (COLLATE "C");
# * inserts each group with ``sync.insert_new_rows``: one INSERT ... SELECT over
#   jsonb_populate_record of each op's own ``fields`` (the id from ``row_id``,
#   the op picked out of the payload by position, never copied into a new array);
# * skips the per-op loop when the fast path applied every op, and builds the
#   answer of a first application from the payload and this call's conflicts
#   (the same answer sync.push_answer reads back from sync.applied_ops; a retry
#   and a payload with repeated op ids still go through sync.push_answer);
# * check_columns resolves the table once per call.
#
# sync.insert_new (c0001) stays, unused by sync.push.

CHECK_COLUMNS_V3 = r"""
CREATE OR REPLACE FUNCTION sync.check_columns(p_table text, p_keys text[]) RETURNS void
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_bad text[];
    v_rel oid;
BEGIN
    IF cardinality(p_keys) = 0 THEN
        RETURN;
    END IF;
    v_rel := format('public.%I', p_table)::regclass;  -- once, not once per key
    SELECT array_agg(f) INTO v_bad FROM unnest(p_keys) f
     WHERE f LIKE 'sync\_%' OR NOT EXISTS (
           SELECT 1 FROM pg_attribute
            WHERE attrelid = v_rel AND attname = f AND attnum > 0 AND NOT attisdropped);
    IF v_bad IS NOT NULL THEN
        RAISE EXCEPTION 'unknown columns % for table %', v_bad, p_table
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END $$;
"""

# the fast path of a push for one table and key set: the ops at positions
# ``p_at`` (1-based) of ``p_ops`` are upserts of rows central does not have
# yet, each touched once in the push; one INSERT; returns the op ids applied
# (the ops whose row already existed take sync.apply_op)
INSERT_NEW_ROWS_V3 = r"""
CREATE FUNCTION sync.insert_new_rows(p_desk text, p_table text, p_keys text[], p_ops jsonb,
                                     p_at integer[]) RETURNS uuid[]
LANGUAGE plpgsql AS $$
DECLARE
    v_mode text := sync.table_mode(p_table);
    v_into text;
    v_vals text;
    v_ops uuid[];
BEGIN
    PERFORM sync.check_columns(p_table, p_keys);
    SELECT string_agg(quote_ident(k), ', '), string_agg('r.' || quote_ident(k), ', ')
      INTO v_into, v_vals FROM unnest(array_remove(p_keys, 'id')) k;
    v_into := concat_ws(', ', v_into, 'id');
    v_vals := concat_ws(', ', v_vals, 'x.rid');
    IF v_mode = 'merge' THEN  -- the inserting desk's chain of edits starts here, anchored at 0
        v_into := v_into || ', sync_seen';
        v_vals := v_vals || ', jsonb_build_object($3, jsonb_build_array('
                            'coalesce((x.f->>''version'')::bigint, 1), 0))';
    END IF;
    -- rows central already has are filtered before the insert (a partial column set
    -- must never meet NOT NULL) and go to the per-op path
    EXECUTE format(
        'WITH x AS MATERIALIZED (SELECT (e.o->>''op_id'')::uuid AS op, (e.o->>''row_id'')::uuid AS rid, '
        '                               e.o->''fields'' AS f '
        '                          FROM unnest($2::integer[]) g(n) '
        '                         CROSS JOIN LATERAL (SELECT $1->(g.n - 1) AS o) e), '
        'ins AS (INSERT INTO public.%1$I (%2$s) SELECT %3$s FROM x '
        '        CROSS JOIN LATERAL jsonb_populate_record(NULL::public.%1$I, x.f) r '
        '        WHERE NOT EXISTS (SELECT 1 FROM public.%1$I t WHERE t.id = x.rid) '
        '        ON CONFLICT (id) DO NOTHING RETURNING id) '
        'SELECT CASE WHEN (SELECT count(*) FROM ins) = (SELECT count(*) FROM x) '
        '            THEN (SELECT coalesce(array_agg(op), ''{}''::uuid[]) FROM x) '
        '            ELSE (SELECT coalesce(array_agg(x.op), ''{}''::uuid[]) FROM x '
        '                   WHERE x.rid IN (SELECT id FROM ins)) END',
        p_table, v_into, v_vals)
       INTO v_ops USING p_ops, p_at, p_desk;
    RETURN v_ops;
END $$;
"""

PUSH_V3 = r"""
CREATE OR REPLACE FUNCTION sync.push(p_desk text, p_ops jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sync, public, pg_temp SET timezone = 'UTC' AS $$
DECLARE
    v_ids uuid[];
    v_n bigint;
    v_known bigint;
    v_fast uuid[] := '{}';
    v_conflicts jsonb := '{}'::jsonb;  -- op_id -> conflict
    v_conflict jsonb;
    v_op jsonb;
    g record;
BEGIN
    PERFORM sync.check_desk(p_desk);
    IF jsonb_typeof(p_ops) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'ops must be a JSON array' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- the ops stay where they are in the payload; order (seq, then position) is
    -- applied where it matters
    SELECT coalesce(array_agg(DISTINCT (o->>'op_id')::uuid), '{}'::uuid[]),
           count(*)
      INTO v_ids, v_n FROM jsonb_array_elements(p_ops) o;
    IF cardinality(v_ids) = 0 THEN
        RETURN jsonb_build_object('applied', '[]'::jsonb, 'duplicate', false, 'conflicts', '[]'::jsonb);
    END IF;
    -- one desk's pushes apply one at a time, so a retry racing its lost original
    -- waits for it and then sees it as a duplicate
    PERFORM pg_advisory_xact_lock(hashtextextended('sync.push:' || p_desk, 0));
    SELECT count(*) INTO v_known FROM sync.applied_ops WHERE op_id = ANY (v_ids);
    IF v_known = cardinality(v_ids) THEN
        RETURN sync.push_answer((SELECT jsonb_agg(e.o ORDER BY (e.o->>'seq')::bigint, e.n)
                                   FROM jsonb_array_elements(p_ops) WITH ORDINALITY e(o, n)), true);
    END IF;

    IF v_known = 0 THEN  -- new rows in bulk; order does not matter between distinct new rows
        FOR g IN
            SELECT s.tab, k.keys, array_agg(s.n ORDER BY s.n) AS ns
              FROM (SELECT e.n::integer AS n, e.o->>'table' AS tab, e.o->>'kind' AS kind,
                           e.o->>'row_id' AS rid, e.o->'fields' AS f,
                           count(*) OVER (PARTITION BY e.o->>'table', e.o->>'row_id') AS touches
                      FROM jsonb_array_elements(p_ops) WITH ORDINALITY e(o, n)) s,
                   LATERAL (SELECT array_agg(f ORDER BY f COLLATE "C") AS keys FROM jsonb_object_keys(
                       CASE WHEN jsonb_typeof(s.f) = 'object' THEN s.f ELSE '{}'::jsonb END) f) k
             WHERE s.touches = 1 AND s.kind = 'upsert' AND s.rid IS NOT NULL AND k.keys IS NOT NULL
             GROUP BY s.tab, k.keys
        LOOP
            v_fast := v_fast || sync.insert_new_rows(p_desk, g.tab, g.keys, p_ops, g.ns);
        END LOOP;
    END IF;

    IF cardinality(v_fast) < v_n THEN
        FOR v_op IN SELECT e.o FROM jsonb_array_elements(p_ops) WITH ORDINALITY e(o, n)
                     WHERE NOT (e.o->>'op_id')::uuid = ANY (v_fast)
                     ORDER BY (e.o->>'seq')::bigint, e.n LOOP
            -- a re-batched retry keeps what the first application decided
            CONTINUE WHEN v_known > 0 AND EXISTS (
                SELECT 1 FROM sync.applied_ops WHERE op_id = (v_op->>'op_id')::uuid);
            v_conflict := sync.apply_op(p_desk, v_op);
            IF v_conflict IS NOT NULL THEN
                v_conflicts := v_conflicts || jsonb_build_object(v_op->>'op_id', v_conflict);
            END IF;
        END LOOP;
    END IF;

    INSERT INTO sync.applied_ops (op_id, desk, tx_id, result)
    SELECT (e.o->>'op_id')::uuid, p_desk, (e.o->>'tx_id')::uuid,
           CASE WHEN v_conflicts ? (e.o->>'op_id')
                THEN jsonb_build_object('conflict', v_conflicts->(e.o->>'op_id')) ELSE '{}'::jsonb END
      FROM jsonb_array_elements(p_ops) WITH ORDINALITY e(o, n)
     ORDER BY (e.o->>'seq')::bigint, e.n
    ON CONFLICT (op_id) DO NOTHING;
    UPDATE sync.desks SET last_push_at = now() WHERE desk = p_desk;
    IF v_known > 0 OR cardinality(v_ids) < v_n THEN
        RETURN sync.push_answer((SELECT jsonb_agg(e.o ORDER BY (e.o->>'seq')::bigint, e.n)
                                   FROM jsonb_array_elements(p_ops) WITH ORDINALITY e(o, n)), false);
    END IF;
    -- a first application of distinct op ids: each op's stored result is this
    -- call's conflict or nothing, which is what sync.push_answer would read back
    RETURN (SELECT jsonb_build_object(
                       'applied', coalesce(jsonb_agg(e.o->'op_id' ORDER BY (e.o->>'seq')::bigint, e.n),
                                           '[]'::jsonb),
                       'duplicate', false,
                       'conflicts', coalesce(jsonb_agg(v_conflicts->(e.o->>'op_id')
                                                       ORDER BY (e.o->>'seq')::bigint, e.n)
                                             FILTER (WHERE v_conflicts ? (e.o->>'op_id')), '[]'::jsonb))
              FROM jsonb_array_elements(p_ops) WITH ORDINALITY e(o, n));
END $$;
"""

GRANTS_V3 = """
REVOKE ALL ON FUNCTION sync.insert_new_rows(text, text, text[], jsonb, integer[]) FROM PUBLIC;
"""

FUNCTIONS_V3_DOWN = """
DROP FUNCTION sync.insert_new_rows(text, text, text[], jsonb, integer[]);
"""

def upgrade() -> None:
    op.execute(CHECK_COLUMNS_V3)
    op.execute(INSERT_NEW_ROWS_V3)
    op.execute(PUSH_V3)
    op.execute(GRANTS_V3)
    op.execute("UPDATE sync.meta SET schema_version = 3")


def downgrade() -> None:
    op.execute(replaced_v1("push"))
    op.execute(replaced_v1("check_columns"))
    op.execute(FUNCTIONS_V3_DOWN)
    op.execute("UPDATE sync.meta SET schema_version = 2")
