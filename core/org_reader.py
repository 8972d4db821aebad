"""What every section of the organisation file's reader shares: the problems found so
far, references to names checked once all names are known, and the common checks."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from core.orgspec import TICKET_TYPES
from core.toml_table import Problems, Table, quote

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class ReaderBase(Problems):
    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []  # (path, kind, value), checked once all names are known
        self.recipients: list[tuple[str, str]] = []  # (path, username) an escalation rule notifies
        self.root = Table(self, "", data)

    def ref(self, path: str, kind: str, value: str | None) -> None:
        if value is not None:
            self.refs.append((path, kind, value))

    def one_of(self, path: str, value: str, what: str, options: Iterable[str]) -> bool:
        if value in options:
            return True
        self.problem(path, f"{quote(value)} is not {what} (one of {', '.join(options)})")
        return False

    def unique(self, items: Iterable[tuple[str, str]], what: str, fold: bool = False) -> None:
        first: dict[str, str] = {}
        for path, value in items:
            key = value.casefold() if fold else value
            if key in first:
                self.problem(path, f"duplicate {what} {quote(value)} (also at {first[key]})")
            else:
                first[key] = path

    def conditions(self, t: Table) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        types = t.strings("types") or []
        for path, value in types:
            self.one_of(path, value, "a ticket type", TICKET_TYPES)
        categories, sites = t.strings("categories") or [], t.strings("sites") or []
        self.refs += [(path, "category glob", value) for path, value in categories]
        self.refs += [(path, "site glob", value) for path, value in sites]
        return tuple(v for _, v in types), tuple(v for _, v in categories), tuple(v for _, v in sites)
