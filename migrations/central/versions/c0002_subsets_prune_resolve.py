"""central: desk kinds, per-desk pull subsets, tombstone expiry, conflict resolution.

Revision ID: c0002
Revises: c0001

* ``sync.desks.kind`` is checked (agent, lead, qa, department, admin);
* ``sync.visible`` gets the subset rules (``sync.subset_sql``) and ``sync.pull``
  applies them inline, in one merged scan of all tables, puts ``at`` into its
  cursors and answers ``resync`` to a cursor older than the prune horizon;
* ``sync.prune`` (admin only) hard-deletes old tombstones and applied op ids,
  with ``sync.meta.tombstone_retention``/``pruned_before`` and ``sync.xid_marks``;
* ``sync.resolve_conflict`` and ``sync.open_conflicts`` for desks.

``schema_version`` becomes 2; ``min_desk_schema`` stays 7 (an older desk that
ignores ``resync`` still gets an empty cursor back and pulls everything again).
The downgrade restores the c0001 text of ``sync.visible`` and ``sync.pull``.

The SQL below is frozen: once shipped, it is never edited; a changed function
gets a new constant in a new revision (callcenter/sync/central_functions.py has
the rules and the current definitions).
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from callcenter.sync.central_names import GROUP_ROLE
from callcenter.sync.central_revisions import frozen_revision

revision: str = "c0002"
down_revision: str | None = "c0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# earlier revisions' frozen SQL this one reuses
FUNCTIONS_V1 = frozen_revision("c0001").FUNCTIONS_V1

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

def upgrade() -> None:
    op.execute(BOOKKEEPING_V2)
    op.execute(SUBSET_SQL_V2)
    op.execute(VISIBLE_V2)
    op.execute(PULL_V2)
    op.execute(PRUNE_V2)
    op.execute(CONFLICTS_V2)
    op.execute(GRANTS_V2)
    op.execute("UPDATE sync.meta SET schema_version = 2")


def downgrade() -> None:
    op.execute(replaced_v1("pull"))
    op.execute(replaced_v1("visible"))
    op.execute(FUNCTIONS_V2_DOWN)
    op.execute(BOOKKEEPING_V2_DOWN)
    op.execute("UPDATE sync.meta SET schema_version = 1")
