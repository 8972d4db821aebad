"""A report as CSV (one grouping) or as an XLSX workbook (one sheet per grouping):
a header row, one row per group, the total last; numbers stay numbers."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from core.reports.kpis import FIGURES, KpiReport

TOTAL = "total"


def table(report: KpiReport) -> list[list[Any]]:
    """The report as rows of cells: the header, each group, then the total."""
    header = [report.by, *FIGURES]
    rows = [[row["group"], *(row[name] for name in FIGURES)] for row in report.rows]
    return [header, *rows, [TOTAL, *(report.total[name] for name in FIGURES)]]


def write_csv(report: KpiReport, path: Path) -> None:
    # null is an empty cell, so a spreadsheet reads it as "nothing measured"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        for row in table(report):
            writer.writerow(["" if cell is None else cell for cell in row])


def write_xlsx(reports: Sequence[KpiReport], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for report in reports:
        sheet = book.create_sheet(title=report.by)
        for row in table(report):
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for column, name in enumerate(FIGURES, start=2):
            number_format = "0.0" if name.endswith("_pct") or name == "csat_avg" else "0"
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                cell.number_format = number_format
        sheet.freeze_panes = "B2"  # the header row and the group column stay in view
        sheet.column_dimensions["A"].width = 24
    book.properties.title = (
        f"Branchdesk figures {reports[0].period.first.isoformat()} to {reports[0].period.last.isoformat()}"
        if reports else "Branchdesk figures"
    )
    book.save(path)


def read_back(value: Any) -> Any:
    """A CSV cell as the number it was written as (tests and scripts reading a file back)."""
    if value == "":
        return None
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            continue
    return value
