"""The dashboard as a PDF, A4 landscape: the first page has a title with the period,
the tiles as shown and the charts drawn by QtCharts into the PDF (as lines and text,
sharp at any zoom, laid out as on screen); the table of the rows and the total
follows, a QTextDocument flowing onto as many pages as it needs."""

from __future__ import annotations

from html import escape
from pathlib import Path

from core.reports.kpis import KpiReport
from desktop.models.kpi_table import SHOWN, figure_name, figure_text, group_name
from desktop.qt import (
    QChartView,
    QCoreApplication,
    QFont,
    QImage,
    QMarginsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QTextDocument,
    QWidget,
)

DPI = 96  # the page in the screen's pixels: an A4 landscape page within its margins is about 1030 wide
GAP = 12.0


def figures_html(report: KpiReport) -> str:
    head = "".join(f"<th>{escape(figure_name(f))}</th>" for f in SHOWN)
    rows = []
    for row in [*report.rows, {"group": None, **report.total}]:
        name = QCoreApplication.translate("KpiFigures", "Total") if row["group"] is None else str(row["group"])
        cells = "".join(f"<td align='right'>{escape(figure_text(f, row[f]))}</td>" for f in SHOWN)
        style = " style='font-weight:bold'" if row["group"] is None else ""
        rows.append(f"<tr{style}><td>{escape(name)}</td>{cells}</tr>")
    return (f"<table border='1' cellspacing='0' cellpadding='3' width='100%' style='font-size:7pt'>"
            f"<thead><tr><th>{escape(group_name(report.by))}</th>{head}</tr></thead>{''.join(rows)}</table>")


def draw_charts(painter: QPainter, charts: QWidget, target: QRectF) -> None:
    """Each chart of `charts` drawn by QtCharts into `target`, where it stands in
    `charts` on screen, all scaled alike to fit."""
    scale = min(target.width() / max(1, charts.width()), target.height() / max(1, charts.height()))
    for view in charts.findChildren(QChartView):
        if not view.isVisibleTo(charts):
            continue
        at = QPointF(view.mapTo(charts, view.rect().topLeft()))
        place = QRectF(target.left() + at.x() * scale, target.top() + at.y() * scale,
                       view.width() * scale, view.height() * scale)
        view.render(painter, place, view.rect(), Qt.AspectRatioMode.IgnoreAspectRatio)


def write_pdf(path: Path, report: KpiReport, tiles: QImage, charts: QWidget) -> None:
    period = report.period
    title = QCoreApplication.translate("KpiFigures", "Branchdesk figures, {0} to {1}, by {2}").format(
        period.first.isoformat(), period.last.isoformat(), group_name(report.by).lower())
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Branchdesk")
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
    page = QRectF(0, 0, writer.width(), writer.height())
    painter = QPainter(writer)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(charts.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    painter.setFont(font)
    heading = painter.fontMetrics().height()
    painter.drawText(QRectF(0, 0, page.width(), heading), Qt.AlignmentFlag.AlignLeft, title)
    top = heading + GAP
    tiles_h = page.width() * tiles.height() / max(1, tiles.width())
    painter.drawImage(QRectF(0, top, page.width(), tiles_h), tiles)
    top += tiles_h + GAP
    draw_charts(painter, charts, QRectF(0, top, page.width(), page.height() - top))

    painter.setFont(charts.font())
    footer = painter.fontMetrics().height() + GAP
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setHtml(figures_html(report))
    height = page.height() - footer  # each page of the table, above its number
    doc.setPageSize(QSizeF(page.width(), height))
    for number in range(doc.pageCount()):
        writer.newPage()
        painter.save()
        painter.translate(0, -number * height)
        doc.drawContents(painter, QRectF(0, number * height, page.width(), height))
        painter.restore()
        painter.drawText(QRectF(0, page.height() - footer + GAP, page.width(), footer - GAP),
                         Qt.AlignmentFlag.AlignRight, f"{number + 2}")
    painter.end()
