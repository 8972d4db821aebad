"""`branchdesk ticket …` and `branchdesk search`."""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from core.blobs import BlobFolder
from core.clock import iso
from core.durations import parse_duration
from core.errors import InvalidInput, NotFound
from core.knowledge import search_articles
from core.queries import search
from core.services import attachments
from core.services import tickets as service
from core.ticket_detail import HistoryEntry, read_ticket
from core.ticket_query import (
    QUEUE_ALIASES,
    QUEUE_SORT,
    QUEUES,
    SORT_ALIASES,
    SORT_KEYS,
    TicketFilter,
    TicketQuery,
)
from desktop.cli import knowledge
from desktop.cli.context import Context
from desktop.cli.output import print_json, print_table


def add_commands(commands: Any) -> None:
    ticket = commands.add_parser("ticket", help="log, list, show and work tickets")
    sub = ticket.add_subparsers(dest="ticket_command", metavar="ACTION", required=True)

    new = sub.add_parser("new", help="log a ticket")
    new.add_argument("--title", required=True)
    new.add_argument("--category", required=True, metavar="PATH")
    new.add_argument("--impact", required=True)
    new.add_argument("--urgency", required=True)
    new.add_argument("--type", default="incident")
    new.add_argument("--description", default="")
    new.add_argument("--channel", default="portal")
    new.add_argument("--requester", metavar="USERNAME")
    new.add_argument("--site", metavar="CODE")
    new.add_argument("--asset", metavar="TAG")
    new.add_argument("--parent", metavar="NUMBER", help="the ticket a task belongs under")
    new.add_argument("--major", action="store_true", help="flag a major incident")
    new.add_argument("--field", action="append", default=[], metavar="KEY=VALUE")
    new.add_argument("--json", action="store_true")
    new.set_defaults(handler=cmd_new)

    lst = sub.add_parser("list", help="a queue of tickets")
    lst.add_argument("--queue", default="all", choices=(*QUEUES, *QUEUE_ALIASES),
                     help="mine, requests (what you asked for), team, triage, breached, due_soon, major, site "
                          "or all (default); breaching is breached and due_soon together")
    lst.add_argument("--status")
    lst.add_argument("--sort", default=None, metavar="KEY",
                     help=f"one of {', '.join(SORT_KEYS)} (default: updated; sla_due, most urgent first, for "
                          "breached and due_soon; for requests, resolved ones waiting for you first)")
    lst.add_argument("--within", default=None, metavar="DURATION",
                     help="with --queue due_soon: how far ahead to look (default 2h; for breaching 1h)")
    lst.add_argument("--limit", type=int, default=50)
    lst.add_argument("--offset", type=int, default=0)
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=cmd_list)

    show = sub.add_parser("show", help="one ticket in full")
    show.add_argument("number")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    edit = sub.add_parser("edit", help="change a ticket's fields")
    edit.add_argument("number")
    edit.add_argument("--title")
    edit.add_argument("--description")
    edit.add_argument("--impact")
    edit.add_argument("--urgency")
    edit.add_argument("--category", metavar="PATH")
    edit.add_argument("--type")
    edit.add_argument("--priority", help="override the computed priority (needs --reason)")
    edit.add_argument("--reason")
    edit.add_argument("--asset", metavar="TAG")
    edit.add_argument("--major", choices=("yes", "no"))
    edit.add_argument("--field", action="append", default=None, metavar="KEY=VALUE")
    edit.set_defaults(handler=cmd_edit)

    assign = sub.add_parser("assign", help="give a ticket to a team or a person")
    assign.add_argument("number")
    assign.add_argument("--team", metavar="CODE")
    assign.add_argument("--to", metavar="USERNAME")
    assign.add_argument("--note")
    assign.set_defaults(handler=cmd_assign)

    escalate = sub.add_parser("escalate", help="hand a ticket to the next tier")
    escalate.add_argument("number")
    escalate.add_argument("--note")
    escalate.set_defaults(handler=cmd_escalate)

    move = sub.add_parser("move", help="change a ticket's status")
    move.add_argument("number")
    move.add_argument("status")
    move.add_argument("--reason", help="why it is pending: customer, supplier, change, other")
    move.add_argument("--supplier", metavar="CODE")
    move.add_argument("--code", help="resolution code")
    move.add_argument("--note", help="resolution note, or a note on the move")
    move.set_defaults(handler=cmd_move)

    comment = sub.add_parser("comment", help="reply publicly or add an internal note")
    comment.add_argument("number")
    comment.add_argument("text")
    comment.add_argument("--internal", action="store_true")
    comment.set_defaults(handler=cmd_comment)

    work = sub.add_parser("worklog", help="log time spent on a ticket")
    work.add_argument("number")
    work.add_argument("minutes", type=int)
    work.add_argument("--note", default="")
    work.set_defaults(handler=cmd_worklog)

    link = sub.add_parser("link", help="link two tickets")
    link.add_argument("number")
    link.add_argument("other")
    link.add_argument("--kind", default="relates")
    link.set_defaults(handler=cmd_link)

    attach = sub.add_parser("attach", help="add a file to a ticket")
    attach.add_argument("number")
    attach.add_argument("file", metavar="FILE")
    attach.add_argument("--json", action="store_true")
    attach.set_defaults(handler=cmd_attach)

    fetch = sub.add_parser("attachment", help="write an attachment's content to a file")
    fetch.add_argument("number")
    fetch.add_argument("name", help="the attachment's file name, as 'ticket show' lists it")
    fetch.add_argument("--out", required=True, metavar="PATH", help="a file to write, or a folder to write it into")
    fetch.add_argument("--force", action="store_true", help="replace the file at PATH if there is one")
    fetch.set_defaults(handler=cmd_attachment)

    knowledge.add_rate(sub)

    find = commands.add_parser("search", help="search titles, descriptions and comments")
    find.add_argument("text")
    find.add_argument("--limit", type=int, default=50)
    find.add_argument("--json", action="store_true")
    find.set_defaults(handler=cmd_search)


def _fields(pairs: list[str] | None) -> dict[str, str] | None:
    if pairs is None:
        return None
    result = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InvalidInput(f"--field takes KEY=VALUE, not {pair!r}", "field")
        result[key.strip()] = value
    return result


def _auto_close(ctx: Context) -> None:
    with ctx.command() as (uow, _actor):
        service.close_expired(uow)


def cmd_new(ctx: Context, args: argparse.Namespace) -> int:
    _auto_close(ctx)
    cmd = service.NewTicket(
        title=args.title, category=args.category, impact=args.impact, urgency=args.urgency, type=args.type,
        description=args.description, channel=args.channel, requester=args.requester, site=args.site,
        fields=_fields(args.field) or {}, asset_tag=args.asset, parent=args.parent, major_incident=args.major,
    )
    with ctx.command() as (uow, actor):
        ticket = service.create(uow, actor, cmd)
        number = ticket.number
    if args.json:
        with ctx.reading() as (session, ref, actor):
            print_json(read_ticket(session, ref, actor, number).as_json())
    else:
        print(f"{number}  {ticket.priority}  {ticket.status}  {ticket.title}")
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    if args.limit < 1 or args.offset < 0:
        raise InvalidInput("--limit must be at least 1 and --offset 0 or more")
    try:
        within = parse_duration(args.within or ("1h" if args.queue == "breaching" else "2h"))
    except ValueError as exc:
        raise InvalidInput(f"--within: {exc}", "within") from None
    _auto_close(ctx)
    home = ctx.store.meta("home_site")
    # The SLA queues read most urgent first; the others most recently changed first.
    sort, descending = QUEUE_SORT.get(args.queue, ("updated", True))
    if args.sort:
        sort = SORT_ALIASES.get(args.sort, args.sort)
        descending = sort != "sla_due"
    with ctx.reading() as (session, ref, actor):
        home_id = ref.site_codes[home].id if home in ref.site_codes else None
        query = TicketQuery(ref, actor, TicketFilter(queue=args.queue, status=args.status, within=within),
                            sort=sort, descending=descending, home_site=home_id)
        rows = query.page(session, args.offset, args.limit)
    if args.json:
        print_json([r.as_dict() for r in rows])
        return 0
    print_table(
        ["NUMBER", "PRI", "STATUS", "TITLE", "SITE", "ASSIGNEE", "SLA", "NEXT DUE"],
        [(r.number, r.priority, r.status, r.title, r.site, r.assignee or r.team,
          r.resolution_state or "-", r.sla_next_at or "") for r in rows],
        widths={3: 44},
    )
    return 0


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.reading() as (session, ref, actor):
        d = read_ticket(session, ref, actor, args.number)
    folder = BlobFolder.beside(ctx.store.path)
    here = {a.id: folder.has(a.sha256, a.size) for a in d.attachments}
    if args.json:
        shown = d.as_json()
        shown["attachments"] = [{**asdict(a), "here": here[a.id]} for a in d.attachments]
        print_json(shown)
        return 0
    print(f"{d.number}  {d.title}")
    print(f"  {d.type}" + (" (MAJOR INCIDENT)" if d.major_incident else "") + f", {d.status}"
          + (f" ({d.pending_reason})" if d.pending_reason else "")
          + f", priority {d.priority} (impact {d.impact}, urgency {d.urgency})")
    print(f"  site {d.site}, category {d.category}, channel {d.channel}, asset {d.asset_tag or '-'}")
    print(f"  requester {d.requester}, team {d.team or '-'} (tier {d.tier}), assignee {d.assignee or '-'}")
    if d.fields:
        print("  fields: " + ", ".join(f"{k}={v}" for k, v in d.fields.items()))
    if d.resolution_code:
        print(f"  resolved: {d.resolution_code}: {d.resolution_note}")
    if d.parent_ticket:
        parent = d.parent_ticket
        print(f"  task of {_related_line(parent.number, parent.status, parent.title)}")
    if d.task_tickets:
        print("  tasks:")
        for task in d.task_tickets:
            print(f"    {_related_line(task.number, task.status, task.title)}")
    if d.links:
        print("  links:")
        for link in d.links:
            other = _related_line(link.ticket, link.status, link.title)
            print(f"    {link_phrase(link.kind, link.direction)} {other}")
    if d.description:
        print()
        print("  " + d.description.replace("\n", "\n  "))
    print()
    timeline = [(h.at, _history_line(h)) for h in d.history]
    timeline += [(c.at, f"{c.author} {'replied' if c.public else 'noted (internal)'}: {c.body}") for c in d.comments]
    timeline += [(w.at, f"{w.author} logged {w.minutes} min {w.note}".rstrip()) for w in d.work_log]
    for at, line in sorted(timeline, key=lambda item: item[0] or ""):
        print(f"  {at}  {line}")
    if d.attachments:
        print()
        print("  attachments:")
        for a in d.attachments:
            where = "here" if here[a.id] else "not downloaded yet"
            print(f"    {a.name}  {a.size} bytes  sha256 {a.sha256[:12]}  {where}  ({a.author}, {a.at})")
    return 0


# How a link reads from each end: "A caused_by B" shows on A as "caused by B", on B as "causes A".
LINK_PHRASES = {
    ("relates", "outgoing"): "relates to", ("relates", "incoming"): "relates to",
    ("duplicates", "outgoing"): "duplicates", ("duplicates", "incoming"): "duplicated by",
    ("follows_up", "outgoing"): "follows up", ("follows_up", "incoming"): "followed up by",
    ("caused_by", "outgoing"): "caused by", ("caused_by", "incoming"): "causes",
}


def link_phrase(kind: str, direction: str) -> str:
    return LINK_PHRASES.get((kind, direction), f"{kind.replace('_', ' ')} ({direction})")


def _related_line(number: str, status: str | None, title: str | None) -> str:
    """Another ticket: its number, and its status and title where the reader may see it."""
    return f"{number}  {status}  {title}" if status is not None else number


def _history_line(h: HistoryEntry) -> str:
    if h.kind == "created":
        return f"{h.actor} created the ticket"
    if h.kind == "field":
        note = f" ({h.note})" if h.note else ""
        return f"{h.actor} set {h.field}: {h.old} -> {h.new}{note}"
    if h.kind == "notice" and isinstance(h.new, list):
        return f"{h.actor} told {', '.join(map(str, h.new))} ({h.field}): {h.note or ''}".rstrip()
    return f"{h.actor} {h.kind} {h.note or ''}".rstrip()


def cmd_edit(ctx: Context, args: argparse.Namespace) -> int:
    cmd = service.TicketEdit(
        title=args.title, description=args.description, impact=args.impact, urgency=args.urgency,
        category=args.category, type=args.type, priority=args.priority, priority_reason=args.reason,
        asset_tag=args.asset, major_incident=None if args.major is None else args.major == "yes",
        fields=_fields(args.field),
    )
    with ctx.command() as (uow, actor):
        ticket = service.edit(uow, actor, args.number, cmd)
        print(f"{ticket.number}  {ticket.priority}  {ticket.status}  {ticket.title}")
    return 0


def cmd_assign(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.command() as (uow, actor):
        ticket = service.assign(uow, actor, args.number, team=args.team, to=args.to, note=args.note)
        print(f"{ticket.number}  {ticket.status}  team {uow.ref.team_code_of(ticket.team_id) or '-'}"
              f"  assignee {uow.ref.username_of(ticket.assignee_id) or '-'}")
    return 0


def cmd_escalate(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.command() as (uow, actor):
        ticket = service.escalate(uow, actor, args.number, note=args.note)
        print(f"{ticket.number}  {ticket.status}  team {uow.ref.team_code_of(ticket.team_id)} (tier {ticket.tier})")
    return 0


def cmd_move(ctx: Context, args: argparse.Namespace) -> int:
    _auto_close(ctx)
    with ctx.command() as (uow, actor):
        ticket = service.move(uow, actor, args.number, args.status, reason=args.reason, supplier=args.supplier,
                              code=args.code, note=args.note)
        print(f"{ticket.number}  {ticket.status}")
    return 0


def cmd_comment(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.command() as (uow, actor):
        row = service.comment(uow, actor, args.number, args.text, internal=args.internal)
        print(f"{args.number}  {'internal note' if args.internal else 'reply'} added at {iso(row.created_at)}")
    return 0


def cmd_worklog(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.command() as (uow, actor):
        service.log_work(uow, actor, args.number, args.minutes, args.note)
        print(f"{args.number}  {args.minutes} min logged")
    return 0


def cmd_link(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.command() as (uow, actor):
        service.link(uow, actor, args.number, args.other, args.kind)
        print(f"{args.number}  {args.kind}  {args.other}")
    return 0


def cmd_attach(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.command() as (uow, actor):
        row = attachments.attach(uow, actor, args.number, Path(args.file))
        item = {"id": str(row.id), "ticket": args.number, "name": row.name, "size": row.size, "sha256": row.sha256,
                "media_type": row.media_type, "at": iso(row.created_at)}
    if args.json:
        print_json(item)
    else:
        print(f"{args.number}  attached {row.name} ({row.size} bytes, sha256 {row.sha256[:12]})")
    return 0


def cmd_attachment(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.reading() as (session, _ref, actor):
        found = attachments.find_attachment(session, actor, args.number, args.name)
        name, sha, size = found.name, found.sha256, found.size
    folder = BlobFolder.beside(ctx.store.path)
    if not folder.has(sha, size):
        raise NotFound(f"the content of {name} is not in this store yet; run 'branchdesk sync' to download it")
    target = Path(args.out)
    if target.is_dir():
        target = target / name
    if target.exists() and not args.force:
        raise InvalidInput(f"{target} exists; choose another --out or add --force", "out")
    if target.exists() and not target.is_file():
        raise InvalidInput(f"{target} is not a regular file", "out")
    if not target.parent.is_dir():
        raise InvalidInput(f"no folder {target.parent}", "out")
    _write_copy(folder.path(sha), target)
    print(f"{target}  {size} bytes")
    return 0


def _write_copy(source: Path, target: Path) -> None:
    """Through a temporary file beside the target: never a half-written file under its name."""
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    except OSError as exc:
        raise InvalidInput(f"cannot write in {target.parent}: {exc.strerror}", "out") from None
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as handle:
            shutil.copyfileobj(handle, out)
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise InvalidInput(f"cannot write {target}: {exc.strerror or exc}", "out") from None


def cmd_search(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.reading() as (session, ref, actor):
        hits = search(session, ref, actor, args.text, limit=max(1, args.limit))
        # knowledge articles the words find too (the text form only: --json stays a list of tickets)
        articles = [] if args.json else search_articles(session, ref, actor, args.text, limit=10)
    if args.json:
        print_json(hits)
        return 0
    if not hits:
        print("no tickets match")
    else:
        print_table(["NUMBER", "PRI", "STATUS", "TITLE", "SITE"],
                    [(h["number"], h["priority"], h["status"], h["title"], h["site"]) for h in hits], widths={3: 60})
    if articles:
        print()
        print_table(["ARTICLE", "STATUS", "TITLE"], [(a.number, a.status, a.title) for a in articles],
                    widths={2: 60})
    return 0
