"""Threshold alerts from the lead's board, through the alerts inbox (services/alerts).

Two breaches (issue 15), with the profile's ``[board]`` numbers:
- the service level of the last ``alert_window_min`` minutes (30 by default) below
  ``service_level_target_pct``, for the team the board watches: raised when the
  level falls below the target, again only after it has recovered and fallen
  again, and never while an alert of that team is still open;
- an agent in 话后 longer than ``wrap_up_alert_s`` (2 minutes): one alert per
  wrap-up (desk and the time it began).

The checks run on the lead's desk (only a lead desk has the live states). The
raise is a desk act (``Alerts.raise_desk_alert``), a synced row every lead
desk sees.
"""

from __future__ import annotations

import threading
import zoneinfo
from collections.abc import Sequence
from concurrent.futures import Future
from datetime import datetime, timedelta

from callcenter.domain.board.figures import BoardSettings, CallTotals, service_level_breached
from callcenter.domain.board.states import DeskState, ShownState
from callcenter.services.alerts.inbox import SHIFT_LEAD, Alerts, AlertView
from callcenter.services.board.figures import BoardFigures, BoardQuery

SERVICE_LEVEL_LOW = "board_service_level"
WRAP_UP_LONG = "board_wrap_up"


def team_prefix(team: str | None) -> str:
    return f"班组 {team or '全部'} · "


class BoardAlerts:
    def __init__(self, alerts: Alerts, figures: BoardFigures, settings: BoardSettings,
                 tz: str = "Asia/Shanghai") -> None:
        self._alerts = alerts
        self._figures = figures
        self.settings = settings
        self._zone = zoneinfo.ZoneInfo(tz)
        self._lock = threading.Lock()
        self._wrap_raised: set[tuple[str, datetime]] = set()
        self._low: dict[str | None, bool] = {}

    def check_states(self, rows: Sequence[ShownState], states: Sequence[DeskState],
                     ) -> list[Future[AlertView]]:
        """Raise for each desk in 话后 past the limit (once per wrap-up)."""
        since = {s.desk: s.since for s in states}
        raised = []
        for r in rows:
            if r.state != "wrap_up" or (r.in_state_s or 0.0) <= self.settings.wrap_up_alert_s:
                continue
            key = (r.desk, since[r.desk])
            with self._lock:
                if key in self._wrap_raised:
                    continue
                self._wrap_raised.add(key)
            local = key[1].astimezone(self._zone).strftime("%H:%M:%S")
            head = f"{r.desk} · {r.agent_id or '—'} · {local} "
            raised.append(self._alerts.raise_desk_alert(
                WRAP_UP_LONG, head + f"起话后处理超过 {self.settings.wrap_up_alert_s:g} 秒",
                SHIFT_LEAD, unless_open=head))
        return raised

    def check_service_level(self, team: str | None, now: datetime) -> Future[AlertView | None]:
        """Read the last window's totals on the reader thread; raise on a fall below
        the target. The Future answers the alert raised, or None."""
        window = timedelta(minutes=self.settings.alert_window_min)
        q = BoardQuery(now - window, now, now, team=team)
        out: Future[AlertView | None] = Future()
        totals = self._figures.totals(q)

        def judged(f: Future[CallTotals]) -> None:
            exc = f.exception()
            if exc is not None:
                out.set_exception(exc)
                return
            t = f.result()
            low = service_level_breached(t, self.settings)
            with self._lock:
                was, self._low[team] = self._low.get(team, False), low
            if not low or was:
                out.set_result(None)
                return
            pct = 100.0 * t.within_limit / t.offered
            prefix = team_prefix(team)
            raised = self._alerts.raise_desk_alert(
                SERVICE_LEVEL_LOW,
                prefix + f"近 {self.settings.alert_window_min:g} 分钟服务水平 {pct:.1f}% "
                f"低于目标 {self.settings.service_level_target_pct:g}%"
                f"（呼入 {t.offered}，{t.within_limit} 通限时内接通）",
                SHIFT_LEAD, unless_open=prefix)
            raised.add_done_callback(
                lambda r: out.set_exception(e) if (e := r.exception()) else out.set_result(r.result()))
        totals.add_done_callback(judged)
        return out
