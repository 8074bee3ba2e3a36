"""补录: entering a ticket for a call taken while the system was down.

Separate from the live call loop: it needs no call state, only who is signed
in, and reports through the same listener calls as a wrap-up save.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future

from callcenter.domain.ticket import TicketDraft
from callcenter.services.storage.database import StoreFailure, as_failure
from callcenter.services.tickets.entry import Backfill, SavedTicket, Tickets

Post = Callable[[Callable[[], None]], None]


def save_backfill(
    tickets: Tickets,
    agent_id: str,
    draft: TicketDraft,
    backfill: Backfill,
    *,
    post: Post,
    saved: Callable[[SavedTicket], None],
    failed: Callable[[StoreFailure], None],
) -> Future[SavedTicket]:
    """Validate now (raises TicketInvalid), save on the writer thread, and call
    ``saved`` or ``failed`` on the desk's thread through ``post``."""
    fut = tickets.save(draft, agent_id=agent_id, backfill=backfill)

    def done(f: Future[SavedTicket]) -> None:
        def deliver() -> None:
            exc = f.exception()
            if exc is None:
                saved(f.result())
            else:
                failed(as_failure(exc))
        post(deliver)

    fut.add_done_callback(done)
    return fut
