"""Central's migrations as modules: where they live, and loading one so a later
revision can reuse the frozen SQL of an earlier one (a downgrade restores it)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

CENTRAL_MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations" / "central"


def frozen_revision(revision: str) -> ModuleType:
    """The migration module of ``revision`` (e.g. ``"c0001"``), loaded once.

    Alembic loads the same files by path for its own use; this copy is only read
    for its SQL constants, which are frozen, so the two cannot disagree."""
    name = f"_callcenter_central_{revision}"
    if name in sys.modules:
        return sys.modules[name]
    (path,) = (CENTRAL_MIGRATIONS_DIR / "versions").glob(f"{revision}_*.py")
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load central revision {revision} from {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module
