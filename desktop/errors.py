"""Turning an exception into one sentence a person can act on, in the window's
words: never a command-line flag, a status code, a supplier's code or an exception
class. Core's messages are written for the command line ("needs --supplier CODE");
where one speaks command-line, the window says it its own way, chosen by the field
the error names (InvalidInput.field) and what it is about. Anything that is not a
BranchdeskError is logged in full to the data dir's log file."""

from __future__ import annotations

import logging
import re

from core.errors import BranchdeskError, InvalidInput
from core.orgfile import OrgFileError
from core.orgspec import STATUSES
from desktop.labels import label
from desktop.qt import QT_TRANSLATE_NOOP, QCoreApplication

log = logging.getLogger("branchdesk")

# (field, words in core's message) -> the window's sentence
WINDOW_TEXTS: tuple[tuple[str | None, str, str], ...] = (
    ("reason", "overriding the priority needs a reason",
     QT_TRANSLATE_NOOP("Errors", "Say why the priority differs from the one computed.")),
    ("reason", "a reason goes with a priority override",
     QT_TRANSLATE_NOOP("Errors", "A reason is only needed when you change the priority.")),
    ("reason", "putting a ticket on hold needs",
     QT_TRANSLATE_NOOP("Errors", "Choose what the ticket is waiting for.")),
    ("reason", "go with a move to pending",
     QT_TRANSLATE_NOOP("Errors", "What a ticket waits for is only asked when it is put on hold.")),
    ("supplier", "waiting on a supplier needs",
     QT_TRANSLATE_NOOP("Errors", "Choose the supplier the ticket is waiting for.")),
    ("supplier", "goes with --reason supplier",
     QT_TRANSLATE_NOOP("Errors", "A supplier is only named when the ticket waits for a supplier.")),
    ("code", "resolving needs",
     QT_TRANSLATE_NOOP("Errors", "Choose how the ticket was resolved.")),
    ("code", "goes with a move to resolved",
     QT_TRANSLATE_NOOP("Errors", "How it was resolved is only asked when resolving.")),
    ("note", "resolving needs a resolution note",
     QT_TRANSLATE_NOOP("Errors", "Write what was wrong and what fixed it: the requester reads it.")),
    ("parent", "a task belongs under a parent ticket",
     QT_TRANSLATE_NOOP("Errors", "A task belongs under another ticket: choose that ticket.")),
    ("site", "has no home site",
     QT_TRANSLATE_NOOP("Errors", "The requester has no home site: choose the site.")),
    (None, "say whom to assign to",
     QT_TRANSLATE_NOOP("Errors", "Choose a team, a person, or both.")),
)
_STATUS = r"(?P<status>new|assigned|in_progress|pending|resolved|closed|cancelled)"
# core's refusals that speak codes or command-line -> the window's sentence, its {names}
# filled from the message: status and role codes by their labels, anything else as found
REFUSALS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"cannot move an? (?P<status>\w+) ticket to (?P<target>\w+); allowed: (?P<allowed>.*)$"),
     QT_TRANSLATE_NOOP("Errors", "A ticket that is “{status}” cannot become “{target}”. It can become: {allowed}.")),
    (re.compile(r"^an? (?P<status>\w+) ticket cannot change"),
     QT_TRANSLATE_NOOP("Errors", "A ticket that is “{status}” cannot change any more; "
                                 "log a new ticket and link it to this one.")),
    (re.compile(rf"^an? {_STATUS} ticket cannot be assigned; move it back to in_progress first$"),
     QT_TRANSLATE_NOOP("Errors", "A ticket that is “{status}” cannot be assigned; "
                                 "move it back to “{in_progress}” first.")),
    (re.compile(r"^the reopen period has ended"),
     QT_TRANSLATE_NOOP("Errors", "The time for reopening this ticket has ended; "
                                 "log a new ticket and link it to this one.")),
    (re.compile(r"^only the ticket's requester or support staff may"),
     QT_TRANSLATE_NOOP("Errors", "Only the person who asked for this ticket, or the support staff, may do this.")),
    (re.compile(rf"^an? (?P<role>\w+) cannot .+ an? {_STATUS} ticket; support staff can$"),
     QT_TRANSLATE_NOOP("Errors", "Only the support staff may do this to a ticket that is “{status}”.")),
    (re.compile(r"^only support staff may .+; you are an? (?P<role>\w+)$"),
     QT_TRANSLATE_NOOP("Errors", "Only the support staff may do this; you are signed in as “{role}”.")),
    (re.compile(r"^only support staff may add internal notes"),
     QT_TRANSLATE_NOOP("Errors", "Only the support staff write internal notes.")),
    (re.compile(r"^only support staff may flag a major incident"),
     QT_TRANSLATE_NOOP("Errors", "Only the support staff may mark a major incident.")),
    (re.compile(r"^only agents and managers may override the priority"),
     QT_TRANSLATE_NOOP("Errors", "Only service desk agents and managers may set the priority by hand.")),
    (re.compile(r"^only agents and managers may publish articles"),
     QT_TRANSLATE_NOOP("Errors", "Only service desk agents and managers may publish articles.")),
    (re.compile(r"^(?P<user>\S+) is an? (?P<role>\w+) and cannot work tickets$"),
     QT_TRANSLATE_NOOP("Errors", "The chosen person is “{role}” and cannot work on tickets.")),
    (re.compile(r"^(?P<user>\S+) is not in team \S+$"),
     QT_TRANSLATE_NOOP("Errors", "The chosen person does not work in the chosen team: choose someone from it, or only the team.")),
    (re.compile(r"^ticket (?P<number>\S+) is already assigned to (?P<user>\S+)$"),
     QT_TRANSLATE_NOOP("Errors", "Ticket {number} is already assigned to {user}.")),
    (re.compile(r"^ticket (?P<number>\S+) has no team to escalate to$"),
     QT_TRANSLATE_NOOP("Errors", "Ticket {number} is with the last team already; there is no one to escalate it to.")),
    (re.compile(rf"^ticket (?P<number>\S+) is {_STATUS}; open a follow-up ticket"),
     QT_TRANSLATE_NOOP("Errors", "Ticket {number} is “{status}”; log a new ticket and link it to this one.")),
    (re.compile(rf"^ticket (?P<number>\S+) is {_STATUS}; tasks go under open tickets$"),
     QT_TRANSLATE_NOOP("Errors", "Ticket {number} is “{status}”; tasks go under open tickets only.")),
    (re.compile(rf"^ticket (?P<number>\S+) is {_STATUS}; an article is written from"),
     QT_TRANSLATE_NOOP("Errors", "Ticket {number} is “{status}”; an article is written from a resolved ticket.")),
    (re.compile(rf"^ticket (?P<number>\S+) is {_STATUS}, not resolved"),
     QT_TRANSLATE_NOOP("Errors", "Ticket {number} is “{status}”, not “{resolved}”; it does not close by itself.")),
    (re.compile(r"^ticket (?P<number>\S+) is cancelled$"),
     QT_TRANSLATE_NOOP("Errors", "Ticket {number} is “{cancelled}”.")),
    (re.compile(r"^ticket (?P<number>\S+) still has (?P<count>\d+) open task"),
     QT_TRANSLATE_NOOP("Errors", "Ticket {number} still has open tasks ({count}); finish them first.")),
    (re.compile(r"^use 'ticket assign' to assign"),
     QT_TRANSLATE_NOOP("Errors", "Use Assign to give a ticket to a team or a person.")),
    (re.compile(r"^the ticket would go to .+ outside the tickets you work on"),
     QT_TRANSLATE_NOOP("Errors", "This ticket would go to a team you do not work with; "
                                 "ask the central service desk to log it.")),
    (re.compile(r"^this organisation logs every problem as a ticket"),
     QT_TRANSLATE_NOOP("Errors", "Your organisation wants every problem logged as a ticket: "
                                 "give the ticket's title and category.")),
    (re.compile(r"^a ticket cannot be linked to itself"),
     QT_TRANSLATE_NOOP("Errors", "A ticket cannot be linked to itself.")),
    (re.compile(r"^a comment needs some text"),
     QT_TRANSLATE_NOOP("Errors", "Write something first.")),
    (re.compile(r"^a ticket needs a title"),
     QT_TRANSLATE_NOOP("Errors", "Give the ticket a title.")),
    (re.compile(r"^nothing to change: every value given is the ticket's current one"),
     QT_TRANSLATE_NOOP("Errors", "Nothing to save: nothing was changed.")),
    (re.compile(r"^work is logged in minutes, from 1 to 1440"),
     QT_TRANSLATE_NOOP("Errors", "Work is logged in minutes, from 1 to 1440 (24 hours).")),
    (re.compile(r"^no system keyring is available"),
     QT_TRANSLATE_NOOP("Errors", "This computer has no password store to keep your sign-in safe. Install and "
                                 "unlock one (your desktop's keyring, macOS Keychain or Windows Credential "
                                 "Manager), or ask your administrator.")),
    (re.compile(r"^--from (?P<begin>\S+) is after --to (?P<end>\S+)$"),
     QT_TRANSLATE_NOOP("Errors", "The period starts ({begin}) after it ends ({end}).")),
    (re.compile(r"^--\w+ must be a date as YYYY-MM-DD, not '(?P<value>.*)'$"),
     QT_TRANSLATE_NOOP("Errors", "“{value}” is not a date; write it as YYYY-MM-DD.")),
)
# a command-line flag and the word after it that names its value: "--supplier CODE", "(--reason)"
_FLAG = re.compile(r"\s*\(?--[a-z][a-z-]*(?: [A-Z]+)?\)?")
_STATUS_WORDS = re.compile(r"\b(?:(?P<article>an?) )?" + _STATUS + r"(?P<after> ticket)?\b")
_ROLE = re.compile(r"\b(?P<lead>you are) an? (?P<role>requester|technician|agent|manager|admin)\b")
_CLASS = re.compile(r"\b[A-Z][A-Za-z]*(?:Error|Exception)\b:?\s*")


def message_for(exc: BaseException) -> str:
    if isinstance(exc, OrgFileError):
        return str(exc)
    if isinstance(exc, BranchdeskError):
        return _sentence(_window_words(exc))
    if isinstance(exc, ConnectionError | TimeoutError):
        log.warning("connection failed", exc_info=exc)
        return QCoreApplication.translate(
            "Errors", "The server could not be reached. Your work is kept here and sent later.")
    log.error("unexpected error", exc_info=exc)
    return QCoreApplication.translate("Errors", "Something went wrong; the details are in the log file.")


def _window_words(exc: BranchdeskError) -> str:
    text = str(exc)
    field = exc.field if isinstance(exc, InvalidInput) else None
    for want, words, sentence in WINDOW_TEXTS:
        if words in text and (want is None or want == field):
            return QCoreApplication.translate("Errors", sentence)
    return plain_words(text)


def plain_words(text: str) -> str:
    """One of core's messages as the window says it: a refusal it knows in its own
    (translated) sentence, statuses and roles by their names; anything else without
    command-line flags, exception class names, and with status codes by their names."""
    for pattern, sentence in REFUSALS:
        found = pattern.search(text)
        if found is not None:
            return _sentence(QCoreApplication.translate("Errors", sentence).format_map(_names(found.groupdict())))
    text = _CLASS.sub("", _FLAG.sub("", text))
    text = _ROLE.sub(lambda m: f"{m['lead']} “{label('role', m['role'])}”", text)
    return _STATUS_WORDS.sub(_status_words, text)


def _names(groups: dict[str, str | None]) -> dict[str, str]:
    """A refusal's parts for its sentence: statuses and roles by their labels, and the
    names of the statuses a sentence names itself ({in_progress}, {resolved}…)."""
    found = {status: label("status", status) for status in STATUSES}
    for key, value in groups.items():
        value = value or ""
        if key in ("status", "target"):
            found[key] = label("status", value)
        elif key == "allowed":
            found[key] = ", ".join(label("status", s) for s in re.split(r",\s*", value.strip()))
        elif key == "role":
            found[key] = label("role", value)
        else:
            found[key] = value
    return found


def _status_words(m: re.Match[str]) -> str:
    """ "a pending ticket" as "a ticket that is “Pending”", a lone "in_progress" as "“In progress”";
    the ordinary words (new, closed…) only where they name a ticket's status."""
    name = f"“{label('status', m['status'])}”"
    if m["after"]:
        return QCoreApplication.translate("Errors", "a ticket that is {0}").format(name) if m["article"] \
            else QCoreApplication.translate("Errors", "ticket that is {0}").format(name)
    if m["status"] == "in_progress":
        return (f"{m['article']} " if m["article"] else "") + name
    return m.group(0)


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:]


def field_of(exc: BaseException) -> str | None:
    return getattr(exc, "field", None)


def unreachable(exc: BaseException) -> bool:
    """Whether sync failed because the server could not be reached at all."""
    from sync.client import ServerUnreachable  # HTTP loads only once sync is in use

    return isinstance(exc, ServerUnreachable)
