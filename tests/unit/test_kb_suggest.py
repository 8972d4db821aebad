"""Suggestion scoring (core.knowledge.suggest) on its own: the category part of the
score, the words that do not count, and the order of a small corpus made in memory
(an SQLite store in a temporary folder, the real schema and FTS5 index)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from core import knowledge as kb
from core.reference import reference_for
from core.services import knowledge
from core.uow import unit_of_work

SMALL_ORG = Path(__file__).resolve().parents[1] / "fixtures" / "small-org.toml"


@pytest.mark.parametrize(("wanted", "paths", "expected"), [
    (None, ["Hardware"], 0.0),
    ("Hardware", ["Hardware"], 1.0),
    ("Hardware", ["Hardware/POS terminal"], 1.0),  # below the category typed
    ("Hardware/POS terminal", ["Hardware"], 0.5),  # its parent
    ("Network/Router", ["Network/Internet link"], 0.5),  # a sibling
    ("Network/Router", ["Hardware/POS terminal", "Network/Router"], 0.75),  # not its main category
    ("Network/Router", ["Network/Router", "Hardware/POS terminal"], 1.0),
    ("Access/Password reset", ["Hardware/POS terminal"], 0.0),
])
def test_category_match(wanted: str | None, paths: list[str], expected: float) -> None:
    assert kb._category_match(wanted, paths) == expected


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from desktop.cli.setup import init_store

    made, _ = init_store(tmp_path_factory.mktemp("kb") / "branchdesk.sqlite3", str(SMALL_ORG), "PL-POZ-001")
    with unit_of_work(made) as uow:
        ada = uow.ref.user("ada")
        for title, body, categories in [
            ("Receipt printer prints blank paper", "Turn the roll over.", ["Hardware"]),
            ("Printer driver for the office", "Install it from the share.", ["Access/Password reset"]),
            ("Card terminal offline", "Restart it. The printer is not the cause.", ["Hardware/POS terminal"]),
            ("Router lights red", "Power cycle.", ["Network/Router"]),
        ]:
            number = knowledge.new_article(uow, ada, knowledge.ArticleDraft(title, body, categories)).number
            knowledge.publish_article(uow, ada, number)
    yield made
    made.close()


def titles(store: Any, title: str, category: str | None = None) -> list[tuple[str, float]]:
    with store.read() as session:
        ref = reference_for(store, session)
        return [(s.title, s.score) for s in kb.suggest(session, ref, ref.user("anna"), title, category)]


def test_title_words_outrank_body_words_and_the_category_breaks_ties(store: Any) -> None:
    found = titles(store, "printer")
    assert [t for t, _ in found][:2] == ["Printer driver for the office", "Receipt printer prints blank paper"] or \
        [t for t, _ in found][:2] == ["Receipt printer prints blank paper", "Printer driver for the office"]
    assert found[-1][0] == "Card terminal offline"  # the word only in its body
    with_category = titles(store, "printer", "Hardware")
    assert with_category[0][0] == "Receipt printer prints blank paper"
    assert with_category[0][1] > with_category[1][1]


def test_common_words_alone_still_search_and_prefixes_match(store: Any) -> None:
    assert titles(store, "the rout")[0][0] == "Router lights red"  # "the" does not count, "rout" is a prefix
    assert titles(store, "zzz") == []
