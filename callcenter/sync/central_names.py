"""Names central's SQL and the desk tools share: the desks' group role, the
kinds of desk, the decisions on a conflict."""

from __future__ import annotations

GROUP_ROLE = "callcenter_desk"
DESK_KINDS = ("agent", "lead", "qa", "department", "admin")
RESOLUTIONS = ("mine", "central", "dismissed")
