"""DESIGN §13's story on the demo organisation, with a real mail server and a real
webhook receiver on loopback: a cashier at Poznań logs a fault on her branch device,
the desk assigns it, a technician resolves it, another fault goes unanswered over a
weekend. After sync and the worker's passes, the right people have the right mails
in their language, each once, and the field team's chat channel heard what a team
hears of."""

from __future__ import annotations

import email
import email.policy
import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import synckit
from aiosmtpd.controller import Controller
from synckit import Cluster, ShiftedClock, init_database

from core.services import tickets as svc
from server.worker import Worker

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo-org.toml"
CASHIER, AGENT, TECH = "malgorzata.ostrowska", "katarzyna.mazur", "piotr.nowak"
HOOK_VARIABLE = "BD_TEST_HOOK_FIELD_PL"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Mailbox:
    def __init__(self) -> None:
        self.mails: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.mails.append(message)  # type: ignore[arg-type]
        return "250 OK"

    def to(self, address: str) -> list[email.message.EmailMessage]:
        return [m for m in self.mails if address in str(m["X-Envelope-To"])]


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, int]]:
    box, port = Mailbox(), free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    yield box, port
    controller.stop()


@pytest.fixture
def hook() -> Iterator[tuple[list[dict[str, Any]], str]]:
    posts: list[dict[str, Any]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            posts.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield posts, f"http://127.0.0.1:{server.server_port}/field-pl"
    server.shutdown()


def demo_org(tmp_path: Path, smtp_port: int) -> Path:
    text = DEMO.read_text(encoding="utf-8").replace("port = 1025", f"port = {smtp_port}", 1)
    text = text.replace('# [[channels.webhook]]\n# name = "field-pl"\n# kind = "teams"\n'
                        '# url_env = "BRANCHDESK_HOOK_FIELD_PL"\n# teams = ["FIELD-PL"]',
                        f'[[channels.webhook]]\nname = "field-pl"\nkind = "teams"\nurl_env = "{HOOK_VARIABLE}"\n'
                        'teams = ["FIELD-PL"]')
    assert f'url_env = "{HOOK_VARIABLE}"' in text
    path = tmp_path / "northwind.toml"
    path.write_text(text, encoding="utf-8")
    return path


def subjects(mails: list[email.message.EmailMessage]) -> list[str]:
    return [str(m["Subject"]) for m in mails]


def test_the_demo_organisation_mails_and_posts_what_happens_in_each_persons_language(
        tmp_path, monkeypatch, mailbox, hook):
    box, smtp_port = mailbox
    posts, hook_url = hook
    monkeypatch.setenv(HOOK_VARIABLE, hook_url)
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    init_database(url, demo_org(tmp_path, smtp_port))
    for user in (CASHIER, AGENT, TECH):
        monkeypatch.setitem(synckit.PASSWORDS, user, "demo")
    clock = ShiftedClock()
    cluster = Cluster(url, tmp_path / "replicas", clock)
    try:
        cashier, desk, tech = cluster.replica(CASHIER), cluster.replica(AGENT), cluster.replica(TECH)
        pump = dict(category="Hardware/Fuel dispenser", impact="medium", urgency="medium",
                    fields={"pump": "3", "product_leak": "no"})
        fault = cashier.run(svc.create, svc.NewTicket(title="Dystrybutor 3 nie wydaje paliwa", **pump))
        quiet = cashier.run(svc.create, svc.NewTicket(title="Dystrybutor 1 drukuje puste paragony", **pump))
        cluster.settle()
        desk.run(svc.assign, fault.number, to=TECH)
        cluster.settle()
        tech.run(svc.move, fault.number, "in_progress")
        tech.run(svc.move, fault.number, "resolved", code="fixed", note="Wymieniono zawór")
        cluster.settle()

        worker = Worker(cluster.db, clock)
        worker.run_once()
        clock.advance(days=3)  # the other fault: nobody looks at it over a weekend
        worker.run_once()
        worker.run_once()  # nothing new: nothing sent twice
    finally:
        cluster.close()

    ids = [str(m["Message-ID"]) for m in box.mails]
    assert len(ids) == len(set(ids)) and ids
    cashier_mail = box.to("malgorzata.ostrowska@northwind-fuel.example")
    mine = [s for s in subjects(cashier_mail) if fault.number in s]
    # in Polish: assigned, being worked on, resolved, each once
    assert sorted(s.rsplit("(", 1)[1].rstrip(")") for s in mine) == sorted(
        ["Zmiana statusu", "Zmiana statusu", "Rozwiązano"]), mine
    resolved = next(m for m in cashier_mail if "Rozwiązano" in str(m["Subject"]) and fault.number in str(m["Subject"]))
    body = resolved.get_body(preferencelist=("plain",))
    assert body is not None and "Wymieniono zawór" in body.get_content()
    assert resolved.get_body(preferencelist=("html",)) is not None
    tech_mail = subjects(box.to("piotr.nowak@northwind-fuel.example"))
    assert any(fault.number in s and "Przydzielono" in s for s in tech_mail), tech_mail
    # the weekend: the unanswered fault breached, and the field team heard of it in its channel
    assert any(quiet.number in s and "SLA" in s for s in subjects(box.mails)), subjects(box.mails)
    posted = json.dumps(posts, ensure_ascii=False)
    assert quiet.number in posted and fault.number in posted
