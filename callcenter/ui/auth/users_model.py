"""The site's users as a Qt table model (the administrators' user screen)."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from callcenter.domain.ticket_lifecycle import Role
from callcenter.services.auth.directory import UserInfo

_Index = QModelIndex | QPersistentModelIndex


def role_label(role: Role) -> str:
    return {
        Role.AGENT: QCoreApplication.translate("UsersModel", "Agent"),
        Role.SHIFT_LEAD: QCoreApplication.translate("UsersModel", "Shift lead"),
        Role.QA: QCoreApplication.translate("UsersModel", "QA reviewer"),
        Role.DEPARTMENT: QCoreApplication.translate("UsersModel", "Department user"),
        Role.ADMIN: QCoreApplication.translate("UsersModel", "Administrator"),
    }[role]


class UsersModel(QAbstractTableModel):
    def __init__(self, timezone: str, departments: dict[str, str] | None = None) -> None:
        super().__init__()
        self._tz = ZoneInfo(timezone)
        self._departments = departments or {}  # code -> the label shown
        self.rows: list[UserInfo] = []
        self._headers = [self.tr("ID"), self.tr("Name"), self.tr("Role"),
                         self.tr("Team / department"), self.tr("State")]

    def set_rows(self, rows: list[UserInfo]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def state_text(self, u: UserInfo) -> str:
        parts = []
        if u.disabled:
            parts.append(self.tr("disabled"))
        if u.locked_until is not None:
            parts.append(self.tr("locked until %1").replace(
                "%1", u.locked_until.astimezone(self._tz).strftime("%H:%M")))
        if u.must_change_password:
            parts.append(self.tr("must change password"))
        return "，".join(parts) if parts else self.tr("active")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        u = self.rows[index.row()]
        where = self._departments.get(u.department, u.department) if u.department else u.team
        return (u.user_id, u.name, role_label(u.role), where or "",
                self.state_text(u))[index.column()]
