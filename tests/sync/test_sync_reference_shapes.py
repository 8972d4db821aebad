"""A device keeps what its user's role receives of the reference data (server/README.md,
"Reference data by role"): after a full sync a requester's or a technician's store
file holds no e-mail address, an agent's holds everyone's, and a device whose user
loses the role keeps none of them, not even in the bytes of its file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from synckit import PASSWORDS, Cluster, Replica, init_database, org_text

from core.models import User
from core.services import tickets as svc
from server.demo import load_demo
from tests.support.contacts import CONTACT_DOMAIN, address, with_contacts
from tests.support.databases import PG_URL, pg_schema

POS = dict(category="Hardware/POS terminal", impact="medium", urgency="medium", fields={"terminal_id": "T-1"})
ADDRESS_BYTES = f"@{CONTACT_DOMAIN}".encode()


@pytest.fixture(params=["sqlite", "postgresql"])
def contacts_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A server whose organisation gives every user an e-mail address."""
    org = tmp_path / "org.toml"
    org.write_text(with_contacts(org_text(), "pw-hook-1"), encoding="utf-8")
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
        init_database(url, org)
        yield url
        return
    if not PG_URL:
        pytest.skip("BRANCHDESK_TEST_DATABASE_URL is not set")
    with pg_schema(PG_URL, "bd_refshape") as url:
        init_database(url, org)
        yield url


@pytest.fixture
def contacts_cluster(contacts_url: str, tmp_path: Path) -> Iterator[Cluster]:
    made = Cluster(contacts_url, tmp_path / "replicas")  # no store template: each device from scratch
    load_demo(made.db, 30, seed=7)
    yield made
    made.close()


def file_bytes(replica: Replica) -> bytes:
    """The store file and its write-ahead log, as they lie on the disk."""
    return b"".join(p.read_bytes() for p in (replica.path, Path(f"{replica.path}-wal")) if p.exists())


def addresses_held(replica: Replica) -> dict[str, str]:
    with replica.store.read() as session:
        return {u.username: u.email for u in session.scalars(select(User).where(User.email.is_not(None)))}


def busy(cluster: Cluster) -> None:
    """Tickets worked by a requester and the desk, so that a sync carries people's work."""
    anna, ada = cluster.replica("anna", "anna-busy"), cluster.replica("ada", "ada-busy")
    made = anna.run(svc.create, svc.NewTicket(title="Till 3 prints blank receipts", **POS))
    anna.run(svc.comment, made.number, "since this morning")
    anna.sync()
    ada.sync()
    ada.run(svc.assign, made.number, team="FIELD", to="tom")
    ada.run(svc.comment, made.number, "Tom will call in", internal=False)
    ada.sync()


@pytest.mark.parametrize("username", ["anna", "tom"])
def test_a_requesters_and_a_technicians_store_hold_no_email_address(contacts_cluster, username):
    busy(contacts_cluster)
    replica = contacts_cluster.replica(username)
    replica.sync()
    assert replica.numbers(), "the device holds tickets"
    assert addresses_held(replica) == {}
    stored = file_bytes(replica)
    assert ADDRESS_BYTES not in stored
    assert all(address(other).encode() not in stored for other in PASSWORDS)


def test_an_agents_store_holds_everyones_address(contacts_cluster):
    busy(contacts_cluster)
    ada = contacts_cluster.replica("ada")
    ada.sync()
    assert addresses_held(ada) == {name: address(name) for name in [*PASSWORDS, "hook"]}


def test_a_device_whose_user_loses_a_role_keeps_no_address(contacts_cluster):
    ada = contacts_cluster.replica("ada")
    assert addresses_held(ada) and ADDRESS_BYTES in file_bytes(ada)
    held = ada.store.meta("reference_etag")
    assert held and held.endswith('-staff"')
    source = with_contacts(org_text(), "pw-hook-1")
    demoted = source.replace('role = "agent"\nteams = ["DESK"]', 'role = "requester"\nsite = "PL-POZ-001"', 1)
    assert demoted != source
    admin = {"Authorization": f"Bearer {contacts_cluster.token('root')}"}
    assert contacts_cluster.http.put("/reference", headers=admin, json={"source": demoted}).json()["changed"]
    ada.sync()
    assert ada.user().role == "requester" and ada.store.meta("reference_etag", "").endswith('-basic"')
    assert addresses_held(ada) == {}
    assert ADDRESS_BYTES not in file_bytes(ada)


def test_an_unchanged_reference_is_not_downloaded_again(contacts_cluster):
    anna = contacts_cluster.replica("anna")
    tag = anna.store.meta("reference_etag")
    assert tag and tag.endswith('-basic"')
    assert anna.client.fetch_reference() is None  # 304: the tag sent back is the one received


@pytest.mark.parametrize("username", ["anna", "tom"])
def test_the_command_line_works_for_a_person_without_addresses(contacts_cluster, username, capsys):
    """`ticket show` of someone else's ticket, lists, search and logging, on a store
    holding no e-mail address."""
    from desktop.cli.main import run

    vip = contacts_cluster.replica("vip")
    made = vip.run(svc.create, svc.NewTicket(title="Card terminal frozen at till 1", **POS))
    vip.run(svc.comment, made.number, "restarted it twice")
    vip.sync()
    ada = contacts_cluster.replica("ada")
    ada.run(svc.assign, made.number, team="FIELD", to="tom")
    ada.run(svc.comment, made.number, "Tom is on his way")
    ada.sync()
    replica = contacts_cluster.replica(username)
    assert addresses_held(replica) == {} and made.number in replica.numbers()
    replica.store.close()  # the command line opens the store itself

    def cli(*args: str) -> str:
        capsys.readouterr()
        code = run(["--data-dir", str(replica.data_dir), "--user", username, *args])
        out, err = capsys.readouterr()
        assert code == 0, err
        return out

    shown = cli("ticket", "show", made.number)
    assert "Tom is on his way" in shown and "restarted it twice" in shown and CONTACT_DOMAIN not in shown
    as_json = json.loads(cli("ticket", "show", made.number, "--json"))
    assert as_json["requester"] == "vip" and as_json["assignee"] == "tom"
    assert made.number in cli("ticket", "list")
    assert made.number in cli("search", "terminal")
    logged = json.loads(cli("ticket", "new", "--title", "Receipt printer jams", "--category",
                            "Hardware/POS terminal", "--impact", "low", "--urgency", "low",
                            "--field", "terminal_id=T-9", "--json"))
    assert logged["number"]
