"""Desktop notifications through the system tray (DESIGN §8): tickets assigned to
me, SLA warnings and breaches on my tickets, replies on tickets I logged, and the
notices addressed to me (an escalation; my ticket resolved with its major incident).

The notifier looks for what is new in the store every few seconds, on a worker.
Changes it finds that this window did not make (the command line on the same
store today; sync once it exists) are announced on the change-set bus, so open
views refresh."""

from __future__ import annotations

import uuid

from core.notifications import Mark, Notice, current_mark, notices_since
from core.uow import ChangeSet
from desktop.qt import QCoreApplication, QIcon, QObject, QSystemTrayIcon, QTimer, Signal
from desktop.workspace import Workspace

POLL_MS = 5000


def kind_text(kind: str) -> str:
    """What happened, for a row of the window's notifications list."""
    words = {
        "assigned": QCoreApplication.translate("Notifier", "Assigned to you"),
        "queued": QCoreApplication.translate("Notifier", "New in your team's queue"),
        "sla_warning": QCoreApplication.translate("Notifier", "SLA warning"),
        "sla_breach": QCoreApplication.translate("Notifier", "SLA breached"),
        "reply": QCoreApplication.translate("Notifier", "Reply"),
        "status": QCoreApplication.translate("Notifier", "Status changed"),
        "resolved": QCoreApplication.translate("Notifier", "Resolved"),
        "escalation": QCoreApplication.translate("Notifier", "Escalated"),
        "major": QCoreApplication.translate("Notifier", "Major incident"),
        "major_resolved": QCoreApplication.translate("Notifier", "Resolved with its major incident"),
    }
    return words.get(kind, kind.replace("_", " ").capitalize())


def notice_text(notice: Notice) -> tuple[str, str]:
    """(title, message) for a tray balloon."""
    by = notice.by or "Branchdesk"
    title = {
        "assigned": QCoreApplication.translate("Notifier", "Assigned to you: {0}"),
        "queued": QCoreApplication.translate("Notifier", "New in your team's queue: {0}"),
        "sla_warning": QCoreApplication.translate("Notifier", "SLA warning: {0}"),
        "sla_breach": QCoreApplication.translate("Notifier", "SLA breached: {0}"),
        "reply": QCoreApplication.translate("Notifier", "{1} replied on {0}"),
        "status": QCoreApplication.translate("Notifier", "Status changed: {0}"),
        "resolved": QCoreApplication.translate("Notifier", "Resolved: {0}"),
        "escalation": QCoreApplication.translate("Notifier", "Escalated: {0}"),
        "major": QCoreApplication.translate("Notifier", "Major incident: {0}"),
        "major_resolved": QCoreApplication.translate("Notifier", "Resolved with its major incident: {0}"),
    }.get(notice.kind, "{0}").format(notice.number, by)
    # a reply, a change of status or a resolution with its note says more than the ticket's title
    said = notice.kind in ("reply", "status", "resolved", "major", "major_resolved") and notice.text
    return title, notice.text[:200] if said else notice.title


class Notifier(QObject):
    # a Notice for the signed-in person
    sig_notice = Signal(object)

    def __init__(self, workspace: Workspace, icon: QIcon | None = None, poll_ms: int = POLL_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.mark: Mark | None = None
        self._polling = False
        self._own: set[uuid.UUID] = set()
        self.tray: QSystemTrayIcon | None = None
        if icon is not None and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip("Branchdesk")
            self.tray.show()
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)
        workspace.bus.sig_changed.connect(self._seen)

    def start(self) -> None:
        """Take the current mark (nothing before it is news), then look every few seconds."""
        def marked(mark: Mark) -> None:
            self.mark = mark
            self.timer.start()

        self.ws.read(lambda session, _ref, _user: current_mark(session), marked, owner=self)

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    def _seen(self, changes: ChangeSet) -> None:
        if "external" not in changes.kinds:
            self._own |= changes.tickets

    def poll(self) -> None:
        if self._polling or self.mark is None:
            return
        self._polling = True
        mark = self.mark

        def done(result: tuple[Mark, list[Notice], set[uuid.UUID]]) -> None:
            self._polling = False
            self.mark, notices, changed = result
            outside = changed - self._own
            self._own.clear()
            if outside:
                self.ws.bus.publish(ChangeSet(tickets=outside, kinds={"ticket", "external"}))
            for notice in notices:
                self.sig_notice.emit(notice)
                if self.tray is not None:
                    title, text = notice_text(notice)
                    self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)

        def failed(exc: BaseException) -> None:
            self._polling = False
            self.ws.workers.on_unhandled(exc)

        self.ws.read(lambda s, ref, user: notices_since(s, ref, user, mark), done, failed,
                     owner=self)
