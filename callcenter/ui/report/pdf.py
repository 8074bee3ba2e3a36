"""The monthly report as an A4 PDF, laid out by Qt (QTextDocument on a QPdfWriter).

Every page carries the unit's header from the site profile (``[site]
unit_name``) with the report's title and month, and a page number at the
foot; the body is the same tables as the xlsx and a bar chart of the volume.
A QGuiApplication must exist (fonts); the CJK font the desk ships is loaded so
Chinese prints on a bare machine. The file is written under a temporary name
and renamed, so a failure never leaves half a PDF under the real name.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from callcenter.domain.report.figures import rate
from callcenter.services.report.labels import Words
from callcenter.services.report.monthly import MonthlyReport
from callcenter.services.report.xlsx import COUNT, PERCENT, SECONDS, sla_rows
from callcenter.ui.shared.fonts import FONT_FILE

DPI = 300
MARGIN_MM = 15.0
HEADER_MM = 14.0
FOOTER_MM = 8.0
_CHART = QUrl("report://volume-chart")
_SERIES = (QColor("#2f6db5"), QColor("#9dc3e6"), QColor("#f4b183"))


def _family() -> str:
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else QFont().family()


def _fmt(value: float | int | None, fmt: str | None) -> str:
    if value is None:
        return "—"
    if fmt == PERCENT:
        return f"{value:.1%}"
    if fmt == "signed%":
        return f"{value:+.1%}" if value else f"{0:.1%}"
    if fmt == "signed":
        return f"{value:+,d}" if value else "0"
    if fmt == SECONDS:
        return f"{value:.1f}"
    return f"{value:,}" if isinstance(value, int) else f"{value:g}"


def _numeric(text: str) -> bool:
    """Figures align right, words left."""
    return bool(text) and (text[0].isdigit() or text[0] in "+-—≤")


def _table(headers: list[str], rows: list[list[str]], bold_last: bool = False) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = []
    for i, row in enumerate(rows):
        style = ' style="font-weight:bold"' if bold_last and i == len(rows) - 1 else ""
        cells = "".join(
            f'<td align="{"right" if j and _numeric(c) else "left"}">{escape(c)}</td>'
            for j, c in enumerate(row))
        body.append(f"<tr{style}>{cells}</tr>")
    return (f'<table border="1" cellspacing="0" cellpadding="4" width="100%">'
            f'<tr style="background:#ddebf7">{head}</tr>{"".join(body)}</table>')


def report_html(report: MonthlyReport, w: Words) -> str:
    """The body of the PDF: the report's tables as HTML (escaped)."""
    rows = [[w[r.group], _fmt(r.current, COUNT), _fmt(r.previous, COUNT),
             _fmt(r.vs_previous.delta, "signed"), _fmt(r.vs_previous.ratio, "signed%"),
             _fmt(r.last_year, COUNT), _fmt(r.vs_last_year.delta, "signed"),
             _fmt(r.vs_last_year.ratio, "signed%")] for r in (*report.categories, report.total)]
    keys = ["category", "current", "previous", "mom_delta", "mom_ratio", "last_year",
            "yoy_delta", "yoy_ratio"]
    q, c = report.quality, report.callbacks
    quality = [[w["tickets"], _fmt(q.tickets, COUNT), ""]] + [
        [w[k], _fmt(n, COUNT), _fmt(rate(n, q.tickets), PERCENT)]
        for k, n in (("empty_reply", q.empty_reply), ("handled_late", q.handled_late),
                     ("backfilled", q.backfilled))]
    callbacks = [[w[k], _fmt(v, f)] for k, v, f in (
        ("dispatched", c.dispatched, COUNT), ("called", c.called, COUNT),
        ("reached", c.reached, COUNT), ("coverage", c.coverage, PERCENT),
        ("reached_calls", c.reached_calls, COUNT), ("satisfied_calls", c.satisfied_calls, COUNT),
        ("satisfaction", c.satisfaction, PERCENT))]
    sla = [[label, _fmt(v, f), target] for label, v, f, target in sla_rows(report, w)]
    subs = [[str(i), f"{cat} / {sub}", _fmt(n, COUNT)]
            for i, (cat, sub, n) in enumerate(report.top_subtypes, 1)] or [[w["none"], "", ""]]
    addrs = [[str(i), a, _fmt(n, COUNT)]
             for i, (a, n) in enumerate(report.top_addresses, 1)] or [[w["none"], "", ""]]
    tz_note = f"{w['as_of']}: {report.as_of.astimezone(_zone(report)):%Y-%m-%d %H:%M}"
    return "".join([
        f"<p>{escape(w['month'])}: {report.month} &nbsp; {escape(tz_note)}</p>",
        f"<h3>1. {escape(w['volume'])}</h3>", _table([w[k] for k in keys], rows, bold_last=True),
        f'<p align="center"><img src="{_CHART.toString()}" width="560"></p>',
        f"<h3>2. {escape(w['quality'])}</h3>",
        _table([w["item"], w["count"], w["share"]], quality),
        f"<h3>3. {escape(w['callbacks'])}</h3>", _table([w["item"], w["value"]], callbacks),
        f"<h3 style=\"page-break-before: always\">4. {escape(w['sla'])}</h3>",
        _table([w["figure"], w["value"], w["target"]], sla),
        f"<h3>5. {escape(w['top'])}</h3>",
        f"<p>{escape(w['top_subtypes'])}</p>",
        _table([w["rank"], f"{w['category']} / {w['subtype']}", w["count"]], subs),
        f"<p>{escape(w['top_addresses'])}</p>",
        _table([w["rank"], w["address"], w["count"]], addrs),
    ])


def _zone(report: MonthlyReport):  # type: ignore[no-untyped-def]
    from zoneinfo import ZoneInfo

    return ZoneInfo(report.timezone)


def volume_chart(report: MonthlyReport, w: Words, family: str) -> QImage:
    """A grouped bar chart: this month, previous month, same month last year."""
    width, height = 1680, 720
    img = QImage(width, height, QImage.Format.Format_RGB32)
    img.fill(Qt.GlobalColor.white)
    p = QPainter(img)
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setFont(QFont(family, 22))
        left, top, bottom = 90, 110, height - 70
        plot_h = bottom - top
        rows = report.categories
        peak = max([1, *(max(r.current, r.previous, r.last_year) for r in rows)])
        p.setPen(QColor("#888888"))
        p.drawLine(left, bottom, width - 20, bottom)
        slot = (width - left - 20) / len(rows)
        bar = slot / 4.5
        for i, r in enumerate(rows):
            x0 = left + i * slot + bar * 0.75
            for j, value in enumerate((r.current, r.previous, r.last_year)):
                h = plot_h * value / peak
                rect = QRectF(x0 + j * bar, bottom - h, bar * 0.9, h)
                p.fillRect(rect, _SERIES[j])
                p.setPen(Qt.GlobalColor.black)
                p.drawText(QRectF(rect.x() - 20, rect.y() - 34, rect.width() + 40, 30),
                           Qt.AlignmentFlag.AlignCenter, str(value))
            p.drawText(QRectF(left + i * slot, bottom + 8, slot, 50), Qt.AlignmentFlag.AlignCenter,
                       w[r.group])
        for j, key in enumerate(("current", "previous", "last_year")):
            x = left + j * 360
            p.fillRect(QRectF(x, 14, 30, 30), _SERIES[j])
            p.drawText(QRectF(x + 40, 8, 300, 42), Qt.AlignmentFlag.AlignVCenter, w[key])
    finally:
        p.end()
    return img


def write_pdf(report: MonthlyReport, path: Path, *, lang: str = "zh") -> int:
    """Write the A4 PDF; returns its number of pages."""
    w = Words(lang)
    family = _family()
    tmp = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(tmp))
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    writer.setTitle(w.title(report))
    writer.setCreator("callcenter")
    dots_per_mm = DPI / 25.4
    page = writer.pageLayout().paintRectPixels(DPI)
    header_h, footer_h = HEADER_MM * dots_per_mm, FOOTER_MM * dots_per_mm
    body_h = page.height() - header_h - footer_h
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(QFont(family, 10))
    doc.setDefaultStyleSheet("th { font-weight: bold; } h3 { margin-top: 12px; }")
    doc.addResource(QTextDocument.ResourceType.ImageResource, _CHART,
                    volume_chart(report, w, family))
    doc.setHtml(report_html(report, w))
    doc.setPageSize(QSizeF(page.width(), body_h))
    pages = doc.pageCount()
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    try:
        for n in range(pages):
            if n:
                writer.newPage()
            painter.setFont(QFont(family, 12, QFont.Weight.Bold))
            painter.drawText(QRectF(0, 0, page.width(), header_h * 0.7),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             w.title(report))
            painter.drawLine(0, int(header_h * 0.8), page.width(), int(header_h * 0.8))
            painter.setFont(QFont(family, 8))
            painter.drawText(QRectF(0, page.height() - footer_h, page.width(), footer_h),
                             Qt.AlignmentFlag.AlignCenter,
                             w["page"].format(n=n + 1, m=pages))
            painter.save()
            painter.translate(0, header_h - n * body_h)
            doc.drawContents(painter, QRectF(0, n * body_h, page.width(), body_h))
            painter.restore()
    finally:
        painter.end()
    tmp.replace(path)
    return pages
