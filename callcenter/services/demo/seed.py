"""Seed the demo city's customers (and a little ticket history) on first run.

Demo data stays on the desk: nothing seeded here is captured for sync
(``capture_suspended``), so two demo desks pointed at one central do not push
the same fictional city twice. Customer and account ids are derived from the
account numbers (uuid5), so demo desks agree on them anyway.
"""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from callcenter.domain.clock import Clock
from callcenter.domain.ticket import TicketDraft
from callcenter.services.customers.phone import phone_key
from callcenter.services.demo.city import generate_customers, load_city
from callcenter.services.storage.database import Database
from callcenter.services.tickets.entry import DispatchRequest, Tickets
from callcenter.store.models import Account, Customer
from callcenter.sync.outbox import capture_suspended

DEMO_CUSTOMERS = 2000
_DEMO_NS = uuid.UUID("5f0c2a52-6d1e-4b8e-9a55-0d3c4e2f9a10")  # fixed: the same ids on every desk


def seed_demo(db: Database, tickets: Tickets, clock: Clock, n: int = DEMO_CUSTOMERS) -> int:
    """Insert ``n`` demo customers if the store has none; returns how many were added."""
    if db.read_now(lambda s: s.scalar(select(func.count(Customer.id)))):
        return 0
    city = load_city()
    now = clock.utc_now()
    ws = tickets.workstation

    def insert(s: Session) -> None:
        with capture_suspended(s):
            for seed in generate_customers(city, n):
                key = seed.accounts[0].account_no if seed.accounts else seed.phone
                c = Customer(id=uuid.uuid5(_DEMO_NS, "customer:" + key), name=seed.name,
                             phone=phone_key(seed.phone), address=seed.address,
                             area_type=seed.area_type, updated_at=now, origin_workstation=ws)
                s.add(c)
                for a in seed.accounts:
                    s.add(Account(id=uuid.uuid5(_DEMO_NS, "account:" + a.account_no), customer=c,
                                  account_no=a.account_no, meter_no=a.meter_no,
                                  address=a.address, updated_at=now, origin_workstation=ws))
            s.flush()  # inside the suspension: the flush is where ops would be captured

    db.write_now(insert)
    # a little history so the screen pop has open and recent tickets to show
    first = next(iter(generate_customers(city, 1)))
    acct = first.accounts[0]
    history = TicketDraft(
        category="fault_repair", content="客户反映家中频繁跳闸，已派抢修。", caller_name=first.name,
        caller_phone=first.phone, account_no=acct.account_no, meter_no=acct.meter_no,
        address=acct.address, area_type=first.area_type, priority="soon",
    )
    inquiry = TicketDraft(category="inquiry", content="咨询阶梯电价计费方式，已当场解答。",
                          caller_phone=first.phone, account_no=acct.account_no)

    def history_tickets(s: Session) -> None:
        with capture_suspended(s):
            tickets.save_in(s, history, agent_id="demo", dispatch=DispatchRequest("repair", 1))
            tickets.save_in(s, inquiry, agent_id="demo")
            s.flush()

    db.write_now(history_tickets)
    return n
