"""One timeline of a ticket as a conversation: replies and notes as messages, each
action one line (a status move with its reason, supplier and the fields that went
with it), the resolution as a message to the requester, system events (SLA,
escalations, notices) muted and hideable; in the order things happened
(occurred_at), the newest in view."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from core.clock import parse_iso
from core.reference import Reference
from core.ticket_detail import TicketDetail
from desktop.labels import label, link_label, pending_text, size_text
from desktop.org_names import clock_text, org_names
from desktop.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDateTime,
    QLocale,
    QTextBrowser,
    QTimer,
    QWheelEvent,
    QWidget,
    is_alive,
)

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
    names = org_names(ref)
    if field == "team_id" and str(value) in ref.team_codes:
        return _team_name(value, ref)
    if field == "site_id" and str(value) in ref.site_codes:
        site = ref.site_codes[str(value)]
        return f"{site.code} — {names.site(site.code, site.name)}"
    if field == "category_id" and str(value) in ref.category_paths:
        return names.category(str(value))
    if field == "pending_supplier_id":
        return _supplier_name(value, ref)
    if isinstance(value, bool):
        return QCoreApplication.translate("Timeline", "yes") if value else QCoreApplication.translate("Timeline", "no")
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items()) or "—"
    return str(value)


# fields a status move carries with it, told in the move's own line
MOVE_FIELDS = {"status", "pending_reason", "pending_supplier_id", "resolution_code", "resolution_note",
               "assignee_id", "team_id"}
SYSTEM_KINDS = {"sla_warning", "sla_breach", "escalation", "notice"}


def _supplier_name(value: Any, ref: Reference) -> str:
    """A supplier by its name in the window's language; never its code."""
    if not value:
        return ""
    supplier = ref.supplier_codes.get(str(value))
    if supplier is None:
        return QCoreApplication.translate("Timeline", "a supplier")
    return org_names(ref).supplier(supplier.code, supplier.name)


def _team_name(value: Any, ref: Reference) -> str:
    team = ref.team_codes.get(str(value or ""))
    return org_names(ref).team(team.code, team.name) if team else ""


def _percent(value: str) -> str:
    """ "0.75" as "75%"; "" for anything else."""
    try:
        return f"{round(float(value) * 100)}%"
    except ValueError:
        return ""


def sla_event_text(kind: str, clock: str | None, threshold: Any, ref: Reference) -> str:
    """A warning or breach of an SLA clock, the clock by its name: "SLA warning:
    PayBridge: response has used 75% of its target". (The history's note says the same
    for the command line, with codes.)"""
    name = clock_text(clock, ref) if clock else ""
    if kind == "sla_breach":
        return QCoreApplication.translate("Timeline", "SLA breached: {0} missed its target").format(name) if name \
            else QCoreApplication.translate("Timeline", "SLA breached")
    word, _, fraction = str(threshold or "").partition(" ")
    used = _percent(fraction) if word == "warn" else ""
    if name and used:
        return QCoreApplication.translate("Timeline", "SLA warning: {0} has used {1} of its target").format(name, used)
    return QCoreApplication.translate("Timeline", "SLA warning: {0}").format(name) if name \
        else QCoreApplication.translate("Timeline", "SLA warning")


# an escalation rule's note (core.escalation.describe), "; not moved: …" when it moved nothing
_RULE = re.compile(r"^escalation rule (?P<rule>.+?): (?P<what>.*?)(?:; not moved: (?P<why>.*))?$")
_IDLE = re.compile(r"^no public update for (?P<hours>[\d.]+) business hours$")
_AT = re.compile(r"^(?P<clock>\S+) clock at (?P<pct>\d+)% of its target$")


def _rule_note(note: str, ref: Reference) -> tuple[str, str, str] | None:
    """(rule, why it fired, why it moved nothing) of an escalation rule's note, in the
    window's words; None for any other note."""
    found = _RULE.match(note)
    if found is None:
        return None
    what = found["what"]
    if (idle := _IDLE.match(what)) is not None:
        what = QCoreApplication.translate("Timeline", "no public update for {0} business hours").format(
            idle["hours"])
    elif (at := _AT.match(what)) is not None:
        what = QCoreApplication.translate("Timeline", "{0} at {1}% of its target").format(
            clock_text(at["clock"], ref), at["pct"])
    why = ""
    if found["why"]:
        from desktop.errors import plain_words  # errors imports the labels this module does

        why = plain_words(found["why"])
    return found["rule"], what, why


def system_note(note: str, ref: Reference) -> str:
    """A note the system wrote (an escalation rule's, an automatic close) in the
    window's words; a person's own note as they wrote it."""
    if note == "closed automatically after the reopen period":
        return QCoreApplication.translate("Timeline", "closed automatically after the reopen period")
    if note.startswith("escalated from ") and " " not in note.removeprefix("escalated from "):
        team = _team_name(note.removeprefix("escalated from "), ref)
        return QCoreApplication.translate("Timeline", "escalated from {0}").format(team) if team \
            else QCoreApplication.translate("Timeline", "escalated")
    rule = _rule_note(note, ref)
    if rule is None:
        return note
    text = QCoreApplication.translate("Timeline", "escalation rule “{0}”: {1}").format(rule[0], rule[1])
    if rule[2]:
        text += QCoreApplication.translate("Timeline", "; not moved: {0}").format(rule[2])
    return text


def escalation_text(clock: str | None, threshold: Any, note: str | None, ref: Reference) -> str:
    """An escalation rule that fired, and what made it fire, by names."""
    rule = _rule_note(note or "", ref)
    if rule is not None:
        text = QCoreApplication.translate("Timeline", "Escalated by the rule “{0}”: {1}").format(rule[0], rule[1])
        if rule[2]:
            text += QCoreApplication.translate("Timeline", "; not moved: {0}").format(rule[2])
        return text
    at = str(threshold or "")
    used = _percent(at[3:]) if at.startswith("at ") else ""
    if clock and clock != "idle" and used:
        return QCoreApplication.translate("Timeline", "Escalated: {0} at {1} of its target").format(
            clock_text(clock, ref), used)
    return QCoreApplication.translate("Timeline", "Escalated")


def _move_text(actor: str, old: Any, changes: Mapping[str | None, Any], ref: Reference,
               by: str | None = None, escalated: bool = False) -> str:
    """One sentence for a status move and the fields that went with it (`by`: who did
    it, `escalated`: a hand-over to a higher tier)."""
    new = changes.get("status")
    assignee = ref.usernames.get(str(changes.get("assignee_id") or ""))
    whom = html.escape(assignee.name if assignee else _team_name(changes.get("team_id"), ref))
    if escalated and new in ("assigned", None):
        team = html.escape(_team_name(changes.get("team_id"), ref))
        return QCoreApplication.translate("Timeline", "{0} escalated the ticket to {1}").format(actor, team) if team \
            else QCoreApplication.translate("Timeline", "{0} escalated the ticket").format(actor)
    if new == "assigned" and assignee is not None and by and assignee.username == by:
        return QCoreApplication.translate("Timeline", "{0} took the ticket").format(actor)
    if new == "assigned":
        return QCoreApplication.translate("Timeline", "{0} assigned the ticket to {1}").format(actor, whom) if whom \
            else QCoreApplication.translate("Timeline", "{0} assigned the ticket").format(actor)
    if new == "in_progress":
        if old == "resolved":
            return QCoreApplication.translate("Timeline", "{0} reopened the ticket").format(actor)
        return QCoreApplication.translate("Timeline", "{0} resumed work").format(actor) if old == "pending" else QCoreApplication.translate("Timeline", "{0} started work").format(actor)
    if new == "pending":
        reason = str(changes.get("pending_reason") or "")
        supplier = _supplier_name(changes.get("pending_supplier_id"), ref) or None
        waiting = pending_text(reason, supplier) if reason else ""
        return QCoreApplication.translate("Timeline", "{0} put the ticket on hold: {1}").format(actor, html.escape(waiting.lower()[:1] + waiting[1:])) \
            if waiting else QCoreApplication.translate("Timeline", "{0} put the ticket on hold").format(actor)
    if new == "resolved":
        code = changes.get("resolution_code")
        return QCoreApplication.translate("Timeline", "{0} resolved the ticket ({1})").format(actor, html.escape(label("resolution", str(code)))) \
            if code else QCoreApplication.translate("Timeline", "{0} resolved the ticket").format(actor)
    if new == "closed":
        return QCoreApplication.translate("Timeline", "{0} closed the ticket").format(actor)
    if new == "cancelled":
        return QCoreApplication.translate("Timeline", "{0} cancelled the ticket").format(actor)
    return QCoreApplication.translate("Timeline", "{0} moved the ticket to {1}").format(actor, html.escape(label("status", str(new))))


def _field_text(actor: str, fields: list[Any], ref: Reference, by: str | None = None,
                escalated: bool = False) -> str:
    """One sentence for a change of several fields at once."""
    names = {f.field for f in fields}
    if names <= {"assignee_id", "team_id"}:
        changes: dict[str | None, Any] = {f.field: f.new for f in fields}
        changes["status"] = "assigned"
        return _move_text(actor, None, changes, ref, by, escalated)
    return QCoreApplication.translate("Timeline", "{0} changed {1}").format(actor, _changes_text(fields, ref))


def _changes_text(fields: list[Any], ref: Reference) -> str:
    """ "Impact: Low → High; Title: … → …" """
    parts = []
    for f in fields:
        old, new = value_text(f.field, f.old, ref), value_text(f.field, f.new, ref)
        parts.append(QCoreApplication.translate("Timeline", "{0}: {1} → {2}").format(
            html.escape(field_name(f.field)), html.escape(old), html.escape(new)))
    return "; ".join(parts)


_ATTACHMENT = re.compile(r"^(?P<name>.*) \((?P<size>\d+) bytes\)$")


def _attachment_text(actor: str, note: str) -> str:
    """ "Ada attached photo.jpg (1.2 MiB)" from core.blobs.attachment_note's "photo.jpg (1234567 bytes)"."""
    found = _ATTACHMENT.match(note)
    if found is None:
        return QCoreApplication.translate("Timeline", "{0} attached a file").format(actor)
    size = size_text(int(found["size"]))  # as the Files tab says it
    return QCoreApplication.translate("Timeline", "{0} attached {1} ({2})").format(
        actor, html.escape(found["name"]), html.escape(size))


def _escalation(group: list[Any]) -> bool:
    """Whether one action's fields tell an escalation: core's escalate is a team change
    to the next tier (the tier rises with it), noted "escalated from TEAM" when the
    person gave no reason; an escalation rule's move raises the tier the same way."""
    if not any(g.field == "team_id" for g in group):
        return False
    if any(str(g.note or "").startswith("escalated from ") for g in group):
        return True
    tier = next((g for g in group if g.field == "tier"), None)
    try:
        return tier is not None and int(tier.new) > int(tier.old)
    except (TypeError, ValueError):
        return False


def entries(detail: TicketDetail, ref: Reference, requester_view: bool = False,
            viewer: str | None = None, unread_after: str | None = None) -> list[tuple[str, str, str]]:
    """(instant, css class, html) for every action, comment, work entry and link, in
    the order they happened (occurred_at). The fields one action changed at one
    instant are one entry; the resolution is a message to the requester; SLA events,
    escalations and notices are "system" entries. A requester (`requester_view`, the
    `viewer` her username) sees only the notices sent to her. A reply or note from
    someone else after `unread_after` (the newest the viewer had seen) is marked unread:
    a dot before it and its words in bold."""
    def who(username: str | None) -> str:
        user = ref.usernames.get(username or "")
        if user is None and not username:
            return html.escape(QCoreApplication.translate("Timeline", "Branchdesk"))
        return html.escape(user.name if user else (username or "?"))

    items: list[tuple[str, str, str]] = []
    # where each entry stands in the history, which lists one instant's changes in their order
    seqs: list[float] = []

    def add(seq: float, item: tuple[str, str, str]) -> None:
        items.append(item)
        seqs.append(seq)

    history = list(detail.history)
    # a reply, work entry or link is listed from its record: where the history names it,
    # else before the notices of its instant (the history lists the notices a change sent
    # after the change, and a reply's notice is one of them)
    named: dict[tuple[str, datetime], list[int]] = {}
    notices: dict[datetime, int] = {}
    for n, entry in enumerate(history):
        if entry.kind in ("comment", "worklog", "link"):
            named.setdefault((entry.kind, _instant(entry.at or "")), []).append(n)
        elif entry.kind == "notice":
            notices.setdefault(_instant(entry.at or ""), n)

    def place(kind: str, at: str | None) -> float:
        instant = _instant(at or "")
        found = named.get((kind, instant))
        if found:
            return found.pop(0)
        return notices[instant] - 0.5 if instant in notices else len(history)

    i = 0
    while i < len(history):
        start = i
        h = history[i]
        actor = who(h.actor)
        if h.kind == "field":
            group = [h]
            while i + 1 < len(history) and history[i + 1].kind == "field" and \
                    (history[i + 1].at, history[i + 1].actor) == (h.at, h.actor):
                i += 1
                group.append(history[i])
            escalated = _escalation(group)
            group = [g for g in group if g.field not in QUIET_FIELDS]
            i += 1
            if not group:
                continue
            # every field one action changed carries the action's note: say it once
            notes = list(dict.fromkeys(system_note(str(g.note), ref) for g in group if g.note))
            status = next((g for g in group if g.field == "status"), None)
            if status is not None:
                changes: dict[str | None, Any] = {g.field: g.new for g in group if g.field in MOVE_FIELDS}
                text = _move_text(actor, status.old, changes, ref, h.actor, escalated)
                rest = [g for g in group if g.field not in MOVE_FIELDS]
                if rest:
                    text += " · " + QCoreApplication.translate("Timeline", "changed {0}").format(
                        _changes_text(rest, ref))
                note = changes.get("resolution_note")
                if status.new == "resolved" and note:
                    body = html.escape(str(note)).replace("\n", "<br>")
                    # a requester who solved her own ticket (with an article) wrote to nobody
                    head = QCoreApplication.translate("Timeline", "{0} resolved the ticket").format(actor) \
                        if h.actor and h.actor == detail.requester \
                        else QCoreApplication.translate("Timeline", "{0} resolved the ticket and wrote to the requester").format(actor)
                    code = changes.get("resolution_code")
                    if code:
                        head += f" ({html.escape(label('resolution', str(code)))})"
                    add(start, (h.at or "", "resolution", f"<b>{head}</b><br>{body}"))
                    continue
            else:
                text = _field_text(actor, group, ref, h.actor, escalated)
            if notes:
                text += f" <i>({html.escape('; '.join(notes))})</i>"
            add(start, (h.at or "", "event", text))
            continue
        i += 1
        if h.kind in ("link", "comment", "worklog"):
            continue  # listed below from the records themselves
        if h.kind == "created":
            text = QCoreApplication.translate("Timeline", "{0} logged the ticket").format(actor)
        elif h.kind in SYSTEM_KINDS:
            if requester_view and h.kind != "notice":
                continue  # SLA internals are support staff's
            # the SLA events' and rules' notes speak codes: their words come from the clock and threshold
            if h.kind in ("sla_warning", "sla_breach"):
                text = html.escape(sla_event_text(h.kind, h.field, h.new, ref))
            elif h.kind == "escalation":
                text = html.escape(escalation_text(h.field, h.new, h.note, ref))
            else:
                told = [str(name) for name in (h.new if isinstance(h.new, list) else [])]
                if requester_view:
                    # notices to staff are a system detail to her: only those sent to her
                    if viewer is None or viewer not in told:
                        continue
                    text = QCoreApplication.translate("Timeline", "{0} notified you").format(actor)
                else:
                    people = ", ".join(who(name) for name in told)
                    text = QCoreApplication.translate("Timeline", "{0} notified {1}").format(actor, people)
            add(start, (h.at or "", "system", text))
            continue
        elif h.kind == "attachment":
            text = _attachment_text(actor, str(h.note or ""))
            add(start, (h.at or "", "event", text))
            continue
        elif h.kind == "article_link":
            article = str(h.note or "").removeprefix("article ")
            text = QCoreApplication.translate("Timeline", "{0} linked the article {1}").format(
                actor, html.escape(article))
            add(start, (h.at or "", "event", text))
            continue
        else:
            text = f"{actor} {html.escape(h.kind.replace('_', ' '))}"
        if h.note:
            text += f" <i>({html.escape(system_note(str(h.note), ref))})</i>"
        add(start, (h.at or "", "event", text))
    seen = _instant(unread_after) if unread_after else None
    for c in detail.comments:
        body = html.escape(c.body).replace("\n", "<br>")
        head = QCoreApplication.translate("Timeline", "{0} replied").format(who(c.author)) if c.public \
            else QCoreApplication.translate("Timeline", "{0} added an internal note").format(who(c.author))
        text = f"<b>{head}</b><br>{body}"
        if seen is not None and c.author != viewer and c.at and _instant(c.at) > seen:
            tip = html.escape(QCoreApplication.translate("Timeline", "New since you last looked"))
            text = f'<span class="unread" title="{tip}"><font color="#d93025">{UNREAD_DOT}</font> ' \
                   f"<b>{head}</b><br><b>{body}</b></span>"
        add(place("comment", c.at), (c.at or "", "reply" if c.public else "note", text))
    for w in detail.work_log:
        text = QCoreApplication.translate("Timeline", "{0} logged {1} min of work").format(who(w.author), w.minutes)
        if w.note:
            text += f": {html.escape(w.note)}"
        add(place("worklog", w.at), (w.at or "", "event", text))
    for link in detail.links:
        text = f'{html.escape(link_label(link.kind, link.direction))} <a href="ticket:{html.escape(link.ticket)}">' \
               f'{html.escape(link.ticket)}</a>'
        add(place("link", link.at), (link.at or "", "event", text))
    # strictly by when things happened, one instant's entries in the history's order
    # (parsed: stamps differ in precision, "…:00Z" and "…:00.25Z")
    keyed = sorted(zip(((_instant(item[0]), seq) for item, seq in zip(items, seqs, strict=True)), items,
                       strict=True), key=lambda pair: pair[0])
    return [item for _key, item in keyed]


UNREAD_DOT = "●"


def newest_reply(detail: TicketDetail) -> str | None:
    """When the newest reply or note of the ticket was written (what its viewer has now seen)."""
    stamps = [c.at for c in detail.comments if c.at]
    return max(stamps, key=_instant) if stamps else None


def _instant(value: str) -> datetime:
    return parse_iso(value) if value else datetime.min.replace(tzinfo=UTC)


STYLE = """
<style>
 .when { color: #8a8f98; font-size: small; }
 .reply { background: %(reply)s; padding: 6px; }
 .note { background: %(note)s; padding: 6px; }
</style>
"""


class Timeline(QTextBrowser):
    """The conversation: replies and notes as messages, each action one line, system
    events (SLA, escalations, notices) muted and hidden at will; the newest in view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setObjectName("timeline")
        self.show_system = True
        self._last: tuple[TicketDetail, Reference, bool, bool, str | None, str | None] | None = None
        # how many replies the timeline marks unread
        self.unread = 0
        self._follow = False
        self.verticalScrollBar().rangeChanged.connect(self._range_changed)
        self.verticalScrollBar().actionTriggered.connect(self._scrolled)

    def set_show_system(self, shown: bool) -> None:
        self.show_system = shown
        if self._last is not None:
            self.show_detail(*self._last)

    def show_detail(self, detail: TicketDetail, ref: Reference, dark: bool = False,
                    requester_view: bool = False, viewer: str | None = None,
                    unread_after: str | None = None) -> None:
        same = self._last is not None and self._last[0].number == detail.number
        at_end = self.verticalScrollBar().value() >= self.verticalScrollBar().maximum() - 4
        self._last = (detail, ref, dark, requester_view, viewer, unread_after)
        colours = {"reply": "#1f3b57" if dark else "#eef5fd", "note": "#4a3b12" if dark else "#fff6db",
                   "resolution": "#14532d" if dark else "#e7f7ec"}
        rows = []
        shown = entries(detail, ref, requester_view, viewer, unread_after)
        self.unread = sum(1 for _at, _css, text in shown if 'class="unread"' in text)
        for at, css, text in shown:
            if css == "system" and not self.show_system:
                continue
            cell = f'<span class="when">{html.escape(when(at))}</span><br>{text}'
            if css in colours:
                rows.append(f'<table width="100%" cellpadding="6"><tr><td bgcolor="{colours[css]}">{cell}'
                            f"</td></tr></table>")
            elif css == "system":
                rows.append(f'<p><small><font color="#8a8f98">{cell}</font></small></p>')
            else:
                rows.append(f"<p>{cell}</p>")
        if detail.description:
            intro = html.escape(detail.description).replace("\n", "<br>")
            rows.insert(0, f"<p>{intro}</p><hr>")
        self.setHtml(STYLE % colours + "".join(rows))
        if not same or at_end:
            self.scroll_to_newest()

    def scroll_to_newest(self) -> None:
        """Show the end, and keep it in view while the text is laid out (which grows
        the scroll range later) until the person scrolls up."""
        self._follow = True
        self._to_end()

    def _to_end(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def _range_changed(self, _low: int, _high: int) -> None:
        if self._follow:
            self._to_end()

    def _scrolled(self, _action: int = 0) -> None:
        """The person scrolled: keep following the end only if they are at it."""
        QTimer.singleShot(0, self._check_end)

    def _check_end(self) -> None:
        if is_alive(self):
            bar = self.verticalScrollBar()
            self._follow = bar.value() >= bar.maximum() - 4

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt's name)
        super().wheelEvent(event)
        self._scrolled()
