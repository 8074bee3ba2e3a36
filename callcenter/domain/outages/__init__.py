"""Outage rules: kinds and statuses, when an outage is active/upcoming/restored,
the planned-outage notice rule (commitment 7), and address matching.

Pure standard library; every time comes in as an argument.
"""

from .address import Address, covers, normalise, parse_address, split_chunks
from .windows import (
    NOTICE_DAYS,
    RECENT_RESTORE,
    OutageKind,
    OutageStatus,
    OutageTimes,
    Phase,
    lapsed,
    overdue,
    phase_at,
    short_notice,
)

__all__ = [
    "NOTICE_DAYS", "RECENT_RESTORE", "Address", "OutageKind", "OutageStatus", "OutageTimes",
    "Phase", "covers", "lapsed", "normalise", "overdue", "parse_address", "phase_at", "short_notice",
    "split_chunks",
]
