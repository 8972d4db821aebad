"""Turning an exception into one sentence a person can act on; anything that is
not a BranchdeskError is logged in full to the data dir's log file."""

from __future__ import annotations

import logging

from core.errors import BranchdeskError
from core.orgfile import OrgFileError
from desktop.qt import QCoreApplication

log = logging.getLogger("branchdesk")


def message_for(exc: BaseException) -> str:
    if isinstance(exc, OrgFileError):
        return str(exc)
    if isinstance(exc, BranchdeskError):
        text = str(exc)
        return text[:1].upper() + text[1:]
    log.error("unexpected error", exc_info=exc)
    return QCoreApplication.translate(
        "Errors", "Something went wrong ({0}); the details are in the log file."
    ).format(type(exc).__name__)


def field_of(exc: BaseException) -> str | None:
    return getattr(exc, "field", None)


def unreachable(exc: BaseException) -> bool:
    """Whether sync failed because the server could not be reached at all."""
    from sync.client import ServerUnreachable  # HTTP loads only once sync is in use

    return isinstance(exc, ServerUnreachable)
