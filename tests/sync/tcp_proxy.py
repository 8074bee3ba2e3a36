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

    def disarm(self) -> None:
        with self._lock:
            self._budget = {"client": None, "server": None}

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
