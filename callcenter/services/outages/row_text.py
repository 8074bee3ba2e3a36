"""The text an imported outage row is stored and synced as, built directly.

A 50,000-row import writes about 125,000 rows and as many sync ops; building
each as a dict of Python values and then converting every value (``_db`` for
the store, ``to_wire`` for the op, then the JSON encoder) cost more than the
inserts themselves. Here each value is turned into its text once: a time's
wire text (``to_wire``: ISO 8601 in UTC) gives its store text by slicing, an
id is hashed straight to its 32-digit hex, and an op's ``fields`` are written
as the JSON text ``sync_models.dump_fields`` would write for the same dict
(same keys in the same order, compact separators, strings escaped by the
encoder's own function, non-ASCII kept as UTF-8). tests/outages/
test_outage_row_text.py holds both spellings side by side.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from json.encoder import encode_basestring as json_str  # what dump_fields' encoder escapes with
from typing import Any
from zoneinfo import ZoneInfo


def uuid5_hex(namespace: bytes, name: str) -> str:
    """``uuid.uuid5(UUID(bytes=namespace), name).hex``, without the UUID objects."""
    b = bytearray(hashlib.sha1(namespace + name.encode(), usedforsecurity=False).digest()[:16])
    b[6] = b[6] & 0x0F | 0x50  # version 5
    b[8] = b[8] & 0x3F | 0x80  # RFC 4122 variant
    return b.hex()


def dashed(hex_id: str) -> str:
    """``str(UUID(hex_id))``: how an id travels in an op's fields."""
    h = hex_id
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


_UTC_ZONES = (UTC, ZoneInfo("UTC"))  # what a parsed time carries: isoformat is the wire text


def wire_time(value: datetime | None) -> str | None:
    """``protocol.to_wire`` of a time (None stays None)."""
    if value is None:
        return None
    if value.tzinfo in _UTC_ZONES:
        return value.isoformat()
    if value.tzinfo is None:
        raise ValueError("naive datetime on the wire")
    if value.utcoffset():
        value = value.astimezone(UTC)
    w = value.isoformat()
    return w if w.endswith("+00:00") else value.astimezone(UTC).isoformat()


def store_time(wire: str | None) -> str | None:
    """The store's text of a time (what UTCDateTime writes on SQLite:
    ``YYYY-MM-DD HH:MM:SS.ffffff`` in UTC) from its wire text."""
    if wire is None:
        return None
    if wire[19] == ".":
        return f"{wire[:10]} {wire[11:19]}.{wire[20:26]}"
    return f"{wire[:10]} {wire[11:19]}.000000"


def _t(wire: str | None) -> str:
    return "null" if wire is None else f'"{wire}"'


def new_outage_fields(source_id: str, now: str, workstation: str, kind: str, cause: str, status: str,
                      start: str | None, expected: str | None, actual: str | None,
                      announced: str | None, short: bool, area: str, source: str) -> str:
    """The JSON ``fields`` of a new outage's upsert (times as wire text)."""
    return (f'{{"source_id":{json_str(source_id)},"version":1,"updated_at":"{now}","deleted_at":null,'
            f'"origin_workstation":{json_str(workstation)},"kind":{json_str(kind)},'
            f'"cause":{json_str(cause)},"status":{json_str(status)},"start_at":{_t(start)},'
            f'"expected_restore_at":{_t(expected)},"actual_restore_at":{_t(actual)},'
            f'"announced_at":{_t(announced)},"short_notice":{"true" if short else "false"},'
            f'"area":{json_str(area)},"source":{json_str(source)}}}')


def new_target_fields(outage_id: str, kind: str, value: str, key: str, now: str, workstation: str) -> str:
    """The JSON ``fields`` of a new target's upsert (``outage_id`` dashed)."""
    return (f'{{"outage_id":"{outage_id}","kind":{json_str(kind)},"value":{json_str(value)},'
            f'"key":{json_str(key)},"version":1,"updated_at":"{now}","deleted_at":null,'
            f'"origin_workstation":{json_str(workstation)}}}')


def wire_of_store(text: str | None) -> str | None:
    """A time's wire text from its store text (``store_time`` backwards)."""
    if text is None:
        return None
    micro = text[20:26]
    return f"{text[:10]}T{text[11:19]}+00:00" if micro == "000000" else f"{text[:10]}T{text[11:26]}+00:00"


def outage_row_fields(row: tuple[Any, ...]) -> str:
    """``new_outage_fields`` of a new outage's store row (``records.COLUMNS_OF`` order)."""
    (_, source_id, kind, cause, status, start, expected, actual, announced, short, area, source, _, updated,
     _, workstation) = row
    return new_outage_fields(source_id, wire_of_store(updated) or "", workstation, kind, cause, status,
                             wire_of_store(start), wire_of_store(expected), wire_of_store(actual),
                             wire_of_store(announced), bool(short), area, source)


def target_row_fields(row: tuple[Any, ...]) -> str:
    """``new_target_fields`` of a new target's store row (``records.COLUMNS_OF`` order)."""
    _, outage_id, kind, value, key, _, updated, _, workstation = row
    return new_target_fields(dashed(outage_id), kind, value, key, wire_of_store(updated) or "", workstation)


# The same text, made by SQLite from the stored rows (sync.outbox.record_row_ops):
# json_object escapes strings as dump_fields does (compact, UTF-8 kept; checked in
# tests/outages/test_outage_row_text.py), the times' wire text cut from their store text.
def _w(col: str) -> str:
    return (f"CASE WHEN {col} IS NULL THEN NULL WHEN substr({col}, 21) = '000000' "
            f"THEN substr({col}, 1, 10) || 'T' || substr({col}, 12, 8) || '+00:00' "
            f"ELSE substr({col}, 1, 10) || 'T' || substr({col}, 12, 15) || '+00:00' END")


_DASHED = ("substr(outage_id, 1, 8) || '-' || substr(outage_id, 9, 4) || '-' || substr(outage_id, 13, 4) "
           "|| '-' || substr(outage_id, 17, 4) || '-' || substr(outage_id, 21)")
OUTAGE_OPS_SQL = (
    "SELECT id AS row_id, rowid AS ord, json_object('source_id', source_id, 'version', version, "
    f"'updated_at', {_w('updated_at')}, 'deleted_at', {_w('deleted_at')}, "
    "'origin_workstation', origin_workstation, 'kind', kind, 'cause', cause, 'status', status, "
    f"'start_at', {_w('start_at')}, 'expected_restore_at', {_w('expected_restore_at')}, "
    f"'actual_restore_at', {_w('actual_restore_at')}, 'announced_at', {_w('announced_at')}, "
    "'short_notice', json(CASE WHEN short_notice THEN 'true' ELSE 'false' END), 'area', area, "
    "'source', source) AS fields FROM outages WHERE rowid > ? AND rowid <= ?")
TARGET_OPS_SQL = (
    f"SELECT id AS row_id, rowid AS ord, json_object('outage_id', {_DASHED}, 'kind', kind, 'value', value, "
    f"'key', \"key\", 'version', version, 'updated_at', {_w('updated_at')}, "
    f"'deleted_at', {_w('deleted_at')}, 'origin_workstation', origin_workstation) AS fields "
    "FROM outage_targets WHERE rowid > ? AND rowid <= ?")
