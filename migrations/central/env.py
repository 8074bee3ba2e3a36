"""Alembic environment for the central PostgreSQL schema (issue 6).

Separate from the local store's environment (migrations/env.py): central has
its own history, its own ``alembic_version`` row and no batch mode. Run through
``callcenter central upgrade --url URL`` (callcenter/sync/central.py), which
passes an open connection; there is no alembic.ini. No ``target_metadata``:
the synced tables are created from frozen definitions (see
callcenter/sync/central_schema.py) and tests/sync/test_central_schema.py
compares them with the models instead of autogenerate.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config


def run_migrations_online() -> None:
    connectable = config.attributes.get("connection")
    if connectable is not None:
        _run(connectable)
        return
    engine = engine_from_config(
        config.get_section(config.config_ini_section) or {},
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as connection:
        _run(connection)


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=connection, target_metadata=None, transactional_ddl=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("central migrations run online only (callcenter central upgrade --url URL)")
run_migrations_online()
