"""qt_app.settle_heap: after it, the start-up heap is out of every collection."""

from __future__ import annotations

import gc

from callcenter.ui.shared.qt_app import settle_heap


def test_settle_heap_freezes_what_is_alive() -> None:
    try:
        settle_heap()
        frozen = gc.get_freeze_count()
        assert frozen > 0
        kept = [object() for _ in range(3)]  # made after: collected as usual, not frozen
        assert gc.get_freeze_count() == frozen and kept
    finally:
        gc.unfreeze()  # leave the test process as it was
