"""Turning an exception into one sentence a person can act on, in the window's
words: never a command-line flag, a status code, a supplier's code or an exception
class. Core's messages are written for the command line ("needs --supplier CODE");
where one speaks command-line, the window says it its own way, chosen by the field
the error names (InvalidInput.field) and what it is about. Anything that is not a
BranchdeskError is logged in full to the data dir's log file."""

from __future__ import annotations

import logging
import re

from core.errors import BranchdeskError, InvalidInput, InvalidTransition
from core.orgfile import OrgFileError
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
_MOVE = re.compile(r"cannot move an? (\w+) ticket to (\w+); allowed: (.*)$")
_DONE = re.compile(r"^an? (\w+) ticket cannot change")
_FLAG = re.compile(r"\s*\(?--[a-z][a-z-]*(?: [A-Z]+)?\)?")


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
    if isinstance(exc, InvalidTransition):
        found = _MOVE.search(text)
        if found:
            status, target, allowed = found.groups()
            names = ", ".join(label("status", s) for s in re.split(r",\s*", allowed.strip()))
            return QCoreApplication.translate(
                "Errors", "A ticket that is “{0}” cannot become “{1}”. It can become: {2}."
            ).format(label("status", status), label("status", target), names)
        found = _DONE.search(text)
        if found:
            return QCoreApplication.translate(
                "Errors", "A ticket that is “{0}” cannot change any more; log a new ticket and link it to this one."
            ).format(label("status", found.group(1)))
    # anything else: no flags, and statuses by their names
    text = _FLAG.sub("", text)
    return re.sub(r"\b(in_progress|new|assigned|pending|resolved|closed|cancelled) ticket\b",
                  lambda m: f"{label('status', m.group(1)).lower()} ticket", text)


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:]


def field_of(exc: BaseException) -> str | None:
    return getattr(exc, "field", None)


def unreachable(exc: BaseException) -> bool:
    """Whether sync failed because the server could not be reached at all."""
    from sync.client import ServerUnreachable  # HTTP loads only once sync is in use

    return isinstance(exc, ServerUnreachable)
