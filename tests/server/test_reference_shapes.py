"""GET /reference by role (server/README.md, "Reference data by role"): each role
receives exactly the documented user fields, requesters, technicians and
integrations no contact details, and the ETag and 304 work per role."""

from __future__ import annotations

import dataclasses
import tomllib

import pytest
from server_testkit import ORG, PASSWORD, login

from core.orgfile import parse_org
from core.orgspec import ROLES, UserSpec
from server.orgsource import SECRET_KEYS
from server.reference_shapes import FILE_USER_KEYS, SHAPES, VIEW_USER_KEYS
from server.schemas.reference import ReferenceUser
from server.schemas.users import UserOut
from tests.support.contacts import CONTACT_DOMAIN, INTEGRATION, SMTP_LOGIN, address, with_contacts

# What server/README.md promises, written out again here on purpose: changing what a
# role receives is a decision to make in both places.
WORK_IN_FILE = {"username", "name", "role", "site", "teams", "sites", "vip"}
WORK_IN_VIEW = {"id", "username", "name", "role", "site", "teams", "sites", "vip", "active"}
DOCUMENTED = {  # shape: (keys of a [[users]] table in `source`, keys of an entry of `users`, [channels] kept)
    "basic": (WORK_IN_FILE, WORK_IN_VIEW, False),
    "staff": (WORK_IN_FILE | {"email"}, WORK_IN_VIEW | {"email"}, False),
    "full": (WORK_IN_FILE | {"email", "notify", "language"}, WORK_IN_VIEW | {"email"}, True),
}
ROLE_SHAPES = {"requester": "basic", "technician": "basic", "integration": "basic",
               "agent": "staff", "manager": "staff", "admin": "full"}
PEOPLE = {"requester": "anna", "technician": "tom", "integration": INTEGRATION,
          "agent": "ada", "manager": "max", "admin": "root"}


def test_every_personal_field_of_a_user_has_a_decision():
    """A key added to users (in the organisation file or the API's user view) fails
    here until server/reference_shapes.py and server/README.md say who receives it."""
    in_file = {f.name for f in dataclasses.fields(UserSpec)}
    assert in_file == DOCUMENTED["full"][0] | SECRET_KEYS
    assert set(UserOut.model_fields) == DOCUMENTED["full"][1]
    assert set(ReferenceUser.model_fields) == DOCUMENTED["full"][1]
    assert set(SHAPES) == set(ROLES) and SHAPES == ROLE_SHAPES
    for shape, (file_keys, view_keys, _) in DOCUMENTED.items():
        assert FILE_USER_KEYS[shape] == file_keys and VIEW_USER_KEYS[shape] == view_keys


@pytest.fixture
def contacts(client):
    """The server's organisation with every personal field filled in."""
    source = with_contacts(ORG.read_text(encoding="utf-8"), PASSWORD)
    answer = client.put("/reference", headers=login(client, "root"), json={"source": source})
    assert answer.status_code == 200 and answer.json()["changed"], answer.text
    return source


@pytest.mark.parametrize("role", sorted(ROLE_SHAPES))
def test_each_role_receives_exactly_the_documented_fields(client, contacts, role):
    answer = client.get("/reference", headers=login(client, PEOPLE[role]))
    assert answer.status_code == 200
    body = answer.json()
    shape = ROLE_SHAPES[role]
    file_keys, view_keys, channels = DOCUMENTED[shape]
    assert body["shape"] == shape and answer.headers["etag"] == f'"reference-{body["version"]}-{shape}"'
    assert set(body) == {"version", "shape", "name", "source", "users"}
    assert len(body["users"]) == len(parse_org(contacts).users)
    for user in body["users"]:
        assert set(user) == view_keys, user["username"]
    source = tomllib.loads(body["source"])
    written = set().union(*(u.keys() for u in tomllib.loads(contacts)["users"]))
    assert {"email", "notify", "language", "password"} <= written
    for user in source["users"]:
        assert set(user) <= file_keys, user["username"]
    assert set().union(*(u.keys() for u in source["users"])) == written & file_keys
    assert ("channels" in source) is channels
    served = parse_org(body["source"])  # the device imports it as it is
    assert [u.username for u in served.users] == [u.username for u in parse_org(contacts).users]
    assert "password" not in body["source"] and PASSWORD not in answer.text
    if shape == "basic":
        assert CONTACT_DOMAIN not in answer.text
    else:
        assert all(address(u["username"]) in answer.text for u in body["users"])
        assert (SMTP_LOGIN in answer.text) is channels


def test_an_admin_still_receives_the_file_as_written(client, contacts):
    body = client.get("/reference", headers=login(client, "root")).json()
    original = parse_org(contacts)
    assert parse_org(body["source"]) == dataclasses.replace(
        original, users=tuple(dataclasses.replace(u, password=None) for u in original.users))


def test_the_etag_answers_304_per_role_and_never_across_roles(client, contacts):
    anna, ada = login(client, "anna"), login(client, "ada")
    basic = client.get("/reference", headers=anna)  # (cached for ada's shape next: never shared)
    staff = client.get("/reference", headers=ada)
    assert address("tom") in staff.text and CONTACT_DOMAIN not in basic.text
    assert basic.headers["etag"] != staff.headers["etag"]
    assert client.get("/reference", headers={**anna, "If-None-Match": basic.headers["etag"]}).status_code == 304
    assert client.get("/reference", headers={**ada, "If-None-Match": staff.headers["etag"]}).status_code == 304
    across = client.get("/reference", headers={**anna, "If-None-Match": staff.headers["etag"]})
    assert across.status_code == 200 and CONTACT_DOMAIN not in across.text
    # an old client's tag, of the version alone, is answered in full
    old = client.get("/reference", headers={**anna, "If-None-Match": f'"reference-{basic.json()["version"]}"'})
    assert old.status_code == 200


def test_a_user_whose_role_changes_gets_the_new_shape_at_the_next_fetch(client, contacts):
    anna = login(client, "anna")
    before = client.get("/reference", headers=anna)
    promoted = contacts.replace('role = "requester"\nsite = "PL-POZ-001"', 'role = "agent"\nsite = "PL-POZ-001"', 1)
    assert promoted != contacts
    assert client.put("/reference", headers=login(client, "root"), json={"source": promoted}).json()["changed"]
    after = client.get("/reference", headers={**anna, "If-None-Match": before.headers["etag"]})
    assert after.status_code == 200 and after.json()["shape"] == "staff" and address("tom") in after.text
    demoted = client.put("/reference", headers=login(client, "root"), json={"source": contacts})
    assert demoted.json()["changed"]
    again = client.get("/reference", headers={**anna, "If-None-Match": after.headers["etag"]})
    assert again.status_code == 200 and again.json()["shape"] == "basic" and CONTACT_DOMAIN not in again.text
