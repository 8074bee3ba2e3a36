"""The central PostgreSQL side of sync: schema upgrades, desk roles, and a small client.

``upgrade(url)`` runs the central Alembic environment (migrations/central) on
an admin connection. ``create_desk_role`` makes the LOGIN role one desk uses:
it inherits only the group role ``callcenter_desk``, which may execute the
``sync`` entry points and nothing else (see the grants of central revisions c0001 and c0002), and the
password is SCRAM-hashed here so its clear text never reaches the server's logs.
``CentralClient`` is what the desk's sync worker talks through; it holds one
connection in autocommit mode, so every call is one central transaction.

URLs are libpq URLs (``postgresql://user:pw@host/db`` or with ``?host=/socket``),
as pgserver's ``get_uri()`` returns them.

For a demo on one machine (the embedded PostgreSQL of the pip package pgserver,
left running after the command exits)::

    URL=$(python -c 'import pgserver as p; print(p.get_server("/tmp/cc", cleanup_mode=None).get_uri())')
    callcenter central upgrade --url "$URL"
    echo secret | callcenter central add-desk WS01 --team A --url "$URL" --password-stdin
    echo secret | callcenter central add-desk REP1 --kind department --team repair \
        --url "$URL" --password-stdin

A desk then connects as ``desk_ws01`` (``postgresql://desk_ws01:secret@/postgres?host=...``).

Central must run with ``synchronous_commit = on`` (and ``fsync = on``): a push
is acknowledged at commit and the desk then marks its ops pushed, so a commit
central loses in a crash is lost for good (nothing will push it again).
``durability_problems(url)`` says what is off; ``callcenter central upgrade``
warns about it.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

import psycopg
from psycopg import sql
from psycopg.types.json import Jsonb

from .central_names import DESK_KINDS, GROUP_ROLE
from .central_revisions import CENTRAL_MIGRATIONS_DIR
from .outbox_reader import WireOps
from .protocol import Op, dumps

_DESK = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
PUSH_CHECKED_SINCE = 10  # central's sync.push_checked came with c0010


def sqlalchemy_url(url: str) -> str:
    """The SQLAlchemy spelling of a libpq URL (psycopg 3 driver)."""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    raise ValueError(f"not a PostgreSQL URL: {url!r}")


def _run_alembic(url: str, action: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, pool

    cfg = Config()
    cfg.set_main_option("script_location", str(CENTRAL_MIGRATIONS_DIR))
    engine = create_engine(sqlalchemy_url(url), poolclass=pool.NullPool)
    try:
        with engine.connect() as conn:
            cfg.attributes["connection"] = conn
            getattr(command, action)(cfg, revision)
            conn.commit()
    finally:
        engine.dispose()


def upgrade(url: str, revision: str = "head") -> None:
    _run_alembic(url, "upgrade", revision)


def downgrade(url: str, revision: str) -> None:
    _run_alembic(url, "downgrade", revision)


def durability_problems(url: str) -> list[str]:
    """Settings that would let central lose acknowledged pushes in a crash."""
    with psycopg.connect(url) as conn:
        return [f"{name} = {value}" for name in ("fsync", "synchronous_commit")
                if (value := str(conn.execute(f"SHOW {name}").fetchone()[0])) == "off"]  # type: ignore[index]


def role_name(desk: str) -> str:
    """The login role of a desk (``desk_`` + the code, lower case)."""
    if not _DESK.match(desk):
        raise ValueError(f"desk code must be 1-40 letters, digits, '-' or '_': {desk!r}")
    return "desk_" + desk.lower().replace("-", "_")


def create_desk_role(url: str, desk: str, password: str, team: str | None = None,
                     kind: str = "agent") -> str:
    """Create (or re-key) the login role of one desk and register it in sync.desks.

    ``kind`` and ``team`` choose the rows the desk pulls (the subset table in
    central_functions.py); a department desk's team is its department code. Returns
    the role name. Needs a connection allowed to create roles."""
    if kind not in DESK_KINDS:
        raise ValueError(f"desk kind must be one of {', '.join(DESK_KINDS)}: {kind!r}")
    role = role_name(desk)
    with psycopg.connect(url) as conn:
        hashed = conn.pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256")
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        verb = "ALTER" if exists else "CREATE"
        conn.execute(sql.SQL("{} ROLE {} LOGIN NOINHERIT PASSWORD {}").format(
            sql.SQL(verb), sql.Identifier(role), sql.Literal(hashed.decode())))
        # INHERIT only through the group: the desk has exactly the group's rights
        conn.execute(sql.SQL("ALTER ROLE {} INHERIT").format(sql.Identifier(role)))
        conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(GROUP_ROLE), sql.Identifier(role)))
        conn.execute(
            "INSERT INTO sync.desks (desk, role, team, kind) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (desk) DO UPDATE SET role = EXCLUDED.role, team = EXCLUDED.team, "
            "kind = EXCLUDED.kind",
            (desk, role, team, kind))
    return role


class CentralClient:
    """The desk's view of central: each call is one round trip and one central transaction.

    ``connect_kwargs`` go to ``psycopg.connect`` (``password=`` keeps the
    password out of the URL)."""

    # A network that silently drops packets (no reset) must not hang a round
    # forever: TCP keepalives notice a dead peer of an idle connection, and
    # tcp_user_timeout one that stops acknowledging what the desk sent. Unix
    # sockets ignore both.
    NET_DEFAULTS: dict[str, Any] = {"keepalives": 1, "keepalives_idle": 30,
                                    "keepalives_interval": 10, "keepalives_count": 3,
                                    "tcp_user_timeout": 60_000}

    def __init__(self, url: str, *, connect_timeout: int = 10, **connect_kwargs: Any) -> None:
        self._conn = psycopg.connect(url, autocommit=True, connect_timeout=connect_timeout,
                                     **{**self.NET_DEFAULTS, **connect_kwargs})
        self._c0005: bool | None = None  # central has sync.push_rows and sync.pull_rows

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> CentralClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(self, query: str, params: tuple[Any, ...]) -> Any:
        row = self._conn.execute(query, params).fetchone()
        assert row is not None
        return row[0]

    def push(self, desk: str, ops: Sequence[Op]) -> dict[str, Any]:
        """Apply the ops of whole local transactions; see protocol.py for the result.
        Ops read by outbox_reader.pending_batch (``WireOps``) go as the JSON text
        SQLite made; others are serialised here (compact, UTF-8 as is). Central
        parses the text once (``::jsonb``).

        A batch of nothing but inserts that the reader grouped (``WireOps.new_rows``)
        goes to sync.push_rows instead, when central has it (c0005): the same
        effects and answer for a fraction of central's work. When central answers
        that it cannot apply them all as new rows (``fallback``: an op it knows,
        a row it has), nothing was applied and the ops go to sync.push."""
        try:
            if isinstance(ops, WireOps):
                rows = ops.new_rows
                if rows is not None and self._has_c0005():
                    # the groups go as a binary text[] (%b): a text-format array would quote
                    # and escape every group's JSON in Python (about 70 ms per 1,000 rows)
                    answer = cast(dict[str, Any], self._call(
                        "SELECT sync.push_rows(%s, %s::uuid[], %s::uuid[], %s::text[], %s::text[], "
                        "%b::text[]::json[])",
                        (desk, rows.op_ids, rows.tx_ids, rows.tables, rows.keys, rows.rows)))
                    if not answer.get("fallback"):
                        return answer
                payload = ops.payload
            else:
                payload = dumps(list(ops))
            return cast(dict[str, Any], self._call("SELECT sync.push(%s, %s::jsonb)", (desk, payload)))
        except (psycopg.errors.DataError, psycopg.errors.IntegrityError,
                psycopg.errors.InsufficientPrivilege) as exc:
            # (insufficient privilege: c0008's guards refuse a row the desk may not
            # write, e.g. a user change from a non-admin desk; a desk role that may
            # not sync at all is refused again by push_checked's own check)
            # a row central cannot store: sync.push_checked applies the rest and
            # answers that row's transaction as rejected (c0010); 22023 is a
            # malformed call, which no row-by-row push would mend
            if exc.sqlstate == "22023" or self.schema_version() < PUSH_CHECKED_SINCE:
                raise
            return self.push_checked(desk, ops)

    def push_checked(self, desk: str, ops: Sequence[Op]) -> dict[str, Any]:
        """``push`` one op at a time (central c0010): a local transaction central
        refuses for good is answered in ``rejected`` (protocol.py) and the rest
        applied. Each op goes as its own JSON text (ASCII: a lone surrogate
        escaped, never an encoding error here) beside its ids."""
        decoded = list(ops)
        return cast(dict[str, Any], self._call(
            "SELECT sync.push_checked(%s, %s::uuid[], %s::uuid[], %s::text[], %s::uuid[], %s::text[])",
            (desk, [o.op_id for o in decoded], [o.tx_id for o in decoded],
             [o.table for o in decoded], [o.row_id for o in decoded],
             [json.dumps(o.to_json(), separators=(",", ":")) for o in decoded])))

    def _has_c0005(self) -> bool:
        if self._c0005 is None:
            self._c0005 = self.schema_version() >= 5
        return self._c0005

    def pull(self, desk: str, cursor: dict[str, Any] | None, max_rows: int, *,
             stored: bool = False) -> dict[str, Any]:
        """The next page of rows after ``cursor`` (None: from the beginning).

        ``stored``: from a central that has sync.pull_rows (c0005), the rows as
        arrays of their stored values with the page's ``columns`` (protocol.py;
        pull_apply.prepare_page reads either form)."""
        fn = "sync.pull_rows" if stored and self._has_c0005() else "sync.pull"
        return cast(dict[str, Any], self._call(
            f"SELECT {fn}(%s, %s, %s)", (desk, Jsonb(cursor or {}), max_rows)))

    def fetch_caller(self, desk: str, phone: str, accounts: Sequence[str],
                     max_tickets: int) -> dict[str, Any]:
        """The caller's newest tickets with their children, as ``{"rows": [...],
        "tickets": n}`` in the row shape of a pull page (central c0006)."""
        return cast(dict[str, Any], self._call(
            "SELECT sync.fetch_caller(%s, %s, %s, %s)", (desk, phone, list(accounts), max_tickets)))

    def put_recording(self, desk: str, call_id: uuid.UUID, audio: bytes, sha256: str) -> bool:
        """Upload a call's recording (central c0015); False: central had it already."""
        return bool(self._call("SELECT sync.put_recording(%s, %s, %s, %s)",
                               (desk, call_id, audio, sha256)))

    def get_recording(self, desk: str, call_id: uuid.UUID) -> bytes | None:
        """A call's recording from central (c0015), None when it has none."""
        data = self._call("SELECT sync.get_recording(%s, %s)", (desk, call_id))
        return None if data is None else bytes(data)
    def publish_state(self, desk: str, agent_id: str | None, state: str, reason: str | None,
                      since: datetime) -> datetime:
        """Upsert this desk's live agent state (central c0017; one autocommit statement,
        no session state, so a transaction pooler is fine). Returns central's time."""
        return cast(datetime, self._call("SELECT sync.publish_state(%s, %s, %s, %s, %s)",
                                         (desk, agent_id, state, reason, since)))

    def board_states(self, desk: str, team: str | None = None) -> dict[str, Any]:
        """A team's live desk states with central's ``now`` (lead and admin desks; c0017)."""
        return cast(dict[str, Any], self._call("SELECT sync.board_states(%s, %s)", (desk, team)))

    def listen(self, channel: str) -> None:
        """LISTEN on this client's own session (lead desks only: a pooled agent desk
        must keep no session state)."""
        self._conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel)))

    def wait_notifies(self, timeout_s: float) -> list[str]:
        """The payloads that arrived within ``timeout_s`` (empty: none); returns as soon
        as one arrives, with any others already queued."""
        got = [n.payload for n in self._conn.notifies(timeout=timeout_s, stop_after=1)]
        if got:  # drain what came in the same breath without waiting again
            got += [n.payload for n in self._conn.notifies(timeout=0.0)]
        return got

    def schema_version(self) -> int:
        return int(self._call("SELECT sync.schema_version()", ()))

    def min_desk_schema(self) -> int:
        return int(self._call("SELECT sync.min_desk_schema()", ()))

    def resolve_conflict(self, desk: str, op_id: str | uuid.UUID, resolution: str) -> dict[str, Any]:
        """Record the desk's decision (mine, central, dismissed) on one of its own
        conflicts; the first decision stays. Returns ``{"op_id", "resolution",
        "resolved_at", "resolved_by"}``. Recording ``mine`` changes no data: the
        desk pushes its values again on the version it has now."""
        return cast(dict[str, Any], self._call(
            "SELECT sync.resolve_conflict(%s, %s, %s)", (desk, op_id, resolution)))

    def open_conflicts(self, desk: str) -> list[dict[str, Any]]:
        """The desk's unresolved conflicts, oldest first (to rebuild its local list)."""
        return cast(list[dict[str, Any]], self._call("SELECT sync.open_conflicts(%s)", (desk,)))
