"""A change's fields in one history event (core.field_events, since store 0014) read
as the events per field written before them read, wherever history is read: the SLA
figures, the report facts and the reports, the idle clock's last sign of life, the
notices people are shown and the history they read."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from alembic import command
from sqlalchemy import func, select

from core.errors import NotFound
from core.escalation import last_public_update
from core.migrate import alembic_config, head_revision
from core.models import HistoryEvent, Ticket
from core.notifications import recent_notices
from core.reference import reference_for
from core.reports.facts import facts
from core.reports.kpis import kpi_report
from core.reports.period import period_of
from core.sla.figures import figures, reports
from core.ticket_detail import read_ticket
from tests.support.report_scenario import FIRST, LAST, build

NOW = datetime(2026, 12, 1, tzinfo=UTC)
PERIOD = period_of(FIRST, LAST, date(2026, 12, 1))
READERS = ("ada", "tom", "nina", "max")


def _history(session: Any, ref: Any, user: Any, number: str) -> Any:
    # (the events of one change written field by field came in the order of their ids)
    try:
        return sorted(map(repr, read_ticket(session, ref, user, number).history))
    except NotFound:  # not in the reader's view
        return None


def _reads(desk: Any) -> dict[str, Any]:
    with desk.store.read() as session:
        ref = reference_for(desk.store, session)
        tickets = session.execute(select(Ticket.id, Ticket.number).order_by(Ticket.number)).all()
        ids = [t.id for t in tickets]
        found: dict[str, Any] = {
            "facts": facts(session, ids),
            "sla": {t: figures(r) for t, r in reports(session, ref, ids, NOW).items()},
            "last public update": last_public_update(session, ids),
            "reports": {by: kpi_report(session, desk.user("max"), PERIOD, by).as_dict() for by in ("site", "week")},
        }
        for username in READERS:
            user = ref.user(username)
            found[f"history {username}"] = [_history(session, ref, user, t.number) for t in tickets]
            _mark, notices = recent_notices(session, ref, user, now=NOW, days=3650)
            # (a notice's key and place name the event it rides on: their ids and rows differ)
            found[f"notices {username}"] = sorted((n.kind, n.number, n.by, n.text, n.at) for n in notices)
    return found


def _folded(desk: Any) -> int:
    with desk.store.read() as session:
        return session.scalar(select(func.count()).select_from(HistoryEvent).where(
            HistoryEvent.kind == "field", HistoryEvent.field.is_(None))) or 0


def test_the_events_of_a_change_read_as_its_events_per_field_did(kit: Any, fresh_store: Any) -> None:
    desk = kit.Desk(fresh_store)
    build(lambda who, command, *args, at, **kw: desk.run(command, who, *args, at=at, **kw))
    assert _folded(desk) > 10
    folded = _reads(desk)
    assert folded["facts"] and any(any(row.values()) for row in folded["facts"].values())
    assert any(folded[f"notices {u}"] for u in READERS)

    # the same store with every change's event split into an event per field, as
    # stores before 0014 and servers wrote them (the store's way back to 0013 does so)
    config = alembic_config()
    with desk.store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0013")
        command.stamp(config, head_revision())
    desk.store.engine.dispose()
    assert _folded(desk) == 0
    assert _reads(desk) == folded
