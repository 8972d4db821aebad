"""The dashboard as a PDF: a title with the period, the tiles and charts as they
are shown, then the table of the rows and the total — a QTextDocument printed to a
QPdfWriter, A4 landscape, so the table flows onto as many pages as it needs."""

from __future__ import annotations

from html import escape
from pathlib import Path

from core.reports.kpis import KpiReport
from desktop.models.kpi_table import SHOWN, figure_name, figure_text, group_name
from desktop.qt import (
    QCoreApplication,
    QImage,
    QMarginsF,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
    QUrl,
)

WIDTH = 980  # an A4 landscape page within its margins is about 1030 of the document's pixels


def figures_html(report: KpiReport) -> str:
    head = "".join(f"<th>{escape(figure_name(f))}</th>" for f in SHOWN)
    rows = []
    for row in [*report.rows, {"group": None, **report.total}]:
        name = QCoreApplication.translate("KpiFigures", "Total") if row["group"] is None else str(row["group"])
        cells = "".join(f"<td align='right'>{escape(figure_text(f, row[f]))}</td>" for f in SHOWN)
        style = " style='font-weight:bold'" if row["group"] is None else ""
        rows.append(f"<tr{style}><td>{escape(name)}</td>{cells}</tr>")
    return (f"<table border='1' cellspacing='0' cellpadding='3' width='100%' style='font-size:7pt'>"
            f"<tr><th>{escape(group_name(report.by))}</th>{head}</tr>{''.join(rows)}</table>")


def write_pdf(path: Path, report: KpiReport, tiles: QImage, charts: QImage) -> None:
    doc = QTextDocument()
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("image:tiles"), tiles)
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("image:charts"), charts)
    period = report.period
    title = QCoreApplication.translate("KpiFigures", "Branchdesk figures, {0} to {1}, by {2}").format(
        period.first.isoformat(), period.last.isoformat(), group_name(report.by).lower())
    tiles_h = round(WIDTH * tiles.height() / max(1, tiles.width()))
    charts_h = round(WIDTH * charts.height() / max(1, charts.width()))
    doc.setHtml(
        f"<h2>{escape(title)}</h2>"
        f"<p><img src='image:tiles' width='{WIDTH}' height='{tiles_h}'></p>"
        f"<p><img src='image:charts' width='{WIDTH}' height='{charts_h}'></p>"
        f"{figures_html(report)}"
    )
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Branchdesk")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
    doc.print_(writer)
