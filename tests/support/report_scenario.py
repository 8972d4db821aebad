"""A small hand-built week for the report tests, made by service commands at explicit
instants, on a branch store (tests/integration) or on the server (tests/server).

Every ticket is an "Access/Password reset" incident (the DESK team, tier 1; policy
"Everything else" on the desk calendar, 07:00-11:00Z and 11:30-15:30Z on weekdays in
November; high impact and urgency: P1, response 30 min, resolution 8 h). The period
is 2026-11-23 (Mon) to 2026-11-29, so its end is Mon 30 00:00Z.

T1 (POZ) created Mon 07:00; ada in_progress 07:10 (response 600 s, met); pending
    07:20, in_progress 08:20 (a 1 h pause), resolved 08:40: resolution 1200+1200 =
    2400 s, met; wall 6000 s; first contact (tier 1, ada throughout, never reopened).
T2 (POZ) created Mon 07:00; in_progress 07:40 (response 2400 s, breached at 07:30);
    resolved 08:00, reopened by anna 08:30, resolved 09:00: resolution 3600+1800 =
    5400 s, met; wall 7200 s; reopened, so not first contact.
T3 (POZ) created Mon 07:00; handed to FIELD (tier 2) at 07:05; tom in_progress Tue
    07:00 (response 8 h of business time = 28800 s, breached at Mon 07:30); resolved
    Tue 08:00: resolution 8 h + 1 h = 32400 s, breached (at Tue 07:00, the 8 h being
    reached at Mon's closing); wall 25 h = 90000 s; reassigned, so not first contact.
T4 (POZ) created Mon 10:00 and left new: a repeat (T1, same site and category, was
    resolved at 08:40 the same day); open at the end, 6 d 14 h old (3-7 d). Its clocks
    run on (the stored figures are as of the real now, long after) and breach in the
    period: response Mon 10:30, resolution Tue 10:00 (1 h + 4 h on Mon, 3 h on Tue).
T5 (POZ) created Fri 20 14:00, before the period; in_progress Fri 14:10 (its response
    stopped before the period); resolved Mon 07:30: resolution Fri 14:00-15:30 (5400)
    + Mon 07:00-07:30 (1800) = 7200 s, met; wall 2 d 17 h 30 m = 235800 s; first contact.
T6 (WAW, ola's site) created Mon 07:00 and left new: another site's ticket; its
    clocks breach Mon 07:30 and Tue 07:00.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.services import tickets as service

FIRST, LAST = "2026-11-23", "2026-11-29"
Run = Callable[..., Any]  # run(username, command, *args, at=..., **kwargs)


def Z(day: int, hh: int, mm: int = 0) -> datetime:
    return datetime(2026, 11, day, hh, mm, tzinfo=UTC)


def _new(run: Run, who: str, at: datetime) -> str:
    made = service.NewTicket(title="Cannot sign in to the till", category="Access/Password reset",
                             impact="high", urgency="high")
    return str(run(who, service.create, made, at=at).number)


def build(run: Run) -> dict[str, str]:
    """Makes T1-T6; returns their numbers by name."""
    def move(who: str, number: str, status: str, at: datetime, **kw: Any) -> None:
        run(who, service.move, number, status, at=at, **kw)

    fixed = {"code": "fixed", "note": "Reset the password."}
    t = {name: _new(run, "ola" if name == "T6" else "anna", at) for name, at in (
        ("T5", Z(20, 14)), ("T1", Z(23, 7)), ("T2", Z(23, 7)), ("T3", Z(23, 7)), ("T6", Z(23, 7)))}
    move("ada", t["T5"], "in_progress", Z(20, 14, 10))
    move("ada", t["T1"], "in_progress", Z(23, 7, 10))
    run("ada", service.assign, t["T3"], team="FIELD", at=Z(23, 7, 5))
    move("ada", t["T1"], "pending", Z(23, 7, 20), reason="customer")
    move("ada", t["T5"], "resolved", Z(23, 7, 30), **fixed)
    move("ada", t["T2"], "in_progress", Z(23, 7, 40))
    move("ada", t["T2"], "resolved", Z(23, 8), **fixed)
    move("ada", t["T1"], "in_progress", Z(23, 8, 20))
    move("anna", t["T2"], "in_progress", Z(23, 8, 30))
    move("ada", t["T1"], "resolved", Z(23, 8, 40), **fixed)
    move("ada", t["T2"], "resolved", Z(23, 9), **fixed)
    t["T4"] = _new(run, "anna", Z(23, 10))
    move("tom", t["T3"], "in_progress", Z(24, 7))
    move("tom", t["T3"], "resolved", Z(24, 8), **fixed)
    return t


def rate(run: Run, t: dict[str, str]) -> None:
    """anna rates T1, T2 and T5 of the week in it and T3 after it:

    T1 5, effort 4, Mon 23 12:00; T2 2 (no effort) Tue 24 09:00; T5 (created the week
    before) 3, effort 2, Tue 24 10:00; T3 4, effort 5, Mon 30 09:00, after the period.
    So the period's csat_count is 3, csat_avg 3.33, effort_avg 3.0, all in the week of
    the 23rd (the ratings' week, whatever the week T5 was created in)."""
    from core.services import ratings

    for name, score, effort, at in (("T1", 5, 4, Z(23, 12)), ("T2", 2, None, Z(24, 9)), ("T5", 3, 2, Z(24, 10)),
                                    ("T3", 4, 5, Z(30, 9))):
        run("anna", ratings.rate, t[name], score, effort=effort, comment="", at=at)


def ola_org(small_org: Path, folder: Path) -> Path:
    """The small organisation with OLAs: DESK (on the desk calendar, 07:00-11:00Z and
    11:30-15:30Z) response 30 min, resolution 2 h; FIELD (the policy's desk calendar)
    response 1 h, resolution 4 h."""
    text = small_org.read_text(encoding="utf-8")
    text = text.replace('escalates_to = "FIELD"\ncalendar = "desk"\n',
                        'escalates_to = "FIELD"\ncalendar = "desk"\nola = { response = "30m", resolution = "2h" }\n')
    text = text.replace('escalates_to = "NET"\n', 'escalates_to = "NET"\nola = { response = "1h", resolution = "4h" }\n', 1)
    assert text.count("ola = {") == 2
    path = folder / "ola-org.toml"
    path.write_text(text, encoding="utf-8")
    return path


def build_ola(run: Run) -> dict[str, str]:
    """Two tickets on Mon 23 November, on ola_org; returns their numbers by name.

    O1 created 07:00, ada in_progress 07:10, resolved 08:00: DESK OLA response 600 s
       met (07:10), resolution 3600 s met (08:00).
    O2 created 07:00, handed to FIELD 08:00: DESK OLA response 3600 s, breached 07:30;
       resolution 3600 s, met when it left at 08:00. tom in_progress 10:00: FIELD OLA
       response 7200 s, breached 09:00. Pending on POSCO (always open; response 2 h,
       resolution 24 h) 10:30-13:30: its response clock 3 h, breached 12:30, its
       resolution clock 3 h, met 13:30; FIELD's OLA is paused meanwhile. Resolved
       14:30: FIELD OLA resolution 2.5 h + 1 h = 12600 s, met.
    """
    def move(who: str, number: str, status: str, at: datetime, **kw: Any) -> None:
        run(who, service.move, number, status, at=at, **kw)

    fixed = {"code": "fixed", "note": "Reset."}
    o1, o2 = _new(run, "anna", Z(23, 7)), _new(run, "anna", Z(23, 7))
    move("ada", o1, "in_progress", Z(23, 7, 10))
    move("ada", o1, "resolved", Z(23, 8), **fixed)
    run("ada", service.assign, o2, team="FIELD", at=Z(23, 8))
    move("tom", o2, "in_progress", Z(23, 10))
    move("tom", o2, "pending", Z(23, 10, 30), reason="supplier", supplier="POSCO")
    move("tom", o2, "in_progress", Z(23, 13, 30))
    move("tom", o2, "resolved", Z(23, 14, 30), **fixed)
    return {"O1": o1, "O2": o2}
