"""Errors a person can act on. Each carries one message that the command line prints
after `error:`, the server returns as a 4xx detail and the window shows by the field."""

from __future__ import annotations


class BranchdeskError(Exception):
    """Base of every error meant for a person rather than a traceback."""


class NotFound(BranchdeskError):
    pass


class InvalidInput(BranchdeskError):
    """A value a person gave is wrong; `field` names it when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotAllowed(BranchdeskError):
    """The actor's role or scope does not permit the command."""


class InvalidTransition(BranchdeskError):
    pass


class StoreError(BranchdeskError):
    """The store file cannot be used: foreign, corrupt, or from a newer Branchdesk."""
