"""central: users and sign-in attempts (reference data), and only admin desks edit users.

Revision ID: c0008
Revises: c0007

The two tables as desks at local revision 0014 have them (frozen below, printed
by ``python -m callcenter.sync.central_schema users`` and ``sign_in_attempts``),
pulled by every desk (``sync.subset_sql``, below): a desk signs its users in
with the Argon2id hashes it has while central is unreachable, and the
attempts make a lock-out reach every desk. Expand only: older desks skip rows
of tables they do not know, so ``min_desk_schema`` stays 7; ``schema_version``
becomes 8.

Central enforces who may write users (a desk's own checks can be bypassed by
whoever controls that desk): ``sync.check_desk`` now also records the pushing
desk in the transaction (``callcenter.desk``), and a trigger on
``public.users`` refuses (insufficient_privilege) an insert, a delete or a
change of name, role, team, department or the disabled flag pushed by any
desk whose kind is not ``admin``. Admin connections (``callcenter users
--central``) may. And on every synced table a statement trigger refuses rows a
desk inserts in another desk's name (``origin_workstation``): subsets and
attribution rest on it (``sync.guard_origin_on(table)`` for tables added later).
A non-admin desk may still change a password (hash, the
must-change flag, when it was set): that is a user changing their own
password after a reset, at the desk they signed in on; it is audited there.

The SQL below is frozen: once shipped, it is never edited; a changed function
gets a new constant in a new revision (callcenter/sync/central_functions.py has
the rules and the current definitions).
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from callcenter.sync.central_revisions import frozen_revision
from callcenter.sync.central_schema import create_table_sql

revision: str = "c0008"
down_revision: str | None = "c0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# earlier revisions' frozen SQL this one reuses
SUBSET_SQL_V6 = frozen_revision("c0007").SUBSET_SQL_V6
CHECK_DESK_V1 = frozen_revision("c0002").replaced_v1("check_desk")

_REFERENCE_V6 = "'script_versions', 'site_documents') THEN"
assert _REFERENCE_V6 in SUBSET_SQL_V6
SUBSET_SQL_V8 = SUBSET_SQL_V6.replace(
    _REFERENCE_V6, "'script_versions', 'site_documents', 'users', 'sign_in_attempts') THEN")

TABLES: dict[str, tuple[str, list[tuple[str, str, bool]]]] = {
    'users': ('merge', [
        ('user_id', 'text', False),
        ('name', 'text', False),
        ('role', 'text', False),
        ('team', 'text', True),
        ('department', 'text', True),
        ('disabled', 'boolean', False),
        ('password_hash', 'text', False),
        ('must_change_password', 'boolean', False),
        ('password_set_at', 'timestamptz', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'sign_in_attempts': ('append', [
        ('user_id', 'text', False),
        ('ok', 'boolean', False),
        ('at', 'timestamptz', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
}

# c0001's check, plus the desk recorded for the rest of the transaction
CHECK_DESK_V8 = """
CREATE OR REPLACE FUNCTION sync.check_desk(p_desk text) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
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
END $$;
"""

GUARD_USERS_V8 = """
CREATE FUNCTION sync.guard_users() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sync, public, pg_temp AS $$
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
        RETURN NEW;  -- a password change
    END IF;
    RAISE EXCEPTION 'desk % (%) may not add, remove or change users (%)',
        v_desk, coalesce(v_kind, 'unknown'), coalesce(NEW.user_id, OLD.user_id)
        USING ERRCODE = 'insufficient_privilege';
END $$;
REVOKE ALL ON FUNCTION sync.guard_users() FROM PUBLIC;
CREATE TRIGGER guard_users BEFORE INSERT OR UPDATE OR DELETE ON public.users
    FOR EACH ROW EXECUTE FUNCTION sync.guard_users();
"""


# Rows a desk inserts carry its own name as origin_workstation: the subsets and
# every "who made this" answer depend on it. One check per statement (a push's
# bulk insert is one statement), not per row.
GUARD_ORIGIN_V8 = """
CREATE FUNCTION sync.guard_origin() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sync, public, pg_temp AS $$
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
END $$;
REVOKE ALL ON FUNCTION sync.guard_origin() FROM PUBLIC;

-- for every synced table: c0008 attaches it to all, a later table's migration calls it
CREATE FUNCTION sync.guard_origin_on(p_table text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER guard_origin AFTER INSERT ON public.%I '
                   'REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT '
                   'EXECUTE FUNCTION sync.guard_origin()', p_table);
END $$;
REVOKE ALL ON FUNCTION sync.guard_origin_on(text) FROM PUBLIC;
SELECT sync.guard_origin_on(name) FROM sync.tables ORDER BY name;
"""


def upgrade() -> None:
    for name, (mode, columns) in TABLES.items():
        op.execute(create_table_sql(name, mode, columns))
        op.execute(f"SELECT sync.register_table('{name}', '{mode}')")
    op.execute(SUBSET_SQL_V8)
    op.execute(CHECK_DESK_V8)
    op.execute(GUARD_USERS_V8)
    op.execute(GUARD_ORIGIN_V8)
    op.execute("UPDATE sync.meta SET schema_version = 8")


def downgrade() -> None:
    op.execute("UPDATE sync.meta SET schema_version = 7")
    for (name,) in op.get_bind().exec_driver_sql("SELECT name FROM sync.tables").fetchall():
        op.execute(f"DROP TRIGGER IF EXISTS guard_origin ON public.{name}")
    op.execute("DROP FUNCTION sync.guard_origin_on(text)")
    op.execute("DROP FUNCTION sync.guard_origin()")
    op.execute(CHECK_DESK_V1)
    op.execute(SUBSET_SQL_V6)
    for name in reversed(TABLES):
        op.execute(f"DELETE FROM sync.tables WHERE name = '{name}'")
        op.execute(f"DROP TABLE public.{name}")
    op.execute("DROP FUNCTION sync.guard_users()")
