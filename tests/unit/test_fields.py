"""A category's own form fields: what people type, checked and typed (core.fields)."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.errors import InvalidInput
from core.fields import convert_field, validate_fields
from core.orgspec import FieldSpec

TERMINAL = FieldSpec(key="terminal_id", label="Terminal ID", type="text", required=True)
PUMP = FieldSpec(key="pump", label="Pump", type="choice", choices=("1", "2", "3", "4"))
LITRES = FieldSpec(key="litres", label="Litres", type="number")
SPARE = FieldSpec(key="spare", label="Spare on site", type="bool")
SINCE = FieldSpec(key="since", label="Broken since", type="date")
FORM = (TERMINAL, PUMP, LITRES, SPARE, SINCE)


def test_values_are_typed_and_trimmed() -> None:
    got = validate_fields(FORM, {"terminal_id": "  T-17 ", "pump": " 2 ", "litres": "40", "spare": "Yes",
                                 "since": "2026-03-01"})
    assert got == {"terminal_id": "T-17", "pump": "2", "litres": 40, "spare": True, "since": "2026-03-01"}
    assert isinstance(got["litres"], int)


def test_optional_fields_left_out_or_blank_are_not_stored() -> None:
    assert validate_fields(FORM, {"terminal_id": "T-1", "pump": "", "litres": "   "}) == {"terminal_id": "T-1"}


@pytest.mark.parametrize("value", [None, "", "   "])
def test_a_required_field_must_be_given(value: str | None) -> None:
    values = {} if value is None else {"terminal_id": value}
    with pytest.raises(InvalidInput, match=r"Terminal ID \(terminal_id\) is required") as raised:
        validate_fields(FORM, values)
    assert raised.value.field == "terminal_id"


def test_unknown_keys_are_refused_naming_the_known_ones() -> None:
    with pytest.raises(InvalidInput, match="unknown field 'colour'.*terminal_id, pump") as raised:
        validate_fields(FORM, {"terminal_id": "T-1", "colour": "red"})
    assert raised.value.field == "colour"
    with pytest.raises(InvalidInput, match=r"its fields: none"):
        validate_fields((), {"x": "1"})


@pytest.mark.parametrize(("raw", "value"), [("3", 3), ("2.5", 2.5), ("-1", -1), (" 1e3 ", 1000), ("0.0", 0)])
def test_numbers(raw: str, value: float) -> None:
    assert convert_field(LITRES, raw) == value


@pytest.mark.parametrize("raw", ["x", "", "3 litres", "nan", "NaN", "inf", "-Infinity", "1e999"])
def test_not_numbers(raw: str) -> None:
    # nan and infinity are no amount of anything, and would not survive JSON either
    with pytest.raises(InvalidInput, match="Litres must be a number") as raised:
        convert_field(LITRES, raw)
    assert raised.value.field == "litres"


@pytest.mark.parametrize("raw", ["0", "5", "one", "1.0"])
def test_choice_outside_the_list(raw: str) -> None:
    with pytest.raises(InvalidInput, match="Pump must be one of 1, 2, 3, 4"):
        convert_field(PUMP, raw)


@pytest.mark.parametrize(("raw", "value"), [("yes", True), ("TRUE", True), ("1", True), ("on", True),
                                            ("no", False), ("False", False), ("0", False), ("off", False)])
def test_booleans(raw: str, value: bool) -> None:
    assert convert_field(SPARE, raw) is value


def test_not_a_boolean() -> None:
    with pytest.raises(InvalidInput, match="yes or no"):
        convert_field(SPARE, "maybe")


@pytest.mark.parametrize("raw", ["2026-02-30", "yesterday", "01/03/2026", ""])
def test_not_a_date(raw: str) -> None:
    with pytest.raises(InvalidInput, match="must be a date like 2026-03-01"):
        convert_field(SINCE, raw)


@settings(deadline=None)  # never pass or fail on wall-clock time
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_any_finite_number_round_trips_and_serialises(value: float) -> None:
    got = convert_field(LITRES, repr(value))
    assert got == value
    assert json.loads(json.dumps(got)) == got


@settings(deadline=None)  # never pass or fail on wall-clock time
@given(st.text())
def test_numbers_are_finite_or_refused(raw: str) -> None:
    try:
        got = convert_field(LITRES, raw)
    except InvalidInput:
        return
    assert math.isfinite(got)
