"""How far the worker's SLA job has recorded every crossing: the instant its last
complete pass swept through, kept as a worker mark (epoch microseconds). The next pass
starts from it, and a store image carries it, so that neither computes again the
figures of every ticket whose breach has long passed (core.sla_sweep)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from server.models import WorkerMark

SWEPT_MARK = "sla_swept"
# A push takes its instant before it waits for the counter's lock, so figures it
# computed as of then may land after the pass that set the mark had looked: a sweep
# starts this far before the mark.
OVERLAP = timedelta(minutes=10)


def swept_through(session: Session) -> datetime | None:
    """The instant the SLA job last swept through (None: never, or not since this
    server kept the mark)."""
    mark = session.get(WorkerMark, SWEPT_MARK)
    return datetime.fromtimestamp(mark.value / 1e6, UTC) if mark is not None else None


def recorded_through(session: Session) -> datetime | None:
    """The instant through which every crossing is recorded, overlap included: where a
    sweep may start."""
    through = swept_through(session)
    return through - OVERLAP if through is not None else None


def keep(session: Session, through: datetime) -> None:
    """Keep the latest instant a pass swept through (workers on clocks a little apart
    never move it back)."""
    value = int(through.timestamp() * 1e6)
    mark = session.get(WorkerMark, SWEPT_MARK)
    if mark is None:
        session.add(WorkerMark(job=SWEPT_MARK, value=value))
    elif value > mark.value:
        mark.value = value
