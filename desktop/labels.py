"""Words people read for the codes the domain uses (statuses, queues, roles, …),
marked for translation where they are declared and translated when shown."""

from __future__ import annotations

from desktop.qt import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Labels"

_LABELS: dict[str, dict[str, str]] = {
    "status": {
        "new": QT_TRANSLATE_NOOP("Labels", "New"),
        "assigned": QT_TRANSLATE_NOOP("Labels", "Assigned"),
        "in_progress": QT_TRANSLATE_NOOP("Labels", "In progress"),
        "pending": QT_TRANSLATE_NOOP("Labels", "Pending"),
        "resolved": QT_TRANSLATE_NOOP("Labels", "Resolved"),
        "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
        "cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    },
    "queue": {
        "mine": QT_TRANSLATE_NOOP("Labels", "Mine"),
        "requests": QT_TRANSLATE_NOOP("Labels", "My requests"),
        "team": QT_TRANSLATE_NOOP("Labels", "My team"),
        "triage": QT_TRANSLATE_NOOP("Labels", "Triage"),
        "breached": QT_TRANSLATE_NOOP("Labels", "Breached"),
        "due_soon": QT_TRANSLATE_NOOP("Labels", "Due within 2 h"),
        "breaching": QT_TRANSLATE_NOOP("Labels", "Breaching soon"),
        "major": QT_TRANSLATE_NOOP("Labels", "Major incidents"),
        "site": QT_TRANSLATE_NOOP("Labels", "This site"),
        "all": QT_TRANSLATE_NOOP("Labels", "All tickets"),
    },
    "role": {
        "requester": QT_TRANSLATE_NOOP("Labels", "Branch staff"),
        "technician": QT_TRANSLATE_NOOP("Labels", "Technician"),
        "agent": QT_TRANSLATE_NOOP("Labels", "Service desk agent"),
        "manager": QT_TRANSLATE_NOOP("Labels", "Manager"),
        "admin": QT_TRANSLATE_NOOP("Labels", "Administrator"),
    },
    "type": {
        "incident": QT_TRANSLATE_NOOP("Labels", "Incident"),
        "request": QT_TRANSLATE_NOOP("Labels", "Request"),
        "case": QT_TRANSLATE_NOOP("Labels", "Case"),
        "task": QT_TRANSLATE_NOOP("Labels", "Task"),
    },
    "channel": {
        "portal": QT_TRANSLATE_NOOP("Labels", "Portal"),
        "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
        "email": QT_TRANSLATE_NOOP("Labels", "Email"),
        "walk_in": QT_TRANSLATE_NOOP("Labels", "Walk-in"),
        "chat": QT_TRANSLATE_NOOP("Labels", "Chat"),
        "monitoring": QT_TRANSLATE_NOOP("Labels", "Monitoring"),
    },
    "pending_reason": {
        "customer": QT_TRANSLATE_NOOP("Labels", "Waiting for the requester"),
        "supplier": QT_TRANSLATE_NOOP("Labels", "Waiting for a supplier"),
        "change": QT_TRANSLATE_NOOP("Labels", "Waiting for a change"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "resolution": {
        "fixed": QT_TRANSLATE_NOOP("Labels", "Fixed"),
        "workaround": QT_TRANSLATE_NOOP("Labels", "Workaround"),
        "replaced": QT_TRANSLATE_NOOP("Labels", "Replaced"),
        "supplier_fixed": QT_TRANSLATE_NOOP("Labels", "Fixed by the supplier"),
        "no_fault_found": QT_TRANSLATE_NOOP("Labels", "No fault found"),
        "user_error": QT_TRANSLATE_NOOP("Labels", "User error"),
        "duplicate": QT_TRANSLATE_NOOP("Labels", "Duplicate"),
        "not_reproducible": QT_TRANSLATE_NOOP("Labels", "Not reproducible"),
    },
    "link": {
        "relates": QT_TRANSLATE_NOOP("Labels", "Relates to"),
        "duplicates": QT_TRANSLATE_NOOP("Labels", "Duplicates"),
        "follows_up": QT_TRANSLATE_NOOP("Labels", "Follows up"),
        "caused_by": QT_TRANSLATE_NOOP("Labels", "Caused by"),
    },
    # a link as the ticket it points at reads it: "A caused_by B" shows on B as "Causes A"
    "link_incoming": {
        "relates": QT_TRANSLATE_NOOP("Labels", "Relates to"),
        "duplicates": QT_TRANSLATE_NOOP("Labels", "Duplicated by"),
        "follows_up": QT_TRANSLATE_NOOP("Labels", "Followed up by"),
        "caused_by": QT_TRANSLATE_NOOP("Labels", "Causes"),
    },
    "impact": {
        "high": QT_TRANSLATE_NOOP("Labels", "High"),
        "medium": QT_TRANSLATE_NOOP("Labels", "Medium"),
        "low": QT_TRANSLATE_NOOP("Labels", "Low"),
    },
    "clock": {
        "response": QT_TRANSLATE_NOOP("Labels", "Response"),
        "resolution": QT_TRANSLATE_NOOP("Labels", "Resolution"),
    },
    "sla_state": {
        "running": QT_TRANSLATE_NOOP("Labels", "running"),
        "paused": QT_TRANSLATE_NOOP("Labels", "paused"),
        "met": QT_TRANSLATE_NOOP("Labels", "met"),
        "breached": QT_TRANSLATE_NOOP("Labels", "breached"),
    },
}


def label(kind: str, value: str | None) -> str:
    """The translated word for a code; the code itself when it has none (e.g. an
    organisation's own impact levels)."""
    if value is None:
        return ""
    text = _LABELS.get(kind, {}).get(value)
    if text is None:
        return value.replace("_", " ")
    return QCoreApplication.translate(CONTEXT, text)


def link_label(kind: str, direction: str) -> str:
    """How a link reads on one of its ends: "Caused by" where it was made, "Causes" on
    the ticket it names (core.ticket_detail.LinkEntry.direction)."""
    return label("link_incoming" if direction == "incoming" else "link", kind)


def pending_text(reason: str, supplier: str | None = None) -> str:
    """What a pending ticket waits for, a supplier by its name: "Waiting for PayBridge"."""
    if reason == "supplier" and supplier:
        return QCoreApplication.translate("Labels", "Waiting for {0}").format(supplier)
    return label("pending_reason", reason)


def size_text(size: int) -> str:
    """A file's size as the window says it everywhere (the Files tab, the timeline, the
    limit): "12 KiB", "1.5 MiB", "812 bytes"."""
    mib = 1024 * 1024
    if size >= mib:
        return QCoreApplication.translate("Attachments", "{0} MiB").format(f"{size / mib:.1f}")
    if size >= 1024:
        return QCoreApplication.translate("Attachments", "{0} KiB").format(f"{size / 1024:.0f}")
    return QCoreApplication.translate("Attachments", "{0} bytes").format(size)
