"""The whole story, as people run it: two branch stores (a technician at Poznań and
one at Warsaw) and a central agent's store, each made by `branchdesk login` against
a real `branchdesk-server`, work offline while the server is down, changing the
same tickets on every side; when the server is back, `branchdesk sync` on each
brings them to the same state as the server's, and every conflict is listed by
`branchdesk status` and `ticket show` on the stores whose change lost."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from synckit import expected_state, server_state, store_state

from core.ids import reference_id
from core.reference import load_reference
from core.store import Store
from server.db import Database
from sync.models import SyncEntry

POS = ("--category", "Hardware/POS terminal", "--impact", "medium", "--urgency", "medium", "--field", "terminal_id=T-9")
ROUTER = ("--category", "Network/Router", "--impact", "medium", "--urgency", "high")


def synced_until_quiet(cli, folders) -> None:
    """`branchdesk sync` on each store in turn until a round moves nothing."""
    for _ in range(6):
        outputs = [cli.run(folder, "sync").stdout for folder in folders]
        if all("pushed 0 " in out and "pulled 0 " in out for out in outputs):
            return
    raise AssertionError(f"the stores did not settle: {outputs}")


@pytest.mark.slow_on_postgresql
def test_three_stores_offline_for_days_come_back_identical_with_every_conflict_shown(
        servers, server_url, tmp_path, cli):
    server = servers()
    tom, nina, ada = (tmp_path / name for name in ("tom", "nina", "ada"))
    for folder in (tom, nina, ada):
        cli.login(folder, server.base, folder.name)

    poz = cli.json(tom, "ticket", "new", "--title", "Pump 3 card reader dead", "--requester", "anna", *POS)
    waw = cli.json(nina, "ticket", "new", "--title", "Router drops the VPN", "--requester", "ola", *ROUTER)
    shared = cli.json(ada, "ticket", "new", "--title", "Shop till freezes", "--requester", "anna",
                      "--site", "PL-POZ-001", *POS)
    synced_until_quiet(cli, [tom, nina, ada])

    # the link goes down for everyone: the server stops
    server.stop()
    cli.run(tom, "ticket", "assign", shared["number"], "--to", "tom")
    cli.run(tom, "ticket", "move", shared["number"], "in_progress")
    cli.run(tom, "ticket", "comment", poz["number"], "reader replaced, testing")
    cli.run(ada, "ticket", "assign", shared["number"], "--team", "NET", "--to", "nina")
    cli.run(ada, "ticket", "edit", waw["number"], "--impact", "high")
    cli.run(nina, "ticket", "edit", waw["number"], "--impact", "low")
    cli.run(nina, "ticket", "comment", waw["number"], "on my way", "--internal")
    offline = cli.json(nina, "ticket", "new", "--title", "Back office PC will not boot", "--requester", "ola", *POS)
    failed = cli.run(ada, "sync", check=False)
    assert failed.returncode == 1 and failed.stderr.startswith("error: cannot reach the server"), failed.stderr
    waiting = cli.json(ada, "status")["pending"]
    assert waiting == 2 and f"; {waiting} change(s) wait here for the next sync" in failed.stderr

    # days later the server is back, on the same address; everyone syncs, in turn
    server.start()
    synced_until_quiet(cli, [tom, ada, nina])

    db = Database(server_url)
    try:
        full = server_state(db)
        with db.read() as session:
            ref = load_reference(session)
            unanswered = session.scalars(select(SyncEntry).where(SyncEntry.outcome.not_in(
                ("applied", "merged", "rejected")))).all()
    finally:
        db.dispose()
    assert unanswered == []
    for folder in (tom, nina, ada):
        store = Store.open(folder / "branchdesk.sqlite3")
        try:
            assert store_state(store) == expected_state(full, ref.user(folder.name)), folder.name
        finally:
            store.close()
        assert cli.json(folder, "status")["pending"] == 0

    # what happened to each change, where it can be seen
    shown = {str(t["id"]): t for t in full["ticket"].values()}
    assert {t["title"] for t in shown.values()} >= {"Back office PC will not boot"}
    on_server = next(t for t in shown.values() if t["number"] == shared["number"])
    assert on_server["assignee_id"] == str(reference_id("user", "nina"))  # ada's came last: it is kept
    assert offline["number"] in {t["number"] for t in shown.values()}
    # tom's assignment lost: tom and ada see it in `status`, with who kept what
    for folder in (tom, ada):
        conflicts = cli.json(folder, "status")["conflicts"]
        assert {(c["ticket"], c["field"], c["kept"], c["lost"], c["kept_by"], c["lost_by"])
                for c in conflicts} >= {(shared["number"], "assignee_id", "nina", "tom", "ada", "tom")}, conflicts
    # nina's impact came after ada's: ada's lost, and both see it on the ticket
    for folder in (nina, ada):
        conflicts = cli.json(folder, "ticket", "show", waw["number"])["conflicts"]
        assert [(c["kept"], c["lost"], c["kept_by"], c["lost_by"]) for c in conflicts if c["field"] == "impact"] == [
            ("low", "high", "nina", "ada")], conflicts
    text = cli.run(tom, "status").stdout
    assert "conflict " in text and shared["number"] in text

    # a conflict acknowledged on one store is acknowledged everywhere after a sync
    for conflict in cli.json(nina, "ticket", "show", waw["number"])["conflicts"]:
        cli.run(nina, "ack", conflict["id"][:8])
    synced_until_quiet(cli, [tom, ada, nina])
    assert all(c["ticket"] != waw["number"] for c in cli.json(ada, "status")["conflicts"])
    assert all(c["acknowledged_at"] for c in cli.json(ada, "ticket", "show", waw["number"])["conflicts"])
