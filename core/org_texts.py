"""The organisation file's texts for people: canned replies (`[[replies]]`) and the
organisation's own names in other languages (`[translations.<lang>]`).

    [[replies]]
    name = "Ask for a photo"
    text = "Hello {requester}, could you send a photo of the screen for ticket {number}?"

    [translations.pl]
    sites = { "PL-POZ-005" = "Poznań, Głogowska" }
    teams = { "FIELD-PL" = "Serwis terenowy" }
    suppliers = { "PAYBRIDGE" = "Operator płatności" }
    sla = { "Station incidents" = "Awarie na stacji" }

    [translations.pl.categories."Hardware/POS terminal"]
    name = "Terminal POS"                      # the category's own part of the path
    description = "Kasa, skaner, wyświetlacz klienta"
    fields = { terminal_id = "Numer terminala" }

    [translations.pl.replies."Ask for a photo"]
    name = "Poproś o zdjęcie"
    text = "Dzień dobry {requester}, prosimy o zdjęcie ekranu do zgłoszenia {number}."

Everything is checked when the file is read: a reply's placeholders must be known,
and every translated name must name something the file defines (the problem names
the key). A name without a translation shows as written. core imports no Qt: the
window picks the language and asks `names_for`."""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from core.org_reader import ReaderBase
from core.orgspec import CategorySpec, SiteSpec, SlaPolicySpec, SupplierSpec, TeamSpec
from core.toml_table import Table, did_you_mean, kind_of, quote

# what a canned reply may name, filled from the ticket it is used on
PLACEHOLDERS = ("requester", "number", "title", "site", "category", "status", "agent")
# the languages an organisation may translate its names into (English is the file's own)
TRANSLATED_LANGUAGES = ("pl",)
_NAME_TABLES = ("sites", "teams", "suppliers", "sla")


@dataclass(frozen=True)
class ReplySpec:
    name: str
    text: str


@dataclass(frozen=True)
class CategoryTexts:
    name: str | None = None
    description: str | None = None
    fields: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class LanguageTexts:
    """One language's names; each map is keyed by what the file itself calls the thing."""

    categories: Mapping[str, CategoryTexts] = field(default_factory=dict)
    sites: Mapping[str, str] = field(default_factory=dict)
    teams: Mapping[str, str] = field(default_factory=dict)
    suppliers: Mapping[str, str] = field(default_factory=dict)
    sla: Mapping[str, str] = field(default_factory=dict)
    replies: Mapping[str, ReplySpec] = field(default_factory=dict)


class OrgNames:
    """The organisation's names in one language, each falling back to the file's own."""

    def __init__(self, texts: LanguageTexts | None = None) -> None:
        self.texts = texts or LanguageTexts()

    def category_part(self, path: str) -> str:
        """A category's own name (the last part of its path)."""
        own = self.texts.categories.get(path)
        return own.name if own is not None and own.name else path.rsplit("/", 1)[-1]

    def category(self, path: str) -> str:
        """A category's whole path, each part in this language: "Sprzęt/Terminal POS"."""
        parts = path.split("/")
        return "/".join(self.category_part("/".join(parts[: i + 1])) for i in range(len(parts)))

    def description(self, path: str, default: str) -> str:
        own = self.texts.categories.get(path)
        return own.description if own is not None and own.description else default

    def field(self, path: str, key: str, default: str) -> str:
        own = self.texts.categories.get(path)
        return own.fields.get(key, default) if own is not None else default

    def site(self, code: str, default: str) -> str:
        return self.texts.sites.get(code, default)

    def team(self, code: str, default: str) -> str:
        return self.texts.teams.get(code, default)

    def supplier(self, code: str, default: str) -> str:
        return self.texts.suppliers.get(code, default)

    def policy(self, name: str) -> str:
        return self.texts.sla.get(name, name)

    def reply(self, reply: ReplySpec) -> ReplySpec:
        """A reply in this language; a translation without a text keeps the file's own text."""
        own = self.texts.replies.get(reply.name)
        return ReplySpec(name=own.name, text=own.text or reply.text) if own is not None else reply


def names_for(translations: Mapping[str, LanguageTexts], language: str) -> OrgNames:
    """The organisation's names in `language` ("pl", "pl_PL"); the file's own for any other."""
    return OrgNames(translations.get(language.split("_")[0].lower()))


def fill_reply(text: str, values: Mapping[str, str]) -> str:
    """A canned reply with its placeholders filled; the reader made sure it names only known ones."""
    return text.format_map({name: values.get(name, "") for name in PLACEHOLDERS})


def placeholders_problem(text: str) -> str | None:
    """What is wrong with a reply's {placeholders}, or None."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        return f"{exc} (write {{{{ and }}}} for a brace itself)"
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in PLACEHOLDERS:
            hint = did_you_mean(name, PLACEHOLDERS)
            return f"unknown placeholder {{{name}}}{hint}; known: " + ", ".join(f"{{{p}}}" for p in PLACEHOLDERS)
        if spec or conversion:
            return f"{{{name}}} takes no format (write it as {{{name}}})"
    return None


class TextsReader(ReaderBase):
    """The organisation file reader's part for replies and translations."""

    def replies(self, tables: list[Table]) -> list[ReplySpec]:
        found, names = [], []
        for t in tables:
            name, text = t.text("name"), t.text("text")
            if text is not None and (problem := placeholders_problem(text)) is not None:
                self.problem(t.at("text"), problem)
                text = None
            if name is not None:
                names.append((t.at("name"), name.strip()))
            if name is not None and text is not None:
                found.append(ReplySpec(name=name.strip(), text=text))
        self.unique(names, "reply name", fold=True)
        return found

    def translations(self, t: Table | None, *, categories: Iterable[CategorySpec], sites: Iterable[SiteSpec],
                     teams: Iterable[TeamSpec], suppliers: Iterable[SupplierSpec],
                     sla: Iterable[SlaPolicySpec], replies: Iterable[ReplySpec]) -> dict[str, LanguageTexts]:
        if t is None:
            return {}
        known = {
            "sites": {s.code for s in sites}, "teams": {x.code for x in teams},
            "suppliers": {s.code for s in suppliers}, "sla": {p.name for p in sla},
        }
        by_path = {c.path: c for c in categories}
        reply_names = {r.name for r in replies}
        found: dict[str, LanguageTexts] = {}
        for language in list(t.data):
            if language not in TRANSLATED_LANGUAGES:
                t.asked.add(language)
                self.problem(t.at(language), "not a language Branchdesk speaks (one of "
                                             f"{', '.join(TRANSLATED_LANGUAGES)}){did_you_mean(language, TRANSLATED_LANGUAGES)}")
                continue
            lang = t.table(language)
            if lang is None:
                continue
            names = {key: self._names(lang.table(key), known[key], key) for key in _NAME_TABLES}
            found[language] = LanguageTexts(
                categories=self._categories(lang.table("categories"), by_path),
                replies=self._replies(lang.table("replies"), reply_names),
                sites=names["sites"], teams=names["teams"], suppliers=names["suppliers"], sla=names["sla"],
            )
        return found

    def _names(self, t: Table | None, known: set[str], what: str) -> dict[str, str]:
        """A table of "name in the file" = "name in this language"."""
        if t is None:
            return {}
        kind = {"sites": "site", "teams": "team", "suppliers": "supplier", "sla": "SLA policy"}[what]
        found = {}
        for key in list(t.data):
            value = t.text(key)
            if key not in known:
                self.problem(t.at(key), f"unknown {kind} {quote(key)}{did_you_mean(key, known)}")
            elif value is not None:
                found[key] = value.strip()
        return found

    def _categories(self, t: Table | None, by_path: Mapping[str, CategorySpec]) -> dict[str, CategoryTexts]:
        if t is None:
            return {}
        found = {}
        for path in list(t.data):
            value = t.data[path]
            if path not in by_path:
                t.asked.add(path)
                self.problem(t.at(path), f"unknown category {quote(path)}{did_you_mean(path, by_path)}")
                continue
            if isinstance(value, str):  # the short form: just the name
                name = t.text(path)
                found[path] = CategoryTexts(name=name.strip() if name else None)
                continue
            if not isinstance(value, dict):
                t.asked.add(path)
                self.problem(t.at(path), "expected the category's name (a string) or a table of name, "
                                         f"description and fields, got {kind_of(value)}")
                continue
            entry = t.table(path)
            if entry is None:
                continue
            own_fields = {f.key for f in by_path[path].fields}
            labels = {}
            table = entry.table("fields")
            for key in list(table.data) if table is not None else []:
                assert table is not None
                label = table.text(key)
                if key not in own_fields:
                    self.problem(table.at(key), f"{quote(path)} has no field {quote(key)}"
                                                f"{did_you_mean(key, own_fields)}")
                elif label is not None:
                    labels[key] = label.strip()
            name, description = entry.text("name", required=False), entry.text("description", required=False)
            if "/" in (name or ""):
                self.problem(entry.at("name"), "is the category's own name, without its parents (no \"/\")")
                name = None
            found[path] = CategoryTexts(name=name.strip() if name else None, description=description,
                                        fields=labels)
        return found

    def _replies(self, t: Table | None, known: set[str]) -> dict[str, ReplySpec]:
        if t is None:
            return {}
        found = {}
        for key in list(t.data):
            entry = t.table(key)
            if key not in known:
                self.problem(t.at(key), f"unknown reply {quote(key)} (not in [[replies]]){did_you_mean(key, known)}")
                continue
            if entry is None:
                continue
            name, text = entry.text("name", required=False), entry.text("text", required=False)
            if text is not None and (problem := placeholders_problem(text)) is not None:
                self.problem(entry.at("text"), problem)
                text = None
            found[key] = ReplySpec(name=(name or key).strip(), text=text or "")
        return found
