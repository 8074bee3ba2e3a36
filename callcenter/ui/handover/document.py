"""The record as a document: HTML for QTextDocument, printed or written to PDF
with Qt's own PDF writer, headed by the unit's name from the site profile."""

from __future__ import annotations

import html
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from callcenter.domain.handover.record import SECTIONS, EntryKind
from callcenter.services.handover.records import RecordView
from callcenter.ui.handover.texts import item_line, section_title, state_name, tr


def record_html(rec: RecordView, unit_name: str, tz: ZoneInfo) -> str:
    e = html.escape
    start = rec.shift_start.astimezone(tz).strftime("%Y-%m-%d %H:%M")
    end = rec.shift_end.astimezone(tz).strftime("%H:%M")
    title, shift, lead, state = (tr("Shift handover record"), tr("Shift"), tr("Outgoing lead"),
                                 tr("State"))
    parts = [f"<h2 align='center'>{e(unit_name)}</h2>",
             f"<h3 align='center'>{e(title)}</h3>",
             f"<p>{e(shift)}: {e(rec.shift_name)} {start}–{end} &nbsp; "
             f"{e(lead)}: {e(rec.outgoing_lead)} &nbsp; "
             f"{e(state)}: {e(state_name(rec.state.value))}</p>"]
    if rec.confirmed_by and rec.confirmed_at:
        by = tr("Confirmed by")
        parts.append(f"<p>{e(by)}: {e(rec.confirmed_by)} "
                     f"{rec.confirmed_at.astimezone(tz):%Y-%m-%d %H:%M}</p>")
    checked = {str(x.data.get("item")) for x in rec.of_kind(EntryKind.CHECK)}
    for section in SECTIONS:
        parts.append(f"<h4>{e(section_title(section))}</h4><ul>")
        for item in rec.compiled.get(section.value, []):
            mark = "☑ " if str(item.get("id")) in checked else ""
            parts.append(f"<li>{mark}{e(item_line(section, item, tz))}</li>")
        parts.append("</ul>")
        text = rec.texts.get(section.value, "")
        if text:
            parts.append(f"<p>{e(text).replace(chr(10), '<br/>')}</p>")
    for kind, title in ((EntryKind.QUESTION, tr("Questions")), (EntryKind.ADDENDUM, tr("Addenda")),
                        (EntryKind.ATTENDANCE, tr("Attendance")),
                        (EntryKind.SIGN_OUT_OVERRIDE, tr("Early sign-outs"))):
        rows = rec.of_kind(kind)
        if rows:
            parts.append(f"<h4>{e(title)}</h4><ul>")
            for x in rows:
                extra = " ".join(f"{k}={v}" for k, v in x.data.items())
                parts.append(f"<li>{x.at.astimezone(tz):%m-%d %H:%M} {e(x.author)}: "
                             f"{e(x.text)} {e(extra)}</li>")
            parts.append("</ul>")
    return "".join(parts)


def document(rec: RecordView, unit_name: str, tz: ZoneInfo) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultFont(QGuiApplication.font())  # the bundled CJK font (install_cjk_font)
    doc.setHtml(record_html(rec, unit_name, tz))
    return doc


def write_pdf(rec: RecordView, unit_name: str, tz: ZoneInfo, path: Path) -> None:
    """A4 PDF of the record (Qt's PDF writer; needs a QGuiApplication)."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15),
                                     QPageLayout.Unit.Millimeter))
    writer.setResolution(150)
    writer.setTitle(f"{unit_name} {rec.shift_key}")
    doc = document(rec, unit_name, tz)
    doc.setPageSize(QSizeF(writer.width(), writer.height()))
    doc.print_(writer)
