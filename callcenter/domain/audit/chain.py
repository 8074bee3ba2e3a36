"""The audit log's records and their hash chain.

A desk's records are numbered ``seq`` 1, 2, 3, ... Each carries ``prev_hash``,
the ``hash`` of the desk's record before it (64 zeros for the first), and its
own ``hash``::

    hash = SHA-256(prev_hash as ASCII hex || payload as UTF-8), in lower-case hex

where ``payload`` is the canonical JSON of the record's fields (``desk``,
``seq``, ``at`` as UTC ISO 8601 with microseconds, ``user_id``, ``action``,
``subject``, ``detail``): keys sorted, no whitespace, non-ASCII as itself,
UTF-8. The payload text is stored beside the hash, so anyone (central's trigger
in SQL, ``callcenter audit verify``) recomputes the hash from stored bytes
without re-serialising JSON, and the fields shown are read back from it.

A changed record no longer matches its hash; a deleted one leaves a gap in
``seq`` (or, renumbered, a record chained to one that is not its neighbour);
an inserted one repeats a ``seq`` or sits between two records chained to each
other. What a chain cannot show by itself is a rewrite of its newest records
with every hash recomputed: central keeps the copy the desk pushed and checks
each desk's chain as it arrives.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from hashlib import sha256
from itertools import chain

ZERO_HASH = "0" * 64


class AuditAction(StrEnum):
    """What a record is about (the stored text is the value)."""

    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_OUT = "sign_out"
    LOCKED_OUT = "locked_out"
    SCREEN_UNLOCKED = "screen_unlocked"
    USER_SWITCHED = "user_switched"
    USER_ADDED = "user_added"
    USER_DISABLED = "user_disabled"
    USER_ENABLED = "user_enabled"
    PASSWORD_RESET = "password_reset"
    PASSWORD_CHANGED = "password_changed"
    ROLE_CHANGED = "role_changed"
    UNMASK = "unmask"
    TICKET_EDITED_AFTER_DISPATCH = "ticket_edited_after_dispatch"
    HANDOVER_CONFIRMED = "handover_confirmed"
    HANDOVER_ADDENDUM = "handover_addendum"
    HANDOVER_SUBMITTED = "handover_submitted"
    HANDOVER_CONFIRM_REFUSED = "handover_confirm_refused"  # wrong password or already confirmed
    SIGN_OUT_OVERRIDE = "sign_out_override"  # a lead left before the incoming shift signed in
    SCRIPT_PUBLISHED = "script_published"
    SITE_PUBLISHED = "site_published"
    EXPORT = "export"
    EMERGENCY_RAISED = "emergency_raised"
    EMERGENCY_CLEARED = "emergency_cleared"
    QA_REVIEW_RELEASED = "qa_review_released"  # a QA review scored and released to the agent
    QA_REVIEW_SIGNED_OFF = "qa_review_signed_off"
    QA_REVIEW_DISPUTED = "qa_review_disputed"
    QA_REVIEW_RESCORED = "qa_review_rescored"
    QA_REVIEW_DECLINED = "qa_review_declined"  # a dispute declined, with a reason


@dataclass(frozen=True)
class AuditEntry:
    """One record's fields, as hashed."""

    desk: str
    seq: int
    at: datetime
    user_id: str | None
    action: str
    subject: str = ""
    detail: Mapping[str, str] = field(default_factory=dict)


def utc_iso(at: datetime) -> str:
    if at.tzinfo is None:
        raise ValueError("naive datetime: audit records are UTC and must be timezone-aware")
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def _text(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"audit {name} must be text, not {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate: not storable as UTF-8
        raise ValueError(f"audit {name} is not valid text: {exc.reason}") from None
    return value


def canonical_payload(entry: AuditEntry) -> str:
    """The canonical JSON text of a record (hashed as UTF-8)."""
    if isinstance(entry.seq, bool) or not isinstance(entry.seq, int) or entry.seq < 1:
        raise ValueError(f"audit seq must be a whole number from 1, not {entry.seq!r}")
    action = entry.action.value if isinstance(entry.action, AuditAction) else entry.action
    detail = {_text("detail key", k): _text(f"detail {k!r}", v) for k, v in entry.detail.items()}
    return json.dumps({
        "desk": _text("desk", entry.desk),
        "seq": entry.seq,
        "at": utc_iso(entry.at),
        "user_id": None if entry.user_id is None else _text("user_id", entry.user_id),
        "action": _text("action", action),
        "subject": _text("subject", entry.subject),
        "detail": detail,
    }, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def chain_hash(prev_hash: str, payload: str) -> str:
    """SHA-256 of ``prev_hash || payload`` (UTF-8), lower-case hex."""
    return sha256((prev_hash + payload).encode("utf-8")).hexdigest()


def parse_payload(payload: str) -> AuditEntry:
    """The fields of a stored payload (ValueError when it is not one)."""
    try:
        d = json.loads(payload)
        entry = AuditEntry(desk=d["desk"], seq=d["seq"], at=datetime.fromisoformat(d["at"]),
                           user_id=d["user_id"], action=d["action"], subject=d["subject"],
                           detail=dict(d["detail"]))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not an audit payload: {exc}") from None
    return entry


# What verify reads of each stored record, in the chain's order (seq, then any
# fixed order): (seq, prev_hash, hash, covered), where ``covered`` is the bytes
# the hash covers, ``prev_hash || payload`` in UTF-8, as the store's query
# builds them from the same row (``CAST(prev_hash || payload AS BLOB)`` in
# SQLite, ``convert_to(prev_hash || payload, 'UTF8')`` on central): SQLite does
# the concatenation and no text is decoded and encoded again per record.
StoredLink = tuple[int, str, str, bytes]


def stored_link(seq: int, prev_hash: str, hash_: str, payload: str) -> StoredLink:
    """A link from a row's columns (tests, small callers)."""
    return (seq, prev_hash, hash_, (prev_hash + payload).encode("utf-8"))


@dataclass(frozen=True)
class ChainBreak:
    """The first place a chain does not hold."""

    seq: int
    problem: str

    def __str__(self) -> str:
        return f"record {self.seq}: {self.problem}"


@dataclass(frozen=True)
class Walked:
    """What walking a stretch of a chain found: its first break (None: it holds),
    the ``prev_hash`` its first record carried, the hash of its last record (as
    stored) and how many records it checked before stopping."""

    brk: ChainBreak | None
    first_prev: str | None
    last_hash: str | None
    count: int


def verify(records: Iterable[StoredLink]) -> ChainBreak | None:
    """Check one desk's whole chain, records in ``seq`` order (ties in any fixed
    order); None when every record is where its hashes say. Streams: a million
    records need not be in memory at once."""
    return walk(records).brk


def walk(records: Iterable[StoredLink], first_seq: int = 1, first_prev: str | None = ZERO_HASH) -> Walked:
    """Check a stretch of a chain that starts at ``first_seq``. Its first record
    must carry ``first_prev`` (None: whatever it carries, for a stretch checked
    apart from the one before it; the caller compares ``Walked.first_prev`` with
    that stretch's ``last_hash``).

    The loop does the minimum per record (one SHA-256, a few comparisons); the
    diagnosis of a break (changed, deleted, inserted, wrong prev hash) is worked
    out only when one is found.
    """
    it: Iterator[StoredLink] = iter(records)
    expected = first_seq
    head = next(it, None)
    if head is None:
        return Walked(None, None, None, 0)
    start = head[1]
    last = start if first_prev is None else first_prev  # hash of the record before, as stored
    before_last = ""  # and of the one before that ("" when not known)
    for seq, prev_hash, hash_, covered in chain((head,), it):
        if seq != expected:
            return Walked(_seq_break(seq, expected, first_seq), start, last, expected - first_seq)
        if sha256(covered).hexdigest() != hash_:
            return Walked(_content_break(seq, last, next(it, None)), start, last, expected - first_seq)
        if prev_hash != last:
            return Walked(_link_break(seq, prev_hash, before_last), start, last, expected - first_seq)
        before_last, last = last, hash_
        expected += 1
    return Walked(None, start, last, expected - first_seq)


def _seq_break(seq: int, expected: int, first_seq: int = 1) -> ChainBreak:
    if seq < expected and expected > first_seq:
        return ChainBreak(seq, f"inserted: a second record {seq}")
    if seq < expected:
        return ChainBreak(expected, f"missing (deleted): the stretch from record {expected} starts at {seq}")
    if expected == 1:
        return ChainBreak(1, f"missing (deleted): the chain starts at record {seq}")
    return ChainBreak(expected, f"missing (deleted): the chain goes from record {expected - 1} to {seq}")


def _content_break(seq: int, last: str, following: StoredLink | None) -> ChainBreak:
    # an inserted record: its neighbours are still chained to each other
    if following is not None and following[1] == last and following[0] in (seq, seq + 1):
        return ChainBreak(seq, f"inserted: record {following[0]} is chained to the record before it")
    return ChainBreak(seq, "changed: its hash does not match its contents")


def _link_break(seq: int, prev_hash: str, before_last: str) -> ChainBreak:
    if seq == 1:
        return ChainBreak(1, "wrong prev hash: the first record must carry 64 zeros")
    if prev_hash == before_last:
        return ChainBreak(seq - 1, f"inserted: record {seq} is chained to record {seq - 2}")
    return ChainBreak(seq, f"wrong prev hash: not the hash of record {seq - 1} "
                           f"(record {seq - 1} was replaced, or one before {seq} deleted)")
