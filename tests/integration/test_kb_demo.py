"""The demo store's knowledge base (DESIGN §15): a few dozen published articles for the
demo organisation's common faults; a cashier typing "receipt printer" in a new ticket
is offered the right article first, solves her own problem with it, and the reports
count that as a first-contact resolution."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core import knowledge as kb
from core.clock import utcnow
from core.demo_articles import read_demo_articles
from core.models import Article
from core.reference import reference_for
from core.reports.kpis import kpi_report
from core.reports.period import Period
from core.services import knowledge
from core.services.tickets import NewTicket
from core.store import Store
from core.uow import unit_of_work

DEMO_ORG = Path(__file__).resolve().parents[2] / "resources" / "demo-org.toml"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    from core.demo import demo_agent, demo_site, generate
    from core.orgfile import load_org
    from desktop.cli.setup import init_store

    spec = load_org(DEMO_ORG)
    store, _ = init_store(tmp_path_factory.mktemp("demo") / "branchdesk.sqlite3", str(DEMO_ORG),
                          demo_site(spec), demo_agent(spec))
    generate(store, 40, seed=11)
    yield store
    store.close()


def cashier(store: Store) -> str:
    """A requester (branch staff) of the demo organisation."""
    with store.read() as session:
        ref = reference_for(store, session)
        return sorted(u.username for u in ref.usernames.values() if u.role == "requester")[0]


def test_the_demo_holds_a_few_dozen_published_articles_in_its_categories(demo: Store) -> None:
    listed = read_demo_articles()
    assert len(listed) >= 30
    with demo.read() as session:
        ref = reference_for(demo, session)
        assert all(c in ref.category_paths for a in listed for c in a.categories)
        assert session.scalar(select(func.count()).select_from(Article).where(Article.status == "published")) == \
            len(listed)


@pytest.mark.parametrize(("title", "category", "expected"), [
    ("receipt printer", None, "Receipt printer"),
    ("Receipt printer not printing", "Hardware/Printer", "Receipt printer"),
    ("card terminal declines cards", "Payments/Card terminal", "Card terminal declines every card (error 05)"),
    ("price sign old prices", None, "Price sign shows old fuel prices"),
    ("fuel dispenser display blank", "Hardware/Fuel dispenser", "Fuel dispenser display blank"),
    ("router red lights", "Network/Router", "Router lights blinking red"),
])
def test_a_cashier_typing_a_common_fault_gets_the_right_article_first(demo: Store, title: str,
                                                                       category: str | None, expected: str) -> None:
    who = cashier(demo)
    with demo.read() as session:
        ref = reference_for(demo, session)
        found = kb.suggest(session, ref, ref.user(who), title, category)
    assert found and found[0].title.startswith(expected), [s.title for s in found]


def test_she_solves_it_herself_and_the_reports_count_a_first_contact_resolution(demo: Store) -> None:
    who = cashier(demo)
    today = utcnow().date()
    with demo.read() as session:
        ref = reference_for(demo, session)
        best = kb.suggest(session, ref, ref.user(who), "receipt printer blank", "Hardware/Printer")[0]
        manager = next(u for u in ref.usernames.values() if u.role == "manager")
        before = kpi_report(session, manager, Period(today, today), by="category")
    with unit_of_work(demo) as uow:
        ticket = NewTicket(title="Receipt printer prints blank receipts", category="Hardware/Printer",
                           impact="low", urgency="low", fields={"printer": "Receipt printer"})
        made = knowledge.solved(uow, uow.ref.user(who), best.number, ticket)
        assert made.ticket is not None
        number = made.ticket.number
    with demo.read() as session:
        ref = reference_for(demo, session)
        after = kpi_report(session, manager, Period(today, today), by="category")
        printers = next(r for r in after.rows if r["group"] == "Hardware/Printer")
        assert printers["resolved"] >= 1 and printers["fcr_pct"] is not None
        assert after.total["resolved"] == before.total["resolved"] + 1
        fcr = round(after.total["fcr_pct"] * after.total["resolved"] / 100)
        fcr_before = round((before.total["fcr_pct"] or 0) * before.total["resolved"] / 100)
        assert fcr == fcr_before + 1
        detail = kb.read_article(session, ref, ref.user(who), best.number)
        assert number in [t[0] for t in detail.tickets] and detail.solved_count >= 1
