"""Identifiers. Reference records take ids derived from their codes, so that every
store and the server importing the same organisation agree on them without talking."""

from __future__ import annotations

import base64
import functools
import hashlib
import uuid

# Fixed namespace for Branchdesk's derived ids; changing it would orphan every store.
NAMESPACE = uuid.UUID("6f1c4f1e-4d59-4c5e-9a39-0b6a8f0d2b11")

SYSTEM_USER_ID = uuid.uuid5(NAMESPACE, "user:system")


@functools.lru_cache(maxsize=4096)
def reference_id(kind: str, code: str) -> uuid.UUID:
    # cached: SLA figures look up every team's id for every ticket they compute
    return uuid.uuid5(NAMESPACE, f"{kind}:{code}")


def derived_id(*parts: object) -> uuid.UUID:
    """An id that two replicas computing the same thing arrive at independently: the
    name-based (version 5) UUID of the parts joined by "/" in NAMESPACE, as uuid.uuid5
    makes it, from a hash already holding the namespace (a command derives a dozen:
    half the time)."""
    digest = bytearray(_hash("/".join(str(p) for p in parts)))
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    return uuid.UUID(bytes=bytes(digest[:16]))


_HASHED_NAMESPACE = hashlib.sha1(NAMESPACE.bytes)


def _hash(name: str) -> bytes:
    hashed = _HASHED_NAMESPACE.copy()
    hashed.update(name.encode("utf-8"))
    return hashed.digest()


def short_id(value: uuid.UUID) -> str:
    """An id in 22 characters, where its text takes 36: its 16 bytes in base64url,
    unpadded (in JSON, which keeps no bytes: a notice's people, a ticket's versions)."""
    return base64.urlsafe_b64encode(value.bytes).decode("ascii")[:22]


def from_short_id(text: str) -> uuid.UUID:
    return uuid.UUID(bytes=base64.urlsafe_b64decode(text + "=="))


def new_id() -> uuid.UUID:
    return uuid.uuid4()
