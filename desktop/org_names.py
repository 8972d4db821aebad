"""The organisation's own names (categories, sites, teams, suppliers, SLA policies,
canned replies) in the window's language, where the organisation file translates
them (`[translations.pl]`, core.org_texts); as the file writes them otherwise."""

from __future__ import annotations

from core.org_texts import OrgNames, names_for
from core.reference import Reference
from desktop.labels import label
from desktop.qt import QCoreApplication, QLocale


def org_names(ref: Reference) -> OrgNames:
    return names_for(ref.spec.translations, QLocale().name())


def short_name(name: str) -> str:
    """A name without the description an organisation file may add in brackets after
    it: "Kasatech POS Systems (POS terminals and POS software)" is "Kasatech POS
    Systems" where room is short (a chip); the whole name goes in its tooltip."""
    head, bracket, _rest = name.partition(" (")
    return head.strip() if bracket and name.endswith(")") and head.strip() else name


def clock_text(clock: str, ref: Reference) -> str:
    """An SLA clock as people call it, a supplier's or a team's by its name: "Response",
    "PayBridge: resolution", "Central service desk: response (team target)". The SLA
    engine names clocks "response", "resolution", "supplier:CODE",
    "supplier-response:CODE", "ola:TEAM", "ola-response:TEAM" and "idle"."""
    kind, _, code = clock.partition(":")
    names = org_names(ref)
    if kind in ("supplier", "supplier-response"):
        supplier = ref.supplier_codes.get(code)
        who = names.supplier(code, supplier.name) if supplier else QCoreApplication.translate("OrgNames", "A supplier")
        return (QCoreApplication.translate("OrgNames", "{0}: response") if kind == "supplier-response"
                else QCoreApplication.translate("OrgNames", "{0}: resolution")).format(who)
    if kind in ("ola", "ola-response"):
        team = ref.team_codes.get(code)
        who = names.team(code, team.name) if team else QCoreApplication.translate("OrgNames", "The team")
        return (QCoreApplication.translate("OrgNames", "{0}: response (team target)") if kind == "ola-response"
                else QCoreApplication.translate("OrgNames", "{0}: resolution (team target)")).format(who)
    if kind == "idle":
        return QCoreApplication.translate("OrgNames", "Time without a public update")
    return label("clock", kind)
