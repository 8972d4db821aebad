"""`branchdesk kb …`: knowledge articles from a terminal (DESIGN §15), and
`branchdesk ticket rate` (registered by desktop.cli.tickets)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from core import knowledge as kb
from core.clock import iso
from core.errors import InvalidInput
from core.services import knowledge, ratings
from core.services.tickets import NewTicket
from desktop.cli.context import Context
from desktop.cli.output import print_json, print_table


def add_commands(commands: Any) -> None:
    parser = commands.add_parser("kb", help="knowledge articles: write, publish, search and suggest")
    sub = parser.add_subparsers(dest="kb_command", metavar="ACTION", required=True)

    new = sub.add_parser("new", help="write an article (a draft), from scratch or from a resolved ticket")
    new.add_argument("--title")
    body = new.add_mutually_exclusive_group()
    body.add_argument("--body", help="the article in Markdown")
    body.add_argument("--body-file", metavar="FILE", help="read the Markdown body from a file")
    new.add_argument("--category", action="append", default=None, metavar="PATH",
                     help="a category the article is filed under (repeat for more; the first is the main one)")
    new.add_argument("--from-ticket", metavar="NUMBER",
                     help="start from a resolved ticket: its title, category and resolution note")
    new.add_argument("--json", action="store_true")
    new.set_defaults(handler=cmd_new)

    edit = sub.add_parser("edit", help="change an article's title, body or categories")
    edit.add_argument("number")
    edit.add_argument("--title")
    body = edit.add_mutually_exclusive_group()
    body.add_argument("--body")
    body.add_argument("--body-file", metavar="FILE")
    edit.add_argument("--category", action="append", default=None, metavar="PATH")
    edit.set_defaults(handler=cmd_edit)

    lst = sub.add_parser("list", help="articles, most recently updated first")
    lst.add_argument("--status", help="draft or published")
    lst.add_argument("--category", metavar="PATH", help="under this category (or below it)")
    lst.add_argument("--limit", default="50")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=cmd_list)

    show = sub.add_parser("show", help="one article in full")
    show.add_argument("number")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    find = sub.add_parser("search", help="articles holding every word (prefixes match)")
    find.add_argument("text")
    find.add_argument("--limit", default="50")
    find.add_argument("--json", action="store_true")
    find.set_defaults(handler=cmd_search)

    link = sub.add_parser("link", help="link an article to a ticket")
    link.add_argument("number", help="the article (KB-…)")
    link.add_argument("ticket", help="the ticket's number")
    link.set_defaults(handler=cmd_link)

    publish = sub.add_parser("publish", help="publish a draft (agents and managers)")
    publish.add_argument("number")
    publish.set_defaults(handler=cmd_publish)

    suggest = sub.add_parser("suggest", help="published articles for a ticket being logged, best first")
    suggest.add_argument("--title", required=True)
    suggest.add_argument("--category", metavar="PATH")
    suggest.add_argument("--limit", default=str(kb.SUGGEST_LIMIT))
    suggest.add_argument("--json", action="store_true")
    suggest.set_defaults(handler=cmd_suggest)

    solved = sub.add_parser("solved", help="this article solved it: log the ticket as resolved at once "
                                           "(first contact), or with --no-ticket only count the use")
    solved.add_argument("number", help="the article (KB-…)")
    solved.add_argument("--title")
    solved.add_argument("--category", metavar="PATH")
    solved.add_argument("--impact", default="low")
    solved.add_argument("--urgency", default="low")
    solved.add_argument("--description", default="")
    solved.add_argument("--requester", metavar="USERNAME")
    solved.add_argument("--no-ticket", action="store_true",
                        help="log no ticket (where the organisation file says [organisation] deflect = true)")
    solved.add_argument("--json", action="store_true")
    solved.set_defaults(handler=cmd_solved)


def add_rate(sub: Any) -> None:
    """`ticket rate`, under `branchdesk ticket`."""
    rate = sub.add_parser("rate", help="rate your resolved ticket: satisfaction and effort, 1 to 5")
    rate.add_argument("number")
    rate.add_argument("--score", required=True, help="satisfaction, 1 (very unhappy) to 5 (very happy)")
    rate.add_argument("--effort", help="how easy it was to get this solved, 1 (very hard) to 5 (very easy)")
    rate.add_argument("--comment", default="")
    rate.add_argument("--json", action="store_true")
    rate.set_defaults(handler=cmd_rate)


def whole(value: str | None, name: str, low: int = 1, high: int | None = None) -> int | None:
    """A whole number given on the command line, or one clear refusal."""
    if value is None:
        return None
    try:
        number = int(value.strip())
    except ValueError:
        number = None
    if number is None or number < low or (high is not None and number > high):
        span = f"from {low} to {high}" if high is not None else f"of at least {low}"
        raise InvalidInput(f"--{name} takes a whole number {span}, not {value!r}", name)
    return number


def _body(args: argparse.Namespace) -> str | None:
    if getattr(args, "body_file", None):
        path = Path(args.body_file)
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InvalidInput(f"no file {path}", "body") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput(f"cannot read {path} as UTF-8 text: {exc}", "body") from None
    body: str | None = args.body
    return body


def cmd_new(ctx: Context, args: argparse.Namespace) -> int:
    body = _body(args)
    if args.from_ticket:
        with ctx.reading() as (session, ref, actor):
            draft = knowledge.draft_from_ticket(session, ref, actor, args.from_ticket)
        if args.title is not None:
            draft.title = args.title
        if body is not None:
            draft.body = body
        if args.category is not None:
            draft.categories = list(args.category)
    else:
        if args.title is None:
            raise InvalidInput("an article needs --title (or --from-ticket NUMBER)", "title")
        draft = knowledge.ArticleDraft(title=args.title, body=body or "", categories=list(args.category or []))
    with ctx.command() as (uow, actor):
        number = knowledge.new_article(uow, actor, draft).number
    return _print_article(ctx, number, args.json, f"{number}  draft  {' '.join(draft.title.split())}")


def cmd_edit(ctx: Context, args: argparse.Namespace) -> int:
    edit = knowledge.ArticleEdit(title=args.title, body=_body(args), categories=args.category)
    if edit == knowledge.ArticleEdit():
        raise InvalidInput("say what to change: --title, --body, --body-file or --category")
    with ctx.command() as (uow, actor):
        article = knowledge.edit_article(uow, actor, args.number, edit)
        print(f"{article.number}  {article.status}  {article.title}")
    return 0


def _print_article(ctx: Context, number: str, as_json: bool, line: str) -> int:
    if as_json:
        with ctx.reading() as (session, ref, actor):
            print_json(kb.read_article(session, ref, actor, number).as_json())
    else:
        print(line)
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    limit = whole(args.limit, "limit") or 50
    with ctx.reading() as (session, ref, actor):
        found = kb.list_articles(session, ref, actor, status=args.status, category=args.category, limit=limit)
    return _print_summaries(found, args.json, "no articles")


def _print_summaries(found: list[kb.ArticleSummary], as_json: bool, none: str) -> int:
    if as_json:
        print_json([a.as_json() for a in found])
    elif not found:
        print(none)
    else:
        print_table(["NUMBER", "STATUS", "SOLVED", "TITLE", "CATEGORY"],
                    [(a.number, a.status, a.solved_count, a.title, a.categories[0] if a.categories else "")
                     for a in found], widths={3: 60})
    return 0


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.reading() as (session, ref, actor):
        detail = kb.read_article(session, ref, actor, args.number)
    if args.json:
        print_json(detail.as_json())
        return 0
    print(f"{detail.number}  {detail.status}  {detail.title}")
    print(f"categories: {', '.join(detail.categories) or '-'}")
    print(f"by {detail.author} · created {iso(detail.created_at)} · updated {iso(detail.updated_at)}"
          + (f" · published {iso(detail.published_at)} by {detail.published_by}" if detail.published_at else ""))
    print(f"solved it {detail.solved_count} time(s)" + (f", {detail.deflected_count} without a ticket"
                                                          if detail.deflected_count else ""))
    if detail.source_ticket:
        print(f"written from {detail.source_ticket}")
    print()
    print(detail.body or "(no body yet)")
    if detail.tickets:
        print()
        print("linked tickets:")
        for number, status, title in detail.tickets:
            print(f"  {number}  {status}  {title}")
    return 0


def cmd_search(ctx: Context, args: argparse.Namespace) -> int:
    limit = whole(args.limit, "limit") or 50
    with ctx.reading() as (session, ref, actor):
        found = kb.search_articles(session, ref, actor, args.text, limit=limit)
    return _print_summaries(found, args.json, "no articles match")


def cmd_link(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.command() as (uow, actor):
        knowledge.link_article(uow, actor, args.ticket, args.number)
    print(f"{args.number}  linked to {args.ticket}")
    return 0


def cmd_publish(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.command() as (uow, actor):
        article = knowledge.publish_article(uow, actor, args.number)
        print(f"{article.number}  published  {article.title}")
    return 0


def cmd_suggest(ctx: Context, args: argparse.Namespace) -> int:
    limit = whole(args.limit, "limit") or kb.SUGGEST_LIMIT
    with ctx.reading() as (session, ref, actor):
        found = kb.suggest(session, ref, actor, args.title, args.category, limit=limit)
    if args.json:
        print_json([s.as_json() for s in found])
    elif not found:
        print("no articles to suggest")
    else:
        print_table(["NUMBER", "SCORE", "TITLE", "CATEGORY"],
                    [(s.number, f"{s.score:.3f}", s.title, s.categories[0] if s.categories else "") for s in found],
                    widths={2: 60})
    return 0


def cmd_solved(ctx: Context, args: argparse.Namespace) -> int:
    ticket = None
    if args.no_ticket:
        if args.title or args.category or args.requester:
            raise InvalidInput("--no-ticket logs no ticket: leave out --title, --category and --requester")
    else:
        if not args.title or not args.category:
            raise InvalidInput("say what is being logged with --title and --category (or --no-ticket)", "title")
        ticket = NewTicket(title=args.title, category=args.category, impact=args.impact, urgency=args.urgency,
                           description=args.description, requester=args.requester)
    with ctx.command() as (uow, actor):
        result = knowledge.solved(uow, actor, args.number, ticket)
        logged = result.ticket.number if result.ticket is not None else None
        count = result.article.solved_count
    if args.json:
        print_json({"article": args.number, "ticket": logged, "solved_count": count})
    elif logged:
        print(f"{logged}  resolved  solved_by_article {args.number}")
    else:
        print(f"{args.number}  use counted ({count} in all); no ticket logged")
    return 0


def cmd_rate(ctx: Context, args: argparse.Namespace) -> int:
    score = whole(args.score, "score", 1, 5)
    effort = whole(args.effort, "effort", 1, 5)
    assert score is not None
    with ctx.command() as (uow, actor):
        row = ratings.rate(uow, actor, args.number, score, effort, args.comment)
        item = {"number": args.number, "score": row.score, "effort": row.effort, "comment": row.comment,
                "updated_at": iso(row.updated_at)}
    if args.json:
        print_json(item)
    else:
        print(f"{args.number}  rated {item['score']}/5" + (f", effort {item['effort']}/5" if item["effort"] else ""))
    return 0
