"""Attachment content on the server: uploads taken chunk by chunk (resumable: a client
asks how much arrived and goes on from there), checked against their SHA-256 when
complete, and kept in the database for every server process to serve.

Each chunk is one row of blob_parts at its offset: appended, never rewritten with
what came before it, so an upload of N chunks writes N chunks (not N²/2) and no step
holds more than one chunk in memory. The SHA-256 is checked at the end by reading the
parts back one at a time. Small content written whole (mail attachments) stays in
blobs.data.

A chunk is appended under the upload row's lock (FOR UPDATE on PostgreSQL; SQLite's
write transactions are one at a time), so two clients sending the same content
cannot interleave their bytes; the loser is told where the upload now stands."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, exists, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from core.blobs import MAX_ATTACHMENT_BYTES
from core.models import Attachment, Ticket
from core.reference import UserInfo
from server.models import Blob, BlobPart, BlobUpload
from server.policy import ticket_scope


@dataclass(frozen=True)
class UploadState:
    size: int | None
    received: int
    complete: bool


class UploadRefused(Exception):
    def __init__(self, status: int, detail: str, state: UploadState | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.state = state


def insert_new(session: Session, model: type[Any], **values: Any) -> None:
    """INSERT a row unless one with its key is there (a racing writer's, on PostgreSQL)."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(insert(model).values(**values).on_conflict_do_nothing())


def _complete_size(session: Session, sha: str) -> int | None:
    return session.scalar(select(Blob.size).where(Blob.sha256 == sha))


def upload_state(session: Session, sha: str) -> UploadState:
    size = _complete_size(session, sha)
    if size is not None:
        return UploadState(size, size, True)
    upload = session.get(BlobUpload, sha)
    if upload is None:
        return UploadState(None, 0, False)
    return UploadState(upload.size, upload.received, False)


def _drop_parts(session: Session, sha: str) -> None:
    session.execute(delete(BlobPart).where(BlobPart.sha256 == sha))


def _parts(session: Session, sha: str) -> list[tuple[int, int]]:
    return [(o, s) for o, s in session.execute(
        select(BlobPart.offset, BlobPart.size).where(BlobPart.sha256 == sha).order_by(BlobPart.offset))]


def _digest(session: Session, sha: str) -> tuple[str, int]:
    """The SHA-256 and length of the parts, read back one part at a time."""
    digest, length = hashlib.sha256(), 0
    for offset, _size in _parts(session, sha):
        data = session.scalar(select(BlobPart.data).where(BlobPart.sha256 == sha, BlobPart.offset == offset))
        digest.update(data or b"")
        length += len(data or b"")
    return digest.hexdigest(), length


def put_chunk(session: Session, sha: str, start: int, total: int, chunk: bytes, now: datetime) -> UploadState:
    """Append `chunk` at offset `start` of an upload of `total` bytes."""
    if total > MAX_ATTACHMENT_BYTES:
        raise UploadRefused(413, f"an attachment may be at most {MAX_ATTACHMENT_BYTES} bytes; this one is {total}")
    size = _complete_size(session, sha)
    if size is not None:
        # Content already here (from this client before, or anyone else): nothing to send.
        return UploadState(size, size, True)
    if start == 0:
        insert_new(session, BlobUpload, sha256=sha, size=total, received=0, updated_at=now)
    upload = session.scalar(select(BlobUpload).where(BlobUpload.sha256 == sha).with_for_update())
    if upload is None:
        raise UploadRefused(409, "0 bytes of this upload have arrived; send from byte 0", UploadState(total, 0, False))
    received = upload.received
    if upload.size != total:
        # The size is part of what the client claims about the content; a new claim starts over.
        if start != 0:
            raise UploadRefused(409, f"this upload is of {upload.size} bytes, not {total}; start again from 0",
                                UploadState(upload.size, received, False))
        _drop_parts(session, sha)
        upload.size, upload.received, received = total, 0, 0
    if start != received:
        raise UploadRefused(409, f"{received} bytes of this upload have arrived; send from byte {received}",
                            UploadState(total, received, False))
    if received + len(chunk) > total:
        raise UploadRefused(422, f"the chunk runs past the upload's {total} bytes")
    session.add(BlobPart(sha256=sha, offset=start, size=len(chunk), data=chunk))
    upload.received, upload.updated_at = received + len(chunk), now
    session.flush()
    if upload.received < total:
        return UploadState(total, upload.received, False)
    session.delete(upload)
    digest, length = _digest(session, sha)
    if digest != sha or length != total:
        _drop_parts(session, sha)
        session.flush()
        raise UploadRefused(422, "the content's SHA-256 is not the one named; the upload was discarded, "
                                 "send it again from byte 0", UploadState(None, 0, False))
    session.add(Blob(sha256=sha, size=total, data=None, created_at=now))
    session.flush()
    return UploadState(total, total, True)


def missing_reason(session: Session, sha: str, size: int) -> str | None:
    """Why an attachment naming this content cannot be taken yet (push asks), or None."""
    stored = _complete_size(session, sha)
    if stored is None:
        return f"the attachment's content ({sha[:12]}…) has not been uploaded completely; sync again to send it"
    if stored != size:
        return f"the attachment says {size} bytes, but its content is {stored} bytes"
    return None


def may_read(session: Session, user: UserInfo, sha: str) -> bool:
    """Whether some ticket the user sees holds an attachment with this content."""
    return bool(session.scalar(select(exists().where(
        Attachment.sha256 == sha, Attachment.ticket_id == Ticket.id, ticket_scope(user),
    ))))


def read_blob(session: Session, sha: str, start: int, end: int | None) -> tuple[bytes, int] | None:
    """Bytes `start`..`end` (inclusive; None: to the end) and the blob's whole size."""
    size = _complete_size(session, sha)
    if size is None:
        return None
    last = size - 1 if end is None else min(end, size - 1)
    if start > last:
        return b"", size
    return b"".join(_range(session, sha, start, last)), size


def _range(session: Session, sha: str, start: int, last: int) -> Iterator[bytes]:
    # Only the range leaves the database (substr works on SQLite blobs and PostgreSQL bytea alike).
    whole = session.scalar(select(func.length(Blob.data)).where(Blob.sha256 == sha, Blob.data.is_not(None)))
    if whole is not None:
        yield bytes(session.scalar(select(func.substr(Blob.data, start + 1, last - start + 1))
                                   .where(Blob.sha256 == sha)) or b"")
        return
    rows = session.execute(
        select(BlobPart.offset, BlobPart.size).where(
            BlobPart.sha256 == sha, BlobPart.offset <= last, BlobPart.offset + BlobPart.size > start)
        .order_by(BlobPart.offset)).all()
    for offset, part_size in rows:
        begin = max(start, offset) - offset
        stop = min(last, offset + part_size - 1) - offset
        yield bytes(session.scalar(select(func.substr(BlobPart.data, begin + 1, stop - begin + 1))
                                   .where(BlobPart.sha256 == sha, BlobPart.offset == offset)) or b"")


def content(session: Session, sha: str) -> bytes | None:
    """The whole content (for tests and small tools: it is held in memory at once)."""
    found = read_blob(session, sha, 0, None)
    return None if found is None else found[0]
