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
