"""central: tickets fetched on demand, and a dispatched ticket's children re-sent.

Revision ID: c0006
Revises: c0005

Adds ``sync.fetch_caller`` (granted to desks) with its helper
``sync.ticket_rows``, the trigger that re-stamps a ticket's children when its
department changes, and the indexes both need (below).
``schema_version`` becomes 6; ``min_desk_schema`` stays 7 (desks that do not
fetch lose nothing). The downgrade drops them.

The SQL below is frozen: once shipped, it is never edited; a changed function
gets a new constant in a new revision (callcenter/sync/central_functions.py has
the rules and the current definitions).

Two gaps of the c0002 subsets (central_functions.py) are closed here:

* **Tickets of callers a desk looks up.** An agent desk pulls its team's
  tickets; a caller's history with other teams is fetched when the caller is
  looked up (the screen pop): ``sync.fetch_caller(desk, phone, accounts,
  max_tickets)`` returns the caller's newest tickets (matched by
  ``caller_phone`` or ``account_no``, as the desk's own lookup matches them)
  with their events, callback tasks and attempts, outage links and alerts, in
  the rows-and-tables shape of a pull page (protocol.py). Agent, lead, qa and
  admin desks may fetch any caller's tickets (whoever answers the phone may
  see the caller's history); a department desk gets only the tickets of its
  own subset. The desk stores them as it stores a pull page, without moving
  its cursor (a fetch is a snapshot, not a place in the stream); later changes
  to tickets outside its subset arrive with the next lookup.
* **Rows that become visible later.** A department desk sees the tickets
  dispatched to it, but the ticket's earlier events were pulled (or skipped)
  when they were written. When a ticket's ``department`` changes, a trigger
  re-stamps the ticket's children (``sync_xid`` of the dispatching
  transaction), so every desk whose subset now includes them pulls them with
  the ticket, in the same page stream (desks that had them store them as no
  change). A desk moved to another team is not covered: its new team mates
  see its older tickets only on lookup (a team change is an admin act; a full
  re-sync of those desks catches up).

The indexes serve the fetch (caller and account of a ticket, the children of
a ticket) and the trigger.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from callcenter.sync.central_names import GROUP_ROLE

revision: str = "c0006"
down_revision: str | None = "c0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# the children of a ticket that travel with it, and how a child names its ticket
# (callback_attempts through their task)
FETCH_INDEXES_V5 = """
CREATE INDEX ix_tickets_caller_phone_created_at ON public.tickets (caller_phone, created_at);
CREATE INDEX ix_tickets_account_no_created_at ON public.tickets (account_no, created_at);
CREATE INDEX ix_ticket_events_ticket_id ON public.ticket_events (ticket_id);
CREATE INDEX ix_callback_tasks_ticket_id ON public.callback_tasks (ticket_id);
CREATE INDEX ix_callback_attempts_task_id ON public.callback_attempts (task_id);
CREATE INDEX ix_ticket_outage_links_ticket_id ON public.ticket_outage_links (ticket_id);
CREATE INDEX ix_alerts_ticket_id ON public.alerts (ticket_id);
"""

FETCH_INDEXES_V5_DOWN = """
DROP INDEX public.ix_alerts_ticket_id;
DROP INDEX public.ix_ticket_outage_links_ticket_id;
DROP INDEX public.ix_callback_attempts_task_id;
DROP INDEX public.ix_callback_tasks_ticket_id;
DROP INDEX public.ix_ticket_events_ticket_id;
DROP INDEX public.ix_tickets_account_no_created_at;
DROP INDEX public.ix_tickets_caller_phone_created_at;
"""

# The rows of the tickets ``p_ids`` and of their children, rendered as a pull
# renders them: {"table": t, "row": {model columns}} (central's sync_* columns
# left out), parents before children so a desk's foreign keys hold.
TICKET_ROWS_V5 = r"""
CREATE FUNCTION sync.ticket_rows(p_ids uuid[]) RETURNS json
LANGUAGE plpgsql STABLE AS $$
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
END $$;
"""

FETCH_CALLER_V5 = r"""
CREATE FUNCTION sync.fetch_caller(p_desk text, p_phone text, p_accounts text[],
                                  p_max_tickets integer) RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sync, public, pg_temp SET timezone = 'UTC' AS $$
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
END $$;
"""

# a ticket moving to another department (dispatch, re-dispatch) re-stamps its
# children so the desks that now see the ticket pull them with it
RESTAMP_V5 = r"""
CREATE FUNCTION sync.restamp_ticket_children() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- sync_stamp_xid (BEFORE UPDATE) gives each row this transaction's xid
    UPDATE public.ticket_events SET sync_xid = sync_xid WHERE ticket_id = NEW.id;
    UPDATE public.callback_tasks SET sync_xid = sync_xid WHERE ticket_id = NEW.id;
    UPDATE public.callback_attempts SET sync_xid = sync_xid
     WHERE task_id IN (SELECT id FROM public.callback_tasks WHERE ticket_id = NEW.id);
    UPDATE public.ticket_outage_links SET sync_xid = sync_xid WHERE ticket_id = NEW.id;
    UPDATE public.alerts SET sync_xid = sync_xid WHERE ticket_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER sync_restamp_children AFTER UPDATE OF department ON public.tickets
    FOR EACH ROW WHEN (OLD.department IS DISTINCT FROM NEW.department)
    EXECUTE FUNCTION sync.restamp_ticket_children();
"""

GRANTS_V5 = f"""
REVOKE ALL ON FUNCTION sync.ticket_rows(uuid[]), sync.restamp_ticket_children(),
    sync.fetch_caller(text, text, text[], integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sync.fetch_caller(text, text, text[], integer) TO {GROUP_ROLE};
"""

FUNCTIONS_V5_DOWN = """
DROP TRIGGER sync_restamp_children ON public.tickets;
DROP FUNCTION sync.restamp_ticket_children();
DROP FUNCTION sync.fetch_caller(text, text, text[], integer);
DROP FUNCTION sync.ticket_rows(uuid[]);
"""

def upgrade() -> None:
    op.execute(FETCH_INDEXES_V5)
    op.execute(TICKET_ROWS_V5)
    op.execute(FETCH_CALLER_V5)
    op.execute(RESTAMP_V5)
    op.execute(GRANTS_V5)
    op.execute("UPDATE sync.meta SET schema_version = 6")


def downgrade() -> None:
    op.execute("UPDATE sync.meta SET schema_version = 5")
    op.execute(FUNCTIONS_V5_DOWN)
    op.execute(FETCH_INDEXES_V5_DOWN)
