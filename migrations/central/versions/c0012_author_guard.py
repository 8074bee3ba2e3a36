"""central: a pushed row's author must be a user whose role may have made it.

Revision ID: c0012
Revises: c0011

The desk checks the permission table before it writes (issue 12), but a desk's
checks can be bypassed: central checks again what it receives. Each guarded
column names the user who made the row; when a desk (not an administrator's
connection) inserts a row, or changes that column, the user must exist in
``public.users`` (not deleted) with one of the roles that may do it:

============================  ==================  ==========================
table                         column              roles
============================  ==================  ==========================
tickets                       created_by          agent, shift_lead
ticket_events                 actor               any user
call_sessions, agent_shifts   agent_id            agent, shift_lead
emergency_banners             raised_by           shift_lead
emergency_banners             cleared_by          shift_lead
script_versions               author              shift_lead
alerts                        acknowledged_by     shift_lead
============================  ==================  ==========================

A refusal is ``insufficient_privilege``: ``sync.push_checked`` answers it as a
rejected transaction (c0010), which the desk keeps aside and shows.

Not checked: an alert's ``created_by`` (the desk itself and sync raise alerts with no
user behind them: "sync", a workstation name); the disabled flag (a ticket typed offline
before its author was disabled is still that author's honest work; sign-in refuses
disabled users on every desk), and a central with no users at all (a bare central, the
demo, the sync tests: there is nobody to check against, and the desks' own checks
stand).
A site adds its users with ``callcenter users add ... --central URL`` before the
desks sync, and from then on central checks.

Expand only: triggers and a function; nothing a desk sends changes.
``schema_version`` becomes 12.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "c0012"
down_revision: str | None = "c0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GUARD_AUTHOR_V12 = """
CREATE FUNCTION sync.guard_author() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sync, public, pg_temp AS $$
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
END $$;
REVOKE ALL ON FUNCTION sync.guard_author() FROM PUBLIC;
"""

# (table, column, roles): the docstring's table
GUARDS: list[tuple[str, str, str]] = [
    ("tickets", "created_by", "agent,shift_lead"),
    ("ticket_events", "actor", "*"),
    ("call_sessions", "agent_id", "agent,shift_lead"),
    ("agent_shifts", "agent_id", "agent,shift_lead"),
    ("emergency_banners", "raised_by", "shift_lead"),
    ("emergency_banners", "cleared_by", "shift_lead"),
    ("script_versions", "author", "shift_lead"),
    ("alerts", "acknowledged_by", "shift_lead"),
]


def trigger_name(column: str) -> str:
    return f"guard_author_{column}"


def upgrade() -> None:
    op.execute(GUARD_AUTHOR_V12)
    for table, column, roles in GUARDS:
        op.execute(f"CREATE TRIGGER {trigger_name(column)} BEFORE INSERT OR UPDATE ON public.{table} "
                   f"FOR EACH ROW EXECUTE FUNCTION sync.guard_author('{column}', '{roles}')")
    op.execute("UPDATE sync.meta SET schema_version = 12")


def downgrade() -> None:
    op.execute("UPDATE sync.meta SET schema_version = 11")
    for table, column, _roles in GUARDS:
        op.execute(f"DROP TRIGGER {trigger_name(column)} ON public.{table}")
    op.execute("DROP FUNCTION sync.guard_author()")
