"""``callcenter users … --central URL``: the same user changes made on central
directly, for a site's administrator (and for the first administrator before
any desk has synced).

Each change is an op pushed with ``sync.push`` on an administrator's
connection (as desk ``ADMIN_DESK``, which only an admin connection may name):
central applies it exactly as a desk's push, bumps the row's version, and every
desk pulls it. The checks are the UserDirectory's, so the command says the same
whether it runs on a desk's store or on central.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import dict_row

from callcenter.domain.auth.lockout import Attempt, LockoutPolicy, locked_until
from callcenter.domain.auth.passwords import new_password_problem
from callcenter.domain.ticket_lifecycle import Role
from callcenter.services.auth.directory import UserDirectory, UserInfo, UserRefused
from callcenter.services.auth.hashing import hash_password
from callcenter.store.auth_models import user_row_id
from callcenter.store.ids import new_id
from callcenter.sync.central import CentralClient
from callcenter.sync.protocol import Op, to_wire

ADMIN_DESK = "admin-cli"


@dataclass
class CentralUsers:
    url: str
    directory: UserDirectory

    def _row(self, conn: psycopg.Connection[Any], user_id: str) -> dict[str, Any] | None:
        with conn.cursor(row_factory=dict_row) as cur:
            return cur.execute("SELECT * FROM public.users WHERE id = %s AND deleted_at IS NULL",
                               (user_row_id(user_id),)).fetchone()

    def _push(self, row_id: uuid.UUID, base_version: int | None, fields: dict[str, Any],
              now: datetime) -> None:
        op = Op(str(new_id()), str(new_id()), 1, "users", str(row_id), "upsert", base_version,
                {k: to_wire(v) for k, v in fields.items()}, now.isoformat())
        with CentralClient(self.url) as client:
            answer = client.push(ADMIN_DESK, [op])
        if answer.get("conflicts"):
            raise UserRefused("conflict", detail=str(answer["conflicts"])[:200])

    def add(self, user_id: str, *, name: str, role: str, password: str, now: datetime,
            team: str | None = None, department: str | None = None) -> None:
        d = self.directory
        user_id = d.check_id(user_id)
        name, role_v, team, department = d.check_profile(name, role, team, department)
        problem = new_password_problem(password, user_id)
        if problem is not None:
            raise UserRefused("password_" + problem.value, user_id)
        with psycopg.connect(self.url) as conn:
            gone = conn.execute("SELECT version FROM public.users WHERE id = %s",
                                (user_row_id(user_id),)).fetchone()
            if self._row(conn, user_id) is not None:
                raise UserRefused("exists", user_id)
        fields: dict[str, Any] = {
            "user_id": user_id, "name": name, "role": role_v.value, "team": team,
            "department": department, "disabled": False, "password_hash": hash_password(password),
            "must_change_password": True, "password_set_at": now, "updated_at": now,
            "deleted_at": None, "origin_workstation": ADMIN_DESK,
        }
        if gone is None:
            fields["version"] = 1
        self._push(user_row_id(user_id), None if gone is None else int(gone[0]), fields, now)

    def _change(self, user_id: str, now: datetime, **changes: Any) -> None:
        with psycopg.connect(self.url) as conn:
            row = self._row(conn, user_id.strip())
        if row is None:
            raise UserRefused("unknown", user_id.strip()[:20])
        fields = {k: v for k, v in changes.items() if row.get(k) != v}
        if fields:
            fields["updated_at"] = now
            self._push(row["id"], int(row["version"]), fields, now)

    def set_disabled(self, user_id: str, disabled: bool, now: datetime) -> None:
        self._change(user_id, now, disabled=disabled)

    def reset_password(self, user_id: str, password: str, now: datetime) -> None:
        problem = new_password_problem(password, user_id.strip())
        if problem is not None:
            raise UserRefused("password_" + problem.value, user_id.strip())
        self._change(user_id, now, password_hash=hash_password(password),
                     must_change_password=True, password_set_at=now)

    def list(self, policy: LockoutPolicy, now: datetime) -> list[UserInfo]:
        with psycopg.connect(self.url) as conn, conn.cursor(row_factory=dict_row) as cur:
            users = cur.execute("SELECT * FROM public.users WHERE deleted_at IS NULL "
                                "ORDER BY user_id").fetchall()
            by_user: dict[str, list[Attempt]] = {}
            for r in cur.execute("SELECT user_id, at, ok FROM public.sign_in_attempts"):
                by_user.setdefault(r["user_id"], []).append(Attempt(r["at"], r["ok"]))
        return [UserInfo(u["user_id"], u["name"], Role(u["role"]), u["team"], u["department"],
                         u["disabled"], u["must_change_password"],
                         locked_until(by_user.get(u["user_id"], []), policy, now,
                                      u["password_set_at"]))
                for u in users]
