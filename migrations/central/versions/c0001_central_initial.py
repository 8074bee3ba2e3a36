"""central: the synced tables, the sync schema's bookkeeping and functions, grants.

Revision ID: c0001
Revises:

The table definitions below are frozen (printed by
``python -m callcenter.sync.central_schema`` from the models of local
revision 0007); later model changes get their own central migration.
``min_desk_schema`` 7 is the local revision that added the outbox (a desk's
schema number is its local Alembic head read as a number, "0007" -> 7): an
older desk has nothing to push with.

The downgrade leaves the cluster-wide group role ``callcenter_desk`` and the
desk login roles in place (other databases of the cluster may use them), and
does not give CREATE on schema public back to PUBLIC.

The SQL below is frozen: once shipped, it is never edited; a changed function
gets a new constant in a new revision (callcenter/sync/central_functions.py has
the rules and the current definitions).
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from callcenter.sync.central_names import GROUP_ROLE
from callcenter.sync.central_schema import create_table_sql

revision: str = "c0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

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

TABLES: dict[str, tuple[str, list[tuple[str, str, bool]]]] = {
    'accounts': ('merge', [
        ('customer_id', 'uuid', False),
        ('account_no', 'text', False),
        ('meter_no', 'text', False),
        ('address', 'text', False),
        ('transformer_area', 'text', True),
        ('feeder', 'text', True),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'agent_shifts': ('merge', [
        ('agent_id', 'text', False),
        ('signed_in_at', 'timestamptz', False),
        ('signed_out_at', 'timestamptz', True),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'agent_state_events': ('append', [
        ('shift_id', 'uuid', False),
        ('state', 'text', False),
        ('reason', 'text', True),
        ('mono_ns', 'bigint', False),
        ('at', 'timestamptz', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'alerts': ('merge', [
        ('kind', 'text', False),
        ('ticket_id', 'uuid', True),
        ('message', 'text', False),
        ('for_role', 'text', False),
        ('created_by', 'text', False),
        ('created_at', 'timestamptz', False),
        ('acknowledged_at', 'timestamptz', True),
        ('acknowledged_by', 'text', True),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'call_events': ('append', [
        ('call_id', 'uuid', False),
        ('seq', 'bigint', False),
        ('kind', 'text', False),
        ('mono_ns', 'bigint', True),
        ('at', 'timestamptz', False),
        ('data', 'jsonb', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'call_sessions': ('merge', [
        ('shift_id', 'uuid', True),
        ('agent_id', 'text', False),
        ('telephony_call_id', 'text', True),
        ('caller_number', 'text', False),
        ('started_at', 'timestamptz', False),
        ('outcome', 'text', False),
        ('ring_s', 'double precision', True),
        ('talk_s', 'double precision', True),
        ('hold_s', 'double precision', True),
        ('wrapup_s', 'double precision', True),
        ('hung_up_by', 'text', True),
        ('late_answer', 'boolean', False),
        ('talk_over', 'boolean', False),
        ('wrapup_over', 'boolean', False),
        ('backfilled', 'boolean', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'callback_attempts': ('append', [
        ('task_id', 'uuid', False),
        ('agent', 'text', False),
        ('at', 'timestamptz', False),
        ('result', 'text', False),
        ('satisfaction', 'text', True),
        ('note', 'text', False),
        ('retry_at', 'timestamptz', True),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'callback_tasks': ('merge', [
        ('ticket_id', 'uuid', False),
        ('reply_event_id', 'uuid', True),
        ('replied_at', 'timestamptz', False),
        ('due_at', 'timestamptz', False),
        ('assigned_to', 'text', True),
        ('assigned_by', 'text', True),
        ('taken_at', 'timestamptz', True),
        ('attempts', 'bigint', False),
        ('outcome', 'text', False),
        ('next_try_at', 'timestamptz', True),
        ('closed_at', 'timestamptz', True),
        ('created_at', 'timestamptz', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'customers': ('merge', [
        ('name', 'text', False),
        ('phone', 'text', False),
        ('address', 'text', False),
        ('area_type', 'text', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'emergency_banners': ('merge', [
        ('message', 'text', False),
        ('script', 'text', False),
        ('raised_by', 'text', False),
        ('raised_at', 'timestamptz', False),
        ('cleared_at', 'timestamptz', True),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'outage_targets': ('merge', [
        ('outage_id', 'uuid', False),
        ('kind', 'text', False),
        ('value', 'text', False),
        ('key', 'text', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'outages': ('merge', [
        ('source_id', 'text', False),
        ('kind', 'text', False),
        ('cause', 'text', False),
        ('status', 'text', False),
        ('start_at', 'timestamptz', False),
        ('expected_restore_at', 'timestamptz', False),
        ('actual_restore_at', 'timestamptz', True),
        ('announced_at', 'timestamptz', True),
        ('short_notice', 'boolean', False),
        ('area', 'text', False),
        ('source', 'text', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'script_versions': ('append', [
        ('script_id', 'text', False),
        ('number', 'bigint', False),
        ('state', 'text', False),
        ('source', 'text', False),
        ('author', 'text', False),
        ('created_at', 'timestamptz', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'ticket_events': ('append', [
        ('ticket_id', 'uuid', False),
        ('kind', 'text', False),
        ('actor', 'text', False),
        ('at', 'timestamptz', False),
        ('data', 'jsonb', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'ticket_outage_links': ('merge', [
        ('ticket_id', 'uuid', False),
        ('outage_id', 'uuid', False),
        ('mode', 'text', False),
        ('reason', 'text', True),
        ('agent_id', 'text', False),
        ('at', 'timestamptz', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'tickets': ('merge', [
        ('number', 'text', False),
        ('call_id', 'uuid', True),
        ('category', 'text', False),
        ('content', 'text', False),
        ('caller_name', 'text', False),
        ('caller_phone', 'text', False),
        ('account_no', 'text', False),
        ('meter_no', 'text', False),
        ('address', 'text', False),
        ('area_type', 'text', False),
        ('priority', 'text', False),
        ('status', 'text', False),
        ('department', 'text', True),
        ('deadline_days', 'bigint', True),
        ('deadline_at', 'timestamptz', True),
        ('backfilled', 'boolean', False),
        ('call_time', 'timestamptz', True),
        ('created_by', 'text', False),
        ('created_at', 'timestamptz', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
}


def upgrade() -> None:
    op.execute(BOOKKEEPING_V1)
    op.execute("INSERT INTO sync.meta (schema_version, min_desk_schema) VALUES (1, 7)")
    for name, (mode, columns) in TABLES.items():
        op.execute(create_table_sql(name, mode, columns))
        op.execute(f"SELECT sync.register_table('{name}', '{mode}')")
    op.execute(FUNCTIONS_V1)
    op.execute(GRANTS_V1)


def downgrade() -> None:
    for name in reversed(list(TABLES)):
        op.execute(f"DROP TABLE public.{name}")
    op.execute("DROP SCHEMA sync CASCADE")
