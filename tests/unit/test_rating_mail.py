"""The mail telling a requester her ticket was resolved asks her to rate it (DESIGN
§15), in her language, in both the plain text and the HTML part; no other mail does."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from core.orgspec import EmailChannelSpec
from server.mail_out import build_message
from server.notice_data import Notice

CHANNEL = EmailChannelSpec(host="smtp.test", sender="Desk <desk@test.example>")


def notice(reason: str, language: str) -> Notice:
    return Notice(notification_id=uuid.uuid4(), event_id=uuid.uuid4(), reason=reason, note="New paper roll.",
                  occurred_at=datetime(2026, 12, 4, 10, 0, tzinfo=UTC), ticket_id=uuid.uuid4(),
                  number="PL-POZ-042-AB12C-00007", title="Receipt printer blank", priority="P4", status="resolved",
                  site_code="PL-POZ-042", site_name="Poznań", team="FIELD-PL", organisation="Northwind Fuel",
                  name="Anna Nowak", email="anna@test.example", language=language)


@pytest.mark.parametrize(("language", "words"), [
    ("en", "How did we do? Please rate ticket PL-POZ-042-AB12C-00007 in Branchdesk"),
    ("pl", "Jak nam poszło? Oceń zgłoszenie PL-POZ-042-AB12C-00007 w programie Branchdesk"),
])
def test_the_resolution_mail_asks_for_a_rating(language: str, words: str) -> None:
    message = build_message(notice("resolved", language), CHANNEL, None)
    plain, rich = message.get_body(("plain",)), message.get_body(("html",))
    assert plain is not None and rich is not None
    assert words in plain.get_content()
    assert words in rich.get_content()


@pytest.mark.parametrize("reason", ["assigned", "reply", "status", "sla_breach"])
def test_other_mails_do_not(reason: str) -> None:
    message = build_message(notice(reason, "en"), CHANNEL, None)
    plain = message.get_body(("plain",))
    assert plain is not None and "rate ticket" not in plain.get_content()
