"""A live countdown bar per SLA clock: green while running, amber once elapsed time
passes the policy's warning, red when breached, grey while paused. It reads a
ticket's SlaReport (TicketDetail.sla): its response and resolution clocks, each with
its target, elapsed time, due instant, state, stop and the warnings it has passed.
With no SLA (None, or no clocks) it shows nothing."""

from __future__ import annotations

from datetime import UTC, datetime

from core.sla.clocks import Clock
from core.sla.engine import SlaReport
from desktop import theme
from desktop.labels import label
from desktop.models.ticket_table import due_text
from desktop.qt import QColor, QHBoxLayout, QLabel, QPainter, QSize, Qt, QTimer, QVBoxLayout, QWidget

CLOCKS = ("response", "resolution")


def clock_look(clock: Clock, now: datetime) -> tuple[str, float]:
    """(colour name: ok|warning|breached|paused|met, fraction of the target used)."""
    fraction = max(0.0, clock.elapsed_s / max(1, clock.target_s))
    state, due = clock.state, clock.due_at
    if state == "breached" or (state == "running" and due is not None and due <= now):
        return "breached", max(fraction, 1.0)
    if state == "paused":
        return "paused", fraction
    if state == "met":
        return "met", fraction
    if clock.warnings:  # the warnings it has passed
        return "warning", fraction
    return "ok", fraction


class _Bar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fraction, self.colour = 0.0, "ok"
        self.setMinimumHeight(8)
        self.setMaximumHeight(8)

    def sizeHint(self) -> QSize:
        return QSize(160, 8)

    def paintEvent(self, _event: object) -> None:
        colours = theme.colours()
        fill = QColor({
            "ok": colours.sla_ok, "warning": colours.sla_warning, "breached": colours.sla_breached,
            "paused": colours.sla_paused, "met": colours.sla_met,
        }[self.colour])
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        track = self.palette().mid().color()
        track.setAlpha(90)
        painter.setBrush(track)
        painter.drawRoundedRect(self.rect(), 4, 4)
        width = int(self.width() * min(1.0, self.fraction))
        if width > 0:
            painter.setBrush(fill)
            painter.drawRoundedRect(0, 0, width, self.height(), 4, 4)
        painter.end()


class ClockBar(QWidget):
    """One clock: its name, the bar, and the time left (or over)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.title = QLabel(label("clock", name), self)
        self.bar = _Bar(self)
        self.text = QLabel(self)
        self.text.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.text)
        layout.addLayout(top)
        layout.addWidget(self.bar)
        self.clock: Clock | None = None

    def show_clock(self, clock: Clock, now: datetime) -> None:
        self.clock = clock
        colour, fraction = clock_look(clock, now)
        self.bar.colour, self.bar.fraction = colour, fraction
        self.bar.update()
        self.setProperty("state", colour)
        state, due = clock.state, clock.due_at
        if state == "paused":
            text = self.tr("paused")
        elif state in ("met", "breached") and clock.stopped_at:
            text = label("sla_state", state)
        elif due is not None:
            text = due_text(due, now)
        else:
            text = label("sla_state", state)
        self.text.setText(text)


class SlaBars(QWidget):
    """A bar per clock, refreshed every half minute so the countdown stays live."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars = {name: ClockBar(name, self) for name in CLOCKS}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        for bar in self.bars.values():
            layout.addWidget(bar, 1)
        self.sla: SlaReport | None = None
        self.now = lambda: datetime.now(UTC)
        self._timer = QTimer(self)
        self._timer.setInterval(30_000)
        self._timer.timeout.connect(self._tick)
        self.setVisible(False)

    def show_sla(self, sla: SlaReport | None) -> None:
        self.sla = sla
        clocks = self._clocks()
        self.setVisible(bool(clocks))
        for name, bar in self.bars.items():
            bar.setVisible(name in clocks)
        if clocks:
            self._tick()
            self._timer.start()
        else:
            self._timer.stop()

    def _clocks(self) -> dict[str, Clock]:
        found = {"response": self.sla.response, "resolution": self.sla.resolution} if self.sla else {}
        return {name: clock for name, clock in found.items() if clock is not None}

    def _tick(self) -> None:
        clocks = self._clocks()
        now = self.now()
        for name, bar in self.bars.items():
            if name in clocks:
                bar.show_clock(clocks[name], now)
