"""The SQL of central's ``sync`` schema: bookkeeping tables and the functions
desks call (the contract is in protocol.py).

Why the logic lives in PostgreSQL functions: a desk's role may only EXECUTE
``sync.push``/``sync.pull``/``sync.schema_version``/``sync.min_desk_schema``
and (c0002) ``sync.resolve_conflict``/``sync.open_conflicts`` (SECURITY
DEFINER, fixed ``search_path``), so it can never read or write a table
directly, and one push is one round trip and one central transaction.

Frozen: migrations execute these constants, so once a migration has shipped,
a constant is never edited; a changed function gets a new constant
(``PUSH_V2``) and a new migration that runs ``CREATE OR REPLACE``.

Merge rule (``sync.apply_op``), per field of an upsert on an existing row of a
merge table: the field conflicts when another desk changed it on central after
the version this desk last pulled (``sync_fver`` holds ``[version, desk]`` of
each field's last central change, ``sync_seen`` maps a desk's offline chain of
local versions back to that pulled version; see central_schema.py) and
central's value differs from the op's. So an op whose ``base_version`` is
central's current version never conflicts, a desk never conflicts with its own
earlier edits, and two edits made on both sides without seeing each other
always do, however many times either side saved. Conflicting fields keep
central's value and are recorded in ``sync.conflicts`` and returned; the other
fields are applied; the version is bumped on every applied op so the desk pulls
the merged row back. ``id``, ``version`` and ``origin_workstation`` belong to
central; ``updated_at`` takes the later of the two and never conflicts. A
delete is a tombstone that never conflicts. Append tables insert and ignore a
row they already have.

Per-desk subsets (c0002): a desk pulls only the rows of its subset, chosen by
its ``sync.desks.kind`` and ``team`` (a department desk's team is its
department code, the value of ``tickets.department``). "Own" rows are those
whose ``origin_workstation`` is the desk; "team" rows those made by any desk of
the same team (a desk without a team has no team mates). The ticket of a row is
looked up by primary key, at pull time.

===================  ===========  ==============  ===================  ====================
table                lead, admin  qa              agent                department
===================  ===========  ==============  ===================  ====================
reference data (1)   all          all             all                  all
tickets              all          all             team's (2)           its department's (3)
ticket_events,       all          all             own, or the ticket   as agent
callback_tasks,                                   is visible
ticket_outage_links
callback_attempts    all          all             own, or the task's   as agent
                                                  ticket is visible
alerts               all          own, or with    own, or the ticket   as agent
                                  a ticket        is visible
call and shift (4)   all          all             team's               own
===================  ===========  ==============  ===================  ====================

(1) customers, accounts, outages, outage_targets, emergency_banners,
script_versions. (2) made by a desk of its team, or by itself. (3)
``department`` = the desk's team, or made by itself. (4) call_sessions,
call_events, agent_shifts, agent_state_events. So an alert without a ticket
(for the shift lead) reaches lead and admin desks and the desk that raised it.
A desk missing from ``sync.desks`` can only be named by an admin connection
(``sync.check_desk``) and sees everything, as that connection could anyway.

The rules are SQL text from ``sync.subset_sql(table, kind)``: ``sync.pull``
puts them into its one merged scan (the desk's kind, team and team's desks are
read once per call, and a parent is a primary-key probe, not a function call
per row), and ``sync.visible(desk, table, row)`` evaluates the same text for
one row, so the two cannot disagree. A synced table without a rule is pulled
by its origin desk only; tests/sync/test_central_subsets.py fails until it has
one. Visibility is decided when a row is pulled, and a row is pulled when it is
written: a row that *becomes* visible without being written again (the events
of a ticket written before it was dispatched to a department, a ticket whose
origin desk changes team) does not reach the desk, and a row that leaves a
subset stays on the desk as last pulled. Tickets a desk looks up on demand
need a separate fetch function.

Tombstone expiry (c0002): ``sync.prune(now)``, an admin job no desk may call,
hard-deletes tombstones (``deleted_at`` older than ``sync.meta
.tombstone_retention``, 30 days by default) and ``sync.applied_ops`` rows
applied longer ago than that. ``deleted_at`` is a desk's clock, and a desk
offline for weeks pushes old deletes, so a tombstone is only deleted when it
was also *written* before the newest ``sync.xid_marks`` mark that is a
retention old (each prune leaves a mark "every xid below X had finished by
T"). That mark's time becomes ``sync.meta.pruned_before``; a pull cursor
carries ``at``, the time its desk was last caught up, and a cursor with ``at``
before ``pruned_before`` may have missed a deleted tombstone, so pull answers
``resync`` (protocol.py). A cursor in the middle of its pages keeps the ``at``
of the last time it was caught up, not the time of the page.

Conflict resolution (c0002): ``sync.resolve_conflict(desk, op_id,
resolution)`` records the decision of the desk that pushed the op (``mine``,
``central`` or ``dismissed``; the first decision stays) and
``sync.open_conflicts(desk)`` lists that desk's unresolved conflicts. Neither
changes data: ``mine`` is followed by the desk pushing its values again on the
version it now has.
"""

from __future__ import annotations

GROUP_ROLE = "callcenter_desk"

BOOKKEEPING_V1 = """
CREATE SCHEMA sync;

CREATE TABLE sync.meta (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    schema_version integer NOT NULL,
    min_desk_schema integer NOT NULL
);

CREATE TABLE sync.tables (
    name text PRIMARY KEY,
    mode text NOT NULL CHECK (mode IN ('append', 'merge'))
);

CREATE TABLE sync.desks (
    desk text PRIMARY KEY,
    role name NOT NULL UNIQUE,
    team text,
    kind text NOT NULL DEFAULT 'agent',
    created_at timestamptz NOT NULL DEFAULT now(),
    last_push_at timestamptz
);

-- one row per applied op, written in the push's own transaction; result is
-- {"conflict": {...}} or {} so a retry can rebuild the push's answer exactly.
-- Rows older than the tombstone retention may be pruned: a desk offline that
-- long does a full re-sync instead of retrying.
CREATE TABLE sync.applied_ops (
    op_id uuid PRIMARY KEY,
    desk text NOT NULL,
    tx_id uuid NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    result jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX ix_applied_ops_applied_at ON sync.applied_ops (applied_at);

CREATE TABLE sync.conflicts (
    id bigserial PRIMARY KEY,
    op_id uuid NOT NULL,
    desk text NOT NULL,
    table_name text NOT NULL,
    row_id uuid NOT NULL,
    fields text[] NOT NULL,
    desk_values jsonb NOT NULL,
    central_values jsonb NOT NULL,
    base_version bigint,
    central_version bigint NOT NULL,
    detected_at timestamptz NOT NULL DEFAULT now(),
    resolved_at timestamptz,
    resolved_by text
);
CREATE INDEX ix_conflicts_open ON sync.conflicts (table_name, row_id) WHERE resolved_at IS NULL;

CREATE FUNCTION sync.stamp_xid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.sync_xid := pg_current_xact_id();  -- the top-level xid, also in a subtransaction
    RETURN NEW;
END $$;

-- called by migrations after CREATE TABLE: commit marker trigger, pull index, registry row
CREATE FUNCTION sync.register_table(p_name text, p_mode text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER sync_stamp_xid BEFORE INSERT OR UPDATE ON public.%I '
                   'FOR EACH ROW EXECUTE FUNCTION sync.stamp_xid()', p_name);
    EXECUTE format('CREATE INDEX %I ON public.%I (sync_xid, id)', 'ix_' || p_name || '_sync_xid', p_name);
    EXECUTE format('REVOKE ALL ON public.%I FROM PUBLIC', p_name);
    INSERT INTO sync.tables (name, mode) VALUES (p_name, p_mode);
END $$;
"""

FUNCTIONS_V1 = r"""
CREATE FUNCTION sync.visible(p_desk text, p_table text, p_row jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    -- the per-desk subset hook (see callcenter/sync/central_sql.py): every row for now
    SELECT true
$$;

-- a desk role may only act as the desk it was created for; the schema owner and
-- superusers (admin tools, tests, benchmarks) may act as any desk
CREATE FUNCTION sync.check_desk(p_desk text) RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM sync.desks WHERE desk = p_desk AND role = session_user) THEN
        RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)
       OR pg_has_role(session_user, (SELECT nspowner FROM pg_namespace WHERE nspname = 'sync'),
                      'MEMBER') THEN
        RETURN;
    END IF;
    RAISE EXCEPTION 'role % may not sync as desk %', session_user, p_desk
        USING ERRCODE = 'insufficient_privilege';
END $$;

-- the mode of a synced table; refuses any other table
CREATE FUNCTION sync.table_mode(p_table text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_mode text;
BEGIN
    SELECT mode INTO v_mode FROM sync.tables WHERE name = p_table;
    IF v_mode IS NULL THEN
        RAISE EXCEPTION 'table % is not synced', p_table USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN v_mode;
END $$;

-- refuses columns the table does not have, and central's own sync_* columns
CREATE FUNCTION sync.check_columns(p_table text, p_keys text[]) RETURNS void
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_bad text[];
BEGIN
    SELECT array_agg(f) INTO v_bad FROM unnest(p_keys) f
     WHERE f LIKE 'sync\_%' OR NOT EXISTS (
           SELECT 1 FROM pg_attribute
            WHERE attrelid = format('public.%I', p_table)::regclass
              AND attname = f AND attnum > 0 AND NOT attisdropped);
    IF v_bad IS NOT NULL THEN
        RAISE EXCEPTION 'unknown columns % for table %', v_bad, p_table
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END $$;

-- the fast path of a push: upserts of rows central does not have yet, each
-- touched once in the push, all of one table and column set, in one INSERT;
-- returns the op ids it applied (the rest take sync.apply_op)
CREATE FUNCTION sync.insert_new(p_desk text, p_table text, p_keys text[], p_ops jsonb) RETURNS uuid[]
LANGUAGE plpgsql AS $$
DECLARE
    v_mode text := sync.table_mode(p_table);
    v_rows jsonb;
    v_cols text;
    v_new uuid[];
BEGIN
    PERFORM sync.check_columns(p_table, p_keys);
    SELECT jsonb_agg(((o->'fields') - 'id') || jsonb_build_object('id', o->'row_id')
                     || CASE WHEN v_mode = 'merge' THEN jsonb_build_object('sync_seen', jsonb_build_object(
                            p_desk, jsonb_build_array(coalesce((o->'fields'->>'version')::bigint, 1), 0)))
                        ELSE '{}'::jsonb END)
      INTO v_rows FROM jsonb_array_elements(p_ops) o;
    SELECT string_agg(quote_ident(k), ', ') INTO v_cols
      FROM unnest(array_remove(p_keys, 'id') || ARRAY['id']
                  || CASE WHEN v_mode = 'merge' THEN ARRAY['sync_seen'] ELSE '{}'::text[] END) k;
    -- rows central already has are filtered before the insert (a partial column set
    -- must never meet NOT NULL) and go to the per-op path
    EXECUTE format('WITH ins AS (INSERT INTO public.%I (%s) SELECT %s FROM '
                   'jsonb_populate_recordset(NULL::public.%I, $1) r '
                   'WHERE NOT EXISTS (SELECT 1 FROM public.%I t WHERE t.id = r.id) '
                   'ON CONFLICT (id) DO NOTHING RETURNING id) '
                   'SELECT array_agg(id) FROM ins', p_table, v_cols, v_cols, p_table, p_table)
       INTO v_new USING v_rows;
    RETURN (SELECT coalesce(array_agg((o->>'op_id')::uuid), '{}'::uuid[])
              FROM jsonb_array_elements(p_ops) o WHERE (o->>'row_id')::uuid = ANY (v_new));
END $$;

-- the answer to a push, rebuilt from sync.applied_ops: the first answer and a
-- retry's are the same by construction
CREATE FUNCTION sync.push_answer(p_ops jsonb, p_duplicate boolean) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
               'applied', coalesce(jsonb_agg(e.o->'op_id' ORDER BY e.n), '[]'::jsonb),
               'duplicate', p_duplicate,
               'conflicts', coalesce(jsonb_agg(a.result->'conflict' ORDER BY e.n)
                                     FILTER (WHERE a.result ? 'conflict'), '[]'::jsonb))
      FROM jsonb_array_elements(p_ops) WITH ORDINALITY AS e(o, n)
      JOIN sync.applied_ops a ON a.op_id = (e.o->>'op_id')::uuid
$$;

-- applies one op; returns its conflict (protocol shape) or NULL
CREATE FUNCTION sync.apply_op(p_desk text, p_op jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    v_table text := p_op->>'table';
    v_kind text := p_op->>'kind';
    v_id uuid := (p_op->>'row_id')::uuid;
    v_base bigint := (p_op->>'base_version')::bigint;
    v_fields jsonb := coalesce(p_op->'fields', '{}'::jsonb);
    v_mode text;
    v_norm jsonb;
    v_cur jsonb;
    v_ver bigint;
    v_set text[] := '{}';
    v_conf text[] := '{}';
    v_fver jsonb := '{}'::jsonb;
    v_seen jsonb;
    v_last jsonb;
    v_local bigint;
    v_anchor bigint;
    v_sql text;
    v_at timestamptz;
    k text;
    v jsonb;
BEGIN
    v_mode := sync.table_mode(v_table);
    IF v_kind IS NULL OR v_kind NOT IN ('upsert', 'delete') OR v_id IS NULL
       OR jsonb_typeof(v_fields) <> 'object' THEN
        RAISE EXCEPTION 'malformed op %', p_op->>'op_id' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    v_fields := (v_fields - 'id') || jsonb_build_object('id', v_id);
    PERFORM sync.check_columns(v_table, ARRAY(SELECT jsonb_object_keys(v_fields)));
    -- the op's values as central renders them, so comparisons are by value, not by spelling
    EXECUTE format('SELECT to_jsonb(r) FROM jsonb_populate_record(NULL::public.%I, $1) r', v_table)
       INTO v_norm USING v_fields;
    SELECT jsonb_object_agg(f, v_norm->f) INTO v_norm FROM jsonb_object_keys(v_fields) f;

    EXECUTE format('SELECT to_jsonb(t) FROM public.%I t WHERE id = $1 FOR UPDATE', v_table)
       INTO v_cur USING v_id;

    IF v_kind = 'delete' THEN
        IF v_cur IS NULL THEN
            RETURN NULL;  -- nothing to tombstone
        END IF;
        v_at := coalesce((v_norm->>'deleted_at')::timestamptz, (p_op->>'at')::timestamptz, now());
        v_ver := (v_cur->>'version')::bigint + 1;
        EXECUTE format('UPDATE public.%I SET deleted_at = coalesce(deleted_at, $2), version = $3, '
                       'updated_at = greatest(updated_at, coalesce($4, updated_at))%s WHERE id = $1',
                       v_table, CASE WHEN v_mode = 'merge' THEN ', sync_fver = sync_fver || '
                           'jsonb_build_object(''deleted_at'', jsonb_build_array($3, $5::text))' ELSE '' END)
           USING v_id, v_at, v_ver, (v_norm->>'updated_at')::timestamptz, p_desk;
        RETURN NULL;
    END IF;

    IF v_cur IS NULL THEN
        IF v_mode = 'merge' THEN  -- the inserting desk's chain of edits starts here, anchored at 0
            v_norm := v_norm || jsonb_build_object('sync_seen', jsonb_build_object(p_desk,
                          jsonb_build_array(coalesce((v_fields->>'version')::bigint, 1), 0)));
        END IF;
        SELECT string_agg(quote_ident(f), ', ') INTO v_sql FROM jsonb_object_keys(v_norm) f;
        EXECUTE format('INSERT INTO public.%I (%s) SELECT %s FROM jsonb_populate_record(NULL::public.%I, $1) '
                       'ON CONFLICT (id) DO NOTHING', v_table, v_sql, v_sql, v_table)
           USING v_norm;
        RETURN NULL;
    END IF;
    IF v_mode = 'append' THEN
        RETURN NULL;  -- append-only rows never change and never conflict
    END IF;

    v_ver := (v_cur->>'version')::bigint;
    v_local := coalesce((v_fields->>'version')::bigint, coalesce(v_base, 0) + 1);
    v_seen := v_cur->'sync_seen'->p_desk;
    IF v_base IS NOT NULL AND (v_seen->>0)::bigint = v_base THEN
        v_anchor := (v_seen->>1)::bigint;  -- continues its own chain of edits made offline
    ELSE
        v_anchor := coalesce(v_base, 0);   -- a version it pulled from central
    END IF;
    FOR k, v IN SELECT * FROM jsonb_each(v_norm) LOOP
        CONTINUE WHEN k IN ('id', 'version', 'origin_workstation', 'updated_at');
        CONTINUE WHEN (v_cur->k) IS NOT DISTINCT FROM v;
        v_last := v_cur->'sync_fver'->k;  -- [version, desk] of central's last change of k
        IF v_last IS NOT NULL AND (v_last->>0)::bigint > v_anchor
           AND (v_last->>1) IS DISTINCT FROM p_desk THEN
            v_conf := v_conf || k;
        ELSE
            v_set := v_set || k;
            v_fver := v_fver || jsonb_build_object(k, jsonb_build_array(v_ver + 1, p_desk));
        END IF;
    END LOOP;

    v_sql := format('UPDATE public.%I t SET version = $2, sync_fver = t.sync_fver || $3, '
                    'sync_seen = t.sync_seen || $5, '
                    'updated_at = greatest(t.updated_at, coalesce(($1->>''updated_at'')::timestamptz, '
                    't.updated_at))', v_table);
    IF cardinality(v_set) > 0 THEN
        v_sql := v_sql || format(', (%s) = (SELECT %s FROM jsonb_populate_record(NULL::public.%I, $1) r)',
            (SELECT string_agg(quote_ident(f), ', ') FROM unnest(v_set) f),
            (SELECT string_agg('r.' || quote_ident(f), ', ') FROM unnest(v_set) f), v_table);
    END IF;
    EXECUTE v_sql || ' WHERE t.id = $4'
       USING v_norm, v_ver + 1, v_fver, v_id,
             jsonb_build_object(p_desk, jsonb_build_array(v_local, v_anchor));

    IF cardinality(v_conf) = 0 THEN
        RETURN NULL;
    END IF;
    INSERT INTO sync.conflicts (op_id, desk, table_name, row_id, fields, desk_values, central_values,
                                base_version, central_version)
    VALUES ((p_op->>'op_id')::uuid, p_desk, v_table, v_id, v_conf,
            (SELECT jsonb_object_agg(f, v_norm->f) FROM unnest(v_conf) f),
            (SELECT jsonb_object_agg(f, v_cur->f) FROM unnest(v_conf) f),
            v_base, v_ver + 1);
    RETURN jsonb_build_object('op_id', p_op->>'op_id', 'table', v_table, 'row_id', v_id::text,
                              'fields', to_jsonb(v_conf),
                              'central', (SELECT jsonb_object_agg(f, v_cur->f) FROM unnest(v_conf) f));
END $$;

CREATE FUNCTION sync.push(p_desk text, p_ops jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sync, public, pg_temp SET timezone = 'UTC' AS $$
DECLARE
    v_ops jsonb;
    v_ids uuid[];
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
    SELECT coalesce(jsonb_agg(o ORDER BY (o->>'seq')::bigint), '[]'::jsonb),
           coalesce(array_agg(DISTINCT (o->>'op_id')::uuid), '{}'::uuid[])
      INTO v_ops, v_ids FROM jsonb_array_elements(p_ops) o;
    IF cardinality(v_ids) = 0 THEN
        RETURN jsonb_build_object('applied', '[]'::jsonb, 'duplicate', false, 'conflicts', '[]'::jsonb);
    END IF;
    -- one desk's pushes apply one at a time, so a retry racing its lost original
    -- waits for it and then sees it as a duplicate
    PERFORM pg_advisory_xact_lock(hashtextextended('sync.push:' || p_desk, 0));
    SELECT count(*) INTO v_known FROM sync.applied_ops WHERE op_id = ANY (v_ids);
    IF v_known = cardinality(v_ids) THEN
        RETURN sync.push_answer(v_ops, true);
    END IF;

    IF v_known = 0 THEN  -- new rows in bulk; order does not matter between distinct new rows
        FOR g IN
            SELECT s.o->>'table' AS tab, k.keys, jsonb_agg(s.o) AS ops
              FROM (SELECT o, count(*) OVER (PARTITION BY o->>'table', o->>'row_id') AS touches
                      FROM jsonb_array_elements(v_ops) o) s,
                   LATERAL (SELECT array_agg(f ORDER BY f) AS keys FROM jsonb_object_keys(
                       CASE WHEN jsonb_typeof(s.o->'fields') = 'object' THEN s.o->'fields'
                            ELSE '{}'::jsonb END) f) k
             WHERE s.touches = 1 AND s.o->>'kind' = 'upsert' AND s.o->>'row_id' IS NOT NULL
               AND k.keys IS NOT NULL
             GROUP BY s.o->>'table', k.keys
        LOOP
            v_fast := v_fast || sync.insert_new(p_desk, g.tab, g.keys, g.ops);
        END LOOP;
    END IF;

    FOR v_op IN SELECT o FROM jsonb_array_elements(v_ops) o
                 WHERE NOT (o->>'op_id')::uuid = ANY (v_fast) LOOP
        -- a re-batched retry keeps what the first application decided
        CONTINUE WHEN v_known > 0 AND EXISTS (
            SELECT 1 FROM sync.applied_ops WHERE op_id = (v_op->>'op_id')::uuid);
        v_conflict := sync.apply_op(p_desk, v_op);
        IF v_conflict IS NOT NULL THEN
            v_conflicts := v_conflicts || jsonb_build_object(v_op->>'op_id', v_conflict);
        END IF;
    END LOOP;

    INSERT INTO sync.applied_ops (op_id, desk, tx_id, result)
    SELECT (o->>'op_id')::uuid, p_desk, (o->>'tx_id')::uuid,
           CASE WHEN v_conflicts ? (o->>'op_id')
                THEN jsonb_build_object('conflict', v_conflicts->(o->>'op_id')) ELSE '{}'::jsonb END
      FROM jsonb_array_elements(v_ops) o
    ON CONFLICT (op_id) DO NOTHING;
    UPDATE sync.desks SET last_push_at = now() WHERE desk = p_desk;
    RETURN sync.push_answer(v_ops, false);
END $$;

-- Rows written by transactions that committed after the cursor, bounded above by
-- the xmin of this call's snapshot: every xid below it has finished, and every
-- transaction still running (or not started) will stamp an xid >= it, so a
-- cursor below xmin can never pass a commit that is still to come.
CREATE FUNCTION sync.pull(p_desk text, p_cursor jsonb, p_max_rows integer) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sync, public, pg_temp SET timezone = 'UTC' AS $$
DECLARE
    v_xmin xid8 := pg_snapshot_xmin(pg_current_snapshot());
    v_xid xid8 := coalesce((p_cursor->>'xid')::xid8, '0'::xid8);
    v_tab text := coalesce(p_cursor->>'table', '');
    v_id uuid := (p_cursor->>'id')::uuid;
    v_all jsonb := '[]'::jsonb;
    v_part jsonb;
    v_cond text;
    v_rows jsonb;
    v_n integer;
    v_last jsonb;
    t record;
BEGIN
    PERFORM sync.check_desk(p_desk);
    IF p_max_rows IS NULL OR p_max_rows < 1 THEN
        RAISE EXCEPTION 'max_rows must be positive' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR t IN SELECT name FROM sync.tables ORDER BY name COLLATE "C" LOOP
        IF t.name COLLATE "C" > v_tab COLLATE "C" THEN
            v_cond := 'sync_xid >= $1';
        ELSIF t.name = v_tab THEN
            v_cond := '(sync_xid, id) > ($1, $2)';
        ELSE
            v_cond := 'sync_xid > $1';
        END IF;
        EXECUTE format(
            'SELECT coalesce(jsonb_agg(jsonb_build_object(''x'', s.sync_xid::text, ''t'', %L, '
            '''id'', s.id, '
            '''row'', to_jsonb(s) - ''sync_xid'' - ''sync_fver'' - ''sync_seen'')), ''[]''::jsonb) '
            'FROM (SELECT * FROM public.%I x WHERE %s AND sync_xid < $3 '
            '      AND sync.visible($4, %L, to_jsonb(x)) ORDER BY sync_xid, id LIMIT $5) s',
            t.name, t.name, v_cond, t.name)
           INTO v_part USING v_xid, v_id, v_xmin, p_desk, p_max_rows + 1;
        v_all := v_all || v_part;
    END LOOP;

    SELECT coalesce(jsonb_agg(e ORDER BY (e->>'x')::xid8, (e->>'t') COLLATE "C", (e->>'id')::uuid),
                    '[]'::jsonb), count(*)
      INTO v_rows, v_n
      FROM (SELECT e FROM jsonb_array_elements(v_all) e
             ORDER BY (e->>'x')::xid8, (e->>'t') COLLATE "C", (e->>'id')::uuid
             LIMIT p_max_rows + 1) page;

    IF v_n > p_max_rows THEN
        v_rows := v_rows - p_max_rows;
        v_last := v_rows->(p_max_rows - 1);
        RETURN jsonb_build_object(
            'rows', (SELECT jsonb_agg(jsonb_build_object('table', e->'t', 'row', e->'row') ORDER BY n)
                       FROM jsonb_array_elements(v_rows) WITH ORDINALITY AS r(e, n)),
            'cursor', jsonb_build_object('xid', v_last->'x', 'table', v_last->'t', 'id', v_last->'id'),
            'more', true);
    END IF;
    RETURN jsonb_build_object(
        'rows', (SELECT coalesce(jsonb_agg(jsonb_build_object('table', e->'t', 'row', e->'row') ORDER BY n),
                                 '[]'::jsonb)
                   FROM jsonb_array_elements(v_rows) WITH ORDINALITY AS r(e, n)),
        -- caught up: everything below xmin has been returned
        'cursor', CASE WHEN v_xmin > v_xid
                       THEN jsonb_build_object('xid', v_xmin::text, 'table', '', 'id', NULL)
                       ELSE jsonb_build_object('xid', v_xid::text, 'table', v_tab, 'id', v_id) END,
        'more', false);
END $$;

CREATE FUNCTION sync.schema_version() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = sync, public, pg_temp AS $$
    SELECT schema_version FROM sync.meta
$$;

CREATE FUNCTION sync.min_desk_schema() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = sync, public, pg_temp AS $$
    SELECT min_desk_schema FROM sync.meta
$$;
"""

# who may do what: desks get the four entry points through the group role, nothing else
GRANTS_V1 = f"""
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{GROUP_ROLE}') THEN
        CREATE ROLE {GROUP_ROLE} NOLOGIN;
    END IF;
END $$;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON SCHEMA sync FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA sync FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA sync FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA sync FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA sync REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
GRANT USAGE ON SCHEMA sync TO {GROUP_ROLE};
GRANT EXECUTE ON FUNCTION sync.push(text, jsonb), sync.pull(text, jsonb, integer),
    sync.schema_version(), sync.min_desk_schema() TO {GROUP_ROLE};
"""

# ---------------------------------------------------------------------------
# c0002: desk kinds, per-desk subsets, tombstone expiry, conflict resolution

DESK_KINDS = ("agent", "lead", "qa", "department", "admin")
RESOLUTIONS = ("mine", "central", "dismissed")

BOOKKEEPING_V2 = """
ALTER TABLE sync.desks ADD CONSTRAINT ck_desks_kind
    CHECK (kind IN ('agent', 'lead', 'qa', 'department', 'admin'));
CREATE INDEX ix_desks_team ON sync.desks (team);

ALTER TABLE sync.meta
    ADD COLUMN tombstone_retention interval NOT NULL DEFAULT '30 days'
        CONSTRAINT ck_meta_tombstone_retention CHECK (tombstone_retention >= interval '1 day'),
    ADD COLUMN pruned_before timestamptz;

-- the clock that ties xids to time: "every xid below xid_bound had finished by at".
-- sync.prune adds one per run and only hard-deletes rows written below the
-- xid_bound of a mark older than the retention, so a tombstone a desk pushed
-- late (with an old deleted_at) still lives a full retention on central.
CREATE TABLE sync.xid_marks (
    at timestamptz PRIMARY KEY,
    xid_bound xid8 NOT NULL
);
INSERT INTO sync.xid_marks (at, xid_bound)
SELECT clock_timestamp(), pg_snapshot_xmin(pg_current_snapshot());

ALTER TABLE sync.conflicts
    ADD COLUMN resolution text
        CONSTRAINT ck_conflicts_resolution CHECK (resolution IN ('mine', 'central', 'dismissed'));
CREATE INDEX ix_conflicts_op_id ON sync.conflicts (op_id);
CREATE INDEX ix_conflicts_desk_open ON sync.conflicts (desk, detected_at) WHERE resolved_at IS NULL;
"""

BOOKKEEPING_V2_DOWN = """
DROP INDEX sync.ix_conflicts_desk_open;
DROP INDEX sync.ix_conflicts_op_id;
ALTER TABLE sync.conflicts DROP COLUMN resolution;
DROP TABLE sync.xid_marks;
ALTER TABLE sync.meta DROP COLUMN pruned_before, DROP COLUMN tombstone_retention;
DROP INDEX sync.ix_desks_team;
ALTER TABLE sync.desks DROP CONSTRAINT ck_desks_kind;
"""

# The subset rules, as SQL predicates over the row aliased ``x``, with the desk's
# scope bound as parameters: $4 the desk, $6 its team, $7 the desks of its team
# (always including itself). One text serves sync.pull (inlined into its scan)
# and sync.visible, so the two cannot drift apart. NULL: a table without a rule.
# A parent is read by a scalar subquery on its primary key, not EXISTS: the
# planner turns an EXISTS into a hash of every matching ticket, built on each
# page, while a page needs a thousand probes at most.
SUBSET_SQL_V2 = r"""
CREATE FUNCTION sync.subset_sql(p_table text, p_kind text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    -- the ticket rule over alias %1$s; NULL: every ticket
    v_ticket text := CASE p_kind
        WHEN 'agent' THEN '%1$s.origin_workstation = ANY ($7)'
        WHEN 'department' THEN '(%1$s.department = $6 OR %1$s.origin_workstation = $4)'
        ELSE NULL END;
BEGIN
    IF p_kind IS NULL OR p_kind NOT IN ('agent', 'lead', 'qa', 'department', 'admin') THEN
        RAISE EXCEPTION 'unknown desk kind %', p_kind USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_table IN ('customers', 'accounts', 'outages', 'outage_targets', 'emergency_banners',
                   'script_versions') THEN
        RETURN 'true';  -- reference data: every desk answers calls about it
    ELSIF p_table = 'tickets' THEN
        RETURN coalesce(format(v_ticket, 'x'), 'true');
    ELSIF p_table IN ('ticket_events', 'callback_tasks', 'ticket_outage_links') THEN
        RETURN coalesce('(x.origin_workstation = $4 OR coalesce((SELECT ' || format(v_ticket, 't')
                        || ' FROM public.tickets t WHERE t.id = x.ticket_id), false))', 'true');
    ELSIF p_table = 'callback_attempts' THEN
        RETURN coalesce('(x.origin_workstation = $4 OR coalesce((SELECT ' || format(v_ticket, 't')
                        || ' FROM public.callback_tasks c JOIN public.tickets t ON t.id = c.ticket_id '
                        'WHERE c.id = x.task_id), false))', 'true');
    ELSIF p_table = 'alerts' THEN
        -- an alert without a ticket (for the shift lead) goes to lead and admin desks
        -- and stays with the desk that raised it
        RETURN CASE p_kind
            WHEN 'lead' THEN 'true'
            WHEN 'admin' THEN 'true'
            WHEN 'qa' THEN '(x.ticket_id IS NOT NULL OR x.origin_workstation = $4)'
            ELSE '(x.origin_workstation = $4 OR coalesce((SELECT ' || format(v_ticket, 't')
                 || ' FROM public.tickets t WHERE t.id = x.ticket_id), false))' END;
    ELSIF p_table IN ('call_sessions', 'call_events', 'agent_shifts', 'agent_state_events') THEN
        RETURN CASE p_kind
            WHEN 'agent' THEN 'x.origin_workstation = ANY ($7)'
            WHEN 'department' THEN 'x.origin_workstation = $4'
            ELSE 'true' END;
    END IF;
    RETURN NULL;
END $$;

-- the desks whose rows an agent desk of this team sees: the team's desks and itself
CREATE FUNCTION sync.team_desks(p_desk text, p_team text) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT array_append(ARRAY(SELECT desk FROM sync.desks WHERE team = p_team AND desk <> p_desk
                              ORDER BY desk), p_desk)
$$;
"""

VISIBLE_V2 = r"""
CREATE OR REPLACE FUNCTION sync.visible(p_desk text, p_table text, p_row jsonb) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_kind text;
    v_team text;
    v_ok boolean;
BEGIN
    -- the per-desk subset of one row (table in callcenter/sync/central_sql.py); sync.pull
    -- applies the same rules inline. A desk missing from sync.desks can only be named by
    -- an admin connection (sync.check_desk), which may read everything anyway.
    SELECT kind, team INTO v_kind, v_team FROM sync.desks WHERE desk = p_desk;
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM jsonb_populate_record(NULL::public.%I, $1) x WHERE %s)',
                   p_table, coalesce(sync.subset_sql(p_table, coalesce(v_kind, 'admin')),
                                     'x.origin_workstation = $4'))
       INTO v_ok
       USING p_row, NULL::xid8, NULL::uuid, p_desk, NULL::integer, v_team, sync.team_desks(p_desk, v_team);
    RETURN v_ok;
END $$;
"""

# One merged scan of every synced table in commit order, consumed lazily: a
# Merge Append of per-table index scans on (sync_xid, id), so a page touches
# about as many rows as it returns instead of max_rows per table. Rows outside
# the desk's subset are scanned, not returned, and move the cursor; at most
# ``v_budget`` of them per call, so a desk that sees little of a big table gets
# short (even empty) pages with ``more`` instead of one call scanning it all.
PULL_V2 = r"""
CREATE OR REPLACE FUNCTION sync.pull(p_desk text, p_cursor jsonb, p_max_rows integer) RETURNS jsonb
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
    v_rows jsonb[] := '{}';
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
        RETURN jsonb_build_object('resync', true, 'rows', '[]'::jsonb, 'cursor', '{}'::jsonb, 'more', true);
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
        -- (to_jsonb of a nested record), not built and then trimmed. The LIMIT is
        -- never reached (the loop stops at the budget first) but makes the planner
        -- walk the index instead of sorting the rest of a big table on every page.
        v_branches := v_branches || format(
            '(SELECT x.sync_xid AS sx, x.id, %1$L::text AS t, CASE WHEN %3$s THEN to_jsonb(w) END AS r '
            'FROM public.%1$I x CROSS JOIN LATERAL (SELECT %1$L::text AS "table", d AS "row" '
            'FROM (SELECT %4$s) d) w WHERE %2$s AND x.sync_xid < $3 ORDER BY x.sync_xid, x.id LIMIT $5)',
            t.name, v_cond, coalesce(sync.subset_sql(t.name, v_kind), 'x.origin_workstation = $4'),
            t.cols);
    END LOOP;

    IF cardinality(v_branches) = 0 THEN
        v_branches := ARRAY['(SELECT NULL::xid8 AS sx, NULL::uuid AS id, NULL::text AS t, NULL::jsonb AS r '
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

    -- v_rows goes in as jsonb[] (one conversion into the answer), not through to_jsonb first
    IF v_more THEN
        RETURN jsonb_build_object(
            'rows', v_rows,
            'cursor', jsonb_build_object('xid', v_last_x::text, 'table', v_last_t, 'id', v_last_id,
                                         'at', v_at),
            'more', true);
    END IF;
    RETURN jsonb_build_object(
        'rows', v_rows,
        -- caught up: everything below xmin has been returned
        'cursor', CASE WHEN v_xmin > v_xid
                       THEN jsonb_build_object('xid', v_xmin::text, 'table', '', 'id', NULL, 'at', now())
                       ELSE jsonb_build_object('xid', v_xid::text, 'table', v_tab, 'id', v_id,
                                               'at', now()) END,
        'more', false);
END $$;
"""

# An admin job (cron, ``callcenter central prune``-style tools), never granted to desks.
PRUNE_V2 = r"""
CREATE FUNCTION sync.prune(p_now timestamptz DEFAULT now()) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sync, public, pg_temp SET timezone = 'UTC' AS $$
DECLARE
    -- this run's mark: the snapshot first, the clock after it, so the mark never
    -- claims an xid finished earlier than it did
    v_mark_xmin xid8 := pg_snapshot_xmin(pg_current_snapshot());
    v_mark_at timestamptz := clock_timestamp();
    v_horizon timestamptz;
    v_bound_at timestamptz;
    v_bound_xmin xid8;
    v_deleted jsonb := '{}'::jsonb;
    v_total bigint := 0;
    v_n bigint;
    v_ops bigint;
    t record;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('sync.prune', 0));
    INSERT INTO sync.xid_marks (at, xid_bound) VALUES (v_mark_at, v_mark_xmin) ON CONFLICT (at) DO NOTHING;
    SELECT p_now - tombstone_retention INTO v_horizon FROM sync.meta;
    -- the newest mark at least a retention old: rows below its xid_bound were written before it
    SELECT at, xid_bound INTO v_bound_at, v_bound_xmin
      FROM sync.xid_marks WHERE at <= v_horizon ORDER BY at DESC LIMIT 1;
    IF v_bound_at IS NOT NULL THEN
        FOR t IN SELECT name FROM sync.tables ORDER BY name LOOP
            EXECUTE format('DELETE FROM public.%I WHERE deleted_at < $1 AND sync_xid < $2', t.name)
               USING v_horizon, v_bound_xmin;
            GET DIAGNOSTICS v_n = ROW_COUNT;
            v_deleted := v_deleted || jsonb_build_object(t.name, v_n);
            v_total := v_total + v_n;
        END LOOP;
        DELETE FROM sync.xid_marks WHERE at < v_bound_at;
        IF v_total > 0 THEN  -- nothing gone, nothing a desk could have missed: no re-syncs
            UPDATE sync.meta SET pruned_before = greatest(pruned_before, v_bound_at);
        END IF;
    END IF;
    DELETE FROM sync.applied_ops WHERE applied_at < v_horizon;
    GET DIAGNOSTICS v_ops = ROW_COUNT;
    RETURN jsonb_build_object('deleted', v_deleted, 'applied_ops', v_ops,
                              'pruned_before', (SELECT pruned_before FROM sync.meta));
END $$;
"""

CONFLICTS_V2 = r"""
-- records a desk's decision on one of its conflicts; the first decision stays
-- (a retry after a lost answer gets the same answer back)
CREATE FUNCTION sync.resolve_conflict(p_desk text, p_op_id uuid, p_resolution text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sync, public, pg_temp SET timezone = 'UTC' AS $$
DECLARE
    v_owner text;
BEGIN
    PERFORM sync.check_desk(p_desk);
    IF p_resolution IS NULL OR p_resolution NOT IN ('mine', 'central', 'dismissed') THEN
        RAISE EXCEPTION 'resolution must be mine, central or dismissed, not %', p_resolution
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT desk INTO v_owner FROM sync.conflicts WHERE op_id = p_op_id ORDER BY id LIMIT 1;
    IF v_owner IS NULL THEN
        RAISE EXCEPTION 'no conflict for op %', p_op_id USING ERRCODE = 'no_data_found';
    END IF;
    IF v_owner <> p_desk THEN  -- only the desk whose change was refused knows what it meant
        RAISE EXCEPTION 'desk % may not resolve a conflict of desk %', p_desk, v_owner
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    UPDATE sync.conflicts SET resolved_at = now(), resolved_by = p_desk, resolution = p_resolution
     WHERE op_id = p_op_id AND resolved_at IS NULL;
    RETURN (SELECT jsonb_build_object('op_id', op_id, 'resolution', resolution,
                                      'resolved_at', resolved_at, 'resolved_by', resolved_by)
              FROM sync.conflicts WHERE op_id = p_op_id ORDER BY id LIMIT 1);
END $$;

-- a desk's unresolved conflicts, oldest first, in the shape of its local
-- sync_conflicts rows (so a desk that re-synced can rebuild its list)
CREATE FUNCTION sync.open_conflicts(p_desk text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = sync, public, pg_temp SET timezone = 'UTC' AS $$
BEGIN
    PERFORM sync.check_desk(p_desk);
    RETURN (SELECT coalesce(jsonb_agg(jsonb_build_object(
                       'op_id', op_id, 'table', table_name, 'row_id', row_id, 'fields', to_jsonb(fields),
                       'local_values', desk_values, 'central_values', central_values,
                       'base_version', base_version, 'central_version', central_version,
                       'detected_at', detected_at) ORDER BY detected_at, id), '[]'::jsonb)
              FROM sync.conflicts WHERE desk = p_desk AND resolved_at IS NULL);
END $$;
"""

# c0002 made functions too: PUBLIC gets none of them (the migration may run as
# another role than c0001, whose default privileges then do not apply)
GRANTS_V2 = f"""
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA sync FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sync.resolve_conflict(text, uuid, text), sync.open_conflicts(text)
    TO {GROUP_ROLE};
"""

FUNCTIONS_V2_DOWN = """
DROP FUNCTION sync.open_conflicts(text);
DROP FUNCTION sync.resolve_conflict(text, uuid, text);
DROP FUNCTION sync.prune(timestamptz);
DROP FUNCTION sync.team_desks(text, text);
DROP FUNCTION sync.subset_sql(text, text);
"""


def replaced_v1(name: str) -> str:
    """``CREATE OR REPLACE`` of one function exactly as FUNCTIONS_V1 defines it
    (for a downgrade to c0001; FUNCTIONS_V1 is frozen, so this text is too)."""
    start = FUNCTIONS_V1.index(f"CREATE FUNCTION sync.{name}(")
    body = FUNCTIONS_V1.index("$$", start)
    end = FUNCTIONS_V1.index("$$;", body + 2) + len("$$;")
    return "CREATE OR REPLACE" + FUNCTIONS_V1[start + len("CREATE"):end]

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
