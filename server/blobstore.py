"""Attachment content on the server: uploads taken chunk by chunk (resumable: a client
asks how much arrived and goes on from there), checked against their SHA-256 when
complete, and kept in the database for every server process to serve.

A chunk is appended under the upload row's lock (FOR UPDATE on PostgreSQL; SQLite's
write transactions are one at a time), so two clients sending the same content
cannot interleave their bytes; the loser is told where the upload now stands."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from core.blobs import MAX_ATTACHMENT_BYTES
from core.models import Attachment, Ticket
from core.reference import UserInfo
from server.models import Blob, BlobUpload
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


def _complete_size(session: Session, sha: str) -> int | None:
    return session.scalar(select(Blob.size).where(Blob.sha256 == sha))


def upload_state(session: Session, sha: str) -> UploadState:
    size = _complete_size(session, sha)
    if size is not None:
        return UploadState(size, size, True)
    upload = session.get(BlobUpload, sha)
    if upload is None:
        return UploadState(None, 0, False)
    return UploadState(upload.size, len(upload.data), False)


def put_chunk(session: Session, sha: str, start: int, total: int, chunk: bytes, now: datetime) -> UploadState:
    """Append `chunk` at offset `start` of an upload of `total` bytes."""
    if total > MAX_ATTACHMENT_BYTES:
        raise UploadRefused(413, f"an attachment may be at most {MAX_ATTACHMENT_BYTES} bytes; this one is {total}")
    size = _complete_size(session, sha)
    if size is not None:
        # Content already here (from this client before, or anyone else): nothing to send.
        return UploadState(size, size, True)
    upload = session.scalar(select(BlobUpload).where(BlobUpload.sha256 == sha).with_for_update())
    received = len(upload.data) if upload is not None else 0
    if upload is not None and upload.size != total:
        # The size is part of what the client claims about the content; a new claim starts over.
        if start != 0:
            raise UploadRefused(409, f"this upload is of {upload.size} bytes, not {total}; start again from 0",
                                UploadState(upload.size, received, False))
        upload.size, upload.data, received = total, b"", 0
    if start != received:
        raise UploadRefused(409, f"{received} bytes of this upload have arrived; send from byte {received}",
                            UploadState(total, received, False))
    if received + len(chunk) > total:
        raise UploadRefused(422, f"the chunk runs past the upload's {total} bytes")
    data = (upload.data if upload is not None else b"") + chunk
    if len(data) < total:
        if upload is None:
            session.add(BlobUpload(sha256=sha, size=total, data=data, updated_at=now))
        else:
            upload.data, upload.updated_at = data, now
        session.flush()
        return UploadState(total, len(data), False)
    if upload is not None:
        session.delete(upload)
    if hashlib.sha256(data).hexdigest() != sha:
        session.flush()
        raise UploadRefused(422, "the content's SHA-256 is not the one named; the upload was discarded, "
                                 "send it again from byte 0", UploadState(None, 0, False))
    session.add(Blob(sha256=sha, size=total, data=data, created_at=now))
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
    # Only the range leaves the database (substr works on SQLite blobs and PostgreSQL bytea alike).
    data = session.scalar(select(func.substr(Blob.data, start + 1, last - start + 1)).where(Blob.sha256 == sha))
    return bytes(data or b""), size
