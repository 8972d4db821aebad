"""What every ticket satisfies after any command, and after any merge (DESIGN §6a):
the rules a local command keeps, stated once as checks. The sync tests hold every
replica and the server to them after every step; `branchdesk` could run them over a
store to find damage.

Each check names the rule it holds a ticket to, in words a person can act on."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.clock import to_utc
from core.models import Ticket
from core.models.tickets import OPEN_STATUSES
from core.priority import compute_priority
from core.reference import Reference
from core.reports.facts import FACTS, clock_rows, facts, stored_clocks
from core.sla.figures import figures, reports


def ticket_problems(ticket: Ticket, ref: Reference) -> list[str]:
    """The rules this ticket's own fields break (an empty list when none)."""
    found = []
    status = ticket.status
    resolution = (ticket.resolved_at, ticket.resolution_code, ticket.resolution_note)
    if status in OPEN_STATUSES or status == "cancelled":
        if any(v is not None for v in resolution):
            found.append(f"{status} but carries a resolution")
    else:  # resolved, closed
        if any(v is None for v in resolution):
            found.append(f"{status} without its resolution code, note and instant")
    if status == "closed" and ticket.closed_at is None:
        found.append("closed without the instant it closed")
    if status != "closed" and ticket.closed_at is not None:
        found.append(f"{status} but carries a closing instant")
    if status == "pending":
        if ticket.pending_reason is None:
            found.append("pending without a reason")
        elif (ticket.pending_reason == "supplier") != (ticket.pending_supplier_id is not None):
            found.append("pending on a supplier without naming one, or naming one for another reason")
    elif ticket.pending_reason is not None or ticket.pending_supplier_id is not None:
        found.append(f"{status} but carries a pending reason")
    if ticket.major_incident and ticket.type != "incident":
        found.append(f"a {ticket.type} flagged as a major incident")
    if ticket.priority_reason is None:
        requester = ref.users.get(ticket.requester_id)
        site = ref.sites.get(ticket.site_id)
        category = ref.categories.get(ticket.category_id)
        if site is not None and category is not None:
            computed = compute_priority(
                ref.spec.priority, ticket.impact, ticket.urgency,
                vip_or_critical=bool(requester and requester.vip) or site.critical, security=category.security,
            )
            if computed != ticket.priority:
                found.append(f"priority {ticket.priority} where impact and urgency make {computed}, with no "
                             "override recorded")
    return found


def store_problems(session: Session, ref: Reference, now: datetime,
                   ticket_ids: Iterable[uuid.UUID] | None = None) -> dict[str, list[str]]:
    """Every rule broken by the tickets held here (all, or those named), by ticket number:
    their own fields, a parent named but not held, stored SLA figures that differ
    from a fresh computation from history (while no warning or breach has fallen due
    since they were computed: until then they must be exactly the same), and what
    reports read of each ticket (core.reports.facts) that differs from its history or
    from its stored clocks."""
    now = to_utc(now)  # instants are kept to the second, and so are the figures' inputs
    query = select(Ticket)
    if ticket_ids is not None:
        query = query.where(Ticket.id.in_(list(ticket_ids)))
    tickets = list(session.scalars(query))
    held = set(session.scalars(select(Ticket.id)))
    fresh = reports(session, ref, [t.id for t in tickets], now)
    fresh_facts = facts(session, [t.id for t in tickets])
    clocks = stored_clocks(session, [t.id for t in tickets])
    found: dict[str, list[str]] = {}
    for ticket in tickets:
        problems = ticket_problems(ticket, ref)
        if ticket.parent_id is not None and ticket.parent_id not in held:
            problems.append("names a parent this store does not hold")
        due = ticket.sla_next_at is not None and ticket.sla_next_at <= now
        report = fresh.get(ticket.id)
        if report is not None and not due:
            stored = {key: getattr(ticket, key) for key in figures(report)}
            if stored != figures(report):
                differ = sorted(k for k in stored if stored[k] != figures(report)[k])
                problems.append("stored SLA figures differ from its history: " + ", ".join(
                    f"{k} {stored[k]} where the history gives {figures(report)[k]}" for k in differ))
        problems.extend(_report_fact_problems(ticket, fresh_facts.get(ticket.id), clocks.get(ticket.id, [])))
        if problems:
            found[ticket.number] = problems
    return found


def _report_fact_problems(ticket: Ticket, fresh: dict[str, bool] | None, rows: list[dict[str, object]]) -> list[str]:
    found = []
    if fresh is not None:
        stored = {name: bool(getattr(ticket, name)) for name in FACTS}
        differ = [name for name in FACTS if stored[name] != fresh[name]]
        if differ:
            found.append("stored report facts differ from its history: " + ", ".join(
                f"{k} {stored[k]} where the history gives {fresh[k]}" for k in differ))
    if rows != clock_rows(ticket.id, ticket.sla_clocks):
        found.append(f"its clock rows for reports ({len(rows)}) are not its stored OLA and supplier clocks "
                     f"({len(ticket.sla_clocks or [])})")
    return found
