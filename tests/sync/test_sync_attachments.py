"""Attachments across sync (DESIGN §6: content-addressed blobs, uploaded and downloaded
separately and resumably; insert-only, never in conflict). In process (the server app
behind a TestClient, real stores on disk) and with real processes, on SQLite and on
PostgreSQL: the content reaches every replica that sees the ticket byte for byte; an
attachment whose content never arrived is refused entry by entry; interrupted uploads
and downloads go on from where they stopped; wrong content is refused; and content is
served only to those who see a ticket holding it."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path
from typing import Any

from sqlalchemy import select

from core.blobs import MAX_ATTACHMENT_BYTES, MIB, BlobFolder
from core.models import Attachment
from core.services import tickets as svc
from core.services.attachments import attach
from server import blobstore
from server.models import Blob, BlobUpload

POS = dict(category="Hardware/POS terminal", impact="medium", urgency="medium", fields={"terminal_id": "T-1"})


def content(size: int, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(size)


def sha_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def attached(replica: Any, tmp_path: Path, data: bytes, name: str = "till-photo.jpg") -> tuple[str, Attachment]:
    """A ticket logged by the replica's person and a file attached to it, offline."""
    ticket = replica.run(svc.create, svc.NewTicket(title="Pump 2 does not take cards", **POS))
    source = tmp_path / "files" / name
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_bytes(data)
    return ticket.number, replica.run(attach, ticket.number, source)


def blob_path(replica: Any, sha: str) -> Path:
    return BlobFolder.beside(replica.store.path).path(sha)


def recording(replica: Any) -> list[tuple[str, str, dict[str, str]]]:
    """Every request the replica's client sends from now on: method, path, headers."""
    sent: list[tuple[str, str, dict[str, str]]] = []
    original = replica.http.request

    def request(method: str, url: str, **kwargs: Any) -> Any:
        sent.append((method, url.removeprefix(replica.client.server), dict(kwargs.get("headers") or {})))
        return original(method, url, **kwargs)

    replica.http.request = request
    return sent


def auth(cluster: Any, username: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {cluster.token(username)}"}


def put(cluster: Any, headers: dict[str, str], sha: str, data: bytes, start: int, total: int) -> Any:
    return cluster.http.put(f"/blobs/{sha}", content=data, headers={
        **headers, "Content-Range": f"bytes {start}-{start + len(data) - 1}/{total}"})


def status(cluster: Any, headers: dict[str, str], sha: str) -> dict[str, Any]:
    answer = cluster.http.get(f"/blobs/{sha}/upload", headers=headers)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


# -- end to end ------------------------------------------------------------------------------

def test_an_attachment_made_offline_reaches_the_central_desk_byte_for_byte(cluster, tmp_path):
    anna, tom, ada, ola = (cluster.replica(name) for name in ("anna", "tom", "ada", "ola"))
    data = content(2 * MIB + 12345)  # three chunks
    number, row = attached(anna, tmp_path, data)
    assert blob_path(anna, row.sha256).read_bytes() == data

    summary = anna.sync()
    assert (summary.uploaded, summary.applied, summary.rejected) == (1, 2, 0)
    with cluster.db.read() as session:
        assert blobstore.content(session, row.sha256) == data
        assert session.scalars(select(BlobUpload)).all() == []
        assert session.get_one(Attachment, row.id).sha256 == row.sha256

    summary = ada.sync()
    assert summary.downloaded == 1
    assert blob_path(ada, row.sha256).read_bytes() == data
    assert not BlobFolder.beside(ada.store.path).part_path(row.sha256).exists()
    assert tom.sync().downloaded == 1 and blob_path(tom, row.sha256).read_bytes() == data
    # the requester at the other site does not see the ticket, so neither row nor content
    assert ola.sync().downloaded == 0 and not blob_path(ola, row.sha256).exists()
    # nothing is fetched twice
    assert ada.sync().downloaded == 0
    cluster.settle()
    cluster.check()


def test_the_same_content_attached_twice_goes_up_once(cluster, tmp_path):
    anna, ada = cluster.replica("anna"), cluster.replica("ada")
    data = content(5000)
    number, first = attached(anna, tmp_path, data, "a.log")
    second = anna.run(attach, number, tmp_path / "files" / "a.log")
    assert first.sha256 == second.sha256
    summary = anna.sync()
    assert (summary.uploaded, summary.rejected) == (1, 0)
    assert ada.sync().downloaded == 1
    with ada.store.read() as session:
        assert {a.id for a in session.scalars(select(Attachment))} == {first.id, second.id}
    cluster.check()


def test_an_attachment_whose_content_never_arrived_is_rejected_with_a_reason(cluster, tmp_path):
    anna = cluster.replica("anna")
    number, row = attached(anna, tmp_path, content(3000))
    blob_path(anna, row.sha256).unlink()  # the content is gone before it could be sent
    summary = anna.sync()
    assert (summary.uploaded, summary.applied, summary.rejected) == (0, 1, 1)
    [reason] = summary.reasons
    assert "has not been uploaded" in reason
    with cluster.db.read() as session:
        assert session.get(Attachment, row.id) is None
    with anna.store.read() as session:  # refused: the store holds what the server holds
        assert session.scalars(select(Attachment)).all() == []
    assert anna.numbers() == [number]
    cluster.settle()
    cluster.check()


def test_content_damaged_on_the_device_is_refused_and_the_push_goes_on(cluster, tmp_path):
    anna = cluster.replica("anna")
    data = content(4000)
    number, row = attached(anna, tmp_path, data)
    blob_path(anna, row.sha256).write_bytes(b"\0" * len(data))  # the disk went bad under it
    anna.run(svc.comment, number, "photo attached")
    summary = anna.sync()
    assert (summary.uploaded, summary.applied, summary.rejected) == (0, 2, 1)
    assert any("SHA-256" in p for p in summary.transfer_problems)
    assert "has not been uploaded" in summary.reasons[0]
    with cluster.db.read() as session:
        assert session.scalars(select(Blob)).all() == [] and session.scalars(select(BlobUpload)).all() == []
    cluster.settle()
    cluster.check()


def test_an_interrupted_upload_resumes_from_what_the_server_received(cluster, tmp_path):
    anna = cluster.replica("anna")
    data = content(2 * MIB + 999)
    number, row = attached(anna, tmp_path, data)
    headers = auth(cluster, "anna")
    # the first chunk arrived before the link went down
    assert put(cluster, headers, row.sha256, data[:MIB], 0, len(data)).status_code == 200
    assert status(cluster, headers, row.sha256) == {"size": len(data), "received": MIB, "complete": False}

    sent = recording(anna)
    summary = anna.sync()
    assert (summary.uploaded, summary.rejected) == (1, 0)
    ranges = [h["Content-Range"] for method, _path, h in sent if method == "PUT"]
    assert ranges == [f"bytes {MIB}-{2 * MIB - 1}/{len(data)}", f"bytes {2 * MIB}-{len(data) - 1}/{len(data)}"]
    with cluster.db.read() as session:
        assert blobstore.content(session, row.sha256) == data


def test_an_interrupted_download_resumes_with_range(cluster, tmp_path):
    anna, ada = cluster.replica("anna"), cluster.replica("ada")
    data = content(MIB + 4321)
    number, row = attached(anna, tmp_path, data)
    anna.sync()

    part = BlobFolder.beside(ada.store.path).part_path(row.sha256)
    part.parent.mkdir(parents=True)
    part.write_bytes(data[:1000])  # what arrived before the link went down
    sent = recording(ada)
    assert ada.sync().downloaded == 1
    ranges = [h.get("Range") for method, path, h in sent if method == "GET" and path == f"/blobs/{row.sha256}"]
    assert ranges == [f"bytes=1000-{MIB + 999}", f"bytes={MIB + 1000}-{len(data) - 1}"]
    assert blob_path(ada, row.sha256).read_bytes() == data and not part.exists()


def test_downloaded_content_that_does_not_match_is_thrown_away_and_fetched_again(cluster, tmp_path):
    anna, ada = cluster.replica("anna"), cluster.replica("ada")
    data = content(2000)
    number, row = attached(anna, tmp_path, data)
    anna.sync()
    part = BlobFolder.beside(ada.store.path).part_path(row.sha256)
    part.parent.mkdir(parents=True)
    part.write_bytes(b"\0" * len(data))  # as long as the content, but not it
    summary = ada.sync()
    assert summary.downloaded == 0
    assert any("does not match its SHA-256" in p for p in summary.transfer_problems)
    assert not part.exists() and not blob_path(ada, row.sha256).exists()
    assert ada.sync().downloaded == 1 and blob_path(ada, row.sha256).read_bytes() == data


# -- the endpoints -------------------------------------------------------------------------------

def test_an_upload_with_the_wrong_content_is_refused_and_discarded(cluster):
    headers = auth(cluster, "anna")
    data = content(MIB + 10)
    wrong = sha_of(b"something else")
    assert put(cluster, headers, wrong, data[:MIB], 0, len(data)).status_code == 200
    answer = put(cluster, headers, wrong, data[MIB:], MIB, len(data))
    assert answer.status_code == 422 and "SHA-256" in answer.json()["detail"]
    assert status(cluster, headers, wrong) == {"size": None, "received": 0, "complete": False}
    with cluster.db.read() as session:
        assert session.get(Blob, wrong) is None


def test_uploads_are_checked_chunk_by_chunk(cluster):
    headers = auth(cluster, "anna")
    data = content(3000)
    sha = sha_of(data)
    assert status(cluster, headers, sha) == {"size": None, "received": 0, "complete": False}
    assert put(cluster, headers, sha, data[:1000], 0, len(data)).json() == {
        "size": 3000, "received": 1000, "complete": False}
    # a chunk from anywhere but the count received is refused, with the count
    answer = put(cluster, headers, sha, data[2000:], 2000, len(data))
    assert answer.status_code == 409 and "1000 bytes" in answer.json()["detail"]
    assert answer.headers["X-Branchdesk-Received"] == "1000"
    answer = put(cluster, headers, sha, data[:1000], 0, len(data))
    assert answer.status_code == 409
    assert put(cluster, headers, sha, data[1000:], 1000, len(data)).json() == {
        "size": 3000, "received": 3000, "complete": True}
    # complete content answers complete at once, whatever is sent
    assert put(cluster, headers, sha, data[:10], 0, len(data)).json()["complete"] is True

    too_big = MAX_ATTACHMENT_BYTES + 1
    assert put(cluster, headers, sha_of(b"big"), b"x" * 10, 0, too_big).status_code == 413
    for bad in ("bytes 0-9", "0-9/10", "bytes 5-1/10", "bytes 0-10/10", "bytes 0-9/0"):
        answer = cluster.http.put(f"/blobs/{sha_of(b'x')}", content=b"x" * 10, headers={**headers, "Content-Range": bad})
        assert answer.status_code == 400, bad
    answer = cluster.http.put(f"/blobs/{sha_of(b'x')}", content=b"x" * 9,
                              headers={**headers, "Content-Range": "bytes 0-9/10"})
    assert answer.status_code == 400
    for bad_sha in ("A" * 64, "a" * 63, "../etc"):
        assert cluster.http.get(f"/blobs/{bad_sha}/upload", headers=headers).status_code in (404, 422)
    assert cluster.http.get(f"/blobs/{sha}/upload").status_code == 401
    assert cluster.http.put(f"/blobs/{sha}", content=b"x", headers={"Content-Range": "bytes 0-0/1"}).status_code == 401


def test_content_is_served_only_to_those_who_see_a_ticket_holding_it(cluster, tmp_path):
    anna = cluster.replica("anna")
    data = content(5000)
    number, row = attached(anna, tmp_path, data)
    anna.sync()
    sha = row.sha256
    for who in ("anna", "vip", "tom", "ada"):  # the requesters at the site, its technician, the desk
        answer = cluster.http.get(f"/blobs/{sha}", headers=auth(cluster, who))
        assert answer.status_code == 200 and answer.content == data, who
    for who in ("ola", "nina"):  # the requester and the technician at the other site
        answer = cluster.http.get(f"/blobs/{sha}", headers=auth(cluster, who))
        assert answer.status_code == 404, who
    assert cluster.http.get(f"/blobs/{sha}").status_code == 401

    headers = auth(cluster, "ada")
    answer = cluster.http.get(f"/blobs/{sha}", headers={**headers, "Range": "bytes=4000-"})
    assert answer.status_code == 206 and answer.content == data[4000:]
    assert answer.headers["Content-Range"] == f"bytes 4000-4999/{len(data)}"
    answer = cluster.http.get(f"/blobs/{sha}", headers={**headers, "Range": "bytes=10-19"})
    assert answer.status_code == 206 and answer.content == data[10:20]
    answer = cluster.http.get(f"/blobs/{sha}", headers={**headers, "Range": "bytes=5000-"})
    assert answer.status_code == 416 and answer.headers["Content-Range"] == "bytes */5000"
    assert cluster.http.get(f"/blobs/{sha}", headers={**headers, "Range": "lines=1-2"}).status_code == 400

    # content uploaded but attached to nothing is nobody's to read, not even the desk's
    loose = content(100, seed=8)
    assert put(cluster, headers, sha_of(loose), loose, 0, len(loose)).json()["complete"] is True
    assert cluster.http.get(f"/blobs/{sha_of(loose)}", headers=headers).status_code == 404


# -- real processes ----------------------------------------------------------------------------

def test_attach_and_sync_from_the_command_line_against_a_server_process(servers, server_url, cli, tmp_path,
                                                                        keyring_file, store_template):
    from synckit import Remote

    server = servers()
    remote = Remote(server_url, server.base, tmp_path / "replicas", store_template)
    try:
        anna = remote.replica("anna", keyring_file=keyring_file)
        ada = remote.replica("ada", keyring_file=keyring_file)
        number = anna.run(svc.create, svc.NewTicket(title="Pump 2 does not take cards", **POS)).number
        data = content(MIB + 77)
        source = tmp_path / "receipt.pdf"
        source.write_bytes(data)
        cli.run(anna.data_dir, "ticket", "attach", number, str(source))
        done = cli.run(anna.data_dir, "sync")
        assert "attachments: 1 uploaded, 0 downloaded" in done.stdout, done.stdout
        done = cli.run(ada.data_dir, "sync")
        assert "attachments: 0 uploaded, 1 downloaded" in done.stdout, done.stdout
        [listed] = cli.json(ada.data_dir, "ticket", "show", number)["attachments"]
        assert (listed["name"], listed["size"], listed["here"]) == ("receipt.pdf", len(data), True)
        cli.run(ada.data_dir, "ticket", "attachment", number, "receipt.pdf", "--out", str(tmp_path / "copy.pdf"))
        assert (tmp_path / "copy.pdf").read_bytes() == data
        remote.settle()
        remote.check()
    finally:
        remote.close()
