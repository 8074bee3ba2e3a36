"""A desk's services on a real SQLite store, all sharing one CurrentUser, and
one probe per guarded permission: the service call that does that action.

A probe acts as the signed-in user; it raises ``PermissionDenied`` when the
table says no, and asserts that the action took effect when it says yes.
Setup (tickets in the state an action starts from) goes around the checks: it
writes through the transaction bodies and the workflow with its own actors.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from callcenter.domain.auth.permissions import Permission
from callcenter.domain.auth.roles import Actor, Role
from callcenter.domain.clock import FakeClock
from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.ticket import TicketDraft
from callcenter.domain.ticket_lifecycle import TicketAction, TicketState
from callcenter.services.alerts.inbox import REPEAT_COMPLAINT, SHIFT_LEAD, Alerts
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.callbacks.queue import AttemptRequest, Callbacks, CallResult
from callcenter.services.outages.importer import OutageImport
from callcenter.services.outages.lookup import Outages
from callcenter.services.scripts.admin import ScriptAdmin, published_sources
from callcenter.services.scripts.library import ScriptLibraryService
from callcenter.services.site.documents import publish_in
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database, open_database
from callcenter.services.tickets.detail import TicketDetails
from callcenter.services.tickets.duplicates import Duplicates
from callcenter.services.tickets.entry import DispatchRequest, Tickets
from callcenter.services.tickets.workflow import ActionRequest, TicketWorkflow
from callcenter.store.alert_models import Alert
from callcenter.store.outage_models import EmergencyBanner
from callcenter.store.script_models import ScriptVersion
from callcenter.store.site_models import SiteDocument
from tests.outages.conftest import GOOD_ROWS, write_csv
from tests.scripts.helpers import CATEGORIES, copy_shipped

# one user of each role (the department user works for "repair")
ACTORS = {
    Role.AGENT: Actor("1024", Role.AGENT),
    Role.SHIFT_LEAD: Actor("9001", Role.SHIFT_LEAD),
    Role.DEPARTMENT: Actor("8001", Role.DEPARTMENT, "repair"),
    Role.QA: Actor("7001", Role.QA),
    Role.ADMIN: Actor("6001", Role.ADMIN),
}
# setup's own actors (never the user under test)
_AGENT, _LEAD = Actor("1099", Role.AGENT), Actor("9099", Role.SHIFT_LEAD)
_REPAIR = Actor("8099", Role.DEPARTMENT, "repair")
REPLY = {"departed_at": "10:00", "arrived_at": "10:35", "cause": "表后开关跳闸",
         "restored_at": "10:50", "result": "已恢复供电"}
HOLD = '''id = "hold"
title = "保持通话用语"
role = "hold"
phase = "hold"
text = "{customer_name}，请您稍候，我马上为您查询。"
'''


def draft(category: str = "fault_repair", phone: str = "13800138001") -> TicketDraft:
    return TicketDraft(category=category, content="家中停电", caller_name="张先生", caller_phone=phone,
                       address="临江市江城区幸福路12号", area_type="urban", priority="soon")


@dataclass
class Rig:
    db: Database
    clock: FakeClock
    profile: SiteProfile
    user: CurrentUser
    tickets: Tickets
    workflow: TicketWorkflow
    setup_workflow: TicketWorkflow  # setup's own, acting for no signed-in user
    details: TicketDetails
    alerts: Alerts
    duplicates: Duplicates
    callbacks: Callbacks
    outages: Outages
    tmp: Path

    # ----- setup, around the checks -------------------------------------------
    def ticket(self, state: TicketState, category: str = "fault_repair") -> uuid.UUID:
        """A ticket brought to ``state`` by setup's own actors."""
        tid = self.db.write_now(lambda s: self.tickets.save_in(s, draft(category), agent_id="1099")).id
        steps = {
            TicketState.DISPATCHED: [(TicketAction.DISPATCH, _AGENT, {"department": "repair"})],
            TicketState.IN_PROGRESS: [(TicketAction.ACCEPT, _REPAIR, {})],
            TicketState.REPLIED: [(TicketAction.REPLY, _REPAIR, {"reply": REPLY})],
            TicketState.VISITED: [(TicketAction.CALLBACK_SATISFIED, _AGENT, {})],
        }
        order = [TicketState.DISPATCHED, TicketState.IN_PROGRESS, TicketState.REPLIED, TicketState.VISITED]
        for st in order[:order.index(state) + 1] if state in order else []:
            for action, actor, kw in steps[st]:
                self._apply(self.setup_workflow, tid, action, actor, **kw)
        return tid

    def act(self, tid: uuid.UUID, action: TicketAction, actor: Actor, **kw: object) -> None:
        self._apply(self.workflow, tid, action, actor, **kw)

    def _apply(self, wf: TicketWorkflow, tid: uuid.UUID, action: TicketAction, actor: Actor,
               **kw: object) -> None:
        snap = wf.get(tid)
        wf.apply(ActionRequest(tid, action, actor, snap.version, **kw))  # type: ignore[arg-type]
        self.clock.advance(60)

    def state(self, tid: uuid.UUID) -> TicketState:
        return self.workflow.get(tid).state

    def script_admin(self) -> ScriptAdmin:
        lib = copy_shipped(self.tmp / "lib")
        service = ScriptLibraryService(lib, categories=CATEGORIES,
                                       published=lambda: published_sources(self.db))
        return ScriptAdmin(self.db, self.clock, "W01", service, user=self.user)

    def close(self) -> None:
        self.db.close()


def make_rig(template: Path, tmp: Path) -> Rig:
    path = tmp / "desk.sqlite3"
    shutil.copy(template, path)
    db = open_database(path, busy_timeout_ms=200)
    clock, profile, user = FakeClock(), load_profile(), CurrentUser()
    workflow = TicketWorkflow(db, clock, "W01", user=user)
    alerts = Alerts(db, clock, "W01", user=user)
    return Rig(db, clock, profile, user, Tickets(db, profile, clock, "W01", user=user), workflow,
               TicketWorkflow(db, clock, "W01"), TicketDetails(db, user=user), alerts,
               Duplicates(db, profile, clock, alerts, workflow),
               Callbacks(db, profile, clock, workflow, "W01", user=user),
               Outages(db, clock, "W01", user=user), tmp)


# ----- one probe per guarded permission ----------------------------------------------
def _read(r: Rig, a: Actor) -> None:
    tid = r.ticket(TicketState.DISPATCHED)  # dispatched to repair: the department user's own
    assert r.details.detail(tid).result(timeout=5).id == tid


def _create(r: Rig, a: Actor) -> None:
    saved = r.tickets.save(draft(), agent_id=a.user_id).result(timeout=5)
    assert saved.status == "accepted"


def _dispatch(r: Rig, a: Actor) -> None:
    tid = r.ticket(TicketState.ACCEPTED)
    r.act(tid, TicketAction.DISPATCH, a, department="repair")
    assert r.state(tid) is TicketState.DISPATCHED
    # the ticket form's 下发工单 needs the same permission
    saved = r.tickets.save(draft(phone="13800138002"), agent_id=a.user_id,
                           dispatch=DispatchRequest("repair", 1)).result(timeout=5)
    assert saved.status == "dispatched"


def _lifecycle(start: TicketState, action: TicketAction, end: TicketState | None,
               category: str = "fault_repair", **kw: object) -> Callable[[Rig, Actor], None]:
    def probe(r: Rig, a: Actor) -> None:
        tid = r.ticket(start, category)
        before = r.workflow.get(tid).version
        r.act(tid, action, a, **kw)
        assert r.state(tid) is (end or start) and r.workflow.get(tid).version == before + 1
    return probe


def _urge(r: Rig, a: Actor) -> None:
    tid = r.ticket(TicketState.DISPATCHED)
    snap = r.duplicates.urge(tid, agent_id=a.user_id, note="客户催问").result(timeout=5)
    assert snap.urge_count == 1


def _callback_task(r: Rig) -> tuple[uuid.UUID, int]:
    r.ticket(TicketState.REPLIED)
    assert r.callbacks.enqueue().result(timeout=5) == 1
    row = r.callbacks.queue().result(timeout=5).rows[0]
    return row.id, row.version


def _callback_record(r: Rig, a: Actor) -> None:
    task, version = _callback_task(r)
    version = r.callbacks.take(task, a.user_id, version).result(timeout=5).version  # taken first
    out = r.callbacks.record_attempt(AttemptRequest(task, a.user_id, version,
                                                    CallResult.REACHED_SATISFIED)).result(timeout=5)
    assert out.ticket_state is TicketState.VISITED


def _callback_assign(r: Rig, a: Actor) -> None:
    task, version = _callback_task(r)
    row = r.callbacks.assign(task, "1025", a.user_id, version).result(timeout=5)
    assert row.assigned_to == "1025"


def _alert_raise(r: Rig, a: Actor) -> None:
    view = r.alerts.raise_alert(REPEAT_COMPLAINT, "LJ-1 · 13800138001", created_by=a.user_id).result(5)
    assert view.created_by == a.user_id


def _alerts_lead(r: Rig, a: Actor) -> None:
    r.db.write_now(lambda s: s.add(Alert(kind=REPEAT_COMPLAINT, message="m", for_role=SHIFT_LEAD,
                                         created_by="1099", created_at=r.clock.utc_now(),
                                         updated_at=r.clock.utc_now(), origin_workstation="W02")))
    (alert,) = r.alerts.open_for(SHIFT_LEAD).result(timeout=5)
    assert r.alerts.acknowledge(alert.id, a.user_id).result(timeout=5).acknowledged_by == a.user_id


def _emergency_raise(r: Rig, a: Actor) -> None:
    notice = r.outages.raise_emergency("江城区大面积停电", "您好……", a.user_id).result(timeout=5)
    assert r.outages.current_emergency().result(timeout=5) == notice


def _emergency_clear(r: Rig, a: Actor) -> None:
    now = r.clock.utc_now()
    row = EmergencyBanner(message="m", script="s", raised_by="9099", raised_at=now, updated_at=now,
                          origin_workstation="W02")
    r.db.write_now(lambda s: s.add(row))
    r.clock.advance(300)
    r.outages.clear_emergency(row.id).result(timeout=5)
    stored = r.db.read_now(lambda s: s.get(EmergencyBanner, row.id))
    assert stored is not None and (stored.cleared_by, stored.cleared_at) == (a.user_id, r.clock.utc_now())


def _script_edit(r: Rig, a: Actor) -> None:
    assert r.script_admin().save_draft("hold", HOLD, a.user_id).state == "draft"


def _script_publish(r: Rig, a: Actor) -> None:
    admin = r.script_admin()
    assert admin.publish("hold", HOLD, a.user_id).author == a.user_id
    assert r.db.read_now(lambda s: s.scalars(select(ScriptVersion.state)).all()) == ["published"]


def _site_publish(r: Rig, a: Actor) -> None:
    text = (Path(__file__).parents[2] / "resources" / "calendar").glob("*.toml")
    source = next(iter(sorted(text))).read_text(encoding="utf-8")
    done = r.db.write_now(lambda s: publish_in(s, "calendar", source, r.user.actor, r.clock.utc_now(), "W01"))
    assert done.number == 1
    assert r.db.read_now(lambda s: s.scalars(select(SiteDocument.author)).all()) == [a.user_id]


def _outage_import(r: Rig, a: Actor) -> None:
    importer = OutageImport(r.db, r.clock, "W01", "Asia/Shanghai", user=r.user)
    report = importer.run(write_csv(r.tmp / "outages.csv", GOOD_ROWS))
    assert report.ok and report.counts.added == len(GOOD_ROWS)


def _call_answer(r: Rig, a: Actor) -> None:
    """示闲: the one step that puts a desk in the queue (answering follows from it)."""
    from callcenter.domain.agent_state import AgentState
    from callcenter.domain.clock import ManualScheduler
    from callcenter.services.calls.desk import CallDesk
    from callcenter.services.customers.screen_pop import Customers
    from callcenter.services.scripts.call_lines import BasicScripts
    from tests.fakes import ScriptedTelephony

    desk = CallDesk(clock=r.clock, scheduler=ManualScheduler(r.clock), telephony=ScriptedTelephony(),
                    profile=r.profile, db=r.db, tickets=r.tickets,
                    customers=Customers(r.db, r.clock, r.profile.recent_ticket_days),
                    scripts=BasicScripts(), workstation="W01", post=lambda fn: fn())
    before = r.user.actor
    desk.sign_in(a.user_id, a)
    if before is None:
        r.user.clear()  # the signed-out probe: the desk's state machine alone says signed in
    offered = "set_ready" in {x.value for x in desk.snapshot().allowed}
    desk.set_ready()
    assert desk.status.state is AgentState.READY and offered


def _sync_resolve(r: Rig, a: Actor) -> None:
    """Dismiss a conflict sync found on this desk's ticket (keeping this desk's
    values of a dispatched ticket is TICKET_EDIT too: tests/ui/test_sync_conflicts)."""
    from callcenter.services.sync.conflicts import Choice, SyncConflicts
    from callcenter.store.sync_models import SyncConflict

    tid, now = r.ticket(TicketState.ACCEPTED), r.clock.utc_now()
    row = SyncConflict(id=uuid.uuid4(), source="push", table_name="tickets", row_id=tid, op_id=None,
                       fields=["content"], local_values={"content": "B"}, central_values={"content": "A"},
                       central_version=2, detected_at=now)
    r.db.write_now(lambda s: s.add(row))
    SyncConflicts(r.db, r.clock.utc_now, user=r.user, workstation="W01").resolve(
        row.id, Choice.DISMISSED, a.user_id).result(timeout=5)
    stored = r.db.read_now(lambda s: s.get(SyncConflict, row.id))
    assert stored is not None and (stored.resolution, stored.resolved_by) == ("dismissed", a.user_id)


def _board_read(r: Rig, a: Actor) -> None:
    from callcenter.services.board.figures import BoardFigures, BoardQuery

    board = BoardFigures(r.db, r.profile.targets, r.profile.board, user=r.user)
    now = r.clock.utc_now()
    assert board.load(BoardQuery(now, now, now)).result(timeout=5).figures.offered == 0


SERVICE_PROBES: dict[Permission, Callable[[Rig, Actor], None]] = {
    Permission.CALL_ANSWER: _call_answer,
    Permission.SYNC_RESOLVE: _sync_resolve,
    Permission.TICKET_READ: _read,
    Permission.TICKET_CREATE: _create,
    Permission.TICKET_DISPATCH: _dispatch,
    Permission.TICKET_ACCEPT: _lifecycle(TicketState.DISPATCHED, TicketAction.ACCEPT,
                                         TicketState.IN_PROGRESS),
    Permission.TICKET_REPLY: _lifecycle(TicketState.IN_PROGRESS, TicketAction.REPLY, TicketState.REPLIED,
                                        reply=REPLY),
    Permission.TICKET_URGE: _urge,
    Permission.TICKET_SUPERVISE: _lifecycle(TicketState.DISPATCHED, TicketAction.SUPERVISE, None),
    Permission.TICKET_CLOSE_ON_CALL: _lifecycle(TicketState.ACCEPTED, TicketAction.CLOSE_ON_CALL,
                                                TicketState.ARCHIVED, category="inquiry"),
    Permission.TICKET_ARCHIVE: _lifecycle(TicketState.VISITED, TicketAction.ARCHIVE, TicketState.ARCHIVED),
    Permission.CALLBACK_RECORD: _callback_record,
    Permission.CALLBACK_ASSIGN: _callback_assign,
    Permission.ALERT_RAISE: _alert_raise,
    Permission.ALERTS_READ_LEAD: _alerts_lead,
    Permission.BOARD_READ: _board_read,
    Permission.EMERGENCY_RAISE: _emergency_raise,
    Permission.EMERGENCY_CLEAR: _emergency_clear,
    Permission.SCRIPT_EDIT: _script_edit,
    Permission.SCRIPT_PUBLISH: _script_publish,
    Permission.SITE_PUBLISH: _site_publish,
    Permission.OUTAGE_IMPORT: _outage_import,
}
