"""One SLA clock run over a ticket's segments: elapsed business time, due instant,
state, and the instants its warnings and breach fell due.

A clock "passes" a threshold when its elapsed time becomes greater than it; the
instant recorded is the last one before elapsed time exceeded it (a threshold reached
exactly at a closing time passes at the next opening). Targets follow the priority in
force, so a priority change re-targets a running or paused clock from the ticket's
start with elapsed time kept (a target lowered below elapsed time was passed in the
past); a stopped clock keeps the target it stopped under; a threshold passed under
any target stays passed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from core.calendar import BusinessCalendar
from core.clock import iso

RUNNING, PAUSED, STOPPED = "running", "paused", "stopped"


@dataclass(frozen=True)
class Span:
    start: datetime
    end: datetime
    mode: str  # running | paused | stopped
    target: int


@dataclass
class Clock:
    name: str
    calendar: str
    target_s: int
    elapsed_s: int
    state: str  # running | paused | met | breached
    due_at: datetime | None
    stopped_at: datetime | None
    breached_at: datetime | None
    # the next instant a warning or the breach falls due while running; the past
    # breach instant while breached and still running
    next_at: datetime | None
    warnings: dict[str, datetime] = field(default_factory=dict)
    paused: list[tuple[datetime, datetime | None]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "calendar": self.calendar,
            "target_s": self.target_s,
            "elapsed_s": self.elapsed_s,
            "remaining_s": max(0, self.target_s - self.elapsed_s),
            "due_at": iso(self.due_at),
            "state": self.state,
            "stopped_at": iso(self.stopped_at),
            "breached_at": iso(self.breached_at),
            "warnings": [{"at_fraction": float(k), "passed_at": iso(v)} for k, v in self.warnings.items()],
            "paused": [{"from": iso(a), "to": iso(b)} for a, b in self.paused],
        }

    @property
    def crossings(self) -> list[tuple[str, datetime]]:
        """Thresholds passed, as (label, instant): 'warn 0.75', ..., 'breach'."""
        found = [(f"warn {k}", v) for k, v in self.warnings.items()]
        if self.breached_at is not None:
            found.append(("breach", self.breached_at))
        return found


def _merge_spans(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if merged and merged[-1].mode == span.mode and merged[-1].target == span.target:
            merged[-1] = Span(merged[-1].start, span.end, span.mode, span.target)
        else:
            merged.append(span)
    return merged


def _passed_at(calendar: BusinessCalendar, runs: list[tuple[datetime, int, int]], threshold: int) -> datetime:
    """The instant elapsed time passed `threshold`, over the running spans so far as
    (start, elapsed before it, business time in it): the last instant before it would
    exceed the threshold, so one reached exactly at a closing time passes at the next
    opening, as the due instant says. A target lowered below elapsed time (a priority
    change) counts from the ticket's start, so it was passed in the past."""
    for start, before, gained in runs:
        if before + gained > threshold:
            return calendar.due(start, threshold - before)
    raise AssertionError("threshold not passed")


def run_clock(
    name: str, calendar_name: str, calendar: BusinessCalendar, spans: list[Span], warn_at: tuple[float, ...],
    now: datetime,
) -> Clock:
    spans = _merge_spans(spans)
    elapsed = 0
    warnings: dict[str, datetime] = {}
    breached_at: datetime | None = None
    paused: list[tuple[datetime, datetime | None]] = []
    stopped_at: datetime | None = None
    stop_target = 0  # the target in force when the clock stopped
    runs: list[tuple[datetime, int, int]] = []
    for span in spans:
        if span.mode == STOPPED:
            if stopped_at is None:
                stopped_at, stop_target = span.start, span.target
            continue
        stopped_at = None
        if span.mode == PAUSED:
            if paused and paused[-1][1] == span.start:  # one pause, whatever changed during it
                paused[-1] = (paused[-1][0], span.end)
            else:
                paused.append((span.start, span.end))
        else:
            gained = calendar.elapsed(span.start, span.end)
            runs.append((span.start, elapsed, gained))
            elapsed += gained
        # A running or paused clock is judged against the target in force (which a
        # priority change may have lowered below elapsed time); a stopped one is not.
        for fraction in warn_at:
            label = f"{fraction:g}"
            threshold = int(span.target * fraction)
            if label not in warnings and elapsed > threshold:
                warnings[label] = _passed_at(calendar, runs, threshold)
        if breached_at is None and elapsed > span.target:
            breached_at = _passed_at(calendar, runs, span.target)

    last = spans[-1]
    # A stopped clock keeps the target it stopped under: a later priority change does
    # not re-judge a clock that has already stopped.
    target = stop_target if last.mode == STOPPED else last.target
    if paused and paused[-1][1] == last.end and last.mode == PAUSED:
        paused[-1] = (paused[-1][0], None)  # still paused now
    if last.mode != STOPPED:
        stopped_at = None
    next_at: datetime | None = None
    if breached_at is not None:
        state, due_at = "breached", breached_at
        if last.mode == RUNNING:
            next_at = breached_at
    elif last.mode == STOPPED:
        assert stopped_at is not None
        state, due_at = "met", calendar.due(stopped_at, max(0, target - elapsed))
    elif last.mode == PAUSED:
        state, due_at = "paused", None
    else:
        state, due_at = "running", calendar.due(now, target - elapsed)
        upcoming = [int(target * f) for f in warn_at if f"{f:g}" not in warnings and int(target * f) >= elapsed]
        next_at = min([calendar.due(now, t - elapsed) for t in upcoming] + [due_at])
    return Clock(
        name=name, calendar=calendar_name, target_s=target, elapsed_s=elapsed, state=state, due_at=due_at,
        stopped_at=stopped_at, breached_at=breached_at, next_at=next_at, warnings=warnings, paused=paused,
    )
