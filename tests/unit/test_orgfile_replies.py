"""Canned replies ([[replies]]) and the organisation's names in other languages
([translations.pl]) read into the spec, and every bad value refused with its key
named: unknown placeholders, broken braces, duplicate names, translations of
things the file does not define, and languages Branchdesk does not speak."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.org_texts import ReplySpec, fill_reply, names_for
from core.orgfile import OrgFileError, load_org, parse_org

ROOT = Path(__file__).resolve().parents[2]
BASE = (ROOT / "tests" / "fixtures" / "small-org.toml").read_text(encoding="utf-8")

GOOD = """
[[replies]]
name = "Ask for a photo"
text = "Hello {requester}, please send a photo of the screen for ticket {number} ({title})."

[[replies]]
name = "Technician on the way"
text = "A technician is on the way to {site}. Braces: {{ and }}."

[translations.pl]
sites = { "PL-POZ-001" = "Poznań, Głogowska 12" }
teams = { "FIELD" = "Serwisanci terenowi" }
suppliers = { "POSCO" = "Dostawca terminali" }
sla = { "Station incidents" = "Awarie na stacji" }

[translations.pl.categories]
"Hardware" = "Sprzęt"

[translations.pl.categories."Hardware/POS terminal"]
name = "Terminal płatniczy"
description = "Kasa, czytnik kart"
fields = { terminal_id = "Numer terminala" }

[translations.pl.replies."Ask for a photo"]
name = "Poproś o zdjęcie"
text = "Prosimy o zdjęcie ekranu do zgłoszenia {number}."

[translations.pl.replies."Technician on the way"]
name = "Serwisant w drodze"
"""


def problems(extra: str) -> list[str]:
    with pytest.raises(OrgFileError) as refused:
        parse_org(BASE + extra)
    return refused.value.problems


def test_replies_and_translations_are_read():
    spec = parse_org(BASE + GOOD)
    assert spec.replies[0] == ReplySpec("Ask for a photo", "Hello {requester}, please send a photo of the screen "
                                                           "for ticket {number} ({title}).")
    polish = names_for(spec.translations, "pl_PL")
    assert polish.category("Hardware/POS terminal") == "Sprzęt/Terminal płatniczy"
    assert polish.description("Hardware/POS terminal", "Till") == "Kasa, czytnik kart"
    assert polish.field("Hardware/POS terminal", "terminal_id", "Terminal ID") == "Numer terminala"
    assert polish.field("Hardware/POS terminal", "pump", "Pump") == "Pump"
    assert polish.site("PL-POZ-001", "x") == "Poznań, Głogowska 12"
    assert polish.site("PL-WAW-002", "Warszawa") == "Warszawa"
    assert polish.policy("Station incidents") == "Awarie na stacji"
    assert polish.policy("Everything else") == "Everything else"
    # a translated reply without its own text keeps the file's text
    on_the_way = polish.reply(spec.replies[1])
    assert on_the_way.name == "Serwisant w drodze" and on_the_way.text == spec.replies[1].text
    english = names_for(spec.translations, "en_GB")
    assert english.category("Hardware/POS terminal") == "Hardware/POS terminal"
    assert english.reply(spec.replies[0]) == spec.replies[0]


def test_fill_reply():
    text = "Hello {requester}, {number} ({title}) at {site}. {{literal}}"
    filled = fill_reply(text, {"requester": "Anna Nowak", "number": "PL-1", "title": "Till", "site": "Poznań"})
    assert filled == "Hello Anna Nowak, PL-1 (Till) at Poznań. {literal}"


def test_the_demo_file_has_replies_and_polish_names():
    spec = load_org(ROOT / "resources" / "demo-org.toml")
    assert len(spec.replies) >= 3
    polish = names_for(spec.translations, "pl")
    assert polish.category("Hardware/POS terminal") != "Hardware/POS terminal"
    assert all(polish.reply(r).name != r.name for r in spec.replies)


@pytest.mark.parametrize(("extra", "expected"), [
    ('[[replies]]\nname = "Hi"\ntext = "Hello {requestor}"\n',
     'replies[0].text: unknown placeholder {requestor} (did you mean "requester"?); known: {requester}'),
    ('[[replies]]\nname = "Hi"\ntext = "Hello {requester"\n', "replies[0].text: "),
    ('[[replies]]\nname = "Hi"\ntext = "Hello {requester!r}"\n', "replies[0].text: {requester} takes no format"),
    ('[[replies]]\nname = "Hi"\n', "replies[0].text: missing"),
    ('[[replies]]\nname = ""\ntext = "x"\n', "replies[0].name: must not be empty"),
    ('[[replies]]\nname = "Hi"\ntext = "a"\n[[replies]]\nname = "hi"\ntext = "b"\n',
     'replies[1].name: duplicate reply name "hi" (also at replies[0].name)'),
    ('[[replies]]\nname = "Hi"\ntext = "a"\ncolour = "red"\n', "replies[0].colour: unknown key"),
    ('[translations.de]\nsites = {}\n', "translations.de: not a language Branchdesk speaks (one of pl)"),
    ('[translations.pl]\nsites = { "PL-POZ-009" = "x" }\n',
     'translations.pl.sites.PL-POZ-009: unknown site "PL-POZ-009" (did you mean "PL-POZ-001"?)'),
    ('[translations.pl]\nteams = { "FEILD" = "x" }\n',
     'translations.pl.teams.FEILD: unknown team "FEILD" (did you mean "FIELD"?)'),
    ('[translations.pl]\nsuppliers = { "POSCO" = "" }\n', "translations.pl.suppliers.POSCO: must not be empty"),
    ('[translations.pl]\nsla = { "Station incident" = "x" }\n',
     'translations.pl.sla."Station incident": unknown SLA policy "Station incident"'),
    ('[translations.pl]\nlabels = { }\n', "translations.pl.labels: unknown key"),
    ('[translations.pl.categories]\n"Hardware/POS" = "x"\n',
     'translations.pl.categories."Hardware/POS": unknown category "Hardware/POS"'),
    ('[translations.pl.categories]\n"Hardware" = 3\n',
     "translations.pl.categories.Hardware: expected the category's name (a string) or a table"),
    ('[translations.pl.categories."Hardware/POS terminal"]\nfields = { terminal = "x" }\n',
     'translations.pl.categories."Hardware/POS terminal".fields.terminal: "Hardware/POS terminal" has no field '
     '"terminal"'),
    ('[translations.pl.categories."Hardware/POS terminal"]\nname = "Sprzęt/Terminal"\n',
     'translations.pl.categories."Hardware/POS terminal".name: is the category\'s own name'),
    ('[translations.pl.replies.Hi]\nname = "x"\n', 'translations.pl.replies.Hi: unknown reply "Hi" (not in [[replies]])'),
    ('[[replies]]\nname = "Hi"\ntext = "a"\n[translations.pl.replies.Hi]\ntext = "{nummer}"\n',
     "translations.pl.replies.Hi.text: unknown placeholder {nummer}"),
])
def test_bad_values_are_refused_by_their_key(extra, expected):
    found = problems(extra)
    assert any(p.startswith(expected) for p in found), found
