"""The change-set bus: every committed command (and, later, every sync round that
changed something) is announced once, as one Qt signal carrying its
core.uow.ChangeSet; each view refreshes only what it shows (Anki's OpChanges)."""

from __future__ import annotations

from core.uow import ChangeSet
from desktop.qt import QObject, Signal


class ChangeBus(QObject):
    # one emission per committed change set: ChangeSet(tickets=set of ids, kinds=set of str)
    sig_changed = Signal(object)

    def publish(self, changes: ChangeSet) -> None:
        if changes:
            self.sig_changed.emit(changes)
