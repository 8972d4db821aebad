"""The demo store's ratings (DESIGN §15): a share of the resolved and closed tickets is
rated by their requesters through the service layer, mostly well, some with a
comment, the same for the same seed; and a fresh demo's report shows them."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from core.clock import utcnow
from core.invariants import store_problems
from core.models import Rating, Ticket
from core.reference import reference_for
from core.store import Store
from desktop.cli.main import run as cli

DEMO_ORG = Path(__file__).resolve().parents[2] / "resources" / "demo-org.toml"


def cli_run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def rated(store: Store) -> list[tuple[Any, ...]]:
    """Every rating with its ticket's number, status, requester, last resolution and
    whether it was reopened."""
    with store.read() as session:
        return [tuple(row) for row in session.execute(
            select(Ticket.number, Ticket.status, Ticket.requester_id, Ticket.resolved_at, Rating.rater_id,
                   Rating.score, Rating.effort, Rating.comment, Rating.created_at, Rating.updated_at,
                   Ticket.reopened)
            .join(Rating, Rating.ticket_id == Ticket.id).order_by(Ticket.number))]


def test_the_demo_store_has_its_requesters_ratings_and_the_report_shows_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "demo"
    code, out, err = cli_run(capsys, "--data-dir", str(data), "demo", "--tickets", "300")
    assert (code, err) == (0, ""), out
    store = Store.open(data / "branchdesk.sqlite3")
    try:
        found = rated(store)
        with store.read() as session:
            done = len(session.scalars(select(Ticket.id).where(Ticket.status.in_(("resolved", "closed")))).all())
            assert store_problems(session, reference_for(store, session), utcnow()) == {}
    finally:
        store.close()
    # a realistic share of the resolved and closed tickets, each by its requester after its resolution
    assert 0.2 * done < len(found) < 0.5 * done
    for _number, status, requester, resolved_at, rater, score, effort, _comment, created, updated, again in found:
        assert status in ("resolved", "closed") and rater == requester
        assert score in range(1, 6) and effort in (None, *range(1, 6))
        assert created == updated
        assert resolved_at < created or again  # rated once resolved (a reopened one: the first time)
    scores = Counter(row[5] for row in found)
    assert scores[4] + scores[5] > 0.7 * len(found) and scores[1] + scores[2] > 0  # mostly 4-5, not all
    assert 0 < sum(1 for row in found if row[7]) < len(found)  # some comments
    assert 0 < sum(1 for row in found if row[6] is None) < len(found) // 4  # a few leave the effort out

    code, out, err = cli_run(capsys, "--data-dir", str(data), "report", "--json")
    assert (code, err) == (0, "")
    total = json.loads(out)["total"]
    assert total["csat_count"] > 0 and 3.5 < total["csat_avg"] <= 5 and total["effort_avg"] is not None


def test_the_same_seed_gives_the_same_ratings(tmp_path: Path) -> None:
    from core.demo import demo_agent, demo_site, generate
    from core.orgfile import load_org
    from desktop.cli.setup import init_store

    spec = load_org(DEMO_ORG)
    now = datetime(2026, 6, 1, 12, tzinfo=UTC)
    found = []
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        store, _ = init_store(tmp_path / name / "branchdesk.sqlite3", str(DEMO_ORG), demo_site(spec),
                              demo_agent(spec))
        try:
            generate(store, 120, seed=seed, now=now)
            # a ticket by its site and sequence: the device code in its number is the store's own
            found.append([(row[0].split("-")[:3] + row[0].split("-")[-1:], *row[5:9]) for row in rated(store)])
        finally:
            store.close()
    assert found[0] and found[0] == found[1]
    assert found[2] != found[0]
