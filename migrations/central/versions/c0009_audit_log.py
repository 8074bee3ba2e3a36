"""central: the audit log, each desk's chain checked as its rows arrive.

Revision ID: c0009
Revises: c0008

The table as desks at local revision 0015 have it (frozen below, printed by
``python -m callcenter.sync.central_schema audit_log``), registered as an
append table. Expand only: older desks skip rows of a table they do not know,
so ``min_desk_schema`` stays 7; ``schema_version`` becomes 9.

The SQL below is frozen: once shipped, it is never edited; a changed function
gets a new constant in a new revision (callcenter/sync/central_functions.py has
the rules and the current definitions).

Checking the chains (the rules: callcenter/domain/audit/chain.py). After each
row is inserted, ``sync.audit_check`` recomputes its hash from the stored bytes
(``sha256(prev_hash || payload)``, no JSON re-serialised) and finds its
predecessor of the same desk (``seq - 1``, by ``ix_audit_log_desk_seq``); a row
whose hash does not match, that repeats a seq, whose predecessor never arrived
or carries another hash, or that claims a desk other than the one that pushed
it, is kept as it came (it is evidence) and raises an alert for the shift lead
(``public.alerts``, kind ``audit_chain_broken``, made by ``central``), which
lead and admin desks pull like any alert without a ticket. A desk pushes its
records in order, the rows of one push are all inserted before the check runs
(an AFTER trigger), and a row central already has is never inserted again, so
an intact chain raises nothing. Stored rows are immutable: ``sync.audit_keep``
turns an update or delete (a tombstone a desk pushes, an edit on central) into
nothing but an alert.

Who pulls audit rows (``sync.subset_sql``): lead and admin desks everyone's; any
other desk only its own. Derived from c0008's frozen SUBSET_SQL_V8 so it cannot
drift from it.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from callcenter.sync.central_revisions import frozen_revision
from callcenter.sync.central_schema import create_table_sql

revision: str = "c0009"
down_revision: str | None = "c0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# earlier revisions' frozen SQL this one reuses
SUBSET_SQL_V8 = frozen_revision("c0008").SUBSET_SQL_V8

_LAST_RULE = """            ELSE 'true' END;
    END IF;
    RETURN NULL;"""
assert _LAST_RULE in SUBSET_SQL_V8
SUBSET_SQL_V9 = SUBSET_SQL_V8.replace(_LAST_RULE, """            ELSE 'true' END;
    ELSIF p_table = 'audit_log' THEN
        -- every desk's audit trail reaches lead and admin desks; a desk keeps its own
        RETURN CASE WHEN p_kind IN ('lead', 'admin') THEN 'true' ELSE 'x.origin_workstation = $4' END;
    END IF;
    RETURN NULL;""")

TABLES: dict[str, tuple[str, list[tuple[str, str, bool]]]] = {
    'audit_log': ('append', [
        ('desk', 'text', False),
        ('seq', 'bigint', False),
        ('prev_hash', 'text', False),
        ('hash', 'text', False),
        ('payload', 'text', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
}

AUDIT_SQL_V1 = r"""
CREATE INDEX ix_audit_log_desk_seq ON public.audit_log (desk, seq);

CREATE FUNCTION sync.audit_alert(p_desk text, p_seq bigint, p_problem text) RETURNS void
LANGUAGE plpgsql AS $$
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
END $$;

CREATE FUNCTION sync.audit_check() RETURNS trigger
LANGUAGE plpgsql AS $$
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
END $$;

CREATE FUNCTION sync.audit_keep() RETURNS trigger
LANGUAGE plpgsql AS $$
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
END $$;

CREATE TRIGGER audit_check AFTER INSERT ON public.audit_log
    FOR EACH ROW EXECUTE FUNCTION sync.audit_check();
CREATE TRIGGER audit_keep BEFORE UPDATE OR DELETE ON public.audit_log
    FOR EACH ROW EXECUTE FUNCTION sync.audit_keep();

-- no desk calls these (the triggers run them inside sync.push)
REVOKE ALL ON FUNCTION sync.audit_alert(text, bigint, text), sync.audit_check(), sync.audit_keep()
    FROM PUBLIC;
"""

AUDIT_SQL_V1_DROP = """
DROP FUNCTION sync.audit_keep();
DROP FUNCTION sync.audit_check();
DROP FUNCTION sync.audit_alert(text, bigint, text);
"""


def upgrade() -> None:
    for name, (mode, columns) in TABLES.items():
        op.execute(create_table_sql(name, mode, columns))
        op.execute(f"SELECT sync.register_table('{name}', '{mode}')")
    op.execute(AUDIT_SQL_V1)
    op.execute(SUBSET_SQL_V9)
    op.execute("SELECT sync.guard_origin_on('audit_log')")  # c0008: rows only in the pusher's name
    op.execute("UPDATE sync.meta SET schema_version = 9")


def downgrade() -> None:
    op.execute("UPDATE sync.meta SET schema_version = 8")
    op.execute(SUBSET_SQL_V8)
    op.execute("DELETE FROM sync.tables WHERE name = 'audit_log'")
    op.execute("DROP TABLE public.audit_log")
    op.execute(AUDIT_SQL_V1_DROP)
