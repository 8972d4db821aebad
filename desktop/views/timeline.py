"""One timeline of a ticket's history events, comments, work and links, oldest
first, as sentences a person reads."""

from __future__ import annotations

import html
from typing import Any

from core.clock import parse_iso
from core.reference import Reference
from core.ticket_detail import TicketDetail
from desktop.labels import label, link_label
from desktop.qt import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QLocale, QTextBrowser, QWidget

FIELD_NAMES = {
    "status": QT_TRANSLATE_NOOP("Timeline", "Status"),
    "assignee_id": QT_TRANSLATE_NOOP("Timeline", "Assignee"),
    "team_id": QT_TRANSLATE_NOOP("Timeline", "Team"),
    "priority": QT_TRANSLATE_NOOP("Timeline", "Priority"),
    "impact": QT_TRANSLATE_NOOP("Timeline", "Impact"),
    "urgency": QT_TRANSLATE_NOOP("Timeline", "Urgency"),
    "title": QT_TRANSLATE_NOOP("Timeline", "Title"),
    "description": QT_TRANSLATE_NOOP("Timeline", "Description"),
    "category_id": QT_TRANSLATE_NOOP("Timeline", "Category"),
    "type": QT_TRANSLATE_NOOP("Timeline", "Type"),
    "tier": QT_TRANSLATE_NOOP("Timeline", "Tier"),
    "pending_reason": QT_TRANSLATE_NOOP("Timeline", "Waiting for"),
    "pending_supplier_id": QT_TRANSLATE_NOOP("Timeline", "Supplier"),
    "resolution_code": QT_TRANSLATE_NOOP("Timeline", "Resolution"),
    "resolution_note": QT_TRANSLATE_NOOP("Timeline", "Resolution note"),
    "site_id": QT_TRANSLATE_NOOP("Timeline", "Site"),
    "asset_tag": QT_TRANSLATE_NOOP("Timeline", "Asset"),
    "major_incident": QT_TRANSLATE_NOOP("Timeline", "Major incident"),
    "fields": QT_TRANSLATE_NOOP("Timeline", "Fields"),
    "first_response_at": QT_TRANSLATE_NOOP("Timeline", "First response"),
    "resolved_at": QT_TRANSLATE_NOOP("Timeline", "Resolved at"),
    "closed_at": QT_TRANSLATE_NOOP("Timeline", "Closed at"),
    "priority_reason": QT_TRANSLATE_NOOP("Timeline", "Priority reason"),
}
LABEL_KINDS = {"status": "status", "pending_reason": "pending_reason", "resolution_code": "resolution",
               "type": "type", "impact": "impact", "urgency": "impact"}
QUIET_FIELDS = {"first_response_at", "resolved_at", "closed_at", "tier"}


def when(value: str | None) -> str:
    """An instant in local time, e.g. "27 Nov 2026 14:05"."""
    if not value:
        return ""
    moment = parse_iso(value)
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    return QLocale().toString(stamp, "d MMM yyyy HH:mm")


def field_name(field: str | None) -> str:
    return QCoreApplication.translate("Timeline", FIELD_NAMES.get(field or "", field or ""))


def value_text(field: str | None, value: Any, ref: Reference) -> str:
    """A field's value as people read it: names for usernames, labels for codes."""
    if value is None or value == "":
        return "—"
    if field in ("assignee_id", "requester_id") and str(value) in ref.usernames:
        return ref.usernames[str(value)].name
    if field in LABEL_KINDS:
        return label(LABEL_KINDS[field], str(value))
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items()) or "—"
    return str(value)


def entries(detail: TicketDetail, ref: Reference) -> list[tuple[str, str, str]]:
    """(instant, css class, html) for every event, comment, work entry and link."""
    def who(username: str | None) -> str:
        user = ref.usernames.get(username or "")
        return html.escape(user.name if user else (username or "?"))

    items: list[tuple[str, str, str]] = []
    for h in detail.history:
        actor = who(h.actor)
        if h.kind == "created":
            text = QCoreApplication.translate("Timeline", "{0} logged the ticket").format(actor)
        elif h.kind == "field":
            if h.field in QUIET_FIELDS:
                continue
            name = field_name(h.field)
            text = QCoreApplication.translate("Timeline", "{0} changed {1}: {2} → {3}").format(
                actor, html.escape(name), html.escape(value_text(h.field, h.old, ref)),
                html.escape(value_text(h.field, h.new, ref)))
        elif h.kind in ("link", "comment", "worklog"):
            continue  # listed below from the records themselves
        elif h.kind == "sla_warning":
            text = QCoreApplication.translate("Timeline", "SLA warning")
        elif h.kind == "sla_breach":
            text = QCoreApplication.translate("Timeline", "SLA breached")
        elif h.kind == "escalation":
            text = QCoreApplication.translate("Timeline", "Escalation")
        elif h.kind == "notice":
            people = ", ".join(who(name) for name in (h.new if isinstance(h.new, list) else []))
            text = QCoreApplication.translate("Timeline", "{0} notified {1}").format(actor, people)
            items.append((h.at or "", "quiet", text))
            continue
        elif h.kind == "attachment":
            text = QCoreApplication.translate("Timeline", "{0} attached a file").format(actor)
        else:
            text = f"{actor} {html.escape(h.kind)}"
        if h.note:
            text += f" <i>({html.escape(str(h.note))})</i>"
        items.append((h.at or "", "event", text))
    for c in detail.comments:
        body = html.escape(c.body).replace("\n", "<br>")
        head = QCoreApplication.translate("Timeline", "{0} replied").format(who(c.author)) if c.public \
            else QCoreApplication.translate("Timeline", "{0} added an internal note").format(who(c.author))
        items.append((c.at or "", "reply" if c.public else "note", f"<b>{head}</b><br>{body}"))
    for w in detail.work_log:
        text = QCoreApplication.translate("Timeline", "{0} logged {1} min of work").format(who(w.author), w.minutes)
        if w.note:
            text += f": {html.escape(w.note)}"
        items.append((w.at or "", "event", text))
    for link in detail.links:
        text = f'{html.escape(link_label(link.kind, link.direction))} <a href="ticket:{html.escape(link.ticket)}">' \
               f'{html.escape(link.ticket)}</a>'
        items.append((link.at or "", "event", text))
    items.sort(key=lambda item: item[0])
    return items


STYLE = """
<style>
 .when { color: #8a8f98; font-size: small; }
 .reply { background: %(reply)s; padding: 6px; }
 .note { background: %(note)s; padding: 6px; }
</style>
"""


class Timeline(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setObjectName("timeline")

    def show_detail(self, detail: TicketDetail, ref: Reference, dark: bool = False) -> None:
        colours = {"reply": "#1f3b57" if dark else "#eef5fd", "note": "#4a3b12" if dark else "#fff6db"}
        rows = []
        for at, css, text in entries(detail, ref):
            cell = f'<span class="when">{html.escape(when(at))}</span><br>{text}'
            if css in ("reply", "note"):
                rows.append(f'<table width="100%" cellpadding="6"><tr><td bgcolor="{colours[css]}">{cell}'
                            f"</td></tr></table>")
            elif css == "quiet":
                rows.append(f'<p><font color="#8a8f98">{cell}</font></p>')
            else:
                rows.append(f"<p>{cell}</p>")
        if detail.description:
            intro = html.escape(detail.description).replace("\n", "<br>")
            rows.insert(0, f"<p>{intro}</p><hr>")
        self.setHtml(STYLE % colours + "".join(rows))
