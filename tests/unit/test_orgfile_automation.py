"""The organisation file's automation keys (DESIGN §12): [[escalation]] rules, the
routing additions (fields, priority, assign = "site") and a team's
escalates_to_by_country. Each mistake is refused on its own, naming its key path and
what is wrong; the demo organisation parses with its rules.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from core.orgfile import OrgFileError, load_org, parse_org
from core.orgspec import EscalationRuleSpec, OrgSpec, RoutingRuleSpec

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo-org.toml"

ORG = """\
[organisation]
name = "Small"

[priority]
levels = ["P1", "P2", "P3"]
impact = ["high", "low"]
urgency = ["high", "low"]
matrix = [["P1", "P2"], ["P2", "P3"]]

[calendars.shop]
timezone = "Europe/Warsaw"
mon = ["08:00-16:00"]

[[sites]]
code = "PL-1"
name = "Shop in Poland"
calendar = "shop"
country = "PL"

[[sites]]
code = "LT-1"
name = "Shop in Lithuania"
calendar = "shop"
country = "LT"

[[teams]]
code = "DESK"
name = "Desk"
escalates_to = "FIELD"
lead = "ada"

[[teams]]
code = "FIELD"
name = "Field"
tier = 2

[[teams]]
code = "FIELD-LT"
name = "Field Lithuania"
tier = 2

[[users]]
username = "rita"
name = "Rita Requester"
role = "requester"
site = "PL-1"

[[users]]
username = "tom"
name = "Tom Technician"
role = "technician"
site = "PL-1"
teams = ["FIELD"]

[[users]]
username = "ada"
name = "Ada Agent"
role = "agent"
teams = ["DESK"]

[[categories]]
path = "Hardware/Pump"
team = "FIELD"
fields = [
  { key = "leak", label = "Leaking?", type = "bool" },
  { key = "pump", label = "Pump", type = "choice", choices = ["1", "2"] },
]

[[categories]]
path = "Hardware/Printer"
team = "FIELD"

[[sla]]
name = "Everything"
targets.P1 = { response = "15m", resolution = "4h" }
targets.P2 = { response = "30m", resolution = "8h" }
targets.P3 = { response = "2h", resolution = "16h" }
"""

RULE = '[[escalation]]\nname = "E"\n'
ROUTE = '[[routing]]\nname = "R"\nteam = "FIELD"\n'


def parsed(addition: str = "") -> OrgSpec:
    return parse_org(ORG + "\n" + addition)


def the_problem(addition: str) -> str:
    with pytest.raises(OrgFileError) as info:
        parse_org(ORG + "\n" + addition)
    problems = info.value.problems
    assert len(problems) == 1, problems
    return problems[0]


def with_team_line(line: str) -> str:
    """The organisation with `line` added to the DESK team."""
    text = ORG.replace('code = "DESK"\n', f'code = "DESK"\n{line}\n', 1)
    assert text != ORG
    return text


# --------------------------------------------------------------------------- accepted

def test_the_small_organisation_parses_without_rules() -> None:
    spec = parsed()
    assert spec.escalation == ()
    assert spec.teams[0].escalates_to_by_country == {}


def test_escalation_rules_parse_into_plain_values() -> None:
    spec = parsed(
        RULE + 'clock = "response"\nat = 0.75\npriorities = ["P1", "P2"]\nnotify = ["assignee", "lead", "ada"]\n'
        '\n[[escalation]]\nname = "Breach"\nclock = "resolution"\nat = 1\nescalate = true\n'
        '\n[[escalation]]\nname = "Quiet"\nclock = "idle"\nafter = "4h"\ntypes = ["incident"]\n'
        'categories = ["Hardware/*"]\nsites = ["PL-*"]\nnotify = ["desk"]\nteam = "FIELD-LT"\n'
        '\n[[escalation]]\nname = "OLA"\nclock = "ola-resolution"\nat = 1.5\nnotify = ["team", "requester"]\n'
    )
    assert spec.escalation == (
        EscalationRuleSpec(name="E", clock="response", at=0.75, priorities=("P1", "P2"),
                           notify=("assignee", "lead", "ada")),
        EscalationRuleSpec(name="Breach", clock="resolution", at=1.0, escalate=True),
        EscalationRuleSpec(name="Quiet", clock="idle", after=4 * 3600, types=("incident",),
                           categories=("Hardware/*",), sites=("PL-*",), notify=("desk",), team="FIELD-LT"),
        EscalationRuleSpec(name="OLA", clock="ola-resolution", at=1.5, notify=("team", "requester")),
    )
    assert isinstance(spec.escalation[1].at, float)


def test_routing_additions_parse() -> None:
    spec = parsed(ROUTE + 'categories = ["Hardware/Pump"]\nfields = { leak = "yes", pump = "2" }\n'
                          'priority = "P1"\nassign = "site"\n'
                          '\n[[routing]]\nname = "Bool as TOML"\nteam = "FIELD"\ncategories = ["Hardware/Pump"]\n'
                          "fields = { leak = true }\n")
    assert spec.routing == (
        RoutingRuleSpec(name="R", team="FIELD", categories=("Hardware/Pump",), assign="site",
                        fields={"leak": "yes", "pump": "2"}, priority="P1"),
        RoutingRuleSpec(name="Bool as TOML", team="FIELD", categories=("Hardware/Pump",), fields={"leak": "true"}),
    )


def test_escalates_to_by_country_parses() -> None:
    spec = parse_org(with_team_line('escalates_to_by_country = { LT = "FIELD-LT", PL = "FIELD" }'))
    assert spec.teams[0].escalates_to_by_country == {"LT": "FIELD-LT", "PL": "FIELD"}


def test_a_team_may_escalate_by_country_only() -> None:
    text = ORG.replace('code = "FIELD"\nname = "Field"\n',
                       'code = "FIELD"\nname = "Field"\nescalates_to_by_country = { LT = "FIELD-LT" }\n', 1)
    spec = parse_org(text)
    assert spec.teams[1].escalates_to is None
    assert spec.teams[1].escalates_to_by_country == {"LT": "FIELD-LT"}


# --------------------------------------------------------------------------- refused

@pytest.mark.parametrize(
    ("addition", "expected"),
    [
        # escalation rules
        (RULE + 'clock = "breach"\nat = 1.0\nnotify = ["lead"]\n',
         'escalation[0].clock: "breach" is not a clock (one of response, resolution, ola-response, '
         "ola-resolution, idle)"),
        (RULE + 'clock = "response"\nat = 1.0\nteam = "NOPE"\n',
         'escalation[0].team: unknown team "NOPE"'),
        (RULE + 'clock = "response"\nat = 1.0\npriorities = ["P9"]\nnotify = ["lead"]\n',
         'escalation[0].priorities[0]: unknown priority level "P9"'),
        (RULE + 'clock = "response"\nat = 1.0\nnotify = ["boss"]\n',
         'escalation[0].notify[0]: unknown recipient "boss" (one of assignee, team, lead, requester, desk, '
         "or a username)"),
        (RULE + 'clock = "response"\nat = 1.0\nnotify = ["rita"]\n',
         'escalation[0].notify[0]: "rita" is a requester, not support staff'),
        (RULE + 'clock = "response"\nat = 0\nnotify = ["lead"]\n',
         "escalation[0].at: 0 is not a fraction above 0 and at most 1.5"),
        (RULE + 'clock = "response"\nat = -1\nnotify = ["lead"]\n',
         "escalation[0].at: -1 is not a fraction above 0 and at most 1.5"),
        (RULE + 'clock = "response"\nat = 1.6\nnotify = ["lead"]\n',
         "escalation[0].at: 1.6 is not a fraction above 0 and at most 1.5"),
        (RULE + 'clock = "response"\nat = "75%"\nnotify = ["lead"]\n',
         'escalation[0].at: expected a fraction, got a string ("75%")'),
        (RULE + 'clock = "response"\nnotify = ["lead"]\n',
         "escalation[0].at: missing: a response rule fires at a fraction of the target"),
        (RULE + 'clock = "response"\nat = 1.0\nescalate = true\nteam = "FIELD"\n',
         "escalation[0].team: give team or escalate = true, not both"),
        (RULE + 'clock = "idle"\nnotify = ["desk"]\n',
         "escalation[0].after: missing: an idle rule fires after a time without a public update"),
        (RULE + 'clock = "idle"\nafter = "4h"\nat = 0.5\nnotify = ["desk"]\n',
         "escalation[0].at: an idle rule fires after a time without a public update"),
        (RULE + 'clock = "resolution"\nat = 0.9\nafter = "4h"\nnotify = ["lead"]\n',
         "escalation[0].after: only an idle rule takes after; a resolution rule fires at a fraction"),
        (RULE + 'clock = "idle"\nafter = "4 hours"\nnotify = ["desk"]\n',
         "escalation[0].after: "),
        (RULE + 'clock = "response"\nat = 1.0\n',
         "escalation[0]: does nothing: give notify, escalate = true or team"),
        (RULE + 'clock = "response"\nat = 1.0\nnotify = ["lead"]\ncategories = ["Hardwear/*"]\n',
         'escalation[0].categories[0]: "Hardwear/*" matches no category'),
        (RULE + 'clock = "response"\nat = 1.0\nnotify = ["lead"]\nwhen = "always"\n',
         "escalation[0].when: unknown key"),
        (RULE + 'clock = "response"\nat = 0.5\nnotify = ["lead"]\n'
                '\n[[escalation]]\nname = "E"\nclock = "response"\nat = 1.0\nnotify = ["lead"]\n',
         'escalation[1].name: duplicate rule name "E" (also at escalation[0].name)'),
        ('[[escalation]]\nclock = "response"\nat = 1.0\nnotify = ["lead"]\n',
         "escalation[0].name: missing"),
        # routing additions
        (ROUTE + 'categories = ["Hardware/*"]\nfields = { leak = "yes" }\n',
         'routing[0].fields.leak: category "Hardware/Printer" has no field "leak"'),
        (ROUTE + 'categories = ["Hardware/Pump"]\nfields = { colour = "red" }\n',
         'routing[0].fields.colour: category "Hardware/Pump" has no field "colour"'),
        (ROUTE + 'fields = { leak = "yes" }\n',
         'routing[0].fields.leak: a condition on field "leak" needs categories'),
        (ROUTE + 'categories = ["Hardware/Pump"]\nfields = { leak = "maybe" }\n',
         'routing[0].fields.leak: "maybe" is not an answer field "leak" of "Hardware/Pump" can hold'),
        (ROUTE + 'categories = ["Hardware/Pump"]\nfields = { pump = "7" }\n',
         'routing[0].fields.pump: "7" is not an answer field "pump" of "Hardware/Pump" can hold'),
        (ROUTE + 'priority = "P0"\n',
         'routing[0].priority: unknown priority level "P0"'),
        (ROUTE + 'words = ["leak!"]\n',
         'routing[0].words[0]: "leak!" holds punctuation'),
        ('[[routing]]\nname = "R"\nteam = "FIELD-LT"\nassign = "site"\n',
         'routing[0].assign: team "FIELD-LT" has no members to assign to'),
    ],
)
def test_each_mistake_is_refused_naming_its_key(addition: str, expected: str) -> None:
    problem = the_problem(addition)
    assert problem.startswith(expected), problem


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('escalates_to_by_country = { LT = "FIELD-XX" }',
         'teams[0].escalates_to_by_country.LT: unknown team "FIELD-XX"'),
        ('escalates_to_by_country = { LT = "DESK" }',
         "teams[0].escalates_to_by_country.LT: a team cannot escalate to itself"),
        ('escalates_to_by_country = { LV = "FIELD-LT" }',
         'teams[0].escalates_to_by_country.LV: no site has country "LV"'),
        ("escalates_to_by_country = { LT = 3 }",
         "teams[0].escalates_to_by_country.LT: expected a team code, got an integer (3)"),
        ('escalates_to_by_country = "FIELD-LT"',
         'teams[0].escalates_to_by_country: expected a table, got a string ("FIELD-LT")'),
    ],
)
def test_each_mistake_in_escalates_to_by_country_is_refused(line: str, expected: str) -> None:
    with pytest.raises(OrgFileError) as info:
        parse_org(with_team_line(line))
    problems = info.value.problems
    assert len(problems) == 1, problems
    assert problems[0].startswith(expected), problems[0]


def test_a_cycle_through_a_country_is_named() -> None:
    text = ORG.replace('code = "FIELD-LT"\nname = "Field Lithuania"\n',
                       'code = "FIELD-LT"\nname = "Field Lithuania"\nescalates_to_by_country = { LT = "DESK" }\n', 1)
    text = text.replace('code = "DESK"\n', 'code = "DESK"\nescalates_to_by_country = { LT = "FIELD-LT" }\n', 1)
    with pytest.raises(OrgFileError) as info:
        parse_org(text)
    assert info.value.problems == [
        'teams[0].escalates_to_by_country.LT: escalation cycle for country "LT" DESK -> FIELD-LT -> DESK'
    ]


def test_several_rule_mistakes_are_all_reported_and_nothing_is_imported() -> None:
    with pytest.raises(OrgFileError) as info:
        parsed(RULE + 'clock = "sometimes"\nat = 2\nnotify = ["nobody"]\n'
               + ROUTE + 'priority = "P7"\n')
    assert sorted(p.split(":")[0] for p in info.value.problems) == [
        "escalation[0].at", "escalation[0].clock", "escalation[0].notify[0]", "routing[0].priority",
    ]


# --------------------------------------------------------------------------- the demo

def test_the_demo_parses_with_its_rules() -> None:
    spec = load_org(DEMO)
    by_name = {rule.name: rule for rule in spec.escalation}
    assert {rule.clock for rule in spec.escalation} >= {"response", "resolution", "idle"}
    at_risk = next(r for r in spec.escalation if r.clock == "response" and r.at == 0.75)
    assert {"lead", "assignee"} <= set(at_risk.notify) and not at_risk.escalate
    breached = next(r for r in spec.escalation if r.clock == "response" and r.at == 1.0)
    assert breached.escalate and "lead" in breached.notify and breached.team is None
    idle = next(r for r in spec.escalation if r.clock == "idle")
    assert idle.after == 4 * 3600 and idle.at is None
    assert idle.priorities == ("P1", "P2") and idle.notify == ("desk",)
    assert any(r.clock == "resolution" and r.at == 1.0 for r in spec.escalation)
    assert any(r.team is not None for r in spec.escalation)
    assert any(u in r.notify for r in by_name.values() for u in {u.username for u in spec.users})

    desk = next(t for t in spec.teams if t.code == "DESK")
    assert desk.escalates_to_by_country == {"LT": "FIELD-LT", "PL": "FIELD-PL"}

    routing = {rule.name: rule for rule in spec.routing}
    assert routing["Fuel leaks"].assign == "site"
    assert routing["Lithuanian field work"].assign == "site"
    leaking = [r for r in spec.routing if r.fields]
    assert leaking and all(r.fields == {"product_leak": "yes"} and r.priority == "P1" for r in leaking)
    assert all(r.categories == ("Hardware/Fuel dispenser",) for r in leaking)
    names = [r.name for r in spec.routing]
    assert all(names.index(r.name) < names.index("Fuel leaks") for r in leaking)
    assert all(names.index(r.name) < names.index("Lithuanian field work") for r in leaking)
