"""The SQL of central's ``sync`` schema: bookkeeping tables and the functions
desks call (the contract is in protocol.py).

Why the logic lives in PostgreSQL functions: a desk's role may only EXECUTE
``sync.push``/``sync.pull``/``sync.schema_version``/``sync.min_desk_schema``
and (c0002) ``sync.resolve_conflict``/``sync.open_conflicts`` (and the later
entry points each revision grants: ``pull_rows``, ``push_rows``, ``fetch_caller``,
``push_checked``) (SECURITY
DEFINER, fixed ``search_path``), so it can never read or write a table
directly, and one push is one round trip and one central transaction.

Frozen: migrations execute their SQL constants, so once a migration has
shipped, a constant is never edited; a changed function gets a new constant
(``PUSH_V3``) in a new migration that runs ``CREATE OR REPLACE``.

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
audit_log (c0009)    all          own             own                  own
qa_reviews (c0012)   all          all             own, or released     own
                                                  and the call's desk
                                                  is the team's
qa_review_events     all          all             own, or its review   own
                                                  is visible
qa_tasks             all          all             own                  own
===================  ===========  ==============  ===================  ====================

(1) customers, accounts, outages, outage_targets, emergency_banners,
script_versions, (c0007) site_documents, and (c0008) users and
sign_in_attempts. (2) made by a desk of its team, or by itself. (3)
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
written: a row that *becomes* visible without being written again does not
reach the desk, and a row that leaves a subset stays on the desk as last
pulled. Since c0006 (c0006_fetch_on_demand.py) a ticket whose department changes
re-stamps its children, so the events written before a dispatch reach the
department with the ticket; a desk fetches the tickets of a caller it looks up
with ``sync.fetch_caller``; only a desk moved to another team still leaves its
older tickets unseen by its new team mates until they look the caller up.

Audit chains (c0009, c0009_audit_log.py): a trigger on ``public.audit_log``
(``sync.audit_check``) recomputes each arriving record's hash and finds its
predecessor of the same desk; at a break it keeps the row and raises an alert
for the shift lead (``sync.audit_alert``); ``sync.audit_keep`` refuses any
update or delete of a stored record (and raises the same alert).

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

Speed (c0005): ``sync.pull`` renders its page as ``json`` rather than
``jsonb`` (the same document up to key order) and only the rows it returns;
``sync.pull_rows`` is the same pull with rows as arrays of their values in a
desk's stored form; ``sync.push_rows`` takes a
desk's batch of new rows already grouped by table and key set, all or
nothing, with ``sync.push`` as its fallback (c0005_sync_speed.py).

Who may write what (c0008): ``sync.check_desk`` records the pushing desk in
the transaction (``callcenter.desk``); a statement trigger on every synced
table (``sync.guard_origin``, attached by ``sync.guard_origin_on(table)``)
refuses rows a desk inserts in another desk's name, and a trigger on
``public.users`` refuses user changes from any desk but an admin desk (a
password change excepted). Admin connections are not desks and may.

Refused rows (c0010): ``sync.push_checked`` applies a push one local
transaction at a time and answers a transaction central cannot store (text
with a NUL, a value a column or constraint refuses) as ``rejected`` instead of
failing the whole push (also a row c0008's guards refuse);
``sync.rejected_ops`` records what was refused
(c0010_rejected_ops.py; the desk's side is in protocol.py).

Live desk states (c0012, c0012_desk_states.py): ``sync.publish_state`` upserts
a desk's agent state in ``sync.desk_states`` (and is its heartbeat); a trigger
NOTIFYs ``callcenter_desk_state`` with the team on a real change; lead and admin
desks read a team's rows with ``sync.board_states``. Not a synced table.

Where the SQL is: the frozen text of each revision is in its migration
(migrations/central/versions/cNNNN_*.py), and the definition of every function
as the head revision leaves it is in ``central_functions.sql`` beside this
module, generated from a central brought to head (see ``main`` below);
tests/sync/test_central_functions.py fails when the file is out of date.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import psycopg

FUNCTIONS_FILE = Path(__file__).with_name("central_functions.sql")

_HEADER = """\
-- The functions of central's ``sync`` schema as the head revision defines them.
-- Generated: do not edit. The frozen SQL is in migrations/central/versions/.
-- Regenerate against a central brought to head (callcenter central upgrade):
--     python -m callcenter.sync.central_functions --url ADMIN_URL > callcenter/sync/central_functions.sql
"""


def dump_functions(conn: psycopg.Connection) -> str:
    """Every function of the ``sync`` schema, as PostgreSQL prints it, by name
    and argument types (a stable order)."""
    rows = conn.execute(
        """
        SELECT pg_get_functiondef(p.oid)
        FROM pg_proc p
        WHERE p.pronamespace = 'sync'::regnamespace
        ORDER BY p.proname, pg_get_function_identity_arguments(p.oid)
        """
    ).fetchall()
    return _HEADER + "".join(f"\n{row[0].rstrip()};\n" for row in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="print central's current sync functions")
    parser.add_argument("--url", required=True, help="an admin URL of a central at head")
    args = parser.parse_args(argv)
    with psycopg.connect(args.url) as conn:
        sys.stdout.write(dump_functions(conn))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
