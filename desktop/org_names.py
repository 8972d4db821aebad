"""The organisation's own names (categories, sites, teams, suppliers, SLA policies,
canned replies) in the window's language, where the organisation file translates
them (`[translations.pl]`, core.org_texts); as the file writes them otherwise."""

from __future__ import annotations

from core.org_texts import OrgNames, names_for
from core.reference import Reference
from desktop.qt import QLocale


def org_names(ref: Reference) -> OrgNames:
    return names_for(ref.spec.translations, QLocale().name())
