"""Installs the ticket list as a tool tab of the main window.

Add to ``callcenter.app.build`` after the window is made::

    keep.append(ticket_list_integration.install(window, db, profile, clock, opts.lang))

The returned object owns the search service's thread; ``close()`` stops it
(it is also stopped when the view is destroyed).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from callcenter.domain.clock import Clock
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.privacy.policy import policy_for
from callcenter.services.storage.database import Database
from callcenter.services.tickets.search import TicketSearch
from callcenter.ui.shared.main_window import MainWindow
from callcenter.ui.tickets.list_view import TicketListView


class TicketListFeature(QObject):
    def __init__(self, view: TicketListView, search: TicketSearch) -> None:
        super().__init__(view)
        self.setObjectName("ticketListFeature")
        self.view = view
        self.search = search
        self._closed = False
        self.profile: SiteProfile | None = None
        self.user: CurrentUser | None = None  # who is signed in: whose numbers are masked

    def on_desk(self, snap: Any) -> None:
        """Phone numbers masked or not as the signed-in user's role says."""
        if self.profile is not None:
            self.view.model.set_viewer(policy_for(self.user.actor if self.user else None))

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self.search.close()


def install(window: MainWindow, db: Database, profile: SiteProfile, clock: Clock,
            lang: str) -> TicketListFeature:
    search = TicketSearch(db, clock, user=window.desk.user)
    view = TicketListView(search, profile, clock, lang)
    window.add_tool_tab(view, QCoreApplication.translate("TicketListView", "Tickets"))
    feature = TicketListFeature(view, search)
    feature.profile = profile
    feature.user = window.desk.user
    window.bridge.deskChanged.connect(feature.on_desk)
    view.destroyed.connect(search.close)
    window.add_clear_hook(view.forget)  # the next user does not see the last search
    return feature
