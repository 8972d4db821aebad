"""Commands arrive from the network (a pushed change's `command`): whatever their
arguments, running one either works or is refused with a Branchdesk error that says
why, and a refused one leaves nothing behind. Never a TypeError, a KeyError or a
database error, which the server would answer with a 500."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.commands import COMMANDS, run
from core.errors import BranchdeskError
from core.invariants import store_problems
from core.services import tickets
from tests.support.memory_uow import MemoryDesk

# The argument names each command takes, and a few more; values of every JSON kind,
# and the values that mean something here (numbers of real tickets, real codes).
KEYS = ("number", "other", "status", "reason", "supplier", "code", "note", "text", "internal", "id", "minutes",
        "kind", "team", "to", "name", "sha256", "size", "conflict", "edit", "ticket", "made", "colour")
MEANINGFUL = ("PL-POZ-001-MEM01-00001", "PL-POZ-001-MEM01-00002", "resolved", "in_progress", "pending",
              "closed", "cancelled", "assigned", "supplier", "customer", "POSCO", "fixed", "FIELD", "NET", "tom",
              "anna", "relates", "Hardware/POS terminal", "high", "low", "00000000-0000-4000-8000-000000000000")
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 2000) | st.sampled_from(MEANINGFUL) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS + ("title", "impact",
                                                                                      "urgency", "category")),
                                                                inner, max_size=4),
    max_leaves=8,
)
commands = st.builds(
    lambda name, args: {"name": name, "args": args},
    st.sampled_from(sorted(COMMANDS) + ["shred"]),
    st.dictionaries(st.sampled_from(KEYS), json_values, max_size=7),
)


@pytest.fixture(scope="module")
def desk() -> Iterator[MemoryDesk]:
    desk = MemoryDesk()
    with desk.work() as uow:
        for title in ("Pump 2 reader", "Till drawer"):
            tickets.create(uow, desk.user("anna"), tickets.NewTicket(
                title=title, category="Hardware/POS terminal", impact="medium", urgency="medium",
                fields={"terminal_id": "T-1"}))
    yield desk
    desk.close()


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(command=commands, who=st.sampled_from(("anna", "tom", "ada", "nina")))
def test_any_command_runs_or_is_refused_in_words(desk: MemoryDesk, command: dict[str, Any], who: str) -> None:
    try:
        with desk.work() as uow:
            run(uow, desk.user(who), command, desk.clock.now)
    except BranchdeskError as exc:
        assert str(exc)
    with desk.read() as session:
        assert store_problems(session, desk.ref, desk.clock.now) == {}
