"""The read side (core.ticket_query, core.ticket_detail, core.queries): queues, scope
(DESIGN §7: a requester sees their site's tickets only), sorting and paging in SQL,
and full-text search over titles, descriptions and comments with prefixes and
diacritics folded."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from core.errors import InvalidInput, NotFound
from core.queries import search
from core.reference import reference_for
from core.services import tickets as service
from core.store import Store
from core.ticket_detail import read_ticket
from core.ticket_query import TicketFilter, TicketQuery, TicketRow
from core.uow import unit_of_work

# key: (who logs it, extra, title, description, category, impact, urgency, then: what happens)
TICKETS: dict[str, tuple[str, dict[str, str], str, str, str, str, str]] = {
    "A": ("anna", {}, "Receipt printer jammed at Głogowska", "The till 2 printer eats paper", "Hardware",
          "low", "low"),
    "B": ("ola", {}, "Router blinking red at Puławska", "No uplink since the storm", "Network/Router",
          "high", "high"),
    "C": ("ada", {"requester": "anna"}, "Password reset for Łucja", "Locked out of the back office",
          "Access/Password reset", "medium", "medium"),
    "D": ("anna", {}, "Card terminal frozen", "Declines every card", "Hardware", "high", "medium"),
    "E": ("ola", {}, "VPN drops every hour", "The tunnel to head office drops", "Network/Router",
          "medium", "low"),
    "F": ("anna", {}, "Fuel pump display dark", "Pump 4 shows nothing", "Hardware", "low", "medium"),
    "G": ("vip", {}, "Skimmer found on pump 3", "Loose overlay on the card reader",
          "Security/Suspicious activity", "low", "low"),
    "H": ("ola", {}, "Price sign flickering", "The big sign by the road", "Hardware", "low", "low"),
}


@pytest.fixture(scope="module")
def built(template_store: Any, tmp_path_factory: pytest.TempPathFactory,
          kit: Any) -> Iterator[tuple[Any, dict[str, str]]]:
    """Eight tickets at two sites in every queue, made once for the module's read-only tests."""
    store = Store.open(kit.copy_store(template_store, tmp_path_factory.mktemp("queries") / "branchdesk.sqlite3"))
    numbers: dict[str, str] = {}
    with unit_of_work(store) as uow:
        user = uow.ref.user
        for key, (who, extra, title, description, category, impact, urgency) in TICKETS.items():
            cmd = service.NewTicket(title=title, description=description, category=category, impact=impact,
                                    urgency=urgency, **extra)
            numbers[key] = service.create(uow, user(who), cmd).number
        service.comment(uow, user("tom"), numbers["A"], "Spare roller arrives tomorrow from Poznań")
        service.assign(uow, user("ada"), numbers["D"], to="tom")
        service.comment(uow, user("tom"), numbers["D"], "Suspect sabotage by the night shift", internal=True)
        service.log_work(uow, user("tom"), numbers["D"], 20, "remote check")
        service.assign(uow, user("ada"), numbers["E"], to="nina")
        service.move(uow, user("nina"), numbers["E"], "in_progress")
        service.assign(uow, user("ada"), numbers["F"], to="tom")
        service.move(uow, user("tom"), numbers["F"], "resolved", code="fixed", note="New backlight")
        service.move(uow, user("anna"), numbers["F"], "closed")
    yield kit.Desk(store), numbers
    store.close()


@pytest.fixture
def desk(built: tuple[Any, dict[str, str]]) -> Any:
    return built[0]


@pytest.fixture
def world(built: tuple[Any, dict[str, str]]) -> dict[str, str]:
    return built[1]


def keys(numbers: dict[str, str], rows: list[Any]) -> set[str]:
    back = {v: k for k, v in numbers.items()}
    return {back[r.number if isinstance(r, TicketRow) else r["number"]] for r in rows}


def listing(desk: Any, who: str, home: str | None = "PL-POZ-001", *, queue: str = "all", status: str | None = None,
            sort: str = "updated", descending: bool = True) -> list[TicketRow]:
    with desk.store.read() as session:
        ref = reference_for(desk.store, session)
        home_id = ref.site(home).id if home else None
        query = TicketQuery(ref, ref.user(who), TicketFilter(queue=queue, status=status), sort=sort,
                            descending=descending, home_site=home_id)
        return query.page(session, 0, 100)


def find(desk: Any, who: str, text: str) -> list[dict[str, Any]]:
    with desk.store.read() as session:
        ref = reference_for(desk.store, session)
        return search(session, ref, ref.user(who), text)


@pytest.mark.parametrize(("who", "queue", "want"), [
    ("tom", "mine", "D"), ("nina", "mine", "E"), ("ada", "mine", ""), ("anna", "mine", ""),
    ("tom", "team", "ADH"), ("nina", "team", "BE"), ("ada", "team", "CG"), ("max", "team", "CG"),
    ("ada", "triage", "CG"), ("root", "triage", "CG"),
    ("anna", "site", "ACDG"), ("ola", "site", "BEH"), ("ada", "site", "ACDG"),
    ("ada", "all", "ABCDEFGH"), ("max", "all", "ABCDEFGH"), ("root", "all", "ABCDEFGH"),
    ("anna", "all", "ACDFG"), ("vip", "all", "ACDFG"), ("ola", "all", "BEH"),
    ("tom", "all", "ACDFGH"),  # his site, and his team's tickets anywhere
    ("nina", "all", "BEH"),
])
def test_queues_within_scope(desk: Any, world: dict[str, str], who: str, queue: str, want: str) -> None:
    assert keys(world, listing(desk, who, queue=queue)) == set(want)


def test_site_queue_of_someone_without_a_home_site_uses_the_stores(desk: Any, world: dict[str, str]) -> None:
    assert keys(world, listing(desk, "ada", home="PL-WAW-002", queue="site")) == set("BEH")
    assert listing(desk, "ada", home=None, queue="site") == []


def test_requester_sees_only_their_sites_tickets_in_show(desk: Any, world: dict[str, str]) -> None:
    with desk.store.read() as session:
        ref = reference_for(desk.store, session)
        for who, theirs, others in (("anna", "ACDFG", "BEH"), ("ola", "BEH", "ACDFG")):
            for key in theirs:
                assert read_ticket(session, ref, ref.user(who), world[key]).number == world[key]
            for key in others:
                with pytest.raises(NotFound) as raised:
                    read_ticket(session, ref, ref.user(who), world[key])
                assert str(raised.value) == f"no ticket {world[key]}"
        with pytest.raises(NotFound) as missing:
            read_ticket(session, ref, ref.user("anna"), "PL-POZ-001-ZZZZZ-99999")
        assert str(missing.value) == "no ticket PL-POZ-001-ZZZZZ-99999"


def test_requesters_do_not_see_internal_notes_or_work(desk: Any, world: dict[str, str]) -> None:
    with desk.store.read() as session:
        ref = reference_for(desk.store, session)
        mine = read_ticket(session, ref, ref.user("anna"), world["D"])
        staff = read_ticket(session, ref, ref.user("ada"), world["D"])
    assert mine.comments == () and mine.work_log == ()
    assert [c.public for c in staff.comments] == [False]
    assert [w.minutes for w in staff.work_log] == [20]


def test_status_filter_sorting_and_paging(desk: Any, world: dict[str, str]) -> None:
    assert keys(world, listing(desk, "ada", status="new")) == set("ABCGH")
    by_priority = listing(desk, "ada", sort="priority", descending=False)
    levels = [r.priority for r in by_priority]
    assert levels == sorted(levels) and levels[0] == "P1"
    by_number = listing(desk, "ada", sort="number", descending=False)
    assert [r.number for r in by_number] == sorted(world.values())
    for sort in ("site", "category", "assignee"):  # at least grouped
        values = [getattr(r, sort) for r in listing(desk, "ada", sort=sort, descending=False)]
        assert all(values.index(v) == i or values[i - 1] == v for i, v in enumerate(values)), values
    with desk.store.read() as session:
        ref = reference_for(desk.store, session)
        ada = ref.user("ada")
        pages = [TicketQuery(ref, ada, sort="number").page(session, o, 3) for o in (0, 3, 6)]
        assert TicketQuery(ref, ada).count(session) == 8
        assert TicketQuery(ref, ref.user("anna")).count(session) == 5
    flat = [r.number for page in pages for r in page]
    assert [len(p) for p in pages] == [3, 3, 2]
    assert flat == sorted(world.values(), reverse=True)


def test_sorting_by_site_category_or_assignee_follows_their_names(desk: Any, world: dict[str, str]) -> None:
    by_site = listing(desk, "ada", sort="site", descending=False)
    assert [r.site for r in by_site] == ["PL-POZ-001"] * 5 + ["PL-WAW-002"] * 3
    assignees = [r.assignee for r in listing(desk, "ada", sort="assignee", descending=False)]
    assert [a for a in assignees if a] == ["nina", "tom", "tom"]
    by_category = listing(desk, "ada", sort="category", descending=False)
    assert [r.category for r in by_category] == sorted(r.category for r in by_category)


@pytest.mark.parametrize(("kwargs", "field"), [({"queue": "everything"}, "queue"), ({"status": "open"}, "status"),
                                               ({"sort": "colour"}, "sort")])
def test_unknown_queue_status_or_sort_is_refused(desk: Any, world: dict[str, str], kwargs: dict[str, str],
                                                field: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        listing(desk, "ada", **kwargs)
    assert raised.value.field == field


@pytest.mark.parametrize(("text", "want"), [
    ("printer", "A"),                 # a title word
    ("print", "A"),                   # a prefix
    ("PRINTER jammed", "A"),          # every word, any case
    ("eats paper", "A"),              # description words
    ("roller", "A"),                  # a comment
    ("glogowska", "A"),               # diacritics folded, ł included
    ("Głogowska", "A"),
    ("głog", "A"),
    ("poznan", "A"),                  # in a comment: "Poznań"
    ("pulawska", "B"),
    ("lucja", "C"), ("Łucja", "C"),
    ("pump", "FG"),
    ("printer router", ""),           # all words must match
    ("nothing-like-this", ""),
])
def test_search_words(desk: Any, world: dict[str, str], text: str, want: str) -> None:
    assert keys(world, find(desk, "ada", text)) == set(want)


def test_search_stays_within_scope(desk: Any, world: dict[str, str]) -> None:
    assert keys(world, find(desk, "anna", "router")) == set()
    assert keys(world, find(desk, "ola", "router")) == {"B"}
    assert keys(world, find(desk, "anna", "pump")) == {"F", "G"}
    assert keys(world, find(desk, "ola", "pump")) == set()


def test_internal_notes_are_searched_for_staff_only(desk: Any, world: dict[str, str]) -> None:
    assert keys(world, find(desk, "tom", "sabotage")) == {"D"}
    assert keys(world, find(desk, "ada", "sabot")) == {"D"}
    assert keys(world, find(desk, "anna", "sabotage")) == set()


@pytest.mark.parametrize("text", ["NOT", "AND printer", 'printer"', "printer*", "(printer", "NEAR(a b)", "^x",
                                  "pump OR router"])
def test_search_syntax_is_never_an_error(desk: Any, world: dict[str, str], text: str) -> None:
    find(desk, "ada", text)


@pytest.mark.parametrize("text", ["", "   ", '"', "* - ()"])
def test_search_needs_a_word(desk: Any, world: dict[str, str], text: str) -> None:
    with pytest.raises(InvalidInput, match="at least one word"):
        find(desk, "ada", text)


def test_search_follows_title_edits_and_new_comments(built: tuple[Any, dict[str, str]], tmp_path: Any,
                                                    kit: Any) -> None:
    source, world = built
    store = Store.open(kit.copy_store(source.store.path, tmp_path / "copy.sqlite3"))
    try:
        desk = kit.Desk(store)
        desk.edit("ada", world["H"], title="Price sign dark on the motorway")
        desk.comment("ola", world["H"], "Seen from the żwirownia too")
        assert keys(world, find(desk, "ada", "flickering")) == set()
        assert keys(world, find(desk, "ada", "motorway")) == {"H"}
        assert keys(world, find(desk, "ada", "zwirownia")) == {"H"}
    finally:
        store.close()
