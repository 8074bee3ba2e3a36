"""The roles a user can have and the actor (a user acting in one role).

They live here, below both the permission table and the ticket lifecycle, so
neither imports the other's module for them; ``domain.ticket_lifecycle``
re-exports both names.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Role(Enum):
    AGENT = "agent"  # 客户代表/坐席
    SHIFT_LEAD = "shift_lead"  # 值班长
    DEPARTMENT = "department"  # 处理部门 (with its department)
    QA = "qa"  # 质检员
    ADMIN = "admin"  # 系统管理员


@dataclass(frozen=True)
class Actor:
    user_id: str
    role: Role
    department: str | None = None  # for department users
