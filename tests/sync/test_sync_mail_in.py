"""A ticket mailed to the desk reaches the branch device of the sender's site at its
next sync, with its attachment and in the same state as on the server (DESIGN §13:
mail in logs a ticket that a branch device shows after sync); a reply by mail to a
ticket logged on the device comes back to the device as a comment."""

from __future__ import annotations

import smtplib
import socket
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import select
from synckit import Cluster, ShiftedClock, init_database, org_text

from core.models import Attachment, Comment
from core.services import tickets as svc
from server.mail_in import MailDesk, controller

DESK = "desk@fuel.test"


@pytest.fixture
def cluster(tmp_path: Path, clock: ShiftedClock) -> Iterator[Cluster]:
    """The small organisation with addresses for anna and tom and a [mail_in] table."""
    source = org_text()
    for user in ("anna", "tom"):
        line = f'username = "{user}"\n'
        source = source.replace(line, f'{line}email = "{user}@fuel.test"\n', 1)
    org = tmp_path / "org.toml"
    org.write_text(source + f'\n[mail_in]\naddress = "{DESK}"\ncategory = "Hardware"\n', encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    init_database(url, org)
    made = Cluster(url, tmp_path / "replicas", clock)
    yield made
    made.close()


@pytest.fixture
def port(cluster: Cluster) -> Iterator[int]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        chosen = int(probe.getsockname()[1])
    listener = controller(MailDesk(cluster.db, clock=cluster.clock), "127.0.0.1", chosen)
    listener.start()
    yield chosen
    listener.stop()


def send(port: int, sender: str, subject: str, text: str, attachment: bytes | None = None) -> str:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, DESK, subject
    message.set_content(text)
    if attachment is not None:
        message.add_attachment(attachment, maintype="application", subtype="octet-stream", filename="dump.bin")
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as smtp:
        smtp.ehlo()
        smtp.mail(sender)
        smtp.rcpt(DESK)
        code, answer = smtp.data(message.as_bytes(policy=policy.SMTP))
    assert code == 250, answer
    return answer.decode().rsplit(" ", 1)[1]


def test_a_mailed_ticket_reaches_the_branch_device_and_a_mailed_reply_comes_back(cluster: Cluster, port: int):
    station = cluster.replica("anna")
    field = cluster.replica("tom")
    number = send(port, "anna@fuel.test", "Card reader at pump 2 dead", "No light at all.", b"\x00\x01dump")
    station.sync()
    field.sync()
    for replica in (station, field):
        ticket = replica.ticket(number)
        assert ticket is not None and ticket.channel == "email" and ticket.title == "Card reader at pump 2 dead"
        with replica.store.read() as session:
            assert [a.name for a in session.scalars(select(Attachment))] == ["dump.bin"]

    # a ticket logged at the station, answered by mail from the station
    logged = station.run(svc.create, svc.NewTicket(title="Till 3 frozen", category="Hardware", impact="medium",
                                                   urgency="medium"))
    station.sync()
    assert send(port, "anna@fuel.test", f"Re: [{logged.number}] Till 3 frozen",
                "Works again after a restart.\n\nOn Monday, the desk wrote:\n> try a restart") == logged.number
    station.sync()
    with station.store.read() as session:
        bodies = [c.body for c in session.scalars(select(Comment).where(Comment.ticket_id == logged.id))]
    assert bodies == ["Works again after a restart."]
    cluster.settle()
    cluster.check()
