"""The audit trail as pure rules: which actions are audited, the canonical bytes
of a record, the hash chain that links a desk's records, and checking a chain.

Stdlib only; the time of a record comes in as an argument.
"""

from .chain import (
    ZERO_HASH,
    AuditAction,
    AuditEntry,
    ChainBreak,
    StoredLink,
    Walked,
    canonical_payload,
    chain_hash,
    parse_payload,
    stored_link,
    verify,
    walk,
)

__all__ = [
    "ZERO_HASH", "AuditAction", "AuditEntry", "ChainBreak", "StoredLink", "canonical_payload",
    "Walked", "chain_hash", "parse_payload", "stored_link", "verify", "walk",
]
