"""`branchdesk report`: the desk's figures over a period by a grouping (DESIGN §14),
as a table, JSON, CSV or an XLSX workbook."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from core.clock import utcnow
from core.durations import format_duration
from core.errors import InvalidInput
from core.reports.export import write_csv, write_xlsx
from core.reports.kpis import KpiReport, kpi_report
from core.reports.period import GROUPINGS, check_grouping, period_of
from desktop.cli.context import Context
from desktop.cli.output import print_json, print_table

SHOWN = (("tickets", "tickets"), ("resolved", "resolved"), ("frt_median_s", "FRT median"),
         ("mttr_s", "MTTR"), ("response_met_pct", "resp met %"), ("resolution_met_pct", "resol met %"),
         ("fcr_pct", "FCR %"), ("reopen_pct", "reopen %"), ("repeat_pct", "repeat %"), ("backlog", "backlog"))
# by team and by supplier the table shows their compliance: the teams' OLAs, the suppliers' contracts
OLA_SHOWN = (("ola_response_met_pct", "OLA resp met %"), ("ola_resolution_met_pct", "OLA resol met %"))
SUPPLIER_SHOWN = (("supplier_response_met_pct", "supplier resp met %"),
                  ("supplier_resolution_met_pct", "supplier resol met %"))
SHOWN_BY = {
    "team": (*SHOWN[:6], *OLA_SHOWN, *SUPPLIER_SHOWN, *SHOWN[6:]),
    "supplier": (("tickets", "tickets"), ("resolved", "resolved"), ("mttr_s", "MTTR"), *SUPPLIER_SHOWN,
                 ("backlog", "backlog")),
}


def add_commands(commands: Any) -> None:
    report = commands.add_parser("report", help="the desk's figures over a period, by site, team, week, ...")
    report.add_argument("--from", dest="first", metavar="DATE", help="first day, YYYY-MM-DD (UTC)")
    report.add_argument("--to", dest="last", metavar="DATE", help="last day, included (default: today)")
    # checked by core, not argparse: a wrong value is bad input (exit 1), not wrong usage
    report.add_argument("--by", action="append", metavar="GROUPING",
                        help=f"one of {', '.join(GROUPINGS)} (default site); --xlsx takes several, one sheet each")
    out = report.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true")
    out.add_argument("--csv", metavar="FILE")
    out.add_argument("--xlsx", metavar="FILE")
    report.set_defaults(handler=cmd_report)


def cmd_report(ctx: Context, args: argparse.Namespace) -> int:
    groupings = [check_grouping(b) for arg in (args.by or ["site"]) for b in arg.split(",")]
    if len(groupings) > 1 and not args.xlsx:
        raise InvalidInput("several --by go with --xlsx only (one sheet each)", "by")
    period = period_of(args.first, args.last, utcnow().date())
    home = ctx.store.meta("home_site")
    with ctx.reading() as (session, ref, actor):
        home_id = ref.site_codes[home].id if home in ref.site_codes else None
        reports = [kpi_report(session, actor, period, by, home_site=home_id) for by in groupings]
    if args.json:
        print_json(reports[0].as_dict())
    elif args.csv:
        write_csv(reports[0], _writable(args.csv))
    elif args.xlsx:
        write_xlsx(reports, _writable(args.xlsx))
    else:
        _print(reports[0])
    return 0


def _writable(name: str) -> Path:
    path = Path(name)
    if not path.parent.is_dir():
        raise InvalidInput(f"cannot write {name}: no folder {path.parent}", "file")
    return path


def _cell(name: str, value: Any) -> str:
    if value is None:
        return "-"
    if name.endswith("_s"):
        return format_duration(int(value))
    return str(value)


def _print(report: KpiReport) -> None:
    shown = SHOWN_BY.get(report.by, SHOWN)
    print(f"{report.period.first.isoformat()} to {report.period.last.isoformat()} by {report.by}")
    rows = [[row["group"], *(_cell(n, row[n]) for n, _ in shown)] for row in report.rows]
    rows.append(["total", *(_cell(n, report.total[n]) for n, _ in shown)])
    print_table([report.by, *(label for _, label in shown)], rows)
