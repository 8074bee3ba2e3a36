"""A real PostgreSQL for the sync tests, started once per test session (pgserver).

``pg_server_url`` is an admin (superuser) URL of the session's server.
``central_url`` gives each test its own database, a copy of one template that
was brought to the central head once, so tests are isolated and fast (a
``CREATE DATABASE ... TEMPLATE`` instead of a migration per test, on a server
that does not fsync).
"""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import psycopg
import pytest

_TEMPLATE = "central_template"
_counter = itertools.count()


def with_db(url: str, dbname: str, user: str | None = None, password: str | None = None) -> str:
    """``url`` pointed at another database (and optionally another login)."""
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    if user is None:
        auth = parts.netloc.rsplit("@", 1)[0] + "@" if "@" in parts.netloc else ""
    else:
        auth = quote(user) + (":" + quote(password) if password else "") + "@"
    return urlunsplit((parts.scheme, auth + netloc, "/" + dbname, parts.query, ""))


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    import pgserver  # a declared test dependency: missing, the run fails (not skips)
    # not under pytest's basetemp: every pytest that starts re-chmods
    # /tmp/pytest-of-<user> to 0700, and the server runs as its own user
    # (pgserver's "pgserver" when tests run as root), so it would lose its files
    pgdata = Path(tempfile.mkdtemp(prefix="cc-pg-"))
    pgdata.chmod(0o755)
    server = pgserver.get_server(pgdata, cleanup_mode="delete")
    url = server.get_uri()
    # pgserver trusts every local login; make desk roles prove their password as in production
    hba = pgdata / "pg_hba.conf"
    hba.write_text("local all /^desk_ scram-sha-256\n" + hba.read_text())
    with psycopg.connect(url, autocommit=True) as conn:
        # a throwaway server: skip fsyncs (a killed backend or server still loses
        # nothing committed; only an OS crash would), so a database per test is cheap
        for setting in ("fsync", "synchronous_commit", "full_page_writes"):
            conn.execute(f"ALTER SYSTEM SET {setting} = off")
        conn.execute("SELECT pg_reload_conf()")
    try:
        yield url
    finally:
        server.cleanup()


def create_database(admin_url: str, name: str, template: str | None = None) -> str:
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return with_db(admin_url, name)


@pytest.fixture(scope="session")
def _central_template(pg_server_url: str) -> str:
    from callcenter.sync import central

    url = create_database(pg_server_url, _TEMPLATE)
    central.upgrade(url)
    return _TEMPLATE


@pytest.fixture
def fresh_db_url(pg_server_url: str) -> str:
    """An empty database of its own (for migration tests)."""
    return create_database(pg_server_url, f"fresh_{next(_counter)}")


@pytest.fixture(scope="session")
def new_central_db(pg_server_url: str, _central_template: str) -> Callable[[], str]:
    """Makes a new database at the central head revision; returns its admin URL."""
    return lambda: create_database(pg_server_url, f"central_{next(_counter)}", template=_central_template)


@pytest.fixture
def central_url(new_central_db: Callable[[], str]) -> str:
    """A database of its own at the central head revision (admin URL)."""
    return new_central_db()
