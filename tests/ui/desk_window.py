"""Builds the real MainWindow on a real SQLite file, with a fake clock and a
switch the test drives, so SLA timers can be stepped exactly."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from callcenter.domain.clock import FakeClock, ManualScheduler
from callcenter.domain.ticket import TicketDraft
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.auth.sign_in import SignInService
from callcenter.services.calls.desk import CallDesk
from callcenter.services.customers.screen_pop import Customers
from callcenter.services.demo.seed import seed_demo
from callcenter.services.demo.users import seed_demo_users
from callcenter.services.scripts.call_lines import BasicScripts
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database, open_database
from callcenter.services.tickets.entry import DispatchRequest, SavedTicket, Tickets
from callcenter.ui.auth.integration import AuthFeature
from callcenter.ui.calls.desk_bridge import DeskBridge, GuiPoster
from callcenter.ui.shared.main_window import MainWindow
from tests.fakes import ScriptedTelephony


@dataclass
class DeskWindow:
    window: MainWindow
    desk: CallDesk
    db: Database
    clock: FakeClock
    sched: ManualScheduler
    tel: ScriptedTelephony
    bridge: DeskBridge
    poster: GuiPoster
    auth: AuthFeature

    def advance(self, seconds: float) -> None:
        self.sched.advance(seconds)
        self.window._tick()  # the display tick would do this within 50 ms

    def saved_earlier(self, draft: TicketDraft, agent_id: str = "1024",
                      dispatch: DispatchRequest | None = None) -> SavedTicket:
        """Setup: a ticket saved earlier (another shift or desk), written straight
        into the store, whoever is signed in here now."""
        return self.db.write_now(lambda s: self.desk.tickets.save_in(
            s, draft, agent_id=agent_id, dispatch=dispatch))

    def close(self) -> None:
        self.desk.shutdown()
        self.auth.service.close()
        self.window.close()
        self.db.close()


def make_desk_window(tmp: Path, lang: str = "zh", customers: int = 20) -> DeskWindow:
    clock = FakeClock()
    sched = ManualScheduler(clock)
    profile = load_profile()
    db = open_database(tmp / "desk.sqlite3", busy_timeout_ms=200)
    tickets = Tickets(db, profile, clock, "W01", user=CurrentUser())  # signed out, as the app starts
    seed_demo_users(db, profile, clock, "W01")  # 1001 / demo1001 and the others
    seed_demo(db, tickets, clock, n=customers)
    tel = ScriptedTelephony()
    poster = GuiPoster()
    desk = CallDesk(
        clock=clock, scheduler=sched, telephony=tel, profile=profile, db=db, tickets=tickets,
        customers=Customers(db, clock, profile.recent_ticket_days),
        scripts=BasicScripts(lang=lang), workstation="W01", post=poster.post,
    )
    bridge = DeskBridge()
    desk.add_listener(bridge)
    window = MainWindow(desk, bridge, clock, lang)
    auth = AuthFeature(window, desk, SignInService(db, profile, clock, "W01"))
    return DeskWindow(window, desk, db, clock, sched, tel, bridge, poster, auth)
