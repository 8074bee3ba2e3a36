"""Migrations and models agree; upgrade -> downgrade -> upgrade works on SQLite."""

from __future__ import annotations

import stat
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from callcenter.store import migrate
from callcenter.store.all_models import Base
from callcenter.store.engine import make_engine
from callcenter.store.search_schema import include_name

SYNCED = {"customers", "accounts", "agent_shifts", "agent_state_events", "call_sessions",
          "call_events", "tickets", "ticket_events"}


def test_upgrade_downgrade_upgrade_and_no_autogenerate_diff(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "m.sqlite3", immediate=False)
    migrate.upgrade(engine)
    assert set(inspect(engine).get_table_names()) >= SYNCED | {"alembic_version"}
    migrate.downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    migrate.upgrade(engine)
    assert migrate.current(engine) is not None
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True,
                                                                  "include_name": include_name}),
                                Base.metadata)
    assert diff == []
    engine.dispose()


def test_every_synced_table_carries_the_sync_columns() -> None:
    for name in SYNCED:
        cols = set(Base.metadata.tables[name].c.keys())
        assert {"id", "version", "updated_at", "deleted_at", "origin_workstation"} <= cols, name


def test_store_file_is_private_wal_with_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "desk.sqlite3"
    engine = make_engine(path)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 3000
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    engine.dispose()


def test_constraints_are_named() -> None:
    for table in Base.metadata.tables.values():
        for c in table.constraints:
            assert c.name, f"unnamed constraint on {table.name}"


def test_current_store_is_recognised_without_alembic(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    assert not migrate.is_current(path)  # no file yet
    engine = make_engine(path, immediate=False)
    migrate.upgrade(engine, "0001")
    assert not migrate.is_current(path)  # behind the head
    migrate.upgrade(engine)
    assert migrate.is_current(path)
    assert migrate.head_revision() == migrate.current(engine)
    engine.dispose()
