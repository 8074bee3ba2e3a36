"""The incoming lead's side of the 交接班 tab and the history: read a submitted
record, tick items or ask about them, confirm with the password, take
attendance, assign the chase, add addenda; search, print and export records."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QFileDialog, QTableWidgetItem

from callcenter.domain.handover.record import SECTIONS, EntryKind, RecordState
from callcenter.services.handover.records import RecordRow, RecordView, search
from callcenter.services.handover.shift import Attendee
from callcenter.ui.handover.document import document, write_pdf
from callcenter.ui.handover.lead_view import LeadView
from callcenter.ui.handover.texts import state_name, tr

if TYPE_CHECKING:
    from callcenter.ui.handover.feature import HandoverFeature

STATUSES = ("present", "late", "absent")


def status_name(code: str) -> str:
    return {"present": tr("Present"), "late": tr("Late"), "absent": tr("Absent")}.get(code, code)


class IncomingController:
    def __init__(self, feature: HandoverFeature, view: LeadView) -> None:
        self.f, self.view = feature, view
        self.record: RecordView | None = None
        self.rows: list[RecordRow] = []
        i = view.incoming
        i.reload_btn.clicked.connect(self.reload)
        i.records.currentIndexChanged.connect(self.select)
        i.check_btn.clicked.connect(self.save_ticks)
        i.ask_btn.clicked.connect(self.ask)
        i.confirm_btn.clicked.connect(self.confirm)
        i.attendance_btn.clicked.connect(self.save_attendance)
        i.chase_btn.clicked.connect(self.assign_chase)
        i.addendum_btn.clicked.connect(self.add_addendum)
        h = view.history
        today = feature._clock.utc_now().astimezone(feature.tz).date()  # the site's day
        h.date_from.setDate(today - timedelta(days=7))
        h.date_to.setDate(today)
        h.search_btn.clicked.connect(self.search)
        h.print_btn.clicked.connect(self.print_record)
        h.pdf_btn.clicked.connect(self.export_pdf)
        self.reload()

    # -- records to take over -------------------------------------------------------------
    def reload(self) -> None:
        now = self.f._clock.utc_now()
        me = self.f.records.user.user_id
        fut = search(self.f._db, start=now - timedelta(days=2))

        def show(rows: list[RecordRow]) -> None:
            self.rows = [r for r in rows if r.state is not RecordState.DRAFT and r.outgoing_lead != me]
            box = self.view.incoming.records
            box.blockSignals(True)
            box.clear()
            for r in self.rows:
                box.addItem(f"{r.shift_key} {r.outgoing_lead} · {state_name(r.state.value)}", r.id)
            box.blockSignals(False)
            self.select()
        self.f.deliver(fut, show)

    def select(self) -> None:
        rid = self.view.incoming.records.currentData()
        if rid:
            self.f.deliver(self.f.records.get(rid), self.show)

    def show(self, rec: RecordView) -> None:
        self.record = rec
        i = self.view.incoming
        checked = frozenset(str(e.data.get("item")) for e in rec.of_kind(EntryKind.CHECK))
        editable = rec.state is RecordState.SUBMITTED
        for s in SECTIONS:
            i.boxes[s].set_items(rec.compiled.get(s.value, []), checkable=editable, checked=checked)
            i.boxes[s].text.setPlainText(rec.texts.get(s.value, ""))
        if rec.state is RecordState.CONFIRMED and rec.confirmed_at is not None:
            state = tr("Confirmed by %1 at %2.").replace("%1", rec.confirmed_by or "").replace(
                "%2", rec.confirmed_at.astimezone(self.f.tz).strftime("%Y-%m-%d %H:%M"))
        else:
            state = state_name(rec.state.value)
        box = i.records
        n = box.findData(rec.id)
        if n >= 0:  # the list says what the record is now
            box.setItemText(n, f"{rec.shift_key} {rec.outgoing_lead} · {state_name(rec.state.value)}")
        questions = len(rec.of_kind(EntryKind.QUESTION))
        i.state_label.setText(f"{rec.shift_key} · {rec.outgoing_lead} · {state} · "
                              + tr("%1 items checked, %2 questions").replace(
                                  "%1", str(len(checked))).replace("%2", str(questions)))
        for w in (i.confirm_btn, i.password, i.check_btn, i.ask_btn):
            w.setEnabled(editable)
        self.load_attendance(rec)

    def _entry(self, kind: EntryKind, text: str = "", data: dict[str, str] | None = None) -> None:
        if self.record is None:
            return
        self.f.deliver(self.f.records.add_entry(self.record.id, kind, text, data), self.show)

    def save_ticks(self) -> None:
        if self.record is None:
            return
        done = {str(e.data.get("item")) for e in self.record.of_kind(EntryKind.CHECK)}
        for box in self.view.incoming.boxes.values():
            for item in box.checked_ids():
                if item not in done:
                    self._entry(EntryKind.CHECK, data={"item": item})

    def ask(self) -> None:
        i = self.view.incoming
        item = next((b.selected_id() for b in i.boxes.values() if b.selected_id()), None)
        if not i.question.text().strip():
            i.message.setText(tr("Write the question first."))
            return
        self._entry(EntryKind.QUESTION, i.question.text().strip(), {"item": item or ""})
        i.question.clear()

    def confirm(self) -> None:
        i = self.view.incoming
        if self.record is None:
            return
        password = i.password.text()
        i.password.clear()

        def ok(rec: RecordView) -> None:
            self.show(rec)
            i.message.setText(tr("Confirmed. Assign the overdue chase and brief the team."))
        self.f.deliver(self.f.records.confirm(self.record.id, password), ok)

    def add_addendum(self) -> None:
        i = self.view.incoming
        if self.record is None or self.record.state is not RecordState.CONFIRMED:
            i.message.setText(tr("Addenda are for confirmed records; before that, ask a question."))
            return
        self._entry(EntryKind.ADDENDUM, i.addendum.text())
        i.addendum.clear()

    # -- attendance and the chase -----------------------------------------------------------
    def load_attendance(self, rec: RecordView) -> None:
        info = self.f.info(rec.shift_start)
        if info is None:
            return

        def show(people: list[Attendee]) -> None:
            t = self.view.incoming.attendance
            t.setRowCount(len(people))
            recorded = {str(e.data.get("agent")): str(e.data.get("status"))
                        for e in rec.of_kind(EntryKind.ATTENDANCE)}
            chase = self.view.incoming.chase_agent
            chase.clear()
            for row, p in enumerate(people):
                t.setItem(row, 0, QTableWidgetItem(p.user_id))
                t.setItem(row, 1, QTableWidgetItem(p.name))
                t.setItem(row, 2, QTableWidgetItem(
                    p.signed_in_at.astimezone(self.f.tz).strftime("%H:%M") if p.signed_in_at else "—"))
                box = QComboBox(t)
                for code in STATUSES:
                    box.addItem(status_name(code), code)
                box.setCurrentIndex(STATUSES.index(recorded.get(p.user_id, p.status)))
                t.setCellWidget(row, 3, box)
                chase.addItem(f"{p.user_id} {p.name}", p.user_id)
        self.f.deliver(self.f.shift.attendance(info), show)

    def save_attendance(self) -> None:
        t = self.view.incoming.attendance
        for row in range(t.rowCount()):
            box = t.cellWidget(row, 3)
            item = t.item(row, 0)
            if isinstance(box, QComboBox) and item is not None:
                self._entry(EntryKind.ATTENDANCE, data={
                    "agent": item.text(), "status": str(box.currentData()),
                    "signed_in": t.item(row, 2).text() if t.item(row, 2) else ""})

    def assign_chase(self) -> None:
        agent = self.view.incoming.chase_agent.currentData()
        if self.record is None or self.record.state is not RecordState.CONFIRMED:
            self.view.incoming.message.setText(tr("Confirm the record before assigning the chase."))
            return
        if agent:
            self._entry(EntryKind.CHASE, data={"agent": str(agent)})
            self.view.incoming.message.setText(tr("The chase goes to %1.").replace("%1", str(agent)))

    # -- history ------------------------------------------------------------------------------
    def search(self) -> None:
        h = self.view.history
        tz = self.f.tz

        def day(q: object, add: int = 0) -> datetime:
            d = q.toPython()  # type: ignore[attr-defined]
            return datetime.combine(d + timedelta(days=add), time(), tz).astimezone(UTC)
        fut = search(self.f._db, start=day(h.date_from.date()), end=day(h.date_to.date(), 1),
                     shift_name=h.shift.currentData() or "", lead=h.lead.text().strip())

        def show(rows: list[RecordRow]) -> None:
            self.history_rows = rows
            h.table.setRowCount(len(rows))
            for n, r in enumerate(rows):
                for c, text in enumerate((r.shift_key, r.outgoing_lead, state_name(r.state.value),
                                          r.confirmed_by or "—",
                                          r.submitted_at.astimezone(tz).strftime("%m-%d %H:%M")
                                          if r.submitted_at else "—")):
                    h.table.setItem(n, c, QTableWidgetItem(text))
            h.table.resizeColumnsToContents()
            h.message.setText(tr("%1 records").replace("%1", str(len(rows))))
        self.f.deliver(fut, show)

    def _chosen(self) -> str | None:
        rows = getattr(self, "history_rows", [])
        r = self.view.history.table.currentRow()
        return rows[r].id if 0 <= r < len(rows) else None

    def print_record(self) -> None:
        rid = self._chosen()
        if rid is None:
            self.view.history.message.setText(tr("Choose a record first."))
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        def go(rec: RecordView) -> None:
            printer = QPrinter()
            dlg = QPrintDialog(printer, self.view)
            if dlg.exec():
                document(rec, self.f._profile.unit_name, self.f.tz).print_(printer)
        self.f.deliver(self.f.records.get(rid), go)

    def export_pdf(self, path: str | None = None) -> None:
        rid = self._chosen()
        if rid is None:
            self.view.history.message.setText(tr("Choose a record first."))
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(self.view, tr("Export PDF"), "", "PDF (*.pdf)")
        if not path:
            return
        target = Path(path)

        def go(rec: RecordView) -> None:
            try:
                write_pdf(rec, self.f._profile.unit_name, self.f.tz, target)
            except OSError as exc:
                self.view.history.message.setText(str(exc))
                return
            self.view.history.message.setText(tr("Written: %1").replace("%1", str(target)))
        self.f.deliver(self.f.records.get(rid), go)



