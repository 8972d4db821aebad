"""A new central device starts from the server's store image (sync.image,
server.store_image) when there is one: it ends exactly as a device that took the
snapshot stream, and one that cannot take the image takes the stream instead."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
import zstandard
from sqlalchemy import func, select
from test_sync_snapshot import POS, _busy_server, full_state

from core.models import ChangeEntry, Organisation, Ticket
from core.services import tickets as svc
from server import store_image
from server.models import Blob, BlobPart, StoreImage
from server.reference_shapes import shaped_source
from server.worker import Worker
from sync import image
from sync.client import SyncSummary
from sync.image import take_image


def _image(cluster) -> store_image.Made:
    return store_image.make(cluster.db, cluster.clock())


def _images(cluster) -> list[StoreImage]:
    with cluster.db.read() as session:
        return list(session.scalars(select(StoreImage)))


@pytest.mark.parametrize("how", ["adopted", "copied"])
def test_a_central_device_started_from_an_image_ends_as_one_that_took_the_stream(cluster, monkeypatch, how):
    """Adopted: the image becomes the new store's file. Copied: another connection has
    the store open (a window), so its tables are copied in instead."""
    _busy_server(cluster)
    made = _image(cluster)
    assert made.image.records > 0 and made.tickets > 40
    # what happens after the image is made comes with the pull after it
    anna = next(r for r in cluster.replicas if r.name == "anna")
    later = anna.run(svc.create, svc.NewTicket(title="Card reader dead after the image", **POS))
    anna.sync()

    by_image = cluster.replica("ada", "ada-image", first_sync=False)
    by_stream = cluster.replica("ada", "ada-stream", first_sync=False)
    copies = []
    monkeypatch.setattr(image, "take_image", lambda *a, **k: copies.append(a) or take_image(*a, **k))
    with closing(sqlite3.connect(by_image.store.path)) as window:
        if how == "copied":
            window.execute("SELECT count(*) FROM tickets").fetchone()
        summary = SyncSummary()
        assert by_image.client.image(summary)
    assert len(copies) == (how == "copied")
    assert summary.pulled == made.image.records
    assert int(by_image.store.meta("sync_cursor")) == made.image.cursor
    assert not by_image.client.image(SyncSummary())  # a store that holds tickets takes none
    by_stream.client.image = lambda *_: False  # this one takes the stream
    by_image.sync()
    by_stream.sync()

    assert later.number in by_image.numbers()
    assert by_image.numbers() == by_stream.numbers()
    image_state, stream_state = full_state(by_image), full_state(by_stream)
    for key in stream_state:
        assert image_state[key] == stream_state[key], key
    with by_image.store.read() as session:
        # the clocks' rows came with it, and foreign keys are on again
        assert session.scalar(select(func.count()).select_from(Ticket)) == len(by_image.numbers())
        raw = session.connection().exec_driver_sql
        assert raw("PRAGMA foreign_keys").scalar() == 1
        assert raw("SELECT count(*) FROM ticket_clocks").scalar() == raw(
            "SELECT count(*) FROM tickets, json_each(tickets.sla_clocks) WHERE json_type(sla_clocks) = 'array'"
        ).scalar()
    assert not by_image.store.path.with_name(by_image.store.path.name + ".image").exists()
    cluster.settle()
    cluster.check()


def test_a_device_sweeps_from_where_the_servers_worker_had_recorded_every_crossing(cluster, monkeypatch):
    """The image names the instant through which the worker had recorded every SLA
    crossing: the device that takes it computes the figures only of tickets whose next
    crossing came after that (or runs behind a breach), not of every ticket whose breach
    has long passed, and ends as a device that took the stream."""
    import core.sla.figures as sla_figures
    from core.models.tickets import OPEN_STATUSES
    from core.sla_sweep import _behind_a_breach
    from server import sweep_mark

    _busy_server(cluster)
    Worker(cluster.db, cluster.clock).run_once()
    made = _image(cluster)
    with cluster.db.read() as session:
        since = sweep_mark.recorded_through(session)
        assert since is not None
        # open, their last crossing long recorded, and no clock running on behind a breach
        long_breached = set(session.scalars(select(Ticket.id).where(
            Ticket.status.in_(OPEN_STATUSES), Ticket.sla_next_at <= since, ~_behind_a_breach())))
    assert long_breached
    computed: set = set()
    real = sla_figures.reports
    monkeypatch.setattr(sla_figures, "reports",
                        lambda session, ref, ids, now: computed.update(ids) or real(session, ref, ids, now))
    by_image = cluster.replica("ada", "ada-image", first_sync=False)
    assert by_image.client.image(SyncSummary())
    assert int(by_image.store.meta("sync_cursor")) == made.image.cursor
    assert not computed & long_breached
    assert by_image.store.meta(image.RECORDED_THROUGH) is None  # the image's word, not the store's
    monkeypatch.undo()

    by_stream = cluster.replica("ada", "ada-stream", first_sync=False)
    by_stream.client.image = lambda *_: False
    by_image.sync()
    by_stream.sync()
    image_state, stream_state = full_state(by_image), full_state(by_stream)
    for key in stream_state:
        assert image_state[key] == stream_state[key], key
    cluster.settle()
    cluster.check()


@pytest.mark.parametrize("username", ["tom", "anna"])
def test_a_person_outside_the_central_desk_is_offered_no_image(cluster, username):
    _busy_server(cluster)
    _image(cluster)
    device = cluster.replica(username, f"{username}-new", first_sync=False)
    answer = device.client._call("GET", "/sync/image", params={"revision": "0013"})
    assert answer.status_code == 404 and "central" in answer.json()["detail"]
    device.sync()  # from the stream
    assert device.numbers()
    cluster.check([device])


def test_no_image_no_schema_or_a_damaged_one_and_the_stream_is_taken(cluster, monkeypatch):
    _busy_server(cluster)
    device = cluster.replica("ada", "ada-new", first_sync=False)
    assert not device.client.image(SyncSummary())  # none made yet
    made = _image(cluster)
    answer = device.client._call("GET", "/sync/image", params={"revision": "0001"})
    assert answer.status_code == 404 and "schema 0001" in answer.json()["detail"]

    # the content changed on the way: refused, nothing taken, the file gone
    with cluster.db.write() as session:
        part = session.scalar(select(BlobPart).where(BlobPart.sha256 == made.image.sha256, BlobPart.offset == 0))
        kept = part.data
        part.data = kept[:-1] + bytes([kept[-1] ^ 1])
    assert not device.client.image(SyncSummary())
    with device.store.read() as session:
        assert session.scalar(select(func.count()).select_from(Ticket)) == 0
    assert device.store.meta("sync_cursor") is None
    assert not device.store.path.with_name(device.store.path.name + ".image").exists()
    with cluster.db.write() as session:
        session.scalar(select(BlobPart).where(BlobPart.sha256 == made.image.sha256, BlobPart.offset == 0)).data = kept

    # a store already holding a change of its own takes the stream, which runs it again
    mine = device.run(svc.create, svc.NewTicket(title="Made before the first sync", requester="anna", site="PL-POZ-001", **POS))
    left = device.store.path.with_name(device.store.path.name + ".image")
    left.write_bytes(b"part of an image a killed device left")
    assert not device.client.image(SyncSummary())
    assert not left.exists()
    device.sync()
    assert mine.number in device.numbers()
    cluster.settle()
    cluster.check()


def test_an_image_of_another_schema_or_not_a_store_changes_nothing(cluster, tmp_path):
    _busy_server(cluster)
    made = _image(cluster)
    device = cluster.replica("ada", "ada-new", first_sync=False)
    with cluster.db.read() as session:
        packed = b"".join(bytes(d) for d in session.scalars(
            select(BlobPart.data).where(BlobPart.sha256 == made.image.sha256).order_by(BlobPart.offset)))
    whole = tmp_path / "image.sqlite3"
    whole.write_bytes(zstandard.ZstdDecompressor().decompressobj().decompress(packed))
    with closing(sqlite3.connect(whole)) as raw, cluster.db.read() as session:
        # the organisation it was made with, as staff receive it: nothing an agent's device is not sent anyway
        source = session.scalar(select(Organisation.source))
        assert raw.execute("SELECT source FROM organisation").fetchone()[0] == shaped_source(source, "staff")
    other = tmp_path / "other.sqlite3"
    other.write_bytes(whole.read_bytes())
    with closing(sqlite3.connect(other)) as raw, raw:
        raw.execute("UPDATE alembic_version SET version_num = '0012'")
    reordered = tmp_path / "reordered.sqlite3"
    reordered.write_bytes(whole.read_bytes())
    with closing(sqlite3.connect(reordered)) as raw, raw:
        raw.execute("ALTER TABLE comments ADD COLUMN extra TEXT")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a store at all" * 100)
    for path, reason in ((other, "schema 0012"), (reordered, "comments table"), (junk, "not a Branchdesk store")):
        with pytest.raises(image.ImageError, match=reason):
            image.take_image(device.store, path)
        with device.store.read() as session:
            assert session.scalar(select(func.count()).select_from(Ticket)) == 0
            assert session.scalar(select(func.count()).select_from(ChangeEntry)) == 0
            assert session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert device.store.meta("sync_cursor") is None
    spare = tmp_path / "spare.sqlite3"
    spare.write_bytes(whole.read_bytes())
    taken = image.take_image(device.store, whole)
    assert taken.rows == made.image.records and taken.cursor == made.image.cursor
    # a store that holds tickets is never replaced by an image
    with pytest.raises(image.ImageError, match="already holds"):
        image.adopt(device.store, spare)
    assert device.numbers() and spare.exists()


def test_the_worker_makes_an_image_when_due_and_keeps_only_the_newest(cluster):
    _busy_server(cluster)
    worker = Worker(cluster.db, cluster.clock)
    worker.run_once()
    assert worker.imaged is None and not _images(cluster)  # too few tickets to be worth one
    worker.image_min_tickets = 10
    worker.run_once()
    assert worker.imaged is not None
    first = _images(cluster)
    assert [i.sha256 for i in first] == [worker.imaged.image.sha256]
    worker.run_once()
    assert worker.imaged is None  # nothing new since

    worker.image_stale_share = 0.0001
    anna = next(r for r in cluster.replicas if r.name == "anna")
    for n in range(3):
        anna.run(svc.create, svc.NewTicket(title=f"Printer jam {n}", **POS))
    anna.sync()
    worker.run_once()
    assert worker.imaged is not None and worker.imaged.image.cursor > first[0].cursor
    held = _images(cluster)
    assert [i.sha256 for i in held] == [worker.imaged.image.sha256]
    with cluster.db.read() as session:
        # the older image's content went with it
        assert session.scalar(select(func.count()).select_from(Blob).where(Blob.sha256 == first[0].sha256)) == 0
        assert session.scalar(select(func.count()).select_from(BlobPart)
                              .where(BlobPart.sha256 == first[0].sha256)) == 0
    device = cluster.replica("ada", "ada-new")
    assert int(device.store.meta("sync_cursor")) >= worker.imaged.image.cursor
    cluster.check([device])
