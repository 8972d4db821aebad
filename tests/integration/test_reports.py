"""Reports on a hand-built week (tests/support/report_scenario.py works out every
ticket's clocks): each figure, the same numbers from core, `branchdesk report` and
its CSV and XLSX files, period edges, scope and bad input."""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from core.reports.export import read_back
from core.reports.kpis import FIGURES, created_counts, kpi_report, resolved_counts, tickets_behind
from core.reports.period import period_of
from desktop.cli.main import run as cli
from tests.support.report_scenario import FIRST, LAST, build, build_ola, ola_org, rate

PERIOD = period_of(FIRST, LAST, date(2026, 12, 1))
NOW = datetime(2026, 12, 1, tzinfo=UTC)

# Central figures for PL-POZ-001 (T1-T5, see the scenario):
POZ = {
    "tickets": 4,                # T1-T4 created in the period; T5 before it
    "resolved": 4,               # T1, T2, T3, T5
    "frt_median_s": 2400,        # stopped in the period: T1 600, T2 2400, T3 28800 (T5's stopped on Fri)
    "mttr_s": 11850,             # (2400 + 5400 + 32400 + 7200) / 4
    "mttr_wall_s": 84750,        # (6000 + 7200 + 90000 + 235800) / 4
    # decided in the period: T1 met; T2, T3 breached, and T4, still open, breached Mon 10:30
    "response_met_pct": 25.0,
    # T1, T2, T5 met; T3 breached, and T4 breached Tue 10:00 (10:00-11:00, 11:30-15:30, Tue 07:00-10:00)
    "resolution_met_pct": 60.0,
    # the small organisation's teams have no OLA, and no ticket of the week waited on a supplier
    "ola_response_met_pct": None, "ola_resolution_met_pct": None,
    "supplier_response_met_pct": None, "supplier_resolution_met_pct": None,
    "fcr_pct": 50.0,             # T1, T5 of 4 resolved
    "reopen_pct": 25.0,          # T2 of 4 resolved
    "repeat_pct": 25.0,          # T4 of 4 created
    "backlog": 1,                # T4 open at Mon 30 00:00Z
    "backlog_lt_1d": 0, "backlog_1_3d": 0, "backlog_3_7d": 1, "backlog_gt_7d": 0,
    "csat_avg": None, "csat_count": 0, "effort_avg": None,  # nobody rated
}
# PL-WAW-002: T6 only, created and still new, 6 d 17 h old at the end; both its clocks
# breached in the period (Mon 07:30 and Tue 07:00).
WAW = {**dict.fromkeys(FIGURES), "tickets": 1, "resolved": 0, "repeat_pct": 0.0, "backlog": 1,
       "response_met_pct": 0.0, "resolution_met_pct": 0.0,
       "backlog_lt_1d": 0, "backlog_1_3d": 0, "backlog_3_7d": 1, "backlog_gt_7d": 0, "csat_count": 0}
TOTAL = {**POZ, "tickets": 5, "repeat_pct": 20.0, "backlog": 2, "backlog_3_7d": 2,
         "response_met_pct": 20.0, "resolution_met_pct": 50.0}


@pytest.fixture
def week(desk: Any) -> dict[str, str]:
    def run(who: str, command: Any, *args: Any, at: Any, **kwargs: Any) -> Any:
        return desk.run(command, who, *args, at=at, **kwargs)
    return build(run)


def report(desk: Any, username: str, by: str = "site", period: Any = PERIOD) -> Any:
    with desk.store.read() as session:
        return kpi_report(session, desk.user(username), period, by)


def test_every_figure_on_the_hand_built_week(desk: Any, week: dict[str, str]) -> None:
    found = report(desk, "max")
    assert [row["group"] for row in found.rows] == ["PL-POZ-001", "PL-WAW-002"]
    assert found.rows[0] == {"group": "PL-POZ-001", **POZ}
    assert found.rows[1] == {"group": "PL-WAW-002", **WAW}
    assert found.total == TOTAL


def test_drill_down_lists_the_tickets_behind_a_figure(desk: Any, week: dict[str, str]) -> None:
    with desk.store.read() as session:
        max_ = desk.user("max")
        numbers = {desk.ticket(n).id: name for name, n in week.items()}

        def behind(figure: str, group: str | None = "PL-POZ-001", **kw: Any) -> set[str]:
            return {numbers[i] for i in tickets_behind(session, max_, PERIOD, "site", group, figure, **kw)}

        assert behind("resolved") == {"T1", "T2", "T3", "T5"}
        assert behind("fcr_pct", counted=True) == {"T1", "T5"}
        assert behind("reopen_pct", counted=True) == {"T2"}
        assert behind("repeat_pct", counted=True) == {"T4"}
        assert behind("response_met_pct") == {"T1", "T2", "T3", "T4"}
        assert behind("response_met_pct", counted=True) == {"T1"}
        assert behind("backlog", None) == {"T4", "T6"}


def test_drill_down_lists_the_rated_tickets_behind_the_rating_figures(desk: Any, week: dict[str, str]) -> None:
    rate(lambda who, command, *args, at, **kw: desk.run(command, who, *args, at=at, **kw), week)
    found = report(desk, "max")
    assert (found.total["csat_count"], found.total["csat_avg"], found.total["effort_avg"]) == (3, 3.33, 3.0)
    with desk.store.read() as session:
        max_ = desk.user("max")
        numbers = {desk.ticket(n).id: name for name, n in week.items()}

        def behind(figure: str, group: str | None, by: str = "site") -> list[str]:
            return [numbers[i] for i in tickets_behind(session, max_, PERIOD, by, group, figure)]

        # T3's rating came after the period; oldest ticket first (T1 and T2 at one instant)
        for figure in ("csat_avg", "csat_count"):
            assert behind(figure, "PL-POZ-001") == behind(figure, None), figure
            assert behind(figure, None)[0] == "T5" and set(behind(figure, None)) == {"T5", "T1", "T2"}, figure
            assert behind(figure, "PL-WAW-002") == [], figure
            # the week of the rating: T5 was created the week before
            assert set(behind(figure, "2026-11-23", "week")) == {"T5", "T1", "T2"}, figure
            assert behind(figure, "2026-11-16", "week") == [], figure
            assert len(behind(figure, None)) == found.total["csat_count"]
        assert behind("effort_avg", "PL-POZ-001") == ["T5", "T1"]  # over the ratings that give one
        # a requester's branch report lists only her site's
        ola = desk.user("ola")
        assert tickets_behind(session, ola, PERIOD, "site", None, "csat_count") == []


def test_period_edges(desk: Any, week: dict[str, str]) -> None:
    # The week before: only T5, created Fri 20 14:00 and resolved after it, open at its
    # end (Mon 23 00:00), 2 d 10 h old.
    before = report(desk, "max", period=period_of("2026-11-16", "2026-11-22", date(2026, 12, 1))).total
    assert (before["tickets"], before["resolved"], before["backlog"], before["backlog_1_3d"]) == (1, 0, 1, 1)
    # Monday alone: T3 resolved on Tuesday is not resolved in it, and open at its end.
    monday = report(desk, "max", period=period_of(FIRST, FIRST, date(2026, 12, 1))).total
    assert (monday["tickets"], monday["resolved"], monday["backlog"]) == (5, 3, 3)


def test_a_branch_report_never_counts_another_site(desk: Any, week: dict[str, str]) -> None:
    # tom (technician at PL-POZ-001) sees his site only, even T3 that his team took over
    found = report(desk, "tom")
    assert [row["group"] for row in found.rows] == ["PL-POZ-001"]
    assert found.total == POZ


def test_week_and_team_groupings_add_up_to_the_total(desk: Any, week: dict[str, str]) -> None:
    for by in ("week", "team", "technician", "category", "region", "country"):
        found = report(desk, "max", by)
        assert sum(r["tickets"] for r in found.rows) == 5 and sum(r["resolved"] for r in found.rows) == 4, by
        assert found.total == TOTAL, by  # added up from the groups, the median counted anew


def test_the_cheap_counts_are_the_reports_own(desk: Any, week: dict[str, str]) -> None:
    """The dashboard's weekly line and top categories read only these counts: they are
    the whole report's `tickets` and `resolved`, group for group."""
    for by in ("week", "category", "site"):
        found = report(desk, "max", by)
        with desk.store.read() as session:
            created = created_counts(session, desk.user("max"), PERIOD, by)
            resolved = resolved_counts(session, desk.user("max"), PERIOD, by)
        assert created == {r["group"]: r["tickets"] for r in found.rows if r["tickets"]}, by
        assert resolved == {r["group"]: r["resolved"] for r in found.rows if r["resolved"]}, by


def cli_run(desk: Any, capsys: Any, *args: str) -> tuple[int, str, str]:
    code = cli(["--data-dir", str(desk.store.path.parent), "--user", "max", "report", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_json_csv_and_xlsx_give_the_core_numbers(desk: Any, week: dict[str, str], capsys: Any,
                                                     tmp_path: Path) -> None:
    from openpyxl import load_workbook

    code, out, _ = cli_run(desk, capsys, "--from", FIRST, "--to", LAST, "--by", "site", "--json")
    assert code == 0
    answer = json.loads(out)
    assert answer == {"from": FIRST, "to": LAST, "by": "site",
                      "rows": [{"group": "PL-POZ-001", **POZ}, {"group": "PL-WAW-002", **WAW}], "total": TOTAL}

    assert cli_run(desk, capsys, "--from", FIRST, "--to", LAST, "--csv", str(tmp_path / "r.csv"))[0] == 0
    with (tmp_path / "r.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["site", *FIGURES]
    parsed = {r[0]: dict(zip(FIGURES, map(read_back, r[1:]), strict=True)) for r in rows[1:]}
    assert parsed == {"PL-POZ-001": POZ, "PL-WAW-002": WAW, "total": TOTAL}

    assert cli_run(desk, capsys, "--from", FIRST, "--to", LAST, "--by", "site", "--by", "week",
                   "--xlsx", str(tmp_path / "r.xlsx"))[0] == 0
    book = load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames == ["site", "week"]
    sheet = book["site"]
    assert sheet.freeze_panes == "B2"
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    assert cells[0] == ["site", *FIGURES]
    assert {r[0]: dict(zip(FIGURES, r[1:], strict=True)) for r in cells[1:]} == {
        "PL-POZ-001": POZ, "PL-WAW-002": WAW, "total": TOTAL}
    # T5, created the week before, is counted in the week it was resolved in
    assert [c.value for c in book["week"]["A"]][1:] == ["2026-11-23", "total"]


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "2026-11-30", "--to", "2026-11-23"], "error: --from 2026-11-30 is after --to 2026-11-23\n"),
    (["--by", "planet"], "error: unknown --by 'planet'; one of site, region, country, team, category, "
                         "technician, week, supplier\n"),
    (["--from", "23/11/2026"], "error: --from must be a date as YYYY-MM-DD, not '23/11/2026'\n"),
])
def test_bad_input_is_one_error_line_and_exit_1(desk: Any, capsys: Any, args: list[str], message: str) -> None:
    code, out, err = cli_run(desk, capsys, *args)
    assert (code, out, err) == (1, "", message)


def test_the_readme_and_the_module_define_the_figures_in_the_same_words() -> None:
    import core.reports.kpis as kpis

    definitions = (kpis.__doc__ or "").split("word; a test checks it):\n\n", 1)[1].strip()
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert definitions in readme


# -- OLA and supplier compliance ----------------------------------------------------

@pytest.fixture
def ola_desk(tmp_path: Path, kit: Any) -> Any:
    """A store of the small organisation with OLAs and the two tickets of
    tests/support/report_scenario.py's build_ola (their clocks are worked out there)."""
    from desktop.cli.setup import init_store

    org = ola_org(Path(__file__).resolve().parents[1] / "fixtures" / "small-org.toml", tmp_path)
    store, _ = init_store(tmp_path / "ola" / "branchdesk.sqlite3", str(org), "PL-POZ-001")
    desk = kit.Desk(store)
    made = build_ola(lambda who, command, *args, at, **kw: desk.run(command, who, *args, at=at, **kw))
    desk.numbers = {desk.ticket(number).id: name for name, number in made.items()}
    yield desk
    store.close()


# (tickets, OLA response, OLA resolution, supplier response, supplier resolution) by team
OLA_BY_TEAM = {
    "DESK": (1, 50.0, 100.0, None, None),
    "FIELD": (1, 0.0, 100.0, 0.0, 100.0),
    "total": (2, 33.3, 100.0, 0.0, 100.0),  # OLA response: 1 met of 3 decided
}
OLA_BY_SUPPLIER = {"POSCO": (1, None, None, 0.0, 100.0), "total": (2, 33.3, 100.0, 0.0, 100.0)}
CLOCK_FIGURES = ("tickets", "ola_response_met_pct", "ola_resolution_met_pct", "supplier_response_met_pct",
                 "supplier_resolution_met_pct")


def clock_figures(found: Any) -> dict[str, tuple[Any, ...]]:
    rows = {row["group"]: tuple(row[f] for f in CLOCK_FIGURES) for row in found.rows}
    return {**rows, "total": tuple(found.total[f] for f in CLOCK_FIGURES)}


def test_ola_and_supplier_compliance_per_team_and_supplier(ola_desk: Any) -> None:
    # By team, an OLA clock counts for its team: DESK's response met by O1, breached by
    # O2 (50 %), its resolution met by both; FIELD's response breached, resolution met.
    # The supplier clocks count with the ticket's team now: O2 is FIELD's.
    assert clock_figures(report(ola_desk, "max", "team")) == OLA_BY_TEAM
    # By supplier: only O2 waited on one; the OLA figures are not given per supplier.
    assert clock_figures(report(ola_desk, "max", "supplier")) == OLA_BY_SUPPLIER
    for by in ("site", "region", "category", "technician"):
        assert clock_figures(report(ola_desk, "max", by))["total"] == OLA_BY_TEAM["total"], by
    assert clock_figures(report(ola_desk, "max", "week")) == {
        "2026-11-23": (2, 33.3, 100.0, 0.0, 100.0), "total": (2, 33.3, 100.0, 0.0, 100.0)}
    # the week before decided nothing
    before = report(ola_desk, "max", period=period_of("2026-11-16", "2026-11-22", date(2026, 12, 1)))
    assert clock_figures(before) == {"total": (0, None, None, None, None)}

    with ola_desk.store.read() as session:
        max_ = ola_desk.user("max")

        def behind(by: str, group: str | None, figure: str, **kw: Any) -> list[str]:
            ids = tickets_behind(session, max_, PERIOD, by, group, figure, **kw)
            return sorted(ola_desk.numbers[i] for i in ids)

        assert behind("team", "DESK", "ola_response_met_pct") == ["O1", "O2"]
        assert behind("team", "DESK", "ola_response_met_pct", counted=True) == ["O1"]
        assert behind("team", "FIELD", "ola_resolution_met_pct") == ["O2"]
        assert behind("supplier", "POSCO", "supplier_response_met_pct", counted=True) == []
        assert behind("supplier", "POSCO", "resolved") == ["O2"]
        assert behind("site", None, "ola_response_met_pct") == ["O1", "O2"]


def test_the_backfill_gives_old_tickets_their_figures(ola_desk: Any) -> None:
    """Tickets stored before the store kept the clocks' seconds (0007) and the OLA and
    supplier clocks (0009), as those migrations leave them: the backfill stores their
    figures from their history, and the report comes out as for tickets made now."""
    from sqlalchemy import update

    from core.models import Ticket
    from core.sla.figures import backfill, backfill_due

    want = report(ola_desk, "max", "team")
    with ola_desk.store.write() as session:
        session.execute(update(Ticket).values(sla_clocks=None, response_elapsed_s=None, response_stopped_at=None,
                                              resolution_elapsed_s=None, resolution_stopped_at=None))
    stale = report(ola_desk, "max", "team")
    assert stale.total["mttr_s"] is None and stale.total["ola_response_met_pct"] is None
    with ola_desk.store.read() as session:
        assert len(backfill_due(session, 10)) == 2
    assert ola_desk.run(lambda uow: backfill(uow, NOW, limit=1), None) == 1
    assert ola_desk.run(lambda uow: backfill(uow, NOW), None) == 1
    assert ola_desk.run(lambda uow: backfill(uow, NOW), None) == 0
    assert report(ola_desk, "max", "team").as_dict() == want.as_dict()


def test_cli_supplier_view_and_team_json(ola_desk: Any, capsys: Any) -> None:
    code = cli(["--data-dir", str(ola_desk.store.path.parent), "--user", "max", "report", "--from", FIRST,
                "--to", LAST, "--by", "supplier", "--json"])
    answer = json.loads(capsys.readouterr().out)
    assert code == 0 and [r["group"] for r in answer["rows"]] == ["POSCO"]
    assert answer["rows"][0]["supplier_response_met_pct"] == 0.0


def test_cli_tables_by_team_and_by_supplier_show_their_compliance(ola_desk: Any, capsys: Any) -> None:
    def table(by: str) -> list[str]:
        assert cli(["--data-dir", str(ola_desk.store.path.parent), "--user", "max", "report", "--from", FIRST,
                    "--to", LAST, "--by", by]) == 0
        return capsys.readouterr().out.splitlines()

    by_team = table("team")
    assert "OLA resp met %" in by_team[1] and "supplier resol met %" in by_team[1]
    desk_row = next(line for line in by_team if line.startswith("DESK"))
    assert "50.0" in desk_row.split() and "100.0" in desk_row.split()
    by_supplier = table("supplier")
    assert by_supplier[1].split()[:4] == ["supplier", "tickets", "resolved", "MTTR"]
    assert next(line for line in by_supplier if line.startswith("POSCO")).split()[-3:] == ["0.0", "100.0", "0"]
