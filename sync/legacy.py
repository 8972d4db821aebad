"""Pending changes made before commands were recorded with them (change-log entries
of protocol 1, which carried only the fields they set). The server now runs every
change as the command that made it, so before such a store pushes, the command each
of its pending entries came from is told from the entry itself: nothing a person
did offline is lost to an upgrade. What cannot be told (a reference that is gone)
stays without a command, and the server's answer says so."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.ids import SYSTEM_USER_ID
from core.models import ChangeEntry, Ticket
from core.reference import Reference, reference_for
from core.store import Store
from sync.records import uuid_or_none

EDIT_FIELDS = {
    "title": "title", "description": "description", "impact": "impact", "urgency": "urgency", "type": "type",
    "priority": "priority", "priority_reason": "priority_reason", "asset_tag": "asset_tag",
    "major_incident": "major_incident", "fields": "fields",
}


def upgrade_pending(store: Store) -> int:
    """Give every pending entry without a command the one it came from; returns how many."""
    with store.read() as session:
        waiting = session.scalar(
            select(ChangeEntry.id).where(ChangeEntry.state == "pending", ChangeEntry.command.is_(None),
                                         ChangeEntry.kind != "sla_event").limit(1)
        )
    if waiting is None:
        return 0
    told = 0
    with store.write() as session:
        ref = reference_for(store, session)
        entries = session.scalars(
            select(ChangeEntry).where(ChangeEntry.state == "pending").order_by(ChangeEntry.seq)
        ).all()
        lead: ChangeEntry | None = None
        for entry in entries:
            if entry.command is not None or entry.kind == "sla_event":
                lead = entry if entry.command and "name" in entry.command else lead
                continue
            if _answer_of(entry, lead):
                assert lead is not None
                entry.command = {"part_of": str(lead.id)}
            else:
                entry.command = _command(session, ref, entry)
                lead = entry if entry.command is not None else None
            told += entry.command is not None
    return told


def _answer_of(entry: ChangeEntry, lead: ChangeEntry | None) -> bool:
    """The first answer a comment set, recorded as a change of its own right after it."""
    return (
        lead is not None and lead.kind == "comment" and entry.kind == "ticket" and entry.op == "update"
        and set(entry.data) == {"first_response_at"} and entry.actor_id == lead.actor_id
        and entry.occurred_at == lead.occurred_at
    )


def _number(session: Session, ticket_id: Any) -> str | None:
    found = uuid_or_none(ticket_id)
    return session.scalar(select(Ticket.number).where(Ticket.id == found)) if found else None


def _code(table: dict[uuid.UUID, Any], value: Any, attr: str) -> str | None:
    found = table.get(uuid_or_none(value)) if value is not None else None  # type: ignore[arg-type]
    return getattr(found, attr) if found is not None else None


def _command(session: Session, ref: Reference, entry: ChangeEntry) -> dict[str, Any] | None:
    data = entry.data
    if entry.kind == "ticket" and entry.op == "create":
        return {"name": "create", "args": {
            "ticket": {
                "title": data["title"], "category": _code(ref.categories, data["category_id"], "path"),
                "impact": data["impact"], "urgency": data["urgency"], "type": data["type"],
                "description": data.get("description") or "", "channel": data.get("channel") or "portal",
                "requester": _code(ref.users, data["requester_id"], "username"),
                "site": _code(ref.sites, data["site_id"], "code"),
                "fields": {k: str(v) for k, v in (data.get("fields") or {}).items()},
                "asset_tag": data.get("asset_tag"), "parent": _number(session, data.get("parent_id")),
                "major_incident": bool(data.get("major_incident")),
            },
            "made": {"id": str(entry.record_id), "number": data["number"], "team_id": data.get("team_id"),
                     "assignee_id": data.get("assignee_id")},
        }}
    if entry.kind == "ticket" and entry.op == "update":
        number = _number(session, entry.record_id)
        if number is None:
            return None
        if entry.actor_id == SYSTEM_USER_ID and data.get("status") == "closed":
            return {"name": "auto_close", "args": {"number": number}}
        if data.get("status") == "assigned" or "team_id" in data or "assignee_id" in data:
            team = _code(ref.teams, data.get("team_id"), "code")
            to = _code(ref.users, data.get("assignee_id"), "username")
            if team is None and to is None:
                ticket = session.get(Ticket, entry.record_id)
                team = _code(ref.teams, ticket.team_id, "code") if ticket else None
            return {"name": "assign", "args": {"number": number, "team": team, "to": to, "note": None}}
        if "status" in data:
            return {"name": "move", "args": {
                "number": number, "status": data["status"], "reason": data.get("pending_reason"),
                "supplier": _code(ref.suppliers, data.get("pending_supplier_id"), "code"),
                "code": data.get("resolution_code"), "note": data.get("resolution_note"),
            }}
        edit: dict[str, Any] = {key: data[name] for name, key in EDIT_FIELDS.items() if name in data}
        if "category_id" in data:
            edit["category"] = _code(ref.categories, data["category_id"], "path")
        if "fields" in edit:
            edit["fields"] = {k: str(v) for k, v in (edit["fields"] or {}).items()}
        if not edit.get("priority_reason"):
            # a computed priority follows impact and urgency by itself
            edit.pop("priority", None)
            edit.pop("priority_reason", None)
        return {"name": "edit", "args": {"number": number, "edit": edit}} if edit else None
    number = _number(session, data.get("ticket_id"))
    if number is None and entry.kind != "conflict":
        return None
    if entry.kind == "comment":
        return {"name": "comment", "args": {"number": number, "text": data["body"], "internal": not data["public"],
                                            "id": str(entry.record_id)}}
    if entry.kind == "worklog":
        return {"name": "log_work", "args": {"number": number, "minutes": data["minutes"],
                                             "note": data.get("note") or "", "id": str(entry.record_id)}}
    if entry.kind == "link":
        other = _number(session, data.get("other_id"))
        return {"name": "link", "args": {"number": number, "other": other, "kind": data["kind"],
                                         "id": str(entry.record_id)}} if other else None
    if entry.kind == "attachment":
        return {"name": "attach", "args": {"number": number, "name": data["name"], "sha256": data["sha256"],
                                           "size": data["size"], "id": str(entry.record_id)}}
    if entry.kind == "conflict":
        return {"name": "acknowledge", "args": {"conflict": str(entry.record_id)}}
    return None
