"""central: a desk changes a user's password only where that user signed in.

Revision ID: c0016
Revises: c0015

Until now any desk could push a change of any user's password fields (c0008's
``guard_users`` let every password change through): a tampered desk could set
the shift lead's password and sign in as the lead. A password changes on a desk
in two ways only, both right after the user signed in there: the change the
user makes (at the next sign-in after a reset, or by choice) and the re-hash at
sign-in when the hashing parameters changed. Both follow that desk's successful
sign-in attempt, which the desk pushes first (its outbox keeps the order). So
central now lets a non-admin desk change a user's password fields only when the
user's latest successful sign-in attempt central holds came from that desk.
Administrators (``users reset-password --central``, admin desks) are unchanged.

Expand only: a replaced trigger function. ``schema_version`` becomes 16.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from callcenter.sync.central_revisions import frozen_revision

revision: str = "c0016"
down_revision: str | None = "c0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GUARD_USERS_V8 = frozen_revision("c0008").GUARD_USERS_V8
_V8_FUNCTION = GUARD_USERS_V8[:GUARD_USERS_V8.index("REVOKE ALL ON FUNCTION")]
_PASSWORD_V8 = """        RETURN NEW;  -- a password change
    END IF;"""
assert _V8_FUNCTION.count(_PASSWORD_V8) == 1
GUARD_USERS_V16 = _V8_FUNCTION.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION").replace(
    _PASSWORD_V8, """        -- a password change: only by the desk the user last signed in on
        IF (SELECT a.origin_workstation FROM public.sign_in_attempts a
             WHERE a.user_id = NEW.user_id AND a.ok AND a.deleted_at IS NULL
             ORDER BY a.at DESC, a.id DESC LIMIT 1) IS NOT DISTINCT FROM v_desk THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'desk % may not change the password of % (not signed in there)',
            v_desk, NEW.user_id USING ERRCODE = 'insufficient_privilege';
    END IF;""")


def upgrade() -> None:
    op.execute(GUARD_USERS_V16)
    op.execute("UPDATE sync.meta SET schema_version = 16")


def downgrade() -> None:
    op.execute("UPDATE sync.meta SET schema_version = 15")
    op.execute(_V8_FUNCTION.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION"))
