"""The board tab's widgets: what to show (period, team, agent), the live desk
states, the figure tiles, the charts and the tickets near or past their deadline.
It holds no data of its own: BoardFeature (integration.py) feeds it."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.board.figures import BoardSettings
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.board.figures import BoardData, BoardQuery, HourTotals, LateTicket
from callcenter.ui.board.charts import ChartPanel, epoch_seconds
from callcenter.ui.board.states_model import DeskStatesModel
from callcenter.ui.board.tiles import FigureTile

PERIODS = ("today", "yesterday", "last24h", "month", "custom")


def period_bounds(kind: str, now: datetime, zone: ZoneInfo, first: date, last: date,
                  ) -> tuple[datetime, datetime]:
    """[start, end) in UTC for a period chosen in site-local days."""
    local = now.astimezone(zone)
    today = datetime.combine(local.date(), time(), zone)
    if kind == "today":
        start, end = today, today + timedelta(days=1)
    elif kind == "yesterday":
        start, end = today - timedelta(days=1), today
    elif kind == "last24h":
        return now - timedelta(hours=24), now
    elif kind == "month":
        start = today.replace(day=1)
        end = (start + timedelta(days=32)).replace(day=1)
    else:
        start = datetime.combine(first, time(), zone)
        end = datetime.combine(last, time(), zone) + timedelta(days=1)
    return start.astimezone(UTC), end.astimezone(UTC)


def initial_team(teams: list[str], own_team: str | None) -> str | None:
    """The team a new view starts on: the lead's own, when it is one of the teams."""
    return own_team if own_team is not None and own_team in teams else None


def initial_query(profile: SiteProfile, now: datetime, teams: list[str],
                  own_team: str | None) -> BoardQuery:
    """The query a new ``BoardView`` makes before anything is chosen (today, the
    lead's team, every agent): the tab asks for it before building its widgets."""
    today = now.astimezone(ZoneInfo(profile.timezone)).date()
    start, end = period_bounds(PERIODS[0], now, ZoneInfo(profile.timezone), today, today)
    return BoardQuery(start, end, now, team=initial_team(teams, own_team))


class BoardView(QWidget):
    queryChanged = Signal()

    def __init__(self, profile: SiteProfile, settings: BoardSettings, lang: str,
                 teams: list[str], own_team: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardView")
        self.profile, self.settings, self.lang = profile, settings, lang
        self.zone = ZoneInfo(profile.timezone)
        offset = datetime.now(self.zone).utcoffset()
        utc_offset_s = int(offset.total_seconds()) if offset else 0
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.period = QComboBox(self)
        for code, label in zip(PERIODS, (self.tr("Today"), self.tr("Yesterday"), self.tr("Last 24 hours"),
                                         self.tr("This month"), self.tr("Dates…")), strict=True):
            self.period.addItem(label, code)
        self.first = QDateEdit(QDate.currentDate(), self)
        self.last = QDateEdit(QDate.currentDate(), self)
        for d in (self.first, self.last):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.setEnabled(False)
        self.team = QComboBox(self)
        self.team.addItem(self.tr("All teams"), None)
        for t in teams:
            self.team.addItem(t, t)
        if (own := initial_team(teams, own_team)) is not None:
            self.team.setCurrentIndex(self.team.findData(own))
        self.agent = QLineEdit(self)
        self.agent.setPlaceholderText(self.tr("Agent ID (all)"))
        self.agent.setMaximumWidth(120)
        self.refresh_btn = QPushButton(self.tr("Refresh"), self)
        self.message = QLabel("", self)
        self.message.setStyleSheet("color: #b00020;")
        for w in (QLabel(self.tr("Period"), self), self.period, self.first, self.last,
                  QLabel(self.tr("Team"), self), self.team, self.agent, self.refresh_btn):
            bar.addWidget(w)
        bar.addWidget(self.message, 1)
        lay.addLayout(bar)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(split)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.live_label = QLabel(self.tr("Agent states"), left)
        self.live_status = QLabel("", left)
        self.states = DeskStatesModel(profile, lang, settings.stale_after_s, settings.wrap_up_alert_s)
        self.states_view = QTableView(left)
        self.states_view.setModel(self.states)
        self.states_view.verticalHeader().hide()
        self.states_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.states_view.setToolTip(self.tr(
            "Time in state from the desk's own record; a desk silent for over %n s shows as unknown",
            "", int(settings.stale_after_s)))
        ll.addWidget(self.live_label)
        ll.addWidget(self.states_view, 1)
        ll.addWidget(self.live_status)
        self.late_model = QStandardItemModel(left)
        self._late_shown: tuple[LateTicket, ...] | None = None
        self.late_view = QTableView(left)
        self.late_view.setModel(self.late_model)
        self.late_view.verticalHeader().hide()
        ll.addWidget(QLabel(self.tr("Tickets overdue or near their deadline"), left))
        ll.addWidget(self.late_view, 1)

        right = QWidget(split)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        FORMULAS = self.formulas()  # noqa: N806
        self.tiles = {
            "offered": FigureTile(self.tr("Offered / answered"), FORMULAS["offered"]),
            "service_level": FigureTile(self.tr("Service level"), FORMULAS["service_level"]),
            "avg_talk": FigureTile(self.tr("Average talk"), FORMULAS["avg_talk"]),
            "wrap": FigureTile(self.tr("Wrap-up"), FORMULAS["wrap"]),
            "aht": FigureTile(self.tr("AHT"), FORMULAS["aht"]),
            "returned": FigureTile(self.tr("Returned to queue"), FORMULAS["returned"]),
            "deadlines": FigureTile(
                self.tr("Overdue / near deadline"),
                self.tr("open tickets past their deadline / due within %1 h")
                .replace("%1", f"{settings.near_deadline_h:g}")),
            "callbacks": FigureTile(self.tr("Callbacks due"),
                                    self.tr("callback tasks pending past their due time")),
        }
        for i, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, i // 4, i % 4)
        rl.addLayout(grid)
        self.calls_chart = ChartPanel(self.tr("Calls per hour"), FORMULAS["offered"],
                                      self.tr("calls"), utc_offset_s)
        self.sl_chart = ChartPanel(self.tr("Service level per hour"), FORMULAS["service_level"],
                                   "%", utc_offset_s)
        self.sl_chart.set_target(settings.service_level_target_pct, self.tr("target"))
        self._hourly_shown: tuple[HourTotals, ...] | None = None
        self._tickets_shown: tuple[tuple[datetime, str, int], ...] | None = None
        self.tickets_chart = ChartPanel(self.tr("Tickets per hour by category"), FORMULAS["tickets"],
                                        self.tr("tickets"), utc_offset_s)
        charts = QGridLayout()
        charts.addWidget(self.calls_chart, 0, 0)
        charts.addWidget(self.sl_chart, 0, 1)
        charts.addWidget(self.tickets_chart, 1, 0, 1, 2)
        rl.addLayout(charts, 1)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([440, 1060])
        lay.addWidget(split, 1)

        self.period.currentIndexChanged.connect(self._period_changed)
        for sig in (self.first.dateChanged, self.last.dateChanged, self.team.currentIndexChanged):
            sig.connect(lambda *_: self.queryChanged.emit())
        self.agent.editingFinished.connect(self.queryChanged.emit)
        self.refresh_btn.clicked.connect(self.queryChanged.emit)

    def formulas(self) -> dict[str, str]:
        """Each figure's formula (domain/board/figures.py defines them) in the UI language."""
        t = self.targets_text()
        return {
            "offered": self.tr("offered = answered + back-filled + returned to queue + abandoned"),
            "service_level": self.tr("service level = calls answered within the ring limit (%1 rings)"
                                     " / offered").replace("%1", t[0]),
            "avg_talk": self.tr("average talk = Σ(hang-up − answer) / answered calls; target %1 s")
            .replace("%1", t[1]),
            "wrap": self.tr("wrap-up = Σ(ready or dispatch − hang-up) / calls; on time: ≤ %1 s")
            .replace("%1", t[2]),
            "aht": self.tr("AHT = Σ(net talk + hold + wrap-up) / answered calls"),
            "returned": self.tr("returned to queue = calls nobody answered before the ring timeout"),
            "tickets": self.tr("tickets created per site-local hour, by category"),
        }

    def targets_text(self) -> tuple[str, str, str]:
        tg = self.profile.targets
        return str(tg.ring_limit), f"{tg.talk_target_s:g}", f"{tg.wrapup_target_s:g}"

    def _period_changed(self) -> None:
        custom = self.period.currentData() == "custom"
        self.first.setEnabled(custom)
        self.last.setEnabled(custom)
        self.queryChanged.emit()

    def selected_team(self) -> str | None:
        team = self.team.currentData()
        return None if team is None else str(team)

    def selected_agent(self) -> str | None:
        """The agent ID typed (None: all); a bad one is said and left as typed."""
        text = self.agent.text().strip()
        if not text:
            return None
        if not text.isdigit():
            raise ValueError(self.tr("An agent ID is digits only: %1").replace("%1", text))
        return text

    def bounds(self, now: datetime) -> tuple[datetime, datetime]:
        first, last = self.first.date().toPython(), self.last.date().toPython()
        if last < first:
            raise ValueError(self.tr("The last day is before the first"))
        assert isinstance(first, date) and isinstance(last, date)
        return period_bounds(str(self.period.currentData()), now, self.zone, first, last)

    def show_data(self, d: BoardData) -> None:
        f = d.figures
        self.tiles["offered"].show_value(f"{f.offered} / {f.answered}")
        target = self.settings.service_level_target_pct
        sl_bad = f.service_level_pct is not None and f.service_level_pct < target
        self.tiles["service_level"].show_value(
            _pct(f.service_level_pct), (self.tr("below target %1 %") if sl_bad else self.tr("target %1 %"))
            .replace("%1", f"{target:g}"), sl_bad)
        self.tiles["avg_talk"].show_value(
            _secs(f.avg_talk_s),
            (self.tr("over target %1 s") if f.talk_over_target else self.tr("target %1 s"))
            .replace("%1", f"{f.talk_target_s:g}"), f.talk_over_target)
        self.tiles["wrap"].show_value(
            _secs(f.avg_wrap_s), self.tr("%1 on time (≤ %2 s)").replace("%1", _pct(f.wrap_on_time_pct))
            .replace("%2", f"{f.wrap_target_s:g}"))
        self.tiles["aht"].show_value(_secs(f.aht_s),
                                     self.tr("hold %1").replace("%1", _secs(f.avg_hold_s)))
        self.tiles["returned"].show_value(
            str(f.returned), self.tr("abandoned %1").replace("%1", str(f.abandoned)))
        self.tiles["deadlines"].show_value(f"{d.overdue} / {d.near_deadline}",
                                           self.tr("overdue") if d.overdue else "", d.overdue > 0)
        self.tiles["callbacks"].show_value(str(d.callbacks_due))
        # a refresh often finds a chart's numbers or the late list as they were:
        # those are left alone (not re-plotted, not re-filled)
        if d.hourly != self._hourly_shown:
            self._show_hourly(d)
        if d.tickets_by_hour != self._tickets_shown:
            self._show_tickets(d)
        if d.late_tickets != self._late_shown:
            self._show_late(d)

    def calls_series(self) -> list[str]:
        return [self.tr("offered"), self.tr("answered"), self.tr("returned")]

    def _show_hourly(self, d: BoardData) -> None:
        self._hourly_shown = d.hourly
        hours = [h.hour for h in d.hourly]
        totals = [h.totals for h in d.hourly]
        xs = epoch_seconds(hours)
        offered, answered, returned = self.calls_series()
        self.calls_chart.set_series(hours, {
            offered: [t.offered for t in totals],
            answered: [t.answered for t in totals],
            returned: [t.returned for t in totals]}, xs)
        self.sl_chart.set_series(hours, {self.tr("service level %"): [
            None if t.offered == 0 else 100.0 * t.within_limit / t.offered for t in totals]}, xs)

    def _show_late(self, d: BoardData) -> None:
        self._late_shown = d.late_tickets
        m = self.late_model
        m.clear()
        m.setHorizontalHeaderLabels([self.tr("Ticket"), self.tr("Category"), self.tr("Deadline"),
                                     self.tr("Phone"), self.tr("Status")])
        for lt in d.late_tickets:
            m.appendRow([QStandardItem(lt.number), QStandardItem(self._category(lt.category)),
                         QStandardItem(lt.deadline_at.astimezone(self.zone).strftime("%m-%d %H:%M")),
                         QStandardItem(lt.phone_masked),
                         QStandardItem(self.tr("overdue") if lt.overdue else self.tr("due soon"))])
        self.late_view.resizeColumnsToContents()

    def _category(self, code: str) -> str:
        cat = self.profile.category(code)
        return cat.label(self.lang) if cat is not None else code

    def _show_tickets(self, d: BoardData) -> None:
        """One pass over the (hour, category, count) rows, which come ordered by hour."""
        self._tickets_shown = d.tickets_by_hour
        hours: list[datetime] = []
        at: dict[datetime, int] = {}
        found: dict[str, list[tuple[int, int]]] = {}
        for h, c, n in d.tickets_by_hour:
            i = at.get(h)
            if i is None:
                i = at[h] = len(hours)
                hours.append(h)
            found.setdefault(c, []).append((i, n))
        series: dict[str, list[float | None]] = {}
        for c in sorted(found):
            ys: list[float | None] = [0] * len(hours)
            for i, n in found[c]:
                ys[i] = n
            series[self._category(c)] = ys
        self.tickets_chart.set_series(hours, series)


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v:.1f} %"


def _secs(v: float | None) -> str:
    return "—" if v is None else f"{v:.0f} s"
