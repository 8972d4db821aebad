"""`branchdesk sla explain` and `branchdesk sla recompute`."""

from __future__ import annotations

import argparse
from typing import Any

from core.clock import utcnow
from core.durations import format_duration
from core.sla.figures import recompute_all
from core.ticket_detail import get_ticket, sla_report
from desktop.cli.context import Context
from desktop.cli.output import print_json


def add_commands(commands: Any) -> None:
    sla = commands.add_parser("sla", help="SLA clocks: why a ticket is due when it is")
    sub = sla.add_subparsers(dest="sla_command", metavar="ACTION", required=True)
    explain = sub.add_parser("explain", help="a ticket's policy, calendar and clocks")
    explain.add_argument("number")
    explain.add_argument("--json", action="store_true")
    explain.set_defaults(handler=cmd_explain)
    recompute = sub.add_parser("recompute", help="recompute every open ticket's SLA figures")
    recompute.set_defaults(handler=cmd_recompute)


def cmd_explain(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.reading() as (session, ref, actor):
        ticket = get_ticket(session, actor, args.number)
        now = utcnow()
        report = sla_report(session, ref, ticket.id, now).as_dict()
        timezone = ref.spec.calendars[report["calendar"]].timezone if report["calendar"] else None
    if args.json:
        print_json({"number": args.number, "now": report_now(now), "timezone": timezone, **report})
        return 0
    if report["policy"] is None:
        print(f"{args.number}: no SLA policy matches this ticket's type, category and site")
        return 0
    print(f"{args.number}: policy {report['policy']!r} on calendar {report['calendar']!r} ({timezone}),"
          f" as of {report_now(now)}")
    # the ticket's own clocks, then each team's OLA clocks, then each supplier's
    # response and resolution clocks (supplier-response:CODE, supplier:CODE)
    clocks = [report["clocks"]["response"], report["clocks"]["resolution"], *report["olas"], *report["suppliers"]]
    shown = [c for c in clocks if c is not None]
    width = max([12, *(len(c["name"]) for c in shown)])
    for clock in shown:
        _print_clock(clock, width)
    return 0


def report_now(now: Any) -> str:
    from core.clock import iso

    return iso(now) or ""


def _print_clock(clock: dict[str, Any], width: int) -> None:
    line = (f"  {clock['name']:<{width}} {clock['state']:<9} target {format_duration(clock['target_s'])},"
            f" elapsed {format_duration(clock['elapsed_s'])}")
    if clock["state"] == "breached":
        line += f", breached at {clock['breached_at']}"
    elif clock["due_at"]:
        line += f", {'was ' if clock['state'] == 'met' else ''}due {clock['due_at']}"
    elif clock["state"] == "paused":
        line += ", due instant unknown while paused"
    if clock["stopped_at"]:
        line += f", stopped {clock['stopped_at']}"
    print(line + f" (calendar {clock['calendar']})")
    for warning in clock["warnings"]:
        print(f"      passed {warning['at_fraction']:.0%} of the target at {warning['passed_at']}")
    for pause in clock["paused"]:
        print(f"      paused from {pause['from']} to {pause['to'] or 'now'}")


def cmd_recompute(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.command() as (uow, _actor):
        tickets, events = recompute_all(uow, utcnow())
    print(f"recomputed {tickets} open tickets; {events} new warning or breach events recorded")
    return 0
