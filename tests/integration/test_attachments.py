"""Attachments on a device: the content-addressed blob folder (core.blobs), the
`attach` service (row, history event and change entry in one transaction, content
copied beside the store), and the command line's `ticket attach`, `ticket show` and
`ticket attachment`, whose bad input gets one `error:` line and changes nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from core.blobs import MAX_ATTACHMENT_BYTES, BlobFolder, TooLarge, attachment_note, is_sha256, sha256_of
from core.errors import InvalidInput, InvalidTransition, NotFound
from core.models import Attachment, ChangeEntry, HistoryEvent
from core.services.attachments import attach

CONTENT = b"receipt printer error log\n" * 500


def blob_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# -- the blob folder ------------------------------------------------------------------

def test_content_is_kept_under_its_sha256(tmp_path: Path) -> None:
    folder = BlobFolder.beside(tmp_path / "store" / "branchdesk.sqlite3")
    source = write(tmp_path / "log.txt", CONTENT)
    sha, size = folder.put_file(source)
    assert (sha, size) == (hashlib.sha256(CONTENT).hexdigest(), len(CONTENT))
    assert sha256_of(source) == (sha, size)
    assert folder.path(sha) == tmp_path / "store" / "blobs" / sha[:2] / sha
    assert folder.path(sha).read_bytes() == CONTENT
    assert folder.has(sha) and folder.has(sha, size) and not folder.has(sha, size + 1)
    # the same content again is the same blob; no temporary file is left either time
    assert folder.put_file(write(tmp_path / "again.txt", CONTENT)) == (sha, size)
    assert blob_files(folder.root) == [folder.path(sha)]


def test_content_over_the_limit_is_refused_and_leaves_nothing(tmp_path: Path) -> None:
    folder = BlobFolder(tmp_path / "blobs")
    with pytest.raises(TooLarge):
        folder.put_file(write(tmp_path / "big.bin", b"x" * 101), limit=100)
    assert blob_files(folder.root) == []


def test_a_finished_download_is_renamed_into_place_only_when_its_hash_is_right(tmp_path: Path) -> None:
    folder = BlobFolder(tmp_path / "blobs")
    sha = hashlib.sha256(CONTENT).hexdigest()
    write(folder.part_path(sha), CONTENT)
    assert folder.install_part(sha)
    assert folder.path(sha).read_bytes() == CONTENT and not folder.part_path(sha).exists()

    other = hashlib.sha256(b"something else").hexdigest()
    write(folder.part_path(other), CONTENT)
    assert not folder.install_part(other)
    assert not folder.has(other) and not folder.part_path(other).exists()


def test_only_sha256_names_are_blob_names(tmp_path: Path) -> None:
    folder = BlobFolder(tmp_path / "blobs")
    assert is_sha256("a" * 64) and not is_sha256("A" * 64) and not is_sha256("a" * 63) and not is_sha256(None)
    for bad in ("../../etc/passwd", "a" * 63, "g" * 64):
        with pytest.raises(ValueError):
            folder.path(bad)


# -- the service ------------------------------------------------------------------------

def test_attach_writes_row_history_and_change_entry_together(desk: Any, tmp_path: Path) -> None:
    number = desk.new("anna")
    source = write(tmp_path / "photo of the till.jpg", CONTENT)
    row = desk.run(attach, "anna", number, source)
    sha = hashlib.sha256(CONTENT).hexdigest()
    assert (row.name, row.size, row.sha256, row.media_type) == ("photo of the till.jpg", len(CONTENT), sha,
                                                               "image/jpeg")
    assert BlobFolder.beside(desk.store.path).path(sha).read_bytes() == CONTENT
    with desk.store.read() as session:
        stored = session.get_one(Attachment, row.id)
        entry = session.scalar(select(ChangeEntry).where(ChangeEntry.record_id == row.id))
        events = session.scalars(select(HistoryEvent).where(HistoryEvent.kind == "attachment")).all()
    assert stored.sha256 == sha and stored.ticket_id == desk.ticket(number).id
    assert entry is not None and (entry.kind, entry.op, entry.state) == ("attachment", "insert", "pending")
    assert entry.data["sha256"] == sha and entry.data["size"] == len(CONTENT)
    assert [e.note for e in events] == [attachment_note("photo of the till.jpg", len(CONTENT))]


@pytest.mark.parametrize("status", ["closed", "cancelled"])
def test_a_closed_or_cancelled_ticket_takes_no_attachment(desk: Any, tmp_path: Path, status: str) -> None:
    [number] = desk.prepare(status)
    with pytest.raises(InvalidTransition, match=status):
        desk.run(attach, "anna", number, write(tmp_path / "late.txt", CONTENT))


def test_a_ticket_outside_the_scope_is_not_found(desk: Any, tmp_path: Path) -> None:
    number = desk.new("anna")
    with pytest.raises(NotFound):
        desk.run(attach, "ola", number, write(tmp_path / "x.txt", CONTENT))  # ola is a requester elsewhere


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing.txt", "no file"),
    (lambda d: d, "is a folder"),
    (lambda d: write(d / "empty.txt", b""), "is empty"),
])
def test_files_that_cannot_be_attached(desk: Any, tmp_path: Path, make: Any, message: str) -> None:
    number = desk.new("anna")
    with pytest.raises(InvalidInput, match=message) as caught:
        desk.run(attach, "anna", number, make(tmp_path))
    assert caught.value.field == "file"


# -- the command line ---------------------------------------------------------------------

def here(capsys: pytest.CaptureFixture[str], data_dir: Path, user: str, args: Sequence[str]) -> tuple[int, str, str]:
    from desktop.cli.main import run

    capsys.readouterr()
    code = run(["--data-dir", str(data_dir), "--user", user, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_attach_show_and_write_out_from_the_command_line(
    desk: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    data_dir = desk.store.path.parent
    number = desk.new("anna")
    source = write(tmp_path / "files" / "error.log", CONTENT)
    code, out, err = here(capsys, data_dir, "anna", ["ticket", "attach", number, str(source), "--json"])
    assert (code, err) == (0, "")
    made = json.loads(out)
    assert (made["name"], made["size"], made["sha256"]) == ("error.log", len(CONTENT),
                                                           hashlib.sha256(CONTENT).hexdigest())

    code, out, _err = here(capsys, data_dir, "tom", ["ticket", "show", number, "--json"])
    [listed] = json.loads(out)["attachments"]
    assert (listed["name"], listed["size"], listed["here"], listed["author"]) == ("error.log", len(CONTENT), True,
                                                                                  "anna")
    code, out, _err = here(capsys, data_dir, "tom", ["ticket", "show", number])
    assert f"error.log  {len(CONTENT)} bytes  sha256 {made['sha256'][:12]}  here" in out

    target = tmp_path / "out"
    target.mkdir()
    code, out, err = here(capsys, data_dir, "tom", ["ticket", "attachment", number, "error.log", "--out", str(target)])
    assert (code, err) == (0, "")
    assert (target / "error.log").read_bytes() == CONTENT
    # an existing file is kept unless --force says otherwise
    code, _out, err = here(capsys, data_dir, "tom", ["ticket", "attachment", number, "error.log", "--out",
                                                    str(target)])
    assert code == 1 and err.startswith("error: ") and "exists" in err

    BlobFolder.beside(desk.store.path).path(made["sha256"]).unlink()
    code, out, _err = here(capsys, data_dir, "tom", ["ticket", "show", number])
    assert "not downloaded yet" in out
    code, _out, err = here(capsys, data_dir, "tom", ["ticket", "attachment", number, "error.log", "--out",
                                                    str(tmp_path / "again.log")])
    assert code == 1 and "not in this store yet" in err and err.count("\n") == 1
    assert not (tmp_path / "again.log").exists()


def test_bad_attachments_get_one_error_line_and_change_nothing(
    desk: Any, tmp_path: Path, dump_db: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = desk.store.path.parent
    number = desk.new("anna")
    [closed] = desk.prepare("closed")
    files = tmp_path / "files"
    good = write(files / "good.txt", CONTENT)
    empty = write(files / "empty.txt", b"")
    large = files / "large.bin"
    with large.open("wb") as handle:  # sparse: the size is what counts
        handle.truncate(MAX_ATTACHMENT_BYTES + 1)
    blobs = BlobFolder.beside(desk.store.path).root
    before, blobs_before = dump_db(desk.store.path), blob_files(blobs)
    cases = [
        (["ticket", "attach", number, str(files / "missing.txt")], "no file"),
        (["ticket", "attach", number, str(files)], "is a folder"),
        (["ticket", "attach", number, str(empty)], "is empty"),
        (["ticket", "attach", number, str(large)], "at most 20.0 MiB"),
        (["ticket", "attach", closed, str(good)], "is closed"),
        (["ticket", "attach", "PL-NOPE-1", str(good)], "no ticket"),
        (["ticket", "attachment", number, "nothing.txt", "--out", str(tmp_path / "x")], "no attachment named"),
        (["ticket", "attachment", number, "good.txt", "--out", str(tmp_path / "no" / "folder.txt")],
         "no attachment named"),
    ]
    for args, message in cases:
        code, out, err = here(capsys, data_dir, "anna", args)
        assert code == 1, (args, out, err)
        assert err.startswith("error: ") and err.count("\n") == 1 and message in err, (args, err)
    assert dump_db(desk.store.path) == before
    assert blob_files(blobs) == blobs_before
