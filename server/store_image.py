"""Store images on the server (sync.image): made from a central snapshot by the worker,
kept compressed (zstd) as a blob, and served to new central devices (routes/snapshot.py).

A central person's snapshot is the same for every central person (every ticket, every
internal note), so one image serves them all. It is made again when the feed has
moved on by a share of what it holds (a device then pulls little after it), or when
the store schema it is at is no longer this code's; while none is there, devices take
the stream. Making one reads the database in one consistent transaction and writes
the content in parts, in short transactions, so that pushes go on meanwhile; the
image is named last, with the older one dropped, in one transaction."""

from __future__ import annotations

import json
import logging
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session

from core.migrate import HEAD_REVISION
from core.models import Attachment, Ticket
from core.reference import UserInfo
from core.store import Store
from server import sweep_mark
from server.blobstore import insert_new
from server.db import Database
from server.models import Blob, BlobPart, BlobUpload, StoreImage
from server.reference_shapes import shape_of
from server.routes.reference import render
from sync import image, snapshot
from sync.models import SyncCounter
from sync.reference import import_reference

log = logging.getLogger("branchdesk.worker")

# Whose snapshot an image holds: a central role's, the same for every central person.
# The least of them (an agent: the organisation file as staff receive it), since the
# file carries the reference data it was made with to whoever takes it.
CENTRAL = UserInfo(id=uuid.UUID(int=0), username="", name="store image", role="agent", site_id=None,
                   team_ids=frozenset(), site_ids=frozenset(), vip=False, active=True)
PART_BYTES = 4 << 20
PARTS_PER_TRANSACTION = 4
# Below this many tickets the stream takes a second or two: no image is made.
MIN_TICKETS = 5000
# An image is made again once the feed has numbered this share of the records it holds since.
STALE_SHARE = 0.05


@dataclass(frozen=True)
class Made:
    image: StoreImage
    tickets: int


def latest(session: Session, revision: str = HEAD_REVISION) -> StoreImage | None:
    return session.scalar(select(StoreImage).where(StoreImage.revision == revision)
                          .order_by(StoreImage.cursor.desc()).limit(1))


def due(session: Session, min_tickets: int = MIN_TICKETS, stale_share: float = STALE_SHARE) -> bool:
    """Whether an image should be made now (see the module's docstring)."""
    held = latest(session)
    cursor = int(session.scalar(select(SyncCounter.value).where(SyncCounter.id == 1)) or 0)
    if held is not None:
        return cursor - held.cursor > max(1, held.records * stale_share)
    return (session.scalar(select(func.count()).select_from(Ticket)) or 0) >= min_tickets


def _drop(session: Session, sha: str) -> None:
    """An image and its content (unless an attachment has the same content)."""
    session.execute(delete(StoreImage).where(StoreImage.sha256 == sha))
    if not session.scalar(select(exists().where(Attachment.sha256 == sha))):
        session.execute(delete(BlobPart).where(BlobPart.sha256 == sha))
        session.execute(delete(Blob).where(Blob.sha256 == sha))


def _drop_unfinished(session: Session) -> None:
    """Parts of an image whose making was cut short: parts of no blob and of no upload."""
    session.execute(delete(BlobPart).where(
        ~exists().where(Blob.sha256 == BlobPart.sha256), ~exists().where(BlobUpload.sha256 == BlobPart.sha256)))


def make(db: Database, now: datetime) -> Made:
    """Make an image of the database as it is now and keep it in place of the older."""
    with tempfile.TemporaryDirectory(prefix="branchdesk-image-") as folder:
        path = Path(folder) / "image.sqlite3"
        with db.read() as session:
            snapshot.begin(session)
            _version, document = render(session, shape_of(CENTRAL.role))
            tickets = int(session.scalar(select(func.count()).select_from(Ticket)) or 0)
            recorded = sweep_mark.recorded_through(session)
            store = Store.open(path, create=True)
            try:
                import_reference(store, json.loads(document))
            finally:
                store.close()
            taken = image.build(path, snapshot.lines(session, CENTRAL, None, now), recorded)
        packed = path.with_suffix(".zst")
        sha, size = image.pack(path, packed)
        with db.write() as session:
            _drop_unfinished(session)
        with packed.open("rb") as content:
            offset, done = 0, False
            while not done:
                with db.write() as session:
                    for _ in range(PARTS_PER_TRANSACTION):
                        data = content.read(PART_BYTES)
                        if not data:
                            done = True
                            break
                        session.add(BlobPart(sha256=sha, offset=offset, size=len(data), data=data))
                        offset += len(data)
    with db.write() as session:
        older = list(session.scalars(select(StoreImage.sha256)))
        insert_new(session, Blob, sha256=sha, size=size, data=None, created_at=now)
        made = StoreImage(sha256=sha, revision=HEAD_REVISION, cursor=taken.cursor, records=taken.rows, size=size,
                          built_at=now)
        session.add(made)
        for held in older:
            _drop(session, held)
    log.info("store image made", extra={"fields": {"cursor": taken.cursor, "records": taken.rows, "bytes": size}})
    return Made(made, tickets)


def content(db: Database, sha: str, size: int) -> Iterator[bytes]:
    """The image's compressed file, a part at a time, each read in a transaction of its own."""
    offset = 0
    while offset < size:
        with db.read() as session:
            data = session.scalar(select(BlobPart.data).where(BlobPart.sha256 == sha, BlobPart.offset == offset))
        if data is None:
            return  # made again and dropped meanwhile: the answer ends short, and the device sees it
        yield bytes(data)
        offset += len(data)
