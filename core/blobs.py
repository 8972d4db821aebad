"""Attachment content on a device: a content-addressed folder beside the store file,
`<store folder>/blobs/<sha[:2]>/<sha>` (DESIGN §6: attachments are content-addressed
blobs). A file under its final name always holds exactly the bytes its name says:
content is written to a temporary name, flushed to disk and only then renamed, so a
power cut leaves a stray temporary file, never a wrong blob.

The size limit lives here because the device, the server and sync must agree on it."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

MIB = 1024 * 1024
MAX_ATTACHMENT_BYTES = 20 * MIB
COPY_CHUNK = MIB
SHA256 = re.compile(r"^[0-9a-f]{64}$")


def is_sha256(value: object) -> bool:
    return isinstance(value, str) and SHA256.match(value) is not None


def sha256_of(path: Path) -> tuple[str, int]:
    """The SHA-256 (hex) and size of a file's content."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(COPY_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def attachment_note(name: str, size: int) -> str:
    """The history note of an attachment: worded in one place, because the device
    and the server each write the event and must write the same one."""
    return f"{name} ({size} bytes)"


class TooLarge(Exception):
    """Content grew past MAX_ATTACHMENT_BYTES while it was being copied."""


def _fsync_folder(folder: Path) -> None:
    # The rename itself must reach the disk too; not every platform can open a folder.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class BlobFolder:
    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def beside(cls, store_path: Path) -> BlobFolder:
        return cls(Path(store_path).parent / "blobs")

    def path(self, sha: str) -> Path:
        if not is_sha256(sha):
            raise ValueError(f"not a SHA-256: {sha!r}")
        return self.root / sha[:2] / sha

    def part_path(self, sha: str) -> Path:
        """Where a download in progress collects its bytes, to be resumed from its size."""
        path = self.path(sha)
        return path.with_name(path.name + ".part")

    def has(self, sha: str, size: int | None = None) -> bool:
        path = self.path(sha)
        try:
            return path.is_file() and (size is None or path.stat().st_size == size)
        except OSError:
            return False

    @contextmanager
    def _temporary(self) -> Iterator[tuple[BinaryIO, Path]]:
        # inside the blob folder, so the final rename never crosses file systems
        folder = self.root / "incoming"
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        temp = Path(name)
        try:
            with os.fdopen(fd, "wb") as handle:
                yield handle, temp
        except BaseException:
            temp.unlink(missing_ok=True)
            raise

    def _install(self, temp: Path, sha: str) -> Path:
        target = self.path(sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(temp, target)
        _fsync_folder(target.parent)
        return target

    def put_file(self, source: Path, limit: int = MAX_ATTACHMENT_BYTES) -> tuple[str, int]:
        """Copy a file in, hashing as it goes; returns its SHA-256 and size. The copy is
        what is hashed, so a file changed while it is read cannot give a wrong name."""
        digest = hashlib.sha256()
        size = 0
        with self._temporary() as (out, temp), source.open("rb") as handle:
            while chunk := handle.read(COPY_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise TooLarge(f"larger than {limit} bytes")
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        if self.has(sha, size):
            temp.unlink(missing_ok=True)
            return sha, size
        self._install(temp, sha)
        return sha, size

    def install_part(self, sha: str) -> bool:
        """Move a finished download into place if its content is what its name says;
        a part whose content differs is removed (False), to be fetched again."""
        part = self.part_path(sha)
        digest, _size = sha256_of(part)
        if digest != sha:
            part.unlink(missing_ok=True)
            return False
        with part.open("rb+") as handle:
            os.fsync(handle.fileno())
        self._install(part, sha)
        return True

    def open(self, sha: str) -> BinaryIO:
        return self.path(sha).open("rb")
