"""Derived ids are what every replica and the server compute alike: they may never change."""

from __future__ import annotations

import uuid

import pytest

from core.ids import NAMESPACE, derived_id

TICKET = uuid.UUID("11111111-2222-4333-8444-555555555555")


@pytest.mark.parametrize("parts", [
    ("sla", TICKET, "response", "breach"), (TICKET, "field", "status"), (TICKET, "notice", ""), ("ł", 7), (),
])
def test_a_derived_id_is_the_version_5_uuid_of_its_parts_joined(parts):
    assert derived_id(*parts) == uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts))


def test_a_derived_id_is_the_one_stores_hold():
    assert derived_id("sla", TICKET, "response", "breach") == uuid.UUID("8df09bc9-59a5-5079-9220-d9823bbbf4b2")
    assert derived_id("sla", TICKET, "response", "breach").version == 5


def test_a_short_id_is_22_characters_and_reads_back_the_same_id():
    from core.ids import from_short_id, short_id

    for value in (TICKET, uuid.UUID(int=0), uuid.UUID(int=(1 << 128) - 1), derived_id("x")):
        text = short_id(value)
        assert len(text) == 22 and "=" not in text and from_short_id(text) == value
