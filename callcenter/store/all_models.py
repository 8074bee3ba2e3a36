"""Every model module, imported once so ``Base.metadata`` is complete
(Alembic's env, the migration tests and the Database import this)."""

from __future__ import annotations

from . import models, outage_models, script_models  # noqa: F401

Base = models.Base
