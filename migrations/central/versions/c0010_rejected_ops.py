"""central: rows central refuses for good are answered as rejected, not as a failure.

Revision ID: c0010
Revises: c0009

Issue 19: one op central can never store (text with a NUL, which a
PostgreSQL ``text`` cannot hold; a value a column or constraint refuses) made
every push of its desk fail, so nothing behind it was ever pushed and the pull
never ran. ``sync.push_checked`` takes the ops of a push one by one, as text
with their ids beside them, applies each local transaction on its own
(through ``sync.push``, so merge rules, conflicts and exactly-once are the
same) and answers a transaction it cannot apply as ``rejected`` with the
reason; the others are applied as usual. A desk calls it only after
``sync.push`` (or ``sync.push_rows``) failed with a data or constraint error
(SQLSTATE class 22 or 23, except 22023, which the sync functions raise for a
malformed call: that is the desk's bug, not its row; or 42501, c0008's guards
refusing a row the desk may not write), so the ordinary push keeps its speed.

``sync.rejected_ops`` is central's record of what it refused (the op's text
as the desk sent it, the SQLSTATE and message), for leads and support; a
retry of a refused op is answered from it with the same reason (``duplicate``)
and never applied. Rejected ops are not in ``sync.applied_ops``: a plain
``sync.push`` retrying them fails again and the desk falls back here.

Expand only: older desks never call it; ``min_desk_schema`` stays 7,
``schema_version`` becomes 10.

The SQL below is frozen: once shipped, it is never edited; a changed function
gets a new constant in a new revision (callcenter/sync/central_functions.py has
the rules and the current definitions).
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from callcenter.sync.central_names import GROUP_ROLE

revision: str = "c0010"
down_revision: str | None = "c0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REJECTED_OPS_V8 = """
CREATE TABLE sync.rejected_ops (
    op_id uuid PRIMARY KEY,
    desk text NOT NULL,
    tx_id uuid NOT NULL,
    table_name text NOT NULL,
    row_id uuid NOT NULL,
    code text NOT NULL,          -- SQLSTATE of the refusal
    reason text NOT NULL,        -- its message
    cause_op_id uuid NOT NULL,   -- the op of the transaction that was refused (may be this one)
    op text NOT NULL,            -- the op as the desk sent it
    rejected_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_rejected_ops_desk_rejected_at ON sync.rejected_ops (desk, rejected_at);
"""

PUSH_CHECKED_V8 = r"""
CREATE FUNCTION sync.push_checked(p_desk text, p_op_ids uuid[], p_tx_ids uuid[], p_tables text[],
                                  p_row_ids uuid[], p_ops text[])
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER
SET search_path = sync, public, pg_temp SET "TimeZone" = 'UTC' AS $$
DECLARE
    v_n integer := coalesce(cardinality(p_op_ids), 0);
    v_json jsonb[];
    v_cause jsonb := '{}'::jsonb;  -- tx_id -> {op_id, code, reason} of a refused transaction
    v_applied jsonb := '[]'::jsonb;
    v_conflicts jsonb := '[]'::jsonb;
    v_rejected jsonb := '[]'::jsonb;
    v_duplicate boolean := true;
    v_answer jsonb;
    v_ops jsonb;
    v_tx uuid;
    v_first integer;
    v_last integer;
    v_state text;
    v_msg text;
    i integer;
BEGIN
    PERFORM sync.check_desk(p_desk);
    IF coalesce(cardinality(p_tx_ids), 0) <> v_n OR coalesce(cardinality(p_tables), 0) <> v_n
       OR coalesce(cardinality(p_row_ids), 0) <> v_n OR coalesce(cardinality(p_ops), 0) <> v_n
       OR array_position(p_op_ids, NULL) IS NOT NULL OR array_position(p_tx_ids, NULL) IS NOT NULL
       OR array_position(p_row_ids, NULL) IS NOT NULL OR array_position(p_ops, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'op ids, transaction ids, tables, row ids and ops do not match'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF v_n = 0 THEN
        RETURN jsonb_build_object('applied', '[]'::jsonb, 'duplicate', false, 'conflicts', '[]'::jsonb,
                                  'rejected', '[]'::jsonb);
    END IF;
    -- one desk's pushes apply one at a time (as sync.push)
    PERFORM pg_advisory_xact_lock(hashtextextended('sync.push:' || p_desk, 0));

    -- refused before (a retry): the same reason again
    SELECT coalesce(jsonb_object_agg(r.tx_id::text, jsonb_build_object(
               'op_id', r.cause_op_id, 'code', r.code, 'reason', r.reason, 'known', true)), '{}'::jsonb)
      INTO v_cause
      FROM (SELECT DISTINCT ON (tx_id) tx_id, cause_op_id, code, reason FROM sync.rejected_ops
             WHERE op_id = ANY (p_op_ids) ORDER BY tx_id, rejected_at) r;

    -- each op as jsonb: one central cannot hold (a NUL) refuses its transaction
    v_json := array_fill(NULL::jsonb, ARRAY[v_n]);
    FOR i IN 1 .. v_n LOOP
        CONTINUE WHEN v_cause ? p_tx_ids[i]::text;
        BEGIN
            v_json[i] := p_ops[i]::jsonb;
        EXCEPTION WHEN data_exception THEN
            GET STACKED DIAGNOSTICS v_state = RETURNED_SQLSTATE, v_msg = MESSAGE_TEXT;
            v_cause := v_cause || jsonb_build_object(p_tx_ids[i]::text, jsonb_build_object(
                'op_id', p_op_ids[i], 'code', v_state, 'reason', v_msg));
        END;
    END LOOP;

    -- local transactions in the order sent (a transaction's ops are contiguous)
    v_first := 1;
    WHILE v_first <= v_n LOOP
        v_tx := p_tx_ids[v_first];
        v_last := v_first;
        WHILE v_last < v_n AND p_tx_ids[v_last + 1] = v_tx LOOP
            v_last := v_last + 1;
        END LOOP;
        IF NOT v_cause ? v_tx::text THEN
            SELECT jsonb_agg(v_json[g] ORDER BY g) INTO v_ops FROM generate_series(v_first, v_last) g;
            BEGIN
                v_answer := sync.push(p_desk, v_ops);
                v_applied := v_applied || (v_answer->'applied');
                v_conflicts := v_conflicts || (v_answer->'conflicts');
                v_duplicate := v_duplicate AND (v_answer->>'duplicate')::boolean;
            EXCEPTION WHEN data_exception OR integrity_constraint_violation
                        OR insufficient_privilege THEN
                GET STACKED DIAGNOSTICS v_state = RETURNED_SQLSTATE, v_msg = MESSAGE_TEXT;
                IF v_state = '22023' THEN  -- a malformed call (sync's own checks): not the row's fault
                    RAISE;
                END IF;
                -- which op: the first of the transaction that is not plain (the error has no row)
                v_cause := v_cause || jsonb_build_object(v_tx::text, jsonb_build_object(
                    'op_id', p_op_ids[v_first], 'code', v_state, 'reason', v_msg));
            END;
        END IF;
        IF v_cause ? v_tx::text THEN
            IF NOT coalesce((v_cause->v_tx::text->>'known')::boolean, false) THEN
                v_duplicate := false;
                INSERT INTO sync.rejected_ops (op_id, desk, tx_id, table_name, row_id, code, reason,
                                               cause_op_id, op)
                SELECT p_op_ids[g], p_desk, v_tx, p_tables[g], p_row_ids[g],
                       v_cause->v_tx::text->>'code', v_cause->v_tx::text->>'reason',
                       (v_cause->v_tx::text->>'op_id')::uuid, p_ops[g]
                  FROM generate_series(v_first, v_last) g
                ON CONFLICT (op_id) DO NOTHING;
            END IF;
            v_rejected := v_rejected || (SELECT jsonb_agg(jsonb_build_object(
                    'op_id', p_op_ids[g], 'tx_id', v_tx, 'table', p_tables[g], 'row_id', p_row_ids[g],
                    'code', v_cause->v_tx::text->>'code', 'reason', v_cause->v_tx::text->>'reason',
                    'cause', p_op_ids[g] = (v_cause->v_tx::text->>'op_id')::uuid) ORDER BY g)
                FROM generate_series(v_first, v_last) g);
        END IF;
        v_first := v_last + 1;
    END LOOP;
    UPDATE sync.desks SET last_push_at = now() WHERE desk = p_desk;
    RETURN jsonb_build_object('applied', v_applied, 'duplicate', v_duplicate,
                              'conflicts', v_conflicts, 'rejected', v_rejected);
END $$;
"""

GRANTS_PUSH_CHECKED_V8 = f"""
REVOKE ALL ON FUNCTION sync.push_checked(text, uuid[], uuid[], text[], uuid[], text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sync.push_checked(text, uuid[], uuid[], text[], uuid[], text[]) TO {GROUP_ROLE};
"""


def upgrade() -> None:
    op.execute(REJECTED_OPS_V8)
    op.execute(PUSH_CHECKED_V8)
    op.execute(GRANTS_PUSH_CHECKED_V8)
    op.execute("UPDATE sync.meta SET schema_version = 10")


def downgrade() -> None:
    op.execute("UPDATE sync.meta SET schema_version = 9")
    op.execute("DROP FUNCTION sync.push_checked(text, uuid[], uuid[], text[], uuid[], text[])")
    op.execute("DROP TABLE sync.rejected_ops")
