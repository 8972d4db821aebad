"""What the window's status bar says about the store: its mode and the changes
waiting to be sent to a server (the outbox's pending entries)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from core.models import ChangeEntry
from core.store import Store


@dataclass(frozen=True)
class StoreStatus:
    mode: str
    home_site: str | None
    pending_changes: int
    last_sync: str | None


def store_status(store: Store) -> StoreStatus:
    with store.read() as session:
        pending = session.scalar(
            select(func.count()).select_from(ChangeEntry).where(ChangeEntry.state == "pending")
        ) or 0
    return StoreStatus(
        mode=store.meta("mode") or "standalone", home_site=store.meta("home_site"),
        pending_changes=pending, last_sync=store.meta("last_sync_at"),
    )
