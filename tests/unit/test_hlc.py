"""Hybrid logical clock stamps (core.hlc): they order a store's own changes as strings,
even when the device clock steps back, and stay close to real time."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from core.hlc import format_stamp, next_stamp, parse_stamp

CLIENT = "0123456789abcdef0123456789abcdef"
T = 1_772_000_000_000  # milliseconds, in 2026


def test_format_and_parse() -> None:
    stamp = format_stamp(T, 7, CLIENT)
    assert stamp == f"{T}-00007-01234567"
    assert parse_stamp(stamp) == (T, 7)


def test_first_stamp_is_wall_time() -> None:
    assert next_stamp(None, CLIENT, now_millis=T) == format_stamp(T, 0, CLIENT)
    before = int(time.time() * 1000)
    millis, counter = parse_stamp(next_stamp(None, CLIENT))
    assert before <= millis <= int(time.time() * 1000) and counter == 0


def test_clock_moving_on_resets_the_counter() -> None:
    last = format_stamp(T, 12, CLIENT)
    assert next_stamp(last, CLIENT, now_millis=T + 1) == format_stamp(T + 1, 0, CLIENT)


def test_same_or_earlier_wall_time_counts_on() -> None:
    last = format_stamp(T, 12, CLIENT)
    assert next_stamp(last, CLIENT, now_millis=T) == format_stamp(T, 13, CLIENT)
    assert next_stamp(last, CLIENT, now_millis=T - 3_600_000) == format_stamp(T, 13, CLIENT)


def test_the_counter_never_outgrows_its_digits() -> None:
    # Five digits keep stamps sortable as strings; past 99999 a stamp must still sort later.
    last = format_stamp(T, 99_999, CLIENT)
    following = next_stamp(last, CLIENT, now_millis=T - 10)
    assert following > last
    assert parse_stamp(following) > parse_stamp(last)
    assert len(following) == len(last)


@settings(deadline=None)  # never pass or fail on wall-clock time
@given(st.lists(st.integers(min_value=T - 10_000, max_value=T + 10_000), min_size=1, max_size=200))
def test_stamps_sort_as_strings_in_the_order_made(walls: list[int]) -> None:
    stamps: list[str] = []
    last = None
    for wall in walls:
        last = next_stamp(last, CLIENT, now_millis=wall)
        stamps.append(last)
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == len(stamps)
    assert [parse_stamp(s) for s in stamps] == sorted(parse_stamp(s) for s in stamps)
    # never behind the latest wall time seen, never ahead of it by more than the counter allows
    millis, _ = parse_stamp(stamps[-1])
    assert millis == max(walls)


@settings(deadline=None)  # never pass or fail on wall-clock time
@given(st.integers(min_value=0, max_value=99_998), st.integers(min_value=0, max_value=10**13 - 2))
def test_one_step_is_strictly_later(counter: int, millis: int) -> None:
    last = format_stamp(millis, counter, CLIENT)
    for wall in (millis - 1, millis, millis + 1):
        assert next_stamp(last, CLIENT, now_millis=wall) > last
