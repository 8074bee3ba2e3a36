"""Names central's SQL and the desk tools share: the desks' group role, the
kinds of desk, the decisions on a conflict, the kind of alert central raises
at a break in a desk's audit chain (c0009)."""

from __future__ import annotations

GROUP_ROLE = "callcenter_desk"
DESK_KINDS = ("agent", "lead", "qa", "department", "admin")
RESOLUTIONS = ("mine", "central", "dismissed")
AUDIT_ALERT_KIND = "audit_chain_broken"
