"""Which tables sync and how, derived from the models."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect

from callcenter.store import migrate
from callcenter.store.all_models import Base
from callcenter.store.engine import make_engine
from callcenter.sync.registry import (
    APPEND_ONLY,
    LOCAL_ONLY,
    SYNC_COLUMNS,
    SYNCED,
    is_local_only,
    is_synced,
    mode,
)


def test_every_table_is_either_synced_or_local_only() -> None:
    tables = set(Base.metadata.tables)
    assert set(SYNCED) | (LOCAL_ONLY & tables) == tables
    assert not set(SYNCED) & LOCAL_ONLY


def test_the_classification() -> None:
    assert {t for t, m in SYNCED.items() if m == "append"} == set(APPEND_ONLY)
    assert {t for t, m in SYNCED.items() if m == "merge"} == {
        "customers", "accounts", "agent_shifts", "call_sessions", "tickets", "alerts",
        "callback_tasks", "outages", "outage_targets", "ticket_outage_links",
        "emergency_banners", "users", "handover_records", "qa_reviews", "qa_tasks"}
    assert {"ticket_sequences", "outage_address_keys", "ticket_fts", "sync_outbox",
            "sync_state", "sync_resync_seen"} <= LOCAL_ONLY
    assert mode("ticket_events") == "append" and mode("tickets") == "merge"


def test_synced_tables_carry_the_sync_columns() -> None:
    for name in SYNCED:
        assert set(SYNC_COLUMNS) <= set(Base.metadata.tables[name].c.keys()), name


def test_every_table_of_a_migrated_store_is_classified(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "m.sqlite3", immediate=False)
    try:
        migrate.upgrade(engine)
        names = set(inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()
    assert "ticket_fts_data" in names  # an FTS5 shadow table
    assert all(is_synced(n) != is_local_only(n) for n in names), names
