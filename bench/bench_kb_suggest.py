"""Knowledge suggestions benchmark: prints figures, asserts nothing (DESIGN §10, §15).

    .venv/bin/python bench/bench_kb_suggest.py DATA_DIR [--articles 2000] [--runs 300]

DATA_DIR holds a demo store (`branchdesk --data-dir DATA_DIR demo --tickets 100000`;
the demo publishes its knowledge base). Articles are added through the service layer
(written and published by the demo's agent, variants of the demo's own) until the
store holds `--articles` of them. Measured: core.knowledge.suggest as the new-ticket
dialog calls it, on a read session of its own, for titles a cashier types (prefixes
of them too, as while typing), with and without a category: the median, the 95th
percentile and the worst of `--runs` calls. Target: under 50 ms with 100,000 tickets
and 2,000 articles on 2 cores."""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from sqlalchemy import func, select

from core import knowledge as kb
from core.demo import demo_agent
from core.demo_articles import read_demo_articles
from core.models import Article, Ticket
from core.paths import store_path
from core.reference import reference_for
from core.services import knowledge
from core.store import Store
from core.uow import unit_of_work

TYPED = [
    ("receipt printer", None), ("Receipt printer not printing", "Hardware/Printer"),
    ("card terminal declines", "Payments/Card terminal"), ("price sign shows old price", None),
    ("fuel dispenser display blank", "Hardware/Fuel dispenser"), ("router red", "Network/Router"),
    ("pos freezes loyalty card", "Software/POS application"), ("internet down", None),
    ("rec", None), ("receipt pr", "Hardware/Printer"), ("", "Network/Router"),
    ("password locked out back office", "Access/Password reset"),
]
PLACES = ["at till 1", "at till 2", "at pump 3", "in the shop", "since the update", "after the power cut",
          "again", "every morning", "at night", "for the second time", "at the car wash", "on Sundays"]


def fill(store: Store, wanted: int) -> int:
    with store.read() as session:
        have = int(session.scalar(select(func.count()).select_from(Article)) or 0)
    if have >= wanted:
        return have
    rng = random.Random(5)
    base = read_demo_articles()
    with unit_of_work(store) as uow:
        agent = uow.ref.user(demo_agent(uow.ref.spec))
        for i in range(wanted - have):
            item = rng.choice(base)
            categories = [c for c in item.categories if c in uow.ref.category_paths]
            title = f"{item.title} {rng.choice(PLACES)} ({i})"
            article = knowledge.new_article(uow, agent, knowledge.ArticleDraft(title, item.body, categories))
            knowledge.publish_article(uow, agent, article.number)
    return wanted


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    store = Store.open(store_path(Path(args.data_dir)))
    started = time.perf_counter()
    articles = fill(store, args.articles)
    print(f"articles: {articles} (filled in {time.perf_counter() - started:.1f} s)")
    with store.read() as session:
        tickets = session.scalar(select(func.count()).select_from(Ticket))
        ref = reference_for(store, session)
        user = next(u for u in ref.usernames.values() if u.role == "requester")
    print(f"store: {tickets} tickets, {articles} articles; as {user.username} ({user.role})")
    times: list[float] = []
    for run in range(args.runs):
        title, category = TYPED[run % len(TYPED)]
        began = time.perf_counter()
        with store.read() as session:
            found = kb.suggest(session, ref, user, title, category)
        times.append((time.perf_counter() - began) * 1000)
        if run < len(TYPED):
            best = f"{found[0].title!r} ({found[0].score})" if found else "nothing"
            print(f"  {title!r:40} {str(category):28} -> {best}")
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"suggest: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, worst {times[-1]:.1f} ms "
          f"over {len(times)} calls (target: under 50 ms)")
    store.close()


if __name__ == "__main__":
    main()
