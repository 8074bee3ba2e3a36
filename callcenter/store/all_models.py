"""Every model module, imported once so ``Base.metadata`` is complete
(Alembic's env, the migration tests and the Database import this)."""

from __future__ import annotations

from . import (  # noqa: F401
    alert_models,
    audit_models,
    auth_models,
    board_models,
    callback_models,
    handover_models,
    models,
    outage_models,
    qa_models,
    script_models,
    site_models,
    sync_models,
)

Base = models.Base
