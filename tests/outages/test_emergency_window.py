"""Issue 17 item 16, through the real window the app builds: the emergency banner's
clear is offered only to a signed-in shift lead, and the clear is recorded with who
and when (the banner row and the audit log)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from callcenter.app import AppOptions, build
from callcenter.services.audit.log import recent_in
from callcenter.store.outage_models import EmergencyBanner


def test_only_the_signed_in_lead_clears_the_banner_and_the_clear_is_recorded(
        qtbot: QtBot, tmp_path: Path) -> None:
    ctx = build(AppOptions(data_dir=tmp_path, demo=True, workstation="T17"))
    try:
        qtbot.addWidget(ctx.window)
        ctx.window.show()
        ctx.telephony.stop()
        outages = next(k for k in ctx.keep if type(k).__name__ == "OutageDesk")
        raised = datetime.now(UTC)
        ctx.db.write_unchecked_now(lambda s: s.add(EmergencyBanner(
            message="江城区大面积停电", script="您好……", raised_by="9001", raised_at=raised,
            updated_at=raised, origin_workstation="LEAD1")))
        outages.refresh()
        qtbot.waitUntil(outages.emergency.isVisible)
        clear = outages.emergency.clear_btn
        assert not clear.isVisible()  # signed out: seen, not clearable
        ctx.desk.sign_in("1001")
        assert not clear.isVisible()  # an agent: seen, not clearable
        outages.emergency._clear()  # as if reached anyway: nothing is emitted or written
        ctx.desk.sign_out()
        ctx.desk.sign_in("9001")
        qtbot.waitUntil(clear.isVisible)
        before = datetime.now(UTC)
        qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not outages.emergency.isVisible())
        row = ctx.db.read_now(lambda s: s.scalars(select(EmergencyBanner)).one())
        assert row.cleared_by == "9001"
        assert row.cleared_at is not None
        assert before <= row.cleared_at.replace(tzinfo=UTC) <= datetime.now(UTC)
        entries = ctx.db.read_now(lambda s: recent_in(s, 50))
        cleared = [e.entry for e in entries if e.entry and e.entry.action == "emergency_cleared"]
        assert len(cleared) == 1 and cleared[0].user_id == "9001"
        assert cleared[0].subject == "江城区大面积停电"
    finally:
        ctx.shutdown()
