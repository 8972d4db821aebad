"""The reports window: the same figures as core.reports.kpis for the same period,
figures that move with the period, click-through to the tickets behind a figure,
exports that read back with the same numbers, and no Reports for requesters."""

from __future__ import annotations

import csv
import re
from datetime import UTC, date, datetime, timedelta

import pytest

from core.reports.export import read_back
from core.reports.kpis import FIGURES, kpi_report, tickets_behind
from core.reports.period import Period
from core.services import tickets as service
from core.uow import unit_of_work
from desktop.qt import QApplication, QPointF, Qt
from desktop.views.reports import ReportsWindow

NOW = datetime.now(UTC).replace(microsecond=0)
TODAY = NOW.date()


@pytest.fixture
def history(store):  # type: ignore[no-untyped-def]
    """Two tickets of 40 days ago (one resolved two days later) and four of 3 days
    ago (two resolved the next day), at two sites' worth of categories."""

    def run(actor, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
        with unit_of_work(store) as uow:
            return fn(uow, uow.ref.user(actor), *args, **kwargs)

    def ticket(days_ago: int, category: str, resolve_after: int | None) -> str:
        at = NOW - timedelta(days=days_ago)
        cmd = service.NewTicket(title=f"Till {days_ago} {category}", category=category, impact="medium",
                                urgency="medium")
        number = run("anna", service.create, cmd, at=at).number
        if resolve_after is not None:
            run("ada", service.assign, number, to="nina", at=at + timedelta(minutes=10))
            run("nina", service.move, number, "in_progress", at=at + timedelta(minutes=20))
            run("nina", service.move, number, "resolved", code="fixed", note="Done",
                at=at + timedelta(days=resolve_after))
        return number

    return [ticket(40, "Network/Router", 2), ticket(40, "Network/Router", None),
            ticket(3, "Network/Router", 1), ticket(3, "Network/Router", 1), ticket(3, "Network/Router", None),
            ticket(2, "Network/Router", None)]


def expected(store, username: str, period: Period, by: str):  # type: ignore[no-untyped-def]
    with store.read() as session:
        from core.reference import reference_for

        user = reference_for(store, session).user(username)
        return kpi_report(session, user, period, by)


def open_reports(qtbot, make_workspace, username: str = "ada") -> ReportsWindow:  # type: ignore[no-untyped-def]
    window = ReportsWindow(make_workspace(username), today=TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.figures is not None, timeout=15_000)
    return window


def laid_out(*charts) -> None:  # type: ignore[no-untyped-def]
    """Let QtCharts lay the charts out and the charts place their labels and rows, as
    on screen, before a click is aimed at a bar or a point."""
    for chart in charts:
        chart.grab()
    for _ in range(4):
        QApplication.processEvents()


def test_figures_equal_the_reports_and_move_with_the_period(qtbot, make_workspace, store, history):
    window = open_reports(qtbot, make_workspace)
    thirty = Period(TODAY - timedelta(days=29), TODAY)
    assert window.period() == thirty
    want = expected(store, "ada", thirty, "site")
    assert window.figures is not None
    assert window.figures.report.as_dict() == want.as_dict()
    assert want.total["tickets"] == 4 and want.total["resolved"] == 2
    # the tiles and the table say the same numbers
    assert window.tiles["tickets"].value.text() == "4"
    assert window.tiles["resolved"].value.text() == "2"
    assert window.tiles["backlog"].value.text() == str(want.total["backlog"])
    total_row = window.rows.rowCount() - 1
    assert window.rows.group_at(total_row) is None
    for column in range(1, window.rows.columnCount()):
        figure = window.rows.figure_at(column)
        assert window.rows.index(total_row, column).data(Qt.ItemDataRole.UserRole) == want.total[figure]
    # created per week: the line's points add up to the period's tickets, and the
    # chart's series hold those very points
    assert sum(created for created, _resolved in window.weekly.values) == 4
    created, resolved = window.weekly.lines
    assert [p.y() for p in created.points()] == [c for c, _r in window.weekly.values]
    assert sum(p.y() for p in created.points()) == 4 and sum(p.y() for p in resolved.points()) == 2
    # the SLA bars hold each group's percentages, the ageing bars the backlog's buckets
    sla_rows = {r["group"]: r for r in want.rows if r["response_met_pct"] is not None
                or r["resolution_met_pct"] is not None}
    assert [bar.key for bar in window.sla.shown] == sorted(sla_rows)
    response, resolution = window.sla.sets
    assert [response.at(i) for i in range(response.count())] == [
        sla_rows[k]["response_met_pct"] or 0 for k in reversed(sorted(sla_rows))]
    (open_tickets,) = window.ageing.sets
    assert sum(open_tickets.at(i) for i in range(open_tickets.count())) == want.total["backlog"]

    with qtbot.waitSignal(window.sig_shown, timeout=15_000):
        window.set_preset(90)
    ninety = Period(TODAY - timedelta(days=89), TODAY)
    assert window.figures.report.as_dict() == expected(store, "ada", ninety, "site").as_dict()
    assert window.tiles["tickets"].value.text() == "6"
    assert window.tiles["resolved"].value.text() == "3"

    with qtbot.waitSignal(window.sig_shown, timeout=15_000):
        window.set_grouping("category")
    assert window.figures.report.as_dict() == expected(store, "ada", ninety, "category").as_dict()
    assert window.rows.headerData(0, Qt.Orientation.Horizontal) == "Category"


def test_a_tile_and_a_bar_list_the_tickets_behind_them(qtbot, make_workspace, store, history):
    window = open_reports(qtbot, make_workspace)
    period = window.period()
    with store.read() as session:
        from core.reference import reference_for

        user = reference_for(store, session).user("ada")
        behind_resolved = tickets_behind(session, user, period, "site", None, "resolved")
        behind_week = {
            key: tickets_behind(session, user, period, "week", key, "tickets") for key in window.weekly.keys
        }
        behind_category = tickets_behind(session, user, period, "category", "Network/Router", "tickets")
    with qtbot.waitSignal(window.sig_drilled, timeout=15_000):
        qtbot.mouseClick(window.tiles["resolved"], Qt.MouseButton.LeftButton)
    assert window.drill is not None and window.drill.ids == behind_resolved
    assert window.behind.rowCount() == 2
    assert window.behind_title.text() == "2 tickets behind “Resolved”, in total"

    # a real click on the busiest week's "created" point
    busiest = max(window.weekly.keys, key=lambda k: len(behind_week[k]))
    laid_out(window.weekly, window.top_categories)
    point = window.weekly.centre_of(busiest, 0)
    assert point is not None
    with qtbot.waitSignal(window.sig_drilled, timeout=15_000):
        qtbot.mouseClick(window.weekly.viewport(), Qt.MouseButton.LeftButton, pos=point.toPoint())
    assert (window.drill.by, window.drill.group, window.drill.figure) == ("week", busiest, "tickets")
    assert window.drill.ids == behind_week[busiest]

    point = window.top_categories.centre_of("Network/Router")
    assert isinstance(point, QPointF)
    with qtbot.waitSignal(window.sig_drilled, timeout=15_000):
        qtbot.mouseClick(window.top_categories.viewport(), Qt.MouseButton.LeftButton, pos=point.toPoint())
    assert window.drill.ids == behind_category

    # a listed ticket opens
    with qtbot.waitSignal(window.sig_open_ticket) as opened:
        window.behind_view.activated.emit(window.behind.index(0, 0))
    assert opened.args == [window.behind.number_at(0)]


def test_exports_read_back_with_the_same_numbers(qtbot, make_workspace, store, history, tmp_path):
    window = open_reports(qtbot, make_workspace)
    report = window.figures.report

    with qtbot.waitSignal(window.sig_exported, timeout=15_000):
        window.export_csv(tmp_path / "figures.csv")
    with (tmp_path / "figures.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["site", *FIGURES]
    assert [read_back(c) for c in rows[-1][1:]] == [report.total[f] for f in FIGURES]

    with qtbot.waitSignal(window.sig_exported, timeout=15_000):
        window.export_xlsx(tmp_path / "figures.xlsx")
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "figures.xlsx")
    assert book.sheetnames == ["site", "week", "category"]
    sheet_rows = list(book["site"].iter_rows(values_only=True))
    assert list(sheet_rows[-1][1:]) == [report.total[f] for f in FIGURES]
    weeks = list(book["week"].iter_rows(values_only=True))
    assert sum(row[1] for row in weeks[1:-1]) == report.total["tickets"]

    with qtbot.waitSignal(window.sig_exported, timeout=15_000):
        window.export_pdf(tmp_path / "figures.pdf")
    pdf = (tmp_path / "figures.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    # a page of the tiles and charts, then the table's (a few rows: one page); the
    # tiles are the only picture: QtCharts drew the charts as lines and text
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 2
    assert len(re.findall(rb"/Subtype\s*/Image", pdf)) == 1


def test_the_main_window_offers_reports_to_the_desk_not_to_requesters(qtbot, make_workspace, history, tmp_path):
    from desktop.settings import Settings
    from desktop.views.main_window import MainWindow

    def window_for(username: str) -> MainWindow:
        main = MainWindow(make_workspace(username), Settings(tmp_path / username))
        qtbot.addWidget(main)
        return main

    agent = window_for("ada")
    assert agent.act_reports.isVisible() and agent.act_reports.isEnabled()
    reports = agent.show_reports()
    assert reports is not None
    qtbot.waitUntil(lambda: reports.figures is not None, timeout=15_000)
    assert reports.figures.report.total["tickets"] == 4
    assert agent.show_reports() is reports  # one window, raised again
    for username in ("anna", "tom"):
        main = window_for(username)
        assert not main.act_reports.isVisible() and not main.act_reports.isEnabled()
        assert main.show_reports() is None


def test_preset_periods():
    from desktop.views.reports import mondays, preset_period

    today = date(2026, 3, 4)  # a Wednesday
    assert preset_period(7, today) == Period(date(2026, 2, 26), today)
    assert preset_period("year", today) == Period(date(2026, 1, 1), today)
    assert mondays(Period(date(2026, 2, 22), today)) == [date(2026, 2, 16), date(2026, 2, 23), date(2026, 3, 2)]


def test_the_window_the_command_line_and_core_agree_on_the_hand_built_week(qtbot, make_workspace, store):
    """The week of tests/support/report_scenario.py on this store: the window's table
    holds the very numbers tests/integration/test_reports.py works out, which
    `branchdesk report --json` and GET /reports/kpis (tests/server) give too."""
    from tests.integration.test_reports import POZ, TOTAL, WAW
    from tests.support.report_scenario import FIRST, LAST, build

    def run(who, command, *args, at, **kwargs):  # type: ignore[no-untyped-def]
        with unit_of_work(store) as uow:
            return command(uow, uow.ref.user(who), *args, at=at, **kwargs)

    build(run)
    window = ReportsWindow(make_workspace("max"), today=date(2026, 12, 1))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sig_shown, timeout=15_000):
        window.set_period(Period(date.fromisoformat(FIRST), date.fromisoformat(LAST)))
    model = window.rows
    table = {model.group_at(r) or "total": {model.figure_at(c): model.index(r, c).data(Qt.ItemDataRole.UserRole)
                                            for c in range(1, model.columnCount())} for r in range(model.rowCount())}
    shown = set(table["total"])
    assert table == {name: {f: v for f, v in want.items() if f in shown}
                     for name, want in (("PL-POZ-001", POZ), ("PL-WAW-002", WAW), ("total", TOTAL))}
    assert window.tiles["resolved"].value.text() == str(TOTAL["resolved"])


def test_top_categories_show_their_trend_and_the_earlier_tickets(qtbot, make_workspace, store, history):
    from desktop.views.reports import earlier_period, trend_text

    window = open_reports(qtbot, make_workspace)
    # the last 30 days: 4 Network/Router tickets; the 30 days before: the 2 of 40 days ago
    (bar,) = window.top_categories.bars
    assert bar.values == (4, 2) and bar.texts[0].endswith("+100 %")
    this_period, before = window.top_categories.sets
    assert (this_period.at(0), before.at(0)) == (4, 2)
    laid_out(window.top_categories)
    assert [item.text() for item in window.top_categories.value_items()] == list(bar.texts)
    assert (trend_text(3, 4), trend_text(2, 0), trend_text(5, 5)) == ("−25 %", "new", "±0 %")
    laid_out(window.top_categories)
    point = window.top_categories.centre_of("Network/Router", 1)
    assert point is not None
    with qtbot.waitSignal(window.sig_drilled, timeout=15_000):
        qtbot.mouseClick(window.top_categories.viewport(), Qt.MouseButton.LeftButton, pos=point.toPoint())
    with store.read() as session:
        from core.reference import reference_for

        user = reference_for(store, session).user("ada")
        want = tickets_behind(session, user, earlier_period(window.period()), "category", "Network/Router", "tickets")
    assert len(want) == 2 and window.drill.ids == want
    # nothing had an OLA or supplier clock: the chart says so
    assert window.olas.bars == []


def test_a_bar_chart_too_small_for_its_bars_leaves_out_what_does_not_fit(qtbot):
    from desktop.views.charts import Bar, BarChart

    chart = BarChart("SLA met by site: the busiest 12 of 133", ("Response", "Resolution"), 100.0)
    qtbot.addWidget(chart)
    chart.set_bars([Bar(f"S{i:02}", f"S{i:02}", (50.0, 60.0), ("50.0 %", "60.0 %")) for i in range(30)])
    chart.resize(300, 220)
    chart.show()
    laid_out(chart)  # painted now, as on screen
    drawn = [key for key in (f"S{i:02}" for i in range(30)) if chart.centre_of(key) is not None]
    assert 1 <= len(drawn) < 30 and drawn == [f"S{i:02}" for i in range(len(drawn))]
    assert chart.note.text() == f"{30 - len(drawn)} more not shown"
    # each row is tall enough for its two figures in the small font, and no figure
    # runs into another
    first, second = chart.centre_of("S00"), chart.centre_of("S01")
    assert second.y() - first.y() >= 2 * 0.85 * chart.fontMetrics().height() * 0.8
    figures = [item.sceneBoundingRect() for item in chart.value_items()]
    assert len(figures) == 2 * len(drawn)
    assert not any(a.intersects(b) for i, a in enumerate(figures) for b in figures[i + 1:])
    # a title too long for the width is cut short, and whole in the tooltip
    chart.resize(170, 220)
    laid_out(chart)
    assert chart.toolTip() == "SLA met by site: the busiest 12 of 133"
    assert chart.chart_.title().endswith("…")
    chart.resize(900, 1000)
    laid_out(chart)
    assert all(chart.centre_of(f"S{i:02}") is not None for i in range(30)) and chart.toolTip() == ""
    assert chart.note.text() == ""
    assert chart.accessibleName() == "SLA met by site: the busiest 12 of 133"
    # figures of another period with nothing in them: the bars go, the chart says why
    chart.set_bars([], "No clock was decided in this period.")
    laid_out(chart)
    assert chart.shown == [] and chart.value_items() == [] and chart.centre_of("S00") is None
    assert [bar_set.at(0) for bar_set in chart.sets] == [0, 0]
    assert chart.note.text() == "No clock was decided in this period."


def test_long_row_labels_are_cut_short_in_the_middle_and_whole_when_there_is_room(qtbot):
    from desktop.views.charts import Bar, BarChart

    chart = BarChart("Top categories", ("This period",))
    qtbot.addWidget(chart)
    long = "Payments/Fleet cards and loyalty card terminals"
    chart.set_bars([Bar(long, long, (5,), ("5",)), Bar("Other", "Other", (3,), ("3",))])
    chart.resize(300, 200)
    chart.show()
    laid_out(chart)
    cut = chart.rows_axis.categories()[-1]  # the top row is the axis' last category
    assert "…" in cut and cut.startswith("Pay") and cut.endswith("als") and len(cut) < len(long)
    assert chart.rows_axis.categories()[0] == "Other"
    chart.resize(1200, 300)
    laid_out(chart)
    assert chart.rows_axis.categories() == ["Other", long]


def test_the_charts_take_the_palette_s_colours(qtbot):
    """A change of palette (the light and the dark theme set the application's) reaches
    the chart's background, title, axes' labels and the figures at the bars."""
    from desktop.qt import QColor, QPalette
    from desktop.views.charts import Bar, BarChart, LineChart

    bars = BarChart("Backlog by age", ("Open tickets",))
    line = LineChart("Tickets per week", ("Created", "Resolved"))
    for chart in (bars, line):
        qtbot.addWidget(chart)
        chart.show()
    bars.set_bars([Bar("age_under_1d", "Under 1 day", (3,), ("3",))])
    line.set_points(["2026-11-30"], ["30.11"], [(2, 1)])
    for window, text in (("#2b2d31", "#e6e6e6"), ("#efefef", "#000000")):
        palette = QPalette(bars.palette())
        palette.setColor(QPalette.ColorRole.Window, QColor(window))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
        for chart in (bars, line):
            chart.setPalette(palette)
        laid_out(bars, line)
        for chart in (bars, line):
            assert chart.chart_.backgroundBrush().color() == QColor(window)
            assert chart.chart_.titleBrush().color() == QColor(text)
            assert chart.chart_.legend().labelColor() == QColor(text)
            assert [axis.labelsBrush().color() for axis in chart.chart_.axes() if axis.isVisible()] == (
                [QColor(text)] * len([axis for axis in chart.chart_.axes() if axis.isVisible()]))
        assert bars.value_items()[0].brush().color() == QColor(text)


def test_a_year_of_weeks_in_a_narrow_line_chart_keeps_its_labels_apart(qtbot):
    from datetime import date as day

    from desktop.views.charts import LineChart

    chart = LineChart("Tickets per week", ("Created", "Resolved"))
    qtbot.addWidget(chart)
    mondays = [day(2025, 12, 29) + timedelta(weeks=n) for n in range(49)]
    chart.set_points([m.isoformat() for m in mondays], [m.strftime("%d.%m") for m in mondays],
                     [(n % 7, n % 5) for n in range(49)])
    chart.resize(330, 220)
    chart.show()
    laid_out(chart)
    labels = chart.keys_axis.categoriesLabels()
    assert 2 <= len(labels) < 49 and labels[0] == "29.12"
    xs = [chart.chart_.mapToPosition(QPointF(chart.keys_axis.endValue(label), 0), chart.lines[0]).x()
          for label in labels]
    widest = max(chart.fontMetrics().horizontalAdvance(label) for label in labels)
    assert all(b - a > widest for a, b in zip(xs, xs[1:], strict=False))
    # too close together for dots: the line alone, and a click on it names its nearest week
    assert not chart.lines[0].pointsVisible()
    point = chart.centre_of(mondays[30].isoformat(), 0)
    with qtbot.waitSignal(chart.sig_clicked) as clicked:
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=point.toPoint())
    assert clicked.args == [mondays[30].isoformat(), 0]
    chart.resize(1400, 300)
    laid_out(chart)
    assert len(chart.keys_axis.categoriesLabels()) > len(labels)
