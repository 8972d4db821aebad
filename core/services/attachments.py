"""Attaching a file to a ticket, and finding an attachment's content again.

The content is copied into the store's blob folder (core.blobs) before the row is
written; the row, its history event and its change entry are then one transaction.
If that transaction fails, a blob nobody names is left behind: harmless, since
content is addressed by its hash and the same file attached again reuses it."""

from __future__ import annotations

import mimetypes
import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.blobs import MAX_ATTACHMENT_BYTES, TooLarge, attachment_note, is_sha256
from core.errors import InvalidInput, NotFound
from core.ids import new_id
from core.models import Attachment, Ticket
from core.reference import UserInfo
from core.scope import can_see_ticket
from core.services.tickets import _require_open_for_change, find_ticket
from core.uow import UnitOfWork

NAME_MAX = 255
MEDIA_TYPE_MAX = 100
DEFAULT_MEDIA_TYPE = "application/octet-stream"


def _size_words(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB" if size >= 1024 * 1024 else f"{size} bytes"


def check_file(path: Path) -> int:
    """The file's size, or InvalidInput saying why it cannot be attached."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InvalidInput(f"no file {path}", "file") from None
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror}", "file") from None
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder; attach a file", "file")
    if not path.is_file():
        raise InvalidInput(f"{path} is not a regular file", "file")
    if info.st_size == 0:
        raise InvalidInput(f"{path} is empty", "file")
    if info.st_size > MAX_ATTACHMENT_BYTES:
        raise InvalidInput(f"{path} is {_size_words(info.st_size)}; an attachment may be at most "
                           f"{_size_words(MAX_ATTACHMENT_BYTES)}", "file")
    if not _readable(path):
        raise InvalidInput(f"cannot read {path}: permission denied", "file")
    return info.st_size


def _readable(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            handle.read(1)
    except OSError:
        return False
    return True


def _name_of(path: Path) -> str:
    name = path.name.strip()
    if not name:
        raise InvalidInput("the file has no name", "file")
    if "\\" in name:
        raise InvalidInput("the file's name holds a backslash; rename it first", "file")
    if len(name) > NAME_MAX:
        raise InvalidInput(f"the file's name is longer than {NAME_MAX} characters", "file")
    return name


def _media_type(name: str) -> str:
    guessed, _encoding = mimetypes.guess_type(name, strict=False)
    return guessed if guessed and len(guessed) <= MEDIA_TYPE_MAX else DEFAULT_MEDIA_TYPE


def attach(uow: UnitOfWork, actor: UserInfo, number: str, path: Path | str,
           at: datetime | None = None) -> Attachment:
    """Add a copy of the file at `path` to the ticket: anyone who sees the ticket may,
    while it is not closed or cancelled (as with comments)."""
    now = uow.now(at)
    path = Path(path)
    check_file(path)
    name = _name_of(path)
    ticket = find_ticket(uow, actor, number)
    _require_open_for_change(ticket)
    folder = uow.outbox.blobs()
    if folder is None:
        raise InvalidInput("files are attached on a branch store, whose sync uploads them", "file")
    try:
        sha, size = folder.put_file(path)
    except TooLarge:
        raise InvalidInput(f"{path} grew past {_size_words(MAX_ATTACHMENT_BYTES)} while it was read",
                           "file") from None
    except OSError as exc:
        raise InvalidInput(f"cannot copy {path}: {exc.strerror or exc}", "file") from None
    if size == 0:
        raise InvalidInput(f"{path} is empty", "file")
    return add_attachment(uow, actor, number, name, sha, size, now)


def add_attachment(
    uow: UnitOfWork, actor: UserInfo, number: str, name: str, sha256: str, size: int,
    at: datetime | None = None, id: uuid.UUID | None = None,
) -> Attachment:
    """The attachment record of content already held: copied in by `attach` here, or
    uploaded beforehand to the server, whose outbox says whether all of it arrived."""
    now = uow.now(at)
    ticket = find_ticket(uow, actor, number)
    _require_open_for_change(ticket)
    if not name.strip() or "/" in name or "\\" in name or len(name) > NAME_MAX:
        raise InvalidInput(f"an attachment needs a file name without folders, at most {NAME_MAX} characters",
                           "file")
    if not is_sha256(sha256):
        raise InvalidInput("an attachment's sha256 must be 64 lowercase hex digits", "file")
    if not 0 < size <= MAX_ATTACHMENT_BYTES:
        raise InvalidInput(f"an attachment's size must be from 1 to {MAX_ATTACHMENT_BYTES} bytes", "file")
    missing = uow.outbox.content_missing(uow.session, sha256, size)
    if missing is not None:
        raise InvalidInput(missing, "file")
    row = Attachment(id=id or new_id(), ticket_id=ticket.id, author_id=actor.id, name=name, sha256=sha256,
                     size=size, media_type=_media_type(name), created_at=now, device=uow.device)
    args = {"number": number, "name": name, "sha256": sha256, "size": size, "id": row.id}
    with uow.command("attach", args):
        uow.insert_child(actor, "attachment", row, ticket, now, history_note=attachment_note(name, size))
    return row


def find_attachment(session: Session, user: UserInfo, number: str, name: str) -> Attachment:
    """The ticket's attachment of that name (the latest, if it was attached twice), or
    NotFound. The ticket must be in the user's scope, as for every other read."""
    ticket = session.scalar(select(Ticket).where(Ticket.number == number))
    if ticket is None or not can_see_ticket(user, ticket):
        raise NotFound(f"no ticket {number}")
    found = session.scalar(
        select(Attachment).where(Attachment.ticket_id == ticket.id, Attachment.name == name)
        .order_by(Attachment.created_at.desc(), Attachment.id.desc()).limit(1)
    )
    if found is None:
        raise NotFound(f"ticket {number} has no attachment named {name!r}")
    return found
