"""central: live desk states for the shift lead's board (issue 15).

Revision ID: c0017
Revises: c0016

Each desk publishes its agent state (签出/示忙+reason/示闲/振铃/通话/保持/话后
and since when) with one call, ``sync.publish_state``: a plain upsert of its
row of ``sync.desk_states`` in one autocommit statement over its normal sync
connection, so an agent desk keeps no session state and can sync through a
transaction-mode pooler. A desk also calls it as a heartbeat while nothing
changes (``heard_at``, central's clock); a board shows a desk silent for
longer than its stated time as unknown.

A row trigger (``sync.notify_desk_state``) sends ``NOTIFY callcenter_desk_state``
with the desk's team as payload when a state really changes (not on a
heartbeat); NOTIFY is delivered at commit. Only lead desks LISTEN (a session
of their own, on a worker thread) and then call ``sync.board_states(desk,
team)``: the team's rows with central's ``now()``. Lead and admin desks (and
admin connections) may read any team; other desks are refused.

Not a synced table: no outbox, no pull, nothing a desk stores; a desk that was
offline simply publishes its current state again. Expand only: older desks
never call these functions; ``schema_version`` becomes 17.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from callcenter.sync.central_names import GROUP_ROLE

revision: str = "c0017"
down_revision: str | None = "c0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHANNEL = "callcenter_desk_state"

DESK_STATES_V12 = """
CREATE TABLE sync.desk_states (
    desk text NOT NULL,
    agent_id text,
    state text NOT NULL,
    reason text,
    since timestamptz NOT NULL,
    heard_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_desk_states PRIMARY KEY (desk),
    CONSTRAINT fk_desk_states_desk_desks FOREIGN KEY (desk)
        REFERENCES sync.desks (desk) ON DELETE CASCADE,
    CONSTRAINT ck_desk_states_state CHECK (state IN
        ('signed_out', 'busy', 'ready', 'ringing', 'talking', 'held', 'wrap_up'))
);
"""

PUBLISH_STATE_V12 = """
CREATE FUNCTION sync.publish_state(p_desk text, p_agent text, p_state text,
                                   p_reason text, p_since timestamptz) RETURNS timestamptz
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = sync, public, pg_temp AS $$
BEGIN
    PERFORM sync.check_desk(p_desk);
    INSERT INTO sync.desk_states AS d (desk, agent_id, state, reason, since, heard_at)
    VALUES (p_desk, p_agent, p_state, p_reason, p_since, now())
    ON CONFLICT (desk) DO UPDATE SET agent_id = EXCLUDED.agent_id, state = EXCLUDED.state,
        reason = EXCLUDED.reason, since = EXCLUDED.since, heard_at = EXCLUDED.heard_at;
    RETURN now();
END $$;
"""

NOTIFY_V12 = f"""
CREATE FUNCTION sync.notify_desk_state() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sync, public, pg_temp AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}',
                      coalesce((SELECT team FROM sync.desks WHERE desk = NEW.desk), ''));
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION sync.notify_desk_state() FROM PUBLIC;
CREATE TRIGGER notify_desk_state_insert AFTER INSERT ON sync.desk_states
    FOR EACH ROW EXECUTE FUNCTION sync.notify_desk_state();
CREATE TRIGGER notify_desk_state_update AFTER UPDATE ON sync.desk_states
    FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state
                       OR OLD.reason IS DISTINCT FROM NEW.reason
                       OR OLD.since IS DISTINCT FROM NEW.since
                       OR OLD.agent_id IS DISTINCT FROM NEW.agent_id)
    EXECUTE FUNCTION sync.notify_desk_state();
"""

BOARD_STATES_V12 = """
CREATE FUNCTION sync.board_states(p_desk text, p_team text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = sync, public, pg_temp AS $$
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
END $$;
"""

GRANTS_V12 = f"""
REVOKE ALL ON FUNCTION sync.publish_state(text, text, text, text, timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION sync.board_states(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sync.publish_state(text, text, text, text, timestamptz) TO {GROUP_ROLE};
GRANT EXECUTE ON FUNCTION sync.board_states(text, text) TO {GROUP_ROLE};
"""


def upgrade() -> None:
    op.execute(DESK_STATES_V12)
    op.execute(PUBLISH_STATE_V12)
    op.execute(NOTIFY_V12)
    op.execute(BOARD_STATES_V12)
    op.execute(GRANTS_V12)
    op.execute("UPDATE sync.meta SET schema_version = 17")


def downgrade() -> None:
    op.execute("UPDATE sync.meta SET schema_version = 16")
    op.execute("DROP FUNCTION sync.board_states(text, text)")
    op.execute("DROP TABLE sync.desk_states")
    op.execute("DROP FUNCTION sync.notify_desk_state()")
    op.execute("DROP FUNCTION sync.publish_state(text, text, text, text, timestamptz)")
