"""A report's rows (core.reports.kpis.KpiReport) as a table: the group, then its
figures, the total last. Durations read as "3 h 20 min", percentages with their
sign, nothing measured as a dash; the raw number is under Qt.UserRole."""

from __future__ import annotations

from typing import Any

from core.reports.kpis import KpiReport
from desktop.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QFont,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

CONTEXT = "KpiFigures"
# the figures shown, in order, with their names
FIGURE_NAMES = {
    "tickets": QT_TRANSLATE_NOOP("KpiFigures", "Tickets"),
    "resolved": QT_TRANSLATE_NOOP("KpiFigures", "Resolved"),
    "frt_median_s": QT_TRANSLATE_NOOP("KpiFigures", "First response (median)"),
    "mttr_s": QT_TRANSLATE_NOOP("KpiFigures", "Time to resolve (mean)"),
    "mttr_wall_s": QT_TRANSLATE_NOOP("KpiFigures", "Time to resolve, wall clock"),
    "response_met_pct": QT_TRANSLATE_NOOP("KpiFigures", "Response met"),
    "resolution_met_pct": QT_TRANSLATE_NOOP("KpiFigures", "Resolution met"),
    "ola_response_met_pct": QT_TRANSLATE_NOOP("KpiFigures", "OLA response met"),
    "ola_resolution_met_pct": QT_TRANSLATE_NOOP("KpiFigures", "OLA resolution met"),
    "supplier_response_met_pct": QT_TRANSLATE_NOOP("KpiFigures", "Supplier response met"),
    "supplier_resolution_met_pct": QT_TRANSLATE_NOOP("KpiFigures", "Supplier resolution met"),
    "fcr_pct": QT_TRANSLATE_NOOP("KpiFigures", "First contact resolution"),
    "reopen_pct": QT_TRANSLATE_NOOP("KpiFigures", "Reopened"),
    "repeat_pct": QT_TRANSLATE_NOOP("KpiFigures", "Repeats"),
    "backlog": QT_TRANSLATE_NOOP("KpiFigures", "Backlog"),
    "backlog_lt_1d": QT_TRANSLATE_NOOP("KpiFigures", "Under 1 day"),
    "backlog_1_3d": QT_TRANSLATE_NOOP("KpiFigures", "1 to 3 days"),
    "backlog_3_7d": QT_TRANSLATE_NOOP("KpiFigures", "3 to 7 days"),
    "backlog_gt_7d": QT_TRANSLATE_NOOP("KpiFigures", "Over 7 days"),
    # the requesters' ratings (DESIGN §15): mean satisfaction and ease, 5 the best
    "csat_avg": QT_TRANSLATE_NOOP("KpiFigures", "Satisfaction (1–5)"),
    "csat_count": QT_TRANSLATE_NOOP("KpiFigures", "Ratings"),
    "effort_avg": QT_TRANSLATE_NOOP("KpiFigures", "Ease (1–5)"),
}
SHOWN = tuple(FIGURE_NAMES)
GROUP_NAMES = {
    "site": QT_TRANSLATE_NOOP("KpiFigures", "Site"),
    "region": QT_TRANSLATE_NOOP("KpiFigures", "Region"),
    "country": QT_TRANSLATE_NOOP("KpiFigures", "Country"),
    "team": QT_TRANSLATE_NOOP("KpiFigures", "Team"),
    "category": QT_TRANSLATE_NOOP("KpiFigures", "Category"),
    "technician": QT_TRANSLATE_NOOP("KpiFigures", "Technician"),
    "week": QT_TRANSLATE_NOOP("KpiFigures", "Week"),
    "supplier": QT_TRANSLATE_NOOP("KpiFigures", "Supplier"),
}


def translated(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP in this module's context, translated."""
    return QCoreApplication.translate(CONTEXT, text)


def figure_name(figure: str) -> str:
    return translated(FIGURE_NAMES.get(figure, figure))


def group_name(by: str) -> str:
    return translated(GROUP_NAMES.get(by, by))


def duration_text(seconds: float) -> str:
    """Business or wall seconds as a person reads them: "45 min", "3 h 20 min", "2 d 4 h"."""
    minutes = round(seconds / 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return QCoreApplication.translate("KpiFigures", "{0} d {1} h").format(days, hours)
    if hours:
        return QCoreApplication.translate("KpiFigures", "{0} h {1} min").format(hours, minutes)
    return QCoreApplication.translate("KpiFigures", "{0} min").format(minutes)


def figure_text(figure: str, value: Any) -> str:
    if value is None:
        return "–"
    if figure.endswith("_s"):
        return duration_text(value)
    if figure.endswith("_pct"):
        return f"{value:.1f} %"
    if figure.endswith("_avg"):
        return f"{value:.1f}"
    return f"{value:,}".replace(",", "\u2009")


class KpiTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report: KpiReport | None = None
        self._rows: list[dict[str, Any]] = []

    def set_report(self, report: KpiReport | None) -> None:
        self.beginResetModel()
        self.report = report
        self._rows = [] if report is None else [*report.rows, {"group": None, **report.total}]
        self.endResetModel()

    def group_at(self, row: int) -> str | None:
        """The group of a row; None for the total."""
        return self._rows[row]["group"] if 0 <= row < len(self._rows) else None

    @staticmethod
    def figure_at(column: int) -> str | None:
        return SHOWN[column - 1] if 1 <= column <= len(SHOWN) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(SHOWN)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return group_name(self.report.by) if self.report is not None else ""
        figure = self.figure_at(section)
        return figure_name(figure) if figure is not None else None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.parent().isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        figure = self.figure_at(index.column())
        if role == Qt.ItemDataRole.FontRole and row["group"] is None:
            bold = QFont()
            bold.setBold(True)
            return bold
        if role == Qt.ItemDataRole.TextAlignmentRole and figure is not None:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row["group"] if figure is None else row[figure]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if figure is None:
            return QCoreApplication.translate("KpiFigures", "Total") if row["group"] is None else row["group"]
        return figure_text(figure, row[figure])

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
