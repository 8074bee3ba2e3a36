"""The alerts table is a synced table, and migration 0006 goes down and up cleanly."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect

from callcenter.store import migrate
from callcenter.store.all_models import Base
from callcenter.store.engine import make_engine


def test_alerts_carry_the_sync_columns() -> None:
    cols = set(Base.metadata.tables["alerts"].c.keys())
    assert {"id", "version", "updated_at", "deleted_at", "origin_workstation"} <= cols
    assert {"kind", "ticket_id", "message", "for_role", "created_by", "acknowledged_at",
            "acknowledged_by"} <= cols


def test_0006_down_and_up(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "m.sqlite3", immediate=False)
    migrate.upgrade(engine)
    insp = inspect(engine)
    assert "alerts" in insp.get_table_names()
    assert "ix_search_tickets_address_created_at" in {i["name"] for i in insp.get_indexes("tickets")}
    migrate.downgrade(engine, "0005")
    insp = inspect(engine)
    assert "alerts" not in insp.get_table_names()
    assert "ix_search_tickets_address_created_at" not in {
        i["name"] for i in insp.get_indexes("tickets")}
    migrate.upgrade(engine)
    assert "alerts" in inspect(engine).get_table_names()
    engine.dispose()
