"""Composition root: builds the services and hands them to the UI."""

from __future__ import annotations

import logging
import random
import sys
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from callcenter.domain.calendar import CalendarError
from callcenter.domain.clock import Clock, SystemClock
from callcenter.domain.site_profile import ProfileError, SiteProfile
from callcenter.services.alerts.inbox import Alerts
from callcenter.services.audit.log import AuditLog
from callcenter.services.auth.admin import UserAdmin
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.auth.directory import UserDirectory
from callcenter.services.auth.sign_in import SignInService
from callcenter.services.board.alerts import BoardAlerts
from callcenter.services.board.figures import BoardFigures
from callcenter.services.board.live import BoardStates, LiveStates
from callcenter.services.board.presence import DeskStatePublisher
from callcenter.services.calls.desk import CallDesk
from callcenter.services.calls.recovery import recover_in
from callcenter.services.customers.screen_pop import Customers, ScreenPop
from callcenter.services.demo.city import demo_phone_numbers
from callcenter.services.demo.outages import seed_demo_outages
from callcenter.services.demo.seed import seed_demo
from callcenter.services.demo.users import DEMO_USERS, seed_demo_users
from callcenter.services.diagnostics.desk_log import DeskLog
from callcenter.services.diagnostics.logfile import (
    close_logging,
    install_excepthooks,
    log_dir,
    setup_logging,
)
from callcenter.services.outages.lookup import facts_for_scripts
from callcenter.services.phone.settings import SipSettingsError
from callcenter.services.privacy.files import tighten
from callcenter.services.privacy.reveal import RevealRecord, Reveals, audit_recorder
from callcenter.services.qa.calibration import Calibrations
from callcenter.services.qa.reviews import Reviews
from callcenter.services.qa.sampling import Sampling
from callcenter.services.qa.tasks import ReviewTasks
from callcenter.services.qa.workspace import CallRow, QaWorkspace
from callcenter.services.replay.loading import Replays, recordings_dir
from callcenter.services.replay.recording_sync import RecordingSync
from callcenter.services.replay.sim_recording import SimulatedRecordings
from callcenter.services.report.desk_reports import MonthlyReports
from callcenter.services.scripts.call_lines import BasicScripts
from callcenter.services.site.documents import current_calendar, current_profile
from callcenter.services.site.profile import load_profile
from callcenter.services.site.resources import RESOURCES
from callcenter.services.site.settings import central_url_from, default_data_dir, load_settings
from callcenter.services.storage.database import Database, StoreOpenError, as_failure, open_database
from callcenter.services.sync.conflicts import SyncConflicts
from callcenter.services.sync.engine import SyncEngine
from callcenter.services.sync.worker import SyncWorker
from callcenter.services.tickets.entry import Tickets
from callcenter.services.tickets.workflow import TicketWorkflow
from callcenter.telephony.port import TelephonyPort
from callcenter.telephony.scenario import load_scenario
from callcenter.telephony.simulator import SimulatedTelephony
from callcenter.ui.auth.integration import AuthFeature
from callcenter.ui.auth.users_admin import UsersAdminFeature
from callcenter.ui.board.integration import BoardFeature, LiveFactory
from callcenter.ui.callbacks.integration import install as install_callbacks
from callcenter.ui.calls.autopilot import Autopilot
from callcenter.ui.calls.desk_bridge import DeskBridge, GuiPoster
from callcenter.ui.handover.feature import HandoverFeature
from callcenter.ui.outages.integration import install as install_outages
from callcenter.ui.qa.calibration_feature import CalibrationFeature
from callcenter.ui.qa.integration import QaFeature
from callcenter.ui.qa.reviews_feature import ReviewsFeature
from callcenter.ui.replay.form_recording import install as install_form_recording
from callcenter.ui.replay.open import open_replay
from callcenter.ui.replay.replay_dialog import ReplayDialog
from callcenter.ui.replay.secure_pause import install as install_secure_pause
from callcenter.ui.report.integration import ReportsFeature
from callcenter.ui.scripts.integration import install as install_scripts
from callcenter.ui.shared.first_paint import FirstPaint
from callcenter.ui.shared.fonts import install_cjk_font
from callcenter.ui.shared.i18n import install_translator
from callcenter.ui.shared.main_window import MainWindow
from callcenter.ui.shared.platform_check import missing_qt_library
from callcenter.ui.shared.qt_app import serial_painting, settle_heap
from callcenter.ui.shared.qt_log import install_qt_log
from callcenter.ui.shared.qt_scheduler import QtScheduler
from callcenter.ui.sync.caller_fetch import CallerFetch
from callcenter.ui.sync.status import SyncFeature
from callcenter.ui.tickets.duplicates_integration import install as install_duplicates
from callcenter.ui.tickets.lifecycle_integration import install as install_lifecycle
from callcenter.ui.tickets.list_integration import install as install_ticket_list
from callcenter.ui.tickets.list_view import TicketListView

log = logging.getLogger("callcenter.app")
DEMO_SCENARIO = RESOURCES / "scenarios" / "demo.toml"


@dataclass
class AppOptions:
    data_dir: Path | None = None
    demo: bool = False
    lang: str = "zh"
    profile: Path | None = None
    scenario: Path | None = None  # None: random Poisson calls
    workstation: str | None = None
    central_url: str | None = None  # None: $CALLCENTER_CENTRAL_URL, then settings.toml
    autopilot_calls: int = 0  # >0: drive the desk by itself and quit after that many calls
    exit_when_shown: bool = False
    log_level: str = "INFO"  # the diagnostic log (services/diagnostics/logfile.py); run() sets it up
    # every "show full number" goes here; the lead connects the audit log (issue 12)
    reveal_recorder: Callable[[RevealRecord], None] | None = None
    telephony: str = "sim"  # "sip": a real SIP soft phone (sip.toml, password in the keyring)
    sip_registrar: str | None = None
    sip_user: str | None = None
    geometry: str | None = None  # WxH+X+Y: Qt's -qwindowgeometry for the main window


@dataclass
class AppContext:
    window: MainWindow
    desk: CallDesk
    db: Database
    bridge: DeskBridge
    telephony: TelephonyPort
    keep: list[QObject]
    translator: QTranslator | None = None
    sync: SyncFeature | None = None
    auth: AuthFeature | None = None
    recordings: SimulatedRecordings | None = None  # the simulator's call recordings

    def shutdown(self) -> None:
        if self.sync is not None:
            self.sync.stop()  # before the store closes: a round may be writing
        self.desk.shutdown()
        if self.recordings is not None:
            self.recordings.close()  # the last call's recording finishes writing
        if self.auth is not None:
            self.auth.service.close()
        # every feature's refresh timer, not only the display tick: one firing after
        # the store is closed would submit a read to a shut-down executor
        for timer in self.window.findChildren(QTimer):
            timer.stop()
        self.db.close()
        app = QApplication.instance()
        if self.translator is not None and app is not None:
            app.removeTranslator(self.translator)


def build(opts: AppOptions) -> AppContext:
    app = QApplication.instance()
    assert isinstance(app, QApplication), "create the QApplication first"
    install_cjk_font(app)
    translator = install_translator(app, opts.lang)
    data_dir = opts.data_dir or default_data_dir()
    tighten(data_dir)  # owner-only, also what an older version left readable
    db = open_database(data_dir / "desk.sqlite3")  # StoreOpenError: run() says why
    try:
        settings = load_settings(data_dir)
        sip = _sip_account(opts, data_dir) if opts.telephony == "sip" else None
    except OSError as exc:
        db.close()
        raise StoreOpenError(f"{data_dir / 'settings.toml'}: cannot write the desk's settings: "
                             f"{exc.strerror or exc}") from exc
    except BaseException:
        db.close()
        raise
    workstation = opts.workstation or settings.workstation
    clock = SystemClock()
    # an explicit --profile wins; otherwise what the site published, else the shipped file
    try:
        profile = load_profile(opts.profile) if opts.profile else current_profile(db)
    except ProfileError:
        db.close()
        raise
    # calls and shifts a crash (kill -9, power) left open are closed from their events
    db.write_now(lambda s: recover_in(s, profile, workstation, clock.utc_now()))
    # who is signed in on this desk: one for the app, every service checks it
    user = CurrentUser()
    tickets = Tickets(db, profile, clock, workstation, calendar=current_calendar(db), user=user)
    if opts.demo:
        try:
            seed_demo_users(db, profile, clock, workstation)
            seed_demo(db, tickets, clock)
            seed_demo_outages(db, clock, workstation)
        except Exception as exc:  # noqa: BLE001 - a full disk, a read-only store: said, not a traceback
            failure = as_failure(exc)
            db.close()
            raise StoreOpenError(f"{db.path}: cannot write the demo data ({failure.kind.value}): "
                                 f"{failure.detail.splitlines()[0]}") from exc
    scheduler = QtScheduler()
    poster = GuiPoster()
    scenario_path = opts.scenario or (DEMO_SCENARIO if opts.demo else None)
    telephony: TelephonyPort
    if sip is not None:
        from callcenter.telephony.sip.adapter import SipTelephony  # loads pjsua2: only for SIP

        telephony = SipTelephony(sip[0], poster.post, media=sip[1])
    else:
        telephony = SimulatedTelephony(
            scheduler,
            scenario=load_scenario(scenario_path) if scenario_path else None,
            caller_numbers=demo_phone_numbers(),
            rng=random.Random(),
        )
    desk = CallDesk(
        clock=clock, scheduler=scheduler, telephony=telephony, profile=profile, db=db,
        tickets=tickets, customers=(customers := Customers(db, clock, profile.recent_ticket_days)),
        scripts=BasicScripts(lang="en" if opts.lang == "en" else "zh"),
        workstation=workstation, post=poster.post,
    )
    bridge = DeskBridge()
    desk.add_listener(bridge)
    desk.add_listener(DeskLog(desk.snapshot()))
    recordings = None
    if sip is None:  # no phone system: the simulator's calls get a synthesized recording
        recordings = SimulatedRecordings(desk, recordings_dir(data_dir), profile.cadence,
                                         profile.targets)
        desk.add_listener(recordings)
    else:  # a real call's recording is kept the same way, under its call's id
        from callcenter.services.replay.sip_recording import SipRecordings

        sip_tel: Any = telephony

        def closed_recording(tid: str) -> Path | None:
            rec = sip_tel.recorded(tid)
            return rec.path if rec is not None else None
        desk.add_listener(SipRecordings(closed_recording, recordings_dir(data_dir), scheduler))
    reveals = Reveals(opts.reveal_recorder or audit_recorder(AuditLog(db, clock, workstation)), clock)
    window = MainWindow(desk, bridge, clock, opts.lang)
    keep: list[QObject] = [scheduler, poster, bridge]
    keep.append(install_form_recording(window, desk, bridge))
    keep.append(install_secure_pause(window, desk, bridge))
    auth = AuthFeature(window, desk, SignInService(db, profile, clock, workstation))
    keep.append(auth)
    keep.append(UsersAdminFeature(window, auth, UserAdmin(db, UserDirectory(profile, workstation),
                                                          clock), profile, opts.lang))
    # the shift handover (issue 13): a 交接班 tab for leads and agents, the sign-out order
    keep.append(handover := HandoverFeature(window, auth, db, profile, current_calendar(db).is_working_day,
                                clock, workstation, user, opts.lang))
    # the monthly 供电优质服务月报表 for leads and administrators (issue 15)
    keep.append(ReportsFeature(window, auth, MonthlyReports(
        db, profile, clock, user, AuditLog(db, clock, workstation), opts.lang), Path.home()))
    # features install themselves through MainWindow's extension points
    workflow = TicketWorkflow(db, clock, workstation, user=user, profile=profile,
                              calendar=tickets.calendar)
    scripts = install_scripts(window, desk, db=db, profile=profile, clock=clock, lang=opts.lang)
    lifecycle = install_lifecycle(window, desk, db, profile, clock, workflow, opts.lang, reveals)
    replays = Replays(db, user=user, recordings=recordings_dir(data_dir))
    lifecycle.replay_opener = lambda parent, call_id: open_replay(
        parent, call_id, replays, profile=profile, lang=opts.lang, reveals=reveals)
    duplicates = install_duplicates(window, desk, db, profile, clock, workflow)
    keep.append(duplicates)
    keep.append(install_callbacks(window, desk, db, profile, clock, workflow, lang=opts.lang,
                                  reveals=reveals))
    outages = install_outages(window, desk, db=db, bridge=bridge, clock=clock, profile=profile)
    # the outage lookup answers after the screen pop; the triage reads its facts
    site_tz = ZoneInfo(profile.timezone)
    outages.hitsShown.connect(lambda hits: scripts.set_known_outage(facts_for_scripts(hits, site_tz)))
    tickets_tab = install_ticket_list(window, db, profile, clock, opts.lang)
    tickets_tab.view.ticketActivated.connect(lambda tid: lifecycle.open_ticket(uuid.UUID(str(tid))))
    keep += [tickets_tab, lifecycle, scripts, outages]
    # the QA workspace opens the call's timeline replay, at the event a check names
    def qa_replay(row: CallRow, seq: int | None) -> ReplayDialog:
        dlg = open_replay(window, row.call_id, replays, profile=profile, lang=opts.lang, reveals=reveals)
        if seq is not None:
            dlg.seek_to_event(seq - 1)  # stored seq is 1-based, the replay's events 0-based
        return dlg

    reviews = Reviews(db, profile, clock, workstation, user, AuditLog(db, clock, workstation))
    qa_feature = QaFeature(window, auth, QaWorkspace(db, profile, user), reviews, profile, clock,
                           opts.lang, open_replay=qa_replay,
                           tasks=ReviewTasks(db, profile, clock, workstation, user, current_calendar(db)),
                           sampling=Sampling(db, clock, user), reveals=reveals)
    calibration = CalibrationFeature(window, auth, Calibrations(db, profile, user), profile.timezone,
                                     opts.lang)
    qa_feature.calibrationSaved.connect(lambda _review: calibration.refresh())
    keep += [qa_feature, calibration]
    keep.append(ReviewsFeature(window, auth, reviews, profile, opts.lang,
                               open_replay=lambda call_id: open_replay(
                                   window, call_id, replays, profile=profile, lang=opts.lang,
                                   reveals=reveals)))
    if opts.autopilot_calls:
        # signs in as the first demo agent: the autopilot is for --demo desks
        agent = DEMO_USERS[0]
        keep.append(Autopilot(window, bridge, opts.autopilot_calls, agent.user_id, agent.password))
    if sip is not None:
        from callcenter.services.alerts.inbox import Alerts
        from callcenter.telephony.sip.adapter import SipTelephony
        from callcenter.ui.calls.phone_status import install as install_phone

        assert isinstance(telephony, SipTelephony)
        keep.append(install_phone(window, desk, telephony,
                                  Alerts(db, clock, workstation, user=desk.user)))
    sync = install_sync(window, desk, db, workstation, site_tz,
                        central_url_from(opts.central_url, settings), opts.lang,
                        lookup=customers.screen_pop, tickets=tickets_tab.view, replays=replays)

    def pulled(tables: frozenset[str]) -> None:
        """What other desks did shows at once: the lead's alerts, the emergency
        banner and outages, dispatched tickets and the deadline counts."""
        if tables & {"outages", "outage_targets", "emergency_banners"}:
            outages.refresh()
        if "alerts" in tables:
            duplicates.alerts_view.refresh()
        if tables & {"handover_records", "handover_entries"}:
            handover.refresh()
        if "tickets" in tables:
            lifecycle.refresh_counts()
            lifecycle.refresh_department()

    board = install_board(window, auth, db, profile, clock, workstation, user, opts.lang,
                          central_url_from(opts.central_url, settings), duplicates.alerts)
    keep.append(board)
    sync.bridge.pulled.connect(
        lambda tables: board.refresh() if tables & {"call_sessions", "tickets"} else None)
    sync.bridge.pulled.connect(pulled)
    return AppContext(window, desk, db, bridge, telephony, keep, translator, sync, auth, recordings)


def install_sync(window: MainWindow, desk: CallDesk, db: Database, workstation: str,
                 site_tz: ZoneInfo, central_url: str, lang: str = "zh", *,
                 lookup: Callable[[str], Future[ScreenPop]] | None = None,
                 tickets: TicketListView | None = None,
                 replays: Replays | None = None) -> SyncFeature:
    """The sync status in the status bar; with a central URL, the worker that syncs
    in the background (stopped by AppContext.shutdown) and, given ``lookup``, the
    fetch of each looked-up caller's tickets from central."""
    conflicts = SyncConflicts(db, user=desk.user, workstation=workstation)
    feature = SyncFeature(window, conflicts, site_tz, lambda: desk.snapshot().agent_id, lang)
    if central_url:
        from callcenter.services.sync.credentials import connect_central  # loads psycopg: only when syncing

        engine = SyncEngine(db, workstation, lambda: connect_central(central_url))
        worker = SyncWorker(db, engine, on_status=feature.bridge.on_status,
                            on_report=feature.bridge.on_report,
                            on_fetched=feature.bridge.on_fetched)
        feature.attach(worker)
        # the desk's live agent state for the lead's board: one upsert per change
        # (and a heartbeat) over this worker's connection, on its thread
        publisher = DeskStatePublisher(workstation, SystemClock(), worker.wake)
        publisher.desk_changed(desk.snapshot())
        desk.add_listener(publisher)
        worker.add_periodic(publisher.tick)
        if lookup is not None:
            CallerFetch(window, worker, feature.bridge, lookup, site_tz, tickets=tickets)
        if replays is not None and replays.recordings is not None:
            # recordings go up behind the call's rows; a replay fetches what it lacks
            rec_sync = RecordingSync(replays.recordings)
            worker.after_round.append(rec_sync.upload_pending)
            replays.fetch_recording = lambda call_id: worker.submit(
                lambda engine: rec_sync.fetch(engine, call_id))
        worker.start()
    return feature


def install_board(window: MainWindow, auth: AuthFeature, db: Database, profile: SiteProfile,
                  clock: Clock, workstation: str, user: CurrentUser, lang: str,
                  central_url: str, alerts: Alerts) -> BoardFeature:
    """The 班长看板 tab for a lead; with a central URL, its live desk states (a LISTEN
    session of its own, only while a lead is signed in). Threshold breaches go to
    the lead's alerts inbox."""
    figures = BoardFigures(db, profile.targets, profile.board, profile.timezone, user=user)
    board_alerts = BoardAlerts(alerts, figures, profile.board, profile.timezone)
    live: LiveFactory | None = None
    if central_url:
        def live(team: str | None, on_states: Callable[[BoardStates], None],
                 on_error: Callable[[str], None]) -> LiveStates:
            from callcenter.services.sync.credentials import connect_central

            return LiveStates(lambda: connect_central(central_url), workstation,
                              on_states=on_states, on_error=on_error, team=team)
    return BoardFeature(window, auth, figures, clock, profile, lang, live, alerts=board_alerts)


def run(opts: AppOptions) -> int:
    try:
        log_path: Path | None = setup_logging(opts.log_level, log_dir(opts.data_dir))
    except OSError as exc:  # a read-only folder: the desk still says why it cannot start
        log_path = None
        print(f"callcenter: no diagnostic log: {exc.filename}: {exc.strerror or exc}",
              file=sys.stderr)
    install_excepthooks()
    if QApplication.instance() is None:
        missing = missing_qt_library()
        if missing is not None:  # instead of Qt's plugin error and abort: what to install
            log.error("cannot start: %s", missing)
            print(f"callcenter: {missing}", file=sys.stderr)
            return 2
    qt_args = sys.argv[:1] + (["-qwindowgeometry", opts.geometry] if opts.geometry else [])
    if QApplication.instance() is None:
        serial_painting()
    app = QApplication.instance() or QApplication(qt_args)
    assert isinstance(app, QApplication)
    app.setApplicationName("callcenter")
    install_qt_log()
    log.info("callcenter starting: lang %s, demo %s, workstation %s, log level %s, log %s",
             opts.lang, opts.demo, opts.workstation or "(settings)", opts.log_level, log_path)
    try:
        ctx = build(opts)
    except (ProfileError, CalendarError, SipSettingsError, StoreOpenError) as exc:
        # refused at start: the message names the file (and line) to fix
        log.error("refused at start: %s", exc)
        print(f"callcenter: {exc}", file=sys.stderr)
        if app.platformName() != "offscreen":  # someone is looking at a screen: tell them there
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, "callcenter", str(exc))
        return 2
    log.info("desk %s ready", ctx.desk.workstation)
    if opts.exit_when_shown:  # `callcenter bench startup`: the clock stops at the first paint
        def shown() -> None:
            print(f"SHOWN {time.monotonic_ns()}", flush=True)
            app.quit()
        FirstPaint(ctx.window, shown)
    ctx.window.show()
    # once the window is up (not before its first paint: start-up time), freeze the
    # start-up heap so a full collection never stalls the GUI for it (qt_app.py)
    QTimer.singleShot(2000, settle_heap)
    if not opts.exit_when_shown and not opts.autopilot_calls:
        QTimer.singleShot(0, ctx.window.sign_in_or_out)
    code = app.exec()
    log.info("shutting down (exit code %d)", code)
    ctx.shutdown()
    log.info("stopped")
    close_logging()
    return code


def _sip_account(opts: AppOptions, data_dir: Path) -> tuple[Any, Any]:
    """The SIP account and media settings (raises SipSettingsError with what to fix)."""
    from callcenter.services.phone.settings import (
        load_sip_settings,
        sip_account,
        sip_password,
    )

    s = load_sip_settings(data_dir, registrar=opts.sip_registrar, user=opts.sip_user)
    account = sip_account(s, sip_password(s))
    try:
        import pjsua2  # noqa: F401  (the SIP stack: a wheel for this platform must exist)
    except ImportError as exc:
        raise SipSettingsError(f"the SIP stack (pjsua2-python) cannot load here: {exc}") from exc
    return account
