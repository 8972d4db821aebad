"""Reports (View ▸ Reports, Ctrl+Shift+D): the desk's figures over a period
(core.reports.kpis) for agents, managers and admins. Tiles of the totals, tickets
created and resolved per week, SLA compliance by the chosen grouping, the top
categories, the backlog's ageing and a table of the rows. Every figure clicks
through to the tickets behind it (core.reports.kpis.tickets_behind), listed beside
the table; a double-click opens one. Figures are read on a worker, only the newest
answer is shown; exports write the same figures to CSV, XLSX and PDF."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from core.queries import hits_for
from core.reports.export import write_csv, write_xlsx
from core.reports.kpis import (
    AGES,
    KpiReport,
    compliance,
    created_counts,
    kpi_report,
    resolved_counts,
    tickets_behind,
)
from core.reports.period import GROUPINGS, Period
from desktop.errors import message_for
from desktop.models.kpi_table import KpiTableModel, figure_name, figure_text, group_name
from desktop.models.search_results import SearchResultsModel
from desktop.qt import (
    QAbstractItemView,
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMouseEvent,
    QPushButton,
    QSplitter,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.views.charts import Bar, BarChart, LineChart
from desktop.views.search import hits_view
from desktop.workspace import Workspace

TILES = ("tickets", "resolved", "frt_median_s", "mttr_s", "fcr_pct", "response_met_pct", "resolution_met_pct",
         "backlog")
PRESETS = (7, 30, 90, "year")
LISTED = 1000  # tickets listed behind a figure; the count says how many there are
MOST_BARS = 12


@dataclass(frozen=True)
class Figures:
    """One answer of the worker: the report by the chosen grouping, and the few counts
    the other charts draw (not two more whole reports: a dashboard is read far more
    often than it is exported)."""

    report: KpiReport
    # tickets logged and resolved per week (its Monday), for the weekly line
    weeks: dict[str, tuple[int, int]]
    # tickets logged per category, for the top categories
    categories: dict[str, int]
    # tickets per category in the period of the same length before: the categories' trend
    earlier: dict[str, int]
    # OLA met per team and contracts met per supplier: {group: {figure: percentage}}
    teams: dict[str, dict[str, float | None]]
    suppliers: dict[str, dict[str, float | None]]


@dataclass(frozen=True)
class Drill:
    by: str
    group: str | None
    figure: str
    ids: list[uuid.UUID]


def preset_period(preset: int | str, today: date) -> Period:
    if preset == "year":
        return Period(date(today.year, 1, 1), today)
    assert isinstance(preset, int)
    return Period(today - timedelta(days=preset - 1), today)


def earlier_period(period: Period) -> Period:
    """The period of the same length just before, for a trend."""
    days = period.last - period.first + timedelta(days=1)
    return Period(period.first - days, period.last - days)


def trend_text(now: int, before: int) -> str:
    """'+12 %' or '−5 %' against the earlier period; 'new' when it had none."""
    if not before:
        return QCoreApplication.translate("KpiFigures", "new") if now else ""
    change = round(100 * (now - before) / before)
    return f"{'+' if change > 0 else '−' if change < 0 else '±'}{abs(change)} %"


def mondays(period: Period) -> list[date]:
    first = period.first - timedelta(days=period.first.weekday())
    return [first + timedelta(weeks=n) for n in range((period.last - first).days // 7 + 1)]


class Tile(QFrame):
    sig_clicked = Signal(str)

    def __init__(self, figure: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = figure
        self.setObjectName("kpiTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.name = QLabel(figure_name(figure), self)
        self.name.setProperty("role", "hint")
        self.value = QLabel("…", self)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.value.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.name)
        layout.addWidget(self.value)
        self.setToolTip(self.tr("Click for the tickets behind this figure"))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.sig_clicked.emit(self.figure)
        super().mouseReleaseEvent(event)


class ReportsWindow(QWidget):
    # the figures for the pickers' period and grouping are shown
    sig_shown = Signal()
    # the tickets behind a clicked figure are listed
    sig_drilled = Signal()
    # an export was written: its path
    sig_exported = Signal(str)
    # the person opened a listed ticket: its number
    sig_open_ticket = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ws = workspace
        self.today = today or datetime.now(UTC).date()
        self.figures: Figures | None = None
        self.drill: Drill | None = None
        self._generation = 0
        self._drill_generation = 0
        self.setWindowTitle(self.tr("Reports — Branchdesk"))
        self.setObjectName("reportsWindow")
        self._pickers()
        self._tiles()
        self._charts()
        self._tables()
        layout = QVBoxLayout(self)
        layout.addLayout(self.pickers)
        layout.addLayout(self.tile_row)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.charts)
        split.addWidget(self.bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
        self.status = QLabel(self)
        self.status.setProperty("role", "hint")
        layout.addWidget(self.status)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh)
        self.resize(1500, 960)
        self.set_preset(30)

    # -- building --------------------------------------------------------------
    def _pickers(self) -> None:
        self.preset = QComboBox(self)
        self.preset.setObjectName("reportPreset")
        for preset, text in zip(PRESETS, (self.tr("Last 7 days"), self.tr("Last 30 days"),
                                          self.tr("Last 90 days"), self.tr("This year")), strict=True):
            self.preset.addItem(text, preset)
        self.preset.addItem(self.tr("Chosen dates"), None)
        self.first = QDateEdit(self)
        self.last = QDateEdit(self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMaximumDate(QDate(self.today.year, self.today.month, self.today.day))
            edit.dateChanged.connect(self._dates_changed)
        self.grouping = QComboBox(self)
        self.grouping.setObjectName("reportGrouping")
        for by in GROUPINGS:
            self.grouping.addItem(group_name(by), by)
        self.preset.activated.connect(lambda i: self.set_preset(self.preset.itemData(i)))
        self.grouping.activated.connect(lambda _i: self.refresh())
        self.export_csv_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_xlsx_button = QPushButton(self.tr("Export Excel…"), self)
        self.export_pdf_button = QPushButton(self.tr("Export PDF…"), self)
        self.export_csv_button.clicked.connect(lambda: self._ask_export("csv"))
        self.export_xlsx_button.clicked.connect(lambda: self._ask_export("xlsx"))
        self.export_pdf_button.clicked.connect(lambda: self._ask_export("pdf"))
        row = QHBoxLayout()
        for text, widget in ((self.tr("Period:"), self.preset), (self.tr("From:"), self.first),
                             (self.tr("To:"), self.last), (self.tr("By:"), self.grouping)):
            caption = QLabel(text, self)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget)
            row.addSpacing(8)
        row.addStretch(1)
        for button in (self.export_csv_button, self.export_xlsx_button, self.export_pdf_button):
            row.addWidget(button)
        self.pickers = row

    def _tiles(self) -> None:
        self.tiles = {figure: Tile(figure, self) for figure in TILES}
        self.tile_row = QHBoxLayout()
        for tile in self.tiles.values():
            tile.sig_clicked.connect(lambda figure: self.show_behind(None, figure))
            self.tile_row.addWidget(tile, 1)

    def _charts(self) -> None:
        self.charts = QWidget(self)
        self.weekly = LineChart(self.tr("Tickets per week"), (self.tr("Created"), self.tr("Resolved")), self.charts)
        self.sla = BarChart(self.tr("SLA met"), (self.tr("Response"), self.tr("Resolution")), 100.0, self.charts)
        self.top_categories = BarChart(self.tr("Top categories"), (self.tr("This period"), self.tr("The one before")),
                                       None, self.charts)
        self.ageing = BarChart(self.tr("Backlog by age"), (self.tr("Open tickets"),), None, self.charts)
        self.olas = BarChart(self.tr("OLA and suppliers met"), (self.tr("Response"), self.tr("Resolution")), 100.0,
                             self.charts)
        self.weekly.sig_clicked.connect(
            lambda key, series: self.show_behind(key, ("tickets", "resolved")[series], by="week"))
        self.sla.sig_clicked.connect(
            lambda key, series: self.show_behind(key, ("response_met_pct", "resolution_met_pct")[series]))
        self.top_categories.sig_clicked.connect(lambda key, series: self.show_behind(
            key, "tickets", by="category", earlier=series == 1))
        self.ageing.sig_clicked.connect(lambda key, _s: self.show_behind(None, key))
        self.olas.sig_clicked.connect(self._clock_clicked)
        grid = QGridLayout(self.charts)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.weekly, 0, 0)
        grid.addWidget(self.sla, 0, 1)
        grid.addWidget(self.olas, 0, 2)
        grid.addWidget(self.top_categories, 1, 0, 1, 2)
        grid.addWidget(self.ageing, 1, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)

    def _tables(self) -> None:
        self.rows = KpiTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("kpiTable")
        self.table.setModel(self.rows)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(self.tr("Double-click a figure for the tickets behind it"))
        self.table.doubleClicked.connect(
            lambda index: self.show_behind(self.rows.group_at(index.row()), self.rows.figure_at(index.column())))
        self.behind = SearchResultsModel(self)
        self.behind_view = hits_view(self.behind, "ticketsBehind", self)
        self.behind_view.setWordWrap(False)
        self.behind_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.behind_view.activated.connect(self._open)
        self.behind_title = QLabel(self.tr("Click a tile, bar or figure to list the tickets behind it."), self)
        self.behind_title.setWordWrap(True)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.behind_title)
        side_layout.addWidget(self.behind_view, 1)
        self.bottom = QSplitter(Qt.Orientation.Horizontal, self)
        self.bottom.addWidget(self.table)
        self.bottom.addWidget(side)
        self.bottom.setStretchFactor(0, 3)
        self.bottom.setStretchFactor(1, 2)

    # -- the period and grouping -------------------------------------------------
    def period(self) -> Period:
        first, last = self.first.date(), self.last.date()
        return Period(date(first.year(), first.month(), first.day()), date(last.year(), last.month(), last.day()))

    def by(self) -> str:
        return str(self.grouping.currentData())

    def set_preset(self, preset: int | str | None) -> None:
        if preset is None:
            return
        self.preset.setCurrentIndex(self.preset.findData(preset))
        self.set_period(preset_period(preset, self.today), preset=preset)

    def set_period(self, period: Period, *, preset: int | str | None = None) -> None:
        for edit, day in ((self.first, period.first), (self.last, period.last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        if preset is None:
            self.preset.setCurrentIndex(self.preset.count() - 1)
        self.refresh()

    def set_grouping(self, by: str) -> None:
        self.grouping.setCurrentIndex(self.grouping.findData(by))
        self.refresh()

    def _dates_changed(self) -> None:
        self.preset.setCurrentIndex(self.preset.count() - 1)
        if self.first.date() > self.last.date():
            self.status.setText(self.tr("The first day is after the last."))
            return
        self._debounce.start()

    # -- reading ---------------------------------------------------------------
    def refresh(self) -> None:
        """Read the figures for the pickers' period and grouping on a worker."""
        self._debounce.stop()
        period, by, home = self.period(), self.by(), self.ws.home_site_id
        if period.first > period.last:
            return
        self._generation += 1
        generation = self._generation
        self.status.setText(self.tr("Counting…"))

        def read(session: Any, _ref: Any, user: Any) -> Figures:
            report = kpi_report(session, user, period, by, home_site=home)
            if by == "week":
                weeks = {r["group"]: (r["tickets"], r["resolved"]) for r in report.rows}
            else:
                created = created_counts(session, user, period, "week", home_site=home)
                resolved = resolved_counts(session, user, period, "week", home_site=home)
                weeks = {k: (created.get(k, 0), resolved.get(k, 0)) for k in created.keys() | resolved.keys()}
            categories = ({r["group"]: r["tickets"] for r in report.rows} if by == "category"
                          else created_counts(session, user, period, "category", home_site=home))
            earlier = created_counts(session, user, earlier_period(period), "category", home_site=home)
            teams = compliance(session, user, period, "team", home_site=home)
            suppliers = compliance(session, user, period, "supplier", home_site=home)
            return Figures(report, weeks, categories, earlier, teams, suppliers)

        def done(figures: Figures) -> None:
            if generation == self._generation:
                self.show_figures(figures)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.status.setText(message_for(exc))

        self.ws.read(read, done, failed, owner=self)

    def show_figures(self, figures: Figures) -> None:
        self.figures = figures
        report, total = figures.report, figures.report.total
        for figure, tile in self.tiles.items():
            tile.value.setText(figure_text(figure, total[figure]))
        keys = [monday.isoformat() for monday in mondays(report.period)]
        self.weekly.set_points(keys, [date.fromisoformat(k).strftime("%d.%m") for k in keys],
                               [figures.weeks.get(k, (0, 0)) for k in keys])
        self.sla.title = self.tr("SLA met by {0}").format(group_name(report.by).lower())
        rows = [r for r in report.rows if r["response_met_pct"] is not None or r["resolution_met_pct"] is not None]
        if report.by != "week" and len(rows) > MOST_BARS:
            # the busiest groups, where a percentage stands on more than a ticket or two
            busiest = sorted(rows, key=lambda r: (-(r["tickets"] + r["resolved"]), r["group"]))[:MOST_BARS]
            rows = sorted(busiest, key=lambda r: r["group"])
            self.sla.title = self.tr("SLA met by {0}: the busiest {1} of {2}").format(
                group_name(report.by).lower(), MOST_BARS, len(report.rows))
        elif len(rows) > MOST_BARS:
            rows = rows[-MOST_BARS:]
        self.sla.set_bars([Bar(r["group"], r["group"], (r["response_met_pct"], r["resolution_met_pct"]),
                               (figure_text("response_met_pct", r["response_met_pct"]),
                                figure_text("resolution_met_pct", r["resolution_met_pct"])))
                           for r in rows], self.tr("No clock was decided in this period."))
        top = sorted(figures.categories.items(), key=lambda item: (-item[1], item[0]))[:8]
        self.top_categories.set_bars(
            [Bar(group, group, (tickets, figures.earlier.get(group, 0)),
                 (f"{figure_text('tickets', tickets)}  {trend_text(tickets, figures.earlier.get(group, 0))}",
                  figure_text("tickets", figures.earlier.get(group, 0))))
             for group, tickets in top if tickets], self.tr("No ticket was logged in this period."))
        clocks = [(f"team:{g}", self.tr("OLA {0}").format(g), v["ola_response_met_pct"], v["ola_resolution_met_pct"])
                  for g, v in figures.teams.items() if g != "-"]
        clocks += [(f"supplier:{g}", g, v["supplier_response_met_pct"], v["supplier_resolution_met_pct"])
                   for g, v in figures.suppliers.items()]
        self.olas.set_bars([Bar(key, label, (response, resolution), (figure_text("ola_response_met_pct", response),
                                                                     figure_text("ola_resolution_met_pct", resolution)))
                            for key, label, response, resolution in clocks if (response, resolution) != (None, None)],
                           self.tr("No OLA or supplier clock was decided in this period."))
        self.ageing.set_bars([Bar(name, figure_name(name), (total[name],), (figure_text(name, total[name]),))
                              for name, _low, _high in AGES], self.tr("Nothing open."))
        self.rows.set_report(report)
        self.table.resizeColumnsToContents()
        self.status.setText(self.tr("{0} to {1}, by {2}: %n ticket(s) logged", "", total["tickets"]).format(
            report.period.first.isoformat(), report.period.last.isoformat(), group_name(report.by).lower()))
        self.sig_shown.emit()

    # -- the tickets behind a figure -------------------------------------------
    def _clock_clicked(self, key: str, series: int) -> None:
        kind, _, group = key.partition(":")
        figure = (f"{'ola' if kind == 'team' else kind}_response_met_pct",
                  f"{'ola' if kind == 'team' else kind}_resolution_met_pct")[series]
        self.show_behind(group, figure, by=kind)

    def show_behind(self, group: str | None, figure: str | None, *, by: str | None = None,
                    earlier: bool = False) -> None:
        """List the tickets behind `figure` in `group` (None: the total) of grouping `by`
        (default: the chosen one), for the period the figures shown are for (or the
        one before it, `earlier`)."""
        if figure is None or self.figures is None:
            return
        period, grouping, home = self.figures.report.period, by or self.figures.report.by, self.ws.home_site_id
        if earlier:
            period = earlier_period(period)
        self._drill_generation += 1
        generation = self._drill_generation

        def read(session: Any, ref: Any, user: Any) -> tuple[list[uuid.UUID], list[dict[str, Any]]]:
            ids = tickets_behind(session, user, period, grouping, group, figure, home_site=home)
            return ids, hits_for(session, ref, ids[:LISTED])

        def done(found: tuple[list[uuid.UUID], list[dict[str, Any]]]) -> None:
            if generation != self._drill_generation:
                return
            ids, hits = found
            self.drill = Drill(grouping, group, figure, ids)
            self.behind.set_hits(hits)
            where = self.tr("in total") if group is None else self.tr("{0} {1}").format(
                group_name(grouping), group)
            text = self.tr("%n ticket(s) behind “{0}”, {1}", "", len(ids)).format(figure_name(figure), where)
            if earlier:
                text += " " + self.tr("in {0} to {1}").format(period.first.isoformat(), period.last.isoformat())
            if len(ids) > len(hits):
                text += " " + self.tr("(the first {0} listed)").format(len(hits))
            self.behind_title.setText(text)
            self.sig_drilled.emit()

        self.ws.read(read, done, lambda exc: self.behind_title.setText(message_for(exc)), owner=self)

    def _open(self, index: Any) -> None:
        number = self.behind.number_at(index.row())
        if number:
            self.sig_open_ticket.emit(number)

    # -- exports -----------------------------------------------------------------
    def _ask_export(self, kind: str) -> None:
        if self.figures is None:
            return
        period = self.figures.report.period
        name = f"branchdesk-{self.figures.report.by}-{period.first.isoformat()}-{period.last.isoformat()}.{kind}"
        filters = {"csv": self.tr("CSV files (*.csv)"), "xlsx": self.tr("Excel workbooks (*.xlsx)"),
                   "pdf": self.tr("PDF documents (*.pdf)")}
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the figures"),
                                                    str(Path.home() / name), filters[kind])
        if path:
            {"csv": self.export_csv, "xlsx": self.export_xlsx, "pdf": self.export_pdf}[kind](Path(path))

    def _written(self, path: Path) -> None:
        self.status.setText(self.tr("Written to {0}").format(path))
        self.sig_exported.emit(str(path))

    def export_csv(self, path: Path) -> None:
        """The rows of the chosen grouping and the total, as `branchdesk report --csv` writes them."""
        if self.figures is not None:
            report = self.figures.report
            self.ws.workers.submit(lambda: write_csv(report, path), lambda _r: self._written(path),
                                   lambda exc: self.status.setText(message_for(exc)), owner=self)

    def export_xlsx(self, path: Path) -> None:
        """A workbook with a sheet for the chosen grouping, the weeks and the categories."""
        if self.figures is not None:
            shown, home = self.figures.report, self.ws.home_site_id

            def write(session: Any, _ref: Any, user: Any) -> None:
                # the weeks' and categories' whole reports are read for the workbook only
                reports = {shown.by: shown}
                for by in ("week", "category"):
                    reports.setdefault(by, kpi_report(session, user, shown.period, by, home_site=home))
                write_xlsx(list(reports.values()), path)

            self.ws.read(write, lambda _r: self._written(path), lambda exc: self.status.setText(message_for(exc)),
                         owner=self)

    def export_pdf(self, path: Path) -> None:
        """The tiles and charts as shown, then the table of the rows."""
        from desktop.views.report_pdf import write_pdf

        if self.figures is not None:
            write_pdf(path, self.figures.report, self.tiles_image(), self.charts)
            self._written(path)

    def tiles_image(self) -> Any:
        holder = self.tiles[TILES[0]].parentWidget() or self
        first, last = self.tiles[TILES[0]].geometry(), self.tiles[TILES[-1]].geometry()
        return holder.grab(first.united(last)).toImage()
