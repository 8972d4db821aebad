"""Priority from the impact x urgency matrix, the VIP / critical-site raise and the
security floor (DESIGN §3 Priority; core.priority)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.errors import InvalidInput
from core.orgspec import PrioritySpec
from core.priority import check_impact_urgency, compute_priority

LEVELS = ("P1", "P2", "P3", "P4", "P5")
SPEC = PrioritySpec(
    levels=LEVELS,
    impact=("high", "medium", "low"),
    urgency=("high", "medium", "low"),
    matrix=(("P1", "P2", "P3"), ("P2", "P3", "P4"), ("P3", "P4", "P5")),
    vip_raise=1,
    security_floor="P2",
)
CELLS = [
    ("high", "high", "P1"), ("high", "medium", "P2"), ("high", "low", "P3"),
    ("medium", "high", "P2"), ("medium", "medium", "P3"), ("medium", "low", "P4"),
    ("low", "high", "P3"), ("low", "medium", "P4"), ("low", "low", "P5"),
]


@pytest.mark.parametrize(("impact", "urgency", "priority"), CELLS)
def test_matrix_cell(impact: str, urgency: str, priority: str) -> None:
    assert compute_priority(SPEC, impact, urgency) == priority


@pytest.mark.parametrize(("impact", "urgency", "priority"), CELLS)
def test_vip_or_critical_raises_one_level_and_never_past_the_top(impact: str, urgency: str, priority: str) -> None:
    raised = LEVELS[max(0, LEVELS.index(priority) - 1)]
    assert compute_priority(SPEC, impact, urgency, vip_or_critical=True) == raised


def test_vip_requester_at_a_critical_site_is_raised_once_not_twice() -> None:
    # The service passes one flag for "VIP requester or critical site"; a raise of two
    # levels would come from applying it per reason.
    assert compute_priority(SPEC, "low", "low", vip_or_critical=True) == "P4"


def test_a_bigger_raise() -> None:
    spec = PrioritySpec(SPEC.levels, SPEC.impact, SPEC.urgency, SPEC.matrix, vip_raise=2)
    assert compute_priority(spec, "low", "low", vip_or_critical=True) == "P3"
    assert compute_priority(spec, "high", "medium", vip_or_critical=True) == "P1"


@pytest.mark.parametrize(("impact", "urgency", "priority"), CELLS)
def test_security_category_is_never_below_the_floor(impact: str, urgency: str, priority: str) -> None:
    want = priority if LEVELS.index(priority) <= LEVELS.index("P2") else "P2"
    assert compute_priority(SPEC, impact, urgency, security=True) == want
    assert compute_priority(SPEC, impact, urgency, security=True, vip_or_critical=True) in ("P1", "P2")


def test_no_floor_without_security_floor() -> None:
    spec = PrioritySpec(SPEC.levels, SPEC.impact, SPEC.urgency, SPEC.matrix, vip_raise=0, security_floor=None)
    assert compute_priority(spec, "low", "low", security=True) == "P5"
    assert compute_priority(spec, "low", "low", vip_or_critical=True) == "P5"


@pytest.mark.parametrize(("impact", "urgency", "field"), [("huge", "low", "impact"), ("low", "now", "urgency"),
                                                          ("", "low", "impact"), ("High", "low", "impact")])
def test_unknown_impact_or_urgency_is_refused_naming_the_field(impact: str, urgency: str, field: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        compute_priority(SPEC, impact, urgency)
    assert raised.value.field == field
    assert "high, medium, low" in str(raised.value)
    with pytest.raises(InvalidInput):
        check_impact_urgency(SPEC, impact, urgency)


@settings(deadline=None)  # never pass or fail on wall-clock time
@given(
    impact=st.sampled_from(SPEC.impact), urgency=st.sampled_from(SPEC.urgency),
    raise_by=st.integers(min_value=0, max_value=6), floor=st.sampled_from((None, *LEVELS)),
    vip=st.booleans(), security=st.booleans(),
)
def test_priority_rules_compose(impact: str, urgency: str, raise_by: int, floor: str | None, vip: bool,
                                security: bool) -> None:
    spec = PrioritySpec(SPEC.levels, SPEC.impact, SPEC.urgency, SPEC.matrix, vip_raise=raise_by,
                        security_floor=floor)
    cell = LEVELS.index(compute_priority(spec, impact, urgency))
    got = LEVELS.index(compute_priority(spec, impact, urgency, vip_or_critical=vip, security=security))
    want = max(0, cell - raise_by) if vip else cell
    if security and floor is not None:
        want = min(want, LEVELS.index(floor))
    assert got == want
