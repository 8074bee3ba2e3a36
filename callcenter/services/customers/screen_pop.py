"""Screen pop: who is calling, their accounts and their recent tickets."""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from callcenter.domain.clock import Clock
from callcenter.services.customers.phone import phone_key
from callcenter.services.storage.database import Database
from callcenter.store.models import Customer, Ticket

OPEN_STATUSES = ("accepted", "dispatched", "in_progress")


@dataclass(frozen=True)
class AccountCard:
    account_no: str
    meter_no: str
    address: str


@dataclass(frozen=True)
class CustomerCard:
    name: str
    phone: str
    address: str
    area_type: str
    accounts: tuple[AccountCard, ...]


@dataclass(frozen=True)
class TicketBrief:
    number: str
    category: str
    status: str
    created_at: datetime
    content: str


@dataclass(frozen=True)
class ScreenPop:
    caller_number: str
    customers: tuple[CustomerCard, ...]
    open_tickets: tuple[TicketBrief, ...]
    recent_tickets: tuple[TicketBrief, ...]

    @property
    def known(self) -> bool:
        return bool(self.customers)


def _brief(t: Ticket) -> TicketBrief:
    return TicketBrief(t.number, t.category, t.status, t.created_at, t.content[:80])


def lookup(session: Session, caller_number: str, now: datetime, recent_days: int) -> ScreenPop:
    key = phone_key(caller_number)
    customers = session.scalars(
        select(Customer)
        .where(Customer.phone == key, Customer.deleted_at.is_(None))
        .options(selectinload(Customer.accounts))
        .limit(20)
    ).all()
    cards = tuple(
        CustomerCard(
            c.name, c.phone, c.address, c.area_type,
            tuple(AccountCard(a.account_no, a.meter_no, a.address) for a in c.accounts),
        )
        for c in customers
    )
    account_nos = [a.account_no for c in cards for a in c.accounts]
    match = [Ticket.caller_phone == key]
    if account_nos:
        match.append(Ticket.account_no.in_(account_nos))
    since = now - timedelta(days=recent_days)
    open_rows = session.scalars(
        select(Ticket)
        .where(or_(*match), Ticket.status.in_(OPEN_STATUSES), Ticket.deleted_at.is_(None))
        .order_by(Ticket.created_at.desc())
        .limit(50)
    ).all()
    recent_rows = session.scalars(
        select(Ticket)
        .where(or_(*match), Ticket.created_at >= since, Ticket.deleted_at.is_(None))
        .order_by(Ticket.created_at.desc())
        .limit(50)
    ).all()
    return ScreenPop(
        caller_number, cards,
        tuple(_brief(t) for t in open_rows), tuple(_brief(t) for t in recent_rows),
    )


class Customers:
    def __init__(self, db: Database, clock: Clock, recent_days: int) -> None:
        self._db = db
        self._clock = clock
        self._recent_days = recent_days

    def screen_pop(self, caller_number: str) -> Future[ScreenPop]:
        now = self._clock.utc_now()
        return self._db.read(lambda s: lookup(s, caller_number, now, self._recent_days))

