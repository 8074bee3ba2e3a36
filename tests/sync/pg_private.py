"""A PostgreSQL of a test's own that it may stop and start (central restarts).

The session's server (conftest.py) is shared by every sync test, so it is
never restarted; this one is made with pgserver's own initdb and then driven
with ``pg_ctl`` directly: ``stop(mode)`` (``fast`` is an orderly restart,
``immediate`` a crash with recovery on the next start) and ``start()``, on the
same data directory and unix socket, so URLs stay valid across restarts.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import psycopg


class PrivatePostgres:
    def __init__(self, pgdata: Path) -> None:
        import pgserver
        from pgserver import _commands

        self._pg_ctl = _commands.pg_ctl
        # pgserver runs postgres as its own system user when we are root
        self._user = "pgserver" if os.geteuid() == 0 else None
        self._server = pgserver.get_server(pgdata, cleanup_mode=None)
        self.pgdata = Path(pgdata).resolve()
        info = self._server.get_postmaster_info()
        assert info.socket_dir is not None
        self.socket_dir = Path(info.socket_dir)
        self.port = info.port or 5432
        self.admin_url = self._server.get_uri()
        self.running = True
        hba = self.pgdata / "pg_hba.conf"  # desk roles prove their password, as in production
        hba.write_text("local all /^desk_ scram-sha-256\n" + hba.read_text())
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            # no fsyncs (only an OS crash could lose WAL the OS holds), but synchronous_commit
            # stays on: with it off a crashed server forgets commits it already answered,
            # and a desk that was told "applied" never pushes them again
            for setting in ("fsync", "full_page_writes"):
                conn.execute(f"ALTER SYSTEM SET {setting} = off")
            conn.execute("SELECT pg_reload_conf()")

    @property
    def socket_path(self) -> Path:
        return self.socket_dir / f".s.PGSQL.{self.port}"

    def stop(self, mode: str = "fast") -> None:
        self._pg_ctl(["-w", "-m", mode, "stop"], pgdata=self.pgdata, user=self._user, timeout=60)
        self.running = False

    def start(self) -> None:
        self._pg_ctl(["-w", "-o", '-h ""', "-o", f"-k {self.socket_dir}", "-l",
                      str(self.pgdata / "log"), "start"],
                     pgdata=self.pgdata, user=self._user, timeout=60)
        self.running = True

    def close(self) -> None:
        if self.running:
            try:
                self.stop("immediate")
            except subprocess.CalledProcessError:
                pass
