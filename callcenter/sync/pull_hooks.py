"""Callbacks run after a pulled page is applied, for local state derived from
synced rows (an index the pull's raw upserts do not maintain).

Why a registry: sync sits below services (the import-linter layers), so
``pull_apply`` cannot call a feature's code; the feature registers its hook
when its module is imported instead. Today: the outage address-key index
(callcenter/services/outages/records.py registers ``rebuild_address_keys`` for
``outage_targets`` when it is imported, or by ``install_pull_hooks()``; the
app imports it through the outage services, and every process that pulls
must have imported it before its first pull).

A hook gets the writing session (the page's own transaction, foreign keys
off, nothing captured for sync) and the ids of the page's rows of its table
(applied, or kept local because they have pending ops: the hook reads the
rows as stored now). A hook that raises rolls the page back with the cursor,
so the page is pulled again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy.orm import Session

AfterPull = Callable[[Session, list[str]], object]

_HOOKS: dict[str, list[AfterPull]] = {}


def register_after_pull(table: str, hook: AfterPull) -> None:
    """Run ``hook`` after every pulled page with rows of ``table`` (idempotent)."""
    hooks = _HOOKS.setdefault(table, [])
    if hook not in hooks:
        hooks.append(hook)


def unregister_after_pull(table: str, hook: AfterPull) -> None:
    hooks = _HOOKS.get(table, [])
    if hook in hooks:
        hooks.remove(hook)


def registered(table: str) -> tuple[AfterPull, ...]:
    return tuple(_HOOKS.get(table, ()))


def run_after_pull(s: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Call the hooks of every table in a page (``rows`` as pulled: {table, row})."""
    if not _HOOKS:
        return
    ids: dict[str, list[str]] = {}
    for item in rows:
        table = str(item["table"])
        if _HOOKS.get(table):
            ids.setdefault(table, []).append(str(item["row"]["id"]))
    for table, row_ids in ids.items():
        for hook in tuple(_HOOKS[table]):
            hook(s, row_ids)
