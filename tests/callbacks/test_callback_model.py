"""The queue's table model passes Qt's model tester, and says "overdue" in
text as well as in colour."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from callcenter.services.callbacks.queue import CallbackRow
from callcenter.services.site.profile import load_profile
from callcenter.ui.callbacks.queue_model import TASK_ID_ROLE, CallbackQueueModel

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)


def row(n: int, *, overdue: bool = False, retry: datetime | None = None,
        outcome: str = "pending", assigned: str | None = None) -> CallbackRow:
    return CallbackRow(
        uuid.uuid4(), 2, uuid.uuid4(), f"LJ-W01-20261123-{n:04d}", "fault_repair", "张先生",
        "13800138001", NOW - timedelta(hours=30 if overdue else 2),
        NOW - timedelta(hours=6) if overdue else NOW + timedelta(hours=22), retry, assigned,
        1 if retry else 0, outcome, overdue=overdue, ready=retry is None and outcome == "pending",
    )


def test_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = CallbackQueueModel(load_profile())
    model.set_rows([row(1, overdue=True), row(2), row(3, retry=NOW + timedelta(hours=1))])
    qtmodeltester.check(model, force_py=True)
    model.set_rows([])
    qtmodeltester.check(model, force_py=True)


def test_cells_say_overdue_retry_and_outcome_in_text() -> None:
    model = CallbackQueueModel(load_profile(), "zh")
    rows = [row(1, overdue=True), row(2, retry=NOW + timedelta(hours=1), assigned="1024"),
            row(3, outcome="unreachable")]
    model.set_rows(rows)
    cols = CallbackQueueModel.COLUMNS

    def cell(r: int, name: str) -> str:
        return str(model.data(model.index(r, cols.index(name))))

    assert cell(0, "number").startswith("⚠ ") and "OVERDUE" in cell(0, "due")
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert cell(1, "status") == "Retry at 11-23 15:00" and cell(1, "assigned_to") == "1024"
    assert cell(0, "assigned_to") == "(free)" and cell(0, "attempts") == "0/3"
    assert cell(0, "category") == "故障报修"
    assert cell(2, "status") == "Unreachable"
    assert model.data(model.index(2, 0), TASK_ID_ROLE) == str(rows[2].id)
    assert model.row_of(rows[1].id) == 1 and model.row_of(uuid.uuid4()) == -1
