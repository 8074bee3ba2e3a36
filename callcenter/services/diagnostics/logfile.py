"""The desk's diagnostic log: what support reads when something went wrong.

Where: ``$CALLCENTER_LOG_DIR`` if set; else ``DATA_DIR/logs`` when the desk was
started with an explicit ``--data-dir`` (tests and second desks keep their log
beside their store); else ``platformdirs.user_log_dir("callcenter")``. The file
is ``callcenter.log``, rotated at 2 MB with 5 old files kept, owner-only (0600,
directory 0700).

What: start-up, sign-in and sign-out, agent/telephony state changes, sync rounds
and every error with its traceback (uncaught exceptions of any thread and of Qt
slots, through ``install_excepthooks``). Never a phone number, account, ID number
or password: callers log ids (call, ticket, user) only, and ``RedactingFilter``
replaces any run of 7+ digits left in a message or traceback as a safety net.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType

import platformdirs

from callcenter.domain.privacy.masking import redact_numbers
from callcenter.services.privacy.files import FILE_MODE, ensure_private_dir

LOG_DIR_ENV = "CALLCENTER_LOG_DIR"
LOG_FILE = "callcenter.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 5
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"

log = logging.getLogger("callcenter")


def log_dir(data_dir: Path | None = None, environ: Mapping[str, str] = os.environ) -> Path:
    """Where the log goes (rules in the module docstring)."""
    if environ.get(LOG_DIR_ENV):
        return Path(environ[LOG_DIR_ENV])
    if data_dir is not None:
        return data_dir / "logs"
    return Path(platformdirs.user_log_dir("callcenter", appauthor=False))


class RedactingFilter(logging.Filter):
    """Replaces digit runs that look like phone, account or ID numbers in the
    message, its traceback and stack (``domain.privacy.masking.redact_numbers``)."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact_numbers(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact_numbers(record.exc_text)
        if record.stack_info:
            record.stack_info = redact_numbers(record.stack_info)
        return True


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file handler whose files are created 0600 whatever the umask."""

    def _open(self):  # type: ignore[no-untyped-def]  # the stdlib's signature
        fd = os.open(self.baseFilename, os.O_CREAT | os.O_WRONLY | os.O_APPEND, FILE_MODE)
        os.fchmod(fd, FILE_MODE)
        return os.fdopen(fd, "a", encoding=self.encoding or "utf-8", errors=self.errors)


_installed: logging.Handler | None = None


def setup_logging(level: str = "INFO", directory: Path | None = None) -> Path:
    """Send the ``callcenter`` loggers (and warnings) to the private rotating file;
    returns its path. Calling it again replaces the previous file handler."""
    global _installed
    if level.upper() not in LEVELS:
        raise ValueError(f"unknown log level {level!r} (one of {', '.join(LEVELS)})")
    directory = ensure_private_dir(directory or log_dir())
    path = directory / LOG_FILE
    handler = PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                         encoding="utf-8")
    handler.addFilter(RedactingFilter())
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    if _installed is not None:
        root.removeHandler(_installed)
        _installed.close()
    root.addHandler(handler)
    _installed = handler
    root.setLevel(logging.WARNING)  # third-party libraries: warnings and errors only
    log.setLevel(level.upper())
    logging.captureWarnings(True)
    return path


def close_logging() -> None:
    """Detach and close the file; the loggers' levels go back to Python's defaults."""
    global _installed
    if _installed is not None:
        logging.getLogger().removeHandler(_installed)
        _installed.close()
        _installed = None
    log.setLevel(logging.NOTSET)
    logging.captureWarnings(False)


def _log_uncaught(kind: str, exc_type: type[BaseException], exc: BaseException,
                  tb: TracebackType | None) -> None:
    log.error("uncaught exception (%s)", kind, exc_info=(exc_type, exc, tb))


def install_excepthooks() -> None:
    """Log every uncaught exception with its traceback, then let the previous hook
    run. PySide6 hands an exception raised in a slot to ``sys.excepthook``."""
    prev_sys = sys.excepthook
    prev_thread = threading.excepthook

    def sys_hook(exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
        if not issubclass(exc_type, KeyboardInterrupt):
            _log_uncaught("main thread or Qt slot", exc_type, exc, tb)
        prev_sys(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            _log_uncaught(f"thread {args.thread.name if args.thread else '?'}", args.exc_type,
                          args.exc_value, args.exc_traceback)
        prev_thread(args)

    sys.excepthook = sys_hook
    threading.excepthook = thread_hook
