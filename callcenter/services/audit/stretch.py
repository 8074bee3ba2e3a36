"""One stretch of a desk's audit chain read straight from the SQLite file, for
``verify_store`` (verify.py), which runs one of these per core as a child
process: ``python -m callcenter.services.audit.stretch PATH DESK FIRST LAST
FIRST_PREV`` prints what the walk found as one JSON object. It imports only the
standard library and the domain, so a child starts in a fraction of a second.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterator
from typing import cast

from callcenter.domain.audit import ChainBreak, StoredLink, Walked, walk

# the bytes the hash covers come out of SQLite already joined and encoded
_COLUMNS = "SELECT seq, prev_hash, hash, CAST(prev_hash || payload AS BLOB) FROM audit_log "
LINKS_SQL = _COLUMNS + "WHERE desk = ? ORDER BY seq"  # a desk's whole chain
STRETCH_SQL = _COLUMNS + "WHERE desk = ? AND seq BETWEEN ? AND ? ORDER BY seq"
ANY_PREV = "-"  # FIRST_PREV for a stretch whose first record is checked against the one before by the caller


def walk_stretch(path: str, desk: str, first: int, last: int, first_prev: str | None) -> Walked:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        rows = cast(Iterator[StoredLink], con.execute(STRETCH_SQL, (desk, first, last)))
        return walk(rows, first, first_prev)
    finally:
        con.close()


def to_json(w: Walked) -> str:
    brk = None if w.brk is None else [w.brk.seq, w.brk.problem]
    return json.dumps({"brk": brk, "first_prev": w.first_prev, "last_hash": w.last_hash, "count": w.count})


def from_json(text: str) -> Walked:
    d = json.loads(text)
    brk = None if d["brk"] is None else ChainBreak(int(d["brk"][0]), str(d["brk"][1]))
    return Walked(brk, d["first_prev"], d["last_hash"], int(d["count"]))


def main(argv: list[str]) -> int:
    path, desk, first, last, first_prev = argv
    walked = walk_stretch(path, desk, int(first), int(last), None if first_prev == ANY_PREV else first_prev)
    sys.stdout.write(to_json(walked) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
