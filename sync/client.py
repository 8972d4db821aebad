"""The branch client's conversation with the central server: log in, push pending
changes, pull what changed, fetch reference data, and keep at it in connected mode.

HTTP through one requests.Session with timeouts and retries with backoff on
connection errors and 5xx answers; a push may be retried safely because the
server answers an entry it already has with its first answer."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.orm import Session
from urllib3.util.retry import Retry

from core.errors import BranchdeskError
from core.migrate import HEAD_REVISION
from core.models import ChangeEntry, StoreMeta
from core.store import Store, set_meta
from core.uow import ChangeSet
from sync import bootstrap, image
from sync.blobs import BlobSync, TransferError
from sync.legacy import upgrade_pending
from sync.protocol import (
    ANSWERED_HEADER,
    EPOCH_HEADER,
    IMAGE_RECORDS_HEADER,
    IMAGE_SHA_HEADER,
    MAX_BATCH,
    MAX_PAGE,
    PROTOCOL_VERSION,
    WIRE_SCHEMA,
    EntryIn,
    PullResponse,
    PushRequest,
    PushResponse,
)
from sync.reference import import_reference
from sync.replica import apply_pull, apply_results, take_new_client_id

log = logging.getLogger("branchdesk.sync")

TIMEOUT = (5, 60)
# Records asked for a page: the most the server gives. A page with
# more to come computes its tickets' SLA figures from the history the store holds; the
# last page takes the server's, so fewer, larger pages compute less: 1,000 changes
# (some 4,300 records) come in one page.
PAGE = MAX_PAGE
# How long a store keeps the changes the server has answered: long enough that a
# server restored from a backup this old gets every one of them again (server_restored).
KEEP_ANSWERED = timedelta(days=30)
SNAPSHOT_CHUNK = 1 << 18
# Called with the records taken in so far (SyncClient.snapshot_total says how many a
# snapshot holds in all while one is taken in).
Progress = Callable[[int], None]


class SyncError(BranchdeskError):
    pass


class ServerUnreachable(SyncError):
    """No answer at all: the link is down, the server is not running, or its
    certificate is not trusted. Nothing was changed on either side."""


class UpdateRequired(SyncError):
    """The server speaks a newer protocol or schema; unsent entries stay until updated."""


class NotSignedIn(SyncError):
    pass


def http_session(ca_bundle: str | None = None, retries: int = 4) -> requests.Session:
    session = requests.Session()
    # A refused connection is retried only briefly: offline is a normal state of a
    # branch, and each caller has its own slower retry (the next sync, the window's backoff).
    retry = Retry(
        total=retries, connect=min(retries, 2), read=retries, status=retries, backoff_factor=0.5,
        status_forcelist=(502, 503, 504), allowed_methods=None, raise_on_status=False,
    )
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    if ca_bundle:
        session.verify = ca_bundle
    session.headers["User-Agent"] = "branchdesk-client"
    return session


@dataclass
class SyncSummary:
    pushed: int = 0
    applied: int = 0
    merged: int = 0
    rejected: int = 0
    pulled: int = 0
    # attachment content sent and fetched, and why some could not be fetched
    uploaded: int = 0
    downloaded: int = 0
    changes: ChangeSet = field(default_factory=ChangeSet)
    reasons: list[str] = field(default_factory=list)
    transfer_problems: list[str] = field(default_factory=list)
    # answered changes older than KEEP_ANSWERED forgotten at the end of the round
    pruned: int = 0


class SyncClient:
    def __init__(self, store: Store, server: str, token: str, *, ca_bundle: str | None = None,
                 http: requests.Session | None = None) -> None:
        self.store = store
        self.server = server.rstrip("/")
        self.http = http or http_session(ca_bundle)
        self.http.headers.update({
            "Authorization": f"Bearer {token}",
            "X-Branchdesk-Protocol": str(PROTOCOL_VERSION),
            "X-Branchdesk-Schema": WIRE_SCHEMA,
        })
        self.blobs = BlobSync(store, self._call)
        # a store that has never pulled starts from a snapshot (False: page by page, as
        # a server from before snapshots has it)
        self.snapshots = True
        self.snapshot_total = 0

    # -- HTTP ------------------------------------------------------------------
    def _call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        try:
            answer = self.http.request(method, self.server + path, timeout=kwargs.pop("timeout", TIMEOUT), **kwargs)
        except requests.exceptions.SSLError as exc:
            raise ServerUnreachable(f"the server's certificate is not trusted: {exc}") from None
        except requests.RequestException as exc:
            raise ServerUnreachable(f"cannot reach the server at {self.server}: {type(exc).__name__}") from None
        if answer.status_code == 401:
            raise NotSignedIn("the server no longer accepts this session; run 'branchdesk login' again")
        if answer.status_code == 426:
            raise UpdateRequired(_detail(answer) or "the server needs a newer Branchdesk; update to sync")
        return answer

    def _offset(self, sent: float, received: float, server_time: datetime) -> int:
        """Seconds to add to this device's clock to agree with the server's."""
        middle = (sent + received) / 2
        return round(server_time.timestamp() - middle)

    # -- reference data ----------------------------------------------------------
    def fetch_reference(self) -> int | None:
        headers = {}
        held = self.store.meta("reference_etag")  # the server's tag: it names the version and the role's shape
        if held:
            headers["If-None-Match"] = held
        answer = self._call("GET", "/reference", headers=headers)
        if answer.status_code == 304:
            return None
        if answer.status_code != 200:
            raise SyncError(f"the server refused reference data: {_detail(answer)}")
        return import_reference(self.store, answer.json(), etag=answer.headers.get("ETag"))

    # -- push ------------------------------------------------------------------
    def pending(self) -> int:
        with self.store.read() as session:
            return session.scalar(select(func.count()).where(ChangeEntry.state == "pending")) or 0

    def push(self, summary: SyncSummary | None = None) -> SyncSummary:
        summary = summary or SyncSummary()
        renewed = restored = False
        upgrade_pending(self.store)
        while True:
            with self.store.read() as session:
                entries = session.scalars(
                    select(ChangeEntry).where(ChangeEntry.state == "pending").order_by(ChangeEntry.seq)
                    .limit(MAX_BATCH)
                ).all()
            if not entries:
                return summary
            entries = _whole_commands(list(entries))
            # the server takes an attachment only with all of its content there before it
            uploaded, problems = self._transfer(self.blobs.upload_for, entries)
            summary.uploaded += uploaded
            summary.transfer_problems += problems
            request = PushRequest(
                protocol=PROTOCOL_VERSION, schema_revision=WIRE_SCHEMA, client_id=self.store.client_id,
                entries=[EntryIn.model_validate(_entry_in(e)) for e in entries],
            )
            answer = self._call("POST", "/sync/push", data=request.model_dump_json(),
                                headers={"Content-Type": "application/json",
                                         "X-Branchdesk-Device": self.store.device_code, **self._epoch()})
            if answer.status_code == 412 and not restored:
                self.server_restored(answer)
                restored = True
                continue
            if answer.status_code == 409 and not renewed:
                # restored from a copy: its numbers were used; once is enough to fix that
                take_new_client_id(self.store)
                renewed = True
                continue
            if answer.status_code != 200:
                raise SyncError(f"the server refused the push: {_detail(answer)}")
            self._note_epoch(answer)
            response = PushResponse.model_validate_json(answer.content)
            summary.changes.merge(apply_results(self.store, response.results, response.server_time))
            summary.pushed += len(response.results)
            for result in response.results:
                setattr(summary, result.outcome, getattr(summary, result.outcome) + 1)
                if result.outcome == "rejected" and result.reason:
                    summary.reasons.append(result.reason)

    # -- pull ------------------------------------------------------------------
    def pull(self, summary: SyncSummary | None = None, *, wait: int = 0,
             progress: Progress | None = None, restored: bool = False) -> SyncSummary:
        summary = summary or SyncSummary()
        if self.snapshots and self.store.meta("sync_cursor") is None:
            # a store that has never pulled starts from a snapshot, then pulls after it
            self.snapshot(summary, progress)
        # SLA figures wait for the last page (see apply_pull); a pull cut short before
        # it left a mark, and this one computes every ticket's figures at its end
        deferred: set[uuid.UUID] = set()
        refresh_all = self.store.meta("sla_refresh_due") == "1"
        snapshot = int(self.store.meta("sync_cursor") or 0) == 0
        while True:
            cursor = int(self.store.meta("sync_cursor") or 0)
            sent = time.time()
            answer = self._call("GET", "/sync/pull", params={"cursor": cursor, "limit": PAGE, "wait": wait,
                                                             "client": str(self.store.client_id)},
                                headers=self._epoch(), timeout=(5, wait + 60))
            received = time.time()
            if answer.status_code == 412 and not restored:
                # the server went back to a backup: start again from a snapshot of it
                self.server_restored(answer)
                return self.pull(summary, progress=progress, restored=True)
            if answer.status_code != 200:
                raise SyncError(f"the server refused the pull: {_detail(answer)}")
            self._note_epoch(answer)
            page = PullResponse.model_validate_json(answer.content)
            offset = self._offset(sent, received, page.server_time)
            summary.changes.merge(apply_pull(self.store, page, offset=offset, deferred=deferred, snapshot=snapshot,
                                             refresh_all=refresh_all and not page.more))
            summary.pulled += len(page.records)
            if progress:
                progress(summary.pulled)
            if not page.more:
                break
            wait = 0
        # Content is looked for only when pulls brought attachments in (or an earlier
        # download did not finish): not on every long poll of connected mode.
        if self.store.meta("blob_downloads_due") == "1":
            downloaded, problems = self._transfer(self.blobs.download_missing)
            summary.downloaded += downloaded
            summary.transfer_problems += problems
            if not problems:
                with self.store.write() as session:
                    set_meta(session, "blob_downloads_due", "0")
        return summary

    # -- the server's epoch ----------------------------------------------------
    def _epoch(self) -> dict[str, str]:
        known = self.store.meta("server_epoch")
        return {EPOCH_HEADER: known} if known else {}

    def _note_epoch(self, answer: requests.Response) -> None:
        epoch = answer.headers.get(EPOCH_HEADER)
        if epoch and epoch != self.store.meta("server_epoch"):
            with self.store.write() as session:
                self.store.set_meta(session, "server_epoch", epoch)

    def server_restored(self, answer: requests.Response) -> None:
        """The server was restored from a backup after this store last synced (412). Its
        own changes the server no longer holds (numbered after the count it gives) are
        unsent again, and the cursor is dropped, so the next pull takes a snapshot of the
        server as it now is with every unsent change replayed over it, and the next push
        sends them again. Changes the lost server had refused stay refused."""
        epoch = answer.headers.get(EPOCH_HEADER, "")
        through = answer.headers.get(ANSWERED_HEADER, "")
        if not epoch or not through.isdigit():
            raise SyncError(f"the server says it was restored but not how far it holds this device's changes: "
                            f"{_detail(answer)}")
        with self.store.write() as session:
            session.execute(
                update(ChangeEntry)
                .where(ChangeEntry.client_id == self.store.client_id, ChangeEntry.seq > int(through),
                       ChangeEntry.state.in_(("applied", "merged")))
                .values(state="pending", answer=None))
            session.execute(delete(StoreMeta).where(StoreMeta.key == "sync_cursor"))
            self.store.set_meta(session, "server_epoch", epoch)
        self.store.forget_meta()

    def snapshot(self, summary: SyncSummary, progress: Progress | None = None) -> bool:
        """Take the caller's scope as one stream (sync.snapshot) into the store, in one
        transaction with its cursor (or, for a new central device, the server's store
        image: sync.image). False when the server offers no snapshots."""
        if self.image(summary, progress):
            return True
        sent = time.time()
        answer = self._call("GET", "/sync/snapshot", params={"client": str(self.store.client_id)},
                            stream=True, timeout=(5, 300))
        received = time.time()
        if answer.status_code == 404:
            return False  # a server from before snapshots: the store pulls page by page
        if answer.status_code != 200:
            raise SyncError(f"the server refused the snapshot: {_detail(answer)}")
        already = summary.pulled

        def taking(done: int, total: int) -> None:
            self.snapshot_total = already + total
            if progress:
                progress(already + done)

        try:
            taken = bootstrap.take(
                self.store, bootstrap.split_lines(answer.iter_content(SNAPSHOT_CHUNK)),
                offset_of=lambda server_time: self._offset(sent, received, server_time), progress=taking)
        except requests.RequestException as exc:
            raise ServerUnreachable(f"the snapshot from {self.server} was cut short: {type(exc).__name__}") from None
        except bootstrap.SnapshotError as exc:
            raise SyncError(str(exc)) from None
        finally:
            answer.close()
            self.snapshot_total = 0
        summary.pulled += taken.rows
        summary.changes.merge(taken.changes)
        return True

    def image(self, summary: SyncSummary, progress: Progress | None = None) -> bool:
        """Take the server's store image into a new store (sync.image). False when there
        is none for this person and schema, or this store cannot take it as it is: the
        stream is taken then."""
        held = self.store.path.with_name(self.store.path.name + ".image")
        held.unlink(missing_ok=True)  # one a device killed while taking it left behind
        with self.store.read() as session:
            if not image.is_new(session):
                return False
        sent = time.time()
        answer = self._call("GET", "/sync/image", params={"revision": HEAD_REVISION}, stream=True,
                            timeout=(5, 300))
        received = time.time()
        try:
            if answer.status_code != 200:
                return False  # none for this person or schema (or a server from before images)
            records = int(answer.headers.get(IMAGE_RECORDS_HEADER) or 0)
            size = max(1, int(answer.headers.get("Content-Length") or 0))
            already = summary.pulled
            self.snapshot_total = already + records
            got = 0

            def chunks() -> Iterator[bytes]:
                nonlocal got
                for chunk in answer.iter_content(SNAPSHOT_CHUNK):
                    got += len(chunk)
                    if progress:
                        progress(already + records * min(got, size) // size)
                    yield chunk

            date = answer.headers.get("Date")
            offset = self._offset(sent, received, parsedate_to_datetime(date)) if date else None
            image.unpack(chunks(), held, answer.headers.get(IMAGE_SHA_HEADER, ""))
            # a store nobody else has open becomes the image; one that is open elsewhere copies it
            taken = image.adopt(self.store, held, offset=offset) or image.take_image(self.store, held,
                                                                                    offset=offset)
        except requests.RequestException as exc:
            raise ServerUnreachable(f"the store image from {self.server} was cut short: {type(exc).__name__}") from None
        except (image.ImageError, ValueError) as exc:
            log.info("store image not taken, taking the snapshot instead: %s", exc)
            return False
        finally:
            answer.close()
            held.unlink(missing_ok=True)
            self.snapshot_total = 0
        summary.pulled += taken.rows
        summary.changes.merge(taken.changes)
        return True

    def _transfer(self, work: Callable[..., Any], *args: Any) -> Any:
        try:
            return work(*args)
        except TransferError as exc:
            raise SyncError(str(exc)) from None
        except OSError as exc:
            raise SyncError(f"attachment content cannot be read or written here: {exc}") from None

    def sync(self, progress: Progress | None = None) -> SyncSummary:
        """Push and pull until nothing is left either way."""
        summary = SyncSummary()
        self.fetch_reference()
        self.push(summary)
        self.pull(summary, progress=progress)
        # Pulling may have computed SLA events of its own; send them too.
        if self.pending():
            self.push(summary)
        with self.store.write() as session:
            now = datetime.now(UTC)
            self.store.set_meta(session, "last_sync_at", now.isoformat())
            summary.pruned = prune_answered(session, now - KEEP_ANSWERED)
        return summary


def prune_answered(session: Session, before: datetime) -> int:
    """Forget the changes made before an instant that the server has answered: applied,
    merged, or refused and acknowledged. What waits to be sent, and a refusal nobody
    has looked at yet, stay. Returns how many went."""
    answered = or_(ChangeEntry.state.in_(("applied", "merged")),
                   and_(ChangeEntry.state == "rejected", ChangeEntry.acknowledged_at.is_not(None)))
    result = session.execute(delete(ChangeEntry).where(answered, ChangeEntry.occurred_at < before))
    return int(getattr(result, "rowcount", 0) or 0)


def _entry_in(entry: ChangeEntry) -> dict[str, Any]:
    return {
        "id": entry.id, "seq": entry.seq, "kind": entry.kind, "record_id": entry.record_id, "op": entry.op,
        "data": entry.data, "base": entry.base, "actor_id": entry.actor_id, "occurred_at": entry.occurred_at,
        "hlc": entry.hlc, "command": entry.command if entry.command and "name" in entry.command else None,
        "part_of": entry.command.get("part_of") if entry.command else None,
    }


def _whole_commands(entries: list[ChangeEntry]) -> list[ChangeEntry]:
    """A full batch ends before the last command in it, which may go on in the next:
    the server answers a command as one, so it is sent whole."""
    if len(entries) < MAX_BATCH:
        return entries
    for index in range(len(entries) - 1, 0, -1):
        if not (entries[index].command or {}).get("part_of"):
            return entries[:index]
    return entries


def _detail(answer: requests.Response) -> str:
    try:
        body = answer.json()
    except ValueError:
        return f"HTTP {answer.status_code}"
    if isinstance(body, dict) and "detail" in body:
        detail = body["detail"]
        return detail if isinstance(detail, str) else str(detail)
    return f"HTTP {answer.status_code}"

