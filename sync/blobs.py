"""Attachment content between a store's blob folder and the server (DESIGN §6:
uploaded and downloaded separately and resumably).

Before a push, the content of every attachment it carries goes up, from where the
server says its upload stands; the server takes an attachment only once its content
is complete. After a pull, content this store lacks comes down into `<sha>.part`,
resumed from the part's size, and is renamed into place only once its SHA-256 is
right. A failure leaves what arrived on either side for the next sync to go on from."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import select

from core.blobs import MIB, BlobFolder, is_sha256
from core.models import Attachment, ChangeEntry
from core.store import Store

CHUNK = MIB
# A 409 means another client moved the upload on meanwhile; this many in a row is a fault.
MAX_RESUMES = 5

Call = Callable[..., Any]


class TransferError(Exception):
    """The server cannot take or give content now (it failed, or answered nonsense)."""


class Refused(TransferError):
    """The server refused one blob's content for what it is: trying again will not help."""


def _detail(answer: Any) -> str:
    try:
        body = answer.json()
    except ValueError:
        return f"HTTP {answer.status_code}"
    detail = body.get("detail") if isinstance(body, dict) else None
    return str(detail) if detail else f"HTTP {answer.status_code}"


class BlobSync:
    def __init__(self, store: Store, call: Call) -> None:
        self.store = store
        self.folder = BlobFolder.beside(store.path)
        self.call = call

    # -- up ---------------------------------------------------------------------
    def upload_for(self, entries: Iterable[ChangeEntry]) -> tuple[int, list[str]]:
        """Send the content of the pending attachment entries among `entries`; returns
        how many blobs went up, and why others did not. One whose content is not here,
        or that the server refuses, is left to push: the server then refuses its entry
        with a reason, and the entries after it go on."""
        wanted: dict[str, int] = {}
        for entry in entries:
            if entry.kind != "attachment" or entry.state != "pending":
                continue
            sha, size = entry.data.get("sha256"), entry.data.get("size")
            if isinstance(sha, str) and is_sha256(sha) and isinstance(size, int) and size > 0 \
                    and self.folder.has(sha, size):
                wanted[sha] = size
        uploaded, problems = 0, []
        for sha, size in wanted.items():
            try:
                uploaded += self._upload(sha, size)
            except Refused as exc:
                problems.append(str(exc))
        return uploaded, problems

    def _state(self, sha: str) -> dict[str, Any]:
        answer = self.call("GET", f"/blobs/{sha}/upload")
        if answer.status_code != 200:
            raise TransferError(f"the server refused to say how far the upload of {sha[:12]} is: {_detail(answer)}")
        state: dict[str, Any] = answer.json()
        return state

    def _upload(self, sha: str, size: int) -> bool:
        """Send what the server lacks of one blob; True if any bytes went up."""
        state = self._state(sha)
        sent = False
        resumes = 0
        with self.folder.open(sha) as handle:
            while not state.get("complete"):
                offset = int(state.get("received") or 0) if state.get("size") in (None, size) else 0
                handle.seek(offset)
                chunk = handle.read(CHUNK)
                if not chunk:
                    raise Refused(f"the server has {offset} bytes of {sha[:12]}, more than this store's {size}")
                end = offset + len(chunk) - 1
                answer = self.call("PUT", f"/blobs/{sha}", data=chunk, headers={
                    "Content-Range": f"bytes {offset}-{end}/{size}", "Content-Type": "application/octet-stream"})
                if answer.status_code == 409 and resumes < MAX_RESUMES:
                    resumes += 1  # the server's count moved on (or back): go on from where it stands
                    state = self._state(sha)
                    continue
                if 400 <= answer.status_code < 500:
                    raise Refused(f"the server refused content {sha[:12]}: {_detail(answer)}")
                if answer.status_code != 200:
                    raise TransferError(f"the server could not take content {sha[:12]}: {_detail(answer)}")
                sent = True
                resumes = 0
                state = answer.json()
        return sent

    # -- down -------------------------------------------------------------------
    def missing(self) -> list[tuple[str, int]]:
        """Content of attachments this store holds but lacks (those pull brought in)."""
        with self.store.read() as session:
            rows = session.execute(select(Attachment.sha256, Attachment.size).distinct()).all()
        return [(sha, size) for sha, size in rows if is_sha256(sha) and not self.folder.has(sha, size)]

    def download_missing(self) -> tuple[int, list[str]]:
        """Fetch what `missing` lists; returns how many arrived, and why others did not."""
        downloaded, problems = 0, []
        for sha, size in self.missing():
            problem = self._download(sha, size)
            if problem is None:
                downloaded += 1
            else:
                problems.append(problem)
        return downloaded, problems

    def _download(self, sha: str, size: int) -> str | None:
        part = self.folder.part_path(sha)
        part.parent.mkdir(parents=True, exist_ok=True)
        with part.open("ab") as out:
            offset = out.tell()
            if offset > size:
                out.truncate(0)
                offset = 0
            while offset < size:
                last = min(offset + CHUNK, size) - 1
                answer = self.call("GET", f"/blobs/{sha}", headers={"Range": f"bytes={offset}-{last}"})
                if answer.status_code == 404:
                    return f"the content of an attachment ({sha[:12]}) is not on the server: {_detail(answer)}"
                if answer.status_code == 200:
                    # the whole content, not a range: start the part again with it
                    out.seek(0)
                    out.truncate(0)
                    offset = 0
                elif answer.status_code != 206:
                    raise TransferError(f"the server refused content {sha[:12]}: {_detail(answer)}")
                data = answer.content
                if not data:
                    raise TransferError(f"the server sent no bytes of {sha[:12]} from byte {offset}")
                out.write(data)
                # on disk before the next request: a resumed download trusts the part's size
                out.flush()
                os.fsync(out.fileno())
                offset += len(data)
        if not self.folder.install_part(sha):
            return f"the content {sha[:12]} that arrived does not match its SHA-256; it will be fetched again"
        return None
