"""Hybrid logical clock stamps for change entries.

A stamp orders a store's own changes even when the device clock steps back, and
stays close to real time. Stamps sort as strings: milliseconds, counter, client."""

from __future__ import annotations

import time

# The counter has five digits, so that stamps sort as strings; past it, time moves on a millisecond.
MAX_COUNTER = 99_999


def format_stamp(millis: int, counter: int, client: str) -> str:
    return f"{millis:013d}-{counter:05d}-{client[:8]}"


def parse_stamp(stamp: str) -> tuple[int, int]:
    millis, counter, _client = stamp.split("-", 2)
    return int(millis), int(counter)


def next_stamp(last: str | None, client: str, now_millis: int | None = None) -> str:
    """The stamp after `last` for a local event (and, given a remote stamp as `last`, after a receive)."""
    wall = int(time.time() * 1000) if now_millis is None else now_millis
    if last is None:
        return format_stamp(wall, 0, client)
    last_millis, last_counter = parse_stamp(last)
    if wall > last_millis:
        return format_stamp(wall, 0, client)
    if last_counter >= MAX_COUNTER:
        return format_stamp(last_millis + 1, 0, client)
    return format_stamp(last_millis, last_counter + 1, client)
