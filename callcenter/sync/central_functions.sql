-- The functions of central's ``sync`` schema as the head revision defines them.
-- Generated: do not edit. The frozen SQL is in migrations/central/versions/.
-- Regenerate against a central brought to head (callcenter central upgrade):
--     python -m callcenter.sync.central_functions --url ADMIN_URL > callcenter/sync/central_functions.sql

CREATE OR REPLACE FUNCTION sync.apply_op(p_desk text, p_op jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
AS $function$
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
END $function$;

CREATE OR REPLACE FUNCTION sync.audit_alert(p_desk text, p_seq bigint, p_problem text)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
DECLARE
    v_pushing text := current_setting('callcenter.desk', true);
BEGIN
    -- central's own row, not the pushing desk's: c0008's origin guard must not see the desk
    PERFORM set_config('callcenter.desk', '', true);
    -- an alert without a ticket, for the shift lead: lead and admin desks pull it
    INSERT INTO public.alerts (id, kind, ticket_id, message, for_role, created_by, created_at,
                               version, updated_at, deleted_at, origin_workstation)
    VALUES (gen_random_uuid(), 'audit_chain_broken', NULL,
            format('审计日志被篡改 (audit log tampered): desk %s, record %s: %s', p_desk, p_seq, p_problem),
            'shift_lead', 'central', now(), 1, now(), NULL, 'central');
    PERFORM set_config('callcenter.desk', coalesce(v_pushing, ''), true);
END $function$;

CREATE OR REPLACE FUNCTION sync.audit_check()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
    v_seq bigint := NEW.seq;
    v_prev text;
    v_problem text;
BEGIN
    IF NEW.hash IS DISTINCT FROM encode(sha256(convert_to(NEW.prev_hash || NEW.payload, 'UTF8')), 'hex') THEN
        v_problem := 'changed: its hash does not match its contents';
    ELSIF NEW.desk IS DISTINCT FROM NEW.origin_workstation THEN
        v_problem := format('claims desk %s but came from desk %s', NEW.desk, NEW.origin_workstation);
    ELSIF NEW.seq < 1 THEN
        v_problem := 'inserted: records are numbered from 1';
    ELSIF EXISTS (SELECT 1 FROM public.audit_log
                   WHERE desk = NEW.desk AND seq = NEW.seq AND id <> NEW.id) THEN
        v_problem := format('inserted: a second record %s', NEW.seq);
    ELSIF NEW.seq = 1 THEN
        IF NEW.prev_hash <> repeat('0', 64) THEN
            v_problem := 'wrong prev hash: the first record must carry 64 zeros';
        END IF;
    ELSE
        SELECT hash INTO v_prev FROM public.audit_log
         WHERE desk = NEW.desk AND seq = NEW.seq - 1 ORDER BY id LIMIT 1;
        IF NOT FOUND THEN
            v_seq := NEW.seq - 1;
            v_problem := format('missing (deleted): record %s arrived without it', NEW.seq);
        ELSIF v_prev IS DISTINCT FROM NEW.prev_hash THEN
            v_problem := format('wrong prev hash: not the hash of record %s', NEW.seq - 1);
        END IF;
    END IF;
    IF v_problem IS NOT NULL THEN
        PERFORM sync.audit_alert(NEW.desk, v_seq, v_problem);
    END IF;
    RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION sync.audit_keep()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    IF TG_OP = 'UPDATE' AND (NEW.desk, NEW.seq, NEW.prev_hash, NEW.hash, NEW.payload, NEW.version,
                             NEW.updated_at, NEW.deleted_at, NEW.origin_workstation)
       IS NOT DISTINCT FROM (OLD.desk, OLD.seq, OLD.prev_hash, OLD.hash, OLD.payload, OLD.version,
                             OLD.updated_at, OLD.deleted_at, OLD.origin_workstation) THEN
        RETURN NEW;  -- nothing of the record changes (a re-stamp of sync_xid)
    END IF;
    PERFORM sync.audit_alert(OLD.desk, OLD.seq, CASE
        WHEN TG_OP = 'DELETE' OR NEW.deleted_at IS NOT NULL THEN 'deleted: refused, the record is kept'
        ELSE 'changed: refused, the record is kept as it came' END);
    RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION sync.board_states(p_desk text, p_team text)
 RETURNS jsonb
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'sync', 'public', 'pg_temp'
AS $function$
DECLARE
    v_kind text;
    v_team text;
BEGIN
    PERFORM sync.check_desk(p_desk);
    SELECT kind, team INTO v_kind, v_team FROM sync.desks WHERE desk = p_desk;
    IF FOUND AND v_kind NOT IN ('lead', 'admin') THEN
        RAISE EXCEPTION 'desk % (%) may not read the board', p_desk, v_kind
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    v_team := coalesce(p_team, v_team);
    RETURN jsonb_build_object(
        'now', now(),
        'team', v_team,
        'states', coalesce((
            SELECT jsonb_agg(jsonb_build_object(
                       'desk', s.desk, 'team', d.team, 'agent_id', s.agent_id,
                       'state', s.state, 'reason', s.reason, 'since', s.since,
                       'heard_at', s.heard_at) ORDER BY s.desk)
            FROM sync.desk_states s JOIN sync.desks d ON d.desk = s.desk
            WHERE v_team IS NULL OR d.team = v_team), '[]'::jsonb));
END $function$;

CREATE OR REPLACE FUNCTION sync.check_columns(p_table text, p_keys text[])
 RETURNS void
 LANGUAGE plpgsql
 STABLE
AS $function$
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
END $function$;

CREATE OR REPLACE FUNCTION sync.check_desk(p_desk text)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
BEGIN
    PERFORM set_config('callcenter.desk', coalesce(p_desk, ''), true);
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
END $function$;

CREATE OR REPLACE FUNCTION sync.fetch_caller(p_desk text, p_phone text, p_accounts text[], p_max_tickets integer)
 RETURNS json
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'sync', 'public', 'pg_temp'
 SET "TimeZone" TO 'UTC'
AS $function$
DECLARE
    v_kind text;
    v_team text;
    v_cond text := 'true';
    v_ids uuid[];
BEGIN
    PERFORM sync.check_desk(p_desk);
    IF p_max_tickets IS NULL OR p_max_tickets < 1 OR p_max_tickets > 500 THEN
        RAISE EXCEPTION 'max_tickets must be between 1 and 500' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT kind, team INTO v_kind, v_team FROM sync.desks WHERE desk = p_desk;
    v_kind := coalesce(v_kind, 'admin');  -- see sync.visible
    IF v_kind = 'department' THEN  -- a department answers tickets, not callers
        v_cond := sync.subset_sql('tickets', v_kind);
    END IF;
    -- newest first, as the desk's screen pop lists them; each arm walks its own index
    -- (an empty phone matches nothing: a lookup by account alone)
    EXECUTE format(
        'SELECT array_agg(q.id) FROM (SELECT x.id FROM public.tickets x WHERE x.id IN ('
        '    (SELECT id FROM public.tickets WHERE caller_phone = $1 ORDER BY created_at DESC LIMIT $3) '
        '    UNION ALL '
        '    (SELECT id FROM public.tickets WHERE account_no = ANY ($2) ORDER BY created_at DESC LIMIT $3)) '
        '  AND %s ORDER BY x.created_at DESC, x.id LIMIT $3) q', v_cond)
       INTO v_ids
       USING nullif(p_phone, ''), coalesce(p_accounts, '{}'::text[]), p_max_tickets, p_desk,
             NULL::integer, v_team, sync.team_desks(p_desk, v_team);
    RETURN json_build_object('rows', sync.ticket_rows(coalesce(v_ids, '{}'::uuid[])),
                             'tickets', coalesce(cardinality(v_ids), 0));
END $function$;

CREATE OR REPLACE FUNCTION sync.get_recording(p_desk text, p_call_id uuid)
 RETURNS bytea
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'sync', 'public', 'pg_temp'
 SET "TimeZone" TO 'UTC'
AS $function$
DECLARE
    v_kind text;
    v_team text;
    v_row sync.call_recordings%ROWTYPE;
BEGIN
    PERFORM sync.check_desk(p_desk);
    SELECT kind, team INTO v_kind, v_team FROM sync.desks WHERE desk = p_desk;
    v_kind := coalesce(v_kind, 'admin');  -- an admin connection, as sync.visible
    IF v_kind = 'department' THEN
        RAISE EXCEPTION 'desk % may not replay calls', p_desk USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO v_row FROM sync.call_recordings WHERE call_id = p_call_id;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    IF v_kind = 'agent' AND NOT (v_row.desk = ANY (sync.team_desks(p_desk, v_team))) THEN
        RAISE EXCEPTION 'desk % may not replay call %', p_desk, p_call_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN v_row.audio;
END $function$;

CREATE OR REPLACE FUNCTION sync.guard_author()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'sync', 'public', 'pg_temp'
AS $function$
DECLARE
    v_desk text := nullif(current_setting('callcenter.desk', true), '');
    v_author text := to_jsonb(NEW) ->> TG_ARGV[0];
    v_roles text[] := string_to_array(TG_ARGV[1], ',');
    v_role text;
BEGIN
    IF v_desk IS NULL OR v_author IS NULL THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND v_author IS NOT DISTINCT FROM (to_jsonb(OLD) ->> TG_ARGV[0]) THEN
        RETURN NEW;  -- the author stays: a merge of other fields
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)
       OR pg_has_role(session_user, (SELECT nspowner FROM pg_namespace WHERE nspname = 'sync'),
                      'MEMBER') THEN
        RETURN NEW;  -- an administrator's connection
    END IF;
    IF NOT EXISTS (SELECT 1 FROM public.users) THEN
        RETURN NEW;  -- nobody to check against (see the migration's docstring)
    END IF;
    SELECT role INTO v_role FROM public.users WHERE user_id = v_author AND deleted_at IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'desk % may not push % rows by %: no such user', v_desk, TG_TABLE_NAME,
            v_author USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT ('*' = ANY (v_roles) OR v_role = ANY (v_roles)) THEN
        RAISE EXCEPTION 'desk % may not push % rows by % (%): % may not', v_desk, TG_TABLE_NAME,
            v_author, v_role, TG_ARGV[0] USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $function$;

CREATE OR REPLACE FUNCTION sync.guard_origin()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'sync', 'public', 'pg_temp'
AS $function$
DECLARE
    v_desk text := nullif(current_setting('callcenter.desk', true), '');
    v_other text;
BEGIN
    IF v_desk IS NULL
       OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)
       OR pg_has_role(session_user, (SELECT nspowner FROM pg_namespace WHERE nspname = 'sync'),
                      'MEMBER') THEN
        RETURN NULL;
    END IF;
    SELECT r.origin_workstation INTO v_other FROM new_rows r
     WHERE r.origin_workstation IS DISTINCT FROM v_desk LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'desk % may not push % rows made by desk %', v_desk, TG_TABLE_NAME,
            coalesce(v_other, 'NULL') USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION sync.guard_origin_on(p_table text)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
BEGIN
    EXECUTE format('CREATE TRIGGER guard_origin AFTER INSERT ON public.%I '
                   'REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT '
                   'EXECUTE FUNCTION sync.guard_origin()', p_table);
END $function$;

CREATE OR REPLACE FUNCTION sync.guard_users()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'sync', 'public', 'pg_temp'
AS $function$
DECLARE
    v_desk text := nullif(current_setting('callcenter.desk', true), '');
    v_kind text;
BEGIN
    -- an administrator's connection (as sync.check_desk tells one)
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)
       OR pg_has_role(session_user, (SELECT nspowner FROM pg_namespace WHERE nspname = 'sync'),
                      'MEMBER') THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    SELECT kind INTO v_kind FROM sync.desks WHERE desk = v_desk;
    IF v_kind = 'admin' THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.user_id = OLD.user_id AND NEW.name = OLD.name
       AND NEW.role = OLD.role AND NEW.disabled = OLD.disabled
       AND NEW.team IS NOT DISTINCT FROM OLD.team
       AND NEW.department IS NOT DISTINCT FROM OLD.department
       AND NEW.deleted_at IS NOT DISTINCT FROM OLD.deleted_at THEN
        -- a password change: only by the desk the user last signed in on
        IF (SELECT a.origin_workstation FROM public.sign_in_attempts a
             WHERE a.user_id = NEW.user_id AND a.ok AND a.deleted_at IS NULL
             ORDER BY a.at DESC, a.id DESC LIMIT 1) IS NOT DISTINCT FROM v_desk THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'desk % may not change the password of % (not signed in there)',
            v_desk, NEW.user_id USING ERRCODE = 'insufficient_privilege';
    END IF;
    RAISE EXCEPTION 'desk % (%) may not add, remove or change users (%)',
        v_desk, coalesce(v_kind, 'unknown'), coalesce(NEW.user_id, OLD.user_id)
        USING ERRCODE = 'insufficient_privilege';
END $function$;

CREATE OR REPLACE FUNCTION sync.insert_new(p_desk text, p_table text, p_keys text[], p_ops jsonb)
 RETURNS uuid[]
 LANGUAGE plpgsql
AS $function$
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
END $function$;

CREATE OR REPLACE FUNCTION sync.insert_new_rows(p_desk text, p_table text, p_keys text[], p_ops jsonb, p_at integer[])
 RETURNS uuid[]
 LANGUAGE plpgsql
AS $function$
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
END $function$;

CREATE OR REPLACE FUNCTION sync.min_desk_schema()
 RETURNS integer
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'sync', 'public', 'pg_temp'
AS $function$
    SELECT min_desk_schema FROM sync.meta
$function$;

CREATE OR REPLACE FUNCTION sync.notify_desk_state()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'sync', 'public', 'pg_temp'
AS $function$
BEGIN
    PERFORM pg_notify('callcenter_desk_state',
                      coalesce((SELECT team FROM sync.desks WHERE desk = NEW.desk), ''));
    RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION sync.open_conflicts(p_desk text)
 RETURNS jsonb
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'sync', 'public', 'pg_temp'
 SET "TimeZone" TO 'UTC'
AS $function$
BEGIN
    PERFORM sync.check_desk(p_desk);
    RETURN (SELECT coalesce(jsonb_agg(jsonb_build_object(
                       'op_id', op_id, 'table', table_name, 'row_id', row_id, 'fields', to_jsonb(fields),
                       'local_values', desk_values, 'central_values', central_values,
                       'base_version', base_version, 'central_version', central_version,
                       'detected_at', detected_at) ORDER BY detected_at, id), '[]'::jsonb)
              FROM sync.conflicts WHERE desk = p_desk AND resolved_at IS NULL);
END $function$;

CREATE OR REPLACE FUNCTION sync.prune(p_now timestamp with time zone DEFAULT now())
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'sync', 'public', 'pg_temp'
 SET "TimeZone" TO 'UTC'
AS $function$
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
END $function$;

CREATE OR REPLACE FUNCTION sync.publish_state(p_desk text, p_agent text, p_state text, p_reason text, p_since timestamp with time zone)
 RETURNS timestamp with time zone
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'sync', 'public', 'pg_temp'
AS $function$
BEGIN
    PERFORM sync.check_desk(p_desk);
    INSERT INTO sync.desk_states AS d (desk, agent_id, state, reason, since, heard_at)
    VALUES (p_desk, p_agent, p_state, p_reason, p_since, now())
    ON CONFLICT (desk) DO UPDATE SET agent_id = EXCLUDED.agent_id, state = EXCLUDED.state,
        reason = EXCLUDED.reason, since = EXCLUDED.since, heard_at = EXCLUDED.heard_at;
    RETURN now();
END $function$;

CREATE OR REPLACE FUNCTION sync.pull(p_desk text, p_cursor jsonb, p_max_rows integer)
 RETURNS json
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'sync', 'public', 'pg_temp'
 SET "TimeZone" TO 'UTC'
AS $function$
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
END $function$;

CREATE OR REPLACE FUNCTION sync.pull_rows(p_desk text, p_cursor jsonb, p_max_rows integer)
 RETURNS json
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'sync', 'public', 'pg_temp'
 SET "TimeZone" TO 'UTC'
AS $function$
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
    v_columns text[] := '{}';  -- "table":[names] of each table scanned
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
    FOR t IN SELECT s.name, string_agg(CASE a.atttypid WHEN 'uuid'::regtype THEN format('replace(x.%I::text, ''-'', '''')', a.attname) WHEN 'timestamptz'::regtype THEN format('to_char(x.%I, ''YYYY-MM-DD HH24:MI:SS.US'')', a.attname) WHEN 'boolean'::regtype THEN format('x.%I::integer', a.attname) ELSE 'x.' || quote_ident(a.attname) END, ', ' ORDER BY a.attnum) AS cols, json_agg(a.attname ORDER BY a.attnum) AS names
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
            'WHEN %1$L THEN (SELECT json_build_array(%1$L::text, %2$s) FROM public.%1$I x '
            'WHERE x.ctid = k.tid) ', t.name, t.cols);
        v_columns := v_columns || format('%s:%s', to_json(t.name), t.names);
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
            'columns', ('{' || array_to_string(v_columns, ',') || '}')::json,
            'rows', v_rows,
            'cursor', json_build_object('xid', v_last_x::text, 'table', v_last_t, 'id', v_last_id,
                                         'at', v_at),
            'more', true);
    END IF;
    RETURN json_build_object(
        'columns', ('{' || array_to_string(v_columns, ',') || '}')::json,
        'rows', v_rows,
        -- caught up: everything below xmin has been returned
        'cursor', CASE WHEN v_xmin > v_xid
                       THEN json_build_object('xid', v_xmin::text, 'table', '', 'id', NULL, 'at', now())
                       ELSE json_build_object('xid', v_xid::text, 'table', v_tab, 'id', v_id,
                                               'at', now()) END,
        'more', false);
END $function$;

CREATE OR REPLACE FUNCTION sync.push(p_desk text, p_ops jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'sync', 'public', 'pg_temp'
 SET "TimeZone" TO 'UTC'
AS $function$
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
END $function$;

CREATE OR REPLACE FUNCTION sync.push_answer(p_ops jsonb, p_duplicate boolean)
 RETURNS jsonb
 LANGUAGE sql
 STABLE
AS $function$
    SELECT jsonb_build_object(
               'applied', coalesce(jsonb_agg(e.o->'op_id' ORDER BY e.n), '[]'::jsonb),
               'duplicate', p_duplicate,
               'conflicts', coalesce(jsonb_agg(a.result->'conflict' ORDER BY e.n)
                                     FILTER (WHERE a.result ? 'conflict'), '[]'::jsonb))
      FROM jsonb_array_elements(p_ops) WITH ORDINALITY AS e(o, n)
      JOIN sync.applied_ops a ON a.op_id = (e.o->>'op_id')::uuid
$function$;

CREATE OR REPLACE FUNCTION sync.push_checked(p_desk text, p_op_ids uuid[], p_tx_ids uuid[], p_tables text[], p_row_ids uuid[], p_ops text[])
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'sync', 'public', 'pg_temp'
 SET "TimeZone" TO 'UTC'
AS $function$
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
END $function$;

CREATE OR REPLACE FUNCTION sync.push_rows(p_desk text, p_op_ids uuid[], p_tx_ids uuid[], p_tables text[], p_keys text[], p_rows json[])
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'sync', 'public', 'pg_temp'
 SET "TimeZone" TO 'UTC'
AS $function$
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
END $function$;

CREATE OR REPLACE FUNCTION sync.put_recording(p_desk text, p_call_id uuid, p_audio bytea, p_sha256 text)
 RETURNS boolean
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'sync', 'public', 'pg_temp'
 SET "TimeZone" TO 'UTC'
AS $function$
DECLARE
    v_origin text;
BEGIN
    PERFORM sync.check_desk(p_desk);
    IF p_audio IS NULL OR length(p_audio) = 0 OR length(p_audio) > 67108864 THEN
        RAISE EXCEPTION 'a recording is 1 byte to 67108864 bytes'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF encode(sha256(p_audio), 'hex') <> lower(coalesce(p_sha256, '')) THEN
        RAISE EXCEPTION 'recording of call % does not match its SHA-256', p_call_id
            USING ERRCODE = 'data_corrupted';
    END IF;
    SELECT origin_workstation INTO v_origin FROM public.call_sessions WHERE id = p_call_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'call % is not on central yet', p_call_id USING ERRCODE = 'no_data_found';
    END IF;
    IF v_origin IS DISTINCT FROM p_desk THEN
        RAISE EXCEPTION 'call % was taken at desk %, not %', p_call_id, v_origin, p_desk
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO sync.call_recordings (call_id, desk, size_bytes, sha256, audio)
    VALUES (p_call_id, p_desk, length(p_audio), lower(p_sha256), p_audio)
    ON CONFLICT (call_id) DO NOTHING;
    RETURN FOUND;
END $function$;

CREATE OR REPLACE FUNCTION sync.register_table(p_name text, p_mode text)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
BEGIN
    EXECUTE format('CREATE TRIGGER sync_stamp_xid BEFORE INSERT OR UPDATE ON public.%I '
                   'FOR EACH ROW EXECUTE FUNCTION sync.stamp_xid()', p_name);
    EXECUTE format('CREATE INDEX %I ON public.%I (sync_xid, id)', 'ix_' || p_name || '_sync_xid', p_name);
    EXECUTE format('REVOKE ALL ON public.%I FROM PUBLIC', p_name);
    INSERT INTO sync.tables (name, mode) VALUES (p_name, p_mode);
END $function$;

CREATE OR REPLACE FUNCTION sync.resolve_conflict(p_desk text, p_op_id uuid, p_resolution text)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'sync', 'public', 'pg_temp'
 SET "TimeZone" TO 'UTC'
AS $function$
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
END $function$;

CREATE OR REPLACE FUNCTION sync.restamp_ticket_children()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    -- sync_stamp_xid (BEFORE UPDATE) gives each row this transaction's xid
    UPDATE public.ticket_events SET sync_xid = sync_xid WHERE ticket_id = NEW.id;
    UPDATE public.callback_tasks SET sync_xid = sync_xid WHERE ticket_id = NEW.id;
    UPDATE public.callback_attempts SET sync_xid = sync_xid
     WHERE task_id IN (SELECT id FROM public.callback_tasks WHERE ticket_id = NEW.id);
    UPDATE public.ticket_outage_links SET sync_xid = sync_xid WHERE ticket_id = NEW.id;
    UPDATE public.alerts SET sync_xid = sync_xid WHERE ticket_id = NEW.id;
    RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION sync.schema_version()
 RETURNS integer
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'sync', 'public', 'pg_temp'
AS $function$
    SELECT schema_version FROM sync.meta
$function$;

CREATE OR REPLACE FUNCTION sync.stamp_xid()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    NEW.sync_xid := pg_current_xact_id();  -- the top-level xid, also in a subtransaction
    RETURN NEW;
END $function$;

CREATE OR REPLACE FUNCTION sync.subset_sql(p_table text, p_kind text)
 RETURNS text
 LANGUAGE plpgsql
 IMMUTABLE
AS $function$
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
                   'script_versions', 'site_documents', 'users', 'sign_in_attempts') THEN
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
    ELSIF p_table = 'audit_log' THEN
        -- every desk's audit trail reaches lead and admin desks; a desk keeps its own
        RETURN CASE WHEN p_kind IN ('lead', 'admin') THEN 'true' ELSE 'x.origin_workstation = $4' END;
    ELSIF p_table IN ('handover_records', 'handover_entries') THEN
        -- the handover crosses desks: outgoing and incoming leads, and the agents of both shifts
        RETURN 'true';
    ELSIF p_table = 'qa_reviews' THEN
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
    RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION sync.table_mode(p_table text)
 RETURNS text
 LANGUAGE plpgsql
 STABLE
AS $function$
DECLARE
    v_mode text;
BEGIN
    SELECT mode INTO v_mode FROM sync.tables WHERE name = p_table;
    IF v_mode IS NULL THEN
        RAISE EXCEPTION 'table % is not synced', p_table USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN v_mode;
END $function$;

CREATE OR REPLACE FUNCTION sync.team_desks(p_desk text, p_team text)
 RETURNS text[]
 LANGUAGE sql
 STABLE
AS $function$
    SELECT array_append(ARRAY(SELECT desk FROM sync.desks WHERE team = p_team AND desk <> p_desk
                              ORDER BY desk), p_desk)
$function$;

CREATE OR REPLACE FUNCTION sync.ticket_rows(p_ids uuid[])
 RETURNS json
 LANGUAGE plpgsql
 STABLE
AS $function$
DECLARE
    v_parts json[] := '{}';
    v_part json;
    t record;
BEGIN
    FOR t IN SELECT s.name, s.cond, s.ord,
                    (SELECT string_agg('x.' || quote_ident(a.attname), ', ' ORDER BY a.attnum)
                       FROM pg_attribute a
                      WHERE a.attrelid = format('public.%I', s.name)::regclass AND a.attnum > 0
                        AND NOT a.attisdropped AND a.attname NOT LIKE 'sync\_%') AS cols
               FROM (VALUES (1, 'tickets', 'x.id = ANY ($1)'),
                            (2, 'ticket_events', 'x.ticket_id = ANY ($1)'),
                            (3, 'callback_tasks', 'x.ticket_id = ANY ($1)'),
                            (4, 'callback_attempts',
                             'x.task_id IN (SELECT c.id FROM public.callback_tasks c '
                             'WHERE c.ticket_id = ANY ($1))'),
                            (5, 'ticket_outage_links', 'x.ticket_id = ANY ($1)'),
                            (6, 'alerts', 'x.ticket_id = ANY ($1)')) s(ord, name, cond)
              ORDER BY s.ord LOOP
        EXECUTE format('SELECT json_agg(json_build_object(''table'', %1$L, ''row'', d) ORDER BY d.id) '
                       'FROM (SELECT %2$s FROM public.%1$I x WHERE %3$s) d', t.name, t.cols, t.cond)
           INTO v_part USING p_ids;
        IF v_part IS NOT NULL THEN
            v_parts := v_parts || v_part;
        END IF;
    END LOOP;
    -- one array of every part's rows, in part order
    RETURN coalesce((SELECT json_agg(e ORDER BY p.n, e.n)
                       FROM unnest(v_parts) WITH ORDINALITY p(part, n)
                      CROSS JOIN LATERAL json_array_elements(p.part) WITH ORDINALITY e(e, n)),
                    '[]'::json);
END $function$;

CREATE OR REPLACE FUNCTION sync.visible(p_desk text, p_table text, p_row jsonb)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE
AS $function$
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
END $function$;
