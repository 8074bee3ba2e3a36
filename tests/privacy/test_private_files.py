"""Owner-only files in the running desk (the store's -wal/-shm while it is open,
settings, the script cache), whatever the umask; an older loose file is tightened;
and a DEBUG log of saving, reviewing and revealing a ticket holds no number."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from callcenter.app import AppOptions, build
from callcenter.domain.clock import SystemClock
from callcenter.domain.ticket import TicketDraft
from callcenter.services.demo.users import seed_demo_users
from callcenter.services.diagnostics.logfile import close_logging, setup_logging
from callcenter.services.privacy.files import write_private_text
from callcenter.services.privacy.reveal import RevealRecord

ID_NUMBER = "110105199001011234"
PHONE = "13800138002"
ACCOUNT = "3100123456"


def modes(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): stat.S_IMODE(p.stat().st_mode) for p in [root, *root.rglob("*")]}


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_store_wal_shm_settings_are_owner_only_while_running(
        qtbot: QtBot, tmp_path: Path, loose_umask: None) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    (data / "settings.toml").write_text('workstation = "W9"\n', encoding="utf-8")
    os.chmod(data / "settings.toml", 0o644)  # left readable by an older version
    ctx = build(AppOptions(data_dir=data, demo=True, workstation="W9"))
    try:
        qtbot.addWidget(ctx.window)
        ctx.telephony.stop()
        ctx.desk.sign_in("1001")  # a demo agent
        ctx.desk.tickets.save(TicketDraft(category="inquiry", content="咨询", caller_name="王五",
                                          caller_phone=PHONE), agent_id="1001").result(timeout=5)
        found = modes(data)
        assert {"desk.sqlite3", "desk.sqlite3-wal", "desk.sqlite3-shm", "settings.toml"} <= set(found)
        assert {k: oct(v) for k, v in found.items()
                if v != (0o700 if (data / k).is_dir() else 0o600)} == {}
    finally:
        ctx.shutdown()


def test_private_write_replaces_atomically_with_0600(tmp_path: Path, loose_umask: None) -> None:
    path = tmp_path / "out" / "export.csv"
    write_private_text(path, "a\n")
    write_private_text(path, "b\n")
    assert path.read_text() == "b\n" and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["export.csv"]


def test_debug_log_of_save_review_and_reveal_holds_no_number(qtbot: QtBot, tmp_path: Path) -> None:
    log_path = setup_logging("DEBUG", tmp_path / "logs")
    records: list[RevealRecord] = []
    ctx = build(AppOptions(data_dir=tmp_path / "data", workstation="W8",
                           reveal_recorder=records.append))
    try:
        qtbot.addWidget(ctx.window)
        ctx.telephony.stop()
        seed_demo_users(ctx.db, ctx.desk.profile, SystemClock(), "W8")  # 7001 is a QA reviewer
        ctx.desk.sign_in("1024")
        draft = TicketDraft(category="complaint", content=f"身份证{ID_NUMBER}，回电{PHONE}",
                            caller_name="王五", caller_phone=PHONE, account_no=ACCOUNT)
        saved = ctx.desk.tickets.save(draft, agent_id="1024").result(timeout=5)
        ctx.desk.sign_out()
        ctx.desk.sign_in("7001")
        lifecycle = next(k for k in ctx.keep if type(k).__name__ == "LifecycleController")
        lifecycle.open_ticket(saved.id)
        qtbot.waitUntil(lambda: saved.id in lifecycle.dialogs)
        dlg = lifecycle.dialogs[saved.id]
        assert ID_NUMBER not in dlg.header.text() and "110105********1234" in dlg.header.text()
        dlg.ask_reveal()
        dlg.reveal_dialog.reason.setText(f"核对身份证{ID_NUMBER}")
        dlg.reveal_dialog._ok()
        assert ID_NUMBER in dlg.header.text() and len(records) == 1
        ctx.desk.sign_out()
        qtbot.waitUntil(lambda: saved.id not in lifecycle.dialogs)
    finally:
        ctx.shutdown()
        logging.getLogger("callcenter.test").info("done")
        close_logging()
    text = log_path.read_text(encoding="utf-8")
    assert "agent 7001 signed in" in text and "full number shown to user 7001" in text
    for number in (ID_NUMBER, PHONE, ACCOUNT):
        assert number not in text
