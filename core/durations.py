"""Durations of business time written as hours, minutes and seconds: "1h30m".

Days are deliberately not offered: a "day" of business time means different
things in different tools (24 hours? one working day of the calendar?), so the
organisation file says "8h" or "24h" instead.
"""

from __future__ import annotations

import json
import re

_DURATION = re.compile(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?")
_HINT = 'use e.g. "30m", "1h30m"'


def parse_duration(text: str) -> int:
    """Whole seconds in `text`, written as hours, minutes and seconds in that order.

    "90s" -> 90, "30m" -> 1800, "1h30m" -> 5400, "80h" -> 288000, "0s" -> 0.
    Minutes and seconds after a larger unit must be under 60 ("1h90m" is refused;
    "90m" alone is fine). Raises ValueError naming what is wrong.
    """
    if not isinstance(text, str):
        raise ValueError(f"{text!r} is not a duration: write it as a string ({_HINT})")
    quoted = json.dumps(text, ensure_ascii=False)
    match = _DURATION.fullmatch(text)
    if match is None or not any(match.groups()):
        raise ValueError(f"{quoted} is not a duration ({_HINT}){_why_not(text)}")
    hours, minutes, seconds = (int(g) if g is not None else None for g in match.groups())
    if minutes is not None and minutes >= 60 and hours is not None:
        raise ValueError(f"{quoted} is not a duration ({_HINT}): minutes after hours must be under 60")
    if seconds is not None and seconds >= 60 and (hours is not None or minutes is not None):
        raise ValueError(f"{quoted} is not a duration ({_HINT}): seconds after minutes must be under 60")
    return (hours or 0) * 3600 + (minutes or 0) * 60 + (seconds or 0)


def _why_not(text: str) -> str:
    """A hint for the commonest mistakes, to append to the refusal."""
    stripped = text.strip()
    if not stripped:
        return ": it is empty"
    if stripped.startswith("-"):
        return ": it cannot be negative"
    if re.search(r"\d\s*d(ays?)?(?![a-z])", stripped, re.IGNORECASE):
        return ': days are not offered, write hours instead ("48h")'
    if re.fullmatch(r"[\d.]+", stripped):
        return ": a bare number has no unit (h, m or s)"
    if "." in stripped or "," in stripped:
        return ": use whole units, not fractions"
    if stripped != stripped.lower():
        return ": units are lower case h, m and s"
    if re.fullmatch(r"[\dhms ]+", stripped):
        return ": write hours, minutes and seconds in that order, without spaces"
    return ""


def format_duration(seconds: int) -> str:
    """The inverse of parse_duration: 5400 -> "1h30m", 0 -> "0s"."""
    if isinstance(seconds, bool) or not isinstance(seconds, int) or seconds < 0:
        raise ValueError(f"{seconds!r} is not a whole, non-negative number of seconds")
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = "".join(f"{n}{unit}" for n, unit in ((hours, "h"), (minutes, "m"), (secs, "s")) if n)
    return text or "0s"
