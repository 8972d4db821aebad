"""Replicas converge (DESIGN §6 Rebase, §11): one server and five replicas (a
requester and a technician at each of two sites, and a central agent) make random
creates, tasks, links, edits, assignments, transitions, comments, work logs and
acknowledgements offline, and sync in random orders, with pushes whose answers
are lost, pushes sent twice, old batches replayed, pulls page by page, and time
passing. When all have synced with nothing left to send, every replica holds exactly
the server's records within its scope, computes the same SLA figures, and every
change it made was applied, or is shown to its author as rejected or overridden.

Seeded (derandomized) and bounded for the default run; the `slow` variant runs many
more and longer examples (`pytest -m slow tests/sync`, reproducible with
`--hypothesis-seed=N`)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test
from synckit import (
    ASSIGNMENTS,
    CATEGORIES,
    LEVELS,
    LINKS,
    MOVES,
    Cluster,
    ShiftedClock,
    assert_invariants,
    do_work,
    results_of,
)

from sync import client as sync_client
from sync.client import SyncError

PEOPLE = ("anna", "ola", "tom", "nina", "ada")

people = st.sampled_from(PEOPLE)
picks = st.integers(min_value=0, max_value=10_000)
levels = st.sampled_from(LEVELS)
# One piece of offline work: what it is, and what it needs. A rule does a few in a row.
actions = st.one_of(
    st.tuples(st.just("create"), st.sampled_from(sorted(CATEGORIES)), levels, levels, st.sampled_from(("anna", "ola"))),
    st.tuples(st.just("edit"), picks, st.booleans(), st.none() | levels,
              st.none() | st.sampled_from(("", "seen twice", "after the storm"))),
    st.tuples(st.just("assign"), picks, st.sampled_from(ASSIGNMENTS)),
    st.tuples(st.just("move"), picks, st.sampled_from(MOVES)),
    st.tuples(st.just("comment"), picks, st.booleans()),
    st.tuples(st.just("log_work"), picks, st.integers(min_value=1, max_value=240)),
    st.tuples(st.just("acknowledge"), picks),
    st.tuples(st.just("task"), picks, st.sampled_from(sorted(CATEGORIES))),
    st.tuples(st.just("link"), picks, picks, st.sampled_from(LINKS)),
    st.tuples(st.just("auto_close")),
)


def machine(make_url: Callable[[], str], root: Path, template: Path) -> type[RuleBasedStateMachine]:
    examples = itertools.count()

    class Convergence(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.cluster = Cluster(make_url(), root / f"example-{next(examples)}", ShiftedClock(), template=template)
            self.replicas = {name: self.cluster.replica(name) for name in PEOPLE}
            self.titles = itertools.count(1)

        def teardown(self) -> None:
            try:
                self.cluster.settle()
                self.cluster.check()
            finally:
                self.cluster.close()

        @initialize(opening=st.lists(st.tuples(people, actions), min_size=4, max_size=12))
        def tickets_to_work_on(self, opening: list[tuple[str, tuple[Any, ...]]]) -> None:
            """Tickets at both sites for each team, known to everyone who may see them;
            then a first round of work on them, everyone offline at once."""
            for who, category, requester in (("anna", "Hardware/POS terminal", None), ("ola", "Hardware/POS terminal", None),
                                             ("ola", "Network/Router", None), ("ada", "Access/Password reset", "anna")):
                do_work(self.replicas[who], ("create", category, "medium", "high", requester), self.titles)
            self.cluster.settle()
            for who, action in opening:
                do_work(self.replicas[who], action, self.titles)

        @invariant()
        def every_ticket_keeps_the_rules(self) -> None:
            """After every step, on the server and on every replica, mid-sync or not."""
            assert_invariants(self.cluster.db, list(self.replicas.values()), self.cluster.clock())

        # -- offline work --------------------------------------------------------------
        @rule(who=people, work=st.lists(actions, min_size=1, max_size=4))
        def work(self, who: str, work: list[tuple[Any, ...]]) -> None:
            for action in work:
                do_work(self.replicas[who], action, self.titles)

        @rule(hours=st.sampled_from((0.05, 0.5, 2, 9, 30, 130)))
        def time_passes(self, hours: float) -> None:
            self.cluster.clock.advance(hours=hours)  # type: ignore[attr-defined]

        # -- sync, whole and in pieces --------------------------------------------------
        @rule(who=people)
        def sync(self, who: str) -> None:
            self.replicas[who].sync()

        @rule(who=people, lost=st.booleans(), twice=st.booleans())
        def push(self, who: str, lost: bool, twice: bool) -> None:
            replica = self.replicas[who]
            replica.http.drop_pushes, replica.http.repeat_pushes = int(lost), int(twice)
            try:
                replica.client.push()
            except SyncError:
                assert lost
            finally:
                replica.http.drop_pushes = replica.http.repeat_pushes = 0

        @rule(who=people, limit=st.integers(min_value=1, max_value=12))
        def pull_one_page(self, who: str, limit: int) -> None:
            self.replicas[who].pull_page(limit)

        @rule(who=people)
        def pull(self, who: str) -> None:
            self.replicas[who].client.pull()

        @rule(who=people, pick=picks)
        def replay_an_old_push(self, who: str, pick: int) -> None:
            replica = self.replicas[who]
            sent = [p for p in replica.http.pushes if p.answer is not None]
            if not sent:
                return
            old = sent[pick % len(sent)]
            answer = replica.http.replay(old)
            assert answer.status_code == 200, answer.text
            first = [(r["id"], r["seq"], r["outcome"], r["reason"]) for r in results_of(old.answer)]
            again = [(r["id"], r["seq"], r["outcome"], r["reason"]) for r in results_of(answer.json())]
            assert again == first

    return Convergence


def run(make_url: Callable[[], str], root: Path, template: Path, **options: object) -> None:
    run_state_machine_as_test(
        machine(make_url, root, template),
        settings=settings(deadline=None, database=None, suppress_health_check=list(HealthCheck),
                          **options),  # type: ignore[arg-type]
    )


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pull in pages of a few records, so that changes land between the pages of a pull."""
    monkeypatch.setattr(sync_client, "PAGE", 7)


def test_replicas_converge(fresh_url, tmp_path, store_template, small_pages, backend):
    # No shrinking in the default run: a failure is reported with every step as drawn,
    # at once, rather than after minutes of shrinking (the slow variant shrinks). On
    # PostgreSQL fewer examples: the merge is the same code, the database is what differs.
    examples = 10 if backend == "sqlite" else 5
    run(fresh_url, tmp_path, store_template, max_examples=examples, stateful_step_count=30, derandomize=True,
        phases=[Phase.explicit, Phase.reuse, Phase.generate])


@pytest.mark.slow
@pytest.mark.timeout(6 * 3600)  # 300 examples of 100 steps: about an hour and a half on two cores
def test_replicas_converge_long_run(fresh_url, tmp_path, store_template, small_pages):
    run(fresh_url, tmp_path, store_template, max_examples=300, stateful_step_count=100)
