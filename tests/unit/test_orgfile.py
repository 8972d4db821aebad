"""The organisation file: the demo parses, and every kind of mistake is refused by name.

Variants are built from a small valid organisation (MINI) or from the demo's text; the
only file read is resources/demo-org.toml.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from core.orgfile import OrgFileError, load_org, parse_org
from core.orgspec import ROLES, ClosedPeriod, Interval, OrgSpec

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo-org.toml"

MINI = """\
[organisation]
name = "Mini"
auto_close_days = 3

[priority]
levels = ["P1", "P2", "P3"]
impact = ["high", "low"]
urgency = ["high", "low"]
matrix = [["P1", "P2"], ["P2", "P3"]]
vip_raise = 1
security_floor = "P2"

[calendars.shop]
timezone = "Europe/Warsaw"
mon = ["08:00-16:00"]
sat = ["08:00-13:00", "14:00-18:00"]
holidays = { country = "PL" }
closed = ["2026-12-24", "2026-12-31 14:00-24:00"]

[calendars.always]
timezone = "UTC"
always_open = true

[[sites]]
code = "S-1"
name = "Shop one"
calendar = "shop"

[[sites]]
code = "S-2"
name = "Shop two"
calendar = "shop"
critical = true

[[teams]]
code = "DESK"
name = "Desk"
tier = 1
escalates_to = "FIELD"

[[teams]]
code = "FIELD"
name = "Field"
tier = 2

[[users]]
username = "rita"
name = "Rita Requester"
role = "requester"
site = "S-1"

[[users]]
username = "tom"
name = "Tom Technician"
role = "technician"
site = "S-1"
teams = ["FIELD"]

[[users]]
username = "ada"
name = "Ada Agent"
role = "agent"
teams = ["DESK"]

[[suppliers]]
code = "ISP"
name = "Internet provider"
calendar = "always"
response = "1h"
resolution = "8h"

[[categories]]
path = "Hardware/Printer"
team = "FIELD"

[[sla]]
name = "Everything"
targets.P1 = { response = "15m", resolution = "4h" }
targets.P2 = { response = "30m", resolution = "8h" }
targets.P3 = { response = "2h", resolution = "16h" }
"""


@cache
def demo_text() -> str:
    return DEMO.read_text(encoding="utf-8")


@cache
def demo() -> OrgSpec:
    return parse_org(demo_text())


def changed(text: str, old: str, new: str) -> str:
    assert old in text, f"the test's anchor {old!r} is not in the text"
    return text.replace(old, new, 1)


def refused(text: str) -> list[str]:
    with pytest.raises(OrgFileError) as info:
        parse_org(text)
    assert info.value.problems, "an OrgFileError must list its problems"
    return info.value.problems


def the_problem(text: str) -> str:
    problems = refused(text)
    assert len(problems) == 1, problems
    return problems[0]


# ----------------------------------------------------------------------------- the demo


def test_demo_loads_from_its_file() -> None:
    spec = load_org(DEMO)
    assert spec == demo()
    assert spec.name == "Northwind Fuel"


def test_demo_has_well_over_100_stations_in_two_countries() -> None:
    spec = demo()
    stations = [s for s in spec.sites if not s.code.endswith("-HQ")]
    assert len(stations) > 100
    assert Counter(s.country for s in spec.sites).keys() == {"PL", "LT"}
    assert all(s.code.startswith(f"{s.country}-") for s in spec.sites)
    assert any(s.critical for s in stations) and not all(s.critical for s in stations)
    assert all(s.region for s in spec.sites)
    zones = {spec.calendars[s.calendar].timezone for s in stations if not spec.calendars[s.calendar].always_open}
    assert zones == {"Europe/Warsaw", "Europe/Vilnius"}
    assert {c.holidays_country for c in spec.calendars.values()} >= {"PL", "LT"}


def test_demo_calendars_show_every_feature() -> None:
    cals = demo().calendars
    pl = cals["stations-pl"]
    assert len(pl.week[5]) == 2, "Saturday is split by a break"
    span = [sum(i.end - i.start for i in day) for day in pl.week]
    assert span[6] < span[0], "Sunday is shorter"
    desk = cals["desk"]
    assert all(len(day) == 2 for day in desk.week[:5]) and desk.week[5:] == ((), ())
    assert desk.holidays_country == "PL" and desk.holidays_subdivision
    assert ClosedPeriod(day=date(2026, 12, 31), start=14 * 60, end=24 * 60) in desk.closed
    assert any(c.start == 0 and c.end == 1440 for c in desk.closed)
    assert any(c.always_open for c in cals.values())


def test_demo_has_every_role_and_the_people_around_them() -> None:
    spec = demo()
    roles = Counter(u.role for u in spec.users)
    assert set(roles) == set(ROLES)
    assert 12 <= roles["technician"] <= 20 and 6 <= roles["agent"] <= 10
    assert roles["manager"] == 2 and roles["admin"] == 1
    assert roles["requester"] >= len(spec.sites) - 2
    assert all(u.password == "demo" for u in spec.users)
    assert any(u.vip for u in spec.users if u.role == "requester")
    stations = {s.code for s in spec.sites if not s.code.endswith("-HQ")}
    assert stations <= {u.site for u in spec.users if u.role == "requester"}, "a requester at every station"
    assert all(u.site for u in spec.users if u.role in ("requester", "technician"))
    assert any(u.sites for u in spec.users if u.role == "technician")
    assert all(u.teams for u in spec.users if u.role in ("technician", "agent"))


def test_demo_teams_suppliers_and_categories() -> None:
    spec = demo()
    teams = {t.code: t for t in spec.teams}
    assert {t.tier for t in spec.teams} == {1, 2, 3}
    assert teams["DESK"].escalates_to and teams[teams["DESK"].escalates_to].escalates_to
    assert all(t.ola and t.lead for t in spec.teams)
    assert len(spec.suppliers) >= 4
    paths = [c.path for c in spec.categories]
    for path in ("Hardware/POS terminal", "Hardware/Fuel dispenser", "Hardware/Printer", "Network/Router",
                 "Network/Internet link", "Payments/Card terminal", "Software/POS application",
                 "Software/Back office", "Access/Password reset", "Security/Suspicious activity"):
        assert path in paths
    assert any(p.startswith("Facilities/") for p in paths)
    categories = {c.path: c for c in spec.categories}
    assert categories["Security/Suspicious activity"].security
    kinds = {f.type for c in spec.categories for f in c.fields}
    assert kinds == {"text", "number", "choice", "bool", "date"}
    required = {f.required for c in spec.categories for f in c.fields}
    assert required == {True, False}
    assert all(c.team for c in spec.categories if "/" in c.path)


def test_demo_priority_sla_and_routing() -> None:
    spec = demo()
    assert spec.priority.levels == ("P1", "P2", "P3", "P4", "P5")
    assert spec.priority.matrix[0] == ("P1", "P2", "P3")
    assert spec.priority.vip_raise == 1 and spec.priority.security_floor == "P2"
    security = next(p for p in spec.sla if any(c.startswith("Security") for c in p.categories))
    assert spec.calendars[security.calendar].always_open
    assert security.warn_at == (0.5, 0.75, 0.9)
    assert any(p.calendar == "site" and p.types == ("incident",) for p in spec.sla)
    assert any(p.calendar == "desk" and "request" in p.types and p.pause_on == ("pending",) for p in spec.sla)
    assert any(not p.pause_on_supplier for p in spec.sla)
    last = spec.sla[-1]
    assert not (last.types or last.categories or last.sites), "a catch-all comes last"
    assert all(set(p.targets) == set(spec.priority.levels) for p in spec.sla)
    assert {r.assign for r in spec.routing} == {"none", "least_loaded", "round_robin", "site"}
    assert spec.triage_team == "DESK"


# ----------------------------------------------------------------------- what comes out


def test_mini_parses_into_plain_values() -> None:
    spec = parse_org(MINI)
    shop = spec.calendars["shop"]
    assert shop.week[0] == (Interval(480, 960),)
    assert shop.week[5] == (Interval(480, 780), Interval(840, 1080))
    assert shop.week[6] == ()
    assert shop.closed == (ClosedPeriod(date(2026, 12, 24)), ClosedPeriod(date(2026, 12, 31), 840, 1440))
    assert spec.calendars["always"].always_open
    assert spec.sla[0].targets["P2"].response == 1800
    assert spec.sla[0].calendar == "site" and spec.sla[0].pause_on == ("pending",)
    assert spec.sla[0].warn_at == (0.75,)
    assert spec.suppliers[0].resolution == 8 * 3600
    assert spec.users[0].password is None
    assert spec.sites[1].critical and not spec.sites[0].critical


def test_intervals_are_sorted_and_unquoted_dates_are_closed_days() -> None:
    text = changed(MINI, 'sat = ["08:00-13:00", "14:00-18:00"]', 'sat = ["14:00-24:00", "08:00-14:00"]')
    text = changed(text, 'closed = ["2026-12-24",', "closed = [2026-12-24,")
    shop = parse_org(text).calendars["shop"]
    assert shop.week[5] == (Interval(480, 840), Interval(840, 1440))
    assert ClosedPeriod(date(2026, 12, 24)) in shop.closed


def test_category_parents_are_implied_listed_first_and_lend_their_team() -> None:
    text = MINI + """
[[categories]]
path = "Security/Suspicious activity"

[[categories]]
path = "Security"
team = "DESK"
security = true

[[categories]]
path = "Hardware/Printer/Label printer"
"""
    categories = parse_org(text).categories
    paths = [c.path for c in categories]
    # in the order first mentioned, each parent just before its first child
    assert paths == ["Hardware", "Hardware/Printer", "Security", "Security/Suspicious activity",
                     "Hardware/Printer/Label printer"]
    by_path = {c.path: c for c in categories}
    assert by_path["Hardware"].team is None, "an implied parent without a team above has none"
    assert by_path["Hardware/Printer/Label printer"].team == "FIELD"
    assert by_path["Security/Suspicious activity"].team == "DESK"
    assert by_path["Security/Suspicious activity"].security, "security covers the whole subtree"
    for i, path in enumerate(paths):
        if "/" in path:
            assert path.rsplit("/", 1)[0] in paths[:i], "parents come before children"


def test_a_byte_order_mark_is_fine() -> None:
    assert parse_org("\ufeff" + MINI).name == "Mini"


def test_passwords_are_optional_and_kept_as_written() -> None:
    text = changed(MINI, 'username = "rita"', 'username = "rita"\npassword = "x"')
    assert parse_org(text).users[0].password == "x"


def test_optional_extras() -> None:
    text = changed(MINI, 'tier = 2\n', 'tier = 2\nlead = "tom"\nola = { response = "1h", resolution = "8h" }\n'
                                       'calendar = "shop"\n')
    text = changed(text, 'code = "S-1"', 'code = "S-1"\ncountry = "PL"\nregion = "Wielkopolskie"')
    text = changed(text, 'teams = ["FIELD"]', 'teams = ["FIELD"]\nsites = ["S-2"]\nemail = "tom@example.com"')
    text = changed(text, 'name = "Everything"', 'name = "Everything"\npause_on_supplier = false')
    text = changed(text, 'auto_close_days = 3', 'auto_close_days = 3\ntriage_team = "DESK"')
    text += """
[[routing]]
name = "Printers"
team = "FIELD"
types = ["incident"]
categories = ["Hardware/*"]
sites = ["S-*"]
words = ["printer"]
assign = "round_robin"
"""
    spec = parse_org(text)
    field = spec.teams[1]
    assert field.lead == "tom" and field.calendar == "shop"
    assert field.ola is not None and (field.ola.response, field.ola.resolution) == (3600, 8 * 3600)
    assert (spec.sites[0].country, spec.sites[0].region) == ("PL", "Wielkopolskie")
    assert spec.users[1].sites == ("S-2",) and spec.users[1].email == "tom@example.com"
    assert spec.sla[0].pause_on_supplier is False
    assert spec.triage_team == "DESK"
    rule = spec.routing[0]
    assert (rule.team, rule.assign, rule.categories, rule.words) == ("FIELD", "round_robin", ("Hardware/*",),
                                                                    ("printer",))


def test_holiday_subdivisions_and_their_aliases_are_known() -> None:
    assert parse_org(changed(MINI, '{ country = "PL" }', '{ country = "PL", subdivision = "30" }'))
    assert parse_org(changed(MINI, '{ country = "PL" }', '{ country = "FR", subdivision = "Alsace" }'))


# ------------------------------------------------------------------- each kind of mistake

SITE0 = 'name = "Shop one"\ncalendar = "shop"'
RITA = 'role = "requester"\nsite = "S-1"'
TOM = 'role = "technician"\nsite = "S-1"\nteams = ["FIELD"]'
CATEGORY = 'path = "Hardware/Printer"\nteam = "FIELD"'
P1 = 'targets.P1 = { response = "15m", resolution = "4h" }'


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # references
        (SITE0, 'name = "Shop one"\ncalendar = "statons"', 'sites[0].calendar: unknown calendar "statons"'),
        (SITE0, 'name = "Shop one"\ncalendar = "shpo"', 'sites[0].calendar: unknown calendar "shpo" (did you mean "shop"?)'),
        (TOM, TOM.replace('["FIELD"]', '["FEILD"]'), 'users[1].teams[0]: unknown team "FEILD" (did you mean "FIELD"?)'),
        (TOM, TOM.replace('"S-1"', '"S-9"'), 'users[1].site: unknown site "S-9"'),
        ('calendar = "always"\nresponse', 'calendar = "alwys"\nresponse', 'suppliers[0].calendar: unknown calendar "alwys"'),
        ('calendar = "always"\nresponse', 'calendar = "site"\nresponse',
         'suppliers[0].calendar: unknown calendar "site" (only an SLA policy may name the calendar "site")'),
        ('tier = 1\n', 'tier = 1\nlead = "nobody"\n', 'teams[0].lead: unknown user "nobody"'),
        ('tier = 1\n', 'tier = 1\nlead = "rita"\n', 'teams[0].lead: "rita" is a requester, not support staff'),
        ('tier = 1\n', 'tier = 1\ncalendar = "desk"\n', 'teams[0].calendar: unknown calendar "desk"'),
        ('escalates_to = "FIELD"', 'escalates_to = "NET"', 'teams[0].escalates_to: unknown team "NET"'),
        ('auto_close_days = 3', 'auto_close_days = 3\ntriage_team = "TRIAGE"',
         'organisation.triage_team: unknown team "TRIAGE"'),
        (CATEGORY, 'path = "Hardware/Printer"\nteam = "OPS"', 'categories[0].team: unknown team "OPS"'),
        ('name = "Everything"', 'name = "Everything"\ncalendar = "desk"', 'sla[0].calendar: unknown calendar "desk"'),
        ('name = "Everything"', 'name = "Everything"\ncategories = ["Hardwre/*"]',
         'sla[0].categories[0]: "Hardwre/*" matches no category'),
        ('name = "Everything"', 'name = "Everything"\nsites = ["X-*"]', 'sla[0].sites[0]: "X-*" matches no site'),
        # escalation
        ('tier = 2', 'tier = 2\nescalates_to = "FIELD"', "teams[1].escalates_to: a team cannot escalate to itself"),
        ('tier = 2', 'tier = 2\nescalates_to = "DESK"', "teams[0].escalates_to: escalation cycle DESK -> FIELD -> DESK"),
        # priority
        ('matrix = [["P1", "P2"], ["P2", "P3"]]', 'matrix = [["P1", "P2"]]',
         "priority.matrix: 1 row, expected 2 (one per impact)"),
        ('matrix = [["P1", "P2"], ["P2", "P3"]]', 'matrix = [["P1", "P2"], ["P2"]]',
         "priority.matrix[1]: 1 entry, expected 2 (one per urgency)"),
        ('matrix = [["P1", "P2"], ["P2", "P3"]]', 'matrix = [["P1", "P2"], ["P2", "P4"]]',
         'priority.matrix[1][1]: "P4" is not one of the levels'),
        ('security_floor = "P2"', 'security_floor = "P7"', 'priority.security_floor: unknown priority level "P7"'),
        ("vip_raise = 1", "vip_raise = 3", "priority.vip_raise: 3 is out of range (0 to 2)"),
        ("vip_raise = 1", "vip_raise = -1", "priority.vip_raise: -1 is out of range (0 to 2)"),
        # calendars
        ('"Europe/Warsaw"', '"Europe/Warsw"', 'calendars.shop.timezone: unknown time zone "Europe/Warsw" (did you mean "Europe/Warsaw"?)'),
        ('country = "PL"', 'country = "XX"', 'calendars.shop.holidays.country: unknown holiday country "XX"'),
        ('{ country = "PL" }', '{ country = "PL", subdivision = "99" }',
         'calendars.shop.holidays.subdivision: unknown subdivision "99" of holiday country "PL"'),
        ('{ country = "PL" }', '{ country = "LT", subdivision = "X" }',
         'calendars.shop.holidays.subdivision: unknown subdivision "X" of holiday country "LT" (known: none)'),
        ('{ country = "PL" }', '{ subdivision = "30" }', "calendars.shop.holidays.country: missing"),
        ('mon = ["08:00-16:00"]', 'mon = ["14:00-13:00"]', 'calendars.shop.mon[0]: "14:00-13:00" starts after it ends'),
        ('sat = ["08:00-13:00", "14:00-18:00"]', 'sat = ["08:00-13:00", "12:00-14:00"]',
         'calendars.shop.sat: intervals "08:00-13:00" and "12:00-14:00" overlap'),
        ('mon = ["08:00-16:00"]', 'mon = ["8-16"]', 'calendars.shop.mon[0]: "8-16" is not an interval (write "HH:MM-HH:MM"'),
        ('mon = ["08:00-16:00"]', 'mon = ["08:00-25:00"]', 'calendars.shop.mon[0]: "08:00-25:00" has a time that does not exist'),
        ('mon = ["08:00-16:00"]', 'mon = ["08:60-16:00"]', 'calendars.shop.mon[0]: "08:60-16:00" has a time that does not exist'),
        ('mon = ["08:00-16:00"]', 'mon = ["24:00-24:00"]', 'calendars.shop.mon[0]: "24:00-24:00": "24:00" can only end an interval'),
        ('mon = ["08:00-16:00"]', 'mon = ["08:00-08:00"]', 'calendars.shop.mon[0]: "08:00-08:00" is empty'),
        ('mon = ["08:00-16:00"]', 'mon = "08:00-16:00"', 'calendars.shop.mon: expected an array of strings, got a string ("08:00-16:00")'),
        ('closed = ["2026-12-24",', 'closed = ["2026-02-30",', 'calendars.shop.closed[0]: "2026-02-30" is not a date'),
        ('closed = ["2026-12-24",', 'closed = ["24.12.2026",', 'calendars.shop.closed[0]: expected "YYYY-MM-DD" or "YYYY-MM-DD HH:MM-HH:MM"'),
        ('"2026-12-31 14:00-24:00"', '"2026-12-31 16:00-14:00"', 'calendars.shop.closed[1]: "16:00-14:00" starts after it ends'),
        ("always_open = true", 'always_open = true\nmon = ["08:00-16:00"]',
         "calendars.always.mon: an always_open calendar has no intervals, holidays or closures"),
        ('timezone = "UTC"\nalways_open = true', 'timezone = "UTC"',
         "calendars.always: no working intervals on any weekday (list some, or set always_open = true)"),
        ("[[sites]]", '[calendars.site]\ntimezone = "UTC"\nalways_open = true\n\n[[sites]]',
         'calendars.site: the name "site" is reserved'),
        # durations and targets
        ('response = "30m"', 'response = "30 minutes"',
         'sla[0].targets.P2.response: "30 minutes" is not a duration (use e.g. "30m", "1h30m")'),
        ('resolution = "4h"', 'resolution = "1d"', 'sla[0].targets.P1.resolution: "1d" is not a duration'),
        ('resolution = "4h"', 'resolution = "0s"', 'sla[0].targets.P1.resolution: "0s" must be more than 0s'),
        ('resolution = "4h"', "resolution = 4", "sla[0].targets.P1.resolution: expected a string, got an integer (4)"),
        (P1, 'targets.P1 = { response = "5h", resolution = "4h" }',
         'sla[0].targets.P1: response "5h" is longer than resolution "4h"'),
        ('targets.P3 = { response = "2h", resolution = "16h" }\n', "",
         "sla[0].targets.P3: missing: every priority level needs a target"),
        (P1, P1 + '\ntargets.P9 = { response = "1h", resolution = "2h" }', 'sla[0].targets.P9: unknown priority level "P9"'),
        (P1, 'targets.P1 = { response = "15m" }', "sla[0].targets.P1.resolution: missing"),
        ('response = "1h"\nresolution = "8h"', 'response = "1h"\nresolution = "8 hours"',
         'suppliers[0].resolution: "8 hours" is not a duration'),
        # SLA policy settings
        ('name = "Everything"', 'name = "Everything"\nwarn_at = [0.5, 1.2]',
         "sla[0].warn_at[1]: 1.2 is not a fraction between 0 and 1"),
        ('name = "Everything"', 'name = "Everything"\nwarn_at = [0, 0.5]', "sla[0].warn_at[0]: 0 is not a fraction"),
        ('name = "Everything"', 'name = "Everything"\nwarn_at = [0.9, 0.5]', "sla[0].warn_at: [0.9, 0.5] must go up"),
        ('name = "Everything"', 'name = "Everything"\nwarn_at = [0.5, 0.5]', "sla[0].warn_at: [0.5, 0.5] must go up"),
        ('name = "Everything"', 'name = "Everything"\npause_on = ["waiting"]', 'sla[0].pause_on[0]: "waiting" is not a status'),
        ('name = "Everything"', 'name = "Everything"\npause_on = ["pending", "resolved"]',
         'sla[0].pause_on[1]: "resolved" stops the clock anyway'),
        ('name = "Everything"', 'name = "Everything"\ntypes = ["incidnet"]', 'sla[0].types[0]: "incidnet" is not a ticket type'),
        ('name = "Everything"', 'name = "Everything"\npause_on_supplier = "no"',
         'sla[0].pause_on_supplier: expected true or false, got a string ("no")'),
        # people
        ('role = "agent"', 'role = "superuser"',
         'users[2].role: "superuser" is not a role (one of requester, technician, agent, manager, admin, integration)'),
        (RITA, 'role = "requester"', "users[0].site: missing: a requester needs a home site"),
        (TOM, 'role = "technician"\nteams = ["FIELD"]', "users[1].site: missing: a technician needs a home site"),
        (RITA, RITA + '\nteams = ["DESK"]', "users[0].teams: a requester belongs to no team"),
        ('role = "agent"', 'role = "agent"\nsites = ["S-1"]', "users[2].sites: only technicians cover extra sites"),
        (TOM, TOM + '\nsites = ["S-1"]', 'users[1].sites[0]: duplicate site "S-1" (also at users[1].site)'),
        ('username = "tom"', 'username = "Rita"', 'users[1].username: duplicate username "Rita" (also at users[0].username)'),
        ('username = "tom"', 'username = "system"', 'users[1].username: "system" is reserved for automatic actions'),
        ('username = "tom"', 'username = "tom smith"', 'users[1].username: "tom smith" may hold only'),
        (RITA, RITA + '\nemail = "rita at shop"', 'users[0].email: "rita at shop" is not an e-mail address'),
        (RITA, RITA + "\nvip = 1", "users[0].vip: expected true or false, got an integer (1)"),
        (RITA, RITA + '\npassword = ""', "users[0].password: must not be empty"),
        # sites, teams, suppliers
        ('code = "S-2"', 'code = "S-1"', 'sites[1].code: duplicate site code "S-1" (also at sites[0].code)'),
        ('code = "S-2"', 'code = "S 2"', 'sites[1].code: "S 2" may hold only letters, digits'),
        ("critical = true", 'critical = "yes"', 'sites[1].critical: expected true or false, got a string ("yes")'),
        (SITE0, SITE0 + "\ncritcal = true", 'sites[0].critcal: unknown key (did you mean "critical"?)'),
        ("tier = 1", "tier = true", "teams[0].tier: expected an integer, got a boolean (true)"),
        ("tier = 2", "tier = 4", "teams[1].tier: 4 is out of range (1 to 3)"),
        ("tier = 2", "tier = 2\nola = {}", "teams[1].ola: give response, resolution or both"),
        ("tier = 2", 'tier = 2\nola = { response = "soon" }', 'teams[1].ola.response: "soon" is not a duration'),
        ('name = "Internet provider"', 'name = "Internet provider"\nphone = "112"', "suppliers[0].phone: unknown key"),
        # organisation
        ("auto_close_days = 3", 'auto_close_days = "3"',
         'organisation.auto_close_days: expected an integer, got a string ("3")'),
        ("auto_close_days = 3", "auto_close_days = -1", "organisation.auto_close_days: -1 is out of range"),
        ('name = "Mini"\n', "", "organisation.name: missing"),
        # categories
        (CATEGORY, CATEGORY + '\nfields = [{ key = "x", label = "X", type = "colour" }]',
         'categories[0].fields[0].type: "colour" is not a field type (one of text, number, choice, bool, date)'),
        (CATEGORY, CATEGORY + '\nfields = [{ key = "x", label = "X", type = "choice" }]',
         "categories[0].fields[0].choices: a choice field needs choices"),
        (CATEGORY, CATEGORY + '\nfields = [{ key = "x", label = "X", type = "choice", choices = [] }]',
         "categories[0].fields[0].choices: a choice field needs choices"),
        (CATEGORY, CATEGORY + '\nfields = [{ key = "x", label = "X", choices = ["a"] }]',
         "categories[0].fields[0].choices: only a choice field has choices"),
        (CATEGORY, CATEGORY + '\nfields = [{ key = "x", label = "X", required = "yes" }]',
         'categories[0].fields[0].required: expected true or false, got a string ("yes")'),
        (CATEGORY, CATEGORY + '\nfields = [{ key = "x", label = "X" }, { key = "x", label = "Y" }]',
         'categories[0].fields[1].key: duplicate field key "x"'),
        (CATEGORY, CATEGORY + '\nfields = [{ key = "1x", label = "X" }]', 'categories[0].fields[0].key: "1x" may hold only'),
        (CATEGORY, CATEGORY + '\nfields = [{ key = "x" }]', "categories[0].fields[0].label: missing"),
        (CATEGORY, CATEGORY + "\nsecurity = 1", "categories[0].security: expected true or false, got an integer (1)"),
        (CATEGORY, 'path = "Hardware//Printer"\nteam = "FIELD"', 'categories[0].path: "Hardware//Printer" has an empty part'),
        (CATEGORY, 'path = "Hardware/ Printer"\nteam = "FIELD"', 'categories[0].path: "Hardware/ Printer": a part starts'),
        (CATEGORY, 'path = "Hardware/*"\nteam = "FIELD"', 'categories[0].path: "Hardware/*" contains a wildcard'),
        (CATEGORY, 'path = "Hardware/Printer"', 'categories[0].team: missing: "Hardware/Printer" has no team and neither have its parents'),
        # the file's shape
        ("[[suppliers]]", "[sitse]\nx = 1\n\n[[suppliers]]", 'sitse: unknown key (did you mean "sites"?)'),
        ("[[suppliers]]", "[suppliers]", "suppliers: expected an array of tables ([[suppliers]]), got a table"),
    ],
)
def test_each_mistake_is_refused_naming_its_key(old: str, new: str, expected: str) -> None:
    problem = the_problem(changed(MINI, old, new))
    assert problem.startswith(expected), problem


@pytest.mark.parametrize(
    ("addition", "expected"),
    [
        ('[[categories]]\npath = "Hardware/Printer"\nteam = "DESK"\n',
         'categories[1].path: duplicate category "Hardware/Printer" (also at categories[0])'),
        ('[[categories]]\npath = "Facilities/Lighting"\n',
         'categories[1].team: missing: "Facilities/Lighting" has no team and neither have its parents'),
        ('[[sla]]\nname = "Later"\ntypes = ["request"]\n'
         'targets = { P1 = { response = "1h", resolution = "2h" }, P2 = { response = "1h", resolution = "2h" },'
         ' P3 = { response = "1h", resolution = "2h" } }\n',
         'sla[1]: never applies: sla[0] "Everything" before it matches every ticket'),
        ('[[routing]]\nname = "R"\nteam = "FIELD"\nassign = "random"\n',
         'routing[0].assign: "random" is not an assign policy (one of none, least_loaded, round_robin, site)'),
        ('[[routing]]\nname = "R"\nteam = "ELSEWHERE"\n', 'routing[0].team: unknown team "ELSEWHERE"'),
        ('[[routing]]\nname = "R"\nteam = "FIELD"\nwords = ["no internet"]\n',
         'routing[0].words[0]: "no internet" is not one word'),
        ('[[routing]]\nname = "R"\nteam = "FIELD"\nsites = ["PL-*"]\n', 'routing[0].sites[0]: "PL-*" matches no site'),
        ('[[routing]]\nname = "R"\nteam = "FIELD"\n[[routing]]\nname = "R"\nteam = "DESK"\n',
         'routing[1].name: duplicate rule name "R" (also at routing[0].name)'),
    ],
)
def test_each_mistake_in_an_added_table_is_refused(addition: str, expected: str) -> None:
    problem = the_problem(MINI + "\n" + addition)
    assert problem.startswith(expected), problem


def test_assigning_needs_a_team_with_members() -> None:
    text = MINI.replace('teams = ["DESK"]', "teams = []") + '[[routing]]\nname = "R"\nteam = "DESK"\nassign = "least_loaded"\n'
    assert the_problem(text) == 'routing[0].assign: team "DESK" has no members to assign to'


def test_duplicate_codes_are_named() -> None:
    problems = refused(changed(MINI, 'code = "FIELD"', 'code = "DESK"'))
    assert 'teams[1].code: duplicate team code "DESK" (also at teams[0].code)' in problems


def test_longer_escalation_cycles_are_named_once() -> None:
    text = changed(MINI, "tier = 2", 'tier = 2\nescalates_to = "NET"')
    text += '\n[[teams]]\ncode = "NET"\nname = "Network"\ntier = 3\nescalates_to = "DESK"\n'
    assert the_problem(text) == "teams[0].escalates_to: escalation cycle DESK -> FIELD -> NET -> DESK"


@pytest.mark.parametrize("section", ["organisation", "priority", "calendars"])
def test_missing_sections_are_named(section: str) -> None:
    start = MINI.index(f"[{section}")
    end = MINI.index("[[sites]]" if section == "calendars" else "\n[", start + 1)
    problems = refused(MINI[:start] + MINI[end:])
    assert f"{section}: missing" in problems


def test_missing_arrays_of_tables_are_named() -> None:
    start, end = MINI.index("[[sla]]"), len(MINI)
    assert the_problem(MINI[:start] + MINI[end:]) == "sla: missing: at least one [[sla]] is needed"


# -------------------------------------------------------------- the whole file, at once


def test_several_mistakes_are_all_reported_in_file_order() -> None:
    text = changed(MINI, SITE0, 'name = "Shop one"\ncalendar = "statons"\ncritcal = true')
    text = changed(text, 'matrix = [["P1", "P2"], ["P2", "P3"]]', 'matrix = [["P1", "P2"]]')
    text = changed(text, 'response = "30m"', 'response = "30 minutes"')
    text = changed(text, 'role = "agent"', 'role = "boss"')
    text = changed(text, 'mon = ["08:00-16:00"]', 'mon = ["14:00-13:00"]')
    problems = refused(text)
    assert problems == [
        "priority.matrix: 1 row, expected 2 (one per impact)",
        'calendars.shop.mon[0]: "14:00-13:00" starts after it ends (an overnight shift is two intervals on two days)',
        'sites[0].calendar: unknown calendar "statons"',
        'sites[0].critcal: unknown key (did you mean "critical"?)',
        'users[2].role: "boss" is not a role (one of requester, technician, agent, manager, admin, integration)',
        'sla[0].targets.P2.response: "30 minutes" is not a duration (use e.g. "30m", "1h30m")',
    ]


def test_the_error_is_a_value_error_that_reads_well() -> None:
    text = changed(MINI, SITE0, 'name = "Shop one"\ncalendar = "statons"')
    text = changed(text, "vip_raise = 1", "vip_raise = 3")
    with pytest.raises(ValueError) as info:
        parse_org(text)
    err = info.value
    assert isinstance(err, OrgFileError)
    assert str(err) == (
        "organisation file refused, 2 problems:\n"
        "  priority.vip_raise: 3 is out of range (0 to 2)\n"
        '  sites[0].calendar: unknown calendar "statons"'
    )


def test_a_toml_syntax_error_is_one_problem_naming_the_line() -> None:
    text = changed(MINI, 'code = "S-2"', 'code = "S-2\n')
    line = text[: text.index('code = "S-2')].count("\n") + 1
    problem = the_problem(text)
    assert problem.startswith(f"line {line}, column ")
    assert "TOML syntax error" in problem


def test_a_key_given_twice_is_a_syntax_error() -> None:
    problem = the_problem(changed(MINI, "vip_raise = 1", "vip_raise = 1\nvip_raise = 2"))
    assert problem.startswith("line 11, column ") and "TOML syntax error" in problem


def test_wrong_types_at_the_top_are_named() -> None:
    problems = refused(MINI.replace("[organisation]\n", "organisation = 5\n[ignored]\n", 1))
    assert "organisation: expected a table, got an integer (5)" in problems


# ------------------------------------------------------------------- mistakes in the demo


def test_a_misspelt_calendar_in_the_demo_is_named_by_its_site_index() -> None:
    index = next(i for i, s in enumerate(demo().sites) if s.calendar == "stations-pl")
    text = changed(demo_text(), 'calendar = "stations-pl"\ncountry', 'calendar = "statons"\ncountry')
    assert the_problem(text).startswith(f'sites[{index}].calendar: unknown calendar "statons"')


def test_mistakes_across_the_demo_are_all_reported() -> None:
    text = changed(demo_text(), 'targets.P3 = { response = "30m", resolution = "8h" }\n', "")
    text = changed(text, 'role = "agent"', 'role = "boss"')
    text = changed(text, 'sat = ["07:00-13:00", "13:30-21:00"]', 'sat = ["07:00-13:00", "12:30-21:00"]')
    text = changed(text, 'timezone = "Europe/Vilnius"', 'timezone = "Europe/Vilnus"')
    agent = next(i for i, u in enumerate(demo().users) if u.role == "agent")
    problems = refused(text)
    assert problems == [
        'calendars.stations-pl.sat: intervals "07:00-13:00" and "12:30-21:00" overlap',
        'calendars.stations-lt.timezone: unknown time zone "Europe/Vilnus" (did you mean "Europe/Vilnius"?)',
        "sla[0].targets.P3: missing: every priority level needs a target",
        f'users[{agent}].role: "boss" is not a role (one of requester, technician, agent, manager, admin, integration)',
    ]


def test_removing_a_team_from_the_demo_names_everything_that_referred_to_it() -> None:
    start = demo_text().index('[[teams]]\ncode = "NETPOS"')
    end = demo_text().index("\n[[", start + 1)
    problems = refused(demo_text()[:start] + demo_text()[end:])
    assert all('unknown team "NETPOS"' in p for p in problems)
    assert 'teams[1].escalates_to: unknown team "NETPOS"' in problems
    assert len(problems) > 5
