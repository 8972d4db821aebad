"""The desktop's own settings, kept beside the store (data dir/desktop.ini), so a
store and its window layout travel together and tests never touch the person's
real settings. Every option is declared once here, with its type."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from core.ticket_query import TicketFilter
from desktop.qt import QByteArray, QSettings

FILE = "desktop.ini"
VERSION = 1
# how many read marks of notices are kept per person (the list shows at most 100)
READ_KEPT = 500
# how many tickets' newest seen reply are kept per person
SEEN_KEPT = 2000


class Settings:
    def __init__(self, data_dir: Path) -> None:
        self._q = QSettings(str(data_dir / FILE), QSettings.Format.IniFormat)
        if self._q.value("version") is None:
            self._q.setValue("version", VERSION)

    # window layout: opaque Qt state blobs
    def layout(self, key: str) -> QByteArray | None:
        value = self._q.value(f"layout/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_layout(self, key: str, value: QByteArray) -> None:
        self._q.setValue(f"layout/{key}", value)

    # who signed in last, to choose them again in the sign-in list
    @property
    def last_user(self) -> str | None:
        value = self._q.value("last_user")
        return str(value) if value else None

    @last_user.setter
    def last_user(self, username: str) -> None:
        self._q.setValue("last_user", username)

    # a person's saved filters: [(name, TicketFilter)], in the order they saved them
    def saved_filters(self, username: str) -> list[tuple[str, TicketFilter]]:
        raw = self._q.value(f"users/{username}/saved_filters")
        try:
            items: list[dict[str, Any]] = json.loads(str(raw)) if raw else []
            return [(str(item["name"]), TicketFilter.from_dict(item["filter"])) for item in items]
        except (ValueError, KeyError, TypeError):
            return []

    def set_saved_filters(self, username: str, filters: list[tuple[str, TicketFilter]]) -> None:
        data = [{"name": name, "filter": flt.as_dict()} for name, flt in filters]
        self._q.setValue(f"users/{username}/saved_filters", json.dumps(data))

    # a person's notices read on this device: the keys of those read, newest last (at most
    # READ_KEPT), and the rowids (history, comments) before which everything counts as read:
    # taken the first time the list is read here, so a new device starts with nothing unread
    def notices_read(self, username: str) -> list[str]:
        raw = self._q.value(f"users/{username}/notices_read")
        try:
            keys = json.loads(str(raw)) if raw else []
        except ValueError:
            return []
        return [str(k) for k in keys] if isinstance(keys, list) else []

    def set_notices_read(self, username: str, keys: list[str]) -> None:
        self._q.setValue(f"users/{username}/notices_read", json.dumps(keys[-READ_KEPT:]))

    def notices_from(self, username: str) -> tuple[int, int] | None:
        raw = self._q.value(f"users/{username}/notices_from")
        try:
            history, comments = (int(part) for part in str(raw).split(","))
        except ValueError:
            return None
        return history, comments

    def set_notices_from(self, username: str, history: int, comments: int) -> None:
        self._q.setValue(f"users/{username}/notices_from", f"{history},{comments}")

    # the newest reply a person has seen on each ticket on this device (an ISO instant), so
    # the replies that came after it are marked on the timeline the next time it is shown
    def ticket_seen(self, username: str, number: str) -> str | None:
        value = self._seen(username).get(number)
        return str(value) if value else None

    def set_ticket_seen(self, username: str, number: str, at: str) -> None:
        seen = self._seen(username)
        seen.pop(number, None)
        seen[number] = at  # newest last: the oldest are forgotten first
        kept = dict(list(seen.items())[-SEEN_KEPT:])
        self._q.setValue(f"users/{username}/tickets_seen", json.dumps(kept))

    def _seen(self, username: str) -> dict[str, str]:
        raw = self._q.value(f"users/{username}/tickets_seen")
        try:
            seen = json.loads(str(raw)) if raw else {}
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in seen.items()} if isinstance(seen, dict) else {}

    def sync(self) -> None:
        self._q.sync()
