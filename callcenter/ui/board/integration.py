"""The 班长看板 tab for a signed-in shift lead.

Figures load on the store's reader thread (BoardFigures.load returns a Future);
the answer comes back through a queued signal, and an answer to an older query
than the latest is dropped. When the tab opens, its first figures are asked for
before its widgets are built (the query the view's initial choices make), so
the reader reads while the GUI thread builds and shows the tab. The live desk
states come from ``LiveStates`` (its own thread, a LISTEN session on central)
through a signal as well. A named display tick (1 s) only repaints time in
state, which is computed from the states' timestamps; the figures reload every
``refresh_s``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from callcenter.domain.auth.roles import Role
from callcenter.domain.clock import Clock
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.auth.sign_in import SignedIn
from callcenter.services.board.alerts import BoardAlerts
from callcenter.services.board.figures import BoardData, BoardFigures, BoardQuery
from callcenter.services.board.live import BoardStates, LiveStates
from callcenter.ui.shared.main_window import MainWindow

if TYPE_CHECKING:
    from callcenter.ui.board.view import BoardView

log = logging.getLogger(__name__)

# (team, on_states, on_error) -> a started-later LiveStates; None: no central configured
LiveFactory = Callable[[str | None, Callable[[BoardStates], None], Callable[[str], None]], LiveStates]


class BoardFeature(QObject):
    statesArrived = Signal(object)  # BoardStates, from the listening thread
    liveFailed = Signal(str)
    dataLoaded = Signal(int, object)  # serial, BoardData | BaseException
    loaded = Signal(object)  # BoardData shown (for tests and alerts)

    def __init__(self, window: MainWindow, auth: QObject, figures: BoardFigures, clock: Clock,
                 profile: SiteProfile, lang: str, live: LiveFactory | None = None,
                 refresh_s: float = 30.0, alerts: BoardAlerts | None = None) -> None:
        super().__init__(window)
        self.alerts = alerts
        self._w, self._figures, self._clock = window, figures, clock
        self._profile, self._lang, self._live_factory = profile, lang, live
        self.view: BoardView | None = None
        self.live: LiveStates | None = None
        self._serial = 0
        self.tick = QTimer(self)
        self.tick.setObjectName("boardDisplayTick")
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._tick)
        self.reload = QTimer(self)
        self.reload.setObjectName("boardRefresh")
        self.reload.setInterval(int(refresh_s * 1000))
        self.reload.timeout.connect(lambda: self.refresh(full=False))
        self.data: BoardData | None = None
        self.statesArrived.connect(self._states)
        self.liveFailed.connect(self._live_failed)
        self.dataLoaded.connect(self._loaded)
        auth.signedIn.connect(self._signed_in)  # type: ignore[attr-defined]
        auth.signedOut.connect(self._signed_out)  # type: ignore[attr-defined]

    def _signed_in(self, signed: SignedIn) -> None:
        if signed.actor.role is not Role.SHIFT_LEAD or self.view is not None:
            return
        self.user_changed(signed.team)

    def user_changed(self, own_team: str | None) -> None:
        """Build the tab (a lead signed in); pyqtgraph loads here, not at start-up."""
        from callcenter.ui.board.view import BoardView, initial_query

        try:
            teams = self._figures.teams()
        except Exception:  # a store problem: the tab still opens, with all teams
            log.exception("board teams")
            teams = []
        first = initial_query(self._profile, self._clock.utc_now(), teams, own_team)
        early = self._figures.load(first)  # read while the widgets are built
        view = BoardView(self._profile, self._profile.board, self._lang, teams, own_team)
        view.queryChanged.connect(self.refresh)  # a full load
        view.team.currentIndexChanged.connect(self._team_changed)
        self.view = view
        self._w.add_tool_tab(view, self.tr("Lead board"))
        if self._live_factory is None:
            view.live_status.setText(self.tr("No central configured: live states are not available"))
        else:
            self.live = self._live_factory(view.selected_team(), self.statesArrived.emit,
                                           self.liveFailed.emit)
            view.live_status.setText(self.tr("Connecting to central…"))
            self.live.start()
        self.tick.start()
        self.reload.start()
        if replace(self.query(), now=first.now) == first:
            self._submit(first, early)
        else:  # the clock crossed midnight meanwhile: the early answer is not this view's
            self.refresh()

    def _signed_out(self) -> None:
        self.stop()
        if self.view is not None:
            index = self._w.tools.indexOf(self.view)
            if index >= 0:
                self._w.tools.removeTab(index)
            self.view.deleteLater()
            self.view = None
        self.data = None

    def stop(self) -> None:
        self.tick.stop()
        self.reload.stop()
        if self.live is not None:
            self.live.stop()
            self.live = None

    def _team_changed(self) -> None:
        if self.live is not None and self.view is not None:
            self.live.set_team(self.view.selected_team())

    def _states(self, board: BoardStates) -> None:
        if self.view is not None:
            self.view.states.set_board(board)
            self._check_states()
            self.view.live_status.setText(self.tr("Live: %n desk(s)", "", len(board.states)))

    def _live_failed(self, error: str) -> None:
        if self.view is not None:
            self.view.live_status.setText(
                self.tr("Central unreachable; retrying (%1)").replace("%1", error[:80]))

    def _tick(self) -> None:
        if self.view is not None:
            self.view.states.tick()
            self._check_states()

    def _check_states(self) -> None:
        board = self.view.states.board if self.view is not None else None
        if self.alerts is not None and board is not None and self.view is not None:
            self.alerts.check_states(self.view.states.rows, board.states)

    def query(self) -> BoardQuery:
        assert self.view is not None
        now = self._clock.utc_now()
        start, end = self.view.bounds(now)
        return BoardQuery(start, end, now, team=self.view.selected_team(),
                          agent_id=self.view.selected_agent())

    def refresh(self, full: bool = True) -> None:
        """Load the figures: in full, or (``full=False``, the periodic reload) only
        the last hours merged into the figures shown, when the query is the same."""
        if self.view is None:
            return
        try:
            q = self.query()
        except ValueError as exc:
            self.view.message.setText(str(exc))
            return
        self.view.message.setText("")
        if self.alerts is not None:  # the last 30 minutes, whatever period is shown
            self.alerts.check_service_level(q.team, q.now).add_done_callback(_log_failure)
        prev = self.data
        same = prev is not None and replace(prev.query, now=q.now) == q
        fut = (self._figures.refresh(prev, q.now) if not full and same and prev is not None
               else self._figures.load(q))
        self._submit(q, fut, alerts=False)

    def _submit(self, q: BoardQuery, fut: Future[BoardData], alerts: bool = True) -> None:
        """Show ``fut``'s answer when it comes, unless a newer query was asked meanwhile."""
        if alerts and self.alerts is not None:
            self.alerts.check_service_level(q.team, q.now).add_done_callback(_log_failure)
        self._serial += 1
        serial = self._serial

        def done(f: Future[BoardData]) -> None:
            exc = f.exception()
            self.dataLoaded.emit(serial, exc if exc is not None else f.result())
        fut.add_done_callback(done)

    def _loaded(self, serial: int, result: object) -> None:
        if self.view is None or serial != self._serial:
            return  # an answer to an older query
        if isinstance(result, BaseException):
            log.error("board figures failed: %s", result)
            self.view.message.setText(self.tr("The figures could not be read; try Refresh."))
            for chart in (self.view.calls_chart, self.view.sl_chart, self.view.tickets_chart):
                chart.reveal()  # empty, as they are, rather than never painted
            return
        assert isinstance(result, BoardData)
        self.data = result
        self.view.show_data(result)
        self.loaded.emit(result)


def _log_failure(f: Future[object]) -> None:
    if (exc := f.exception()) is not None:
        log.error("board alert check failed: %s", exc)
