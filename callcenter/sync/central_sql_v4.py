"""Central SQL of revision c0005: a faster sync.pull, the same rows and cursor.

Frozen: executed by migrations/central/versions/c0005_sync_speed.py.

Why: a page of 1,000 rows cost central about 19 ms with c0002's pull, most of
it rendering: ``to_jsonb`` builds each row as a jsonb tree, and the answer is
then converted again into jsonb's output text. ``json`` is kept as the text it
was rendered as, so ``to_json`` of the same nested record and
``json_build_object`` over a ``json[]`` only copy text (about 11 ms per 1,000
rows, measured while writing this). The answer is the same JSON document up to
key order (jsonb sorts keys; a desk reads the answer by key), so desks of
every schema still supported read it unchanged (psycopg decodes json and
jsonb alike). A return type cannot be changed by ``CREATE OR REPLACE``: the
migration drops sync.pull, creates it and grants it to the desks again.
"""

from __future__ import annotations

from .central_names import GROUP_ROLE

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
        -- r is NULL for a row outside the subset; the row is rendered in one pass
        -- (to_json of a nested record), not built and then trimmed. The LIMIT is
        -- never reached (the loop stops at the budget first) but makes the planner
        -- walk the index instead of sorting the rest of a big table on every page.
        v_branches := v_branches || format(
            '(SELECT x.sync_xid AS sx, x.id, %1$L::text AS t, CASE WHEN %3$s THEN to_json(w) END AS r '
            'FROM public.%1$I x CROSS JOIN LATERAL (SELECT %1$L::text AS "table", d AS "row" '
            'FROM (SELECT %4$s) d) w WHERE %2$s AND x.sync_xid < $3 ORDER BY x.sync_xid, x.id LIMIT $5)',
            t.name, v_cond, coalesce(sync.subset_sql(t.name, v_kind), 'x.origin_workstation = $4'),
            t.cols);
    END LOOP;

    IF cardinality(v_branches) = 0 THEN
        v_branches := ARRAY['(SELECT NULL::xid8 AS sx, NULL::uuid AS id, NULL::text AS t, NULL::json AS r '
                            'WHERE false)'];
    END IF;
    FOR r IN EXECUTE 'SELECT k.sx, k.id, k.t, k.r FROM ('
                     || array_to_string(v_branches, ' UNION ALL ')
                     || ') k ORDER BY k.sx, k.id, k.t COLLATE "C"'
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

# the new sync.pull is a new function: PUBLIC gets nothing, the desks' group executes it
GRANTS_PULL_V4 = f"""
REVOKE ALL ON FUNCTION sync.pull(text, jsonb, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sync.pull(text, jsonb, integer) TO {GROUP_ROLE};
"""

# before restoring c0002's sync.pull (which returns jsonb)
PULL_V4_DOWN = """
DROP FUNCTION sync.pull(text, jsonb, integer);
"""
