"""Durations of business time: "1h30m" <-> seconds."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.durations import format_duration, parse_duration


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("90s", 90),
        ("30m", 1800),
        ("4h", 4 * 3600),
        ("1h30m", 5400),
        ("80h", 80 * 3600),
        ("1h30m15s", 5415),
        ("2h15s", 7215),
        ("90m", 5400),  # a single unit may run past 60
        ("0s", 0),
        ("01h05m", 3900),
    ],
)
def test_parses(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("", "it is empty"),
        ("2d", "days are not offered"),
        ("1d4h", "days are not offered"),
        ("3 days", "days are not offered"),
        ("-1h", "cannot be negative"),
        ("90", "a bare number has no unit"),
        ("1.5h", "whole units"),
        ("1H", "lower case"),
        ("1h 30m", "in that order, without spaces"),
        ("30m1h", "in that order"),
        ("1h90m", "minutes after hours must be under 60"),
        ("1m75s", "seconds after minutes must be under 60"),
        ("30 minutes", ""),
        ("soon", ""),
        ("h", ""),
    ],
)
def test_refuses_with_a_clear_message(text: str, why: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_duration(text)
    message = str(info.value)
    assert message.startswith(f'"{text}" is not a duration (use e.g. "30m", "1h30m")')
    assert why in message


def test_refuses_what_is_not_a_string() -> None:
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration(90)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0s"), (45, "45s"), (90, "1m30s"), (1800, "30m"), (3600, "1h"), (5400, "1h30m"),
     (5415, "1h30m15s"), (3601, "1h1s"), (288000, "80h")],
)
def test_formats(seconds: int, text: str) -> None:
    assert format_duration(seconds) == text


@pytest.mark.parametrize("bad", [-1, True, 1.5, "90"])
def test_format_refuses_what_is_not_whole_non_negative_seconds(bad: object) -> None:
    with pytest.raises(ValueError):
        format_duration(bad)  # type: ignore[arg-type]


@given(st.integers(min_value=0, max_value=10**7))
def test_format_and_parse_are_inverses(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds
