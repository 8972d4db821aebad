"""Buckets (DESIGN §6b): a branch device's pull reads its own buckets through their
indexes, a ticket that leaves a device's view is dropped there (one it made and sent
away in the same push too) and one that comes (back) into it arrives whole, a requester's device never holds internal work, and a
database from before buckets gets them on upgrade with the same pulls after."""

from __future__ import annotations

from sqlalchemy import select, text

from core.models import Comment, HistoryEvent, WorkLog
from core.services import tickets as svc
from server.migrate import alembic_config, upgrade
from sync import feed
from sync.buckets import bucket_clause
from sync.models import SyncMove, SyncRecord

BUCKETS_REVISION = "0013"
POS = dict(category="Hardware/POS terminal", impact="medium", urgency="medium", fields={"terminal_id": "T-1"})


def _pulled(cluster, username: str, cursor: int) -> list[tuple[str, str, object]]:
    with cluster.db.read() as session:
        page = feed.pull(session, cluster.user(username), cursor, 100_000, cluster.clock())
    return sorted((r.kind, str(r.id), r.data) for r in page.records)


def _top(cluster) -> int:
    with cluster.db.read() as session:
        return session.scalar(text("SELECT max(seq) FROM sync_records")) or 0


def test_a_ticket_that_leaves_a_technicians_view_and_comes_back_arrives_whole(cluster):
    ola, tom, ada = cluster.replica("ola"), cluster.replica("tom"), cluster.replica("ada")
    ticket = ola.run(svc.create, svc.NewTicket(title="Pump 2 does not take cards", **POS))  # FIELD's: tom sees it
    cluster.settle()
    assert tom.numbers() == [ticket.number]

    ada.run(svc.assign, ticket.number, team="NET", to="nina")
    cluster.settle()
    assert tom.numbers() == []  # dropped with all of it
    with tom.store.read() as session:
        assert session.scalars(select(HistoryEvent)).all() == []

    # while it is away: notes, an edit, work logged; none of it is tom's to see yet
    ada.run(svc.comment, ticket.number, "the card reader firmware is old", internal=True)
    ada.run(svc.edit, ticket.number, svc.TicketEdit(title="Pump 2 card reader firmware"))
    ada.sync()
    ada.run(svc.assign, ticket.number, team="FIELD", to="tom")
    cluster.settle()
    assert tom.numbers() == [ticket.number]
    assert tom.ticket(ticket.number).title == "Pump 2 card reader firmware"
    with tom.store.read() as session:
        assert [c.body for c in session.scalars(select(Comment))] == ["the card reader firmware is old"]
    cluster.check()  # every replica holds exactly what its buckets hold on the server


def test_a_ticket_a_technician_logs_and_sends_to_the_desk_in_one_push_is_dropped_from_his_device(cluster):
    """The push numbers what its commands wrote at its end: the ticket is first numbered
    in the DESK queue, yet tom's device holds it as he logged it, in FIELD's."""
    ola, tom = cluster.replica("ola"), cluster.replica("tom")
    seen = ola.run(svc.create, svc.NewTicket(title="Price sign dark", **POS))
    cluster.settle()
    logged = tom.run(svc.create, svc.NewTicket(title="Pump 2 does not take cards", requester="ola", **POS))
    tom.run(svc.assign, logged.number, team="DESK")  # Warsaw, tier 1: no longer tom's to see
    cluster.settle()
    assert tom.numbers() == [seen.number]
    assert ola.numbers() == sorted([seen.number, logged.number])
    cluster.check()


def test_a_requesters_device_never_holds_internal_notes_or_work_logs(cluster):
    ola, tom = cluster.replica("ola"), cluster.replica("tom")
    ticket = ola.run(svc.create, svc.NewTicket(title="Price sign dark", **POS))
    cluster.settle()
    tom.run(svc.comment, ticket.number, "supplier contract expired", internal=True)
    tom.run(svc.comment, ticket.number, "a technician comes on Monday")
    tom.run(svc.log_work, ticket.number, 30, "looked at the sign")
    cluster.settle()
    with ola.store.read() as session:
        assert [c.body for c in session.scalars(select(Comment))] == ["a technician comes on Monday"]
        assert session.scalars(select(WorkLog)).all() == []
    with tom.store.read() as session:
        assert len(session.scalars(select(Comment)).all()) == 2
        assert len(session.scalars(select(WorkLog)).all()) == 1
    with cluster.db.read() as session:
        marked = dict(session.execute(select(SyncRecord.kind, SyncRecord.internal)
                                      .where(SyncRecord.kind.in_(("comment", "worklog")), SyncRecord.internal)).all())
    assert marked == {"comment": True, "worklog": True}
    cluster.check()


def test_a_branch_pull_walks_the_indexes_of_its_buckets(cluster):
    if cluster.db.engine.dialect.name != "sqlite":
        return  # PostgreSQL's planner picks by table size; the query is the same
    with cluster.db.read() as session:
        clause = bucket_clause(cluster.user("tom"))
        assert clause is not None and bucket_clause(cluster.user("ada")) is None  # a central device: everything
        query = (select(SyncRecord.kind, SyncRecord.record_id, SyncRecord.seq, SyncRecord.ticket_id)
                 .where(SyncRecord.seq > 5, SyncRecord.seq <= 500, clause).order_by(SyncRecord.seq).limit(100))
        compiled = query.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
        plan = " ".join(str(row[-1]) for row in session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
    for index in ("ix_sync_records_site_seq", "ix_sync_records_team_seq", "ix_sync_records_assignee_seq"):
        assert index in plan, plan
    assert "SCAN sync_records" not in plan.replace("SCAN sync_records USING", ""), plan


def test_a_database_from_before_buckets_gets_them_on_upgrade_and_pulls_the_same(cluster):
    ola, anna, tom, ada = (cluster.replica(n) for n in ("ola", "anna", "tom", "ada"))
    first = ola.run(svc.create, svc.NewTicket(title="Pump 2 does not take cards", **POS))
    second = anna.run(svc.create, svc.NewTicket(title="Till 3 frozen", **POS))
    cluster.settle()
    middle = _top(cluster)
    ada.run(svc.assign, first.number, team="NET", to="nina")
    ada.run(svc.comment, second.number, "restarted remotely", internal=True)
    ada.run(svc.assign, second.number, team="FIELD", to="tom")
    cluster.settle()
    ada.run(svc.assign, first.number, team="FIELD", to="tom")
    cluster.settle()
    users, cursors = ("tom", "nina", "anna", "ola", "ada"), (0, middle)
    before = {(u, c): _pulled(cluster, u, c) for u in users for c in cursors}
    with cluster.db.read() as session:
        stamped = sorted(session.execute(select(SyncRecord.kind, SyncRecord.record_id, SyncRecord.site_id,
                                                SyncRecord.team_id, SyncRecord.assignee_id, SyncRecord.internal)))
        assert session.scalars(select(SyncMove)).all()  # the assignments were recorded as moves

    from alembic import command
    from alembic.script import ScriptDirectory

    config = alembic_config()
    before_buckets = ScriptDirectory.from_config(config).get_revision(BUCKETS_REVISION).down_revision
    with cluster.db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, str(before_buckets))
    upgrade(cluster.db.engine)
    with cluster.db.read() as session:
        assert sorted(session.execute(select(SyncRecord.kind, SyncRecord.record_id, SyncRecord.site_id,
                                             SyncRecord.team_id, SyncRecord.assignee_id,
                                             SyncRecord.internal))) == stamped
    assert {(u, c): _pulled(cluster, u, c) for u in users for c in cursors} == before
