"""The diagnostic log: where it goes, owner-only, rotated, numbers redacted,
uncaught exceptions with their traceback."""

from __future__ import annotations

import logging
import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from callcenter.services.diagnostics import logfile
from callcenter.services.diagnostics.logfile import (
    LOG_DIR_ENV,
    close_logging,
    install_excepthooks,
    log_dir,
    setup_logging,
)


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


@pytest.fixture
def logged(tmp_path: Path) -> Iterator[Path]:
    path = setup_logging("DEBUG", tmp_path / "logs")
    yield path
    close_logging()


def test_log_dir_env_then_data_dir_then_user_log_dir(tmp_path: Path) -> None:
    assert log_dir(tmp_path, {LOG_DIR_ENV: "/x/y"}) == Path("/x/y")
    assert log_dir(tmp_path, {}) == tmp_path / "logs"
    default = log_dir(None, {})
    assert default.name in ("log", "callcenter") and "callcenter" in str(default)


def test_file_and_directory_are_owner_only_even_with_a_loose_umask(tmp_path: Path) -> None:
    import os

    old = os.umask(0o022)
    try:
        path = setup_logging("INFO", tmp_path / "logs")
        logging.getLogger("callcenter.test").info("hello")
    finally:
        os.umask(old)
        close_logging()
    assert mode(path) == 0o600 and mode(path.parent) == 0o700
    assert "hello" in path.read_text(encoding="utf-8")


def test_rotated_files_stay_owner_only(logged: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    handler = logfile._installed
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    monkeypatch.setattr(handler, "maxBytes", 2000)
    for i in range(100):
        logging.getLogger("callcenter.test").info("line %d %s", i, "x" * 50)
    rotated = sorted(logged.parent.glob("callcenter.log.*"))
    assert rotated, "nothing rotated"
    assert all(mode(p) == 0o600 for p in [logged, *rotated])


def test_numbers_are_redacted_in_messages_args_and_tracebacks(logged: Path) -> None:
    log = logging.getLogger("callcenter.test")
    log.info("caller 13812341234 account %s", "3100123456")
    try:
        raise ValueError("bad ID 110105199001011234")
    except ValueError:
        log.exception("failed for %s", "0731-84567890")
    text = logged.read_text(encoding="utf-8")
    for secret in ("13812341234", "3100123456", "110105199001011234", "84567890"):
        assert secret not in text
    assert "ValueError: bad ID [number]" in text and "Traceback" in text


def test_level_is_applied_and_bad_level_refused(tmp_path: Path) -> None:
    path = setup_logging("WARNING", tmp_path / "logs")
    try:
        logging.getLogger("callcenter.test").info("quiet")
        logging.getLogger("callcenter.test").warning("loud")
    finally:
        close_logging()
    text = path.read_text(encoding="utf-8")
    assert "loud" in text and "quiet" not in text
    with pytest.raises(ValueError):
        setup_logging("CHATTY", tmp_path / "logs")


def test_uncaught_exceptions_of_threads_and_slots_are_logged(
        logged: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: seen.append(f"sys {e}"))
    monkeypatch.setattr(threading, "excepthook", lambda a: seen.append(f"thread {a.exc_value}"))
    install_excepthooks()

    def boom() -> None:
        raise RuntimeError("worker broke")

    t = threading.Thread(target=boom, name="worker-1")
    t.start()
    t.join()
    try:
        raise KeyError("slot broke")
    except KeyError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    text = logged.read_text(encoding="utf-8")
    assert "uncaught exception (thread worker-1)" in text and "RuntimeError: worker broke" in text
    assert "uncaught exception (main thread or Qt slot)" in text and "KeyError: 'slot broke'" in text
    assert seen == ["thread worker broke", "sys 'slot broke'"]  # the previous hooks still run
