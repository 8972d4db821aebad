"""Every minute, record the SLA warnings and breaches that fell due since the last
look (core.sla_sweep), as one command on the write worker; the change set it makes
refreshes the views, and the notifier tells the assignee. A standalone store has no
server whose worker runs the organisation's automation, so it runs the whole pass
itself: escalation rules and closing resolved tickets too (core.automation)."""

from __future__ import annotations

from datetime import UTC, datetime

from core.automation import run_here
from core.sla_sweep import sweep
from desktop.qt import QObject, QTimer
from desktop.workspace import Workspace

SWEEP_MS = 60_000


class SlaSweeper(QObject):
    def __init__(self, workspace: Workspace, interval_ms: int = SWEEP_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        # crossings before the window opened were recorded by whatever changed those
        # tickets; only those falling due from now on need a sweep to notice them
        self.now = lambda: datetime.now(UTC)
        self.since = self.now()
        self._running = False
        self.standalone = workspace.store.meta("mode") == "standalone"
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.run)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def run(self) -> None:
        if self._running:
            return
        self._running = True
        since, now = self.since, self.now()

        def done(_recorded: int) -> None:
            self._running = False
            self.since = now

        def failed(exc: BaseException) -> None:
            self._running = False
            self.ws.workers.on_unhandled(exc)

        if self.standalone:
            self.ws.command(lambda uow, _user: run_here(uow, now).sla_events, done, failed, owner=self)
        else:
            self.ws.command(lambda uow, _user: sweep(uow, since, now), done, failed, owner=self)
