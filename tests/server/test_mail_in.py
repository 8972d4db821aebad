"""`branchdesk-server mail-in` (DESIGN §13): a real SMTP listener (aiosmtpd, on a free
loopback port) fed by smtplib. A known user's mail logs a ticket at their site in
the `[mail_in]` category, with its attachments and an HTML body as text; a subject
naming a ticket the sender sees adds a public reply; an unknown sender, another
recipient and an unreadable message are refused at the SMTP level; a message that
fails half way leaves nothing. On SQLite and on PostgreSQL."""

from __future__ import annotations

import logging
import os
import signal
import smtplib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from server_testkit import database_from
from sqlalchemy import func, select

from core.models import Attachment, Comment, Ticket
from core.reference import load_reference
from server import mail_in
from server.db import Database
from server.mail_in import MailDesk, controller
from server.models import Blob
from sync import feed
from sync.models import SyncRecord

HERE = Path(__file__).resolve().parent
ORG = HERE / "fixtures" / "mail-in-org.toml"
PLAIN_ORG = HERE / "fixtures" / "org.toml"
BIN = Path(sys.executable).parent
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DESK = "desk@fuel.test"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with database_from(ORG, request.param, tmp_path, "bd_mail_in", T0) as made:
        yield made


@pytest.fixture
def db(url: str) -> Iterator[Database]:
    database = Database(url)
    yield database
    database.dispose()


@pytest.fixture
def port(db: Database) -> Iterator[int]:
    """mail-in's listener in this process, on a free loopback port."""
    chosen = free_port()
    listener = controller(MailDesk(db, clock=lambda: T0), "127.0.0.1", chosen)
    listener.start()
    yield chosen
    listener.stop()


def send(port: int, sender: str, recipients: list[str], content: bytes) -> dict[str, Any]:
    """The conversation, step by step: each RCPT's answer and DATA's, as (code, text)."""
    answers: dict[str, Any] = {}
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as smtp:
        smtp.ehlo("monitor.fuel.test")
        code, text = smtp.mail(sender)
        answers["mail"] = (code, text.decode())
        if code != 250:
            return answers
        answers["rcpt"] = [(c, t.decode()) for c, t in (smtp.rcpt(r) for r in recipients)]
        if not any(c == 250 for c, _t in answers["rcpt"]):
            return answers
        code, text = smtp.data(content)
        answers["data"] = (code, text.decode())
    return answers


def mail(sender: str, subject: str, text: str | None = None, html: str | None = None,
         attachments: tuple[tuple[str, bytes, str], ...] = ()) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = DESK
    message["Subject"] = subject
    if html is not None:
        message.set_content(html, subtype="html")
    else:
        message.set_content(text or "")
    for name, data, kind in attachments:
        maintype, subtype = kind.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes(policy=policy.SMTP)  # CRLF line ends, as on the wire


def tickets(db: Database) -> list[Ticket]:
    with db.read() as session:
        return list(session.scalars(select(Ticket).order_by(Ticket.number)))


def counts(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {model.__name__: session.scalar(select(func.count()).select_from(model)) or 0
                for model in (Ticket, Comment, Attachment, Blob)}


def taken(answers: dict[str, Any]) -> str:
    code, text = answers["data"]
    assert code == 250, answers
    return str(text).rsplit(" ", 1)[1]


def test_a_known_users_mail_logs_a_ticket_with_its_attachment_and_html_as_text(db: Database, port: int):
    html = ("<html><head><style>p {color: red}</style></head><body><p>The printer at till&nbsp;2 "
            "<b>jams</b> on every receipt.</p><ul><li>Paper: new roll</li><li>Since: this morning</li></ul>"
            "<p>See <a href=\"https://wiki.fuel.test/printers\">the wiki</a></p></body></html>")
    answers = send(port, "Anna@Fuel.test", [DESK], mail("anna@fuel.test", "Receipt printer jams", html=html,
                                                          attachments=(("jam.png", PNG, "image/png"),)))
    number = taken(answers)
    assert "logged as ticket" in answers["data"][1]
    (ticket,) = tickets(db)
    assert ticket.number == number and "-SRV00-" in number
    ref = load_reference_of(db)
    assert ref.sites[ticket.site_id].code == "PL-POZ-001"
    assert ref.categories[ticket.category_id].path == "Hardware"
    assert (ticket.channel, ticket.impact, ticket.urgency) == ("email", "medium", "medium")
    assert ticket.title == "Receipt printer jams"
    assert ticket.requester_id == ticket.created_by_id == ref.user("anna").id
    assert ticket.description == ("The printer at till 2 jams on every receipt.\n\n- Paper: new roll\n"
                                  "- Since: this morning\n\nSee the wiki (https://wiki.fuel.test/printers)")
    with db.read() as session:
        (attachment,) = session.scalars(select(Attachment))
        assert (attachment.name, attachment.size, attachment.media_type) == ("jam.png", len(PNG), "image/png")
        assert session.get(Blob, attachment.sha256).data == PNG
        # in the feed: a branch device's pull brings the ticket and its attachment
        kinds = {kind for (kind,) in session.execute(
            select(SyncRecord.kind).where(SyncRecord.ticket_id == ticket.id))}
        assert {"ticket", "attachment", "history"} <= kinds
        page = feed.pull(session, ref.user("anna"), 0, 1000, T0)
    sent = {(r.kind, r.data["number"] if r.kind == "ticket" and r.data else None) for r in page.records}
    assert ("ticket", number) in sent and ("attachment", None) in sent


def load_reference_of(db: Database) -> Any:
    with db.read() as session:
        return load_reference(session)


def test_a_reply_naming_a_ticket_adds_a_public_comment(db: Database, port: int):
    number = taken(send(port, "anna@fuel.test", [DESK], mail("anna@fuel.test", "Till 3 frozen", "It froze.")))
    reply = ("Still frozen after a restart.\n\nOn Mon, 2 Mar 2026 at 10:00, Service desk wrote:\n"
             "> We are looking at it.\n")
    answers = send(port, "anna@fuel.test", [DESK], mail(
        "anna@fuel.test", f"Re: [{number}] Till 3 frozen", reply, attachments=(("log.txt", b"E42 at boot\n",
                                                                                "text/plain"),)))
    assert answers["data"] == (250, f"2.0.0 added to ticket {number}")
    assert [t.number for t in tickets(db)] == [number]
    with db.read() as session:
        (comment,) = session.scalars(select(Comment))
        assert comment.public and comment.body == "Still frozen after a restart."
        assert [a.name for a in session.scalars(select(Attachment))] == ["log.txt"]

    # Ola, at another site, does not see that ticket: her mail naming it logs her own
    other = taken(send(port, "ola@fuel.test", [DESK], mail("ola@fuel.test", f"Re: {number} same here", "Mine too")))
    assert other != number and other.startswith("PL-WAW-002-")


def test_an_unknown_or_shared_sender_is_refused(db: Database, port: int):
    before = counts(db)
    code, text = send(port, "stranger@example.com", [DESK], mail("stranger@example.com", "Hi", "x"))["mail"]
    assert code == 550 and "no Branchdesk user has this address" in text
    code, text = send(port, "shared@fuel.test", [DESK], mail("shared@fuel.test", "Hi", "x"))["mail"]
    assert code == 550 and "more than one Branchdesk user" in text
    assert counts(db) == before


def test_mail_to_another_address_is_refused(db: Database, port: int):
    answers = send(port, "anna@fuel.test", ["sales@fuel.test"], mail("anna@fuel.test", "Hi", "x"))
    code, text = answers["rcpt"][0]
    assert code == 550 and "takes mail for <desk@fuel.test> only" in text
    assert "data" not in answers and counts(db)["Ticket"] == 0
    # with the desk among the recipients, the desk's copy is taken
    answers = send(port, "anna@fuel.test", ["sales@fuel.test", DESK], mail("anna@fuel.test", "Hi", "x"))
    assert [c for c, _t in answers["rcpt"]] == [550, 250] and answers["data"][0] == 250


@pytest.mark.parametrize("content", [
    b"\x00\x01 this is not a mail message\r\nat all\r\n",
    b"Subject: broken\r\nContent-Type: multipart/mixed; boundary=\"zzz\"\r\n\r\nno parts here\r\n",
    b"Subject: odd\r\nContent-Type: text/plain; charset=klingon\r\n\r\nqapla\r\n",
])
def test_an_unreadable_message_is_refused_and_logged(db: Database, port: int, content: bytes,
                                                     caplog: pytest.LogCaptureFixture):
    with caplog.at_level(logging.WARNING, logger="branchdesk.mail_in"):
        code, text = send(port, "anna@fuel.test", [DESK], content)["data"]
    assert code == 550 and "the message cannot be read" in text and "nothing was stored" in text
    assert any("unreadable" in r.getMessage() for r in caplog.records)
    assert counts(db) == {"Ticket": 0, "Comment": 0, "Attachment": 0, "Blob": 0}


def test_a_sender_without_a_home_site_is_told_to_log_it_in_branchdesk(db: Database, port: int):
    code, text = send(port, "ada@fuel.test", [DESK], mail("ada@fuel.test", "Hi", "x"))["data"]
    assert code == 550 and "no home site" in text
    assert counts(db)["Ticket"] == 0


def test_a_message_failing_half_way_leaves_nothing(db: Database, port: int, monkeypatch: pytest.MonkeyPatch):
    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(mail_in.attachments, "add_attachment", broken)
    answers = send(port, "anna@fuel.test", [DESK], mail("anna@fuel.test", "Printer", "jams",
                                                          attachments=(("jam.png", PNG, "image/png"),)))
    assert answers["data"][0] == 451  # the sending server keeps it and tries again
    assert counts(db) == {"Ticket": 0, "Comment": 0, "Attachment": 0, "Blob": 0}


def test_the_mail_in_command_listens_until_stopped(url: str, db: Database, tmp_path: Path):
    if not url.startswith("sqlite"):
        pytest.skip("one database is enough for the process test")
    chosen = free_port()
    log = tmp_path / "mail-in.log"
    process = subprocess.Popen([str(BIN / "branchdesk-server"), "--database-url", url, "mail-in", "--port",
                                str(chosen)], stdout=subprocess.DEVNULL, stderr=log.open("w"),
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        deadline = time.monotonic() + 60
        while "taking mail for desk@fuel.test" not in log.read_text():
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        number = taken(send(chosen, "tom@fuel.test", [DESK], mail("tom@fuel.test", "Pump 4 display dark", "Dark.")))
        assert [t.number for t in tickets(db)] == [number]
        assert '"message taken"' in log.read_text()
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0, log.read_text()


def test_without_a_mail_in_table_the_command_says_what_to_add(tmp_path: Path):
    with database_from(PLAIN_ORG, "sqlite", tmp_path, "bd_mail_in", T0) as made:
        pass
    done = subprocess.run([str(BIN / "branchdesk-server"), "--database-url", made, "mail-in", "--port",
                           str(free_port())], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "no [mail_in] table" in done.stderr
