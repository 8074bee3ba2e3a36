"""central: a faster sync.pull (json, not jsonb), sync.pull_rows (rows in a desk's
stored form) and sync.push_rows (new rows, grouped by the desk).

Revision ID: c0005
Revises: c0004

``sync.pull`` renders its page with ``to_json``/``json_build_object``, only
the rows it returns (by ctid, after the merged scan), and returns ``json``
(the SQL below says why). Changing the return type takes
a DROP and a CREATE, and the grant to the desks' group again; desks of every
supported schema read the answer as before, so ``min_desk_schema`` stays 7.
``sync.pull_rows`` is a new entry point for desks (granted to their group):
the same pull, each row an array of its values as a desk stores them.
``sync.push_rows`` is a new entry point for desks (granted to their group):
a batch of nothing but inserts, grouped by table and key set, applied all or
nothing, with ``sync.push`` unchanged for every other batch and for desks
that do not know push_rows. ``schema_version`` becomes 5 (a desk uses
push_rows and pull_rows from 5 on). The downgrade drops both and restores
c0002's ``sync.pull`` (jsonb) with its grant.

The SQL below is frozen: once shipped, it is never edited; a changed function
gets a new constant in a new revision (callcenter/sync/central_functions.py has
the rules and the current definitions).

Pull. Why: a page of 1,000 rows cost central about 19 ms with c0002's pull, most of
it rendering: ``to_jsonb`` builds each row as a jsonb tree, and the answer is
then converted again into jsonb's output text. ``json`` is kept as the text it
was rendered as, so ``to_json`` of the same nested record and
``json_build_object`` over a ``json[]`` only copy text (about 11 ms per 1,000
rows, measured while writing this). And c0002 rendered each row inside its
table's branch of the merged scan: when the planner chose to sort a branch
(it does once the rest of a table is not much more than the branch's LIMIT,
as on every page of a table of 8,500 rows with 2,000-row pages) every row
the sort read was rendered, not just the page's. c0005's branches carry the
row's ctid and the row is rendered when the loop fetches it (a page of 2,000
rows of a 20,000-row central: 67 ms before, 15 ms after). The answer is the same JSON document up to
key order (jsonb sorts keys; a desk reads the answer by key), so desks of
every schema still supported read it unchanged (psycopg decodes json and
jsonb alike). A return type cannot be changed by ``CREATE OR REPLACE``: the
migration drops sync.pull, creates it and grants it to the desks again.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from callcenter.sync.central_names import GROUP_ROLE
from callcenter.sync.central_revisions import frozen_revision

revision: str = "c0005"
down_revision: str | None = "c0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# earlier revisions' frozen SQL this one reuses
PULL_V2 = frozen_revision("c0002").PULL_V2

# c0002's scan, unchanged but for the rendering: to_json/json_build_object instead
# of to_jsonb/jsonb_build_object, a json[] of rows, a json answer
PULL_V4 = r"""
CREATE FUNCTION sync.pull(p_desk text, p_cursor jsonb, p_max_rows integer) RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sync, public, pg_temp SET timezone = 'UTC' AS $$
DECLARE
    v_xmin xid8 := pg_snapshot_xmin(pg_current_snapshot());
    v_fresh boolean := p_cursor IS NULL OR p_cursor->>'xid' IS NULL;
    v_xid xid8 := coalesce((p_cursor->>'xid')::xid8, '0'::xid8);
    v_tab text := coalesce(p_cursor->>'table', '');
    -- a c0001 cursor (no "at") was ordered by table before id: resume at the start of
    -- its xid (a few rows come twice, which a desk applies as no change)
    v_id uuid := CASE WHEN p_cursor ? 'at' THEN (p_cursor->>'id')::uuid END;
    -- when this desk was last caught up: everything committed before it is behind the cursor
    v_at timestamptz := CASE WHEN v_fresh THEN now()
                             ELSE coalesce((p_cursor->>'at')::timestamptz, '-infinity') END;
    v_kind text;
    v_team text;
    v_budget bigint;
    v_branches text[] := '{}';
    v_render text := '';
    v_cond text;
    v_any boolean;
    v_rows json[] := '{}';
    v_n integer := 0;
    v_scanned bigint := 0;
    v_more boolean := false;
    v_last_x xid8;
    v_last_t text;
    v_last_id uuid;
    r record;
    t record;
BEGIN
    PERFORM sync.check_desk(p_desk);
    IF p_max_rows IS NULL OR p_max_rows < 1 THEN
        RAISE EXCEPTION 'max_rows must be positive' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- rows (tombstones) this cursor had not reached may have been pruned: start over
    IF v_at < (SELECT pruned_before FROM sync.meta) THEN
        RETURN json_build_object('resync', true, 'rows', '[]'::json, 'cursor', '{}'::json, 'more', true);
    END IF;
    SELECT kind, team INTO v_kind, v_team FROM sync.desks WHERE desk = p_desk;
    v_kind := coalesce(v_kind, 'admin');  -- see sync.visible
    v_budget := greatest(4::bigint * p_max_rows, 1000);

    -- the columns a desk gets: the model's, not central's sync_* bookkeeping
    FOR t IN SELECT s.name, string_agg('x.' || quote_ident(a.attname), ', ' ORDER BY a.attnum) AS cols
               FROM sync.tables s
               JOIN pg_attribute a ON a.attrelid = format('public.%I', s.name)::regclass
                AND a.attnum > 0 AND NOT a.attisdropped AND a.attname NOT LIKE 'sync\_%'
              GROUP BY s.name ORDER BY s.name COLLATE "C" LOOP
        -- commit order is (sync_xid, id, table): the merge needs the tables' own index order
        IF v_id IS NULL THEN
            v_cond := 'x.sync_xid >= $1';
        ELSIF t.name COLLATE "C" > v_tab COLLATE "C" THEN
            v_cond := '(x.sync_xid, x.id) >= ($1, $2)';
        ELSE
            v_cond := '(x.sync_xid, x.id) > ($1, $2)';
        END IF;
        -- planning a branch costs more than probing the index: leave out tables with
        -- nothing new (most of them, on an incremental pull)
        -- (ordered, so it walks the index from the cursor, not the heap from its start)
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM public.%I WHERE sync_xid >= $1 AND sync_xid < $2 '
                       'ORDER BY sync_xid LIMIT 1)', t.name) INTO v_any USING v_xid, v_xmin;
        CONTINUE WHEN NOT v_any;
        -- v is false for a row outside the subset. The LIMIT is never reached (the
        -- loop stops at the budget first) but makes the planner walk the index
        -- instead of sorting the rest of a big table on every page; near the end of
        -- a table it sorts anyway, so a branch renders nothing (see v_render).
        v_branches := v_branches || format(
            '(SELECT x.sync_xid AS sx, x.id, %1$L::text AS t, (%3$s) AS v, x.ctid AS tid '
            'FROM public.%1$I x WHERE %2$s AND x.sync_xid < $3 ORDER BY x.sync_xid, x.id LIMIT $5)',
            t.name, v_cond, coalesce(sync.subset_sql(t.name, v_kind), 'x.origin_workstation = $4'));
        -- a row is rendered (to_json of a nested record, in one pass) only when the
        -- loop fetches it, by its ctid in this same snapshot: rendering in the branch
        -- rendered every row a branch's sort read (a page of 2,000 rows rendered
        -- the whole rest of the table once the planner chose to sort it)
        v_render := v_render || format(
            'WHEN %1$L THEN (SELECT to_json(w) FROM public.%1$I x CROSS JOIN LATERAL '
            '(SELECT %1$L::text AS "table", d AS "row" FROM (SELECT %2$s) d) w WHERE x.ctid = k.tid) ',
            t.name, t.cols);
    END LOOP;

    IF cardinality(v_branches) = 0 THEN
        v_branches := ARRAY['(SELECT NULL::xid8 AS sx, NULL::uuid AS id, NULL::text AS t, '
                            'NULL::boolean AS v, NULL::tid AS tid WHERE false)'];
    END IF;
    v_render := CASE WHEN v_render = '' THEN 'NULL::json' ELSE 'CASE k.t ' || v_render || 'END' END;
    FOR r IN EXECUTE 'SELECT k.sx, k.id, k.t, CASE WHEN k.v THEN ' || v_render || ' END AS r FROM ('
                     || array_to_string(v_branches, ' UNION ALL ')
                     || ') k ORDER BY k.sx, k.id, k.t COLLATE "C" LIMIT $5'
             USING v_xid, v_id, v_xmin, p_desk, v_budget + 1, v_team, sync.team_desks(p_desk, v_team)
    LOOP
        IF r.r IS NOT NULL THEN
            IF v_n = p_max_rows THEN
                v_more := true;
                EXIT;
            END IF;
            v_rows := array_append(v_rows, r.r);
            v_n := v_n + 1;
        END IF;
        v_last_x := r.sx;
        v_last_t := r.t;
        v_last_id := r.id;
        v_scanned := v_scanned + 1;
        IF v_scanned >= v_budget THEN
            v_more := true;
            EXIT;
        END IF;
    END LOOP;

    -- v_rows goes in as json[] (its elements copied into the answer as they are)
    IF v_more THEN
        RETURN json_build_object(
            'rows', v_rows,
            'cursor', json_build_object('xid', v_last_x::text, 'table', v_last_t, 'id', v_last_id,
                                         'at', v_at),
            'more', true);
    END IF;
    RETURN json_build_object(
        'rows', v_rows,
        -- caught up: everything below xmin has been returned
        'cursor', CASE WHEN v_xmin > v_xid
                       THEN json_build_object('xid', v_xmin::text, 'table', '', 'id', NULL, 'at', now())
                       ELSE json_build_object('xid', v_xid::text, 'table', v_tab, 'id', v_id,
                                               'at', now()) END,
        'more', false);
END $$;
"""

# ---------------------------------------------------------------------------
# Pull of rows in the desk's stored form (sync.pull_rows).
#
# What a desk spent on a pulled row after central's render: psycopg's json.loads
# of an object per row (its column names repeated in every row), then a
# conversion of each value to its stored text (local_rows.py: UUIDs to 32 hex
# digits, stamps to SQLite's DATETIME text, booleans to 1/0), both holding the
# GIL the desk's writer needs between two rows it stores. sync.pull_rows is
# sync.pull with each row rendered as an array ``[table, value, ...]`` of the
# values as a desk stores them (the column names once per page, in
# ``columns``: table -> names), so the desk parses lists and converts nothing
# but JSON columns. Same scan, subsets, cursor and answer otherwise; c0005's
# sync.pull stays for desks that do not know pull_rows.
#
# A stored value, per central type (the session is UTC):
_STORED_FORM = (
    "CASE a.atttypid "
    "WHEN 'uuid'::regtype THEN format('replace(x.%I::text, ''-'', '''')', a.attname) "
    "WHEN 'timestamptz'::regtype THEN format('to_char(x.%I, ''YYYY-MM-DD HH24:MI:SS.US'')', a.attname) "
    "WHEN 'boolean'::regtype THEN format('x.%I::integer', a.attname) "
    "ELSE 'x.' || quote_ident(a.attname) END"
)


def _pull_rows(pull: str) -> str:
    """sync.pull_rows from c0005's sync.pull text (each change checked to apply once)."""
    changes = [
        ("CREATE FUNCTION sync.pull(p_desk text, p_cursor jsonb, p_max_rows integer) RETURNS json",
         "CREATE FUNCTION sync.pull_rows(p_desk text, p_cursor jsonb, p_max_rows integer) RETURNS json"),
        ("    v_render text := '';\n",
         "    v_render text := '';\n"
         "    v_columns text[] := '{}';  -- \"table\":[names] of each table scanned\n"),
        ("string_agg('x.' || quote_ident(a.attname), ', ' ORDER BY a.attnum) AS cols",
         "string_agg(" + _STORED_FORM + ", ', ' ORDER BY a.attnum) AS cols, "
         "json_agg(a.attname ORDER BY a.attnum) AS names"),
        ("""            'WHEN %1$L THEN (SELECT to_json(w) FROM public.%1$I x CROSS JOIN LATERAL '
            '(SELECT %1$L::text AS "table", d AS "row" FROM (SELECT %2$s) d) w WHERE x.ctid = k.tid) ',
            t.name, t.cols);""",
         """            'WHEN %1$L THEN (SELECT json_build_array(%1$L::text, %2$s) FROM public.%1$I x '
            'WHERE x.ctid = k.tid) ', t.name, t.cols);
        v_columns := v_columns || format('%s:%s', to_json(t.name), t.names);"""),
        ("""        RETURN json_build_object(
            'rows', v_rows,
            'cursor', json_build_object('xid', v_last_x::text""",
         """        RETURN json_build_object(
            'columns', ('{' || array_to_string(v_columns, ',') || '}')::json,
            'rows', v_rows,
            'cursor', json_build_object('xid', v_last_x::text"""),
        ("""    RETURN json_build_object(
        'rows', v_rows,
        -- caught up""",
         """    RETURN json_build_object(
        'columns', ('{' || array_to_string(v_columns, ',') || '}')::json,
        'rows', v_rows,
        -- caught up"""),
    ]
    for old, new in changes:
        if pull.count(old) != 1:
            raise AssertionError(f"sync.pull changed: {old[:60]!r}")
        pull = pull.replace(old, new)
    return pull


PULL_ROWS_V4 = _pull_rows(PULL_V4)

GRANTS_PULL_ROWS_V4 = f"""
REVOKE ALL ON FUNCTION sync.pull_rows(text, jsonb, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sync.pull_rows(text, jsonb, integer) TO {GROUP_ROLE};
"""

PULL_ROWS_V4_DOWN = """
DROP FUNCTION sync.pull_rows(text, jsonb, integer);
"""

# ---------------------------------------------------------------------------
# Push of new rows, grouped by the desk.
#
# Where c0003's sync.push spent a 1,000-op call of new tickets and events
# (about 35 ms, measured while writing this): parsing the payload into jsonb
# (13 ms: the captured fields hold \u escapes, which jsonb decodes), grouping
# the ops by key set with jsonb_object_keys (15 ms with that parse), one
# INSERT ... SELECT jsonb_populate_record per table and key set (5-7 ms each)
# and the sync.applied_ops rows (5 ms). A desk knows its ops before it sends
# them: when a batch is nothing but inserts (upserts with no base version),
# its SQLite groups the rows by table and key set and sends each group as one
# ``json`` array (json_in only checks the text; json_populate_recordset
# parses it once, as it reads it) with the op and transaction ids as uuid[].
#
# All or nothing: the applied_ops rows and every group's rows are inserted in
# one subtransaction; if an op id is known already (a retry, a re-batched
# retry), a row exists on central (an insert pushed before under another op,
# a row twice in the batch) or the groups do not hold exactly one row per op,
# the subtransaction is rolled back and the answer is the stored one (every op
# known: a retry after a lost answer, as sync.push answers it) or
# ``{"fallback": true}``: the desk then pushes the same ops with sync.push,
# which decides op by op as before. Exactly-once stays with sync.applied_ops
# (one row per op, as sync.push writes it), so the two entry points recognise
# each other's ops, and sync.prune and sync.push_answer need no change.
#
# New rows never conflict, so a first application's answer is every op id in
# the order sent (seq order) and no conflicts.
PUSH_ROWS_V4 = r"""
CREATE FUNCTION sync.push_rows(p_desk text, p_op_ids uuid[], p_tx_ids uuid[], p_tables text[],
                               p_keys text[], p_rows json[]) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sync, public, pg_temp SET timezone = 'UTC' AS $$
DECLARE
    v_n integer := coalesce(cardinality(p_op_ids), 0);
    v_groups integer := coalesce(cardinality(p_tables), 0);
    v_done bigint;
    v_total bigint := 0;
    v_keys text[];
    v_into text;
    v_vals text;
    v_fallback boolean := false;
BEGIN
    PERFORM sync.check_desk(p_desk);
    IF v_n = 0 THEN
        RETURN jsonb_build_object('applied', '[]'::jsonb, 'duplicate', false, 'conflicts', '[]'::jsonb);
    END IF;
    IF coalesce(cardinality(p_tx_ids), 0) <> v_n OR coalesce(cardinality(p_keys), 0) <> v_groups
       OR coalesce(cardinality(p_rows), 0) <> v_groups
       OR array_position(p_op_ids, NULL) IS NOT NULL OR array_position(p_tx_ids, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'op ids, transaction ids, tables, keys and rows do not match'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- one desk's pushes apply one at a time (as sync.push)
    PERFORM pg_advisory_xact_lock(hashtextextended('sync.push:' || p_desk, 0));
    BEGIN
        INSERT INTO sync.applied_ops (op_id, desk, tx_id)
        SELECT u.o, p_desk, u.t FROM unnest(p_op_ids, p_tx_ids) u(o, t)
        ON CONFLICT (op_id) DO NOTHING;
        GET DIAGNOSTICS v_done = ROW_COUNT;
        IF v_done < v_n THEN  -- an op applied before (or twice in the batch)
            RAISE EXCEPTION 'not new' USING ERRCODE = 'CCS01';
        END IF;
        FOR i IN 1 .. v_groups LOOP
            v_keys := ARRAY(SELECT json_array_elements_text(p_keys[i]::json));
            IF NOT 'id' = ANY (v_keys) THEN
                RAISE EXCEPTION 'a group of % rows without their id', p_tables[i]
                    USING ERRCODE = 'invalid_parameter_value';
            END IF;
            PERFORM sync.check_columns(p_tables[i], v_keys);
            SELECT string_agg(quote_ident(k), ', '), string_agg('r.' || quote_ident(k), ', ')
              INTO v_into, v_vals FROM unnest(v_keys) k;
            IF sync.table_mode(p_tables[i]) = 'merge' THEN  -- as sync.insert_new_rows
                v_into := v_into || ', sync_seen';
                v_vals := v_vals || ', jsonb_build_object($2, jsonb_build_array(coalesce(r.version, 1), 0))';
            END IF;
            -- a row central has is not inserted (and the whole push falls back)
            EXECUTE format('INSERT INTO public.%1$I (%2$s) SELECT %3$s '
                           'FROM json_populate_recordset(NULL::public.%1$I, $1) r '
                           'WHERE NOT EXISTS (SELECT 1 FROM public.%1$I t WHERE t.id = r.id) '
                           'ON CONFLICT (id) DO NOTHING', p_tables[i], v_into, v_vals)
               USING p_rows[i], p_desk;
            GET DIAGNOSTICS v_done = ROW_COUNT;
            v_total := v_total + v_done;
            IF v_total > v_n THEN
                EXIT;
            END IF;
        END LOOP;
        IF v_total <> v_n THEN  -- not one new row per op
            RAISE EXCEPTION 'not all new' USING ERRCODE = 'CCS01';
        END IF;
    EXCEPTION WHEN SQLSTATE 'CCS01' THEN
        v_fallback := true;
    END;
    IF NOT v_fallback THEN
        UPDATE sync.desks SET last_push_at = now() WHERE desk = p_desk;
        RETURN jsonb_build_object('applied', to_jsonb(p_op_ids), 'duplicate', false,
                                  'conflicts', '[]'::jsonb);
    END IF;
    -- every op applied before: the stored answer, as sync.push gives it to a retry
    IF (SELECT count(*) FROM sync.applied_ops WHERE op_id = ANY (p_op_ids))
       = (SELECT count(DISTINCT o) FROM unnest(p_op_ids) o) THEN
        RETURN sync.push_answer((SELECT jsonb_agg(jsonb_build_object('op_id', u.o) ORDER BY u.n)
                                   FROM unnest(p_op_ids) WITH ORDINALITY u(o, n)), true);
    END IF;
    RETURN jsonb_build_object('fallback', true);
END $$;
"""

GRANTS_PUSH_ROWS_V4 = f"""
REVOKE ALL ON FUNCTION sync.push_rows(text, uuid[], uuid[], text[], text[], json[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sync.push_rows(text, uuid[], uuid[], text[], text[], json[]) TO {GROUP_ROLE};
"""

PUSH_ROWS_V4_DOWN = """
DROP FUNCTION sync.push_rows(text, uuid[], uuid[], text[], text[], json[]);
"""

# the new sync.pull is a new function: PUBLIC gets nothing, the desks' group executes it
GRANTS_PULL_V4 = f"""
REVOKE ALL ON FUNCTION sync.pull(text, jsonb, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sync.pull(text, jsonb, integer) TO {GROUP_ROLE};
"""

# before restoring c0002's sync.pull (which returns jsonb)
PULL_V4_DOWN = """
DROP FUNCTION sync.pull(text, jsonb, integer);
"""

def upgrade() -> None:
    op.execute(PULL_V4_DOWN)  # the return type changes: drop, then create
    op.execute(PULL_V4)
    op.execute(GRANTS_PULL_V4)
    op.execute(PULL_ROWS_V4)
    op.execute(GRANTS_PULL_ROWS_V4)
    op.execute(PUSH_ROWS_V4)
    op.execute(GRANTS_PUSH_ROWS_V4)
    op.execute("UPDATE sync.meta SET schema_version = 5")


def downgrade() -> None:
    op.execute(PUSH_ROWS_V4_DOWN)
    op.execute(PULL_ROWS_V4_DOWN)
    op.execute(PULL_V4_DOWN)
    op.execute(PULL_V2)
    op.execute(f"REVOKE ALL ON FUNCTION sync.pull(text, jsonb, integer) FROM PUBLIC; "
               f"GRANT EXECUTE ON FUNCTION sync.pull(text, jsonb, integer) TO {GROUP_ROLE};")
    op.execute("UPDATE sync.meta SET schema_version = 4")
