"""Major incidents through the real store (DESIGN §12): their queue, links shown on
both ends, and resolving a major incident resolving the open incidents linked to it,
with its resolution, a history that says why, and a notice to each requester; then
`ticket show` (text and JSON) through the `branchdesk` console script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from core.notifications import current_mark, notices_since
from core.reference import reference_for
from core.services import tickets as service
from core.ticket_detail import TicketDetail, read_ticket
from core.ticket_query import TicketFilter, TicketQuery

BRANCHDESK = Path(sys.executable).with_name("branchdesk")
NOTE = "Carrier restored the regional uplink"


def detail(desk: Any, who: str, number: str) -> TicketDetail:
    with desk.store.read() as session:
        ref = reference_for(desk.store, session)
        return read_ticket(session, ref, ref.user(who), number)


def major_queue(desk: Any, who: str) -> list[str]:
    with desk.store.read() as session:
        ref = reference_for(desk.store, session)
        query = TicketQuery(ref, ref.user(who), TicketFilter(queue="major"))
        rows = [row.number for row in query.page(session)]
        # the same tickets however the queue is read: its count, the table's ids, a page
        ids = query.row_ids(session)
        assert query.count(session) == len(ids) == len(rows)
        assert sorted(r.number for r in query.rows(session, ids).values()) == sorted(rows)
        return rows


def outage(desk: Any) -> SimpleNamespace:
    """A major incident with incidents linked to it every way that matters:
    caused_by from the child (a), relates from the major incident (b), caused_by from
    one with an open task (c, at the other site), caused_by from one already resolved
    (d), and a follow-up (e), which a major incident's resolution does not settle."""
    major = desk.new("ada", title="Regional uplink down", category="Network/Router", impact="high",
                     urgency="high", requester="anna", major_incident=True)
    a = desk.new("anna", title="Till 2 offline")
    b = desk.new("vip", title="Pump 4 card reader offline")
    c = desk.new("ada", title="Router down at Puławska", category="Network/Router", requester="ola")
    task = desk.new("ada", title="Swap the router", category="Network/Router", type="task", parent=c,
                    requester="ola")
    d = desk.new("anna", title="Back office PC has no network")
    e = desk.new("ada", title="Review the uplink contract", requester="anna")
    desk.run(service.link, "ada", a, major, "caused_by")
    desk.run(service.link, "ada", major, b, "relates")
    desk.run(service.link, "ada", c, major, "caused_by")
    desk.run(service.link, "ada", d, major, "caused_by")
    desk.run(service.link, "ada", e, major, "follows_up")
    desk.move("ada", d, "resolved", code="workaround", note="Tethered to a phone")
    return SimpleNamespace(major=major, a=a, b=b, c=c, task=task, d=d, e=e)


def test_the_major_queue_holds_open_major_incidents(desk: Any) -> None:
    t = outage(desk)
    other = desk.new("ada", title="Card payments failing everywhere", major_incident=True, requester="ola",
                     site="PL-WAW-002", category="Network/Router")
    assert sorted(major_queue(desk, "ada")) == sorted([t.major, other])
    # scoped like every queue: branch staff see their own site's
    assert major_queue(desk, "anna") == [t.major]
    assert major_queue(desk, "ola") == [other]
    desk.move("ada", t.major, "resolved", code="fixed", note=NOTE)
    assert major_queue(desk, "ada") == [other]


def test_links_show_on_both_ends(desk: Any) -> None:
    t = outage(desk)
    a, major = detail(desk, "ada", t.a), detail(desk, "ada", t.major)
    assert [(link.direction, link.kind, link.ticket, link.title, link.status) for link in a.links] == [
        ("outgoing", "caused_by", t.major, "Regional uplink down", major.status)]
    seen = {(link.direction, link.kind, link.ticket) for link in major.links}
    assert seen == {("outgoing", "relates", t.b), ("incoming", "caused_by", t.a), ("incoming", "caused_by", t.c),
                    ("incoming", "caused_by", t.d), ("incoming", "follows_up", t.e)}
    by_number = {link.ticket: link for link in major.links}
    assert (by_number[t.a].title, by_number[t.d].status) == ("Till 2 offline", "resolved")
    assert [link.direction for link in detail(desk, "ada", t.b).links] == ["incoming"]
    # branch staff at Poznań see the link from Warsaw, but not what that ticket is about
    from_warsaw = {link.ticket: link for link in detail(desk, "anna", t.major).links}[t.c]
    assert (from_warsaw.direction, from_warsaw.title, from_warsaw.status) == ("incoming", None, None)
    c = detail(desk, "ada", t.c)
    assert [(task.number, task.title, task.status) for task in c.task_tickets] == [
        (t.task, "Swap the router", detail(desk, "ada", t.task).status)]
    assert c.tasks == (t.task,)
    task = detail(desk, "ada", t.task)
    assert task.parent == t.c and task.parent_ticket is not None
    assert (task.parent_ticket.title, task.parent_ticket.status) == ("Router down at Puławska", c.status)
    assert detail(desk, "ada", t.a).as_json()["links"][0]["direction"] == "outgoing"


def test_resolving_the_major_incident_resolves_the_incidents_it_affects(desk: Any) -> None:
    t = outage(desk)
    before = {n: detail(desk, "ada", n) for n in (t.c, t.d, t.e)}
    with desk.store.read() as session:
        mark = current_mark(session)
    desk.move("ada", t.major, "resolved", code="fixed", note=NOTE)

    major = detail(desk, "ada", t.major)
    assert (major.status, major.resolution_code, major.resolution_note) == ("resolved", "fixed", NOTE)
    for number, requester in ((t.a, "anna"), (t.b, "vip")):
        child = detail(desk, "ada", number)
        assert (child.status, child.resolution_code, child.resolution_note) == ("resolved", "fixed", NOTE), number
        assert child.resolved_at == major.resolved_at
        status = [h for h in child.history if h.kind == "field" and h.field == "status"][-1]
        assert (status.actor, status.new, status.note) == ("ada", "resolved", f"resolved with major incident "
                                                                              f"{t.major}")
        notices = [h for h in child.history if h.kind == "notice" and h.field == "major_resolved"]
        assert [(h.field, h.new, h.note) for h in notices] == [
            ("major_resolved", [requester], f"Resolved with major incident {t.major}: {NOTE}")]
    # the one with an open task stays open, and the major incident says so
    assert detail(desk, "ada", t.c).status == before[t.c].status
    assert [c.body for c in major.comments if not c.public] == [
        f"Still open, not resolved with this major incident: {t.c} (1 open task)"]
    # the one already resolved keeps its own resolution; the follow-up is other work
    d = detail(desk, "ada", t.d)
    assert (d.status, d.resolution_code, d.history) == ("resolved", "workaround", before[t.d].history)
    assert detail(desk, "ada", t.e).status == before[t.e].status

    with desk.store.read() as session:
        ref = reference_for(desk.store, session)
        told = {who: notices_since(session, ref, ref.user(who), mark)[1] for who in ("anna", "vip", "ola")}
    # anna logged the major incident too: she hears of its resolution, and of her own incident's
    assert sorted((n.kind, n.number, n.text) for n in told["anna"]) == sorted([
        ("resolved", t.major, NOTE), ("major_resolved", t.a, f"Resolved with major incident {t.major}: {NOTE}")])
    assert [(n.kind, n.number, n.by) for n in told["vip"]] == [("major_resolved", t.b, "Ada Agent")]
    assert told["ola"] == []


def test_only_what_the_actor_may_see_is_resolved(desk: Any) -> None:
    """Tom works Poznań and the field team; the Warsaw router incident is not his to touch."""
    major = desk.new("ada", title="Regional uplink down", category="Network/Router", impact="high",
                     urgency="high", requester="anna", major_incident=True)
    here = desk.new("anna", title="Till 2 offline")
    there = desk.new("ada", title="Router down at Puławska", category="Network/Router", requester="ola")
    desk.run(service.link, "ada", here, major, "caused_by")
    desk.run(service.link, "ada", there, major, "relates")
    desk.move("tom", major, "resolved", code="fixed", note=NOTE)
    assert detail(desk, "ada", here).status == "resolved"
    assert detail(desk, "ada", there).status == "new"
    # and nothing about the Warsaw ticket is written on the major incident
    assert all(there not in c.body for c in detail(desk, "ada", major).comments)


# -- the command line ---------------------------------------------------------------

def branchdesk(data_dir: Path, user: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([str(BRANCHDESK), "--data-dir", str(data_dir), "--user", user, *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")


def finished(process: subprocess.Popen[str]) -> str:
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0 and err == "", err
    return out


@pytest.fixture
def outage_dir(template_store: Path, tmp_path: Path, kit: Any) -> tuple[Path, SimpleNamespace]:
    from core.store import Store

    path = kit.copy_store(template_store, tmp_path / "data" / "branchdesk.sqlite3")
    store = Store.open(path)
    try:
        desk = kit.Desk(store)
        t = outage(desk)
        desk.run(service.edit, "ada", t.a, service.TicketEdit(asset_tag="POS-0002"))
    finally:
        store.close()
    return path.parent, t


def test_ticket_list_and_show_through_the_command_line(outage_dir: tuple[Path, SimpleNamespace]) -> None:
    data_dir, t = outage_dir
    listed, shown_major, shown_c, as_json = (finished(p) for p in [
        branchdesk(data_dir, "ada", "ticket", "list", "--queue", "major", "--json"),
        branchdesk(data_dir, "ada", "ticket", "show", t.major),
        branchdesk(data_dir, "ada", "ticket", "show", t.c),
        branchdesk(data_dir, "ada", "ticket", "show", t.a, "--json"),
    ])
    assert [row["number"] for row in json.loads(listed)] == [t.major]

    lines = [line.strip() for line in shown_major.splitlines()]
    assert "(MAJOR INCIDENT)" in lines[1]
    links = lines[lines.index("links:") + 1:]
    assert f"relates to {t.b}  new  Pump 4 card reader offline" in links
    assert any(line.startswith(f"causes {t.a}  ") and line.endswith("Till 2 offline") for line in links)
    assert any(line.startswith(f"causes {t.d}  resolved  ") for line in links)
    assert any(line.startswith(f"followed up by {t.e}  ") for line in links)

    c_lines = [line.strip() for line in shown_c.splitlines()]
    tasks = c_lines[c_lines.index("tasks:") + 1]
    assert tasks.startswith(t.task) and tasks.endswith("Swap the router")
    assert any(line.startswith(f"caused by {t.major}  ") and line.endswith("Regional uplink down")
               for line in c_lines)

    a = json.loads(as_json)
    assert a["asset_tag"] == "POS-0002" and a["major_incident"] is False
    assert [(link["direction"], link["kind"], link["ticket"], link["title"]) for link in a["links"]] == [
        ("outgoing", "caused_by", t.major, "Regional uplink down")]

    finished(branchdesk(data_dir, "ada", "ticket", "move", t.major, "resolved", "--code", "fixed", "--note", NOTE))
    shown_a, shown_task, major_json, listed = (finished(p) for p in [
        branchdesk(data_dir, "ada", "ticket", "show", t.a),
        branchdesk(data_dir, "ada", "ticket", "show", t.task),
        branchdesk(data_dir, "ada", "ticket", "show", t.major, "--json"),
        branchdesk(data_dir, "ada", "ticket", "list", "--queue", "major", "--json"),
    ])
    assert json.loads(listed) == []
    assert "asset POS-0002" in shown_a and f"resolved: fixed: {NOTE}" in shown_a
    assert f"resolved with major incident {t.major}" in shown_a
    assert f"told anna (major_resolved): Resolved with major incident {t.major}: {NOTE}" in shown_a
    assert f"task of {t.c}  " in shown_task
    major = json.loads(major_json)
    assert {(link["direction"], link["ticket"], link["status"]) for link in major["links"]} >= {
        ("incoming", t.a, "resolved"), ("outgoing", t.b, "resolved"), ("incoming", t.c, "new")}
