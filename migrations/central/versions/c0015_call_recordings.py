"""central: call recordings, uploaded by the desk that took the call, fetched on demand.

Revision ID: c0015
Revises: c0014

Issue 14: a call's recording (an owner-only WAV on the desk that took it, at most
1 MB a minute) goes to central after the call's rows, and a reviewer's desk
fetches it when it replays the call. Recordings are not synced rows: no desk
pulls them, so they live in ``sync.call_recordings`` (the desk role cannot read
or write it directly) and move through two functions:

- ``sync.put_recording(desk, call_id, audio, sha256)``: the call must already be
  on central and taken at this desk (``public.call_sessions.origin_workstation``),
  so a recording always follows its call ("behind the tickets"); otherwise it
  raises ``no_data_found`` and the desk tries again after its next push. The
  SHA-256 must match the bytes, the size is at most 64 MB. A second upload of
  the same call is answered ``false`` and changes nothing.
- ``sync.get_recording(desk, call_id)``: the bytes, or NULL when central has
  none. A lead, QA or admin desk gets any call's; an agent desk its own calls'
  and its team's; a department desk none (``insufficient_privilege``).

Expand only: older desks never call them; ``min_desk_schema`` stays,
``schema_version`` becomes 15. The SQL below is frozen.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from callcenter.sync.central_names import GROUP_ROLE

revision: str = "c0015"
down_revision: str | None = "c0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MAX_BYTES = 64 * 1024 * 1024

CALL_RECORDINGS_V12 = """
CREATE TABLE sync.call_recordings (
    call_id uuid PRIMARY KEY,
    desk text NOT NULL,              -- the desk that took the call and uploaded it
    size_bytes integer NOT NULL,
    sha256 text NOT NULL,
    audio bytea NOT NULL,
    uploaded_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE sync.call_recordings ALTER COLUMN audio SET STORAGE EXTERNAL;  -- WAV: no compression
"""

PUT_RECORDING_V12 = f"""
CREATE FUNCTION sync.put_recording(p_desk text, p_call_id uuid, p_audio bytea, p_sha256 text)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER
SET search_path = sync, public, pg_temp SET "TimeZone" = 'UTC' AS $$
DECLARE
    v_origin text;
BEGIN
    PERFORM sync.check_desk(p_desk);
    IF p_audio IS NULL OR length(p_audio) = 0 OR length(p_audio) > {MAX_BYTES} THEN
        RAISE EXCEPTION 'a recording is 1 byte to {MAX_BYTES} bytes'
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
END $$;
GRANT EXECUTE ON FUNCTION sync.put_recording(text, uuid, bytea, text) TO {GROUP_ROLE};
"""

GET_RECORDING_V12 = f"""
CREATE FUNCTION sync.get_recording(p_desk text, p_call_id uuid)
RETURNS bytea LANGUAGE plpgsql SECURITY DEFINER
SET search_path = sync, public, pg_temp SET "TimeZone" = 'UTC' AS $$
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
END $$;
GRANT EXECUTE ON FUNCTION sync.get_recording(text, uuid) TO {GROUP_ROLE};
"""


def upgrade() -> None:
    op.execute(CALL_RECORDINGS_V12)
    op.execute(PUT_RECORDING_V12)
    op.execute(GET_RECORDING_V12)
    op.execute("UPDATE sync.meta SET schema_version = 15")


def downgrade() -> None:
    op.execute("UPDATE sync.meta SET schema_version = 14")
    op.execute("DROP FUNCTION sync.get_recording(text, uuid)")
    op.execute("DROP FUNCTION sync.put_recording(text, uuid, bytea, text)")
    op.execute("DROP TABLE sync.call_recordings")
