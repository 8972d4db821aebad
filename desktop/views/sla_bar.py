"""A live countdown bar per SLA clock: green while running, amber once elapsed time
passes the policy's warning, red when breached, grey while paused. It reads a
ticket's SlaReport (TicketDetail.sla): its response and resolution clocks, each with
its target, elapsed time, due instant, state, stop and the warnings it has passed.
With no SLA (None, or no clocks) it shows nothing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from core.orgspec import CalendarSpec
from core.sla.clocks import Clock
from core.sla.engine import SlaReport
from desktop import theme
from desktop.labels import label
from desktop.models.ticket_table import due_text
from desktop.qt import (
    QColor,
    QCoreApplication,
    QDateTime,
    QHBoxLayout,
    QLabel,
    QLocale,
    QPainter,
    QSize,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)

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
        self.context = SlaContext()

    def show_clock(self, clock: Clock, now: datetime, context: SlaContext | None = None) -> None:
        self.clock = clock
        self.context = context or SlaContext()
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
        self.setToolTip(self.explain(clock, now))

    def explain(self, clock: Clock, now: datetime) -> str:
        """What the bar means, in words: the target, how much is used, when it is due,
        and why it stands still or runs on (set by SlaBars.context)."""
        context = self.context
        lines = [self.tr("{0} target: {1}").format(label("clock", self.name), span(clock.target_s))]
        used = min(999, round(100 * clock.elapsed_s / max(1, clock.target_s)))
        lines.append(self.tr("Used so far: {0} ({1}%)").format(span(clock.elapsed_s), used))
        state, due = clock.state, clock.due_at
        if state == "met":
            lines.append(self.tr("Met: the target was reached in time."))
        elif state == "breached" or (state == "running" and due is not None and due <= now):
            lines.append(self.tr("Breached: the target was missed."))
        elif state == "paused":
            lines.append(self.tr("Paused: {0}. The clock stands still until work goes on.").format(
                _lower_first(context.waiting) if context.waiting else self.tr("the ticket is on hold")))
        elif due is not None:
            lines.append(self.tr("Due {0}.").format(when_text(due)))
            if context.waiting:
                lines.append(self.tr("Running while {0}: this wait does not stop the clock.").format(
                    _lower_first(context.waiting)))
        hours = hours_text(context.calendars.get(clock.calendar), now)
        if state in ("running", "paused") and hours:
            lines.append(hours)
        if self.name == "resolution":
            lines += [self.tr("{0} — {1}").format(name, _clock_state(other, now)) for name, other in context.suppliers]
        return "\n".join(lines)


def _clock_state(clock: Clock, now: datetime) -> str:
    """Where a supplier's contract clock stands, in a few words."""
    colour, _fraction = clock_look(clock, now)
    if colour == "breached":
        return QCoreApplication.translate("SlaBars", "target missed")
    if colour == "met":
        return QCoreApplication.translate("SlaBars", "target met")
    if colour == "paused" or clock.due_at is None:
        return QCoreApplication.translate("SlaBars", "{0} of {1} used").format(span(clock.elapsed_s), span(clock.target_s))
    return QCoreApplication.translate("SlaBars", "due {0}").format(when_text(clock.due_at))


@dataclass(frozen=True)
class SlaContext:
    """What the bars' tooltips say besides the clocks: what the ticket waits for
    ("Waiting for PayBridge"), the business hours its clocks count, and the contract
    clocks of the suppliers it waited for, each by its name (org_names.clock_text)."""

    waiting: str = ""
    calendars: Mapping[str, CalendarSpec] = field(default_factory=dict)
    suppliers: tuple[tuple[str, Clock], ...] = ()


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def span(seconds: int) -> str:
    """A duration as people say it: "2 h 30 min", "3 d 4 h", "45 min"."""
    days, rest = divmod(max(0, seconds), 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return QCoreApplication.translate("SlaBars", "{0} d {1} h").format(days, hours)
    if hours:
        return QCoreApplication.translate("SlaBars", "{0} h {1} min").format(hours, minutes) if minutes \
            else QCoreApplication.translate("SlaBars", "{0} h").format(hours)
    return QCoreApplication.translate("SlaBars", "{0} min").format(minutes)


def when_text(moment: datetime) -> str:
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    return QLocale().toString(stamp, "d MMM HH:mm")


def hours_text(calendar: CalendarSpec | None, now: datetime) -> str:
    """The business hours a clock counts, e.g. "Counts business hours only: today
    06:00–22:00 (the site's time)"; around the clock for a 24x7 calendar."""
    if calendar is None:
        return ""
    if calendar.always_open:
        return QCoreApplication.translate("SlaBars", "Counts around the clock, every day.")
    try:
        local = now.astimezone(ZoneInfo(calendar.timezone))
    except (KeyError, ValueError):
        local = now
    today = calendar.week[local.weekday()] if len(calendar.week) == 7 else ()
    if not today:
        return QCoreApplication.translate("SlaBars", "Counts business hours only; the site is closed today.")
    hours = ", ".join(f"{i.start // 60:02d}:{i.start % 60:02d}–{i.end // 60:02d}:{i.end % 60:02d}" for i in today)
    minute = local.hour * 60 + local.minute
    if minute < today[0].start:
        return QCoreApplication.translate(
            "SlaBars", "Counts business hours only: they start at {0} today ({1}, the site's time).").format(
            f"{today[0].start // 60:02d}:{today[0].start % 60:02d}", hours)
    return QCoreApplication.translate("SlaBars", "Counts business hours only: today {0} (the site's time).").format(
        hours)


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
        self.context = SlaContext()
        self.now = lambda: datetime.now(UTC)
        self._timer = QTimer(self)
        self._timer.setInterval(30_000)
        self._timer.timeout.connect(self._tick)
        self.setVisible(False)

    def show_sla(self, sla: SlaReport | None, context: SlaContext | None = None) -> None:
        self.sla = sla
        self.context = context or SlaContext()
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
                bar.show_clock(clocks[name], now, self.context)
