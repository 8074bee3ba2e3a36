"""Screen pop: who is calling, their accounts, open and recent tickets.

Signal: newCustomerRequested(str) when the agent chooses to register an
unknown number as a new customer (the ticket form is prefilled with it).

The pop is first shown from this desk's own store; a desk that syncs then
fetches the caller's tickets from central (ui/sync/caller_fetch.py) and shows the
pop again, with a note saying where the history comes from.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from callcenter.domain.site_profile import SiteProfile
from callcenter.services.customers.screen_pop import ScreenPop, TicketBrief
from callcenter.services.privacy.policy import NOBODY, Surface


class ScreenPopPanel(QGroupBox):
    newCustomerRequested = Signal(str)

    def __init__(self, profile: SiteProfile, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Caller"), parent)
        self.setObjectName("screenPop")
        self._profile = profile
        self._lang = lang
        self._tz = ZoneInfo(profile.timezone)
        self._pop: ScreenPop | None = None
        self.numbers = NOBODY  # the signed-in user's view (main window sets it)
        lay = QVBoxLayout(self)
        self.header = QLabel(self)
        self.header.setObjectName("screenPopHeader")
        self.header.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setObjectName("screenPopNote")
        self.note.setAccessibleName("历史工单来源")
        self.note.setStyleSheet("color:#6b7280;")
        self.note.hide()
        self.body = QTextBrowser(self)
        self.body.setObjectName("screenPopBody")
        self.body.setAccessibleName("客户信息")
        self.body.setMinimumHeight(40)  # it scrolls: banners and scripts must fit at 768 lines
        self.new_btn = QPushButton(self.tr("New customer with this number"), self)
        self.new_btn.setObjectName("newCustomerButton")
        self.new_btn.setAccessibleName("新建客户")
        # checkable: while checked, saving the ticket also files the caller as a customer
        self.new_btn.setCheckable(True)
        self.new_btn.toggled.connect(self._new_customer)
        self.new_btn.hide()
        lay.addWidget(self.header)
        lay.addWidget(self.note)
        lay.addWidget(self.body, 1)
        lay.addWidget(self.new_btn)
        self.clear()

    @property
    def register_customer(self) -> bool:
        return self.new_btn.isVisible() and self.new_btn.isChecked()

    @property
    def current_number(self) -> str | None:
        """The caller whose pop is shown (None: no pop)."""
        return None if self._pop is None else self._pop.caller_number

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        # its wrapped labels would fix its height in the call tab; the body scrolls
        # instead, so the script panel and its phrase keys under it stay on screen
        return False

    def clear(self) -> None:
        self._pop = None
        self.set_note("")
        self.new_btn.setChecked(False)
        self.header.setText(self.tr("No call"))
        self.body.clear()
        self.new_btn.hide()

    def show_ringing(self, number: str) -> None:
        self.header.setText(self.tr("Incoming call from %1").replace("%1", self._phone(number)))

    def _phone(self, number: str) -> str:
        return self.numbers.phone(number, Surface.CALL)

    def _category(self, code: str) -> str:
        c = self._profile.category(code)
        return c.label(self._lang) if c else code

    def _ticket_line(self, t: TicketBrief) -> str:
        when = t.created_at.astimezone(self._tz).strftime("%Y-%m-%d %H:%M")
        content = self.numbers.text(t.content, Surface.CALL)
        return f"<li>{t.number} · {self._category(t.category)} · {when}<br/>{_esc(content)}</li>"

    def show_pop(self, pop: ScreenPop) -> None:
        # the same caller shown again (history fetched from central): the agent's
        # choice to register them stays
        same = self._pop is not None and self._pop.caller_number == pop.caller_number
        self._pop = pop
        if not same:
            self.set_note("")
        if not pop.known:
            self.header.setText(self.tr("Unknown number %1: no customer on record")
                                .replace("%1", self._phone(pop.caller_number)))
            if not same:
                self.new_btn.setChecked(False)
            self.new_btn.show()
        else:
            self.header.setText(self.tr("%1 customer(s) with number %2")
                                .replace("%1", str(len(pop.customers)))
                                .replace("%2", self._phone(pop.caller_number)))
            self.new_btn.setChecked(False)  # a known caller is not filed again
            self.new_btn.hide()
        parts: list[str] = []
        account, meter = self.tr("Account"), self.tr("Meter")
        open_title, recent_title = self.tr("Open tickets"), self.tr("Tickets of the last 30 days")
        for c in pop.customers:
            accts = "".join(
                f"<li>{account} {a.account_no} · {meter} {a.meter_no}"
                f"<br/>{_esc(a.address)}</li>" for a in c.accounts)
            parts.append(f"<p><b>{_esc(c.name)}</b> {self._phone(c.phone)}<br/>"
                         f"{_esc(c.address)}</p><ul>{accts}</ul>")
        parts.append(f"<p><b>{open_title}</b> ({len(pop.open_tickets)})</p><ul>"
                     + "".join(self._ticket_line(t) for t in pop.open_tickets) + "</ul>")
        parts.append(f"<p><b>{recent_title}</b> "
                     f"({len(pop.recent_tickets)})</p><ul>"
                     + "".join(self._ticket_line(t) for t in pop.recent_tickets) + "</ul>")
        self.body.setHtml("".join(parts))

    def _new_customer(self, checked: bool) -> None:
        if checked and self._pop is not None:
            self.newCustomerRequested.emit(self._pop.caller_number)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
