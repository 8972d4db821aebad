"""Identifiers. Reference records take ids derived from their codes, so that every
store and the server importing the same organisation agree on them without talking."""

from __future__ import annotations

import functools
import uuid

# Fixed namespace for Branchdesk's derived ids; changing it would orphan every store.
NAMESPACE = uuid.UUID("6f1c4f1e-4d59-4c5e-9a39-0b6a8f0d2b11")

SYSTEM_USER_ID = uuid.uuid5(NAMESPACE, "user:system")


@functools.lru_cache(maxsize=4096)
def reference_id(kind: str, code: str) -> uuid.UUID:
    # cached: SLA figures look up every team's id for every ticket they compute
    return uuid.uuid5(NAMESPACE, f"{kind}:{code}")


def derived_id(*parts: object) -> uuid.UUID:
    """An id that two replicas computing the same thing arrive at independently."""
    return uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts))


def new_id() -> uuid.UUID:
    return uuid.uuid4()
