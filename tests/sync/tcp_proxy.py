"""A TCP proxy on loopback in front of the test PostgreSQL, that can cut connections.

The session's server (pgserver) listens on a unix socket only; the proxy
listens on ``127.0.0.1:<free port>`` and forwards each connection to the
socket, so desks connect over real TCP (``postgresql://role:pw@127.0.0.1:port/db``)
and the server still sees a local login (the desk roles' SCRAM passwords are
checked as usual).

Faults, armed from the test:

* ``cut_after(client_bytes=n)``: the next ``n`` bytes from desks pass, then the
  connection that carried the last of them is reset (RST) on both sides: a
  request cut mid-message, which the server must roll back;
* ``cut_after(server_bytes=n)``: the same for bytes from the server, so a
  desk loses central's answer after central has committed;
* ``cut_at_row()``: the next server-to-desk stream passes up to and including
  the first byte of its first DataRow (``D``) message, then the connection is
  reset: the desk loses the answer of a statement central has run and (in
  autocommit) committed: PostgreSQL sends the buffered rows at the end of the
  statement, after the commit. Counting bytes cannot say that: psycopg
  prepares a statement it has run five times, and the server's first bytes are
  then the answer to the Parse, sent before the statement runs;
* ``refuse(True)``: new connections are accepted and closed at once (central
  "down"); ``drop_all()`` resets every open connection.

A cut fires once and disarms. Each connection is two plain threads copying
bytes; nothing sleeps or polls.
"""

from __future__ import annotations

import socket
import struct
import threading
from pathlib import Path


class TcpProxy:
    def __init__(self, unix_path: Path) -> None:
        self.target = str(unix_path)
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port: int = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._budget: dict[str, int | None] = {"client": None, "server": None}
        self._row_cut = False  # cut_at_row armed
        self._skip = 0  # bytes of the current server message still to come (cut_at_row)
        self._carry = b""  # the start of a message header split across chunks
        self._refuse = False
        self._open: set[tuple[socket.socket, socket.socket]] = set()
        self.connections = 0
        self.cuts: list[str] = []  # "client" / "server" for every cut that fired
        self._cut_event = threading.Condition(self._lock)
        self._closed = False
        self._thread = threading.Thread(target=self._accept, name="tcp-proxy", daemon=True)
        self._thread.start()

    # --- control -----------------------------------------------------------
    def url(self, user: str, password: str, dbname: str) -> str:
        return f"postgresql://{user}:{password}@127.0.0.1:{self.port}/{dbname}?sslmode=disable"

    def cut_after(self, *, client_bytes: int | None = None, server_bytes: int | None = None) -> None:
        with self._lock:
            if client_bytes is not None:
                self._budget["client"] = client_bytes
            if server_bytes is not None:
                self._budget["server"] = server_bytes

    def cut_at_row(self) -> None:
        """Arm between statements (the next server byte starts a message)."""
        with self._lock:
            self._row_cut, self._skip, self._carry = True, 0, b""

    def _row_cut_at(self, data: bytes) -> int | None:
        """Where in ``data`` the first DataRow starts (messages walked from the last
        boundary, a header split across chunks carried over), or None."""
        buf = self._carry + data
        base = len(self._carry)
        i = self._skip
        while i < len(buf):
            if buf[i:i + 1] == b"D":
                self._carry = b""
                return max(i - base, 0)
            if i + 5 > len(buf):
                self._carry, self._skip = buf[i:], 0
                return None
            (length,) = struct.unpack("!I", buf[i + 1:i + 5])
            i += 1 + length
        self._carry, self._skip = b"", i - len(buf)
        return None

    def disarm(self) -> None:
        with self._lock:
            self._budget = {"client": None, "server": None}
            self._row_cut = False

    def refuse(self, on: bool) -> None:
        with self._lock:
            self._refuse = on

    def drop_all(self) -> None:
        with self._lock:
            pairs = list(self._open)
        for pair in pairs:
            self._reset(pair)

    def wait_cut(self, count: int, timeout: float = 30.0) -> bool:
        with self._cut_event:
            return self._cut_event.wait_for(lambda: len(self.cuts) >= count, timeout)

    def close(self) -> None:
        self._closed = True
        try:
            self._listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._listener.close()
        self.drop_all()
        self._thread.join(timeout=5)

    # --- plumbing ------------------------------------------------------------
    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                refuse = self._refuse
            if refuse:
                _rst(client)
                continue
            upstream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                upstream.connect(self.target)
            except OSError:  # the server is down: like a refused TCP connection
                upstream.close()
                _rst(client)
                continue
            pair = (client, upstream)
            with self._lock:
                self._open.add(pair)
                self.connections += 1
            for src, dst, side in ((client, upstream, "client"), (upstream, client, "server")):
                threading.Thread(target=self._pump, args=(pair, src, dst, side),
                                 name=f"tcp-proxy-{side}", daemon=True).start()

    def _pump(self, pair: tuple[socket.socket, socket.socket], src: socket.socket,
              dst: socket.socket, side: str) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                cut = False
                with self._lock:
                    if side == "server" and self._row_cut:
                        at = self._row_cut_at(data)
                        if at is not None:
                            data, cut, self._row_cut = data[:at + 1], True, False
                    left = self._budget[side]
                    if left is not None:
                        if len(data) >= left:
                            data, cut = data[:left], True
                            self._budget[side] = None
                        else:
                            self._budget[side] = left - len(data)
                if data:
                    dst.sendall(data)
                if cut:
                    with self._cut_event:  # recorded before the desk can see the reset
                        self.cuts.append(side)
                        self._cut_event.notify_all()
                    self._reset(pair)
                    return
        except OSError:
            pass
        # one side closed: close the other, as a TCP peer would see it
        self._reset(pair, graceful=True)

    def _reset(self, pair: tuple[socket.socket, socket.socket], graceful: bool = False) -> None:
        with self._lock:
            if pair not in self._open:
                return
            self._open.discard(pair)
        client, upstream = pair
        # shutdown wakes the other pump blocked in recv (a bare close would not)
        _shutdown(upstream, socket.SHUT_RDWR)
        upstream.close()
        if graceful:
            _shutdown(client, socket.SHUT_RDWR)
            client.close()
        else:
            _shutdown(client, socket.SHUT_RD)  # wakes our reader, sends nothing
            _rst(client)


def _shutdown(sock: socket.socket, how: int) -> None:
    try:
        sock.shutdown(how)
    except OSError:
        pass


def _rst(sock: socket.socket) -> None:
    """Close with a reset (SO_LINGER 0), as a dropped network path looks to the desk."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()
    except OSError:
        pass
